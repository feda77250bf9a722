//! A campaign loaded whole: its clients and templates, every email rendered, every problem kept.

use anyhow::Result;

use crate::clients::{self, Client};
use crate::compose::{Email, RenderError, Templates};
use crate::diag::Problem;
use crate::message::draft_text;
use crate::personal;
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
                campaign
                    .problems
                    .push(Problem::error("cartero.toml", format!("{e:#}")));
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
        // Serially, each client's template is chosen and loaded: a broken one is reported once.
        let mut chosen = Vec::with_capacity(self.clients.len());
        for client in &self.clients {
            match self.templates.template_for(client) {
                Ok(name) => chosen.push(Some(name)),
                Err(RenderError::Template(p)) | Err(RenderError::Client(p)) => {
                    self.problems.push(p);
                    chosen.push(None)
                }
                Err(RenderError::AlreadyReported) => chosen.push(None),
            }
        }
        // Then the rendering itself, on every core.
        let templates = &self.templates;
        let jobs: Vec<(&Client, Option<String>)> = self.clients.iter().zip(chosen).collect();
        let results = parallel_map(&jobs, |(client, name)| {
            let name = name.as_ref()?;
            Some(
                templates
                    .render_loaded(client, name)
                    .and_then(|(template, email)| f(client, Rendered { template, email })),
            )
        });
        let mut out = Vec::with_capacity(results.len());
        for result in results {
            match result {
                Some(Ok(r)) => out.push(Some(r)),
                Some(Err(p)) => {
                    self.problems.push(p);
                    out.push(None)
                }
                None => out.push(None),
            }
        }
        out
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

/// `f` over `items` on a few threads, results in the items' order.
pub fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    if threads < 2 || items.len() < 256 {
        return items.iter().map(&f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a render thread panicked"))
            .collect()
    })
}
