//! `cartero web`: the writing desk over HTTP, as a browser would use it, with the real binary:
//! the token and its cookie, a foreign `Host`, a cross-site POST, a note holding `<script>`, an
//! edit reaching the draft file, an approval bound to its text, an outside edit noticed, the
//! lock refusing a `send` beside it, and Ctrl-C.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::support::*;

/// A desk running on a campaign.
struct Desk {
    child: Child,
    port: u16,
    token: String,
    first_lines: Vec<String>,
}

impl Drop for Desk {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn open_desk(c: &Campaign, lang: &str) -> Desk {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("cartero"))
        .current_dir(c.dir.path())
        .args(["web", "--no-open"])
        .env("CARTERO_NOW", NOW)
        .env("CARTERO_LANG", lang)
        .env("XDG_DATA_HOME", c.path(".data"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    out.read_line(&mut first).unwrap();
    let url = first
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("no address in {first:?}"))
        .to_string();
    let rest = url.strip_prefix("http://127.0.0.1:").unwrap();
    let (port, token) = rest.split_once("/?token=").unwrap();
    let mut second = String::new();
    out.read_line(&mut second).unwrap();
    // The rest of what it says is read on its own, so that it never blocks on a full pipe.
    std::thread::spawn(move || std::io::copy(&mut out, &mut std::io::sink()));
    Desk {
        child,
        port: port.parse().unwrap(),
        token: token.to_string(),
        first_lines: vec![first, second],
    }
}

/// An answer: its status, headers (lowercased names) and body.
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// One HTTP/1.1 request, as it goes on the wire, and its whole answer.
fn http(port: u16, method: &str, path: &str, headers: &[(&str, String)], body: &str) -> Answer {
    try_http(port, method, path, headers, body).expect("no answer from the desk")
}

/// As `http`; `None` when the desk closed the connection before its answer could be read (it
/// may answer a body too big before reading all of it, and the unread rest resets the link).
fn try_http(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, String)],
    body: &str,
) -> Option<Answer> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let mut req = format!("{method} {path} HTTP/1.1\r\nConnection: close\r\n");
    if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
        req.push_str(&format!("Host: 127.0.0.1:{port}\r\n"));
    }
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    if method == "POST" {
        req.push_str("Content-Type: application/x-www-form-urlencoded\r\n");
        req.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    req.push_str("\r\n");
    req.push_str(body);
    let written = s.write_all(req.as_bytes());
    let mut raw = Vec::new();
    let read = s.read_to_end(&mut raw);
    if raw.is_empty() {
        written.unwrap();
        read.unwrap();
    }
    let raw = String::from_utf8(raw).unwrap();
    let (head, body) = raw.split_once("\r\n\r\n")?;
    let mut lines = head.lines();
    let status = lines.next().unwrap().split_whitespace().nth(1).unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_lowercase(), v.trim().to_string()))
        .collect::<Vec<_>>();
    let chunked = headers
        .iter()
        .any(|(k, v)| k == "transfer-encoding" && v.contains("chunked"));
    Some(Answer {
        status: status.parse().unwrap(),
        body: if chunked {
            unchunk(body)
        } else {
            body.to_string()
        },
        headers,
    })
}

fn unchunk(mut body: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = body.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        out.push_str(&rest[..n]);
        body = &rest[n + 2..];
    }
    out
}

impl Desk {
    fn cookie(&self) -> (&'static str, String) {
        (
            "Cookie",
            format!("cartero_desk_{}={}", self.port, self.token),
        )
    }

    fn origin(&self) -> (&'static str, String) {
        ("Origin", format!("http://127.0.0.1:{}", self.port))
    }

    fn get(&self, path: &str) -> Answer {
        http(self.port, "GET", path, &[self.cookie()], "")
    }

    fn post(&self, path: &str, form: &[(&str, &str)]) -> Answer {
        http(
            self.port,
            "POST",
            path,
            &[self.cookie(), self.origin()],
            &encode(form),
        )
    }

    /// The client page `n`: the text in its letter box and the hash it was shown with.
    fn letter(&self, n: usize) -> (String, String) {
        let page = self.get(&format!("/client/{n}"));
        assert_eq!(page.status, 200, "{}", page.body);
        (textarea(&page.body, "text"), hidden(&page.body, "base"))
    }
}

fn encode(form: &[(&str, &str)]) -> String {
    form.iter()
        .map(|(k, v)| format!("{k}={}", percent(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn percent(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn unescape(html: &str) -> String {
    html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&#x2F;", "/")
        .replace("&amp;", "&")
}

/// A textarea's text as a browser reads it (the newline right after the tag is not text).
fn textarea(html: &str, id: &str) -> String {
    let start = html.find(&format!("id=\"{id}\"")).unwrap();
    let open = start + html[start..].find('>').unwrap() + 1;
    let close = open + html[open..].find("</textarea>").unwrap();
    let text = &html[open..close];
    unescape(text.strip_prefix('\n').unwrap_or(text))
}

fn hidden(html: &str, name: &str) -> String {
    let at = html.find(&format!("name=\"{name}\" value=\"")).unwrap() + name.len() + 15;
    html[at..at + html[at..].find('"').unwrap()].to_string()
}

fn journal(c: &Campaign) -> Vec<serde_json::Value> {
    c.read("drafts/journal.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn drafted() -> Campaign {
    let c = Campaign::with(
        "email,name,note\nana@example.com,Ana Ruiz,Gracias por la paella de junio\nbo@example.com,Bo Li,<script>alert('bo')</script> & la tienda de Vigo\n",
        "Subject: Hola {{ first_name }}\n\nHola {{ first_name }}:\n\n{{ note }}\n\nUn abrazo,\n{{ sender.name }}\n",
    );
    c.run(&["draft"]).success();
    c
}

#[test]
fn nobody_without_the_token_sees_a_client() {
    let c = drafted();
    let desk = open_desk(&c, "en");
    assert!(desk.first_lines[0].contains("the writing desk is open at http://127.0.0.1:"));
    // No token, a wrong token, a wrong cookie: refused, and nothing of the list in the answer.
    for (path, headers) in [
        ("/", vec![]),
        ("/client/1", vec![]),
        ("/?token=0000", vec![]),
        (
            "/",
            vec![("Cookie", format!("cartero_desk_{}=guess", desk.port))],
        ),
    ] {
        let a = http(desk.port, "GET", path, &headers, "");
        assert_eq!(a.status, 401, "{path}");
        assert!(!a.body.contains("Ana Ruiz") && !a.body.contains("ana@example.com"));
        assert!(
            a.body.contains("secret address cartero printed"),
            "{}",
            a.body
        );
    }
    // The token is traded for a cookie, and the address loses it.
    let a = http(
        desk.port,
        "GET",
        &format!("/?token={}", desk.token),
        &[],
        "",
    );
    assert_eq!(a.status, 303);
    assert_eq!(a.header("location"), Some("/"));
    let cookie = a.header("set-cookie").unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    assert!(cookie.starts_with(&format!("cartero_desk_{}={}", desk.port, desk.token)));
    let list = desk.get("/");
    assert_eq!(list.status, 200);
    assert!(list.body.contains("Ana Ruiz") && list.body.contains("Bo Li"));
    assert!(list.body.contains("0 of 2 decided"), "{}", list.body);
    assert!(list
        .header("content-security-policy")
        .is_some_and(|p| p.contains("default-src 'self'")));
}

#[test]
fn a_foreign_host_and_a_cross_site_post_are_refused() {
    let c = drafted();
    let desk = open_desk(&c, "en");
    // DNS rebinding: a page elsewhere that names itself 127.0.0.1 still sends its own Host.
    let a = http(
        desk.port,
        "GET",
        "/",
        &[
            ("Host", format!("evil.example:{}", desk.port)),
            desk.cookie(),
        ],
        "",
    );
    assert_eq!(a.status, 403);
    assert!(!a.body.contains("Ana Ruiz"));
    let a = http(
        desk.port,
        "GET",
        "/",
        &[("Host", format!("localhost:{}", desk.port)), desk.cookie()],
        "",
    );
    assert_eq!(a.status, 200, "localhost is this machine too");
    // A form on another site posting with the person's cookie: no Origin of ours, no change.
    let before = c.read("drafts/0001-ana-ruiz.txt");
    let (_, base) = desk.letter(1);
    for origin in [
        vec![("Origin", "http://evil.example".to_string())],
        vec![("Origin", "null".to_string())],
        vec![],
    ] {
        let mut headers = vec![desk.cookie()];
        headers.extend(origin);
        let a = http(
            desk.port,
            "POST",
            "/client/1",
            &headers,
            &encode(&[
                ("action", "approve"),
                ("text", "To: x@evil\n\nhi"),
                ("base", &base),
            ]),
        );
        assert_eq!(a.status, 403);
    }
    // A same-origin request that a browser marks as coming from another site.
    let a = http(
        desk.port,
        "POST",
        "/client/1",
        &[
            desk.cookie(),
            desk.origin(),
            ("Sec-Fetch-Site", "cross-site".into()),
        ],
        &encode(&[("action", "approve"), ("text", &before), ("base", &base)]),
    );
    assert_eq!(a.status, 403);
    assert_eq!(c.read("drafts/0001-ana-ruiz.txt"), before);
    assert!(journal(&c).iter().all(|e| e["event"] != "approved"));
}

#[test]
fn a_note_holding_html_shows_as_text() {
    let c = drafted();
    let desk = open_desk(&c, "en");
    let page = desk.get("/client/2").body;
    assert!(!page.contains("<script>alert"), "{page}");
    assert!(page.contains("&lt;script&gt;alert("), "{page}");
    let (text, _) = desk.letter(2);
    assert!(text.contains("<script>alert('bo')</script> & la tienda de Vigo"));
}

#[test]
fn an_edit_reaches_the_draft_file_and_an_approval_binds_to_the_text_on_the_screen() {
    let c = drafted();
    let desk = open_desk(&c, "en");
    let (text, base) = desk.letter(1);
    assert_eq!(text, c.read("drafts/0001-ana-ruiz.txt"));
    // A browser sends CRLF; the file keeps its own line ends.
    let edited = text
        .replace(
            "Gracias por la paella de junio",
            "Gracias por la paella de junio, y por la receta",
        )
        .replace('\n', "\r\n");
    let a = desk.post(
        "/client/1",
        &[("action", "save"), ("text", &edited), ("base", &base)],
    );
    assert_eq!(a.status, 303, "{}", a.body);
    let on_disk = c.read("drafts/0001-ana-ruiz.txt");
    assert_eq!(on_disk, edited.replace("\r\n", "\n"));
    assert!(journal(&c).iter().all(|e| e["event"] != "approved"));
    // Approve a text changed again on the screen: the file is that text, the approval its hash.
    let (shown, base) = desk.letter(1);
    let approved = shown.replace("Un abrazo", "Un abrazo fuerte");
    let a = desk.post(
        "/client/1",
        &[("action", "approve"), ("text", &approved), ("base", &base)],
    );
    assert_eq!(a.status, 303, "{}", a.body);
    assert_eq!(a.header("location"), Some("/client/2?done=approved&who=1"));
    assert_eq!(c.read("drafts/0001-ana-ruiz.txt"), approved);
    let approvals: Vec<_> = journal(&c)
        .into_iter()
        .filter(|e| e["event"] == "approved")
        .collect();
    assert_eq!(approvals.len(), 1);
    assert_eq!(approvals[0]["client"], "ana@example.com");
    assert_eq!(approvals[0]["hash"], sha256(&approved));
    let next = desk.get("/client/2?done=approved&who=1").body;
    assert!(next.contains("Approved: Ana Ruiz."), "{next}");
    assert_eq!(c.states()[0], "approved");
    // An edit after approval sends it back to review, as with any editor.
    c.write(
        "drafts/0001-ana-ruiz.txt",
        approved.replace("fuerte", "grande"),
    );
    assert_eq!(c.states()[0], "edited");
    // The list looks for outside edits at most once a second (a client's page, each time).
    assert!(desk.get("/client/1").body.contains("edited, to decide"));
    std::thread::sleep(Duration::from_millis(1100));
    assert!(desk.get("/").body.contains("0 of 2 decided"));
}

fn sha256(text: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn a_draft_changed_on_disk_meanwhile_is_shown_beside_the_page_s_and_nothing_is_overwritten() {
    let c = drafted();
    let desk = open_desk(&c, "en");
    let (text, base) = desk.letter(1);
    // Another editor (or a second tab) saves first.
    let theirs = text.replace("Un abrazo", "Besos");
    c.write("drafts/0001-ana-ruiz.txt", &theirs);
    let mine = text.replace("Un abrazo", "Saludos");
    let a = desk.post(
        "/client/1",
        &[("action", "approve"), ("text", &mine), ("base", &base)],
    );
    assert_eq!(a.status, 409);
    assert_eq!(textarea(&a.body, "yours"), mine);
    assert_eq!(textarea(&a.body, "theirs"), theirs);
    assert_eq!(
        c.read("drafts/0001-ana-ruiz.txt"),
        theirs,
        "nothing overwritten"
    );
    assert!(journal(&c).iter().all(|e| e["event"] != "approved"));
    // Choosing mine writes it, knowing what it replaces.
    let a = desk.post(
        "/client/1",
        &[
            ("action", "save"),
            ("text", &mine),
            ("base", &hidden(&a.body, "base")),
        ],
    );
    assert_eq!(a.status, 303);
    assert_eq!(c.read("drafts/0001-ana-ruiz.txt"), mine);
    // Two tabs: both showed `mine`; the first saves, the second's save is a conflict.
    let (_, base) = desk.letter(1);
    let first = mine.replace("Saludos", "Saludos, uno");
    let second = mine.replace("Saludos", "Saludos, dos");
    assert_eq!(
        desk.post(
            "/client/1",
            &[("action", "save"), ("text", &first), ("base", &base)]
        )
        .status,
        303
    );
    let a = desk.post(
        "/client/1",
        &[("action", "save"), ("text", &second), ("base", &base)],
    );
    assert_eq!(a.status, 409);
    assert_eq!(c.read("drafts/0001-ana-ruiz.txt"), first);
}

#[test]
fn the_desk_holds_the_drafts_so_a_send_beside_it_is_refused_naming_it() {
    let smtp = SmtpServer::start(Rules::default());
    let c = drafted();
    c.append("cartero.toml", &smtp.config());
    let desk = open_desk(&c, "en");
    let (text, base) = desk.letter(1);
    desk.post(
        "/client/1",
        &[("action", "approve"), ("text", &text), ("base", &base)],
    );
    c.run(&["send", "--yes"])
        .failure()
        .stderr_has("`cartero web` (process");
    c.run(&["review"]).failure();
    assert_eq!(smtp.received().len(), 0);
    drop(desk);
    c.run(&["send", "--yes"]).success();
    assert_eq!(smtp.received().len(), 1);
}

#[test]
fn remember_keeps_a_dated_memory_the_page_then_shows() {
    let c = drafted();
    let desk = open_desk(&c, "en");
    let a = desk.post(
        "/client/2/remember",
        &[("memory", "  opened a shop in Vigo  ")],
    );
    assert_eq!(a.status, 303);
    let page = desk.get("/client/2?done=remembered").body;
    assert!(page.contains("Kept in the archive."));
    assert!(
        page.contains("2026-11-22</span> opened a shop in Vigo"),
        "{page}"
    );
}

#[test]
fn the_desk_speaks_spanish_and_ctrl_c_closes_it() {
    let c = drafted();
    let mut desk = open_desk(&c, "es");
    assert!(desk.first_lines[0].contains("el escritorio está abierto en http://127.0.0.1:"));
    let list = desk.get("/").body;
    assert!(
        list.contains("0 de 2 decididos") && list.contains("por decidir"),
        "{list}"
    );
    assert!(list.contains("<html lang=\"es\">"));
    let page = desk.get("/client/1").body;
    for word in [
        "Aprobar",
        "Omitir",
        "Rechazar",
        "Lo que sabes de este cliente",
    ] {
        assert!(page.contains(word), "{word}");
    }
    unsafe {
        libc::kill(desk.child.id() as i32, libc::SIGINT);
    }
    let status = desk.child.wait().unwrap();
    assert!(status.success(), "{status:?}");
}

impl Desk {
    /// Starts what the send page's button starts, and waits for the run to end.
    fn run_from_page(&self, path: &str, form: &[(&str, &str)]) -> serde_json::Value {
        let a = self.post(path, form);
        assert_eq!(a.status, 303, "{}", a.body);
        assert_eq!(a.header("location"), Some("/send"));
        for _ in 0..600 {
            let run: serde_json::Value = serde_json::from_str(&self.get("/run").body).unwrap();
            if run["back"] == true {
                return run;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("the run never ended");
    }

    fn approve(&self, n: usize) {
        let (text, base) = self.letter(n);
        let a = self.post(
            &format!("/client/{n}"),
            &[("action", "approve"), ("text", &text), ("base", &base)],
        );
        assert_eq!(a.status, 303, "{}", a.body);
    }
}

#[test]
fn a_send_from_the_desk_is_cartero_send_each_letter_once() {
    let smtp = SmtpServer::start(Rules::default());
    let c = drafted();
    c.append("cartero.toml", &smtp.config());
    let desk = open_desk(&c, "en");
    desk.approve(1);
    desk.approve(2);
    let page = desk.get("/send").body;
    assert!(
        page.contains("2 letters are approved, each to go to its client alone."),
        "{page}"
    );
    assert!(page.contains(&format!("through 127.0.0.1:{}", smtp.port)));
    assert!(page.contains("Send 2 letters now"));
    assert!(page.contains("Ana Ruiz &lt;ana@example.com&gt;") && page.contains("Bo Li"));
    assert!(!page.contains("type=\"password\""), "no password is needed");
    let run = desk.run_from_page("/send", &[]);
    assert_eq!(run["code"], 0, "{run}");
    let lines = run["lines"].to_string();
    assert!(
        lines.contains("sent 2"),
        "the summary `cartero send` prints: {lines}"
    );
    let received = smtp.received();
    assert_eq!(received.len(), 2);
    assert_eq!(c.states(), vec!["sent", "sent"]);
    // The page shows the run and the list the new states; a second click sends nothing again.
    let page = desk.get("/send").body;
    assert!(page.contains("No letter is approved yet") && page.contains("id=\"ended\""));
    assert!(desk
        .get("/")
        .body
        .contains("<span class=\"state\">sent</span>"));
    let run = desk.run_from_page("/send", &[]);
    assert_eq!(run["code"], 0, "{run}");
    assert_eq!(smtp.received().len(), 2, "never twice");
    // A letter that went stays as it went: no edit, no new decision, and the page says so.
    let (text, base) = desk.letter(1);
    assert!(desk
        .get("/client/1")
        .body
        .contains("This letter went (or may have)"));
    for action in ["save", "approve", "skip", "reject"] {
        let a = desk.post(
            "/client/1",
            &[
                ("action", action),
                ("text", &text.replace("Hola", "HOLA")),
                ("base", &base),
            ],
        );
        assert_eq!(a.status, 409, "{action}");
    }
    assert_eq!(c.read("drafts/0001-ana-ruiz.txt"), text);
    assert_eq!(c.states(), vec!["sent", "sent"]);
    // The desk has the drafts again: a review beside it is refused, told to close the desk.
    c.run(&["review"])
        .failure()
        .stderr_has("has this campaign's drafts open on the writing desk: close the desk");
}

#[test]
fn the_drafts_are_never_free_while_the_desk_hands_them_to_its_send() {
    let server = ScriptedSmtp::start(Script {
        faults: vec![(1, Fault::HoldAtMail)],
        ..Script::default()
    });
    let c = drafted();
    c.append("cartero.toml", &server.config());
    let desk = open_desk(&c, "en");
    desk.approve(1);
    desk.approve(2);
    let a = desk.post("/send", &[]);
    assert_eq!(a.status, 303);
    server.wait_until_holding();
    // The send the desk started has the folder: named as the send it is, nobody else gets in,
    // and the desk itself changes nothing meanwhile.
    for command in [&["review"][..], &["send", "--yes"], &["draft"]] {
        c.run(command)
            .failure()
            .stderr_has("`cartero send` (process");
    }
    let (text, base) = desk.letter(2);
    let text = format!("{text}Una línea escrita mientras salía el envío\n");
    let a = desk.post(
        "/client/2",
        &[("action", "save"), ("text", &text), ("base", &base)],
    );
    assert_eq!(a.status, 409);
    assert!(a.body.contains("A send or a look for replies is under way"));
    assert!(
        a.body.contains("Una línea escrita mientras salía el envío"),
        "what was typed is shown back: {}",
        a.body
    );
    server.release();
    for _ in 0..600 {
        let run: serde_json::Value = serde_json::from_str(&desk.get("/run").body).unwrap();
        if run["back"] == true {
            assert_eq!(run["code"], 0, "{run}");
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(server.letters().len(), 2);
    // And the desk has it back, at once.
    c.run(&["review"])
        .failure()
        .stderr_has("`cartero web` (process");
}

#[test]
fn a_password_asked_for_in_the_page_goes_to_the_send_and_is_written_nowhere() {
    let smtp = SmtpServer::with_login("ana@example.com", "s3cret-de-ana", false);
    let c = drafted();
    c.append(
        "cartero.toml",
        &smtp.tls_config("username = \"ana@example.com\"\n"),
    );
    let desk = open_desk(&c, "es");
    desk.approve(1);
    let page = desk.get("/send").body;
    assert!(page.contains("Contraseña para enviar (SMTP)"), "{page}");
    assert!(page.contains("Enviar 1 carta ahora"));
    let run = desk.run_from_page("/send", &[("smtp_password", "s3cret-de-ana")]);
    assert_eq!(run["code"], 0, "{run}");
    assert_eq!(smtp.received().len(), 1);
    drop(desk);
    let mut written = vec![];
    for entry in walk(c.dir.path()) {
        if std::fs::read(&entry)
            .unwrap()
            .windows(13)
            .any(|w| w == b"s3cret-de-ana")
        {
            written.push(entry);
        }
    }
    assert!(written.is_empty(), "the password is in {written:?}");
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = vec![];
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[test]
fn replies_run_from_the_page_and_who_answered_shows_in_the_list() {
    use crate::mailbox::USER;
    let (c, desk, imap, _smtp) = sent_from_the_desk("en");
    let ana = c.status()[0]["message_id"].as_str().unwrap().to_string();
    imap.deliver(
        "INBOX",
        format!("From: Ana Ruiz <ana@example.com>\r\nTo: {USER}\r\nSubject: Re: Hola\r\nDate: Mon, 23 Nov 2026 09:00:00 +0100\r\nMessage-ID: <r1@example.com>\r\nIn-Reply-To: {ana}\r\n\r\nGracias!\r\n").as_bytes(),
        &[],
    );
    let run = desk.run_from_page("/replies", &[]);
    assert_eq!(run["code"], 0, "{run}");
    let page = desk.get("/send").body;
    assert!(page.contains("Done. The list shows"), "{page}");
    let list = desk.get("/?show=answered").body;
    assert!(
        list.contains("Ana Ruiz") && !list.contains("Bo Li"),
        "{list}"
    );
    assert!(list.contains("1 shown"));
}

#[test]
fn a_letter_too_long_for_the_page_is_said_so_and_nothing_is_saved() {
    let c = drafted();
    let desk = open_desk(&c, "en");
    let (text, base) = desk.letter(1);
    let long = format!("{text}{}", "palabra ".repeat(400_000));
    let form = encode(&[("action", "save"), ("text", &long), ("base", &base)]);
    let headers = [desk.cookie(), desk.origin()];
    // The desk answers before it has read the whole body; the rest unread may reset the link
    // before the answer is read: asked again then.
    let a = (0..5)
        .find_map(|_| try_http(desk.port, "POST", "/client/1", &headers, &form))
        .expect("the desk never answered");
    assert_eq!(a.status, 413, "{}", a.body);
    assert!(
        a.body.contains("too long for the page to save"),
        "{}",
        a.body
    );
    assert_eq!(c.read("drafts/0001-ana-ruiz.txt"), text, "nothing saved");
}

#[test]
fn a_run_that_ends_in_trouble_is_not_said_done() {
    let c = drafted();
    let desk = open_desk(&c, "en");
    // No [imap]: replies has no mailbox to read.
    let run = desk.run_from_page("/replies", &[]);
    assert_eq!(run["code"], 1, "{run}");
    let page = desk.get("/send").body;
    assert!(
        page.contains("It ended with something to see to") && !page.contains("Done."),
        "{page}"
    );
}

#[test]
fn the_personal_share_and_warnings_follow_the_text_as_it_is_typed_without_saving_it() {
    let c = drafted();
    let desk = open_desk(&c, "en");
    let (text, _) = desk.letter(1);
    let measured = |text: &str| -> serde_json::Value {
        let a = desk.post("/client/1/measure", &[("text", text)]);
        assert_eq!(a.status, 200, "{}", a.body);
        serde_json::from_str(&a.body).unwrap()
    };
    let now = measured(&text);
    assert!(now["warnings"].as_array().unwrap().is_empty(), "{now}");
    let share = |m: &serde_json::Value| {
        m["share"]
            .as_str()
            .unwrap()
            .trim_end_matches('%')
            .parse::<u32>()
            .unwrap()
    };
    // Without the personal note, the letter is the template's words alone.
    let bare = measured(&text.replace("Gracias por la paella de junio", ""));
    assert!(share(&bare) < share(&now), "{bare} vs {now}");
    let warned = bare["warnings"].to_string();
    assert!(warned.contains("reads like a mass mail"), "{warned}");
    assert_eq!(c.read("drafts/0001-ana-ruiz.txt"), text, "nothing saved");
    // The list's filters: by warning and by circle.
    let list = desk.get("/?flag=mass").body;
    assert!(list.contains("0 shown"), "{list}");
    let list = desk.get("/?q=bo%40example").body;
    assert!(list.contains("1 shown") && list.contains("Bo Li") && !list.contains("Ana Ruiz"));
}

#[test]
fn the_page_shows_what_goes_with_a_letter_and_an_approval_binds_to_the_files_too() {
    let c = Campaign::with(
        "email,name,note,adjuntos\nana@example.com,Ana Ruiz,Gracias por la paella,presupuesto año.pdf\n",
        "Subject: Hola\n\n{{ note }}\n",
    );
    c.write("presupuesto año.pdf", vec![7u8; 2500]);
    c.run(&["draft"]).success();
    let desk = open_desk(&c, "en");
    let page = desk.get("/client/1").body;
    assert!(
        page.contains("goes with it: presupuesto año.pdf (3 KB)"),
        "{page}"
    );
    let (text, base) = desk.letter(1);
    assert!(
        text.contains("Attachments: presupuesto año.pdf\n"),
        "{text}"
    );
    // Approved with the file as it is; a file changed since is not what was approved.
    let a = desk.post(
        "/client/1",
        &[("action", "approve"), ("text", &text), ("base", &base)],
    );
    assert_eq!(a.status, 303, "{}", a.body);
    assert_eq!(c.states()[0], "approved");
    c.write("presupuesto año.pdf", vec![8u8; 2500]);
    assert_eq!(c.states()[0], "drafted");
    // The desk notices it too: its list no longer counts the letter decided.
    std::thread::sleep(Duration::from_millis(1100));
    assert!(desk.get("/").body.contains("0 of 1 decided"));
    // A page shown with one file, approved after the file changed: shown again, not approved.
    let page = desk.get("/client/1").body;
    let (text, base, bound) = (
        textarea(&page, "text"),
        hidden(&page, "base"),
        hidden(&page, "bound"),
    );
    c.write("presupuesto año.pdf", vec![9u8; 2600]);
    let a = desk.post(
        "/client/1",
        &[
            ("action", "approve"),
            ("text", &text),
            ("base", &base),
            ("bound", &bound),
        ],
    );
    assert!(
        unescape(&a.body).contains("A file of this letter changed since this page showed it"),
        "{}",
        a.body
    );
    assert_eq!(c.states()[0], "drafted");
    // A file that is not there: the approval is refused, saying which.
    std::fs::remove_file(c.path("presupuesto año.pdf")).unwrap();
    let (text, base) = desk.letter(1);
    let a = desk.post(
        "/client/1",
        &[("action", "approve"), ("text", &text), ("base", &base)],
    );
    assert!(
        a.body.contains("presupuesto año.pdf` is not there"),
        "{}",
        a.body
    );
    assert_eq!(c.states()[0], "drafted");
}

#[test]
fn a_letter_that_came_back_shows_under_its_own_filter_and_on_the_clients_page() {
    let (c, desk, imap, _smtp) = sent_from_the_desk("es");
    let ana = c.status()[0]["message_id"].as_str().unwrap().to_string();
    let bounce = std::fs::read_to_string(format!(
        "{}/tests/fixtures/bounces/postfix.eml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
    .replace("pepi@dead.test", "ana@example.com")
    .replace(
        "cartero.7f3a9c.0003@ferreteria-garcia.es",
        ana.trim_matches(['<', '>']),
    );
    imap.deliver("INBOX", bounce.as_bytes(), &[]);
    let run = desk.run_from_page("/replies", &[]);
    assert_eq!(run["code"], 0, "{run}");
    let list = desk.get("/?show=bounced").body;
    assert!(
        list.contains("Ana Ruiz") && !list.contains("Bo Li"),
        "{list}"
    );
    assert!(list.contains("devuelto"), "{list}");
    let page = unescape(&desk.get("/client/1").body);
    let said = page
        .split("Devuelta el ")
        .nth(1)
        .unwrap_or_else(|| panic!("{page}"));
    assert!(
        said[10..].starts_with(": 550 5.1.1 <ana@example.com>: Recipient address rejected"),
        "{page}"
    );
    // And among the letters the archive keeps, this one came back.
    assert!(
        page.contains("devuelta el ") && page.contains("class=\"tag bounce\""),
        "{page}"
    );
    assert!(!unescape(&desk.get("/client/2").body).contains("Devuelta"));
}

#[test]
fn an_anecdote_told_again_is_still_said_after_an_edit_and_as_it_is_typed() {
    let c = drafted();
    // Last year's letter to Ana, in the archive the desk reads: the survey lets the past go
    // once it has looked, and reads Ana's again for each change.
    let mut archive =
        cartero::state::archive::Archive::open(&c.path(".data/cartero/archive.sqlite3")).unwrap();
    let personal = "Gracias por la paella de junio, con toda la familia.";
    archive
        .keep(&[cartero::state::archive::Letter {
            message_id: "<2025.1@example.com>".into(),
            email: "ana@example.com".into(),
            name: "Ana Ruiz".into(),
            sent_at: "2025-12-20T10:00:00.000+01:00".into(),
            subject: "Gracias, Ana".into(),
            body: format!("Hola Ana:\n\n{personal}\n\nUn abrazo"),
            personal: personal.into(),
            campaign: "/elsewhere/2025/drafts".into(),
            replied_at: None,
            proof: None,
            bounced_at: None,
            bounce: None,
            attachments: Vec::new(),
        }])
        .unwrap();
    drop(archive);
    let desk = open_desk(&c, "en");
    let said = "repeats what you wrote to them in 2025 («Gracias por la paella de junio, con toda la familia.»)";
    let (text, base) = desk.letter(1);
    assert!(desk.get("/client/1").body.contains(said));
    assert!(!desk
        .get("/client/2")
        .body
        .contains("repeats what you wrote"));
    // Saved with the anecdote still in it: still said.
    let kept = text.replace("Un abrazo", "Un abrazo fuerte");
    let a = desk.post(
        "/client/1",
        &[("action", "save"), ("text", &kept), ("base", &base)],
    );
    assert_eq!(a.status, 303, "{}", a.body);
    let page = desk.get("/client/1").body;
    assert!(page.contains(said), "{page}");
    // As typed: without it, not said; with it, said.
    let measured = |text: &str| -> String {
        let a = desk.post("/client/1/measure", &[("text", text)]);
        assert_eq!(a.status, 200, "{}", a.body);
        a.body
    };
    let without = measured(&kept.replace("Gracias por la paella de junio", "Hasta pronto"));
    assert!(!without.contains("repeats what you wrote"), "{without}");
    assert!(measured(&kept).contains(said));
}

/// Both clients approved and sent from the desk (in `lang`), with a mailbox to look in.
fn sent_from_the_desk(
    lang: &str,
) -> (Campaign, Desk, crate::support::imap::ImapServer, SmtpServer) {
    use crate::mailbox::{imap_config, USER};
    use crate::support::imap::ImapServer;
    let smtp = SmtpServer::start(Rules::default());
    let imap = ImapServer::plain(USER, "s3cret");
    let c = drafted();
    c.append(
        "cartero.toml",
        &format!("{}{}", smtp.config(), imap_config(&imap, "")),
    );
    let desk = open_desk(&c, lang);
    desk.approve(1);
    desk.approve(2);
    assert_eq!(desk.run_from_page("/send", &[])["code"], 0);
    (c, desk, imap, smtp)
}

#[test]
fn a_letter_that_went_shows_as_it_went_though_its_draft_was_edited_since() {
    let (c, desk, _imap, smtp) = sent_from_the_desk("en");
    let went = c.read("drafts/0001-ana-ruiz.txt");
    c.write(
        "drafts/0001-ana-ruiz.txt",
        went.replace("paella", "EDITED AFTER IT WENT"),
    );
    let page = desk.get("/client/1").body;
    assert!(
        page.contains("paella") && !page.contains("EDITED AFTER IT WENT"),
        "{page}"
    );
    assert!(
        page.contains("the archive keeps the letter as it went"),
        "{page}"
    );
    assert_eq!(smtp.received().len(), 2);
}

#[test]
fn what_the_person_wrote_is_shown_back_when_the_desk_cannot_take_it() {
    let c = drafted();
    let desk = open_desk(&c, "en");
    let (text, base) = desk.letter(1);
    std::fs::remove_file(c.path("drafts/0001-ana-ruiz.txt")).unwrap();
    let mine = text.replace("paella", "paella & <b>las sardinas</b> de junio");
    let a = desk.post(
        "/client/1",
        &[("action", "save"), ("text", &mine), ("base", &base)],
    );
    assert_eq!(a.status, 404, "{}", a.body);
    assert!(
        a.body.contains("What you wrote, nothing of it saved")
            && a.body
                .contains("paella &amp; &lt;b&gt;las sardinas&lt;/b&gt; de junio"),
        "{}",
        a.body
    );
    assert!(a.body.contains("close the desk"), "{}", a.body);
    // A memory of nothing but blanks is said not kept.
    let a = desk.post("/client/2/remember", &[("memory", "   \n ")]);
    assert_eq!(a.status, 303);
    let page = desk.get(a.header("location").unwrap()).body;
    assert!(
        page.contains("Nothing was kept: the memory was empty"),
        "{page}"
    );
}
