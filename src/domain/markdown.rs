//! A Markdown letter as a person reads it in each part: plain text without any markup, and HTML
//! styled inline (mail apps drop `<style>`), its images inside the letter by `Content-ID`.
//!
//! A line break in a letter is meant: every line of the draft stays a line in both parts. Raw
//! HTML in the Markdown (a client's note holding `<b>`) is shown as text, never as markup.

use pulldown_cmark::{Alignment, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// The characters Markdown reads as marks: backslashed, a client's note (or name, or any
/// column) reads as the words it is, never as formatting, a link or an image.
const MARKS: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '~'];

/// The Markdown a letter is read as: CommonMark, and tables (a price list, a timetable).
fn parse(text: &str) -> Parser<'_> {
    Parser::new_ext(text, Options::ENABLE_TABLES)
}

/// `text` as Markdown shows it literally.
pub fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let body = line.trim_start();
        out.push_str(&line[..line.len() - body.len()]);
        // What starts a line as a list item or a heading's underline: `- `, `+ `, `1. `, `===`.
        let digits = body.bytes().take_while(u8::is_ascii_digit).count();
        let (lead, rest) = body.split_at(digits);
        out.push_str(lead);
        if rest.starts_with(['-', '+', '=']) || (digits > 0 && rest.starts_with(['.', ')'])) {
            out.push('\\');
        }
        for c in rest.chars() {
            if MARKS.contains(&c) {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// What a Markdown template writes of a value (Tera's escape function for `.md` templates).
pub fn escape_for_tera(text: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    out.write_all(escaped(text).as_bytes())
}

/// Whether a template's file name says Markdown (`.md`, in any case).
pub fn is_markdown_name(name: &str) -> bool {
    name.rsplit_once('.')
        .is_some_and(|(_, ext)| ext.eq_ignore_ascii_case("md"))
}

/// The line that starts a signature (`-- `, or `--` once an editor has trimmed it).
pub fn is_signature_line(line: &str) -> bool {
    line.trim_end() == "--"
}

/// The letter above its signature, and the signature below the last `-- ` line, if any.
pub fn split_signature(text: &str) -> (&str, Option<&str>) {
    let mut at = None;
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        if is_signature_line(line) {
            at = Some((start, start + line.len()));
        }
        start += line.len();
    }
    match at {
        Some((begin, end)) => (&text[..begin], Some(&text[end..])),
        None => (text, None),
    }
}

/// A link a person can follow from a letter: the web, mail and phone. Any other (`javascript:`,
/// a file of the sender's computer) is only its words, in both parts.
fn followable(dest: &str) -> bool {
    let lower = dest.to_ascii_lowercase();
    ["http://", "https://", "mailto:", "tel:"]
        .iter()
        .any(|s| lower.starts_with(s))
}

/// An image the letter shows from a file of the campaign (not from the internet).
pub fn is_local(dest: &str) -> bool {
    !dest.is_empty() && !dest.contains(':') && !dest.starts_with("//")
}

/// The files the Markdown shows as images, in order, each once.
pub fn images(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for event in parse(text) {
        if let Event::Start(Tag::Image { dest_url, .. }) = event {
            if is_local(&dest_url) && !out.iter().any(|d| **d == *dest_url) {
                out.push(dest_url.to_string());
            }
        }
    }
    out
}

/// The images the Markdown would show from elsewhere (`https://…`): never loaded, never shown.
pub fn remote_images(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for event in parse(text) {
        if let Event::Start(Tag::Image { dest_url, .. }) = event {
            if !is_local(&dest_url) && !out.iter().any(|d| **d == *dest_url) {
                out.push(dest_url.to_string());
            }
        }
    }
    out
}

/// The letter as plain text: what a person reads in a mail app that shows no HTML.
pub fn to_plain(text: &str) -> String {
    let (letter, signature) = split_signature(text);
    let mut out = Plain::default().render(letter);
    if let Some(signature) = signature {
        let signature = Plain::default().render(signature);
        if !signature.trim().is_empty() {
            out.push_str("\n-- \n");
            out.push_str(&signature);
        }
    }
    out
}

/// The letter as an HTML document; `cid` gives the `Content-ID` of a local image.
pub fn to_html(text: &str, cid: &dyn Fn(&str) -> Option<String>) -> String {
    let (letter, signature) = split_signature(text);
    let mut body = Html::new(cid).render(letter);
    if let Some(signature) = signature {
        body.push_str(SIGNATURE_OPEN);
        body.push_str(&Html::new(cid).render(signature));
        body.push_str("</div>\n");
    }
    format!("{HEAD}{body}{FOOT}")
}

const HEAD: &str = "<!DOCTYPE html>\n<html>\n<head>\n<meta http-equiv=\"Content-Type\" \
content=\"text/html; charset=utf-8\">\n<meta name=\"viewport\" content=\"width=device-width\">\n\
</head>\n<body style=\"margin:0;padding:16px;font-family:Georgia,'Times New Roman',serif;\
font-size:16px;line-height:1.5;color:#222222;\">\n<div style=\"max-width:640px;\">\n";
const FOOT: &str = "</div>\n</body>\n</html>\n";
const SIGNATURE_OPEN: &str =
    "<div style=\"margin-top:24px;color:#555555;font-size:14px;line-height:1.4;\">\n";

/// The plain part, built event by event.
#[derive(Default)]
struct Plain {
    out: String,
    /// What starts each line inside quotes and list items (`> `, the item's indent).
    prefix: Vec<String>,
    /// Each open list's next number (`None`: bullets).
    lists: Vec<Option<u64>>,
    /// Each open link's address, and where its text began.
    links: Vec<(String, usize)>,
    /// Inside an image: its words are not shown.
    image: usize,
    /// An item's marker was just written: its first block needs no blank line.
    fresh_item: bool,
    /// Inside a table: its rows' cells so far, each column's alignment, and where the cell
    /// being written began.
    table: Option<Table>,
}

#[derive(Default)]
struct Table {
    rows: Vec<Vec<String>>,
    align: Vec<Alignment>,
    cell: usize,
}

impl Plain {
    fn render(mut self, text: &str) -> String {
        for event in parse(text) {
            self.event(event);
        }
        let mut lines: Vec<&str> = self.out.lines().map(str::trim_end).collect();
        while lines.last().is_some_and(|l| l.is_empty()) {
            lines.pop();
        }
        while lines.first().is_some_and(|l| l.is_empty()) {
            lines.remove(0);
        }
        let mut out = lines.join("\n");
        out.push('\n');
        out
    }

    fn event(&mut self, event: Event) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                self.text(&t)
            }
            Event::SoftBreak | Event::HardBreak => self.newline(),
            Event::Rule => {
                self.block();
                self.text("----------");
            }
            Event::TaskListMarker(done) => self.text(if done { "[x] " } else { "[ ] " }),
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph | Tag::Heading { .. } | Tag::CodeBlock(_) | Tag::HtmlBlock => {
                self.block()
            }
            Tag::BlockQuote(_) => {
                self.block();
                self.prefix.push("> ".into());
                self.out.push_str("> ");
                self.fresh_item = true;
            }
            Tag::List(first) => {
                if self.lists.is_empty() {
                    self.block();
                }
                self.lists.push(first);
            }
            Tag::Item => self.item(),
            Tag::Table(align) => {
                self.block();
                self.table = Some(Table {
                    align,
                    ..Table::default()
                });
            }
            Tag::TableHead | Tag::TableRow => {
                if let Some(t) = &mut self.table {
                    t.rows.push(Vec::new());
                }
            }
            Tag::TableCell => {
                let at = self.out.len();
                if let Some(t) = &mut self.table {
                    t.cell = at;
                }
            }
            Tag::Link { dest_url, .. } => self.links.push((dest_url.to_string(), self.out.len())),
            Tag::Image { .. } => self.image += 1,
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::BlockQuote(_) | TagEnd::Item => {
                self.prefix.pop();
            }
            TagEnd::List(_) => {
                self.lists.pop();
            }
            TagEnd::Link => self.link_end(),
            TagEnd::Image => self.image -= 1,
            TagEnd::TableCell => {
                if let Some(t) = &mut self.table {
                    let words = self.out[t.cell..].trim().to_string();
                    self.out.truncate(t.cell);
                    if let Some(row) = t.rows.last_mut() {
                        row.push(words);
                    }
                }
            }
            TagEnd::Table => {
                if let Some(t) = self.table.take() {
                    self.table_lines(&t);
                }
            }
            _ => {}
        }
    }

    /// A table as plain text: its columns lined up by spaces, a line under the heading.
    fn table_lines(&mut self, t: &Table) {
        let columns = t.rows.iter().map(Vec::len).max().unwrap_or(0);
        let width = |c: usize| {
            t.rows
                .iter()
                .filter_map(|r| r.get(c))
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(0)
        };
        let widths: Vec<usize> = (0..columns).map(width).collect();
        for (i, row) in t.rows.iter().enumerate() {
            if i > 0 {
                self.newline();
            }
            let cells: Vec<String> = (0..columns)
                .map(|c| {
                    let words = row.get(c).map_or("", String::as_str);
                    let pad = widths[c] - words.chars().count();
                    match t.align.get(c) {
                        Some(Alignment::Right) => format!("{}{words}", " ".repeat(pad)),
                        _ => format!("{words}{}", " ".repeat(pad)),
                    }
                })
                .collect();
            self.out.push_str(&cells.join("   "));
            if i == 0 && t.rows.len() > 1 {
                self.newline();
                let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
                self.out.push_str(&rule.join("   "));
            }
        }
    }

    /// A new block: a blank line after what came before (not right after an item's marker).
    fn block(&mut self) {
        if std::mem::take(&mut self.fresh_item) || self.out.trim().is_empty() {
            return;
        }
        while !self.out.ends_with("\n\n") {
            self.newline_bare();
        }
        self.out.push_str(&self.prefix.concat());
    }

    fn item(&mut self) {
        let prefix = self.prefix.concat();
        let line = &self.out[self.out.rfind('\n').map_or(0, |i| i + 1)..];
        if line.is_empty() {
            self.out.push_str(&prefix);
        } else if line != prefix {
            // A nested list's item under its parent's words, indented as they are.
            self.newline();
        }
        let marker = match self.lists.last_mut() {
            Some(Some(n)) => {
                *n += 1;
                format!("{}. ", *n - 1)
            }
            _ => "- ".to_string(),
        };
        self.out.push_str(&marker);
        self.prefix.push(" ".repeat(marker.chars().count()));
        self.fresh_item = true;
    }

    fn link_end(&mut self) {
        let Some((dest, start)) = self.links.pop() else {
            return;
        };
        // As in the HTML part: only an address a person can follow is shown.
        if !followable(&dest) {
            return;
        }
        let shown = dest.strip_prefix("mailto:").unwrap_or(&dest);
        let words = self.out[start..].trim();
        if !shown.is_empty() && words != shown && words != dest {
            self.out.push_str(&format!(" ({shown})"));
        }
    }

    fn text(&mut self, text: &str) {
        if self.image > 0 {
            return;
        }
        self.fresh_item = false;
        let mut lines = text.split('\n');
        if let Some(first) = lines.next() {
            self.out.push_str(first);
        }
        for line in lines {
            self.newline();
            self.out.push_str(line);
        }
    }

    fn newline(&mut self) {
        self.newline_bare();
        self.out.push_str(&self.prefix.concat());
    }

    fn newline_bare(&mut self) {
        self.out.push('\n');
    }
}

/// The HTML part, built event by event.
struct Html<'c> {
    out: String,
    cid: &'c dyn Fn(&str) -> Option<String>,
    /// Inside an image: its words are its `alt`, not text of the letter.
    image: Option<(String, String)>,
    /// Links not written as `<a>` (an address that is not the web or mail): their ends too.
    plain_links: Vec<bool>,
    /// Inside a table: each column's alignment, whether in its heading, and the cell's column.
    table: Vec<Alignment>,
    head: bool,
    column: usize,
}

const P: &str = "<p style=\"margin:0 0 16px 0;\">";
const A: &str = "style=\"color:#1a5fb4;text-decoration:underline;\"";

impl<'c> Html<'c> {
    fn new(cid: &'c dyn Fn(&str) -> Option<String>) -> Html<'c> {
        Html {
            out: String::new(),
            cid,
            image: None,
            plain_links: Vec::new(),
            table: Vec::new(),
            head: false,
            column: 0,
        }
    }

    fn render(mut self, text: &str) -> String {
        for event in parse(text) {
            self.event(event);
        }
        self.out
    }

    fn event(&mut self, event: Event) {
        if let Some((_, alt)) = &mut self.image {
            match event {
                Event::End(TagEnd::Image) => self.image_end(),
                Event::Text(t) | Event::Code(t) => alt.push_str(&t),
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => escape(&mut self.out, &t),
            Event::Code(t) => {
                self.out.push_str("<code style=\"font-family:monospace;\">");
                escape(&mut self.out, &t);
                self.out.push_str("</code>");
            }
            Event::SoftBreak | Event::HardBreak => self.out.push_str("<br>\n"),
            Event::Rule => self
                .out
                .push_str("<hr style=\"border:0;border-top:1px solid #cccccc;margin:16px 0;\">\n"),
            Event::TaskListMarker(done) => self.out.push_str(if done { "☑ " } else { "☐ " }),
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag) {
        let open = match tag {
            Tag::Paragraph => P.to_string(),
            Tag::Heading { level, .. } => heading(level),
            Tag::BlockQuote(_) => "<blockquote style=\"margin:0 0 16px 0;padding:0 0 0 12px;\
                border-left:3px solid #cccccc;color:#555555;\">\n"
                .to_string(),
            Tag::CodeBlock(_) => "<pre style=\"font-family:monospace;white-space:pre-wrap;\
                margin:0 0 16px 0;\">"
                .to_string(),
            Tag::List(Some(1)) => "<ol style=\"margin:0 0 16px 0;padding-left:24px;\">\n".into(),
            Tag::List(Some(n)) => {
                format!("<ol start=\"{n}\" style=\"margin:0 0 16px 0;padding-left:24px;\">\n")
            }
            Tag::List(None) => "<ul style=\"margin:0 0 16px 0;padding-left:24px;\">\n".into(),
            Tag::Item => "<li>".into(),
            Tag::Table(align) => {
                self.table = align;
                "<table style=\"border-collapse:collapse;margin:0 0 16px 0;\">\n".into()
            }
            Tag::TableHead => {
                self.head = true;
                self.column = 0;
                "<tr>".into()
            }
            Tag::TableRow => {
                self.column = 0;
                "<tr>".into()
            }
            Tag::TableCell => self.cell(),
            Tag::Emphasis => "<em>".into(),
            Tag::Strong => "<strong>".into(),
            Tag::Strikethrough => "<s>".into(),
            Tag::Link { dest_url, .. } => self.link(&dest_url),
            Tag::Image { dest_url, .. } => {
                self.image = Some((dest_url.to_string(), String::new()));
                String::new()
            }
            _ => String::new(),
        };
        self.out.push_str(&open);
    }

    fn end(&mut self, tag: TagEnd) {
        let close = match tag {
            TagEnd::Paragraph => "</p>\n",
            TagEnd::Heading(level) => match level {
                HeadingLevel::H1 => "</h1>\n",
                HeadingLevel::H2 => "</h2>\n",
                _ => "</h3>\n",
            },
            TagEnd::BlockQuote(_) => "</blockquote>\n",
            TagEnd::CodeBlock => "</pre>\n",
            TagEnd::List(true) => "</ol>\n",
            TagEnd::List(false) => "</ul>\n",
            TagEnd::Item => "</li>\n",
            TagEnd::Table => "</table>\n",
            TagEnd::TableHead => {
                self.head = false;
                "</tr>\n"
            }
            TagEnd::TableRow => "</tr>\n",
            TagEnd::TableCell if self.head => "</th>",
            TagEnd::TableCell => "</td>",
            TagEnd::Emphasis => "</em>",
            TagEnd::Strong => "</strong>",
            TagEnd::Strikethrough => "</s>",
            TagEnd::Link if self.plain_links.pop() == Some(true) => "",
            TagEnd::Link => "</a>",
            _ => "",
        };
        self.out.push_str(close);
    }

    /// A table's cell, bordered and aligned as its column says.
    fn cell(&mut self) -> String {
        let align = match self.table.get(self.column) {
            Some(Alignment::Right) => "right",
            Some(Alignment::Center) => "center",
            _ => "left",
        };
        self.column += 1;
        let (tag, weight) = if self.head {
            ("th", "bold")
        } else {
            ("td", "normal")
        };
        format!(
            "<{tag} style=\"border:1px solid #cccccc;padding:4px 8px;text-align:{align};\
             font-weight:{weight};\">"
        )
    }

    /// `<a href>` for the web, mail and phone; any other address is only its words.
    fn link(&mut self, dest: &CowStr) -> String {
        let web = followable(dest);
        self.plain_links.push(!web);
        if !web {
            return String::new();
        }
        let mut href = String::new();
        escape(&mut href, dest);
        format!("<a href=\"{href}\" {A}>")
    }

    /// A local image by its `Content-ID`; one from the internet is never fetched: its words.
    fn image_end(&mut self) {
        let Some((dest, alt)) = self.image.take() else {
            return;
        };
        let cid = is_local(&dest).then(|| (self.cid)(&dest)).flatten();
        match cid {
            Some(cid) => {
                let mut alt_attr = String::new();
                escape(&mut alt_attr, &alt);
                self.out.push_str(&format!(
                    "<img src=\"cid:{cid}\" alt=\"{alt_attr}\" \
                     style=\"max-width:100%;height:auto;border:0;\">"
                ));
            }
            None => escape(&mut self.out, &alt),
        }
    }
}

fn heading(level: HeadingLevel) -> String {
    let (tag, size) = match level {
        HeadingLevel::H1 => ("h1", 24),
        HeadingLevel::H2 => ("h2", 20),
        _ => ("h3", 17),
    };
    format!("<{tag} style=\"margin:0 0 12px 0;font-size:{size}px;font-weight:bold;\">")
}

/// Text as HTML shows it: `<`, `>`, `&` and quotes escaped.
fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LETTER: &str = "Hola **Ana**,\n\
        gracias por *este año*. Mira [nuestra web](https://ferreteria.example) o \
        <https://ferreteria.example/horario>.\n\n\
        - primero\n- segundo\n\n\
        1. uno\n2. dos\n\n\
        > una cita\n\n\
        Nota: <script>alert(1)</script> y `código`\n\n\
        -- \n\
        Pedro García\n\
        ![Ferretería García](logo.png)\n";

    #[test]
    fn the_plain_part_has_no_markup() {
        let plain = to_plain(LETTER);
        assert_eq!(
            plain,
            "Hola Ana,\ngracias por este año. Mira nuestra web (https://ferreteria.example) o \
             https://ferreteria.example/horario.\n\n- primero\n- segundo\n\n1. uno\n2. dos\n\n\
             > una cita\n\nNota: <script>alert(1)</script> y código\n\n-- \nPedro García\n"
        );
    }

    #[test]
    fn the_html_part_is_styled_escaped_and_shows_local_images_by_content_id() {
        let cid = |d: &str| (d == "logo.png").then(|| "logo@x".to_string());
        let html = to_html(LETTER, &cid);
        assert!(html.contains("charset=utf-8"));
        assert!(html.contains("<strong>Ana</strong>"));
        assert!(html.contains("<br>\ngracias"));
        assert!(html.contains("href=\"https://ferreteria.example\""));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(!html.contains("<script"));
        assert!(!html.contains("<style"));
        assert!(html.contains("<img src=\"cid:logo@x\" alt=\"Ferretería García\""));
        assert!(!html.contains("-- "));
        let remote = to_html(
            "![x](https://tracker.example/p.gif) y [a](javascript:x)",
            &cid,
        );
        assert!(!remote.contains("<img"), "{remote}");
        assert!(!remote.contains("javascript"), "{remote}");
        let plain =
            to_plain("[a](javascript:alert(1)) y [b](file:///etc/passwd) y [c](https://c.example)");
        assert_eq!(plain, "a y b y c (https://c.example)\n");
        assert_eq!(images(LETTER), ["logo.png"]);
    }

    #[test]
    fn a_signature_is_below_the_last_dash_dash_line() {
        assert_eq!(split_signature("a\n-- \nb\n"), ("a\n", Some("b\n")));
        assert_eq!(split_signature("a\n--\nb\n"), ("a\n", Some("b\n")));
        assert_eq!(split_signature("a\n--- \nb\n"), ("a\n--- \nb\n", None));
    }

    #[test]
    fn tables_and_nested_lists_read_well_in_both_parts() {
        let text = "- uno\n  - uno y medio\n- dos\n\n| Producto | Precio |\n|---|---:|\n\
                    | Tornillos | 3,50 € |\n| Martillo grande | 12 € |\n\n> - en cita\n>   - dentro\n";
        assert_eq!(
            to_plain(text),
            "- uno\n  - uno y medio\n- dos\n\n\
             Producto          Precio\n---------------   ------\n\
             Tornillos         3,50 €\nMartillo grande     12 €\n\n\
             > - en cita\n>   - dentro\n"
        );
        let html = to_html(text, &|_| None);
        assert!(html.contains("<table style="), "{html}");
        assert!(
            html.contains("text-align:right;font-weight:bold;\">Precio</th>"),
            "{html}"
        );
        assert!(html.contains("text-align:left;font-weight:normal;\">Tornillos</td>"));
        // A client's words never make a table: their `|` are escaped.
        let note = escaped("a | b\n---|---\nc | d");
        assert!(!to_html(&note, &|_| None).contains("<table"));
    }

    proptest::proptest! {
        /// Any mix of Markdown's marks, tables and lists among them, renders in both parts
        /// without a panic, and the plain part holds no HTML of ours.
        #[test]
        fn any_markdown_renders_in_both_parts(pieces in proptest::collection::vec(
            proptest::sample::select(vec![
                "| a | b |\n", "|---|:-:|\n", "| c |\n", "- ", "  - ", "1. ", "> ", "**", "*",
                "[x](https://x.example)", "![i](logo.png)", "`", "```\n", "\n", "\n\n", "é ",
                "palabra ", "|", "-- \n", "# ", "<b>", "&amp;", "\\",
            ]),
            0..40,
        )) {
            let text: String = pieces.concat();
            let plain = to_plain(&text);
            let _ = to_html(&text, &|d| (d == "logo.png").then(|| "l@x".to_string()));
            proptest::prop_assert!(!plain.contains("<td") && !plain.contains("<li"));
        }
    }

    #[test]
    fn a_clients_words_that_begin_like_a_list_stay_words() {
        for note in [
            "- la feria\n+ el café",
            "1. primero\n2) segundo",
            "Hola\n===",
            "-5 grados",
        ] {
            let text = format!("Querida Ana:\n\n{}\n", escaped(note));
            let html = to_html(&text, &|_| None);
            assert!(
                !html.contains("<li") && !html.contains("<h1") && !html.contains("<ol"),
                "{note}: {html}"
            );
            assert!(
                to_plain(&text).contains(note),
                "{note}: {}",
                to_plain(&text)
            );
        }
    }
}
