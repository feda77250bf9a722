//! A campaign loaded whole: its clients and templates, every email rendered, every problem kept.

mod files;
mod problems;

use std::collections::{BTreeMap, HashSet};

use anyhow::Result;

use crate::diag::Problem;
use crate::domain::clients::{self, Circle, Client, Language, ReadAs};
use crate::domain::compose::{Additions, Choice, Email, LoadError, Templates};
use crate::domain::message::{draft_text, measured, validate};
use crate::domain::personal::{self, reads_like_mass_mail};
use crate::par::parallel_map;
use crate::settings::Settings;

use problems::{long_subject, mass_mail_problems, no_note_problems, say_once};

pub struct Campaign<'s> {
    pub settings: &'s Settings,
    pub clients: Vec<Client>,
    pub problems: Vec<Problem>,
    pub templates: Templates,
    /// How the client list was read: a contact export, columns named otherwise.
    pub read_as: ReadAs,
}

/// One client's email as the template makes it today.
pub struct Rendered {
    pub template: String,
    pub email: Email,
}

/// `[sender] signature`, read: its text and whether it is Markdown; a problem when it cannot be.
fn signature(settings: &Settings, problems: &mut Vec<Problem>) -> Option<(String, bool)> {
    let path = settings.signature.as_deref()?;
    let markdown = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md"));
    // A pipe or a device would block the read, or never end it.
    let read = match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() => {
            Err(std::io::Error::other(tr!("campaign-signature-not-a-file")))
        }
        _ => std::fs::read(path),
    };
    let why = match read {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => return Some((text.replace("\r\n", "\n"), markdown)),
            Err(_) => tr!("campaign-signature-not-utf8"),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => tr!("campaign-signature-missing"),
        Err(e) => tr!(
            "campaign-signature-unreadable",
            why = crate::text::os_words(&e)
        ),
    };
    problems.push(Problem::error(path.display().to_string(), why));
    None
}

impl<'s> Campaign<'s> {
    /// Loads the list and prepares the templates; only an unreadable list is an `Err`.
    pub fn load(settings: &'s Settings) -> Result<Campaign<'s>> {
        let list = clients::load(&settings.clients, settings.sheet.as_deref())?;
        // `Some(None)`: `[campaign] language` names none cartero knows.
        let language = settings
            .language
            .as_deref()
            .map(|l| Language::parse(l).ok());
        let mut templates = Templates::new(
            settings.template.as_deref(),
            language.flatten(),
            settings.sender.clone(),
            settings.clock.started(),
        );
        let mut problems = list.problems;
        templates.add(Additions {
            signature: signature(settings, &mut problems),
            attachments: settings.attachments.clone(),
        });
        let mut campaign = Campaign {
            settings,
            clients: list.clients,
            problems,
            templates,
            read_as: list.read_as,
        };
        if campaign.settings.sender.is_none() {
            if let Err(e) = campaign.settings.sender() {
                let problem = campaign.no_sender(&e);
                campaign.problems.push(problem);
            }
        }
        if let (Some(None), Some(text)) = (language, &campaign.settings.language) {
            let problem = campaign.unknown_language(text);
            campaign.problems.push(problem);
        }
        Ok(campaign)
    }

    /// Errors in the client list itself (not the templates or the sender).
    pub fn clients_have_errors(&self) -> bool {
        let list = self.settings.clients.display().to_string();
        self.problems
            .iter()
            .any(|p| p.is_error() && *p.file == *list)
    }

    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(Problem::is_error)
    }

    /// Renders every client, in order; a client whose render failed gets `None` and a problem.
    pub fn render_all(&mut self) -> Vec<Option<Rendered>> {
        self.render_map(|_, rendered| Ok(rendered))
    }

    /// Renders every client and hands each email to `f` on the same thread, so that only what
    /// `f` returns is kept; a client whose render (or `f`) failed gets `None` and a problem.
    pub fn render_map<R: Send>(
        &mut self,
        f: impl Fn(&Client, Rendered) -> Result<R, Problem> + Sync,
    ) -> Vec<Option<R>> {
        let before = self.problems.len();
        let chosen = self.choose_templates();
        // Then the rendering itself, on every core.
        let templates = &self.templates;
        let jobs: Vec<(&Client, Option<String>)> = self.clients.iter().zip(chosen).collect();
        let results = parallel_map(&jobs, |(client, name)| {
            let name = name.as_ref()?;
            Some(
                templates
                    .render_loaded(client, name)
                    .and_then(|(template, email)| {
                        let warning = long_subject(templates, client, &template, &email);
                        Ok((f(client, Rendered { template, email })?, warning))
                    }),
            )
        });
        let mut out = Vec::with_capacity(results.len());
        for result in results {
            match result {
                Some(Ok((r, warning))) => {
                    self.problems.extend(warning);
                    out.push(Some(r))
                }
                Some(Err(p)) => {
                    self.problems.push(p);
                    out.push(None)
                }
                None => out.push(None),
            }
        }
        let found = self.problems.split_off(before);
        self.problems.extend(say_once(found));
        out
    }

    /// Each client's template, every one loaded (with all it includes) before any is
    /// rendered, so that what a client gets never depends on the order of the rows. A problem
    /// that is the same for many clients is said once, naming them.
    fn choose_templates(&mut self) -> Vec<Option<String>> {
        let mut chosen = Vec::with_capacity(self.clients.len());
        let mut unset = Vec::new();
        // Distinct templates (and absent language variants), in the order first named.
        let mut named: Vec<(String, Vec<&Client>, bool)> = Vec::new();
        let mut variants: Vec<(String, String, Vec<&Client>)> = Vec::new();
        for client in &self.clients {
            match self.templates.choose(client) {
                Choice::Unset => {
                    unset.push(client);
                    chosen.push(None);
                }
                Choice::Template {
                    name,
                    from_column,
                    missing_variant,
                } => {
                    if let Some(wanted) = missing_variant {
                        match variants.iter_mut().find(|(w, _, _)| *w == wanted) {
                            Some((_, _, who)) => who.push(client),
                            None => variants.push((wanted, name.clone(), vec![client])),
                        }
                    }
                    match named.iter_mut().find(|(n, _, _)| *n == name) {
                        Some((_, who, by_default)) => {
                            who.push(client);
                            *by_default |= !from_column;
                        }
                        None => named.push((name.clone(), vec![client], !from_column)),
                    }
                    chosen.push(Some(name));
                }
            }
        }
        let mut problems = Vec::new();
        if !unset.is_empty() {
            problems.push(self.no_template(&unset));
        }
        for (wanted, used, who) in &variants {
            problems.push(self.missing_variant(wanted, used, who));
        }
        let mut failed = HashSet::new();
        for (name, who, by_default) in &named {
            match self.templates.prepare(name) {
                Ok(()) => continue,
                Err(LoadError::Missing) => problems.push(self.missing(name, who, *by_default)),
                Err(LoadError::Broken(p)) => problems.push(p),
            }
            failed.insert(name.clone());
        }
        self.problems.extend(problems);
        chosen
            .into_iter()
            .map(|c| c.filter(|n| !failed.contains(n)))
            .collect()
    }

    /// Personal shares of the rendered emails (as their drafts would read), `None` where a render failed.
    pub fn shares(&self, rendered: &[Option<Rendered>]) -> Vec<Option<f64>> {
        let texts: Vec<(String, &str)> = rendered
            .iter()
            .zip(&self.clients)
            .filter_map(|(r, c)| {
                r.as_ref().map(|r| {
                    let text = draft_text(&c.mailbox, &r.email);
                    (measured(&text).into_owned(), c.name.as_str())
                })
            })
            .collect();
        let literals = self.literals(rendered.iter().flatten().map(|r| r.template.as_str()));
        let refs: Vec<(&str, &str)> = texts.iter().map(|(t, n)| (t.as_str(), *n)).collect();
        let mut shares = personal::shares(&refs, &literals).into_iter();
        rendered
            .iter()
            .map(|r| r.as_ref().and_then(|_| shares.next()))
            .collect()
    }

    /// The literal text of each distinct template named.
    pub fn literals<'a>(&self, names: impl Iterator<Item = &'a str>) -> Vec<String> {
        let mut names: Vec<&str> = names.collect();
        names.sort_unstable();
        names.dedup();
        names
            .into_iter()
            .map(|n| self.templates.literal_text(n))
            .collect()
    }
}

/// What `check` says of the campaign as a whole.
pub struct Summary {
    pub clients: usize,
    pub list: String,
    /// Clients in each circle: loved, ignored, hated; and how many have no affinity.
    pub circles: [usize; 3],
    pub no_affinity: usize,
    pub no_note: Vec<String>,
    /// The personal share of each letter that rendered.
    pub shares: Vec<f64>,
    pub read_as: ReadAs,
}

impl Campaign<'_> {
    /// Problems of the letters as rendered: what review or send would refuse, refused now;
    /// letters that read like a mass mail, and clients with no note, grouped when many.
    pub fn letter_problems(
        &self,
        rendered: &[Option<Rendered>],
        shares: &[Option<f64>],
    ) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut mass: BTreeMap<String, Vec<(&str, f64)>> = BTreeMap::new();
        let mut no_note = Vec::new();
        for ((client, share), r) in self.clients.iter().zip(shares).zip(rendered) {
            if client.note.is_none() {
                no_note.push(client);
            }
            let Some(r) = r else { continue };
            if let Err(why) = validate(&draft_text(&client.mailbox, &r.email), &client.key) {
                problems.push(
                    Problem::error(
                        self.templates.label(&r.template),
                        tr!("campaign-letter-unusable", why = why),
                    )
                    .client(&client.name),
                );
            }
            problems.extend(self.file_problems(client, &r.email));
            if let Some(share) = share.filter(|s| reads_like_mass_mail(*s)) {
                mass.entry(self.templates.label(&r.template))
                    .or_default()
                    .push((client.name.as_str(), share));
            }
        }
        problems.extend(no_note_problems(
            &self.settings.clients.display().to_string(),
            &no_note,
            self.read_as.theirs("note"),
        ));
        problems.extend(mass_mail_problems(mass));
        problems.extend(self.repeat_problems(rendered));
        problems
    }

    /// The campaign in figures, for `check`'s summary.
    pub fn summary(&self, shares: &[Option<f64>]) -> Summary {
        let in_circle = |circle: Circle| {
            self.clients
                .iter()
                .filter(|c| c.circle() == Some(circle))
                .count()
        };
        Summary {
            clients: self.clients.len(),
            list: self.settings.clients.display().to_string(),
            circles: Circle::ALL.map(in_circle),
            no_affinity: self.clients.iter().filter(|c| c.affinity.is_none()).count(),
            no_note: self
                .clients
                .iter()
                .filter(|c| c.note.is_none())
                .map(|c| c.name.clone())
                .collect(),
            shares: shares.iter().flatten().copied().collect(),
            read_as: self.read_as.clone(),
        }
    }
}
