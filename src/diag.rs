//! Problems found in the user's files, each with the place it was found and the client it concerns.

use std::fmt;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Error,
    Warning,
}

/// Where in a file: a text line (CSV, templates) or a spreadsheet row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pos {
    Line(usize),
    LineCol(usize, usize),
    Row(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub level: Level,
    /// Shared: one file's name is in many problems (and it keeps a `Problem` small).
    pub file: Arc<str>,
    pub pos: Option<Pos>,
    pub column: Option<String>,
    pub client: Option<String>,
    pub message: String,
}

impl Problem {
    pub fn error(file: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            level: Level::Error,
            file: Arc::from(file.into()),
            pos: None,
            column: None,
            client: None,
            message: message.into(),
        }
    }

    pub fn warning(file: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            level: Level::Warning,
            ..Problem::error(file, message)
        }
    }

    pub fn at(mut self, pos: Pos) -> Problem {
        self.pos = Some(pos);
        self
    }

    pub fn column(mut self, column: impl Into<String>) -> Problem {
        self.column = Some(column.into());
        self
    }

    pub fn client(mut self, client: impl Into<String>) -> Problem {
        self.client = Some(client.into());
        self
    }

    /// Where it is, for a list of places: `line 4 (Bo)`, `row 7`.
    pub fn place(&self) -> String {
        let at = match self.pos {
            Some(Pos::Line(n)) | Some(Pos::LineCol(n, _)) => tr!("diag-place-line", line = n),
            Some(Pos::Row(n)) => tr!("diag-place-row", row = n),
            None => tr!("diag-place-another-client"),
        };
        match &self.client {
            Some(client) => tr!("diag-place-of-client", place = at, client = client),
            None => at,
        }
    }

    pub fn is_error(&self) -> bool {
        self.level == Level::Error
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.level {
            Level::Error => tr!("diag-error"),
            Level::Warning => tr!("diag-warning"),
        };
        write!(f, "{level}: {}", self.file)?;
        match self.pos {
            Some(Pos::Line(n)) => write!(f, ":{n}")?,
            Some(Pos::LineCol(l, c)) => write!(f, ":{l}:{c}")?,
            Some(Pos::Row(n)) => write!(f, ", {}", tr!("diag-row", row = n))?,
            None => {}
        }
        // Each part names one thing, after a comma: in either language they read in this order.
        if let Some(column) = &self.column {
            write!(f, ", {}", tr!("diag-column", column = column))?;
        }
        if let Some(client) = &self.client {
            write!(f, ", {}", tr!("diag-client", client = client))?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Problems alike but for where they are (the same file, column and words on other rows, for
/// other clients), each said once: the first, and where else (`line 4 (Bo)`, …).
pub fn alike(problems: &[Problem]) -> Vec<(&Problem, Vec<String>)> {
    let mut groups: Vec<(&Problem, Vec<String>)> = Vec::new();
    let mut index: std::collections::HashMap<(Level, &str, Option<&str>, &str), usize> =
        std::collections::HashMap::new();
    for p in problems {
        let key = (p.level, &*p.file, p.column.as_deref(), p.message.as_str());
        match index.get(&key) {
            Some(&g) => groups[g].1.push(p.place()),
            None => {
                index.insert(key, groups.len());
                groups.push((p, Vec::new()));
            }
        }
    }
    groups
}

/// Errors first, keeping the order in which they were found within each level.
pub fn sort(problems: &mut [Problem]) {
    problems.sort_by_key(|p| p.level);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_alike_but_for_the_row_are_one() {
        let bad = |line, who: &str| {
            Problem::error("c.csv", "affinity `alta` is not a whole number")
                .at(Pos::Line(line))
                .column("affinity")
                .client(who)
        };
        let problems = vec![
            bad(2, "Ana"),
            bad(3, "Bo"),
            Problem::error("c.csv", "another thing").at(Pos::Line(3)),
            bad(9, "Cy"),
        ];
        let groups = alike(&problems);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].1, ["line 3 (Bo)", "line 9 (Cy)"]);
        assert!(groups[1].1.is_empty());
    }

    #[test]
    fn display_names_everything() {
        let p = Problem::error("clients.csv", "`x@` is not a valid email address")
            .at(Pos::Line(7))
            .column("email")
            .client("Pepi");
        assert_eq!(
            p.to_string(),
            "error: clients.csv:7, column `email`, client `Pepi`: `x@` is not a valid email address"
        );
        let p = Problem::warning("clients.xlsx", "no note").at(Pos::Row(3));
        assert_eq!(p.to_string(), "warning: clients.xlsx, row 3: no note");
    }
}
