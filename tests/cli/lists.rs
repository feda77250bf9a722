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
