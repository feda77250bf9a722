//! Property tests: arbitrary bytes and structured random input thrown at every loader and at
//! state derivation. No input may panic, every loader's error names its file, and a journal cut
//! anywhere never makes a letter look sent, nor an approved one lose its approval.
//!
//! `PROPTEST_CASES` sets the cases per property (256 by default); a longer run:
//! `PROPTEST_CASES=20000 cargo test --release --test cli props`.

use cartero::domain::clients::{self, parse_csv, Language};
use cartero::domain::compose::Templates;
use cartero::domain::message;
use cartero::settings::{Config, Settings};
use cartero::state::drafts::{self, state_of, DraftFile, State};
use cartero::state::journal::{self, Event, FiledBy, Filer, Journal, Proof, What};
use chrono::{DateTime, FixedOffset};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(256);
    ProptestConfig {
        cases,
        // Failures are pinned as named regression tests instead, next to the bug they found.
        failure_persistence: Some(Box::new(FileFailurePersistence::Off)),
        ..ProptestConfig::default()
    }
}

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-22T10:30:00+01:00").unwrap()
}

// ---------------------------------------------------------------- client lists

/// A cell as people type them: accents, quotes, delimiters, line breaks, control characters.
fn cell() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => "[a-zA-Z0-9 @._-]{1,6}",
            1 => Just("é".to_string()),
            1 => Just("ñ".to_string()),
            1 => Just("\"".to_string()),
            1 => Just(",".to_string()),
            1 => Just(";".to_string()),
            1 => Just("\t".to_string()),
            1 => Just("\n".to_string()),
            1 => Just("\r\n".to_string()),
            1 => Just("€".to_string()),
            1 => "\\PC{0,3}",
        ],
        0..5,
    )
    .prop_map(|parts| parts.concat())
}

/// A cell of a list saved as Windows-1252 (Spanish Excel): Spanish words with what that
/// encoding has and UTF-8 lacks. Words, not letters at random: the reader tells Windows-1252
/// from its neighbours by how the text reads (a note of `ÚÑa` alone reads as Cyrillic), and a
/// `€` (0x80, a UTF-8 continuation byte) after a space, as people write it, so that no accented
/// letter before it makes a valid UTF-8 sequence.
fn cell_1252() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            6 => prop::sample::select(vec![
                "año", "Cádiz", "gracias", "por", "la", "paella", "de", "junio", "niño",
                "canción", "está", "Peña", "ayer", "más", "café", "pingüino", "también",
                "mañana", "José", "María", "Íñigo", "Begoña", "Güell", "Ibáñez", "Álvaro",
            ])
            .prop_map(str::to_string),
            1 => prop::sample::select(vec![" 20 €", " ¿qué tal?", " ¡olé!", " «sí»", " 3º", " 1ª"])
                .prop_map(str::to_string),
            1 => "[a-zA-Z0-9 @._-]{1,6}",
            1 => Just("\"".to_string()),
            1 => Just(",".to_string()),
            1 => Just(";".to_string()),
            1 => Just("\t".to_string()),
            1 => Just("\n".to_string()),
            1 => Just("\r\n".to_string()),
        ],
        0..8,
    )
    .prop_map(|parts| parts.join(" "))
}

/// A person's name as a Windows-1252 list holds it.
fn name_1252() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "José", "María", "Peña", "Íñigo", "Muñoz", "Begoña", "Güell", "Ibáñez", "Álvaro",
            "Núñez", "Sofía", "Ramón", "Lucía", "Tomás", "O'Connor", "Ana", "Ruiz",
        ]),
        1..4,
    )
    .prop_map(|words| words.join(" "))
}

/// An address as people have them: mixed case, `+` and `_` before the `@`.
fn address() -> impl Strategy<Value = String> {
    (
        "[A-Za-z0-9][A-Za-z0-9_+-]{0,8}",
        "[a-zA-Z]{1,8}",
        prop::sample::select(vec!["com", "es", "org", "ES"]),
    )
        .prop_map(|(local, domain, tld)| format!("{local}@{domain}.{tld}"))
}

/// A note as a list keeps it: line ends made `\n`, control characters dropped, trimmed; an
/// empty one is no note.
fn as_kept(note: &str) -> Option<String> {
    let text: String = note
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect();
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

#[derive(Debug, Clone, Copy)]
enum Encoding {
    Utf8,
    Utf8Bom,
    Windows1252,
    Utf16Le,
    Utf16Be,
}

fn encode(text: &str, encoding: Encoding) -> Vec<u8> {
    match encoding {
        Encoding::Utf8 => text.as_bytes().to_vec(),
        Encoding::Utf8Bom => [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat(),
        Encoding::Windows1252 => encoding_rs::WINDOWS_1252.encode(text).0.into_owned(),
        Encoding::Utf16Le => [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect(),
        Encoding::Utf16Be => [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect(),
    }
}

fn encoding() -> impl Strategy<Value = Encoding> {
    prop_oneof![
        Just(Encoding::Utf8),
        Just(Encoding::Utf8Bom),
        Just(Encoding::Windows1252),
        Just(Encoding::Utf16Le),
        Just(Encoding::Utf16Be),
    ]
}

/// A CSV as a spreadsheet might export it: random quoting, delimiter, line end, encoding.
fn csv_file() -> impl Strategy<Value = Vec<u8>> {
    let header = prop::collection::vec(
        prop_oneof![
            Just("email".to_string()),
            Just("name".to_string()),
            Just("note".to_string()),
            Just(" Affinity ".to_string()),
            Just("language".to_string()),
            Just("template".to_string()),
            cell(),
        ],
        0..6,
    );
    let rows = prop::collection::vec(prop::collection::vec((cell(), any::<bool>()), 0..7), 0..6);
    (
        header,
        rows,
        prop::sample::select(vec![",", ";", "\t"]),
        prop::sample::select(vec!["\n", "\r\n"]),
        encoding(),
        any::<bool>(),
    )
        .prop_map(|(header, rows, delimiter, end, encoding, final_end)| {
            let quote = |c: &str, q: bool| {
                if q {
                    format!("\"{}\"", c.replace('"', "\"\""))
                } else {
                    c.to_string()
                }
            };
            let mut lines = vec![header
                .iter()
                .map(|h| quote(h, h.contains(['"', ',', ';', '\t', '\n'])))
                .collect::<Vec<_>>()
                .join(delimiter)];
            for row in rows {
                lines.push(
                    row.iter()
                        .map(|(c, q)| quote(c, *q))
                        .collect::<Vec<_>>()
                        .join(delimiter),
                );
            }
            let mut text = lines.join(end);
            if final_end {
                text.push_str(end);
            }
            encode(&text, encoding)
        })
}

fn assert_problems_name(list: &clients::ClientList, label: &str) {
    for p in &list.problems {
        assert_eq!(&*p.file, label, "{p}");
        assert!(p.to_string().contains(label), "{p}");
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn client_lists_of_any_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let list = parse_csv(&bytes, "clients.csv");
        assert_problems_name(&list, "clients.csv");
    }

    #[test]
    fn client_lists_as_spreadsheets_export_them_never_panic(bytes in csv_file()) {
        let list = parse_csv(&bytes, "clients.csv");
        assert_problems_name(&list, "clients.csv");
        for c in &list.clients {
            prop_assert!(!c.name.contains(['\r', '\n']), "{:?}", c.name);
            prop_assert_eq!(&c.key, &c.key.to_lowercase());
        }
    }

    /// Through the file: an error names it.
    #[test]
    fn client_list_files_name_themselves_in_errors(bytes in csv_file()) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("clientes.csv");
        std::fs::write(&path, &bytes).unwrap();
        let list = clients::load(&path, None).unwrap();
        assert_problems_name(&list, &path.display().to_string());
    }

    /// Well-formed lists come back whole (every address, name and note, in order), in every
    /// encoding, delimiter and line end.
    #[test]
    fn well_formed_client_lists_round_trip(
        (encoding, rows) in encoding().prop_flat_map(|encoding| {
            let (name, note) = match encoding {
                Encoding::Windows1252 => (name_1252().boxed(), cell_1252().boxed()),
                _ => ("[A-Za-zÁÉÍÓÚáéíóúñÑü' ]{0,12}[A-Za-zñ]".boxed(), cell().boxed()),
            };
            let row = (address(), name, note);
            (Just(encoding), prop::collection::vec(row, 1..6))
        }),
        delimiter in prop::sample::select(vec![",", ";", "\t"]),
        end in prop::sample::select(vec!["\n", "\r\n"]),
    ) {
        let q = |c: &str| format!("\"{}\"", c.replace('"', "\"\""));
        let mut text = ["email", "name", "note"].join(delimiter) + end;
        // The row's number makes each address its own.
        let emails: Vec<String> = rows
            .iter()
            .enumerate()
            .map(|(i, (address, _, _))| format!("c{i}.{address}"))
            .collect();
        for ((_, name, note), email) in rows.iter().zip(&emails) {
            let row = [email.clone(), q(name), q(note)];
            text.push_str(&(row.join(delimiter) + end));
        }
        let list = parse_csv(&encode(&text, encoding), "clients.csv");
        prop_assert!(!list.has_errors(), "{:?}\n{text:?}", list.problems);
        prop_assert_eq!(list.clients.len(), rows.len());
        for (c, ((_, name, note), email)) in list.clients.iter().zip(rows.iter().zip(&emails)) {
            prop_assert_eq!(&c.email, email);
            prop_assert_eq!(&c.key, &email.to_lowercase());
            prop_assert_eq!(&c.name, &cartero::text::clean_line(name));
            prop_assert_eq!(&c.note, &as_kept(note), "{:?}", text);
        }
    }
}

// ---------------------------------------------------------------- templates

/// Pieces of Tera, well- and ill-formed, including the `date` filter with random formats.
fn template_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-zA-Zé ,.\n]{0,10}",
        2 => prop::sample::select(vec!["name", "first_name", "note", "email", "affinity",
            "circle", "year", "today", "sender.name", "missing", "language", "city"])
            .prop_map(|v| format!("{{{{ {v} }}}}")),
        2 => ("%[a-zA-Z%:.+-]{0,3}[ -~]{0,4}", prop::option::of("[a-z]{0,3}"))
            .prop_map(|(f, lang)| {
                let lang = lang.map(|l| format!(", lang=\"{l}\"")).unwrap_or_default();
                format!("{{{{ today | date(format=\"{}\"{lang}) }}}}", f.replace(['"', '\\'], ""))
            }),
        1 => Just("{{ name | date }}".to_string()),
        1 => Just("{{ note | default(value=\"-\") }}".to_string()),
        1 => Just("{% if affinity %}A{% else %}B{% endif %}".to_string()),
        1 => Just("{% for c in name %}{{ c }}{% endfor %}".to_string()),
        1 => prop::sample::select(vec!["{{", "}}", "{%", "%}", "{#", "#}", "{{ }}", "{% if %}",
            "{{ 1 / 0 }}", "{{ name | shout }}", "{{ name[0] }}", "{% raw %}", "{{ -9999999999999999999 }}"])
            .prop_map(str::to_string),
        1 => "\\PC{0,6}",
    ]
}

/// A header line no template may set: a second or hidden recipient, or another sender.
fn forbidden_header() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec![
            "To", "Cc", "Bcc", "From", "cc", "BCC", "bCc", "to", "FROM",
        ]),
        prop::sample::select(vec![
            "{{ email }}",
            "x@example.com",
            "Eve <eve@example.com>",
            "a@example.com, eve@example.com",
            "",
        ]),
    )
        .prop_map(|(name, value)| format!("{name}: {value}"))
}

/// Pieces of Tera that render for every client of `render_everyone`.
fn good_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-zA-Zé,.][a-zA-Zé ,.\n]{0,10}",
        2 => prop::sample::select(vec!["name", "first_name", "email", "year", "sender.name"])
            .prop_map(|v| format!("{{{{ {v} }}}}")),
        1 => Just("{{ note | default(value=\"-\") }}".to_string()),
        1 => Just("{% if affinity %}A{% else %}B{% endif %}".to_string()),
        1 => Just("{{ today | date(format=\"%d\") }}".to_string()),
    ]
}

/// A template: half of them of pieces that all render, so that what a rendered letter is
/// gets checked as often as what a broken template says.
fn template_text() -> impl Strategy<Value = String> {
    prop_oneof![
        template_of(template_piece().boxed()),
        template_of(good_piece().boxed())
    ]
}

fn template_of(piece: BoxedStrategy<String>) -> impl Strategy<Value = String> {
    (
        prop::collection::vec(piece.clone(), 0..4),
        prop::option::of(prop::collection::vec(piece.clone(), 0..2)),
        prop::option::of((forbidden_header(), 0..3usize)),
        prop::collection::vec(piece, 0..8),
        prop::sample::select(vec!["\n", "\r\n"]),
    )
        .prop_map(|(subject, reply_to, forbidden, body, end)| {
            let mut head = vec![format!("Subject: {}", subject.concat().replace('\n', " "))];
            if let Some(r) = reply_to {
                head.push(format!("Reply-To: {}", r.concat().replace('\n', " ")));
            }
            if let Some((line, at)) = forbidden {
                head.insert(at.min(head.len()), line);
            }
            format!("{}{end}{end}{}", head.join(end), body.concat())
        })
}

/// Whether a template's header lines (those before its first blank line) set `To:`, `Cc:`,
/// `Bcc:` or `From:`.
fn sets_another_recipient_or_sender(template: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(template) else {
        return false;
    };
    let text = text
        .strip_prefix('\u{feff}')
        .unwrap_or(text)
        .replace("\r\n", "\n");
    let head = text.split('\n').take_while(|l| !l.trim().is_empty());
    head.filter_map(|l| l.split_once(':'))
        .any(|(name, _)| ["to", "cc", "bcc", "from"].contains(&name.to_ascii_lowercase().as_str()))
}

/// What a letter's text would be sent as: the draft it makes must go back to `key` alone,
/// and the message built from it has exactly one recipient and no Cc or Bcc.
fn assert_goes_to_one_recipient(text: &str, key: &str) -> Result<(), TestCaseError> {
    let draft = match message::validate(text, key) {
        Ok(d) => d,
        Err(e) => return Err(TestCaseError::fail(format!("{e}\n{text:?}"))),
    };
    prop_assert_eq!(&clients::address_key(&draft.to.email), key);
    let from = "Ana García <ana@example.com>".parse().unwrap();
    let id = message::message_id(&from, key, now(), 1);
    let built = message::build_message(
        &from,
        &draft.to,
        &draft.email,
        &Default::default(),
        now(),
        &id,
    )
    .unwrap();
    prop_assert_eq!(built.envelope().to().len(), 1);
    let bytes = built.formatted();
    let m = mail_parser::MessageParser::default().parse(&bytes).unwrap();
    let to: Vec<String> = m
        .to()
        .into_iter()
        .flat_map(|a| a.iter())
        .filter_map(|a| a.address().map(str::to_lowercase))
        .collect();
    prop_assert_eq!(to, vec![key.to_string()]);
    prop_assert!(
        m.cc().is_none() && m.bcc().is_none(),
        "{}",
        String::from_utf8_lossy(&bytes)
    );
    Ok(())
}

/// Renders `template` for three clients: an error names the template (and the client, once
/// one is rendered); a letter rendered goes to its client alone; and a template that sets
/// another recipient or the sender renders for no one.
fn render_everyone(template: &[u8]) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plantilla.txt");
    std::fs::write(&path, template).unwrap();
    let list = parse_csv(
        "email,name,note,affinity,language,city\na@example.com,Ana Ruiz,Una nota,9,es,Vigo\nb@example.com,Bo,,2,en,\nc@example.com,Cy,x,,fr,\n".as_bytes(),
        "clients.csv",
    );
    let sender = "Ana García <ana@example.com>".parse().ok();
    let mut templates = Templates::new(Some(&path), Some(Language::Es), sender, now());
    let label = path.display().to_string();
    for client in &list.clients {
        use cartero::domain::compose::RenderError;
        let name = match templates.template_for(client) {
            Ok(name) => name,
            Err(RenderError::Template(p)) | Err(RenderError::Client(p)) => {
                assert_eq!(&*p.file, label, "{p}");
                continue;
            }
            Err(RenderError::AlreadyReported) => continue,
        };
        match templates.render_loaded(client, &name) {
            Err(p) => {
                assert_eq!(&*p.file, label, "{p}");
                assert_eq!(p.client.as_deref(), Some(client.name.as_str()), "{p}");
            }
            Ok((_, email)) => {
                prop_assert!(
                    !sets_another_recipient_or_sender(template),
                    "a template that sets another recipient or the sender rendered {email:?}\n{:?}",
                    String::from_utf8_lossy(template)
                );
                let text = message::draft_text(&client.mailbox, &email);
                assert_goes_to_one_recipient(&text, &client.key)?;
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn templates_of_random_tera_never_panic(text in template_text()) {
        render_everyone(text.as_bytes())?;
    }

    #[test]
    fn templates_of_any_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        render_everyone(&bytes)?;
        let mut with_head = b"Subject: x\n\n".to_vec();
        with_head.extend(bytes);
        render_everyone(&with_head)?;
    }
}

#[test]
fn bad_date_formats_are_template_errors_not_panics() {
    for format in ["%Q", "%", "%-", "%:", "%E", "%.9", "%#z", "%:::z", "%+%Q"] {
        render_everyone(
            format!("Subject: x\n\n{{{{ today | date(format=\"{format}\") }}}}\n").as_bytes(),
        )
        .unwrap();
    }
}

// ---------------------------------------------------------------- cartero.toml

fn toml_value() -> impl Strategy<Value = String> {
    prop_oneof![
        "-?[0-9]{1,25}".prop_map(|n| n),
        "[0-9]{0,3}(\\.[0-9]{0,3})?(e-?[0-9]{1,4})?/(s|min|hour|day|week|)"
            .prop_map(|r| format!("\"{r}\"")),
        prop::sample::select(vec![
            "\"NaN/s\"",
            "\"inf/min\"",
            "\"-1/s\"",
            "nan",
            "inf",
            "-inf",
            "true",
            "[]",
            "{}",
            "\"starttls\"",
            "\"tls\"",
            "\"none\"",
            "\"smtp.example.com\"",
            "\"127.0.0.1\"",
            "\"Ana <ana@example.com>\"",
            "\"\\r\\n\"",
            "1e400",
            "\"\""
        ])
        .prop_map(str::to_string),
        "\\PC{0,8}".prop_map(|s| format!("{s:?}")),
    ]
}

/// Every key of cartero.toml (and a few it has not), each with values it takes.
const KEYS: &[(&str, &[&str])] = &[
    ("[sender] name", &["\"Ana García\""]),
    ("[sender] email", &["\"ana@example.com\"", "\"ana\""]),
    ("[campaign] clients", &["\"clients.csv\""]),
    ("[campaign] sheet", &["\"Clientes\""]),
    ("[campaign] template", &["\"templates/t.txt\""]),
    ("[campaign] drafts", &["\"drafts\""]),
    ("[campaign] language", &["\"es\"", "\"en\""]),
    ("[smtp] host", &["\"smtp.example.com\"", "\"127.0.0.1\""]),
    ("[smtp] port", &["587", "465", "0"]),
    ("[smtp] security", &["\"starttls\"", "\"tls\"", "\"none\""]),
    ("[smtp] username", &["\"ana@example.com\"", "\"\""]),
    ("[smtp] password-command", &["\"echo secreto\""]),
    ("[smtp] password-command-seconds", &["5", "0", "99999"]),
    ("[smtp] rate", &["\"30/min\"", "\"0/s\""]),
    ("[smtp] ca-file", &["\"ca.pem\""]),
    ("[smtp] timeout-seconds", &["30", "0"]),
    ("[smtp] retries", &["3", "11"]),
    ("[smtp] retry-delay-ms", &["50"]),
    ("[smtp] daily-limit", &["500", "0", "1", "4294967295"]),
    ("[smtp] auth", &["\"password\"", "\"xoauth2\"", "\"oauth\""]),
    ("[smtp] nonsense", &["1"]),
    (
        "[imap] host",
        &["\"imap.example.com\"", "\"127.0.0.1\"", "\" \""],
    ),
    ("[imap] port", &["993", "143", "0"]),
    ("[imap] security", &["\"starttls\"", "\"tls\"", "\"none\""]),
    ("[imap] username", &["\"ana@example.com\"", "\"\""]),
    ("[imap] password-command", &["\"echo secreto\""]),
    ("[imap] password-command-seconds", &["5", "0"]),
    (
        "[imap] auth",
        &["\"password\"", "\"xoauth2\"", "\"XOAUTH2\""],
    ),
    ("[imap] ca-file", &["\"ca.pem\""]),
    (
        "[imap] sent-folder",
        &["\"Sent\"", "\"Elementos enviados\"", "\"\"", "\"a\\nb\""],
    ),
    (
        "[imap] save-sent",
        &["\"auto\"", "\"always\"", "\"never\"", "\"sometimes\""],
    ),
    (
        "[imap] reply-folders",
        &["[\"INBOX\", \"Clientes Año\"]", "[]", "[\"\"]", "\"INBOX\""],
    ),
    ("[imap] timeout-seconds", &["30", "0", "3601"]),
    ("[imap] nonsense", &["1"]),
    (
        "[archive] path",
        &["\"archivo.sqlite3\"", "\"/nonexistent/a.sqlite3\"", "\"\""],
    ),
    ("[archive] nonsense", &["1"]),
    ("[other] key", &["1"]),
];

/// A key of cartero.toml and a value: one it takes, half the time.
fn toml_pair() -> impl Strategy<Value = (&'static str, String)> {
    prop::sample::select(KEYS.to_vec()).prop_flat_map(|(key, good)| {
        let good: Vec<String> = good.iter().map(|v| v.to_string()).collect();
        (
            Just(key),
            prop_oneof![prop::sample::select(good), toml_value()],
        )
    })
}

/// What `[smtp]` and `[imap]` need to resolve at all.
const REQUIRED: &[(&str, &str)] = &[
    ("[smtp] host", "\"smtp.example.com\""),
    ("[imap] host", "\"imap.example.com\""),
    ("[imap] username", "\"ana@example.com\""),
];

/// A config file of random keys and values; half of them with what each table needs added,
/// so that settings that resolve are checked as often as errors.
fn toml_text() -> impl Strategy<Value = String> {
    (prop::collection::vec(toml_pair(), 0..16), any::<bool>()).prop_map(|(pairs, complete)| {
        let mut tables: Vec<(String, Vec<String>)> = Vec::new();
        let add = |tables: &mut Vec<(String, Vec<String>)>, key: &str, value: &str| {
            let (table, key) = key.split_once(' ').unwrap();
            let line = format!("{key} = {value}");
            match tables.iter_mut().find(|(t, _)| t == table) {
                Some((_, lines)) => lines.push(line),
                None => tables.push((table.to_string(), vec![line])),
            }
        };
        for (key, value) in &pairs {
            add(&mut tables, key, value);
        }
        if complete {
            for (key, value) in REQUIRED {
                let (table, name) = key.split_once(' ').unwrap();
                let there = tables.iter().find(|(t, _)| t == table);
                let given = there.is_some_and(|(_, lines)| {
                    lines.iter().any(|l| l.starts_with(&format!("{name} =")))
                });
                if there.is_some() && !given {
                    add(&mut tables, key, value);
                }
            }
        }
        tables
            .into_iter()
            .map(|(t, lines)| format!("{t}\n{}\n", lines.join("\n")))
            .collect()
    })
}

/// Settings from `text` as a config file: an error names the file; settings resolved keep
/// what the file says of the mailbox, the daily limit, the login and the archive.
fn resolve(text: &[u8]) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mi-cartero.toml");
    std::fs::write(&path, text).unwrap();
    let common = cartero::cli::Common {
        config: Some(path.clone()),
        ..Default::default()
    };
    let settings = match Settings::resolve(&common) {
        Ok(settings) => settings,
        Err(e) => {
            let e = format!("{e:#}");
            prop_assert!(e.contains("mi-cartero.toml"), "{}", e);
            return Ok(());
        }
    };
    let text = String::from_utf8_lossy(text);
    let config = match Config::parse(&text) {
        Ok(config) => config,
        Err(e) => {
            return Err(TestCaseError::fail(format!(
                "resolved, yet it does not parse: {e:#}"
            )))
        }
    };
    prop_assert_eq!(settings.imap.is_some(), config.imap.is_some());
    if let (Some(imap), Some(given)) = (&settings.imap, &config.imap) {
        if given.auth == cartero::settings::Auth::Xoauth2 {
            prop_assert_eq!(imap.server.auth, cartero::settings::Auth::Xoauth2);
        }
        prop_assert_eq!(imap.save_sent, given.save_sent);
        prop_assert_eq!(&imap.reply_folders, &given.reply_folders);
        prop_assert_eq!(&imap.sent_folder, &given.sent_folder);
    }
    prop_assert_eq!(settings.smtp.is_some(), config.smtp.is_some());
    if let (Some(smtp), Some(given)) = (&settings.smtp, &config.smtp) {
        prop_assert_eq!(smtp.daily_limit, given.daily_limit.map(|n| n as usize));
        prop_assert_eq!(smtp.server.auth, given.auth);
    }
    if let Some(archive) = &config.archive.path {
        prop_assert_eq!(settings.archive, Some(dir.path().join(archive)));
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn config_files_of_random_toml_never_panic(text in toml_text()) {
        let _ = Config::parse(&text);
        resolve(text.as_bytes())?;
    }

    #[test]
    fn config_files_of_any_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let _ = Config::parse(&String::from_utf8_lossy(&bytes));
        resolve(&bytes)?;
    }
}

// ---------------------------------------------------------------- draft files

fn draft_text() -> impl Strategy<Value = String> {
    // The lines of a draft that validates come often, so that a line that must not pass
    // (`Bcc:`, a second address) is often the only thing wrong with one.
    let line = prop_oneof![
        3 => Just("To: Ana <a@example.com>".to_string()),
        2 => Just("to:a@example.com".to_string()),
        1 => Just("To: b@example.com, c@example.com".to_string()),
        1 => Just("To: Ana <a@example.com>, Eve <e@example.com>".to_string()),
        1 => Just("To: b@example.com".to_string()),
        3 => Just("Subject: Hola".to_string()),
        1 => Just("Subject:".to_string()),
        1 => Just("Reply-To: ".to_string()),
        1 => Just("Reply-To: x".to_string()),
        1 => Just("Reply-To: Ana <r@example.com>".to_string()),
        2 => Just("Bcc: x@example.com".to_string()),
        1 => Just("cc: a@example.com".to_string()),
        1 => Just(" BCC : x@example.com".to_string()),
        1 => Just("\u{feff}To: a@example.com".to_string()),
        1 => "[A-Za-z-]{0,8}:\\PC{0,10}",
        1 => "\\PC{0,12}",
    ];
    (
        prop::collection::vec(line, 0..5),
        prop::sample::select(vec!["\n", "\r\n", "\r"]),
        "\\PC{0,40}",
    )
        .prop_map(|(head, end, body)| format!("{}{end}{end}{body}", head.join(end)))
}

/// Whether a draft's header lines (those before its first blank line) name a `Cc:` or `Bcc:`.
fn names_a_copy(text: &str) -> bool {
    let text = text
        .strip_prefix('\u{feff}')
        .unwrap_or(text)
        .replace("\r\n", "\n");
    let head = text.split_once("\n\n").map_or("", |(head, _)| head);
    head.lines()
        .filter_map(|l| l.split_once(':'))
        .any(|(name, _)| ["cc", "bcc"].contains(&name.trim().to_ascii_lowercase().as_str()))
}

/// The draft validator's verdict for `a@example.com`, checked.
fn check_validated(text: &str) -> Result<(), TestCaseError> {
    let verdict = message::validate(text, "a@example.com");
    if names_a_copy(text) {
        prop_assert!(
            verdict.is_err(),
            "a draft with a copy line validated: {text:?}"
        );
    }
    if verdict.is_ok() {
        assert_goes_to_one_recipient(text, "a@example.com")?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    /// A draft parses or says why; one that validates for a client goes to that client alone,
    /// and one with a `Cc:` or `Bcc:` line never validates.
    #[test]
    fn draft_files_never_panic(text in draft_text()) {
        if let Ok(d) = message::parse(&text) {
            prop_assert!(!d.email.subject.is_empty());
            prop_assert!(!d.email.subject.contains(['\r', '\n']));
        }
        check_validated(&text)?;
    }

    #[test]
    fn draft_bytes_are_never_lost(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let f = DraftFile::from_bytes(bytes.clone());
        prop_assert_eq!(&f.hash, &journal::hash(&f.text));
        // UTF-8 is taken as it is; anything else is decoded, and said so.
        prop_assert_eq!(f.encoding.is_none(), std::str::from_utf8(&bytes).is_ok());
        if f.encoding == Some("windows-1252") {
            // Windows-1252 decodes every byte to one character: nothing is dropped.
            prop_assert_eq!(f.text.chars().count(), bytes.len());
        }
        check_validated(&f.text)?;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("0001-ana.txt");
        std::fs::write(&path, &bytes).unwrap();
        prop_assert_eq!(drafts::read_draft(&path).unwrap(), Some(f));
    }
}

// ---------------------------------------------------------------- journals and states

const CLIENTS: [&str; 3] = ["a@example.com", "b@example.com", "c@example.com"];
const HASHES: [&str; 3] = ["h1", "h2", "h3"];

/// Any event of any kind: a `sent` may name another Message-ID than its `sending` (a resend
/// keeps the first, a letter found in Sent may carry the server's own).
fn event() -> impl Strategy<Value = Event> {
    (
        0..CLIENTS.len(),
        0..16u8,
        0..HASHES.len(),
        0..3usize,
        any::<bool>(),
        "\\PC{0,6}",
    )
        .prop_map(|(c, kind, h, id, flag, text)| {
            let hash = HASHES[h].to_string();
            let message_id = format!("<{id}.{c}@example.com>");
            let what = match kind {
                0 => What::Drafted {
                    hash,
                    draft: Some(format!("000{c}-x.txt")),
                },
                1 => What::Conflict {
                    hash,
                    draft: Some(format!("000{c}-x.txt.new")),
                },
                2 => What::Approved { hash, text: None },
                3 => What::Skipped { hash },
                4 => What::Rejected { hash },
                5 => What::Sending {
                    hash,
                    message_id,
                    date: flag.then(now),
                },
                6 => What::Sent {
                    hash: Some(hash),
                    message_id,
                    reply: Some(format!("250 {text}")),
                    proof: if flag {
                        Proof::Server
                    } else {
                        Proof::FoundInSent
                    },
                },
                7 => What::Failed {
                    hash: Some(hash),
                    message_id: Some(message_id),
                    reply: format!("550 {text}"),
                    permanent: flag,
                },
                8 => What::Uncertain {
                    hash: Some(hash),
                    message_id,
                    why: text,
                },
                9 => What::Deferred {
                    hash: flag.then_some(hash),
                    message_id: flag.then_some(message_id),
                    why: format!("550 5.4.5 {text}"),
                },
                10 => What::Filed {
                    message_id: Some(message_id),
                    folder: "Sent".into(),
                    by: if flag {
                        FiledBy::Found
                    } else {
                        FiledBy::Appended
                    },
                },
                11 => What::CopyFailed {
                    message_id: Some(message_id),
                    why: text,
                },
                12 => What::Replied {
                    at: flag.then(now),
                    answer: Some(message_id),
                    folder: "INBOX".into(),
                },
                13 => What::Bounced {
                    message_id,
                    at: flag.then(now),
                    status: Some("5.1.1".into()),
                    reason: format!("550 5.1.1 {text}"),
                    notice: flag.then(|| "<n@mx.example>".into()),
                },
                14 => What::Delayed {
                    message_id,
                    at: flag.then(now),
                    status: Some("4.4.1".into()),
                    reason: text,
                    notice: None,
                },
                _ => What::Mailbox {
                    filer: if flag { Filer::Server } else { Filer::Cartero },
                    folder: Some("Sent".into()),
                },
            };
            let client = if matches!(what, What::Mailbox { .. }) {
                ""
            } else {
                CLIENTS[c]
            };
            Event::new(now(), client, what)
        })
}

fn is_sent(e: &Event) -> bool {
    matches!(e.what, What::Sent { .. })
}

fn is_drafted(e: &Event) -> bool {
    matches!(e.what, What::Drafted { .. })
}

fn lines_of(events: &[Event]) -> String {
    events
        .iter()
        .map(|e| serde_json::to_string(e).unwrap() + "\n")
        .collect()
}

/// What a client's state is after `events`, with the draft file holding `current`.
fn states(events: &[Event], current: Option<&str>, running: bool) -> Vec<State> {
    let records = journal::fold(events);
    CLIENTS
        .iter()
        .map(|c| state_of(records.get(*c), current.map(|h| (h, h)), running))
        .collect()
}

proptest! {
    #![proptest_config(config())]

    /// Cut a journal at every byte: the events read are the whole lines before the cut, and
    /// the states that follow are safe.
    #[test]
    fn a_journal_cut_anywhere_never_invents_a_sent_nor_loses_an_approval(
        events in prop::collection::vec(event(), 0..14),
        current in prop::option::of(prop::sample::select(HASHES.to_vec())),
        running in any::<bool>(),
    ) {
        let text = lines_of(&events);
        let full = states(&events, current, running);
        for len in 0..=text.len() {
            let prefix = &text.as_bytes()[..len];
            let prefix = std::str::from_utf8(prefix).unwrap_or_else(|e| {
                std::str::from_utf8(&prefix[..e.valid_up_to()]).unwrap()
            });
            let (read, warnings, good) = journal::parse(prefix, "journal.jsonl");
            let line_end = prefix.rfind('\n').map_or(0, |i| i + 1);
            // A last line cut just before its line end is a whole event (as an editor saves a
            // file without a final line end); cut anywhere else, it is torn.
            let tail_whole = serde_json::from_str::<journal::Event>(&prefix[line_end..]).is_ok();
            let whole = prefix.matches('\n').count() + usize::from(tail_whole);
            // Exactly the whole lines: a torn line is never read as an event.
            prop_assert_eq!(&read[..], &events[..whole]);
            prop_assert_eq!(good, if tail_whole { prefix.len() } else { line_end });
            prop_assert_eq!(warnings.len(), usize::from(good < prefix.len()));
            let cut = states(&read, current, running);
            for (i, client) in CLIENTS.iter().enumerate() {
                let mine: Vec<&Event> = read.iter().filter(|e| e.client == *client).collect();
                let sent = mine.iter().any(|e| is_sent(e));
                let drafted = mine.iter().any(|e| is_drafted(e));
                // Never sent (or bounced) unless a `sent` line for this client is there, and
                // then forever.
                prop_assert_eq!(cut[i].went(), sent && drafted, "{} {:?}", client, cut[i]);
                if cut[i].went() {
                    prop_assert!(full[i].went(), "{} {:?}", client, full[i]);
                }
                // A `sending` (or an `uncertain`) with no `sent`, `failed` or `deferred` after it
                // stays uncertain (`sending` while a send runs): never approved again.
                let last_delivery = mine.iter().rev().find(|e| {
                    matches!(
                        e.what,
                        What::Sending { .. }
                            | What::Uncertain { .. }
                            | What::Sent { .. }
                            | What::Failed { .. }
                            | What::Deferred { .. }
                    )
                });
                let open = last_delivery
                    .is_some_and(|e| matches!(e.what, What::Sending { .. } | What::Uncertain { .. }));
                if drafted && !sent && open {
                    let pending = last_delivery.is_some_and(|e| matches!(e.what, What::Sending { .. }));
                    let expected = if running && pending { State::Sending } else { State::Uncertain };
                    prop_assert_eq!(cut[i], expected);
                }
                // Once the client's last decision (an approval of what the file holds) is in,
                // a cut leaves it approved, uncertain (a send began), failed (a send was
                // refused) or sent: never back to review, never lost.
                let all: Vec<&Event> = events.iter().filter(|e| e.client == *client).collect();
                let last_decision = all.iter().rposition(|e| {
                    matches!(e.what, What::Approved { .. } | What::Skipped { .. } | What::Rejected { .. })
                });
                if let Some(at) = last_decision {
                    let approved_here = matches!(&all[at].what, What::Approved { hash, .. } if Some(hash.as_str()) == current)
                        && drafted
                        && mine.len() > at;
                    if approved_here {
                        let failed = |e: &&&Event| matches!(e.what, What::Failed { .. });
                        let failed_last = last_delivery.is_some_and(|e| failed(&e))
                            && mine[at..].iter().any(|e| failed(&e));
                        let ok = match cut[i] {
                            State::Approved | State::Uncertain | State::Sent | State::Bounced => true,
                            State::Sending => running,
                            State::Failed => failed_last,
                            _ => false,
                        };
                        prop_assert!(ok, "{} is {:?} after its approval", client, cut[i]);
                    }
                }
            }
        }
    }

    /// Torn, reordered, duplicated and foreign lines: reading and folding never panics, and
    /// only lines that are events become events.
    #[test]
    fn damaged_journals_never_panic(
        events in prop::collection::vec(event(), 0..10),
        damage in prop::collection::vec((0..5u8, any::<prop::sample::Index>(), "\\PC{0,20}"), 0..6),
        tail in prop::collection::vec(any::<u8>(), 0..30),
    ) {
        let mut lines: Vec<String> = events
            .iter()
            .map(|e| serde_json::to_string(e).unwrap())
            .collect();
        for (what, at, junk) in damage {
            let n = lines.len().max(1);
            let i = at.index(n);
            match what {
                0 if !lines.is_empty() => { let l = lines.remove(i); lines.push(l) }
                1 if !lines.is_empty() => { let l = lines[i].clone(); lines.insert(i, l) }
                2 if !lines.is_empty() => {
                    let l = &lines[i];
                    let cut = at.index(l.len().max(1));
                    lines[i] = l.get(..cut).unwrap_or(l).to_string();
                }
                3 => lines.insert(i.min(lines.len()), format!("{{\"foreign\": {junk:?}}}")),
                _ => lines.insert(i.min(lines.len()), junk),
            }
        }
        let mut bytes = lines.join("\n").into_bytes();
        bytes.push(b'\n');
        bytes.extend(&tail);
        let text = String::from_utf8_lossy(&bytes);
        let (read, _, _) = journal::parse(&text, "journal.jsonl");
        for e in &read {
            prop_assert!(events.contains(e), "{e:?} was never written");
        }
        let records = journal::fold(&read);
        for client in CLIENTS {
            for current in [None, Some("h1"), Some("h2")] {
                for running in [false, true] {
                    let _ = state_of(records.get(client), current.map(|h| (h, h)), running);
                }
            }
        }
        // On disk: opening repairs a torn tail, and the next event is read back whole.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.jsonl");
        std::fs::write(&path, &bytes).unwrap();
        let before = Journal::read(&path).unwrap().0;
        let mut journal = Journal::open(&path).unwrap();
        let next = Event::new(now(), "z@example.com", What::Approved { hash: "hz".into(), text: None });
        journal.append(next.clone()).unwrap();
        drop(journal);
        let (after, _) = Journal::read(&path).unwrap();
        prop_assert_eq!(after.last(), Some(&next), "the event appended after a repair is lost");
        prop_assert_eq!(&after[..after.len() - 1], &before[..], "the repair lost an event");
    }
}

// ---------------------------------------------------------------- personal share

/// Text a draft may hold: words (some repeated across drafts), names, punctuation, anything.
fn draft_words() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(vec!["hola", "gracias", "por", "el", "año", "Ana", "te",
                "escribo", "un", "abrazo", "paella", "Vigo", "José", "ÉL", "x"])
                .prop_map(str::to_string),
            2 => "[a-zñé]{1,6}",
            1 => "[ ,.;:!?\n\r\t-]{1,3}",
            1 => "\\PC{0,6}",
        ],
        0..40,
    )
    .prop_map(|words| words.join(" "))
}

proptest! {
    #![proptest_config(config())]

    /// Random drafts and names: one share per draft, each from 0 to 1.
    #[test]
    fn shares_of_random_drafts_are_between_zero_and_one(
        drafts in prop::collection::vec((draft_words(), "[A-Za-zé ]{0,12}"), 0..8),
        literals in prop::collection::vec(draft_words(), 0..3),
    ) {
        let pairs: Vec<(&str, &str)> =
            drafts.iter().map(|(t, n)| (t.as_str(), n.as_str())).collect();
        let shares = cartero::domain::personal::shares(&pairs, &literals);
        prop_assert_eq!(shares.len(), drafts.len());
        for s in shares {
            prop_assert!((0.0..=1.0).contains(&s), "{}", s);
        }
    }

    /// A template that only swaps the name in reads like a mass mail on every draft; the same
    /// template with each client's own note (a sentence: three words and a fifth of the
    /// template's, or more) does not.
    #[test]
    fn a_name_swapped_in_is_not_personal_and_a_note_of_ones_own_is(
        // Names of letters the template's words never have, so that a name is never a word
        // of the template.
        body in prop::collection::vec("[a-m]{1,6}", 3..30),
        at in any::<prop::sample::Index>(),
        names in prop::collection::btree_set("[N-Z][n-z]{1,6}", 2..6),
        extra in 3..8usize,
    ) {
        let note_len = body.len() / 4 + extra;
        let names: Vec<String> = names.into_iter().collect();
        let at = at.index(body.len() + 1);
        let letter = |name: &str, note: &str| {
            let mut words: Vec<&str> = body.iter().map(String::as_str).collect();
            words.insert(at, name);
            format!("{}\n\n{note}", words.join(" "))
        };
        let name_only: Vec<String> = names.iter().map(|n| letter(n, "")).collect();
        let pairs: Vec<(&str, &str)> =
            name_only.iter().zip(&names).map(|(t, n)| (t.as_str(), n.as_str())).collect();
        for s in cartero::domain::personal::shares(&pairs, &[]) {
            prop_assert!(cartero::domain::personal::reads_like_mass_mail(s), "{}", s);
        }
        // Each note's words are the client's own: digits never in the template, nor in
        // another client's note.
        let with_note: Vec<String> = names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let note: Vec<String> = (0..note_len).map(|k| format!("{i}x{k}")).collect();
                letter(n, &note.join(" "))
            })
            .collect();
        let pairs: Vec<(&str, &str)> =
            with_note.iter().zip(&names).map(|(t, n)| (t.as_str(), n.as_str())).collect();
        for s in cartero::domain::personal::shares(&pairs, &[]) {
            prop_assert!(!cartero::domain::personal::reads_like_mass_mail(s), "{}", s);
        }
    }
}
