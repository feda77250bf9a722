//! Personal share: how much of each draft belongs to its client alone rather than to every draft.
//!
//! A draft is cut into word trigrams, with the client's own name replaced by a placeholder
//! (swapping the name in is not personal). A trigram is shared when another draft of the
//! campaign has it too, or when it is in the template's literal text; the share is the fraction
//! of the draft's trigrams that are not shared. A template that only swaps the name scores 0 on
//! every draft; a sentence of the client's own note lifts a short email well above the threshold.
//!
//! The same trigrams tell when a draft retells what an earlier letter to that client told
//! (`Retelling`), the template's own words left out.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

/// Below this, a draft reads like a mass mail.
pub const MASS_MAIL_BELOW: f64 = 0.10;

pub fn reads_like_mass_mail(share: f64) -> bool {
    share < MASS_MAIL_BELOW
}

/// One share per draft, each from 0 to 1. `drafts` holds each draft's text and its client's name.
///
/// With many drafts, their trigrams are made twice rather than kept: once to learn which are
/// shared, a few thousand drafts at a time, once to count each draft's own (a hundred thousand
/// drafts' trigrams held at once would be most of a survey's memory). Up to `HELD_WHOLE`
/// drafts, they are kept, and made once (the desk measures as the person types).
pub fn shares(drafts: &[(&str, &str)], literals: &[String]) -> Vec<f64> {
    // A trigram is shared when in a template or in two drafts: those seen in one draft so far
    // wait in `once`, and move to `shared` when a second has them.
    let mut shared: Set = literals.iter().flat_map(|l| trigrams(l, "")).collect();
    let mut once = Set::default();
    let hold = drafts.len() <= HELD_WHOLE;
    let mut held: Vec<Vec<u64>> = Vec::new();
    for chunk in drafts.chunks(CHUNK) {
        // Sorted, so that a trigram a draft has twice counts as one draft's.
        let grams: Vec<Vec<u64>> = crate::par::parallel_map(chunk, |(text, name)| {
            let mut g = trigrams(text, name);
            g.sort_unstable();
            g
        });
        for g in &grams {
            for (k, &h) in g.iter().enumerate() {
                if (k > 0 && g[k - 1] == h) || shared.contains(&h) {
                    continue;
                }
                if !once.insert(h) {
                    once.remove(&h);
                    shared.insert(h);
                }
            }
        }
        if hold {
            held.extend(grams);
        }
    }
    drop(once);
    let share = |g: &[u64]| match g.len() {
        0 => 0.0,
        len => g.iter().filter(|h| !shared.contains(h)).count() as f64 / len as f64,
    };
    match hold {
        true => held.iter().map(|g| share(g)).collect(),
        false => crate::par::parallel_map(drafts, |(text, name)| share(&trigrams(text, name))),
    }
}

/// Up to this many drafts, their trigrams are made once and kept while shares are measured.
const HELD_WHOLE: usize = 16_384;

/// Drafts whose trigrams are made at once, on every core, when learning which are shared.
const CHUNK: usize = 4096;

/// The words of the templates in use: never an anecdote, whoever's letter they are in (an
/// earlier letter may keep them as its own when it was its campaign's only one).
#[derive(Default)]
pub struct TemplateWords(Set);

impl TemplateWords {
    pub fn new(literals: &[String]) -> TemplateWords {
        TemplateWords(
            literals
                .iter()
                .flat_map(|l| own_grams(l, &Set::default()))
                .collect(),
        )
    }
}

/// A draft's body made ready to be looked for in earlier letters: its word trigrams (the
/// template's left out), as a whole and paragraph by paragraph, hashed once.
pub struct Retelling<'t> {
    template: &'t TemplateWords,
    grams: Set,
    paragraphs: Vec<Set>,
}

/// A paragraph of fewer trigrams than this is a greeting or a signature, not an anecdote.
const ANECDOTE_GRAMS: usize = 3;

impl<'t> Retelling<'t> {
    pub fn new(body: &str, template: &'t TemplateWords) -> Retelling<'t> {
        let paragraphs = paragraphs(body)
            .map(|p| own_grams(p, &template.0))
            .filter(|g| g.len() >= ANECDOTE_GRAMS)
            .collect();
        Retelling {
            template,
            grams: own_grams(body, &template.0),
            paragraphs,
        }
    }

    /// The paragraph of `earlier` (a letter's personal part) that this draft tells again: one
    /// most of whose trigrams the draft has, or one that has most of a paragraph of the draft.
    pub fn told_in<'e>(&self, earlier: &'e str) -> Option<&'e str> {
        paragraphs(earlier).find(|p| {
            let theirs = own_grams(p, &self.template.0);
            if theirs.len() < ANECDOTE_GRAMS {
                return false;
            }
            let again = theirs.iter().filter(|g| self.grams.contains(g)).count();
            again * 2 >= theirs.len()
                || self.paragraphs.iter().any(|mine| {
                    let told = mine.iter().filter(|g| theirs.contains(g)).count();
                    told * 2 >= mine.len()
                })
        })
    }
}

/// A text's paragraphs, trimmed, empty ones left out.
fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    text.split("\n\n").map(str::trim).filter(|p| !p.is_empty())
}

/// The distinct word trigrams of `text` that are not in `common`.
fn own_grams(text: &str, common: &Set) -> Set {
    word_hashes(text)
        .windows(3)
        .map(gram)
        .filter(|g| !common.contains(g))
        .collect()
}

/// Each word of the text, lowercased, as a hash (FNV-1a over its characters), in one pass:
/// ASCII letters lowercased by a bit, others by Unicode's rules.
fn word_hashes(text: &str) -> Vec<u64> {
    const START: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut h = START;
    let mut in_word = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            h = (h ^ u64::from(c.to_ascii_lowercase())).wrapping_mul(PRIME);
            in_word = true;
        } else if !c.is_ascii() && c.is_alphanumeric() {
            for l in c.to_lowercase() {
                h = (h ^ u64::from(l)).wrapping_mul(PRIME);
            }
            in_word = true;
        } else if in_word {
            out.push(h);
            h = START;
            in_word = false;
        }
    }
    if in_word {
        out.push(h);
    }
    out
}

fn gram(w: &[u64]) -> u64 {
    w[0].rotate_left(21) ^ w[1].rotate_left(42) ^ w[2]
}

/// The keys are hashes already: no need to hash them again.
#[derive(Default, Clone, Copy)]
struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type Set = HashSet<u64, BuildHasherDefault<PassThrough>>;

/// A placeholder for the client's name among the words.
const NAME: u64 = 0x9e37_79b9_7f4a_7c15;

fn trigrams(text: &str, name: &str) -> Vec<u64> {
    let name_words: Vec<u64> = words(name).collect();
    let tokens: Vec<u64> = words(text)
        .map(|w| if name_words.contains(&w) { NAME } else { w })
        .collect();
    // Trigrams holding the name are left out: swapping the name in is neither personal nor shared.
    tokens
        .windows(3)
        .filter(|w| !w.contains(&NAME))
        .map(|w| {
            (w[0].wrapping_mul(0x2545_f491_4f6c_dd1d)
                ^ w[1].rotate_left(21).wrapping_mul(0x9e37_79b9_7f4a_7c15)
                ^ w[2].rotate_left(42))
            .wrapping_mul(0xff51_afd7_ed55_8ccd)
        })
        .collect()
}

/// Each word of the text, lowercased, as a 64-bit hash.
fn words(text: &str) -> impl Iterator<Item = u64> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            for c in w.chars().flat_map(char::to_lowercase) {
                h = (h ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3);
            }
            h
        })
}

pub fn mass_mail_warning(share: f64) -> String {
    tr!(
        "personal-mass-mail",
        percent = format!("{:.0}", share * 100.0)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    const NAMES: [&str; 6] = ["Ana", "Bruno", "Carla", "Diego", "Elena", "Fausto"];
    const SURNAMES: [&str; 5] = ["García", "López", "Martín", "Ruiz", "Soto"];
    const WORDS: [&str; 48] = [
        "kitchen",
        "shop",
        "warehouse",
        "fair",
        "van",
        "garden",
        "March",
        "storm",
        "Easter",
        "Friday",
        "move",
        "printer",
        "churros",
        "team",
        "daughter",
        "map",
        "leak",
        "midnight",
        "trip",
        "Lisbon",
        "invoice",
        "coffee",
        "rain",
        "boat",
        "wedding",
        "bakery",
        "truck",
        "office",
        "dog",
        "concert",
        "football",
        "paella",
        "laptop",
        "roof",
        "bicycle",
        "museum",
        "harbour",
        "market",
        "piano",
        "school",
        "birthday",
        "snow",
        "festival",
        "bridge",
        "train",
        "window",
        "lemon",
        "ladder",
    ];

    /// A note of its own for each client, as a person would write: no two share a phrase.
    fn clients() -> Vec<(String, String)> {
        let mut seed = 7u64;
        let mut next = move || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize
        };
        (0..30)
            .map(|i| {
                let name = format!("{} {}", NAMES[i % 6], SURNAMES[i % 5]);
                let note: Vec<&str> = (0..14).map(|_| WORDS[next() % WORDS.len()]).collect();
                (name, format!("{}.", note.join(" ")))
            })
            .collect()
    }

    const BODY: &str = "Thank you for being with us this year. It has been a pleasure to work with you, and we hope next year brings you health and good work. See you soon, with a warm hug from all of us.";

    /// The shares of one draft per test client, each made by `letter(name, note)`.
    fn shares_of(letter: impl Fn(&str, &str) -> String) -> Vec<f64> {
        let drafts: Vec<(String, String)> = clients()
            .into_iter()
            .map(|(name, note)| (letter(&name, &note), name))
            .collect();
        let refs: Vec<(&str, &str)> = drafts
            .iter()
            .map(|(t, n)| (t.as_str(), n.as_str()))
            .collect();
        shares(&refs, &[])
    }

    /// The shares as they were first made: every draft's trigrams held at once, a trigram
    /// shared when seen in a second draft.
    fn shares_held_whole(drafts: &[(&str, &str)], literals: &[String]) -> Vec<f64> {
        let grams: Vec<Vec<u64>> = drafts.iter().map(|(t, n)| trigrams(t, n)).collect();
        let mut common: Set = literals.iter().flat_map(|l| trigrams(l, "")).collect();
        let mut seen_in: HashMap<u64, usize> = HashMap::new();
        for (i, g) in grams.iter().enumerate() {
            for &h in g {
                match seen_in.get(&h) {
                    Some(&j) if j != i => {
                        common.insert(h);
                    }
                    Some(_) => {}
                    None => {
                        seen_in.insert(h, i);
                    }
                }
            }
        }
        grams
            .iter()
            .map(|g| match g.len() {
                0 => 0.0,
                len => g.iter().filter(|h| !common.contains(h)).count() as f64 / len as f64,
            })
            .collect()
    }

    #[test]
    fn shares_learnt_a_chunk_at_a_time_are_the_shares_of_all_drafts_at_once() {
        // More drafts than a chunk, each of a few words from a small stock: many trigrams are
        // in two drafts far apart, some in one alone, some repeated within a draft.
        let mut seed = 11u64;
        let mut next = move || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize
        };
        let drafts: Vec<(String, String)> = (0..CHUNK * 2 + 100)
            .map(|i| {
                let name = format!("{} {}", NAMES[i % 6], SURNAMES[i % 5]);
                let words: Vec<&str> = (0..7).map(|_| WORDS[next() % WORDS.len()]).collect();
                let text = format!("Hola {name}: {} {}", words.join(" "), words[..3].join(" "));
                (text, name)
            })
            .collect();
        let refs: Vec<(&str, &str)> = drafts
            .iter()
            .map(|(t, n)| (t.as_str(), n.as_str()))
            .collect();
        let literals = vec!["Hola : kitchen shop warehouse".to_string()];
        let now = shares(&refs, &literals);
        assert_eq!(now, shares_held_whole(&refs, &literals));
        assert!(now.iter().any(|&s| s > 0.0) && now.iter().any(|&s| s < 1.0));
        // Beyond `HELD_WHOLE` drafts, made twice: the same shares.
        let many: Vec<(&str, &str)> = refs.iter().cycle().take(HELD_WHOLE + 1).copied().collect();
        assert_eq!(
            shares(&many, &literals),
            shares_held_whole(&many, &literals)
        );
    }

    #[test]
    fn an_anecdote_told_again_is_seen_and_a_new_one_is_not() {
        let last_year = "Gracias por la paella de junio en la terraza, con toda la familia.\n\nQue el año que viene nos veamos más.";
        let none = TemplateWords::default();
        let told = |body: &str| Retelling::new(body, &none).told_in(last_year);
        let paella = Some("Gracias por la paella de junio en la terraza, con toda la familia.");
        assert_eq!(
            told("Hola Ana:\n\nGracias por la paella de junio en la terraza\n\nUn abrazo"),
            paella
        );
        assert_eq!(
            told("gracias por la PAELLA de junio, en la terraza!"),
            paella
        );
        assert_eq!(told("Hola Ana:\n\n¿Qué tal la nave nueva de Getafe?"), None);
        assert_eq!(told(""), None);
        // The template's own words are nobody's anecdote.
        let template = TemplateWords::new(&["Que el año que viene nos veamos más.".into()]);
        let draft = "Hola:\n\nQue el año que viene nos veamos más.";
        assert_eq!(
            Retelling::new(draft, &none).told_in(last_year),
            Some("Que el año que viene nos veamos más.")
        );
        assert_eq!(Retelling::new(draft, &template).told_in(last_year), None);
    }

    #[test]
    fn name_only_template_is_flagged_on_every_draft() {
        let shares =
            shares_of(|name, _| format!("Subject: Thanks, {name}\n\nDear {name},\n\n{BODY}\n"));
        assert!(
            shares.iter().all(|&s| reads_like_mass_mail(s)),
            "{shares:?}"
        );
    }

    #[test]
    fn note_carrying_template_is_flagged_on_none() {
        let shares = shares_of(|name, note| {
            format!("Subject: Thanks, {name}\n\nDear {name},\n\n{note}\n\n{BODY}\n")
        });
        assert!(
            shares.iter().all(|&s| !reads_like_mass_mail(s)),
            "{shares:?}"
        );
    }

    #[test]
    fn a_single_draft_is_measured_against_its_template() {
        let literal = format!("Subject: Thanks, \n\n\nDear \n,\n\n{BODY}\n");
        let text = format!("Subject: Thanks, Ana\n\nDear Ana,\n\n{BODY}\n");
        assert_eq!(
            shares(&[(&text, "Ana")], std::slice::from_ref(&literal)),
            vec![0.0]
        );
        let text = format!("Subject: Thanks, Ana\n\nDear Ana,\n\nThe churros on your birthday were the best of the year.\n\n{BODY}\n");
        assert!(!reads_like_mass_mail(
            shares(&[(&text, "Ana")], &[literal])[0]
        ));
    }
}
