//! Tera templates into one rendered `Email` per client, and that email into RFC 5322 bytes.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime};
use lettre::message::Mailbox;
use tera::{Context, Kwargs, State, Tera, Value};

use crate::diag::{Pos, Problem};
use crate::domain::clients::{Client, LANGUAGES};
use crate::settings::parse_mailbox;
use crate::text::clean_line;

/// The longest run without a space a subject may have: with `Subject: ` it fits the 998
/// octets RFC 5322 allows on a line, which no folding can shorten.
const MAX_WORD: usize = 900;

/// Past this, mail apps cut the subject short.
pub const LONG_SUBJECT: usize = 200;

/// What a template makes for one client: the headers it may set, and the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email {
    pub subject: String,
    pub reply_to: Option<Mailbox>,
    pub body: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Header {
    Subject,
    ReplyTo,
}

/// Why a client's email could not be rendered.
#[derive(Debug)]
pub enum RenderError {
    /// The template itself is wrong: report once, not once per client.
    Template(Problem),
    /// The template's problem was reported for an earlier client.
    AlreadyReported,
    /// This client's data does not fit the template.
    Client(Problem),
}

/// Which template a client gets, decided before anything is loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// Render with this file. `from_column` when the client's `template` column named it;
    /// `missing_variant` names the language variant that would have been chosen had it existed.
    Template {
        name: String,
        from_column: bool,
        missing_variant: Option<String>,
    },
    /// No `template` column value and no default template.
    Unset,
}

/// Why a template could not be loaded.
#[derive(Debug, Clone)]
pub enum LoadError {
    /// There is no such file: the caller knows who named it, and says so.
    Missing,
    /// It is there but cannot be used.
    Broken(Problem),
}

/// A template file split into its header lines and its body, each a Tera template of its own
/// whose line and column numbers are those of the file.
#[derive(Debug)]
struct TemplateFile {
    label: String,
    source: String,
    headers: Vec<(Header, String, usize)>,
    body: String,
}

/// A text Tera knows, as problems show it.
struct Source {
    label: String,
    text: String,
}

/// Every template a campaign uses, parsed once.
pub struct Templates {
    dir: PathBuf,
    default: Option<String>,
    tera: Tera,
    files: HashMap<String, TemplateFile>,
    /// Every template tried as a client's letter, and how that went: each is loaded once.
    tried: HashMap<String, Result<(), LoadError>>,
    /// Every file tried as something a template includes or extends, and how that went.
    partials: HashMap<String, Result<(), Problem>>,
    /// Templates whose problem `template_for` has given.
    reported: HashSet<String>,
    /// Files being loaded now: a file that includes itself stops here, and Tera says so.
    loading: HashSet<String>,
    /// Each Tera template's file and text, so that a problem shows the right file's line.
    sources: HashMap<String, Source>,
    default_language: Option<String>,
    /// What every client's context holds: `sender`, `today`, `year`.
    common: Context,
}

impl Templates {
    /// Ready to load templates from the default template's folder (or `templates`).
    pub fn new(
        default: Option<&Path>,
        default_language: Option<String>,
        sender: Option<Mailbox>,
        now: DateTime<FixedOffset>,
    ) -> Templates {
        let dir = default
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("templates"));
        let mut common = Context::new();
        if let Some(sender) = &sender {
            let mut map = HashMap::new();
            map.insert("name", sender.name.clone().unwrap_or_default());
            map.insert("email", sender.email.to_string());
            common.insert("sender", &map);
        }
        common.insert("today", &now.format("%Y-%m-%d").to_string());
        common.insert("year", &now.year());
        let mut tera = Tera::new();
        tera.autoescape_on(Vec::<&str>::new());
        tera.register_filter("date", date_filter);
        Templates {
            dir,
            default: default
                .and_then(|p| p.file_name())
                .map(|n| n.to_string_lossy().into_owned()),
            tera,
            files: HashMap::new(),
            tried: HashMap::new(),
            partials: HashMap::new(),
            loading: HashSet::new(),
            reported: HashSet::new(),
            sources: HashMap::new(),
            default_language,
            common,
        }
    }

    /// The template a client gets: their `template` column, else the default (or its variant
    /// in the client's language, when there is one).
    pub fn choose(&self, client: &Client) -> Choice {
        let (name, missing_variant) = match (&client.template, &self.default) {
            (Some(t), _) => {
                return Choice::Template {
                    name: t.clone(),
                    from_column: true,
                    missing_variant: None,
                }
            }
            (None, None) => return Choice::Unset,
            (None, Some(d)) => {
                let wanted = client.language.as_ref().or(self.default_language.as_ref());
                match (wanted, language_variant(d)) {
                    (Some(lang), Some((stem, own))) if *lang != own => {
                        let sibling = format!("{stem}.{lang}.txt");
                        // One that is there but cannot be looked at is chosen, so loading it says why.
                        if matches!(self.dir.join(&sibling).try_exists(), Ok(false)) {
                            (d.clone(), Some(sibling))
                        } else {
                            (sibling, None)
                        }
                    }
                    _ => (d.clone(), None),
                }
            }
        };
        Choice::Template {
            name,
            from_column: false,
            missing_variant,
        }
    }

    /// The file name of the template for this client, loaded; a broken one is an `Err`
    /// naming the problem the first time, `AlreadyReported` after.
    pub fn template_for(&mut self, client: &Client) -> Result<String, RenderError> {
        let name = match self.choose(client) {
            Choice::Unset => {
                return Err(RenderError::Template(Problem::error(
                    "cartero.toml",
                    "no template: pass `--template templates/year-end.txt` or set `template` under `[campaign]`",
                )))
            }
            Choice::Template { name, .. } => name,
        };
        let problem = match self.prepare(&name) {
            Ok(()) => return Ok(name),
            Err(LoadError::Missing) => {
                Problem::error(self.label(&name), "there is no such template")
            }
            Err(LoadError::Broken(p)) => p,
        };
        if self.reported.insert(name) {
            Err(RenderError::Template(problem))
        } else {
            Err(RenderError::AlreadyReported)
        }
    }

    /// Loads a client's template and everything it includes or extends, each file once,
    /// whatever order the clients come in.
    pub fn prepare(&mut self, name: &str) -> Result<(), LoadError> {
        if let Some(done) = self.tried.get(name) {
            return done.clone();
        }
        let done = self.while_loading(name, |t| t.load(name));
        self.tried.insert(name.to_string(), done.clone());
        done
    }

    /// Runs `load` with `name` marked as being loaded, so that an include loop stops there.
    fn while_loading<T>(&mut self, name: &str, load: impl FnOnce(&mut Self) -> T) -> T {
        self.loading.insert(name.to_string());
        let done = load(self);
        self.loading.remove(name);
        done
    }

    fn load(&mut self, name: &str) -> Result<(), LoadError> {
        let label = self.label(name);
        let source = read_source(&self.dir.join(name), &label)?;
        let file = parse_template(&label, source).map_err(LoadError::Broken)?;
        for used in references(&file.source) {
            self.partial(&used).map_err(LoadError::Broken)?;
        }
        self.sources.insert(
            name.to_string(),
            Source {
                label: file.label.clone(),
                text: file.source.clone(),
            },
        );
        for (header, text, _) in &file.headers {
            self.tera
                .add_raw_template(&format!("{name}#{header:?}"), text)
                .map_err(|e| LoadError::Broken(self.problem(e, name)))?;
        }
        self.tera
            .add_raw_template(name, &file.body)
            .map_err(|e| LoadError::Broken(self.problem(e, name)))?;
        self.files.insert(name.to_string(), file);
        Ok(())
    }

    /// Registers a file a template includes or extends (and, first, what it uses in turn).
    /// A letter template included is its body, as when it is a client's template; any other
    /// file is included whole. One that is not there is left to Tera, which says so at the
    /// `{% include %}` itself.
    fn partial(&mut self, name: &str) -> Result<(), Problem> {
        if self.loading.contains(name) {
            return Ok(());
        }
        if let Some(done) = self.partials.get(name) {
            return done.clone();
        }
        let plain = Path::new(name)
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        if !plain || matches!(self.dir.join(name).try_exists(), Ok(false)) {
            return Ok(());
        }
        let done = self.while_loading(name, |t| t.load_partial(name));
        self.partials.insert(name.to_string(), done.clone());
        done
    }

    fn load_partial(&mut self, name: &str) -> Result<(), Problem> {
        let label = self.label(name);
        let source = read_source(&self.dir.join(name), &label).map_err(|e| match e {
            LoadError::Broken(p) => p,
            LoadError::Missing => Problem::error(&label, "failed to read the template: it is gone"),
        })?;
        if parse_template(&label, source.clone()).is_ok() {
            return match self.prepare(name) {
                Ok(()) => Ok(()),
                Err(LoadError::Broken(p)) => Err(p),
                Err(LoadError::Missing) => Err(Problem::error(
                    &label,
                    "failed to read the template: it is gone",
                )),
            };
        }
        let text = normalize(&source);
        for used in references(&text) {
            self.partial(&used)?;
        }
        self.sources.insert(
            name.to_string(),
            Source {
                label,
                text: text.clone(),
            },
        );
        self.tera
            .add_raw_template(name, &text)
            .map_err(|e| self.problem(e, name))
    }

    /// A Tera error as a problem in the file it is about (a template or one it includes).
    fn problem(&self, err: tera::Error, fallback: &str) -> Problem {
        let in_file = |tera_name: &str| {
            let base = tera_name.split('#').next().unwrap_or(tera_name);
            self.sources.get(base)
        };
        let named = match err.kind() {
            tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => {
                in_file(r.filename())
            }
            _ => None,
        };
        let source = named
            .or_else(|| {
                let text = err.to_string();
                text.lines()
                    .find_map(|l| l.trim_start().strip_prefix("--> "))
                    .and_then(|at| at.rsplitn(3, ':').nth(2))
                    .and_then(in_file)
            })
            .or_else(|| self.sources.get(fallback));
        let (label, text) = match source {
            Some(s) => (s.label.as_str(), s.text.as_str()),
            None => (fallback, ""),
        };
        let mut problem = tera_problem(label, text, err);
        let first = problem.message.lines().next().unwrap_or_default();
        let missing = first
            .strip_prefix("Unknown template `")
            .and_then(|rest| rest.strip_suffix('`'));
        if let Some(missing) = missing {
            let hint = format!(
                ": there is no `{}`; create it, or correct the name",
                self.label(missing)
            );
            problem.message.insert_str(first.len(), &hint);
        }
        problem
    }

    /// The `.txt` files in the templates folder, sorted: what a user may have meant.
    pub fn available(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&self.dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".txt"))
            .collect();
        names.sort();
        names
    }

    /// The line of a loaded template's `Subject:`.
    pub fn subject_line(&self, name: &str) -> Option<usize> {
        self.files
            .get(name)?
            .headers
            .iter()
            .find_map(|(h, _, l)| (*h == Header::Subject).then_some(*l))
    }

    /// A template's path, as problems name it.
    pub fn label(&self, name: &str) -> String {
        self.dir.join(name).display().to_string()
    }

    /// The literal text of a loaded template, without its tags: what every draft shares.
    pub fn literal_text(&self, name: &str) -> String {
        self.files
            .get(name)
            .map(|f| strip_tags(&f.source))
            .unwrap_or_default()
    }

    /// The language a client is written to in.
    pub fn language_of(&self, client: &Client, template: &str) -> String {
        client
            .language
            .clone()
            .or_else(|| language_variant(template).map(|(_, l)| l))
            .or_else(|| self.default_language.clone())
            .unwrap_or_else(|| "en".to_string())
    }

    /// Renders with a template already chosen by `template_for`: `&self`, so clients can be
    /// rendered on several threads.
    pub fn render_loaded(&self, client: &Client, name: &str) -> Result<(String, Email), Problem> {
        let context = self.context(client, name);
        self.render_with(client, name, &context)
    }

    fn render_with(
        &self,
        client: &Client,
        name: &str,
        context: &Context,
    ) -> Result<(String, Email), Problem> {
        let file = &self.files[name];
        let fail = |e: tera::Error| self.problem(e, name).client(&client.name);
        let mut subject = None;
        let mut reply_to = None;
        let at = |line: usize, message: &str| {
            Problem::error(&file.label, message)
                .at(Pos::Line(line))
                .client(&client.name)
        };
        for (header, _, line) in &file.headers {
            let text = self
                .tera
                .render(&format!("{name}#{header:?}"), context)
                .map_err(fail)?;
            let text = clean_line(&text);
            match header {
                Header::Subject if text.is_empty() => {
                    return Err(at(*line, "the subject came out empty for this client: give the `Subject:` line some text of its own, or a `| default(value=\"…\")` for what may be empty"));
                }
                Header::Subject => {
                    if let Some(word) = text
                        .split_whitespace()
                        .find(|w| w.is_ascii() && w.len() > MAX_WORD)
                    {
                        return Err(at(*line, &format!(
                            "the subject has {} characters without a space, more than a mail server takes on one line: shorten it or put spaces in it",
                            word.chars().count()
                        )));
                    }
                    subject = Some(text)
                }
                Header::ReplyTo if text.is_empty() => {
                    return Err(at(*line, "the `Reply-To:` came out empty for this client: give every client an address there, or remove the line"));
                }
                Header::ReplyTo => {
                    reply_to = Some(parse_mailbox(&text).map_err(|e| {
                        at(
                            *line,
                            &format!("the rendered `Reply-To:` is not usable: {e:#}"),
                        )
                    })?)
                }
            }
        }
        let subject = subject.unwrap_or_default();
        let body = tidy_body(&self.tera.render(name, context).map_err(fail)?);
        if body.trim().is_empty() {
            let line = file
                .headers
                .iter()
                .map(|(_, _, l)| l + 2)
                .max()
                .unwrap_or(1);
            return Err(at(line, "the letter came out empty for this client: an empty letter is never sent; write it below the blank line that follows `Subject:`"));
        }
        Ok((
            name.to_string(),
            Email {
                subject,
                reply_to,
                body,
            },
        ))
    }

    fn context(&self, client: &Client, template: &str) -> Context {
        let mut ctx = self.common.clone();
        for (k, v) in &client.fields {
            ctx.insert_value(k.clone(), Value::from(v.as_str()));
        }
        ctx.insert_value("name", Value::from(client.name.as_str()));
        ctx.insert_value("first_name", Value::from(client.first_name()));
        ctx.insert_value("email", Value::from(client.email.as_str()));
        if let Some(note) = &client.note {
            ctx.insert_value("note", Value::from(note.as_str()));
        }
        if let Some(a) = client.affinity {
            ctx.insert_value("affinity", Value::from(a));
            ctx.insert_value("circle", Value::from(crate::domain::clients::circle_of(a)));
        }
        ctx.insert_value("language", Value::from(self.language_of(client, template)));
        // What earlier years left (empty lists in a first year, so `{% for %}` just works).
        ctx.insert("letters", &client.past.letters);
        ctx.insert("memories", &client.past.memories);
        if let Some(year) = client.past.first_year() {
            ctx.insert_value("first_letter_year", Value::from(year));
        }
        // Built-ins beat a column of the same name.
        ctx.extend(self.common.clone());
        ctx
    }
}

/// A template file's text; `Missing` when there is no such file.
fn read_source(path: &Path, label: &str) -> Result<String, LoadError> {
    std::fs::read_to_string(path).map_err(|e| {
        let why = match e.kind() {
            std::io::ErrorKind::NotFound => return LoadError::Missing,
            std::io::ErrorKind::InvalidData => {
                "it is not saved as UTF-8: save it as UTF-8 in your editor".to_string()
            }
            _ => e.to_string(),
        };
        LoadError::Broken(Problem::error(
            label,
            format!("failed to read the template: {why}"),
        ))
    })
}

/// Without a byte-order mark, with `\n` line ends.
fn normalize(source: &str) -> String {
    source
        .strip_prefix('\u{feff}')
        .unwrap_or(source)
        .replace("\r\n", "\n")
}

/// The files a template names in `{% include "…" %}` and `{% extends "…" %}` tags (outside
/// comments and raw blocks), in order.
fn references(source: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = source;
    while let (Some(at), comment) = match (rest.find("{%"), rest.find("{#")) {
        (Some(t), Some(c)) if c < t => (Some(c), true),
        (None, Some(c)) => (Some(c), true),
        (t, _) => (t, false),
    } {
        let inner = &rest[at + 2..];
        if comment {
            rest = inner.find("#}").map_or("", |e| &inner[e + 2..]);
            continue;
        }
        let end = inner.find("%}").unwrap_or(inner.len());
        let tag = inner[..end].trim_matches(|c: char| c == '-' || c.is_whitespace());
        rest = &inner[end..];
        if tag == "raw" {
            rest = rest.find("endraw").map_or("", |e| &rest[e..]);
            continue;
        }
        let Some((word, arg)) = tag.split_once(char::is_whitespace) else {
            continue;
        };
        if !matches!(word, "include" | "extends") {
            continue;
        }
        let arg = arg.trim_start();
        let Some(quote) = arg.chars().next().filter(|c| matches!(c, '"' | '\'' | '`')) else {
            continue;
        };
        if let Some((name, _)) = arg[1..].split_once(quote) {
            if !found.iter().any(|f| f == name) {
                found.push(name.to_string());
            }
        }
    }
    found
}

/// `year-end.es.txt` → (`year-end`, `es`).
fn language_variant(name: &str) -> Option<(String, String)> {
    let stem = name.strip_suffix(".txt")?;
    let (stem, lang) = stem.rsplit_once('.')?;
    LANGUAGES
        .iter()
        .any(|(c, _)| *c == lang)
        .then(|| (stem.to_string(), lang.to_string()))
}

fn parse_template(label: &str, source: String) -> Result<TemplateFile, Problem> {
    let source = normalize(&source);
    let lines: Vec<&str> = source.split('\n').collect();
    let err = |line: usize, message: String| Problem::error(label, message).at(Pos::Line(line));
    let mut headers: Vec<(Header, String, usize)> = Vec::new();
    let mut body_line = None;
    for (i, line) in lines.iter().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() {
            body_line = Some(n + 1);
            break;
        }
        if line.starts_with([' ', '\t']) && !headers.is_empty() {
            // A folded header line continues the previous one.
            let last = &mut headers.last_mut().expect("checked").1;
            last.push('\n');
            last.push_str(line);
            continue;
        }
        let Some((name, value)) = line.split_once(':').filter(|(n, _)| {
            !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        }) else {
            return Err(err(
                n,
                format!(
                    "line {n} is neither a header nor blank: a template starts with header lines such as `Subject: Gracias, {{{{ first_name }}}}`, then a blank line, then the body"
                ),
            ));
        };
        let header = match name.to_ascii_lowercase().as_str() {
            "subject" => Header::Subject,
            "reply-to" => Header::ReplyTo,
            "to" | "cc" | "bcc" => {
                return Err(err(n, format!(
                    "a template cannot set `{name}:`: each email goes to its client alone, never to a second or hidden recipient; remove the line"
                )))
            }
            "from" => {
                return Err(err(n, format!(
                    "a template cannot set `{name}:`: the sender is you, set once with `[sender]` in cartero.toml or `--from`; remove the line"
                )))
            }
            _ => {
                return Err(err(n, format!(
                    "unknown header `{name}:`: a template may set only `Subject:` and `Reply-To:`"
                )))
            }
        };
        if headers.iter().any(|(h, _, _)| *h == header) {
            return Err(err(n, format!("`{name}:` appears twice; keep one")));
        }
        // Pad with the file's own lines and columns, so Tera's positions are the file's.
        let col = name.len() + 1 + (value.len() - value.trim_start().len());
        let padded = format!(
            "{}{}{}",
            "\n".repeat(i),
            " ".repeat(col),
            value.trim_start()
        );
        headers.push((header, padded, n));
    }
    let Some(body_line) = body_line else {
        return Err(err(
            lines.len(),
            "there is no blank line after the header lines: put one between `Subject: …` and the body".to_string(),
        ));
    };
    if !headers.iter().any(|(h, _, _)| *h == Header::Subject) {
        return Err(err(1, "there is no `Subject:` line: a template starts with `Subject: …`, a blank line, and the body".to_string()));
    }
    let body = format!(
        "{}{}",
        "\n".repeat(body_line - 1),
        lines[body_line - 1..].join("\n")
    );
    Ok(TemplateFile {
        label: label.to_string(),
        source,
        headers,
        body,
    })
}

/// A Tera error as a problem at the file's line and column, with the line itself shown.
/// Tera's words for an empty cell or a wrong type, in a person's: what is empty, and how to
/// write the template so it does not matter.
fn in_words(message: &str, line: &str, col: usize, width: usize) -> String {
    if message.starts_with("Variable `sender` is not defined") {
        return "`sender` is not defined: add `[sender]` with `name` and `email` to cartero.toml, or pass `--from \"Your Name <you@example.com>\"`".to_string();
    }
    if let Some(rest) = message.strip_prefix("Variable `") {
        if let Some((name, after)) = rest.split_once("` is not defined.") {
            let available = after
                .trim()
                .trim_start_matches("Available variables:")
                .trim();
            return format!(
                "`{name}` is not defined for this client: its cell is empty, or there is no such column; fill it, or write `{{{{ {name} | default(value=\"…\") }}}}` for when it is empty (what there is: {available})"
            );
        }
    }
    if message.starts_with("Invalid type for the value") && message.ends_with("but got `undefined`")
    {
        let what: String = line.chars().skip(col).take(width).collect();
        let what = if what.trim().is_empty() {
            "a value".to_string()
        } else {
            format!("`{}`", what.trim())
        };
        return format!(
            "{what} is empty for this client, and what follows needs text: fill the column, or write `{{{{ {} | default(value=\"…\") | … }}}}`",
            what.trim_matches('`')
        );
    }
    message
        .replace("`&str`", "text")
        .replace("`string`", "text")
        .replace("`i64`", "a number")
        .replace("`f64`", "a number")
        .replace("`number`", "a number")
        .replace("`undefined`", "nothing (an empty cell)")
}

fn tera_problem(label: &str, source: &str, err: tera::Error) -> Problem {
    let report = match err.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => Some(r),
        _ => None,
    };
    match report {
        Some(r) => {
            let span = r.span();
            let line = span.start_line.max(1);
            let text = source.split('\n').nth(line - 1).unwrap_or("");
            let width = if span.end_line == span.start_line && span.end_col > span.start_col {
                span.end_col - span.start_col
            } else {
                1
            };
            let gutter = " ".repeat(line.to_string().len());
            let message = format!(
                "{}\n {gutter} |\n {line} | {text}\n {gutter} | {}{}",
                in_words(r.message(), text, span.start_col, width),
                " ".repeat(span.start_col),
                "^".repeat(width)
            );
            Problem::error(label, message).at(Pos::LineCol(line, span.start_col + 1))
        }
        None => {
            let mut message = err.to_string();
            let mut source = std::error::Error::source(&err);
            while let Some(s) = source {
                message.push_str(&format!(": {s}"));
                source = s.source();
            }
            // Some of Tera's errors (an unknown filter, function or template) come as a report
            // already written: take the position from its `--> name:line:col` line.
            let message = message
                .strip_prefix("error: ")
                .unwrap_or(&message)
                .to_string();
            let pos = message.lines().find_map(|l| {
                let at = l.trim_start().strip_prefix("--> ")?;
                let mut parts = at.rsplitn(3, ':');
                let col = parts.next()?.parse().ok()?;
                let line = parts.next()?.parse().ok()?;
                Some(Pos::LineCol(line, col))
            });
            let message: Vec<&str> = message
                .lines()
                .filter(|l| !l.trim_start().starts_with("--> "))
                .collect();
            let problem = Problem::error(label, message.join("\n"));
            match pos {
                Some(pos) => problem.at(pos),
                None => problem,
            }
        }
    }
}

/// Leading blank lines (the padding) gone, line ends `\n`, one final newline.
fn tidy_body(body: &str) -> String {
    let body = body.trim_start_matches('\n');
    if !body.contains(|c: char| c.is_control() && c != '\n' && c != '\t')
        && !body.contains(" \n")
        && body.ends_with('\n')
        && !body.ends_with("\n\n")
    {
        return body.to_string();
    }
    let body = body.replace("\r\n", "\n");
    let body: String = body
        .trim_start_matches('\n')
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect();
    let mut lines: Vec<&str> = body.split('\n').map(str::trim_end).collect();
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// The template without `{{ }}`, `{% %}` and `{# #}` tags, each replaced by a line break.
fn strip_tags(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while let Some(start) = rest.find('{') {
        let close = match rest[start..].chars().nth(1) {
            Some('{') => "}}",
            Some('%') => "%}",
            Some('#') => "#}",
            _ => {
                out.push_str(&rest[..=start]);
                rest = &rest[start + 1..];
                continue;
            }
        };
        out.push_str(&rest[..start]);
        out.push('\n');
        match rest[start + 2..].find(close) {
            Some(end) => rest = &rest[start + 2 + end + 2..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

/// `{{ today | date }}` → "22 de noviembre de 2026" in the client's language;
/// `date(format="%B")`, `date(lang="en")` to choose. Anything else is an error that says what
/// was expected, never a silent guess: `format=3` is not a format, `lang="xx"` not a language.
fn date_filter(value: &Value, kwargs: Kwargs, state: &State) -> tera::TeraResult<String> {
    for (key, _) in kwargs.iter() {
        if !matches!(key.as_str(), Some("format" | "lang")) {
            return Err(tera::Error::message(format!(
                "the `date` filter takes only `format` and `lang`, not `{key}`: such as `date(format=\"%d/%m/%Y\", lang=\"es\")`"
            )));
        }
    }
    let text = |key: &str, example: &str| -> tera::TeraResult<Option<String>> {
        match kwargs.get::<&Value>(key)? {
            None => Ok(None),
            Some(v) => match v.as_str() {
                Some(s) => Ok(Some(s.to_string())),
                None => Err(tera::Error::message(format!(
                    "`{key}=` of the `date` filter takes text in quotes, such as `{key}=\"{example}\"`, not {}",
                    describe(v)
                ))),
            },
        }
    };
    let format = text("format", "%d/%m/%Y")?;
    let lang = match text("lang", "es")? {
        Some(l) if crate::domain::clients::is_language(&l) => l,
        Some(l) => {
            let known: Vec<&str> = LANGUAGES.iter().map(|(c, _)| *c).collect();
            return Err(tera::Error::message(format!(
                "`lang=\"{l}\"` is not a language the `date` filter knows: use one of {}",
                known.join(", ")
            )));
        }
        None => state
            .get::<Value>("language")?
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_else(|| "en".into()),
    };
    let Some(text) = value.as_str() else {
        return Err(tera::Error::message(format!(
            "the `date` filter needs a date, such as `today` or a column holding 2026-11-22, not {}",
            describe(value)
        )));
    };
    let date = parse_date(text.trim()).ok_or_else(|| {
        tera::Error::message(format!(
            "`{text}` is not a date the `date` filter understands; write dates as 2026-11-22"
        ))
    })?;
    format_date(date, &lang, format.as_deref()).ok_or_else(|| {
        tera::Error::message(format!(
            "`format=\"{}\"` is not a date format the `date` filter understands; use chrono's `%` codes, such as `%-d de %B de %Y` or `%d/%m/%Y`",
            format.as_deref().unwrap_or_default()
        ))
    })
}

fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").map(|d| d.date()))
        .or_else(|_| DateTime::parse_from_rfc3339(text).map(|d| d.date_naive()))
        .or_else(|_| NaiveDate::parse_from_str(text, "%d/%m/%Y"))
        .ok()
}

/// A template value as a person would name it: "the number `3`", "a list".
fn describe(value: &Value) -> String {
    if value.is_undefined() || value.is_none() {
        "an empty value".to_string()
    } else if value.is_number() {
        format!("the number `{value}`")
    } else if value.is_bool() {
        format!("`{value}` (yes/no)")
    } else if value.is_array() {
        "a list".to_string()
    } else if value.is_map() {
        "a group of values (a map)".to_string()
    } else {
        format!("`{value}`")
    }
}

/// The date in that language, in `format` (chrono's `%` codes) or the language's long form;
/// `None` when the format has a code chrono does not know.
pub fn format_date(date: NaiveDate, lang: &str, format: Option<&str>) -> Option<String> {
    use chrono::Locale;
    use std::fmt::Write;
    let (locale, long) = match lang {
        "es" => (Locale::es_ES, "%-d de %B de %Y"),
        "pt" => (Locale::pt_PT, "%-d de %B de %Y"),
        "ca" => (Locale::ca_ES, "%-d de %B de %Y"),
        "fr" => (Locale::fr_FR, "%-d %B %Y"),
        "it" => (Locale::it_IT, "%-d %B %Y"),
        "de" => (Locale::de_DE, "%-d. %B %Y"),
        _ => (Locale::en_US, "%B %-d, %Y"),
    };
    // `to_string` would panic on a bad format: chrono reports it as a `fmt::Error`.
    let mut out = String::new();
    write!(
        out,
        "{}",
        date.format_localized(format.unwrap_or(long), locale)
    )
    .ok()?;
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spanish_dates() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert_eq!(
            format_date(d, "es", None).as_deref(),
            Some("22 de noviembre de 2026")
        );
        assert_eq!(
            format_date(d, "en", None).as_deref(),
            Some("November 22, 2026")
        );
        assert_eq!(format_date(d, "es", Some("%Q")), None);
        assert_eq!(format_date(d, "es", Some("%")), None);
    }

    #[test]
    fn refuses_recipient_headers() {
        for h in ["Bcc", "cc", "To", "From"] {
            let p = parse_template("t.txt", format!("Subject: x\n{h}: a@example.com\n\nbody"))
                .unwrap_err();
            assert_eq!(p.pos, Some(Pos::Line(2)), "{p}");
            assert!(p.message.contains(h), "{p}");
        }
        assert!(parse_template("t.txt", "Subject: hi\nbody without blank".into()).is_err());
        assert!(parse_template("t.txt", "Reply-To: a@example.com\n\nbody".into()).is_err());
    }

    #[test]
    fn strips_tags() {
        assert_eq!(
            strip_tags("Hola {{ name }}, {% if x %}sí{% endif %}."),
            "Hola \n, \nsí\n."
        );
    }

    #[test]
    fn body_is_tidied() {
        assert_eq!(tidy_body("\n\n\nHola  \r\n\n\n"), "Hola\n");
    }
}
