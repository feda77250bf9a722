//! `check`'s printer: the campaign's summary after its problems, and the personal share of
//! the drafts in one line.

use crate::domain::campaign::Summary;
use crate::domain::personal;
use crate::state::survey::Survey;

use super::some_of;

/// The personal share of the drafts as they are on disk, in one line.
pub fn share_summary(survey: &Survey) {
    let shares: Vec<f64> = survey.entries.iter().filter_map(|e| e.share).collect();
    if shares.is_empty() {
        return;
    }
    let mass: Vec<&str> = survey
        .entries
        .iter()
        .filter(|e| e.share.is_some_and(personal::reads_like_mass_mail))
        .map(|e| e.client.name.as_str())
        .collect();
    let no_note = survey
        .entries
        .iter()
        .filter(|e| e.client.note.is_none())
        .count();
    let share = percent(shares.iter().sum::<f64>() / shares.len() as f64);
    let line = if mass.is_empty() || mass.len() > 10 {
        tr!(
            "draft-share",
            share = share,
            mass = mass.len(),
            unnoted = no_note
        )
    } else {
        tr!(
            "draft-share-named",
            share = share,
            mass = mass.len(),
            names = mass.join(", "),
            unnoted = no_note
        )
    };
    say!("{line}");
}

/// A share as a whole percentage, without its sign: `0.284` is `28`.
pub(super) fn percent(share: f64) -> String {
    format!("{:.0}", share * 100.0)
}

/// `check`'s summary of the campaign, after its problems.
pub fn check_summary(s: &Summary) {
    say!(
        "{}",
        tr!("check-clients-in", count = s.clients, list = &s.list)
    );
    if let Some(export) = s.read_as.export {
        say!("  {}", tr!("check-read-as", export = export.name()));
    }
    let renamed: Vec<String> = s
        .read_as
        .renamed
        .iter()
        .map(|(what, theirs)| format!("{what} ← {theirs}"))
        .collect();
    if !renamed.is_empty() {
        say!("  {}", tr!("check-columns", columns = renamed.join(", ")));
    }
    say!("  {}", circles(s));
    if s.no_note.is_empty() {
        say!("  {}", tr!("check-every-note"));
    } else {
        say!(
            "  {}",
            tr!(
                "check-without-note",
                count = s.no_note.len(),
                names = some_of(&s.no_note, 10)
            )
        );
    }
    if !s.shares.is_empty() {
        let mean = s.shares.iter().sum::<f64>() / s.shares.len() as f64;
        let mass = s
            .shares
            .iter()
            .filter(|x| personal::reads_like_mass_mail(**x))
            .count();
        say!(
            "  {}",
            tr!(
                "check-share",
                share = percent(mean),
                mass = mass,
                total = s.shares.len()
            )
        );
    }
}

/// How many clients in each circle, and without affinity when some are.
fn circles(s: &Summary) -> String {
    let [loved, ignored, hated] = s.circles;
    if s.no_affinity > 0 {
        tr!(
            "check-circles-no-affinity",
            loved = loved,
            ignored = ignored,
            hated = hated,
            none = s.no_affinity
        )
    } else {
        tr!(
            "check-circles",
            loved = loved,
            ignored = ignored,
            hated = hated
        )
    }
}
