//! Letters as businesses write them: a Markdown template, a signature with the logo inside the
//! letter, files for one client and for all; parsed back by an independent parser (mail-parser),
//! and the same bytes in the preview, at the server and in Sent.

use mail_parser::{MessageParser, MimeHeaders, PartType};

use crate::mailbox::{imap_config, PASSWORD, USER};
use crate::support::imap::ImapServer;
use crate::support::*;

const TEMPLATE: &str = "Subject: {{ first_name }}, gracias por este {{ year }}\n\n\
Hola, **{{ first_name }}**:\n\n{{ note }}\n\n\
Este año abrimos [la tienda en línea](https://ferreteria.example/tienda).\n\n\
Un abrazo y felices fiestas,\n";

const SIGNATURE: &str =
    "Ana García\nFerretería García · 983 000 000\n![Ferretería García](logo.png)\n";

/// Bytes no text encoding would keep: what an attachment must arrive as.
fn pdf(tag: &str) -> Vec<u8> {
    let mut b = format!("%PDF-1.4 {tag}\n").into_bytes();
    b.extend((0..=255u8).cycle().take(3000));
    b
}

const LOGO: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR not really a png, but bytes";

/// Two clients: Pepi with a quote of her own (a name with letters outside ASCII), José María
/// with only the catalogue every letter carries.
fn business(template: &str, extra: &str) -> Campaign {
    let c = Campaign::empty();
    c.write(
        "cartero.toml",
        format!(
            "[sender]\nname = \"Ana García\"\nemail = \"ana@example.com\"\nsignature = \"firma.md\"\n\n\
             [campaign]\nclients = \"clients.csv\"\ntemplate = \"{template}\"\n\
             attachments = [\"catálogo 2027.pdf\"]\n{extra}"
        ),
    );
    c.write(
        "clients.csv",
        "email,name,note,adjuntos\n\
         pepi@example.com,Pepi Ruiz,\"Todavía me río de la tarde en que se cayó la estantería del almacén.\",presupuestos/presupuesto año.pdf\n\
         jm@example.com,José María Peña,\"Gracias por recomendarnos a tu cuñado de Valladolid: ya es cliente.\",\n",
    );
    c.write("carta.md", TEMPLATE);
    c.write("carta.txt", TEMPLATE.replace("**", ""));
    c.write("firma.md", SIGNATURE);
    c.write("logo.png", LOGO);
    c.write("catálogo 2027.pdf", pdf("catalogo"));
    c.write("presupuestos/presupuesto año.pdf", pdf("presupuesto"));
    c
}

fn approve_all(c: &Campaign) -> String {
    c.run(&["draft"]).success();
    c.run_with_stdin(&["review"], "a\na\n")
        .success()
        .stderr_has("2 approved")
        .stderr()
}

/// Each part's type, depth first, as `multipart/mixed` … with two spaces a level.
fn tree(m: &mail_parser::Message) -> Vec<String> {
    fn walk(m: &mail_parser::Message, id: u32, depth: usize, out: &mut Vec<String>) {
        let part = &m.parts[id as usize];
        let ct = part.content_type().unwrap();
        out.push(format!(
            "{}{}/{}",
            "  ".repeat(depth),
            ct.ctype(),
            ct.subtype().unwrap_or_default()
        ));
        if let PartType::Multipart(children) = &part.body {
            for c in children {
                walk(m, *c, depth + 1, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(m, 0, 0, &mut out);
    out
}

#[test]
fn a_markdown_letter_with_logo_and_files_arrives_as_previewed_and_is_filed_as_sent() {
    let smtp = SmtpServer::start(Rules::default());
    let imap = ImapServer::plain(USER, PASSWORD);
    let config = format!(
        "{}{}",
        smtp.config(),
        imap_config(&imap, "save-sent = \"always\"\n")
    );
    let c = business("carta.md", &config);
    c.run(&["check"]).success();
    let review = approve_all(&c);
    // Review shows what goes with each letter, and how big it is.
    assert!(
        review.contains(
            "goes with it: catálogo 2027.pdf (4 KB), presupuestos/presupuesto año.pdf (4 KB), \
             logo.png (inside the letter, 44 bytes)"
        ),
        "{review}"
    );
    // The draft shows what goes with the letter, and its signature.
    let draft = std::fs::read_to_string(c.draft_file(0)).unwrap();
    assert!(
        draft.contains(
            "Attachments: catálogo 2027.pdf; presupuestos/presupuesto año.pdf\nFormat: markdown\n"
        ),
        "{draft}"
    );
    assert!(draft.contains("\n-- \nAna García\n"), "{draft}");
    c.run(&["preview", "--out", "preview"]).success();
    c.run(&["send", "--dry-run", "--out", "dry"]).success();
    c.run(&["send", "--yes"]).success().stdout_has("sent 2");

    let previews = emls(&c.path("preview"));
    assert_eq!(
        previews,
        emls(&c.path("dry")),
        "a dry run writes what preview does"
    );
    let received = smtp.received();
    let sent = imap.messages("Sent");
    assert_eq!((received.len(), sent.len()), (2, 2));
    for ((name, preview), (letter, copy)) in previews.iter().zip(received.iter().zip(&sent)) {
        assert_eq!(
            &preview[..],
            &letter.data[..],
            "{name}: the preview is what the server received, byte for byte"
        );
        assert_eq!(&copy.bytes[..], &letter.data[..], "{name}: Sent");
    }

    let pepi = MessageParser::default().parse(&received[0].data).unwrap();
    assert_eq!(
        tree(&pepi),
        [
            "multipart/mixed",
            "  multipart/alternative",
            "    text/plain",
            "    multipart/related",
            "      text/html",
            "      image/png",
            "  application/pdf",
            "  application/pdf",
        ]
    );
    // The plain part reads as a letter: no Markdown marks, the link's address after its words,
    // the signature's words without the image.
    let plain = pepi.body_text(0).unwrap().replace("\r\n", "\n");
    assert!(
        plain.starts_with("Hola, Pepi:\n\nTodavía me río"),
        "{plain}"
    );
    assert!(
        plain.contains("la tienda en línea (https://ferreteria.example/tienda)"),
        "{plain}"
    );
    assert!(
        plain.contains("-- \nAna García\nFerretería García · 983 000 000"),
        "{plain}"
    );
    for mark in ["**", "](", "![", "logo.png"] {
        assert!(!plain.contains(mark), "`{mark}` in the plain part: {plain}");
    }
    // The HTML part: styled inline, UTF-8, the logo by its Content-ID, nothing from outside.
    let html = pepi.body_html(0).unwrap();
    assert!(html.contains("<strong>Pepi</strong>"), "{html}");
    assert!(
        html.contains("charset=utf-8") && !html.contains("<style"),
        "{html}"
    );
    assert!(
        html.contains("style=\"") && !html.contains("src=\"http"),
        "{html}"
    );
    let logo = pepi
        .parts
        .iter()
        .find(|p| p.content_type().is_some_and(|t| t.subtype() == Some("png")))
        .unwrap();
    let cid = logo.content_id().unwrap();
    assert!(
        html.contains(&format!("src=\"cid:{cid}\"")),
        "{cid}: {html}"
    );
    assert_eq!(logo.contents(), LOGO);
    assert!(logo.content_disposition().unwrap().is_inline());
    // The attachments: their names intact (RFC 2231), their bytes exact.
    let files: Vec<(String, Vec<u8>)> = pepi
        .attachments()
        .filter(|a| a.content_disposition().is_some_and(|d| d.is_attachment()))
        .map(|a| {
            (
                a.attachment_name().unwrap().to_string(),
                a.contents().to_vec(),
            )
        })
        .collect();
    assert_eq!(
        files,
        [
            ("catálogo 2027.pdf".to_string(), pdf("catalogo")),
            ("presupuesto año.pdf".to_string(), pdf("presupuesto")),
        ]
    );
    // José María gets the catalogue alone.
    let jm = MessageParser::default().parse(&received[1].data).unwrap();
    let names: Vec<&str> = jm
        .attachments()
        .filter_map(|a| a.attachment_name())
        .collect();
    assert_eq!(names, ["logo.png", "catálogo 2027.pdf"]);
    // The archive keeps the attachments' names, not their bytes.
    let history = c
        .run(&["history", "pepi@example.com", "--json"])
        .success()
        .stdout();
    assert!(history.contains("presupuesto año.pdf"), "{history}");
    assert!(!history.contains("%PDF"), "{history}");
}

#[test]
fn a_txt_template_stays_one_plain_text_part_with_the_signature_as_text() {
    let smtp = SmtpServer::start(Rules::default());
    let c = business("carta.txt", "");
    c.write("clients.csv", "email,name,note\npepi@example.com,Pepi Ruiz,Una nota.\njm@example.com,José María Peña,Otra nota.\n");
    c.write(
        "cartero.toml",
        c.read("cartero.toml")
            .replace("attachments = [\"catálogo 2027.pdf\"]\n", ""),
    );
    c.append("cartero.toml", &smtp.config());
    // The logo cannot show in a plain letter: said, not silently left out.
    c.run(&["check"]).success().stderr_has(
        "warning: firma.md, client `Pepi Ruiz`: the signature shows `logo.png`, but this letter is plain text",
    );
    let _ = approve_all(&c);
    c.run(&["send", "--yes"]).success().stdout_has("sent 2");
    let received = smtp.received();
    let m = MessageParser::default().parse(&received[0].data).unwrap();
    assert_eq!(tree(&m), ["text/plain"]);
    let body = m.body_text(0).unwrap().replace("\r\n", "\n");
    assert!(
        body.trim_end()
            .ends_with("-- \nAna García\nFerretería García · 983 000 000"),
        "{body}"
    );
    assert!(!body.contains("logo") && !body.contains("!["), "{body}");
    assert!(
        body.contains("[la tienda en línea]("),
        "a plain letter is sent as written: {body}"
    );
}

#[test]
fn a_file_changed_after_approval_sends_the_letter_back_to_review() {
    let smtp = SmtpServer::start(Rules::default());
    let c = business("carta.md", &smtp.config());
    let _ = approve_all(&c);
    assert_eq!(c.states(), ["approved", "approved"]);
    // The quote is corrected after Pepi's letter was approved: it is not the letter approved.
    c.write(
        "presupuestos/presupuesto año.pdf",
        pdf("presupuesto corregido"),
    );
    assert_eq!(c.states(), ["drafted", "approved"]);
    c.run(&["send", "--yes"]).success().stdout_has("sent 1");
    let received = smtp.received();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].to, ["jm@example.com"]);
    // Read again and approved: it goes, with the corrected quote.
    c.run_with_stdin(&["review"], "a\n")
        .success()
        .stderr_has("1 approved");
    c.run(&["send", "--yes"]).success().stdout_has("sent 1");
    let received = smtp.received();
    let m = MessageParser::default().parse(&received[1].data).unwrap();
    let quote = m
        .attachments()
        .find(|a| a.attachment_name() == Some("presupuesto año.pdf"))
        .unwrap();
    assert_eq!(quote.contents(), pdf("presupuesto corregido"));
    // The logo is a file of the letter too.
    c.write(
        "clients.csv",
        c.read("clients.csv") + "eva@example.com,Eva,Una nota.,\n",
    );
    c.run(&["draft"]).success();
    c.run_with_stdin(&["review"], "a\n").success();
    c.write("logo.png", b"another logo");
    assert_eq!(c.states()[2], "drafted");
}

#[test]
fn check_refuses_a_missing_file_and_a_letter_too_big_and_warns_of_a_blocked_kind() {
    let c = business("carta.md", "");
    c.write(
        "clients.csv",
        "email,name,note,attachments\n\
         pepi@example.com,Pepi Ruiz,Una nota.,presupuestos/no-esta.pdf\n\
         jm@example.com,José María Peña,Otra nota.,instalar.exe\n",
    );
    c.write("instalar.exe", b"MZ");
    let out = c.run(&["check"]).failure();
    let err = out.stderr();
    assert!(
        err.contains("clients.csv:2") && err.contains("Pepi Ruiz") && err.contains("no-esta.pdf"),
        "{err}"
    );
    assert!(
        err.contains("instalar.exe") && err.contains("refuse"),
        "{err}"
    );
    c.write("presupuestos/no-esta.pdf", pdf("ya está"));
    c.run(&["check"]).success().stderr_has("instalar.exe");
    // Over the provider's size: said in MB.
    c.append(
        "cartero.toml",
        "\n[smtp]\nhost = \"127.0.0.1\"\nmax-message-size = 0.005\n",
    );
    let err = c.run(&["check"]).failure().stderr();
    assert!(
        err.contains("KB as it is sent, over the 5 KB your provider takes"),
        "{err}"
    );
    assert!(err.contains("max-message-size"), "{err}");
    // A missing signature is an error naming its file.
    std::fs::remove_file(c.path("firma.md")).unwrap();
    c.run(&["check"]).failure().stderr_has("firma.md");
}

#[test]
fn a_draft_naming_a_missing_file_cannot_be_approved_nor_sent() {
    let smtp = SmtpServer::start(Rules::default());
    let c = business("carta.md", &smtp.config());
    c.run(&["draft"]).success();
    std::fs::remove_file(c.path("presupuestos/presupuesto año.pdf")).unwrap();
    let out = c.run_with_stdin(&["review"], "a\nq\n").stderr();
    assert!(out.contains("presupuesto año.pdf"), "{out}");
    assert_eq!(c.states()[0], "drafted");
    // Edited by hand in Spanish: the file taken off its `Adjuntos:` line, it can go.
    let path = c.draft_file(0);
    let text = std::fs::read_to_string(&path).unwrap().replace(
        "Attachments: catálogo 2027.pdf; presupuestos/presupuesto año.pdf",
        "Adjuntos: catálogo 2027.pdf",
    );
    std::fs::write(&path, text).unwrap();
    c.run_with_stdin(&["review"], "a\na\n").success();
    c.run(&["send", "--yes"]).success().stdout_has("sent 2");
    let received = smtp.received();
    let m = MessageParser::default().parse(&received[0].data).unwrap();
    let names: Vec<&str> = m
        .attachments()
        .filter_map(|a| a.attachment_name())
        .collect();
    assert_eq!(names, ["logo.png", "catálogo 2027.pdf"]);
}

#[test]
fn in_spanish_a_missing_file_and_a_blocked_kind_are_said_in_spanish() {
    let c = business("carta.md", "");
    c.write(
        "clients.csv",
        "correo,nombre,nota,adjunto\n\
         pepi@example.com,Pepi Ruiz,Una nota.,no-esta.pdf\n\
         jm@example.com,José María Peña,Otra nota.,programa.bat\n",
    );
    c.write("programa.bat", b"echo");
    let err = c
        .cmd(&["check"])
        .env("CARTERO_LANG", "es")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&err.stderr);
    assert!(
        err.contains("no-esta.pdf` no está: pon el archivo ahí"),
        "{err}"
    );
    assert!(
        err.contains("programa.bat` es un tipo de archivo que los proveedores"),
        "{err}"
    );
}

#[test]
fn the_guides_letters_settings_are_settings_cartero_takes() {
    for guide in ["README.md", "LEEME.md"] {
        let text = std::fs::read_to_string(format!("{REPO}/{guide}")).unwrap();
        let block = text
            .split("```toml\n")
            .map(|b| b.split("```").next().unwrap())
            .find(|b| b.contains("signature = \"firma.md\""))
            .unwrap_or_else(|| panic!("{guide}: the letters' settings"));
        let c = business("carta.md", "");
        // The guide's settings in place of the campaign's own.
        let config = c.read("cartero.toml");
        let config = config
            .replace("signature = \"firma.md\"\n", "")
            .replace("template = \"carta.md\"\n", "")
            .replace("attachments = [\"catálogo 2027.pdf\"]\n", "");
        let mut merged = String::new();
        for line in config.lines() {
            merged.push_str(line);
            merged.push('\n');
            for section in ["[sender]", "[campaign]"] {
                if line == section {
                    let own = block
                        .split(section)
                        .nth(1)
                        .unwrap()
                        .split("\n[")
                        .next()
                        .unwrap();
                    merged.push_str(own.trim_start_matches('\n'));
                }
            }
        }
        merged.push_str("[smtp]\nhost = \"127.0.0.1\"\n");
        merged.push_str(block.split("[smtp]").nth(1).unwrap());
        c.write("cartero.toml", &merged);
        c.run(&["check"]).success();
        c.run(&["draft"]).success();
        let draft = std::fs::read_to_string(c.draft_file(0)).unwrap();
        assert!(
            draft.contains("Attachments: catálogo 2027.pdf;"),
            "{guide}: {draft}"
        );
    }
}

#[test]
fn a_file_added_to_a_draft_by_hand_is_measured_by_check_too() {
    let c = business(
        "carta.md",
        "\n[smtp]\nhost = \"127.0.0.1\"\nmax-message-size = 0.05\n",
    );
    c.run(&["draft"]).success();
    c.run(&["check"]).success();
    c.write("vídeo de la obra.mp4", vec![1u8; 60_000]);
    let path = c.draft_file(1);
    let text = std::fs::read_to_string(&path).unwrap().replace(
        "Attachments: catálogo 2027.pdf\n",
        "Attachments: catálogo 2027.pdf; vídeo de la obra.mp4\n",
    );
    std::fs::write(&path, text).unwrap();
    let err = c.run(&["check"]).failure().stderr();
    assert!(
        err.contains("José María Peña") && err.contains("over the 50 KB your provider takes"),
        "{err}"
    );
}

#[test]
fn a_file_changed_while_a_send_runs_keeps_its_letter_back() {
    // The first letter is held at MAIL FROM, already built; the catalogue is changed then.
    let server = ScriptedSmtp::start(Script {
        faults: vec![(1, Fault::HoldAtMail)],
        ..Script::default()
    });
    let c = business("carta.md", &server.config());
    let _ = approve_all(&c);
    let send = spawn(&c, &["send", "--yes"]);
    server.wait_until_holding();
    c.write("catálogo 2027.pdf", pdf("catalogo con otros precios"));
    server.release();
    let out = send.wait_with_output().unwrap();
    let said =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    // Pepi's letter went as it was approved; José María's, whose catalogue is no longer the one
    // approved, did not go, and is back to review.
    let letters = server.letters();
    assert_eq!(letters.len(), 1, "{said}");
    assert_eq!(letters[0].to, ["pepi@example.com"]);
    let m = MessageParser::default().parse(&letters[0].data).unwrap();
    let catalogue = m
        .attachments()
        .find(|a| a.attachment_name() == Some("catálogo 2027.pdf"))
        .unwrap();
    assert_eq!(catalogue.contents(), pdf("catalogo"));
    assert!(
        said.contains("jm@example.com: a file of this letter changed since you approved it"),
        "{said}"
    );
    assert_eq!(c.states(), ["sent", "drafted"]);
}

#[test]
fn a_file_changed_while_review_shows_its_letter_is_shown_again_not_approved() {
    let c = business("carta.md", "");
    c.run(&["draft"]).success();
    let mut review = crate::watch::watch(&c, &["review"], &[]);
    review.wait_for("[a]pprove");
    // Shown with Pepi's quote as it was; the quote is replaced before the answer.
    c.write("presupuestos/presupuesto año.pdf", pdf("otro presupuesto"));
    review.type_in("a\n");
    review.wait_for("a file of this letter changed while you read it; here it is again");
    review.wait_for_count("[a]pprove", 2);
    review.close_stdin();
    let (status, _, stderr) = review.finish();
    assert!(status.success(), "{stderr}");
    assert!(stderr.contains("0 approved"), "{stderr}");
    assert_eq!(c.states()[0], "drafted");
}

#[test]
fn why_a_letter_went_back_to_review_is_said_and_a_rejection_stays() {
    let c = business("carta.md", "");
    c.run(&["draft"]).success();
    // Pepi approved, José María rejected; then the catalogue both carry changes.
    c.run_with_stdin(&["review"], "a\nr\n").success();
    c.write("catálogo 2027.pdf", pdf("catalogo nuevo"));
    let status = c.status();
    assert_eq!(status[0]["state"], "drafted");
    let warnings = status[0]["warnings"].to_string();
    assert!(
        warnings.contains("changed since you approved it"),
        "{warnings}"
    );
    assert_eq!(status[1]["state"], "rejected", "a rejection is of the text");
}

#[test]
fn files_stay_inside_the_campaign_and_a_note_is_words_never_marks() {
    let c = business("carta.md", "");
    c.write("../fuera.pdf", b"secret");
    c.write(
        "clients.csv",
        "email,name,note,adjuntos\n\
         pepi@example.com,Pepi Ruiz,\"Me acuerdo de la feria ![x](/etc/passwd) y de **todo** ```\",\n\
         jm@example.com,José María Peña,Otra nota.,../fuera.pdf\n",
    );
    let err = c.run(&["check"]).failure().stderr();
    assert!(
        err.contains("clients.csv:3, column `adjuntos`, client `José María Peña`")
            && err.contains("`../fuera.pdf` is outside the campaign folder"),
        "{err}"
    );
    assert!(
        !err.contains("passwd"),
        "a note's words are not an image: {err}"
    );
    c.write(
        "clients.csv",
        c.read("clients.csv").replace("../fuera.pdf", ""),
    );
    approve_all(&c);
    let smtp = SmtpServer::start(Rules::default());
    c.append("cartero.toml", &smtp.config());
    c.run(&["send", "--yes"]).success();
    let received = smtp.received();
    let m = MessageParser::default().parse(&received[0].data).unwrap();
    let plain = m.body_text(0).unwrap().replace("\r\n", "\n");
    assert!(
        plain.contains("Me acuerdo de la feria ![x](/etc/passwd) y de **todo** ```"),
        "the note as written: {plain}"
    );
    let html = m.body_html(0).unwrap();
    assert!(
        !html.contains("<strong>todo</strong>") && !html.contains("<pre"),
        "{html}"
    );
    let names: Vec<&str> = m
        .attachments()
        .filter_map(|a| a.attachment_name())
        .collect();
    assert_eq!(names, ["logo.png", "catálogo 2027.pdf"]);
    // Every file travels as base64, whatever its bytes.
    let raw = String::from_utf8_lossy(&received[0].data).to_string();
    let parts = raw.matches("Content-Disposition: attachment").count();
    assert_eq!(parts, 1);
    assert!(
        !raw.contains("Content-Transfer-Encoding: 7bit\r\nContent-Disposition"),
        "{raw}"
    );
}

#[test]
fn a_letter_too_big_for_the_provider_is_not_sent_even_when_approved() {
    let smtp = SmtpServer::start(Rules::default());
    let c = business("carta.md", &smtp.config());
    let _ = approve_all(&c);
    c.append("cartero.toml", "max-message-size = 0.01\n");
    let run = c.run(&["send", "--yes"]);
    let said = run.stdout() + &run.stderr();
    // Pepi's quote makes hers too big; José María's goes.
    let to: Vec<Vec<String>> = smtp.received().into_iter().map(|r| r.to).collect();
    assert_eq!(to, [["jm@example.com"]], "{said}");
    assert!(
        said.contains("pepi@example.com: not sent: the letter is")
            && said.contains("over the 10 KB your provider takes"),
        "{said}"
    );
    assert!(
        said.contains("1 approved letter did not go in this run"),
        "{said}"
    );
    assert_eq!(c.states(), ["approved", "sent"], "still approved, not gone");
}

#[test]
fn max_message_size_is_a_size_in_mb_however_it_is_written() {
    let c = business(
        "carta.md",
        "\n[smtp]\nhost = \"127.0.0.1\"\nmax-message-size = \"0,005\"\n",
    );
    c.run(&["check"])
        .failure()
        .stderr_has("over the 5 KB your provider takes");
    let c = business(
        "carta.md",
        "\n[smtp]\nhost = \"127.0.0.1\"\nmax-message-size = \"veinte\"\n",
    );
    c.run(&["check"])
        .failure()
        .stderr_has("`[smtp] max-message-size = \"veinte\"` in `cartero.toml` is not a size");
    let c = business(
        "carta.md",
        "\n[smtp]\nhost = \"127.0.0.1\"\nmax-message-size = 0\n",
    );
    c.run(&["check"]).failure().stderr_has("is not a size");
}

#[test]
fn a_link_leading_out_of_the_campaign_is_refused_and_every_file_problem_is_said_at_once() {
    let c = business("carta.md", "");
    c.write("../secreto.txt", b"la clave del banco");
    let outside = c.path("../secreto.txt");
    std::os::unix::fs::symlink(&outside, c.path("presupuestos/enlace.pdf")).unwrap();
    std::os::unix::fs::symlink(&outside, c.path("foto.png")).unwrap();
    c.write("falso.png", b"not an image at all");
    c.write(
        "clients.csv",
        c.read("clients.csv").replace(
            "presupuestos/presupuesto año.pdf",
            "presupuestos/enlace.pdf",
        ),
    );
    c.write(
        "carta.md",
        format!(
            "{TEMPLATE}\n![web](https://tracker.example/p.gif) ![foto](foto.png) \
             ![falso](falso.png) ![no](nada.png)\n"
        ),
    );
    let err = c.run(&["check"]).failure().stderr();
    for said in [
        "clients.csv:2, column `adjuntos`, client `Pepi Ruiz`: `presupuestos/enlace.pdf` is a link to",
        "`foto.png` is a link to",
        "`falso.png` does not hold the image its name says",
        "nada.png` is not there",
        "warning: carta.md, client `Pepi Ruiz`: the letter shows an image from the internet, \
         `https://tracker.example/p.gif`",
    ] {
        assert!(err.contains(said), "{said}: {err}");
    }
    assert!(err.contains("outside the campaign folder"), "{err}");
    assert!(!err.contains("la clave"), "{err}");

    // A file approved, then replaced by a link out of the folder: never sent.
    let c = business("carta.md", "");
    c.write("../secreto.txt", b"la clave del banco");
    approve_all(&c);
    std::fs::remove_file(c.path("presupuestos/presupuesto año.pdf")).unwrap();
    std::os::unix::fs::symlink(
        c.path("../secreto.txt"),
        c.path("presupuestos/presupuesto año.pdf"),
    )
    .unwrap();
    let smtp = SmtpServer::start(Rules::default());
    c.append("cartero.toml", &smtp.config());
    let out = c.run(&["send", "--yes"]).failure();
    let said = format!("{}{}", out.stdout(), out.stderr());
    assert!(
        said.contains("sent 1") && said.contains("is a link to"),
        "{said}"
    );
    let received = smtp.received();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].to, ["jm@example.com"]);
}

#[test]
fn an_approved_letter_whose_file_is_gone_is_named_by_send_not_left_as_unreviewed() {
    let smtp = SmtpServer::start(Rules::default());
    let c = business("carta.md", &smtp.config());
    approve_all(&c);
    std::fs::remove_file(c.path("presupuestos/presupuesto año.pdf")).unwrap();
    let out = c.run(&["send", "--yes"]).failure();
    let said = format!("{}{}", out.stdout(), out.stderr());
    assert!(
        said.contains("presupuesto año.pdf` is not there") && !said.contains("unreviewed"),
        "{said}"
    );
    assert_eq!(smtp.received().len(), 1);
    // Nothing left to send but the broken one: still said, still exit 1.
    let out = c.run(&["send", "--yes"]).failure();
    let said = format!("{}{}", out.stdout(), out.stderr());
    assert!(
        said.contains("presupuesto año.pdf` is not there")
            && !said.contains("1 waiting for review"),
        "{said}"
    );
}

#[test]
fn a_file_name_that_reads_like_an_encoded_word_arrives_as_named_and_no_two_letters_share_an_image_id(
) {
    let c = business("carta.md", "");
    let odd = "=?utf-8?B?aGVsbG8=?=.pdf";
    let long =
        "presupuesto de la reforma del almacén =?iso-8859-1?q?raro?= con un nombre larguísimo.pdf";
    c.write(odd, pdf("odd"));
    c.write(long, pdf("long"));
    c.write(
        "clients.csv",
        c.read("clients.csv").replace(
            "presupuestos/presupuesto año.pdf",
            &format!("{odd}; {long}"),
        ),
    );
    c.run(&["check"]).success();
    c.run(&["preview", "--out", "preview"]).success();
    let letters = emls(&c.path("preview"));
    let pepi = MessageParser::default().parse(&letters[0].1).unwrap();
    let names: Vec<(&str, Vec<u8>)> = pepi
        .attachments()
        .filter(|a| a.content_disposition().is_some_and(|d| d.is_attachment()))
        .map(|a| (a.attachment_name().unwrap(), a.contents().to_vec()))
        .collect();
    assert_eq!(
        names,
        [
            ("catálogo 2027.pdf", pdf("catalogo")),
            (odd, pdf("odd")),
            (long, pdf("long"))
        ]
    );
    for line in String::from_utf8_lossy(&letters[0].1).lines() {
        assert!(line.len() <= 78, "{line}");
    }
    let ids: Vec<String> = letters
        .iter()
        .map(|(_, bytes)| {
            let m = MessageParser::default().parse(bytes).unwrap();
            let logo = m.parts.iter().find(|p| p.content_id().is_some()).unwrap();
            logo.content_id().unwrap().to_string()
        })
        .collect();
    assert_eq!(ids.len(), 2);
    assert_ne!(ids[0], ids[1], "each letter's logo has its own Content-ID");
}
