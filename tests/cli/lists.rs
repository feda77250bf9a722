//! Client lists as they arrive: mixed encodings, UTF-16 without a BOM, workbooks under the wrong
//! name or a password, empty sheets, folders. Each problem is said once, in words, with its place.

use crate::support::*;

const TEMPLATE: &str = "Subject: Hola {{ name }}\n\n{{ note }}\n";

/// `check` fails; stderr holds `text` and nothing unprintable; the returned stderr is for more.
#[track_caller]
fn fails_once_with(c: &Campaign, args: &[&str], text: &str) -> String {
    let run = c.run(args).failure().stderr_has(text);
    let stderr = run.stderr();
    assert!(
        !stderr.contains(|ch: char| ch.is_control() && ch != '\n'),
        "{stderr:?}"
    );
    assert_eq!(stderr.matches("error:").count(), 1, "{stderr}");
    stderr
}

fn no_control_characters(stderr: &str) {
    assert!(
        !stderr.contains(|ch: char| ch.is_control() && ch != '\n'),
        "{stderr:?}"
    );
}

// ---------------------------------------------------------------- encodings

#[test]
fn one_windows_1252_byte_does_not_garble_the_utf8_names() {
    let c = Campaign::with("", TEMPLATE);
    c.write(
        "clients.csv",
        b"email,name,note\na@example.com,Jos\xc3\xa9 Mar\xc3\xada,Gracias\nb@example.com,Bea,El caf\xe9 de marzo\nc@example.com,Iv\xc3\xa1n,Hola\n",
    );
    let run = c.run(&["preview", "--out", "out"]).success();
    let stderr = run.stderr();
    assert_eq!(stderr.matches("not UTF-8").count(), 1, "{stderr}");
    assert!(
        stderr.contains("warning: clients.csv:3, client `Bea`: this line is not UTF-8")
            && stderr.contains("`café`")
            && stderr.contains("save the file as CSV UTF-8"),
        "{stderr}"
    );
    let subject = |file: &str| {
        parse(c.read(file).as_bytes().to_vec().leak())
            .subject()
            .map(str::to_string)
    };
    assert_eq!(
        subject("out/0001-jose-maria.eml").as_deref(),
        Some("Hola José María")
    );
    assert_eq!(subject("out/0003-ivan.eml").as_deref(), Some("Hola Iván"));
    let bea = parse(c.read("out/0002-bea.eml").as_bytes().to_vec().leak())
        .body_text(0)
        .unwrap()
        .into_owned();
    assert_eq!(bea.trim_end(), "El café de marzo");
}

#[test]
fn each_line_not_in_utf8_is_named_and_later_lines_keep_their_numbers_with_crlf() {
    let c = Campaign::with("", TEMPLATE);
    c.write(
        "clients.csv",
        b"email,name,note\r\na@example.com,Jos\xc3\xa9,\"dos\r\nl\xedneas\"\r\nb@example.com,Pe\xf1a,x\r\nc@example.com,Ana,y\r\nbad,Luis,z\r\n",
    );
    let run = c.run(&["check"]).failure();
    let stderr = run.stderr();
    assert!(
        stderr.contains("error: clients.csv:6, column `email`, client `Luis`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("warning: clients.csv:3, client `José`: this line is not UTF-8"),
        "{stderr}"
    );
    assert!(
        stderr.contains("warning: clients.csv:4, client `Peña`: this line is not UTF-8"),
        "{stderr}"
    );
    assert_eq!(stderr.matches("not UTF-8").count(), 2, "{stderr}");
}

#[test]
fn a_file_wholly_in_windows_1252_gets_one_warning_for_the_file() {
    let c = Campaign::with("", TEMPLATE);
    c.write(
        "clients.csv",
        b"email,name,note\na@example.com,Jos\xe9,Gracias por el a\xf1o\nb@example.com,Pe\xf1a,caf\xe9\n",
    );
    let run = c.run(&["preview", "--out", "out"]).success();
    let stderr = run.stderr();
    assert_eq!(stderr.matches("warning:").count(), 1, "{stderr}");
    assert!(
        stderr.contains("warning: clients.csv: the file is not saved as UTF-8")
            && stderr.contains("save it as CSV UTF-8"),
        "{stderr}"
    );
    assert!(c.path("out/0001-jose.eml").exists());
    assert!(c.path("out/0002-pena.eml").exists());
}

fn utf16(text: &str, little: bool) -> Vec<u8> {
    text.encode_utf16()
        .flat_map(|u| {
            if little {
                u.to_le_bytes()
            } else {
                u.to_be_bytes()
            }
        })
        .collect()
}

#[test]
fn utf16_without_a_bom_is_read_in_either_byte_order() {
    for (little, name) in [(true, "UTF-16LE"), (false, "UTF-16BE")] {
        let c = Campaign::with("", TEMPLATE);
        c.write(
            "clients.csv",
            utf16(
                "email\tname\tnote\r\na@example.com\tJosé\tGracias\r\nbad\tBea\tx\r\n",
                little,
            ),
        );
        let run = c.run(&["check"]).failure();
        let stderr = run.stderr();
        no_control_characters(&stderr);
        assert!(
            stderr.contains(&format!(
                "warning: clients.csv: the file is {name} text without a byte-order mark"
            )),
            "{stderr}"
        );
        assert!(
            stderr.contains(
                "error: clients.csv:3, column `email`, client `Bea`: `bad` is not a valid email address"
            ),
            "{stderr}"
        );
        assert_eq!(stderr.matches("error:").count(), 1, "{stderr}");
    }
}

#[test]
fn nul_bytes_in_a_csv_are_one_error_and_never_printed() {
    let c = Campaign::with("", TEMPLATE);
    c.write(
        "clients.csv",
        b"email,name,note\na@example.com,Ana,x\nb@example.com,B\0e\0a,y\n",
    );
    fails_once_with(
        &c,
        &["check"],
        "error: clients.csv:3: this line holds NUL bytes",
    );
    let c = Campaign::with("", TEMPLATE);
    c.write("clients.csv", b"\0\0\0\x01\x02binary\0\0");
    fails_once_with(&c, &["check"], "save it as CSV UTF-8");
}

#[test]
fn lines_ended_by_a_lone_cr_are_counted() {
    let c = Campaign::with("", TEMPLATE);
    c.write(
        "clients.csv",
        "email,name,note\ra@example.com,Ana,x\rbad,Bea,y\r",
    );
    fails_once_with(
        &c,
        &["check"],
        "error: clients.csv:3, column `email`, client `Bea`",
    );
}

// ---------------------------------------------------------------- workbooks

fn xlsx(sheets: &[(&str, &[&[&str]])]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (col, cell) in row.iter().enumerate() {
                sheet.write_string(r as u32, col as u16, *cell).unwrap();
            }
        }
    }
    book.save_to_buffer().unwrap()
}

const LIST: &[&[&str]] = &[&["email", "name", "note"], &["a@example.com", "Ana", "x"]];

#[test]
fn a_csv_named_xlsx_is_one_error_saying_to_rename_it() {
    let c = Campaign::with("", TEMPLATE);
    c.write("clients.xlsx", "email,name,note\na@example.com,Ana,x\n");
    let stderr = fails_once_with(
        &c,
        &["--clients", "clients.xlsx", "check"],
        "`clients.xlsx` as a spreadsheet: it is not a workbook but CSV text: rename it to `clients.csv`",
    );
    assert!(!stderr.contains("EOCD"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    // The same in every command that reads the list.
    for command in ["status", "draft"] {
        let run = c.run(&["--clients", "clients.xlsx", command]).failure();
        assert_eq!(run.stderr().lines().count(), 1, "{}", run.stderr());
    }
}

#[test]
fn an_ods_that_is_not_a_zip_and_a_web_page_named_xls_are_one_error_each() {
    let c = Campaign::with("", TEMPLATE);
    c.write("clients.ods", "just some words\n");
    fails_once_with(
        &c,
        &["--clients", "clients.ods", "check"],
        "`clients.ods` as a spreadsheet: it is not a workbook but plain text",
    );
    c.write(
        "clients.xls",
        "<html><body><table><tr><td>email</td></tr></table></body></html>",
    );
    fails_once_with(
        &c,
        &["--clients", "clients.xls", "check"],
        "it is a web page (HTML)",
    );
    c.write("empty.xlsx", "");
    fails_once_with(
        &c,
        &["--clients", "empty.xlsx", "check"],
        "the file is empty (0 bytes)",
    );
}

#[test]
fn a_password_protected_workbook_says_how_to_remove_the_password() {
    // What Excel writes for an encrypted workbook: an OLE2 compound file (not a zip) whose
    // directory holds an `EncryptedPackage` stream. Only its start matters here.
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(512, 0);
    bytes.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    bytes.resize(1536, 0);
    let c = Campaign::with("", TEMPLATE);
    c.write("clients.xlsx", &bytes);
    let stderr = fails_once_with(
        &c,
        &["--clients", "clients.xlsx", "check"],
        "`clients.xlsx`: it is protected with a password: open it in Excel, remove the password (File > Info > Protect Workbook",
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    c.write("clients.csv", &bytes);
    fails_once_with(&c, &["check"], "protected with a password");
}

#[test]
fn a_truncated_or_damaged_workbook_is_one_error() {
    let c = Campaign::with("", TEMPLATE);
    let whole = xlsx(&[("Clientes", LIST)]);
    c.write("cut.xlsx", &whole[..whole.len() / 2]);
    let stderr = fails_once_with(
        &c,
        &["--clients", "cut.xlsx", "check"],
        "`cut.xlsx` as a spreadsheet: it is damaged or not a spreadsheet",
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    let mut garbled = whole.clone();
    for b in garbled.iter_mut().skip(64) {
        *b ^= 0x5a;
    }
    c.write("garbled.ods", &garbled);
    fails_once_with(
        &c,
        &["--clients", "garbled.ods", "check"],
        "it is damaged or not a spreadsheet",
    );
}

#[test]
fn a_workbook_named_csv_says_to_rename_it() {
    let c = Campaign::with("", TEMPLATE);
    c.write("clients.csv", xlsx(&[("Clientes", LIST)]));
    fails_once_with(
        &c,
        &["check"],
        "error: clients.csv: this is a spreadsheet workbook (.xlsx), not CSV text: rename it to `clients.xlsx`",
    );
}

#[test]
fn a_workbook_with_another_name_is_read_by_what_it_is() {
    let c = Campaign::with("", TEMPLATE);
    c.write("clients.xls", xlsx(&[("Clientes", LIST)]));
    c.run(&["--clients", "clients.xls", "check"])
        .success()
        .stdout_has("1 client in `clients.xls`");
}

#[test]
fn an_empty_first_sheet_points_to_the_sheet_with_the_list() {
    let c = Campaign::with("", TEMPLATE);
    c.write("clients.xlsx", xlsx(&[("Hoja1", &[]), ("Clientes", LIST)]));
    fails_once_with(
        &c,
        &["--clients", "clients.xlsx", "check"],
        "error: clients.xlsx: the first sheet, `Hoja1`, is empty; the list may be on sheet `Clientes`: pass `--sheet \"Clientes\"`",
    );
    c.run(&["--clients", "clients.xlsx", "--sheet", "Clientes", "check"])
        .success();
    c.write("blank.xlsx", xlsx(&[("Hoja1", &[])]));
    fails_once_with(
        &c,
        &["--clients", "blank.xlsx", "check"],
        "error: blank.xlsx: the first sheet, `Hoja1`, is empty: its first row must name the columns",
    );
}

#[test]
fn a_sheet_that_does_not_exist_lists_those_that_do() {
    let c = Campaign::with("", TEMPLATE);
    c.write("clients.xlsx", xlsx(&[("Clientes", LIST), ("Notas", &[])]));
    fails_once_with(
        &c,
        &["--clients", "clients.xlsx", "--sheet", "Nope", "check"],
        "`clients.xlsx` has no sheet `Nope`; its sheets are: Clientes, Notas: pass one of them with `--sheet`",
    );
    fails_once_with(
        &c,
        &["--clients", "clients.xlsx", "--sheet", "clientes", "check"],
        "did you mean `Clientes`?",
    );
}

// ---------------------------------------------------------------- headers and odd inputs

#[test]
fn a_column_without_a_name_but_with_cells_is_said() {
    let run = Campaign::with(
        "email,name,,note\na@example.com,Ana,Vigo,x\nb@example.com,Bea,,y\n",
        TEMPLATE,
    )
    .run(&["check"])
    .success();
    let stderr = run.stderr();
    assert!(
        stderr.contains("warning: clients.csv:1: column 3 has no name in the first line, so what is below it (1 cell) goes into no letter"),
        "{stderr}"
    );
    let c = Campaign::with("", TEMPLATE);
    c.write(
        "clients.xlsx",
        xlsx(&[(
            "Clientes",
            &[
                &["email", "name", "", "note"],
                &["a@example.com", "Ana", "Vigo", "x"],
            ],
        )]),
    );
    c.run(&["--clients", "clients.xlsx", "check"])
        .success()
        .stderr_has("warning: clients.xlsx, row 1: column C has no name");
}

#[test]
fn control_characters_in_a_header_are_dropped_not_printed() {
    let run = Campaign::with("email,na\x01me,note\x1b\na@example.com,Ana,x\n", TEMPLATE)
        .run(&["check"])
        .success();
    let stderr = run.stderr();
    no_control_characters(&stderr);
    assert!(
        stderr.contains("column `name`: the column name holds invisible control characters"),
        "{stderr}"
    );
}

#[test]
fn a_folder_as_the_client_list_names_the_lists_inside() {
    let c = Campaign::with("", TEMPLATE);
    c.write("lists/clientes.csv", "email,name\n");
    c.write("lists/notes.md", "x");
    fails_once_with(
        &c,
        &["--clients", "lists", "check"],
        "failed to read the client list `lists`: it is a folder, not a file; it holds `clientes.csv`: pass the list itself, such as `--clients lists/clientes.csv`",
    );
    c.write("empty.xlsx/.keep", "");
    fails_once_with(
        &c,
        &["--clients", "empty.xlsx", "check"],
        "`empty.xlsx`: it is a folder, not a file: pass `--clients FILE`",
    );
}

#[test]
fn a_sheet_asked_of_a_csv_is_said_to_be_ignored() {
    Campaign::with("email,name,note\na@example.com,Ana,x\n", TEMPLATE)
        .run(&["--sheet", "Clientes", "check"])
        .success()
        .stderr_has("warning: clients.csv: sheet `Clientes` was asked for, but this is a CSV file");
}

#[test]
fn a_file_that_is_no_text_at_all_is_said_to_be_what_it_is() {
    let mut noise = Vec::new();
    let mut seed = 12345u32;
    for _ in 0..3000 {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
        noise.push((seed >> 16) as u8);
    }
    for (name, bytes, says) in [
        (
            "clients.xlsx",
            noise.clone(),
            "it is neither a spreadsheet nor text",
        ),
        (
            "clients.csv",
            noise.clone(),
            "it is neither a spreadsheet nor text",
        ),
        (
            "clients.xlsx",
            b"%PDF-1.4\n%\xe2\xe3\n1 0 obj".to_vec(),
            "it is a PDF document, not a client list",
        ),
        (
            "clients.csv",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
            "it is a PNG picture, not a client list",
        ),
    ] {
        let c = Campaign::with("email,name\n", "Subject: x\n\nHola {{ name }}\n");
        c.write(name, &bytes);
        let run = c
            .run(&["--clients", name, "check"])
            .failure()
            .stderr_has(says);
        assert_eq!(
            run.stderr().matches("error:").count(),
            1,
            "{}",
            run.stderr()
        );
    }
}

#[test]
fn a_merged_cell_in_a_workbook_is_named_with_what_reads_empty() {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (col, h) in ["email", "name", "note", "city"].iter().enumerate() {
        sheet.write_string(0, col as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "a@example.com").unwrap();
    sheet.write_string(1, 1, "Ana").unwrap();
    sheet
        .merge_range(
            1,
            2,
            1,
            3,
            "la feria de Reus",
            &rust_xlsxwriter::Format::new(),
        )
        .unwrap();
    let c = Campaign::with("", TEMPLATE);
    book.save(c.path("clients.xlsx")).unwrap();
    c.run(&["--clients", "clients.xlsx", "check"])
        .success()
        .stderr_has("warning: clients.xlsx, row 2: cells C–D are merged; only the first (`note`) holds the value, so `city` is read as empty");
}

// ---------------------------------------------------------------- the lists people really have

const GREETING: &str =
    "Subject: Hola {{ first_name }}\n\nHola {{ first_name }}:\n\n{{ note | default(value=\"\") }}\n{{ company | default(value=\"\") }}\n";

/// A campaign whose client list is the file `name`, holding `bytes`.
fn list_named(name: &str, bytes: &[u8]) -> Campaign {
    let c = Campaign::with("", GREETING);
    c.write(
        "cartero.toml",
        format!("[sender]\nname = \"Ana García\"\nemail = \"ana@example.com\"\n\n[campaign]\nclients = \"{name}\"\ntemplate = \"templates/t.txt\"\n"),
    );
    c.write(name, bytes);
    c
}

/// The letters `preview --out out` made: (To:, Subject:, body).
fn previewed(c: &Campaign) -> Vec<(Vec<String>, String, String)> {
    c.run(&["preview", "--out", "out"]).success();
    emls(&c.path("out"))
        .iter()
        .map(|(_, bytes)| {
            let m = parse(bytes);
            (
                addresses(m.to()),
                m.subject().unwrap_or_default().to_string(),
                m.body_text(0).unwrap_or_default().replace("\r\n", "\n"),
            )
        })
        .collect()
}

#[test]
fn a_spanish_headed_list_works_end_to_end() {
    let c = Campaign::with(
        "Nombre;Correo electrónico;Nota\nJosé María Peña;jm@example.com;Gracias por la obra de Oviedo\nBea Ruiz;bea@example.com;\n",
        GREETING,
    );
    let run = c.run(&["check"]).success();
    run.stdout_has("columns: name ← Nombre, email ← Correo electrónico, note ← Nota");
    let letters = previewed(&c);
    assert_eq!(letters.len(), 2);
    assert_eq!(letters[0].0, ["jm@example.com"]);
    assert_eq!(letters[0].1, "Hola José");
    assert!(
        letters[0].2.contains("Gracias por la obra de Oviedo"),
        "{:?}",
        letters[0]
    );
    assert_eq!(letters[1].0, ["bea@example.com"]);
}

#[test]
fn a_google_contacts_export_greets_by_the_given_name_and_leaves_out_who_has_no_address() {
    let csv = "First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,Name Prefix,Name Suffix,Nickname,File As,Organization Name,Organization Title,Organization Department,Birthday,Notes,Photo,Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value\n\
José María,,Peña,,,,,,,,Peña y Cía,,,,\"La obra de Oviedo, \"\"por fin\"\"\nterminada\",,* myContacts,Home,casa@example.com ::: otra@example.com,* Work,jm@example.com,Mobile,+34 600 000 000\n\
Fontanero,,,,,,,,,,,,,,,,* myContacts,,,,,Mobile,+34 611 111 111\n\
Carmen,,Vidal,,,,,,,,,,,,,,* myContacts,Home,carmen@example.com,,,,\n\
Mamá,,,,,,,,,,,,,,,,* myContacts,,,,,Mobile,+34 622 222 222\n";
    let c = list_named("contacts.csv", csv.as_bytes());
    let run = c.run(&["check"]).success();
    let stderr = run.stderr();
    assert_eq!(
        stderr.matches("warning: contacts.csv: ").count(),
        2,
        "{stderr}"
    );
    assert!(
        stderr.contains("warning: contacts.csv: 2 contacts have no email address and are left out: Fontanero, Mamá"),
        "{stderr}"
    );
    assert!(
        stderr.contains("José María Peña (jm@example.com, not casa@example.com, otra@example.com)"),
        "{stderr}"
    );
    run.stdout_has("read as a Google Contacts export");
    let letters = previewed(&c);
    assert_eq!(letters.len(), 2);
    assert_eq!(letters[0].0, ["jm@example.com"]);
    assert_eq!(letters[0].1, "Hola José María");
    assert!(
        letters[0]
            .2
            .contains("La obra de Oviedo, \"por fin\"\nterminada"),
        "{:?}",
        letters[0]
    );
    assert!(letters[0].2.contains("Peña y Cía"), "{:?}", letters[0]);
    assert_eq!(letters[1].1, "Hola Carmen");
}

/// Text as Outlook saves its CSV: Windows-1252, every field quoted, CRLF.
fn outlook_csv(rows: &[&[&str]]) -> Vec<u8> {
    let text: String = rows
        .iter()
        .map(|r| {
            let cells: Vec<String> = r
                .iter()
                .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
                .collect();
            cells.join(",") + "\r\n"
        })
        .collect();
    text.chars()
        .map(|ch| {
            let code = ch as u32;
            assert!(code < 0x100, "{ch} is not in Latin-1");
            code as u8
        })
        .collect()
}

#[test]
fn a_spanish_outlook_export_in_windows_1252() {
    let bytes = outlook_csv(&[
        &[
            "Tratamiento",
            "Nombre",
            "Segundo nombre",
            "Apellidos",
            "Sufijo",
            "Organización",
            "Departamento",
            "Notas",
            "Dirección de correo electrónico",
            "Tipo de correo electrónico",
            "Nombre para mostrar del correo electrónico",
            "Dirección de correo electrónico 2",
        ],
        &[
            "",
            "Íñigo",
            "",
            "Núñez",
            "",
            "Núñez e Hijos",
            "",
            "El año de la mudanza,\r\ncon \"mucha\" lluvia",
            "inigo@example.com",
            "SMTP",
            "Íñigo Núñez (inigo@example.com)",
            "inigo@casa.example.com",
        ],
        &["", "Abuela", "", "", "", "", "", "", "", "", "", ""],
    ]);
    let c = list_named("contactos.csv", &bytes);
    let run = c.run(&["check"]).success();
    let stderr = run.stderr();
    assert!(!stderr.contains("UTF-8"), "{stderr}");
    assert!(stderr.contains("left out: Abuela"), "{stderr}");
    assert!(
        stderr.contains("Íñigo Núñez (inigo@example.com, not inigo@casa.example.com)"),
        "{stderr}"
    );
    let letters = previewed(&c);
    assert_eq!(letters.len(), 1);
    assert_eq!(letters[0].0, ["inigo@example.com"]);
    assert_eq!(letters[0].1, "Hola Íñigo");
    assert!(
        letters[0]
            .2
            .contains("El año de la mudanza,\ncon \"mucha\" lluvia"),
        "{:?}",
        letters[0]
    );
}

/// A line folded as Apple Contacts folds it: at 75 bytes, even inside a character.
fn apple_fold(line: &str) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, chunk) in line.as_bytes().chunks(75).enumerate() {
        if i > 0 {
            out.extend_from_slice(b"\r\n ");
        }
        out.extend_from_slice(chunk);
    }
    out.extend_from_slice(b"\r\n");
    out
}

#[test]
fn an_apple_vcard_file_folded_inside_characters() {
    let note = "NOTE:Recuerdo el año de obras en la casa de Oviedo\\, con la grúa y la señora de las vigas\\; al final salió todo bien\\nY la cena: ¡qué cena!";
    let cards = |carmen: &str| -> Vec<u8> {
        [
            "BEGIN:VCARD",
            "VERSION:3.0",
            "N:Peña;José María;;;",
            "FN:José María Peña",
            "ORG:Peña y Cía;",
            "item1.EMAIL;type=INTERNET;type=HOME:casa@example.com",
            "EMAIL;type=INTERNET;type=WORK;type=pref:jm@example.com",
            note,
            "END:VCARD",
            "BEGIN:VCARD",
            "VERSION:3.0",
            "N:;Fontanero;;;",
            "FN:Fontanero",
            "TEL;type=CELL:+34 600 000 000",
            "END:VCARD",
            "BEGIN:VCARD",
            "VERSION:3.0",
            "N:Vidal;Carmen;;;",
            "FN:Carmen Vidal",
            carmen,
            "END:VCARD",
        ]
        .into_iter()
        .flat_map(apple_fold)
        .collect()
    };
    let bytes = cards("EMAIL;type=INTERNET:bad@@example");
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "a fold falls inside `ñ`"
    );
    let c = list_named("contactos.vcf", &bytes);
    let run = c.run(&["check"]).failure();
    let stderr = run.stderr();
    // A card's problem names the line of its `BEGIN:VCARD`.
    assert!(
        stderr.contains("error: contactos.vcf:17, column `email`, client `Carmen Vidal`"),
        "{stderr}"
    );
    assert!(stderr.contains("left out: Fontanero"), "{stderr}");
    let c = list_named("contactos.vcf", &cards("EMAIL:carmen@example.com"));
    let letters = previewed(&c);
    assert_eq!(letters.len(), 2);
    assert_eq!(letters[1].1, "Hola Carmen");
    assert_eq!(letters[0].0, ["jm@example.com"]);
    assert_eq!(letters[0].1, "Hola José María");
    assert!(
        letters[0].2.contains(
            "con la grúa y la señora de las vigas; al final salió todo bien\nY la cena: ¡qué cena!"
        ),
        "{:?}",
        letters[0]
    );
}

#[test]
fn an_outlook_vcard_2_1_in_quoted_printable() {
    let bytes: &[u8] = b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;ENCODING=QUOTED-PRINTABLE;CHARSET=Windows-1252:N=FA=F1ez;=CD=F1igo\r\nFN;ENCODING=QUOTED-PRINTABLE;CHARSET=Windows-1252:=CD=F1igo N=FA=F1ez\r\nORG:N\xfa\xf1ez e Hijos\r\nNOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=Windows-1252:El a=F1o de la mudanza,=0D=0Acon mucha lluvia y una nota larga que Outlook =\r\nparte con un igual\r\nEMAIL;PREF;INTERNET:inigo@example.com\r\nEMAIL;INTERNET:inigo@casa.example.com\r\nEND:VCARD\r\n";
    let c = list_named("inigo.vcf", bytes);
    let letters = previewed(&c);
    assert_eq!(letters[0].0, ["inigo@example.com"]);
    assert_eq!(letters[0].1, "Hola Íñigo");
    assert!(
        letters[0].2.contains("El año de la mudanza,\ncon mucha lluvia y una nota larga que Outlook parte con un igual\nNúñez e Hijos"),
        "{:?}",
        letters[0]
    );
}

#[test]
fn an_address_book_full_of_plumbers_never_stops_the_campaign() {
    let mut vcf = String::from("BEGIN:VCARD\nVERSION:4.0\nFN:Ana Ruiz\nN:Ruiz;Ana;;;\nEMAIL;PREF=1:ana@example.com\nEMAIL:ana@work.example.com\nEND:VCARD\n");
    for i in 0..40 {
        vcf.push_str(&format!(
            "BEGIN:VCARD\nVERSION:4.0\nFN:Fontanero {i}\nTEL:+34 600 000 {i:03}\nEND:VCARD\n"
        ));
    }
    let c = list_named("agenda.vcf", vcf.as_bytes());
    let run = c.run(&["check"]).success();
    let stderr = run.stderr();
    assert_eq!(
        stderr.matches("warning: agenda.vcf: ").count(),
        2,
        "{stderr}"
    );
    assert_eq!(
        stderr.matches("have no email address").count(),
        1,
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "40 contacts have no email address and are left out: Fontanero 0, Fontanero 1,"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("1 contact has several email addresses"),
        "{stderr}"
    );
    run.stdout_has("read as a vCard file");
    assert_eq!(previewed(&c)[0].0, ["ana@example.com"]);
}

#[test]
fn an_outlook_export_saved_as_a_workbook_is_still_one() {
    let book = xlsx(&[(
        "Contactos",
        &[
            &[
                "Nombre",
                "Segundo nombre",
                "Apellidos",
                "Notas",
                "Dirección de correo electrónico",
            ],
            &[
                "José María",
                "",
                "Peña",
                "La obra de Oviedo",
                "jm@example.com",
            ],
            &["Fontanero", "", "", "", ""],
        ],
    )]);
    let c = list_named("contactos.xlsx", &book);
    let run = c.run(&["check"]).success();
    assert!(
        run.stderr().contains(
            "warning: contactos.xlsx: 1 contact has no email address and is left out: Fontanero"
        ),
        "{}",
        run.stderr()
    );
    let letters = previewed(&c);
    assert_eq!(letters[0].0, ["jm@example.com"]);
    assert_eq!(letters[0].1, "Hola José María");
}

#[test]
fn a_vcard_missing_its_end_loses_no_contact_after_it_and_is_said() {
    let vcf = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Uno Primero\r\nEMAIL:uno@example.com\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dos Segundo\r\nEMAIL:dos@example.com\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Tres\r\nEMAIL:tres@example.com\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Cuatro Cortado\r\nEMAIL:cuatro@example.com\r\n";
    let c = list_named("agenda.vcf", vcf.as_bytes());
    c.run(&["check"])
        .success()
        .stdout_has("4 clients")
        .stderr_has("warning: agenda.vcf:1: this card has no `END:VCARD`")
        .stderr_has("the same on line 15");
    let to: Vec<String> = previewed(&c).into_iter().flat_map(|l| l.0).collect();
    assert_eq!(
        to,
        [
            "uno@example.com",
            "dos@example.com",
            "tres@example.com",
            "cuatro@example.com"
        ]
    );
}

#[test]
fn two_contacts_sharing_an_address_are_said_to_be_maybe_one_person() {
    let csv = "First Name,Middle Name,Last Name,Notes,Organization Name,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value\n\
Ana,,López,nota ana,,Home,ana.home@example.com,* Work,ana.work@example.com\n\
Ana,,López,nota ana dup,,* Other,ANA.HOME@example.com,,\n\
Bo,,Li,nota bo,,* Home,bo@example.com,,\n";
    let c = list_named("contacts.csv", csv.as_bytes());
    c.run(&["check"])
        .success()
        .stderr_has("these contacts share an address, so one person may get two letters: Ana López (ANA.HOME@example.com) and Ana López (written to at ana.work@example.com)");
}

#[test]
fn a_spanish_list_with_the_family_name_apart_greets_by_the_given_name_whole() {
    let csv = "Nombre;Apellidos;Correo electrónico;Notas\nMaría José;García Pérez;mj@example.com;lo de la feria\nJosé María;Peña;jm@example.com;la obra\n";
    let c = list_named("clientes.csv", csv.as_bytes());
    c.run(&["check"])
        .success()
        .stdout_has("surname ← Apellidos");
    let letters = previewed(&c);
    assert_eq!(letters[0].0, ["mj@example.com"]);
    assert_eq!(letters[0].1, "Hola María José");
    assert_eq!(letters[1].1, "Hola José María");
    let eml = std::fs::read(c.path("out/0001-maria-jose-garcia-perez.eml")).unwrap();
    let m = parse(&eml);
    let to = m.to().unwrap().first().unwrap();
    assert_eq!(to.name(), Some("María José García Pérez"));
}
