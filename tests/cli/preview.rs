//! `cartero preview` on good input: the exact messages, parsed back.

use mail_parser::MimeHeaders;

use crate::support::*;

#[test]
fn readme_preview_command_writes_one_parsable_eml_per_example_client() {
    let c = Campaign::empty();
    // The README's command, from the repository, as a new user runs it.
    let config = format!("{REPO}/examples/cartero.toml");
    let out = c.path("preview");
    c.run(&[
        "--config",
        &config,
        "preview",
        "--out",
        out.to_str().unwrap(),
    ])
    .success()
    .stdout_has("wrote 13 emails");
    let emls = emls(&out);
    assert_eq!(emls.len(), 13);
    assert_eq!(emls[0].0, "0001-pepi-ruiz.eml");
    assert_eq!(emls[1].0, "0002-jose-maria-pena.eml");
    let csv = std::fs::read_to_string(format!("{REPO}/examples/clients.csv")).unwrap();
    for (name, bytes) in &emls {
        let m = parse(bytes);
        let to = addresses(m.to());
        assert_eq!(to.len(), 1, "{name}: exactly one recipient");
        assert!(csv.contains(&to[0]), "{name}: {to:?} is a client");
        assert!(
            m.cc().is_none() && m.bcc().is_none(),
            "{name}: no Cc, no Bcc"
        );
        assert_eq!(addresses(m.from()), vec!["ana@example.com"]);
        assert_eq!(
            m.from().unwrap().first().unwrap().name(),
            Some("Ana García")
        );
        assert!(m.message_id().unwrap().ends_with("@example.com"), "{name}");
        assert!(m.date().is_some());
        assert_eq!(
            m.header("MIME-Version").and_then(|h| h.as_text()),
            Some("1.0"),
            "{name}: a MIME message says so (RFC 2045 section 4)"
        );
        let ct = m.content_type().unwrap();
        assert_eq!((ct.ctype(), ct.subtype()), ("text", Some("plain")));
        assert_eq!(ct.attribute("charset"), Some("utf-8"));
        assert!(
            m.body_text(0).unwrap().contains("Ana García"),
            "{name}: signed"
        );
    }
    // Spanish: accents survive RFC 2047 and the date is written in Spanish.
    let ramon = parse(&emls[6].1);
    assert_eq!(ramon.subject(), Some("Ramón, gracias por este 2026"));
    let body = ramon.body_text(0).unwrap();
    assert!(body.contains("22 de noviembre de 2026"), "{body}");
    assert!(
        body.contains("Hemos cambiado de transportista"),
        "the multi-line note: {body}"
    );
    assert!(
        body.contains("no todo salió como esperabas"),
        "a hated client gets the mending paragraph: {body}"
    );
    // English clients get the English template.
    let emma = parse(&emls[9].1);
    assert_eq!(emma.subject(), Some("Emma, thank you for 2026"));
    assert!(emma.body_text(0).unwrap().contains("November 22, 2026"));
}

#[test]
fn preview_bytes_are_stable() {
    let c = Campaign::example();
    c.run(&["preview", "--out", "out"]).success();
    let eml = c.read("out/0001-pepi-ruiz.eml");
    insta::assert_snapshot!(eml);
}

#[test]
fn line_breaks_in_fields_never_reach_a_header() {
    let c = Campaign::with(
        "email,name,topic\nx@example.com,\"Eve\r\nBcc: evil@example.com\",\"the roof\nCc: evil@example.com\"\n",
        "Subject: About {{ topic }}, {{ name }}\nReply-To: Ana <help@example.com>\n\nHi {{ first_name }}, {{ topic }}.\n",
    );
    c.run(&["preview", "--out", "out"]).success();
    let raw = c.read("out/0001-eve-bcc-evil-example-com.eml");
    let head = raw.split("\r\n\r\n").next().unwrap();
    for line in head.lines() {
        assert!(
            !line.starts_with("Bcc:") && !line.starts_with("Cc:"),
            "{line}"
        );
    }
    let m = parse(raw.as_bytes());
    assert_eq!(addresses(m.to()), vec!["x@example.com"]);
    assert!(m.bcc().is_none() && m.cc().is_none());
    assert_eq!(
        m.subject(),
        Some("About the roof Cc: evil@example.com, Eve Bcc: evil@example.com")
    );
    assert_eq!(addresses(m.reply_to()), vec!["help@example.com"]);
}

#[test]
fn windows_1252_semicolons_and_crlf_as_excel_saves_them() {
    let mut csv = b"email;nombre_empresa;name;note\r\n".to_vec();
    csv.extend_from_slice(
        b"pepe@example.com;Pe\xf1a S.L.;Jos\xe9 Pe\xf1a;\"Gracias por el caf\xe9; y por todo\"\r\n",
    );
    let c = Campaign::with(
        "",
        "Subject: Hola {{ first_name }}\n\n{{ note }} ({{ nombre_empresa }})\n",
    );
    c.write("clients.csv", &csv);
    c.run(&["check"]).success().stderr_has("windows-1252");
    c.run(&["preview", "--out", "out"]).success();
    let m = parse(c.read("out/0001-jose-pena.eml").as_bytes().to_vec().leak());
    assert_eq!(m.subject(), Some("Hola José"));
    assert_eq!(
        m.body_text(0).unwrap().trim_end(),
        "Gracias por el café; y por todo (Peña S.L.)"
    );
}

#[test]
fn xlsx_numbers_and_dates_read_as_people_typed_them() {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2019, 3, 14).unwrap();
    let fmt = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
    for (col, h) in ["Email", "Name", "Affinity", "Since", "Orders"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, col as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "ana@example.com").unwrap();
    sheet.write_string(1, 1, "Ana Pérez").unwrap();
    sheet.write_number(1, 2, 8.0).unwrap();
    sheet.write_datetime_with_format(1, 3, &date, &fmt).unwrap();
    sheet.write_number(1, 4, 12.0).unwrap();
    let c = Campaign::with(
        "",
        "Subject: {{ first_name }} ({{ circle }}, {{ affinity }})\n\nClienta desde el {{ Since | date(lang=\"es\") }}: {{ Orders }} pedidos.\n",
    );
    book.save(c.path("clients.xlsx")).unwrap();
    c.run(&["--clients", "clients.xlsx", "preview", "--out", "out"])
        .success();
    let m = parse(c.read("out/0001-ana-perez.eml").as_bytes().to_vec().leak());
    assert_eq!(m.subject(), Some("Ana (loved, 8)"));
    assert_eq!(
        m.body_text(0).unwrap().trim_end(),
        "Clienta desde el 14 de marzo de 2019: 12 pedidos."
    );
}

#[test]
fn a_template_column_picks_another_file_for_one_client() {
    let c = Campaign::with(
        "email,name,template\na@example.com,Ana,\nb@example.com,Bea,special.txt\n",
        "Subject: normal\n\nnormal\n",
    );
    c.write(
        "templates/special.txt",
        "Subject: special {{ name }}\n\nspecial\n",
    );
    c.run(&["preview", "--out", "out"]).success();
    assert_eq!(
        parse(c.read("out/0002-bea.eml").as_bytes().to_vec().leak()).subject(),
        Some("special Bea")
    );
    assert_eq!(
        parse(c.read("out/0001-ana.eml").as_bytes().to_vec().leak()).subject(),
        Some("normal")
    );
}

#[test]
fn empty_cells_are_absent_so_default_works() {
    let c = Campaign::with(
        "email,name,city\na@example.com,Ana,\nb@example.com,Bea,León\n",
        "Subject: hola\n\n{{ city | default(value=\"tu ciudad\") }}\n",
    );
    c.run(&["preview", "--out", "out"]).success();
    assert!(c.read("out/0001-ana.eml").contains("tu ciudad"));
}

/// A minimal OpenDocument spreadsheet, as LibreOffice saves one: a zip with `content.xml`.
fn write_ods(path: &std::path::Path, rows: &[&[&str]]) {
    use std::io::Write;
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Clientes">"#,
    );
    for row in rows {
        xml.push_str("<table:table-row>");
        for cell in *row {
            match cell.parse::<f64>() {
                Ok(n) => xml.push_str(&format!(
                    r#"<table:table-cell office:value-type="float" office:value="{n}"><text:p>{cell}</text:p></table:table-cell>"#
                )),
                Err(_) => xml.push_str(&format!(
                    r#"<table:table-cell office:value-type="string"><text:p>{cell}</text:p></table:table-cell>"#
                )),
            }
        }
        xml.push_str("</table:table-row>");
    }
    xml.push_str("</table:table></office:spreadsheet></office:body></office:document-content>");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("content.xml", stored).unwrap();
    zip.write_all(xml.as_bytes()).unwrap();
    zip.start_file("META-INF/manifest.xml", stored).unwrap();
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#).unwrap();
    zip.finish().unwrap();
}

#[test]
fn ods_is_read_directly_and_errors_name_the_row() {
    let c = Campaign::with(
        "",
        "Subject: {{ first_name }} ({{ affinity }})\n\n{{ note }}\n",
    );
    write_ods(
        &c.path("clients.ods"),
        &[
            &["email", "name", "affinity", "note"],
            &[
                "lu@example.com",
                "Lucía Ortega",
                "9",
                "La feria de Zaragoza",
            ],
        ],
    );
    c.run(&["--clients", "clients.ods", "preview", "--out", "out"])
        .success();
    let m = parse(
        c.read("out/0001-lucia-ortega.eml")
            .as_bytes()
            .to_vec()
            .leak(),
    );
    assert_eq!(m.subject(), Some("Lucía (9)"));
    assert_eq!(m.body_text(0).unwrap().trim_end(), "La feria de Zaragoza");

    write_ods(
        &c.path("bad.ods"),
        &[
            &["email", "name"],
            &["ok@example.com", "Ok"],
            &["not an address", "Bad"],
        ],
    );
    c.run(&["--clients", "bad.ods", "check"])
        .failure()
        .stderr_has("bad.ods, row 3, column `email`, client `Bad`");
    c.run(&["--clients", "bad.ods", "--sheet", "Nope", "check"])
        .failure()
        .stderr_has("has no sheet `Nope`; its sheets are: Clientes");
}

#[test]
fn flags_beat_the_config_file() {
    let c = Campaign::with(
        "email,name\na@example.com,Ana\n",
        "Subject: from the config\n\nbody\n",
    );
    c.write(
        "templates/other.txt",
        "Subject: from the flag, {{ sender.name }}\n\nbody\n",
    );
    c.write("other.csv", "email,name\nb@example.com,Bea\n");
    c.run(&[
        "--template",
        "templates/other.txt",
        "--clients",
        "other.csv",
        "--from",
        "Luis <luis@example.org>",
        "preview",
        "--out",
        "out",
    ])
    .success();
    let m = parse(c.read("out/0001-bea.eml").as_bytes().to_vec().leak());
    assert_eq!(m.subject(), Some("from the flag, Luis"));
    assert_eq!(addresses(m.from()), ["luis@example.org"]);
    assert!(m.message_id().unwrap().ends_with("@example.org"));
    // `--config` names another file; its paths are relative to it.
    c.write("sub/cartero.toml", "[sender]\nemail = \"x@example.net\"\n[campaign]\nclients = \"../other.csv\"\ntemplate = \"../templates/t.txt\"\n");
    c.run(&["--config", "sub/cartero.toml", "preview", "--out", "out2"])
        .success();
    assert_eq!(
        addresses(parse(c.read("out2/0001-bea.eml").as_bytes().to_vec().leak()).from()),
        ["x@example.net"]
    );
}

#[test]
fn preview_replaces_its_own_files_and_never_deletes_others() {
    let c = Campaign::with(
        "email,name\na@example.com,Ana\nb@example.com,Bea\n",
        "Subject: hola\n\nbody\n",
    );
    c.run(&["preview", "--out", "out"]).success();
    c.write("clients.csv", "email,name\nb@example.com,Bea\n");
    c.run(&["preview", "--out", "out"]).success();
    let names: Vec<String> = emls(&c.path("out")).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        ["0001-bea.eml"],
        "the folder holds exactly this run's messages"
    );
    // A folder cartero did not make keeps what it had.
    c.write("mine/0007-keep.eml", "mine");
    c.run(&["preview", "--out", "mine"]).success().stderr_has(
        "holds 1 other .eml file that cartero did not write there; it was left as it was",
    );
    assert_eq!(c.read("mine/0007-keep.eml"), "mine");
}

#[test]
fn preview_into_a_folder_with_accented_file_names_does_not_panic() {
    let c = Campaign::with("email,name\na@example.com,Ana\n", "Subject: hola\n\nbody\n");
    for name in ["Café.eml", "é.eml", "0001é.eml"] {
        c.write(&format!("mine/{name}"), "mine");
        c.write(&format!("out/{name}"), "mine");
    }
    c.run(&["preview", "--out", "mine"]).success();
    c.run(&["preview", "--out", "out"]).success();
    c.run(&["preview", "--out", "out"]).success();
    for name in ["Café.eml", "é.eml", "0001é.eml"] {
        assert_eq!(c.read(&format!("mine/{name}")), "mine");
        assert_eq!(c.read(&format!("out/{name}")), "mine");
    }
    assert!(c.path("out/0001-ana.eml").exists());
}

#[test]
fn xlsx_numbers_with_decimals_and_dates_are_written_in_the_clients_language() {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2024, 1, 1).unwrap();
    let fmt = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    for (col, h) in ["email", "name", "language", "since", "total", "id"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, col as u16, *h).unwrap();
    }
    for (row, (email, name, lang)) in [
        ("ana@example.com", "Ana", "es"),
        ("bo@example.com", "Bo", "en"),
    ]
    .into_iter()
    .enumerate()
    {
        let r = row as u32 + 1;
        sheet.write_string(r, 0, email).unwrap();
        sheet.write_string(r, 1, name).unwrap();
        sheet.write_string(r, 2, lang).unwrap();
        sheet.write_datetime_with_format(r, 3, &date, &fmt).unwrap();
        sheet.write_number(r, 4, 1234567.89).unwrap();
        sheet.write_number(r, 5, 20240101.0).unwrap();
    }
    let c = Campaign::with(
        "",
        "Subject: {{ first_name }}\n\n{{ since }} | {{ total }} | {{ id }} | {{ since | date(format=\"%Y\") }}\n",
    );
    book.save(c.path("clients.xlsx")).unwrap();
    c.run(&["--clients", "clients.xlsx", "preview", "--out", "out"])
        .success();
    let body = |file: &str| {
        parse(c.read(file).as_bytes().to_vec().leak())
            .body_text(0)
            .unwrap()
            .trim_end()
            .to_string()
    };
    assert_eq!(
        body("out/0001-ana.eml"),
        "1 de enero de 2024 | 1.234.567,89 | 20240101 | 2024"
    );
    assert_eq!(
        body("out/0002-bo.eml"),
        "January 1, 2024 | 1,234,567.89 | 20240101 | 2024"
    );
}
