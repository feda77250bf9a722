//! What `check` says of the files letters carry: one that cannot be read, a letter too big for
//! the provider, a kind of file providers refuse.

use crate::diag::Problem;
use crate::domain::campaign::Campaign;
use crate::domain::clients::Client;
use crate::domain::compose::Email;
use crate::domain::letter::{self, FileProblem, Files};
use crate::domain::markdown;
use crate::domain::message::build_message;

impl Campaign<'_> {
    /// The problems of one client's letter's files.
    pub(super) fn file_problems(&self, client: &Client, email: &Email) -> Vec<Problem> {
        let mut problems = Vec::new();
        for (name, _) in letter::named(email) {
            if letter::blocked(&name) {
                problems.push(self.on_row(client, &name, Problem::warning, || {
                    tr!("campaign-attachment-blocked", file = &name)
                }));
            }
        }
        if !email.markdown {
            // A plain-text letter shows no image: the signature's logo would silently go.
            for image in self.templates.signature_images() {
                problems.push(self.on_row(client, &image, Problem::warning, || {
                    tr!("campaign-logo-in-plain-letter", image = &image)
                }));
            }
        }
        if email.markdown {
            for address in markdown::remote_images(&email.body) {
                problems.push(self.on_row(client, &address, Problem::warning, || {
                    tr!("campaign-image-from-elsewhere", address = &address)
                }));
            }
        }
        match letter::load_all(email, &self.settings.base) {
            Ok(files) => problems.extend(self.too_big(client, email, &files)),
            Err(each) => problems.extend(each.into_iter().map(|FileProblem { name, why }| {
                self.on_row(client, &name, Problem::error, || why.clone())
            })),
        }
        problems
    }

    /// Where a problem about one of a letter's files is said.
    pub fn places(&self) -> Places {
        let s = self.settings;
        Places {
            list: s.clients.display().to_string(),
            config: s.config.as_ref().map(|c| c.display().to_string()),
            campaign_files: s.attachments.clone(),
            signature: s.signature.clone(),
            template: s.template.as_ref().map(|t| t.display().to_string()),
            read_as: self.read_as.clone(),
        }
    }

    fn on_row(
        &self,
        client: &Client,
        name: &str,
        kind: fn(String, String) -> Problem,
        message: impl Fn() -> String,
    ) -> Problem {
        self.places().problem(client, name, kind, message())
    }

    /// A letter bigger, as sent, than `[smtp] max-message-size`.
    pub fn too_big(&self, client: &Client, email: &Email, files: &Files) -> Option<Problem> {
        if files.pieces.is_empty() {
            return None;
        }
        let sender = self.settings.sender.as_ref()?;
        let now = self.settings.clock.started();
        let id = "<size@cartero.invalid>";
        let size = build_message(sender, &client.mailbox, email, files, now, id)
            .ok()?
            .formatted()
            .len() as u64;
        let limit = self.settings.max_message_bytes;
        (size > limit).then(|| {
            let list = self.settings.clients.display().to_string();
            Problem::error(
                list,
                tr!(
                    "campaign-letter-too-big",
                    size = crate::text::size(size),
                    limit = crate::text::size(limit)
                ),
            )
            .at(client.pos)
            .client(&client.name)
        })
    }
}

/// Where a letter's files come from, to say a problem where it can be fixed.
#[derive(Debug, Clone)]
pub struct Places {
    list: String,
    config: Option<String>,
    campaign_files: Vec<String>,
    signature: Option<std::path::PathBuf>,
    template: Option<String>,
    read_as: crate::domain::clients::ReadAs,
}

impl Places {
    /// A problem about file `name` of `client`'s letter: on the client's row when the list
    /// names it (the `attachments` column, or an image in their note), on cartero.toml for
    /// `[campaign] attachments`, on the signature when it shows it, else on the template.
    pub fn problem(
        &self,
        client: &Client,
        name: &str,
        kind: fn(String, String) -> Problem,
        message: String,
    ) -> Problem {
        let on_row = |column: &str| {
            kind(self.list.clone(), message.clone())
                .at(client.pos)
                .column(self.read_as.theirs(column))
                .client(&client.name)
        };
        if client.attachments.iter().any(|a| a == name) {
            return on_row("attachments");
        }
        if client.note.as_ref().is_some_and(|n| n.contains(name)) {
            return on_row("note");
        }
        let in_signature = self
            .signature
            .as_ref()
            .filter(|p| std::fs::read_to_string(p).is_ok_and(|text| text.contains(name)));
        let file = match (&self.config, self.campaign_files.iter().any(|a| a == name)) {
            (Some(config), true) => config.clone(),
            _ => in_signature
                .map(|p| p.display().to_string())
                .or(self.template.clone())
                .unwrap_or_else(|| self.list.clone()),
        };
        kind(file, message).client(&client.name)
    }
}
