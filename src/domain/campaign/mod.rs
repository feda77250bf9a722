//! A campaign loaded whole: its clients and templates, every email rendered, every problem kept.

use anyhow::Result;

use crate::domain::clients::{self, Client};
use std::collections::{HashMap, HashSet};

use crate::domain::compose::{Choice, Email, LoadError, Templates, LONG_SUBJECT};
use std::collections::BTreeMap;

use crate::diag::Problem;
use crate::domain::message::draft_text;
use crate::domain::message::validate;
use crate::domain::personal;
use crate::domain::personal::{mass_mail_warning, reads_like_mass_mail};
use crate::par::parallel_map;
use crate::settings::Settings;

pub struct Campaign {
    pub settings: Settings,
    pub clients: Vec<Client>,
    pub problems: Vec<Problem>,
    pub templates: Templates,
}

/// One client's email as the template makes it today.
pub struct Rendered {
    pub template: String,
    pub email: Email,
}

impl Campaign {
    /// Loads the list and prepares the templates; only an unreadable list is an `Err`.
    pub fn load(settings: Settings) -> Result<Campaign> {
        let list = clients::load(&settings.clients, settings.sheet.as_deref())?;
        let templates = Templates::new(
            settings.template.as_deref(),
            settings.language.clone(),
            settings.sender.clone(),
            settings.now,
        );
        let mut campaign = Campaign {
            settings,
            clients: list.clients,
            problems: list.problems,
            templates,
        };
        if campaign.settings.sender.is_none() {
            if let Err(e) = campaign.settings.sender() {
                // Name the config file only when there is one.
                let problem = match &campaign.settings.config {
                    Some(c) => Problem::error(c.display().to_string(), format!("{e:#}")),
                    None => Problem::error(
                        campaign.settings.clients.display().to_string(),
                        "no sender, and there is no `cartero.toml`: create `cartero.toml` with `[sender]`, `name` and `email` (`cartero init` writes one to start from), or pass `--from \"Your Name <you@example.com>\"`",
                    ),
                };
                campaign.problems.push(problem);
            }
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

    /// No `template` column value and no default: said once, for everyone it concerns.
    fn no_template(&self, who: &[&Client]) -> Problem {
        let whom = if who.len() == self.clients.len() {
            String::new()
        } else {
            format!(
                " for {} with an empty `template` column ({})",
                count(who.len(), "client"),
                names(who)
            )
        };
        let folder = self.in_folder();
        match &self.settings.config {
            Some(config) => Problem::error(
                config.display().to_string(),
                format!(
                    "no template{whom}: add `template = \"templates/year-end.txt\"` under `[campaign]` in `{}`, or pass `--template templates/year-end.txt`{folder}",
                    config.display()
                ),
            ),
            None => Problem::error(
                self.settings.clients.display().to_string(),
                format!(
                    "no template{whom}, and there is no `cartero.toml` to name one: create `cartero.toml` with `template = \"templates/year-end.txt\"` under `[campaign]` (`cartero init` writes one to start from), or pass `--template templates/year-end.txt`{folder}"
                ),
            ),
        }
    }

    /// A template that is not there: the default, or one the `template` column names.
    fn missing(&self, name: &str, who: &[&Client], by_default: bool) -> Problem {
        let label = self.templates.label(name);
        let folder = self.in_folder();
        if by_default {
            let named_in = match &self.settings.config {
                Some(c) => format!(
                    "`template` under `[campaign]` in `{}` (or `--template`)",
                    c.display()
                ),
                None => "`--template`".to_string(),
            };
            return Problem::error(
                &label,
                format!("there is no such template: create it, or correct {named_in}{folder}"),
            );
        }
        let first = who[0];
        Problem::error(
            self.settings.clients.display().to_string(),
            format!(
                "there is no template `{label}`, and {} {} it ({}): create it, or correct the `template` column{folder}",
                count(who.len(), "client"),
                if who.len() == 1 { "names" } else { "name" },
                names(who)
            ),
        )
        .at(first.pos)
        .column("template")
        .client(&first.name)
    }

    /// A language variant that is not there: those clients get the default instead.
    fn missing_variant(&self, wanted: &str, used: &str, who: &[&Client]) -> Problem {
        let lang = wanted
            .strip_suffix(".txt")
            .and_then(|s| s.rsplit_once('.'))
            .map_or("", |(_, l)| l);
        Problem::warning(
            self.templates.label(wanted),
            format!(
                "there is no such template, so {} written to in `{lang}` ({}) get `{used}` instead: create `{}` for them, or give them another `language`",
                count(who.len(), "client"),
                names(who),
                self.templates.label(wanted)
            ),
        )
    }

    /// "; the templates folder holds a.txt, b.txt", or nothing.
    fn in_folder(&self) -> String {
        let there = self.templates.available();
        if there.is_empty() {
            String::new()
        } else {
            format!(
                "; `{}` holds {}",
                self.templates.label(""),
                there.join(", ")
            )
        }
    }

    /// The warning for a note that tells the client again what an earlier letter told them,
    /// naming the year it was told.
    pub fn repeated_anecdote(client: &Client) -> Option<String> {
        let note = client.note.as_deref()?;
        if client.past.letters.is_empty() {
            return None;
        }
        let anecdote = crate::domain::personal::Anecdote::new(note);
        let told = client
            .past
            .letters
            .iter()
            .find(|l| anecdote.told_in(&l.personal))?;
        let year = told.date.get(..4).unwrap_or(&told.date);
        let snippet: String = note.chars().take(60).collect();
        Some(format!(
            "the note repeats what you wrote to them in {year} («{snippet}…»): tell them something new"
        ))
    }

    /// Notes that tell a client again what an earlier letter told them.
    pub fn repeat_problems(&self) -> Vec<Problem> {
        let list = self.settings.clients.display().to_string();
        self.clients
            .iter()
            .filter_map(|c| {
                Campaign::repeated_anecdote(c).map(|w| {
                    Problem::warning(list.clone(), w)
                        .at(c.pos)
                        .column("note")
                        .client(&c.name)
                })
            })
            .collect()
    }

    /// The warnings `check`, `draft` and `review` give about a client whatever their draft says.
    pub fn note_warning(client: &Client) -> Option<String> {
        client.note.is_none().then(|| {
            "no personal note: add one to the `note` column (a memory, an anecdote, something you solved together)".to_string()
        })
    }

    /// Personal shares of the rendered emails (as their drafts would read), `None` where a render failed.
    pub fn shares(&self, rendered: &[Option<Rendered>]) -> Vec<Option<f64>> {
        let texts: Vec<(String, &str)> = rendered
            .iter()
            .zip(&self.clients)
            .filter_map(|(r, c)| {
                r.as_ref()
                    .map(|r| (draft_text(&c.mailbox, &r.email), c.name.as_str()))
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

/// A subject mail apps will cut short: a warning, the same for every client it concerns.
fn long_subject(
    templates: &Templates,
    client: &Client,
    template: &str,
    email: &Email,
) -> Option<Problem> {
    (email.subject.chars().count() > LONG_SUBJECT).then(|| {
        let p = Problem::warning(
            templates.label(template),
            format!("the subject is longer than {LONG_SUBJECT} characters: mail apps cut it short; keep it short and say the rest in the letter"),
        )
        .client(&client.name);
        match templates.subject_line(template) {
            Some(line) => p.at(crate::diag::Pos::Line(line)),
            None => p,
        }
    })
}

/// `1 client`, `2 clients`.
fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
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
        more => format!("{} and {more} more", shown.join(", ")),
    }
}

/// Problems that are the same but for the client, said once: the first client named, and
/// how many others (and which) it is the same for.
fn say_once(problems: Vec<Problem>) -> Vec<Problem> {
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
                p.message.push_str(&format!(
                    "\n  = the same for {}: {}{}",
                    count(others.len(), "other client"),
                    shown.join(", "),
                    if more > 0 {
                        format!(" and {more} others")
                    } else {
                        String::new()
                    }
                ));
            }
            p
        })
        .collect()
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
}

impl Campaign {
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
            if Campaign::note_warning(client).is_some() {
                no_note.push(client);
            }
            let Some(r) = r else { continue };
            if let Err(why) = validate(&draft_text(&client.mailbox, &r.email), &client.key) {
                problems.push(
                    Problem::error(
                        self.templates.label(&r.template),
                        format!("this letter could not be approved or sent as it renders: {why}"),
                    )
                    .client(&client.name),
                );
            }
            if let Some(share) = share.filter(|s| reads_like_mass_mail(*s)) {
                mass.entry(self.templates.label(&r.template))
                    .or_default()
                    .push((client.name.as_str(), share));
            }
        }
        problems.extend(no_note_problems(
            &self.settings.clients.display().to_string(),
            &no_note,
        ));
        problems.extend(mass_mail_problems(mass));
        problems.extend(self.repeat_problems());
        problems
    }

    /// The campaign in figures, for `check`'s summary.
    pub fn summary(&self, shares: &[Option<f64>]) -> Summary {
        let in_circle = |circle: &str| {
            self.clients
                .iter()
                .filter(|c| c.circle() == Some(circle))
                .count()
        };
        Summary {
            clients: self.clients.len(),
            list: self.settings.clients.display().to_string(),
            circles: [in_circle("loved"), in_circle("ignored"), in_circle("hated")],
            no_affinity: self.clients.iter().filter(|c| c.affinity.is_none()).count(),
            no_note: self
                .clients
                .iter()
                .filter(|c| c.note.is_none())
                .map(|c| c.name.clone())
                .collect(),
            shares: shares.iter().flatten().copied().collect(),
        }
    }
}

/// Clients with no personal note: each named when they are few, said once when they are many.
fn no_note_problems(list: &str, clients: &[&Client]) -> Vec<Problem> {
    if clients.len() <= 3 {
        return clients
            .iter()
            .filter_map(|c| {
                Campaign::note_warning(c).map(|w| {
                    Problem::warning(list, w)
                        .at(c.pos)
                        .column("note")
                        .client(&c.name)
                })
            })
            .collect();
    }
    let named: Vec<&str> = clients.iter().take(5).map(|c| c.name.as_str()).collect();
    let more = clients.len().saturating_sub(5);
    vec![Problem::warning(
        list,
        format!(
            "{} clients have no personal note ({}{}): add one to the `note` column for each (a memory, an anecdote, something you solved together)",
            clients.len(),
            named.join(", "),
            if more > 0 { format!(", and {more} more") } else { String::new() }
        ),
    )
    .column("note")]
}

/// The letters that read like a mass mail, by template: each named when they are few, said
/// once for the template when they are many (a name-only template on 50,000 clients).
fn mass_mail_problems(mass: BTreeMap<String, Vec<(&str, f64)>>) -> Vec<Problem> {
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
            format!(
                "{} letters read like a mass mail: little of each is about its client alone ({}{}); add something personal to their notes, or to the template",
                clients.len(),
                named.join(", "),
                if more > 0 { format!(", and {more} more") } else { String::new() }
            ),
        ));
    }
    problems
}
