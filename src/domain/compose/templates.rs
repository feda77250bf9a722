//! The templates a campaign uses: which each client gets, each loaded once with all it includes.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, FixedOffset};
use lettre::message::Mailbox;
use tera::{Context, Tera};

use crate::diag::Problem;
use crate::domain::clients::{Client, Language};
use crate::domain::compose::date::date_filter;
use crate::domain::compose::template_file::{
    normalize, parse_template, references, strip_tags, Header, TemplateFile,
};
use crate::domain::compose::tera_error::{arrow, tera_problem};
use crate::domain::compose::{Additions, Choice, LoadError, RenderError};

/// A text Tera knows, as problems show it.
struct Source {
    label: String,
    text: String,
}

/// Every template a campaign uses, parsed once.
pub struct Templates {
    dir: PathBuf,
    default: Option<String>,
    pub(super) tera: Tera,
    pub(super) files: HashMap<String, TemplateFile>,
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
    default_language: Option<Language>,
    /// What every client's context holds: `sender`, `today`, `year`.
    pub(super) common: Context,
    /// The signature and the files every letter gets.
    pub(super) additions: Additions,
}

impl Templates {
    /// Ready to load templates from the default template's folder (or `templates`).
    pub fn new(
        default: Option<&Path>,
        default_language: Option<Language>,
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
        // A value in a Markdown template is words, never marks (a note holding ``` or `![x](y)`).
        tera.autoescape_on([".md", ".MD", ".Md", ".mD"]);
        tera.set_escape_fn(crate::domain::markdown::escape_for_tera);
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
            additions: Additions::default(),
        }
    }

    /// Every letter gets these too.
    /// The images a Markdown signature shows (none for a plain one).
    pub fn signature_images(&self) -> Vec<String> {
        match &self.additions.signature {
            Some((text, true)) => crate::domain::markdown::images(text),
            _ => Vec::new(),
        }
    }

    pub fn add(&mut self, additions: Additions) {
        self.additions = additions;
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
                let wanted = client.language.or(self.default_language);
                match (wanted, language_variant(d)) {
                    (Some(lang), Some((stem, own, ext))) if lang != own => {
                        let sibling = format!("{stem}.{}.{ext}", lang.code());
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
                    tr!("compose-no-template"),
                )))
            }
            Choice::Template { name, .. } => name,
        };
        let problem = match self.prepare(&name) {
            Ok(()) => return Ok(name),
            Err(LoadError::Missing) => {
                Problem::error(self.label(&name), tr!("compose-no-such-template"))
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
            LoadError::Missing => Problem::error(&label, tr!("compose-template-gone")),
        })?;
        if parse_template(&label, source.clone()).is_ok() {
            return match self.prepare(name) {
                Ok(()) => Ok(()),
                Err(LoadError::Broken(p)) => Err(p),
                Err(LoadError::Missing) => {
                    Err(Problem::error(&label, tr!("compose-template-gone")))
                }
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
    pub(super) fn problem(&self, err: tera::Error, fallback: &str) -> Problem {
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
                arrow(&err.to_string())
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
            let said = tr!(
                "compose-unknown-template",
                name = missing,
                file = self.label(missing)
            );
            problem.message.replace_range(..first.len(), &said);
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
    pub fn language_of(&self, client: &Client, template: &str) -> Language {
        client
            .language
            .or_else(|| language_variant(template).map(|(_, l, _)| l))
            .or(self.default_language)
            .unwrap_or(Language::En)
    }
}

/// A template file's text; `Missing` when there is no such file.
fn read_source(path: &Path, label: &str) -> Result<String, LoadError> {
    std::fs::read_to_string(path).map_err(|e| {
        let why = match e.kind() {
            std::io::ErrorKind::NotFound => return LoadError::Missing,
            std::io::ErrorKind::InvalidData => tr!("compose-template-not-utf8"),
            _ => e.to_string(),
        };
        LoadError::Broken(Problem::error(
            label,
            tr!("compose-template-unreadable", why = why),
        ))
    })
}

/// `year-end.es.txt` → (`year-end`, `es`).
fn language_variant(name: &str) -> Option<(String, Language, &'static str)> {
    let (stem, ext) = match name.strip_suffix(".txt") {
        Some(stem) => (stem, "txt"),
        None => (name.strip_suffix(".md")?, "md"),
    };
    let (stem, lang) = stem.rsplit_once('.')?;
    Some((stem.to_string(), Language::from_code(lang)?, ext))
}
