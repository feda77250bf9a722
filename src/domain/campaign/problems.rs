//! What a campaign says of its problems: each worded once, naming the clients it concerns.

use std::collections::{BTreeMap, HashMap};

use crate::diag::{Pos, Problem};
use crate::domain::campaign::{Campaign, Rendered};
use crate::domain::clients::{Client, Language, Past};
use crate::domain::compose::{Email, Templates, LONG_SUBJECT};
use crate::domain::message::{body_of, draft_text, measured};
use crate::domain::personal::{mass_mail_warning, Retelling, TemplateWords};
use crate::text::clean_line;

impl Campaign<'_> {
    /// No sender, and why: the config file is named only when there is one.
    pub(super) fn no_sender(&self, e: &anyhow::Error) -> Problem {
        match &self.settings.config {
            Some(c) => Problem::error(c.display().to_string(), format!("{e:#}")),
            None => Problem::error(
                self.settings.clients.display().to_string(),
                tr!("campaign-no-sender"),
            ),
        }
    }

    /// `[campaign] language` names no language cartero knows.
    pub(super) fn unknown_language(&self, language: &str) -> Problem {
        let config = self
            .settings
            .config
            .as_ref()
            .map_or("cartero.toml".to_string(), |c| c.display().to_string());
        Problem::error(
            config,
            tr!(
                "campaign-unknown-language",
                language = clean_line(language),
                known = Language::known()
            ),
        )
    }

    /// No `template` column value and no default: said once, for everyone it concerns.
    pub(super) fn no_template(&self, who: &[&Client]) -> Problem {
        let everyone = who.len() == self.clients.len();
        let folder = self.in_folder();
        match &self.settings.config {
            Some(config) => Problem::error(
                config.display().to_string(),
                match everyone {
                    true => tr!(
                        "campaign-no-template",
                        config = config.display(),
                        folder = folder
                    ),
                    false => tr!(
                        "campaign-no-template-for-some",
                        count = who.len(),
                        names = names(who),
                        config = config.display(),
                        folder = folder
                    ),
                },
            ),
            None => Problem::error(
                self.settings.clients.display().to_string(),
                match everyone {
                    true => tr!("campaign-no-template-no-config", folder = folder),
                    false => tr!(
                        "campaign-no-template-for-some-no-config",
                        count = who.len(),
                        names = names(who),
                        folder = folder
                    ),
                },
            ),
        }
    }

    /// A template that is not there: the default, or one the `template` column names.
    pub(super) fn missing(&self, name: &str, who: &[&Client], by_default: bool) -> Problem {
        let label = self.templates.label(name);
        let folder = self.in_folder();
        if by_default {
            let message = match &self.settings.config {
                Some(c) => tr!(
                    "campaign-missing-template",
                    config = c.display(),
                    folder = folder
                ),
                None => tr!("campaign-missing-template-no-config", folder = folder),
            };
            return Problem::error(&label, message);
        }
        let first = who[0];
        Problem::error(
            self.settings.clients.display().to_string(),
            tr!(
                "campaign-missing-named-template",
                template = &label,
                count = who.len(),
                names = names(who),
                folder = folder
            ),
        )
        .at(first.pos)
        .column("template")
        .client(&first.name)
    }

    /// A language variant that is not there: those clients get the default instead.
    pub(super) fn missing_variant(&self, wanted: &str, used: &str, who: &[&Client]) -> Problem {
        let lang = wanted
            .strip_suffix(".txt")
            .and_then(|s| s.rsplit_once('.'))
            .map_or("", |(_, l)| l);
        Problem::warning(
            self.templates.label(wanted),
            tr!(
                "campaign-missing-variant",
                count = who.len(),
                language = lang,
                names = names(who),
                used = used,
                template = self.templates.label(wanted)
            ),
        )
    }

    /// "; the templates folder holds a.txt, b.txt", or nothing.
    fn in_folder(&self) -> String {
        let there = self.templates.available();
        if there.is_empty() {
            String::new()
        } else {
            tr!(
                "campaign-templates-folder-holds",
                folder = self.templates.label(""),
                files = there.join(", ")
            )
        }
    }

    /// The warning for a draft (its body) that tells the client again what an earlier letter
    /// told them: the earlier letter's words, and its year.
    pub fn repeated_anecdote(past: &Past, body: &str, template: &TemplateWords) -> Option<String> {
        if past.letters.is_empty() {
            return None;
        }
        let draft = Retelling::new(body, template);
        let (told, words) = past
            .letters
            .iter()
            .find_map(|l| draft.told_in(&l.personal).map(|words| (l, words)))?;
        let year = told.date.get(..4).unwrap_or(&told.date);
        let words = clean_line(words);
        let mut snippet: String = words.chars().take(60).collect();
        if snippet.len() < words.len() {
            snippet.push('…');
        }
        Some(tr!(
            "campaign-repeated-anecdote",
            year = year,
            snippet = snippet
        ))
    }

    /// Letters, as rendered, that tell a client again what an earlier letter told them.
    pub fn repeat_problems(&self, rendered: &[Option<Rendered>]) -> Vec<Problem> {
        let list = self.settings.clients.display().to_string();
        let literals = self.literals(rendered.iter().flatten().map(|r| r.template.as_str()));
        let template = TemplateWords::new(&literals);
        self.clients
            .iter()
            .zip(rendered)
            .filter_map(|(c, r)| {
                let r = r.as_ref()?;
                let text = draft_text(&c.mailbox, &r.email);
                Campaign::repeated_anecdote(&c.past, body_of(&measured(&text)), &template)
                    .map(|w| Problem::warning(list.clone(), w).at(c.pos).client(&c.name))
            })
            .collect()
    }

    /// The warnings `check`, `draft` and `review` give about a client whatever their draft says.
    /// `column`: the list's own name for the note column.
    pub fn note_warning(client: &Client, column: &str) -> Option<String> {
        client
            .note
            .is_none()
            .then(|| tr!("campaign-no-note", column = column))
    }
}

/// A subject mail apps will cut short: a warning, the same for every client it concerns.
pub(super) fn long_subject(
    templates: &Templates,
    client: &Client,
    template: &str,
    email: &Email,
) -> Option<Problem> {
    (email.subject.chars().count() > LONG_SUBJECT).then(|| {
        let p = Problem::warning(
            templates.label(template),
            tr!("campaign-long-subject", most = LONG_SUBJECT),
        )
        .client(&client.name);
        match templates.subject_line(template) {
            Some(line) => p.at(Pos::Line(line)),
            None => p,
        }
    })
}

/// `Ana`, `Bea`, `Cy` and 3 more.
fn names(who: &[&Client]) -> String {
    let shown: Vec<String> = who
        .iter()
        .take(5)
        .map(|c| format!("`{}`", c.name))
        .collect();
    match who.len().saturating_sub(shown.len()) {
        0 => shown.join(", "),
        more => tr!(
            "campaign-names-and-more",
            names = shown.join(", "),
            more = more
        ),
    }
}

/// Problems that are the same but for the client, said once: the first client named, and
/// how many others (and which) it is the same for.
pub(super) fn say_once(problems: Vec<Problem>) -> Vec<Problem> {
    type Key = (bool, std::sync::Arc<str>, String, Option<String>, String);
    let mut seen: HashMap<Key, usize> = HashMap::new();
    let mut out: Vec<(Problem, Vec<String>)> = Vec::new();
    for p in problems {
        let key = (
            p.is_error(),
            p.file.clone(),
            format!("{:?}", p.pos),
            p.column.clone(),
            p.message.clone(),
        );
        match seen.get(&key) {
            Some(&i) => {
                if let Some(c) = p.client {
                    out[i].1.push(c);
                }
            }
            None => {
                seen.insert(key, out.len());
                out.push((p, Vec::new()));
            }
        }
    }
    out.into_iter()
        .map(|(mut p, others)| {
            if !others.is_empty() {
                let shown: Vec<String> = others.iter().take(5).map(|c| format!("`{c}`")).collect();
                let more = others.len() - shown.len();
                let same = match more {
                    0 => tr!(
                        "campaign-same-for",
                        count = others.len(),
                        names = shown.join(", ")
                    ),
                    more => tr!(
                        "campaign-same-for-and-more",
                        count = others.len(),
                        names = shown.join(", "),
                        more = more
                    ),
                };
                p.message.push_str(&format!("\n  = {same}"));
            }
            p
        })
        .collect()
}

/// Clients with no personal note: each named when they are few, said once when they are many.
pub(super) fn no_note_problems(list: &str, clients: &[&Client], column: &str) -> Vec<Problem> {
    if clients.len() <= 3 {
        return clients
            .iter()
            .filter_map(|c| {
                Campaign::note_warning(c, column).map(|w| {
                    Problem::warning(list, w)
                        .at(c.pos)
                        .column(column)
                        .client(&c.name)
                })
            })
            .collect();
    }
    let named: Vec<&str> = clients.iter().take(5).map(|c| c.name.as_str()).collect();
    let more = clients.len().saturating_sub(5);
    vec![Problem::warning(
        list,
        match more {
            0 => tr!(
                "campaign-no-notes",
                count = clients.len(),
                names = named.join(", "),
                column = column
            ),
            more => tr!(
                "campaign-no-notes-and-more",
                count = clients.len(),
                names = named.join(", "),
                more = more,
                column = column
            ),
        },
    )
    .column(column)]
}

/// The letters that read like a mass mail, by template: each named when they are few, said
/// once for the template when they are many (a name-only template on 50,000 clients).
pub(super) fn mass_mail_problems(mass: BTreeMap<String, Vec<(&str, f64)>>) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (template, clients) in mass {
        if clients.len() <= 3 {
            problems.extend(clients.into_iter().map(|(name, share)| {
                Problem::warning(template.clone(), mass_mail_warning(share)).client(name)
            }));
            continue;
        }
        let named: Vec<String> = clients
            .iter()
            .take(5)
            .map(|(name, share)| format!("{name} {:.0}%", share * 100.0))
            .collect();
        let more = clients.len().saturating_sub(5);
        problems.push(Problem::warning(
            template,
            match more {
                0 => tr!(
                    "campaign-mass-mail",
                    count = clients.len(),
                    names = named.join(", ")
                ),
                more => tr!(
                    "campaign-mass-mail-and-more",
                    count = clients.len(),
                    names = named.join(", "),
                    more = more
                ),
            },
        ));
    }
    problems
}
