//! Problems found in the user's files, each with the place it was found and the client it concerns.

use std::fmt;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
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

    pub fn is_error(&self) -> bool {
        self.level == Level::Error
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.level {
            Level::Error => "error",
            Level::Warning => "warning",
        };
        write!(f, "{level}: {}", self.file)?;
        match self.pos {
            Some(Pos::Line(n)) => write!(f, ":{n}")?,
            Some(Pos::LineCol(l, c)) => write!(f, ":{l}:{c}")?,
            Some(Pos::Row(n)) => write!(f, ", row {n}")?,
            None => {}
        }
        if let Some(column) = &self.column {
            write!(f, ", column `{column}`")?;
        }
        if let Some(client) = &self.client {
            write!(f, ", client `{client}`")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Errors first, keeping the order in which they were found within each level.
pub fn sort(problems: &mut [Problem]) {
    problems.sort_by_key(|p| p.level);
}

#[cfg(test)]
mod tests {
    use super::*;

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
