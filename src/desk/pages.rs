//! The desk's pages: HTML from the templates in `desk/templates/` (Tera, every value escaped),
//! in the run's language, and the stylesheet and script, all inside the binary.

use std::collections::BTreeMap;
use std::sync::Arc;

use anyhow::Result;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Form;
use serde::{Deserialize, Serialize};
use tera::{Context, Tera};

use super::runs::{self, Kind, Passwords};
use super::work::{Act, Outcome, Work};
use super::Shared;
use crate::domain::clients::Circle;
use crate::domain::message;
use crate::domain::personal;
use crate::state::drafts::State as DraftState;
use crate::state::journal::Delivery;
use crate::state::survey::Entry;
use crate::state::went;

const TEMPLATES: &[(&str, &str)] = &[
    ("layout.html", include_str!("templates/layout.html")),
    ("list.html", include_str!("templates/list.html")),
    ("client.html", include_str!("templates/client.html")),
    ("conflict.html", include_str!("templates/conflict.html")),
    ("refusal.html", include_str!("templates/refusal.html")),
    ("send.html", include_str!("templates/send.html")),
];

const CSS: &str = include_str!("assets/desk.css");
const JS: &str = include_str!("assets/desk.js");

/// The templates, parsed once.
pub struct Pages {
    tera: Tera,
}

impl Pages {
    pub fn new() -> Result<Pages> {
        let mut tera = Tera::new();
        tera.autoescape_on(vec![".html"]);
        for (name, text) in TEMPLATES {
            tera.add_raw_template(name, text)
                .map_err(|e| anyhow::anyhow!("desk template {name}: {e}"))?;
        }
        Ok(Pages { tera })
    }

    fn render(&self, name: &str, context: &Context) -> Response {
        match self.tera.render(name, context) {
            Ok(html) => Html(html).into_response(),
            Err(e) => failed(&anyhow::anyhow!("{e}")),
        }
    }
}

/// A page that says why it cannot show anything, and nothing of the campaign.
pub fn refusal(why: &str) -> Html<String> {
    refusal_keeping(why, None)
}

/// A refusal that shows back what the person wrote (a letter, a memory), nothing of it saved,
/// for them to copy: what they wrote is never lost with a refused page.
fn refusal_keeping(why: &str, kept: Option<&str>) -> Html<String> {
    let mut context = Context::new();
    context.insert("t", &texts());
    context.insert("why", why);
    context.insert("kept", &kept.filter(|k| !k.trim().is_empty()));
    let html = Pages::new()
        .ok()
        .and_then(|p| p.tera.render("refusal.html", &context).ok())
        .unwrap_or_default();
    Html(html)
}

fn failed(e: &anyhow::Error) -> Response {
    let why = tr!("desk-failed", why = format!("{e:#}"));
    (StatusCode::INTERNAL_SERVER_ERROR, refusal(&why)).into_response()
}

/// Every sentence the templates use, in this run's language.
fn texts() -> BTreeMap<&'static str, String> {
    let mut texts = BTreeMap::from(list_texts());
    texts.extend(page_texts());
    texts
}

/// The list's and the layout's words.
fn list_texts() -> [(&'static str, String); 31] {
    [
        ("title", tr!("desk-title")),
        ("clients", tr!("desk-clients")),
        ("search", tr!("desk-search")),
        ("all", tr!("desk-filter-all")),
        ("to_decide", tr!("desk-filter-to-decide")),
        ("approved", tr!("desk-filter-approved")),
        ("sent", tr!("desk-filter-sent")),
        ("bounced", tr!("desk-filter-bounced")),
        ("answered", tr!("desk-filter-answered")),
        ("loved", tr!("desk-circle-loved")),
        ("ignored", tr!("desk-circle-ignored")),
        ("hated", tr!("desk-circle-hated")),
        ("mass", tr!("desk-flag-mass")),
        ("no_note", tr!("desk-flag-no-note")),
        ("retold", tr!("desk-flag-retold")),
        ("no_match", tr!("desk-no-match")),
        ("name", tr!("desk-name")),
        ("address", tr!("desk-address")),
        ("state", tr!("desk-state")),
        ("circle", tr!("desk-circle")),
        ("personal", tr!("desk-personal")),
        ("affinity", tr!("desk-affinity")),
        ("note", tr!("desk-note")),
        ("no_note_yet", tr!("desk-no-note-yet")),
        ("other_columns", tr!("desk-other-columns")),
        ("past", tr!("desk-past")),
        ("no_past", tr!("desk-no-past")),
        ("they_answered", tr!("desk-they-answered")),
        ("no_answer", tr!("desk-no-answer")),
        ("memories", tr!("desk-memories")),
        ("remember", tr!("desk-remember")),
    ]
}

/// A client's page's and the send page's words.
fn page_texts() -> [(&'static str, String); 33] {
    [
        ("remember_hint", tr!("desk-remember-hint")),
        ("letter", tr!("desk-letter")),
        ("warnings", tr!("desk-warnings")),
        ("save", tr!("desk-save")),
        ("approve", tr!("desk-approve")),
        ("skip", tr!("desk-skip")),
        ("reject", tr!("desk-reject")),
        ("previous", tr!("desk-previous")),
        ("next", tr!("desk-next")),
        ("back", tr!("desk-back")),
        ("shortcuts", tr!("desk-shortcuts")),
        ("shortcut_keys", tr!("desk-shortcut-keys")),
        ("no_draft", tr!("desk-no-draft")),
        ("conflict", tr!("desk-conflict")),
        ("conflict_hint", tr!("desk-conflict-hint")),
        ("yours", tr!("desk-yours")),
        ("theirs", tr!("desk-theirs")),
        ("keep_yours", tr!("desk-keep-yours")),
        ("keep_theirs", tr!("desk-keep-theirs")),
        ("refused", tr!("desk-refused")),
        ("send", tr!("desk-send")),
        ("send_title", tr!("desk-send-title")),
        ("smtp_password", tr!("desk-smtp-password")),
        ("imap_password", tr!("desk-imap-password")),
        ("password_hint", tr!("desk-password-hint")),
        ("replies_button", tr!("desk-replies-button")),
        ("running", tr!("desk-running")),
        ("ended", tr!("desk-ended")),
        ("ended_badly", tr!("desk-ended-badly")),
        ("kept", tr!("desk-kept")),
        ("find", tr!("desk-find")),
        ("closed", tr!("desk-closed")),
        ("lang", crate::i18n::lang().code().to_string()),
    ]
}

/// A state as a person reads it.
fn state_word(state: DraftState) -> String {
    match state {
        DraftState::New => tr!("desk-state-new"),
        DraftState::Drafted => tr!("desk-state-drafted"),
        DraftState::Edited => tr!("desk-state-edited"),
        DraftState::Approved => tr!("desk-state-approved"),
        DraftState::Skipped => tr!("desk-state-skipped"),
        DraftState::Rejected => tr!("desk-state-rejected"),
        DraftState::Sending => tr!("desk-state-sending"),
        DraftState::Sent => tr!("desk-state-sent"),
        DraftState::Bounced => tr!("desk-state-bounced"),
        DraftState::Failed => tr!("desk-state-failed"),
        DraftState::Uncertain => tr!("desk-state-uncertain"),
        DraftState::Missing => tr!("desk-state-missing"),
    }
}

/// One client's circle, as their row and page say it (the filters name the circles whole).
fn circle_word(circle: Option<Circle>) -> String {
    match circle {
        Some(Circle::Loved) => tr!("desk-one-loved"),
        Some(Circle::Ignored) => tr!("desk-one-ignored"),
        Some(Circle::Hated) => tr!("desk-one-hated"),
        None => String::new(),
    }
}

/// The filters of the list, as the address gives them.
#[derive(Debug, Default, Deserialize, Serialize)]
pub struct ListQuery {
    #[serde(default)]
    show: String,
    #[serde(default)]
    circle: String,
    #[serde(default)]
    flag: String,
    #[serde(default)]
    q: String,
}

/// One client on the list.
#[derive(Serialize)]
struct Row {
    n: usize,
    name: String,
    email: String,
    state: &'static str,
    state_word: String,
    circle: &'static str,
    circle_word: String,
    share: String,
    warnings: Vec<String>,
    answered: bool,
    /// Why the letter came back, and when; empty when it did not.
    bounce: String,
}

/// Why the letter came back, with the day, as the desk says it; empty when it did not.
fn bounce(e: &Entry) -> String {
    let returned = e.record.as_ref().and_then(|r| r.bounced.as_ref());
    match (e.state, returned) {
        (DraftState::Bounced, Some(b)) => tr!(
            "desk-bounced-because",
            day = b.at.format("%Y-%m-%d").to_string(),
            reason = &b.reason
        ),
        _ => String::new(),
    }
}

fn answered(e: &Entry) -> bool {
    e.record.as_ref().is_some_and(|r| r.replied.is_some())
}

fn no_note(e: &Entry) -> bool {
    e.client.note.as_deref().is_none_or(|n| n.trim().is_empty())
}

fn mass(e: &Entry) -> bool {
    e.share.is_some_and(personal::reads_like_mass_mail)
}

impl ListQuery {
    fn keeps(&self, e: &Entry) -> bool {
        let shown = match self.show.as_str() {
            "decide" => e.state.needs_review(),
            "approved" => e.state == DraftState::Approved,
            "sent" => e.state == DraftState::Sent,
            "bounced" => e.state == DraftState::Bounced,
            "answered" => answered(e),
            _ => true,
        };
        let circle =
            self.circle.is_empty() || e.client.circle().is_some_and(|c| c.as_str() == self.circle);
        let flag = match self.flag.as_str() {
            "mass" => mass(e),
            "no-note" => no_note(e),
            "retold" => e.retold,
            _ => true,
        };
        let q = self.q.trim().to_lowercase();
        let found =
            q.is_empty() || e.client.name.to_lowercase().contains(&q) || e.client.key.contains(&q);
        shown && circle && flag && found
    }
}

fn row(n: usize, e: &Entry) -> Row {
    Row {
        n,
        name: e.client.name.clone(),
        email: e.client.email.clone(),
        state: e.state.as_str(),
        state_word: state_word(e.state),
        circle: e.client.circle().map_or("", Circle::as_str),
        circle_word: circle_word(e.client.circle()),
        share: e
            .share
            .map_or(String::new(), |s| format!("{:.0}%", s * 100.0)),
        warnings: e.warnings.clone(),
        answered: answered(e),
        bounce: bounce(e),
    }
}

/// How many a list shows at most: the search and the filters find the others.
const PAGE: usize = 500;

pub async fn list(State(shared): State<Arc<Shared>>, Query(q): Query<ListQuery>) -> Response {
    let mut work = lock(&shared);
    if let Err(e) = tokio::task::block_in_place(|| work.look_all()) {
        return failed(&e);
    }
    let entries = &work.survey.entries;
    let decided = entries.iter().filter(|e| !e.state.needs_review()).count();
    let kept: Vec<(usize, &Entry)> = entries
        .iter()
        .enumerate()
        .filter(|(_, e)| q.keeps(e))
        .collect();
    let rows: Vec<Row> = kept.iter().take(PAGE).map(|(i, e)| row(i + 1, e)).collect();
    let mut context = Context::new();
    context.insert("t", &texts());
    context.insert(
        "counts",
        &tr!("desk-decided", decided = decided, total = entries.len()),
    );
    context.insert("shown", &tr!("desk-shown", shown = kept.len()));
    context.insert("more", &(kept.len() > PAGE));
    context.insert("rows", &rows);
    context.insert("query", &q);
    shared.pages.render("list.html", &context)
}

fn lock(shared: &Shared) -> std::sync::MutexGuard<'_, Work> {
    // A panic while the work was held leaves it as the last answer wrote it: still whole.
    shared
        .work
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// What the client page says after an action.
#[derive(Debug, Default, Deserialize)]
pub struct ClientQuery {
    #[serde(default)]
    done: String,
    #[serde(default)]
    who: String,
}

#[derive(Serialize)]
struct PastLetter {
    date: String,
    subject: String,
    personal: String,
    replied: String,
    /// When it came back and why; empty when it did not.
    bounced: String,
}

#[derive(Serialize)]
struct Remembered {
    date: String,
    text: String,
}

impl From<crate::state::archive::Memory> for Remembered {
    fn from(m: crate::state::archive::Memory) -> Remembered {
        Remembered {
            date: m.at.get(..10).unwrap_or(&m.at).to_string(),
            text: m.text,
        }
    }
}

pub async fn client(
    State(shared): State<Arc<Shared>>,
    Path(n): Path<String>,
    Query(q): Query<ClientQuery>,
) -> Response {
    let Ok(n) = n.parse::<usize>() else {
        return (StatusCode::NOT_FOUND, refusal(&tr!("desk-no-such-client"))).into_response();
    };
    let mut work = lock(&shared);
    let Some(i) = index(&work, n) else {
        return (StatusCode::NOT_FOUND, refusal(&tr!("desk-no-such-client"))).into_response();
    };
    if let Err(e) = work.look(i) {
        return failed(&e);
    }
    let who = q
        .who
        .parse()
        .ok()
        .and_then(|w| index(&work, w))
        .map_or(String::new(), |w| {
            work.survey.entries[w].client.name.clone()
        });
    let flash = match q.done.as_str() {
        "approved" => tr!("desk-done-approved", who = &who),
        "skipped" => tr!("desk-done-skipped", who = &who),
        "rejected" => tr!("desk-done-rejected", who = &who),
        "saved" => tr!("desk-done-saved"),
        "remembered" => tr!("desk-done-remembered"),
        "nothing-to-remember" => tr!("desk-done-nothing-to-remember"),
        _ => String::new(),
    };
    match client_context(&work, i) {
        Ok(mut context) => {
            context.insert("flash", &flash);
            shared.pages.render("client.html", &context)
        }
        Err(e) => failed(&e),
    }
}

fn index(work: &Work, n: usize) -> Option<usize> {
    (1..=work.survey.entries.len()).contains(&n).then(|| n - 1)
}

fn client_context(work: &Work, i: usize) -> Result<Context> {
    let e = &work.survey.entries[i];
    let total = work.survey.entries.len();
    let (letters, memories) = work.past(i)?;
    let letters: Vec<PastLetter> = letters
        .into_iter()
        .map(|l| PastLetter {
            date: l.sent_at.get(..10).unwrap_or(&l.sent_at).to_string(),
            subject: l.subject,
            personal: l.personal,
            replied: l.replied_at.map_or(String::new(), |at| {
                tr!("desk-answered-on", date = at.get(..10).unwrap_or(&at))
            }),
            bounced: l.bounced_at.map_or(String::new(), |at| {
                let reason = l.bounce.unwrap_or_default();
                let date = at.get(..10).unwrap_or(&at);
                tr!("desk-past-bounced", date = date, reason = reason)
            }),
        })
        .collect();
    let memories: Vec<Remembered> = memories.into_iter().map(Remembered::from).collect();
    let mut context = Context::new();
    context.insert("t", &texts());
    context.insert("n", &(i + 1));
    context.insert("position", &tr!("desk-position", n = i + 1, total = total));
    context.insert("prev", &(i > 0).then_some(i));
    context.insert("next", &(i + 1 < total).then_some(i + 2));
    context.insert("client", &row(i + 1, e));
    context.insert("affinity", &e.client.affinity);
    context.insert("note", &e.client.note);
    context.insert("fields", &e.client.fields);
    context.insert("letters", &letters);
    context.insert("memories", &memories);
    let text = shown_text(e, &work.survey.campaign.settings.base);
    context.insert("text", &text);
    let base = &work.survey.campaign.settings.base;
    let files = text.as_deref().and_then(|t| message::goes_with(t, base));
    context.insert("files", &files);
    context.insert("hash", &e.hash);
    context.insert("bound", &e.bound());
    context.insert("path", &e.path.as_ref().map(|p| p.display().to_string()));
    context.insert(
        "decidable",
        &(e.state.needs_review() || e.state == DraftState::Approved),
    );
    context.insert("closed", &super::work::closed(e.state));
    // The letter's own language for the spell checker, else the page's.
    let lang = e
        .client
        .language
        .as_ref()
        .map_or(crate::i18n::lang().code(), |l| l.code());
    context.insert("letter_lang", &lang);
    Ok(context)
}

/// What a client page sends.
#[derive(Debug, Deserialize)]
pub struct ActForm {
    action: String,
    text: String,
    base: String,
    /// What an approval bound to when the page was made: the files as listed.
    #[serde(default)]
    bound: Option<String>,
}

/// The letter the page shows: its draft; for a letter that went and whose draft changed since,
/// the words as they went, when kept (`state::went`).
fn shown_text(e: &Entry, base: &std::path::Path) -> Option<String> {
    let Some(r) = e.record.as_ref() else {
        return e.text.clone();
    };
    let handed = r.letter.as_ref();
    let changed =
        super::work::closed(e.state) && handed.is_some_and(|l| e.bound() != Some(l.hash.as_str()));
    let id = r
        .sent
        .as_ref()
        .map(|s| s.message_id.as_str())
        .or_else(|| r.delivery.as_ref().and_then(Delivery::message_id));
    let (Some(id), Some(path), true) = (id, e.path.as_ref(), changed) else {
        return e.text.clone();
    };
    let (Some(drafts), Some(file)) = (path.parent(), path.file_name()) else {
        return e.text.clone();
    };
    let hash = handed.map(|l| l.hash.as_str());
    let file = file.to_string_lossy();
    went::as_went(drafts, base, &file, id, hash, e.text.as_deref())
}

/// The text as the person wrote it, with the line ends the file has: a browser sends CRLF.
fn as_on_disk(text: &str, theirs: Option<&str>) -> String {
    if theirs.is_some_and(|t| t.contains("\r\n")) {
        text.to_string()
    } else {
        text.replace("\r\n", "\n")
    }
}

/// A form the desk cannot take: too long to be a letter (the page's limit, 2 MB), or not one of
/// the desk's own.
fn bad_form(rejection: &FormRejection) -> Response {
    if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
        return (
            StatusCode::PAYLOAD_TOO_LARGE,
            refusal(&tr!("desk-too-long")),
        )
            .into_response();
    }
    (StatusCode::BAD_REQUEST, refusal(&tr!("desk-bad-action"))).into_response()
}

pub async fn act(
    State(shared): State<Arc<Shared>>,
    Path(n): Path<String>,
    form: Result<Form<ActForm>, FormRejection>,
) -> Response {
    let form = match form {
        Ok(Form(form)) => form,
        Err(rejection) => return bad_form(&rejection),
    };
    let Ok(n) = n.parse::<usize>() else {
        return (StatusCode::NOT_FOUND, refusal(&tr!("desk-no-such-client"))).into_response();
    };
    let act = match form.action.as_str() {
        "save" => Act::Save,
        "approve" => Act::Approve,
        "skip" => Act::Skip,
        "reject" => Act::Reject,
        _ => return (StatusCode::BAD_REQUEST, refusal(&tr!("desk-bad-action"))).into_response(),
    };
    if runs::busy(&shared) {
        return busy(Some(&form.text));
    }
    let mut work = lock(&shared);
    let Some(i) = index(&work, n) else {
        return (StatusCode::NOT_FOUND, refusal(&tr!("desk-no-such-client"))).into_response();
    };
    let text = as_on_disk(&form.text, work.survey.entries[i].text.as_deref());
    let shown = (form.base.as_str(), form.bound.as_deref());
    let outcome = tokio::task::block_in_place(|| work.act(i, act, &text, shown));
    match outcome {
        Ok(Outcome::Gone) => {
            let page = refusal_keeping(&tr!("desk-draft-gone"), Some(&form.text));
            (StatusCode::NOT_FOUND, page).into_response()
        }
        Ok(outcome) => answer(&shared, &work, i, act, outcome),
        Err(e) => failed(&e),
    }
}

/// The page after `act` on client `i` (0-based) came to `outcome`.
fn answer(shared: &Shared, work: &Work, i: usize, act: Act, outcome: Outcome) -> Response {
    let n = i + 1;
    match outcome {
        Outcome::Done if act == Act::Save => {
            Redirect::to(&format!("/client/{n}?done=saved")).into_response()
        }
        Outcome::Done => {
            let done = match act {
                Act::Approve => "approved",
                Act::Skip => "skipped",
                _ => "rejected",
            };
            let next = next_to_decide(work, i);
            Redirect::to(&format!("/client/{next}?done={done}&who={n}")).into_response()
        }
        Outcome::Unsendable(why) => match client_context(work, i) {
            Ok(mut context) => {
                context.insert("flash", &tr!("desk-cannot-approve", why = why));
                shared.pages.render("client.html", &context)
            }
            Err(e) => failed(&e),
        },
        Outcome::Conflict {
            yours,
            theirs,
            theirs_hash,
        } => {
            let mut context = Context::new();
            context.insert("t", &texts());
            context.insert("n", &n);
            context.insert("yours", &yours);
            context.insert("theirs", &theirs);
            context.insert("theirs_hash", &theirs_hash);
            let path = work.survey.entries[i].path.as_ref();
            context.insert("path", &path.map(|p| p.display().to_string()));
            let page = shared.pages.render("conflict.html", &context);
            (StatusCode::CONFLICT, page).into_response()
        }
        Outcome::Closed => (StatusCode::CONFLICT, refusal(&tr!("desk-closed"))).into_response(),
        Outcome::Gone => (StatusCode::NOT_FOUND, refusal(&tr!("desk-draft-gone"))).into_response(),
    }
}

/// The next client after `i` whose draft needs a decision (1-based), else the next one, else
/// `i` itself.
fn next_to_decide(work: &Work, i: usize) -> usize {
    let entries = &work.survey.entries;
    (i + 1..entries.len())
        .chain(0..i)
        .find(|&j| entries[j].state.needs_review())
        .map_or((i + 1).min(entries.len() - 1) + 1, |j| j + 1)
}

#[derive(Debug, Deserialize)]
pub struct RememberForm {
    memory: String,
}

pub async fn remember(
    State(shared): State<Arc<Shared>>,
    Path(n): Path<String>,
    form: Result<Form<RememberForm>, FormRejection>,
) -> Response {
    let form = match form {
        Ok(Form(form)) => form,
        Err(rejection) => return bad_form(&rejection),
    };
    let Ok(n) = n.parse::<usize>() else {
        return (StatusCode::NOT_FOUND, refusal(&tr!("desk-no-such-client"))).into_response();
    };
    if runs::busy(&shared) {
        return busy(Some(&form.memory));
    }
    let mut work = lock(&shared);
    let Some(i) = index(&work, n) else {
        return (StatusCode::NOT_FOUND, refusal(&tr!("desk-no-such-client"))).into_response();
    };
    match tokio::task::block_in_place(|| work.remember(i, &form.memory)) {
        Ok(true) => Redirect::to(&format!("/client/{n}?done=remembered")).into_response(),
        Ok(false) => Redirect::to(&format!("/client/{n}?done=nothing-to-remember")).into_response(),
        Err(e) => failed(&e),
    }
}

/// A change asked for while a `send` or `replies` has the drafts folder; what the person wrote
/// shown back.
fn busy(kept: Option<&str>) -> Response {
    (
        StatusCode::CONFLICT,
        refusal_keeping(&tr!("desk-busy"), kept),
    )
        .into_response()
}

/// An approved letter's client, on the send page.
#[derive(Serialize)]
struct Whom {
    n: usize,
    who: String,
}

pub async fn send_view(State(shared): State<Arc<Shared>>) -> Response {
    let settings = shared.settings;
    let (approved, whom): (usize, Vec<Whom>) = {
        let work = lock(&shared);
        let approved: Vec<Whom> = work
            .survey
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.state == DraftState::Approved)
            .map(|(i, e)| Whom {
                n: i + 1,
                who: crate::text::display_mailbox(&e.client.mailbox),
            })
            .collect();
        (approved.len(), approved)
    };
    let run = runs::current(&shared);
    let mut context = Context::new();
    context.insert("t", &texts());
    context.insert("approved", &tr!("desk-send-approved", count = approved));
    context.insert("whom", &whom);
    context.insert("can_send", &(approved > 0 && settings.smtp.is_some()));
    context.insert("button", &tr!("desk-send-button", count = approved));
    let server = settings.smtp.as_ref().map(|s| {
        tr!(
            "desk-send-server",
            host = s.server.host.as_str(),
            port = s.server.port
        )
    });
    context.insert(
        "server",
        &server.unwrap_or_else(|| tr!("desk-send-no-smtp")),
    );
    let sender = settings.sender.as_ref().map(|s| s.to_string());
    context.insert(
        "sender",
        &sender.map_or(String::new(), |s| tr!("desk-send-as", sender = s)),
    );
    context.insert("smtp_password", &runs::needs_smtp_password(settings));
    context.insert("imap_password", &runs::needs_imap_password(settings));
    context.insert("imap", &settings.imap.is_some());
    context.insert("running", &run.as_ref().is_some_and(|r| !r.back));
    context.insert("run", &run);
    shared.pages.render("send.html", &context)
}

/// What the send page sends.
#[derive(Debug, Deserialize)]
pub struct RunForm {
    #[serde(default)]
    smtp_password: String,
    #[serde(default)]
    imap_password: String,
}

fn start(shared: &Arc<Shared>, kind: Kind, form: RunForm) -> Response {
    let passwords = Passwords {
        smtp: Some(form.smtp_password),
        imap: Some(form.imap_password),
    };
    match runs::start(shared, kind, passwords) {
        Ok(()) => Redirect::to("/send").into_response(),
        Err(e) => failed(&e),
    }
}

pub async fn send(
    State(shared): State<Arc<Shared>>,
    form: Result<Form<RunForm>, FormRejection>,
) -> Response {
    let form = match form {
        Ok(Form(form)) => form,
        Err(rejection) => return bad_form(&rejection),
    };
    start(&shared, Kind::Send, form)
}

pub async fn replies(
    State(shared): State<Arc<Shared>>,
    form: Result<Form<RunForm>, FormRejection>,
) -> Response {
    let form = match form {
        Ok(Form(form)) => form,
        Err(rejection) => return bad_form(&rejection),
    };
    start(&shared, Kind::Replies, form)
}

/// The run under way, for the page's script to show as it goes.
pub async fn run(State(shared): State<Arc<Shared>>) -> Response {
    let run = runs::current(&shared);
    let json = serde_json::to_string(&run).unwrap_or_else(|_| "null".into());
    ([(header::CONTENT_TYPE, "application/json")], json).into_response()
}

/// What the page sends as the person types.
#[derive(Debug, Deserialize)]
pub struct MeasureForm {
    text: String,
}

/// The letter's personal share and warnings as it stands in the page, not yet saved.
#[derive(Serialize)]
struct Measured {
    share: String,
    warnings: Vec<String>,
}

pub async fn measure(
    State(shared): State<Arc<Shared>>,
    Path(n): Path<String>,
    form: Result<Form<MeasureForm>, FormRejection>,
) -> Response {
    let form = match form {
        Ok(Form(form)) => form,
        Err(rejection) => return bad_form(&rejection),
    };
    let Ok(n) = n.parse::<usize>() else {
        return (StatusCode::NOT_FOUND, refusal(&tr!("desk-no-such-client"))).into_response();
    };
    let mut work = lock(&shared);
    let Some(i) = index(&work, n) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let text = as_on_disk(&form.text, work.survey.entries[i].text.as_deref());
    let (share, warnings) = tokio::task::block_in_place(|| work.survey.as_if(i, &text));
    let measured = Measured {
        share: share.map_or(String::new(), |s| format!("{:.0}%", s * 100.0)),
        warnings,
    };
    let json = serde_json::to_string(&measured).unwrap_or_else(|_| "{}".into());
    ([(header::CONTENT_TYPE, "application/json")], json).into_response()
}

pub async fn asset(Path(name): Path<String>) -> Response {
    let (body, kind) = match name.as_str() {
        "desk.css" => (CSS, "text/css; charset=utf-8"),
        "desk.js" => (JS, "text/javascript; charset=utf-8"),
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    ([(header::CONTENT_TYPE, kind)], body).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_browser_s_line_ends_become_the_file_s() {
        assert_eq!(as_on_disk("a\r\nb", Some("x\ny")), "a\nb");
        assert_eq!(as_on_disk("a\r\nb", Some("x\r\ny")), "a\r\nb");
    }

    #[test]
    fn every_template_parses() {
        Pages::new().unwrap();
    }
}
