//! What `check` says of the files letters carry: one that cannot be read, a letter too big for
//! the provider, a kind of file providers refuse.

use crate::diag::Problem;
use crate::domain::campaign::Campaign;
use crate::domain::clients::Client;
use crate::domain::compose::Email;
use crate::domain::letter::{self, FileProblem, Files};
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
        match letter::load(email, &self.settings.base) {
            Ok(files) => problems.extend(self.too_big(client, email, &files)),
            Err(FileProblem { name, why }) => {
                problems.push(self.on_row(client, &name, Problem::error, || why.clone()))
            }
        }
        problems
    }

    /// A problem about a file: on the client's row when the list named it, on cartero.toml
    /// when `[campaign] attachments` did, on the template when its Markdown shows it.
    fn on_row(
        &self,
        client: &Client,
        name: &str,
        kind: fn(String, String) -> Problem,
        message: impl Fn() -> String,
    ) -> Problem {
        if client.attachments.iter().any(|a| a == name) {
            let list = self.settings.clients.display().to_string();
            return kind(list, message())
                .at(client.pos)
                .column("attachments")
                .client(&client.name);
        }
        let file = match (
            &self.settings.config,
            self.settings.attachments.iter().any(|a| a == name),
        ) {
            (Some(config), true) => config.display().to_string(),
            _ => self
                .settings
                .signature
                .as_ref()
                .or(self.settings.template.as_ref())
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
        };
        kind(file, message()).client(&client.name)
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
