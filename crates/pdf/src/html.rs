//! Cleaned portal HTML (the ammonia tag set of `ankommen-web`'s `portal::sanitize`) turned
//! into a small block/inline tree that the typst template walks as data. Text never becomes
//! typst markup, so nothing in a page can inject typst code.
//!
//! html5ever's tokenizer does the HTML lexing (entities included); the tree is rebuilt here
//! with a simple stack, which is enough for ammonia's well-formed output and forgiving for
//! anything else (stray end tags are ignored, unclosed elements end with their parent).

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use serde::Serialize;

/// Nesting deeper than this is flattened to text (a guard against hostile input; typst
/// itself has a call-depth limit we must stay far below).
const MAX_DEPTH: usize = 12;
/// Elements open at once while parsing; deeper start tags are ignored (their text stays),
/// so no recursion over the tree can run deep.
const MAX_OPEN: usize = 48;
/// Columns of a table at most.
const MAX_COLUMNS: usize = 24;

/// A block of a page's content.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "k", rename_all = "lowercase")]
pub enum Block {
    /// A paragraph.
    P {
        c: Vec<Inline>,
    },
    /// A heading inside the content (`level` 1–6 as in HTML).
    H {
        level: u8,
        c: Vec<Inline>,
    },
    /// A bulleted (`ol: false`) or numbered list; each item is a list of blocks.
    List {
        ol: bool,
        items: Vec<Vec<Block>>,
    },
    /// A table, row by row; `cols` is the number of columns the widest row needs.
    Table {
        cols: usize,
        rows: Vec<Vec<Cell>>,
    },
    Quote {
        c: Vec<Block>,
    },
    Rule,
}

/// A table cell.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    /// A header cell (`th`).
    pub h: bool,
    pub colspan: usize,
    pub rowspan: usize,
    pub c: Vec<Block>,
}

/// Running text.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "k", rename_all = "lowercase")]
pub enum Inline {
    /// Plain text, whitespace already collapsed.
    T { s: String },
    /// A left-to-right run (Latin words, numbers, addresses) inside right-to-left text: set
    /// as an embedding, so "0541 501-4000" is not reordered by the bidi algorithm.
    L { s: String },
    /// Bold.
    B { c: Vec<Inline> },
    /// Italic.
    I { c: Vec<Inline> },
    /// Underlined.
    U { c: Vec<Inline> },
    /// A link: its text, then the target in brackets when it says something the text does
    /// not. `url` is set only for targets a PDF viewer may open (http(s), mailto, tel).
    A {
        c: Vec<Inline>,
        url: Option<String>,
        shown: Option<String>,
    },
    /// A forced line break.
    Br,
    /// An image, which the PDF shows as its alternative text.
    Img { alt: String },
}

/// The content blocks of `html`; with `rtl`, left-to-right runs are marked.
pub fn blocks(html: &str, rtl: bool) -> Vec<Block> {
    let root = parse(html);
    let mut out = blocks_of(&root.children, 0);
    out.retain(|b| !is_empty_block(b));
    if rtl {
        out.iter_mut().for_each(mark_block);
    }
    out
}

/// `text` as inline runs; with `rtl`, left-to-right runs are marked.
pub fn text_runs(text: &str, rtl: bool) -> Vec<Inline> {
    let run = vec![Inline::T { s: text.to_owned() }];
    if rtl { mark_ltr(run) } else { run }
}

fn mark_block(b: &mut Block) {
    match b {
        Block::P { c } | Block::H { c, .. } => *c = mark_ltr(std::mem::take(c)),
        Block::List { items, .. } => items.iter_mut().flatten().for_each(mark_block),
        Block::Table { rows, .. } => rows
            .iter_mut()
            .flatten()
            .flat_map(|cell| cell.c.iter_mut())
            .for_each(mark_block),
        Block::Quote { c } => c.iter_mut().for_each(mark_block),
        Block::Rule => {}
    }
}

/// Characters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko, …).
fn is_rtl_char(c: char) -> bool {
    matches!(u32::from(c), 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
}

/// Strongly left-to-right for our purpose: letters of other scripts and European digits.
fn is_ltr_char(c: char) -> bool {
    c.is_ascii_digit() || (c.is_alphabetic() && !is_rtl_char(c))
}

/// Splits text runs into right-to-left text and left-to-right runs. A run starts at a
/// left-to-right character and ends at the last one before right-to-left text, so
/// neutral characters at its edges (brackets, spaces, full stops) follow the paragraph.
fn mark_ltr(run: Vec<Inline>) -> Vec<Inline> {
    let mut out = Vec::with_capacity(run.len());
    for i in run {
        match i {
            Inline::T { s } => {
                let mut rest = s.as_str();
                while let Some(start) = rest.find(is_ltr_char) {
                    let mut end = start;
                    for (j, c) in rest[start..].char_indices() {
                        if is_rtl_char(c) {
                            break;
                        }
                        if is_ltr_char(c) {
                            end = start + j + c.len_utf8();
                        }
                    }
                    // Brackets right around the run join it: they look the same either
                    // way, but text extraction then finds them on the right side.
                    let (mut start, mut end) = (start, end);
                    for (open, close) in [('(', ')'), ('[', ']')] {
                        if rest[..start].ends_with(open) && rest[end..].starts_with(close) {
                            start -= open.len_utf8();
                            end += close.len_utf8();
                            break;
                        }
                    }
                    if start > 0 {
                        out.push(Inline::T {
                            s: rest[..start].to_owned(),
                        });
                    }
                    out.push(Inline::L {
                        s: rest[start..end].to_owned(),
                    });
                    rest = &rest[end..];
                }
                if !rest.is_empty() {
                    out.push(Inline::T { s: rest.to_owned() });
                }
            }
            Inline::B { c } => out.push(Inline::B { c: mark_ltr(c) }),
            Inline::I { c } => out.push(Inline::I { c: mark_ltr(c) }),
            Inline::U { c } => out.push(Inline::U { c: mark_ltr(c) }),
            Inline::A { c, url, shown } => out.push(Inline::A {
                c: mark_ltr(c),
                url,
                shown,
            }),
            other => out.push(other),
        }
    }
    out
}

/// The plain text of `html` (what `pdftotext` should find), whitespace collapsed.
pub fn plain_text(html: &str) -> String {
    fn walk(n: &Node, out: &mut String) {
        match n {
            Node::Text(s) => out.push_str(s),
            Node::Element(e) => {
                out.push(' ');
                for c in &e.children {
                    walk(c, out);
                }
                out.push(' ');
            }
        }
    }
    let mut out = String::new();
    for c in &parse(html).children {
        walk(c, &mut out);
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---- a minimal DOM --------------------------------------------------------------------

#[derive(Debug, Default)]
struct Element {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
}

impl Element {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Debug)]
enum Node {
    Text(String),
    Element(Element),
}

/// Elements without content.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "br" | "hr"
            | "img"
            | "wbr"
            | "area"
            | "base"
            | "col"
            | "embed"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
    )
}

#[derive(Default)]
struct Sink {
    stack: RefCell<Vec<Element>>,
}

impl Sink {
    fn close_top(stack: &mut Vec<Element>) {
        if stack.len() > 1
            && let Some(done) = stack.pop()
            && let Some(parent) = stack.last_mut()
        {
            parent.children.push(Node::Element(done));
        }
    }
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut stack = self.stack.borrow_mut();
        match token {
            Token::CharacterTokens(t) => {
                if let Some(top) = stack.last_mut() {
                    match top.children.last_mut() {
                        Some(Node::Text(s)) => s.push_str(&t),
                        _ => top.children.push(Node::Text(t.to_string())),
                    }
                }
            }
            Token::TagToken(tag) => {
                let name = tag.name.to_string();
                match tag.kind {
                    TagKind::StartTag => {
                        let el = Element {
                            attrs: tag
                                .attrs
                                .iter()
                                .map(|a| (a.name.local.to_string(), a.value.to_string()))
                                .collect(),
                            name,
                            children: vec![],
                        };
                        if is_void(&el.name) || tag.self_closing {
                            if let Some(top) = stack.last_mut() {
                                top.children.push(Node::Element(el));
                            }
                        } else if stack.len() < MAX_OPEN {
                            stack.push(el);
                        }
                    }
                    TagKind::EndTag => {
                        // Close up to the matching open element; a stray end tag is ignored.
                        if let Some(pos) = stack.iter().rposition(|e| e.name == name)
                            && pos > 0
                        {
                            while stack.len() > pos {
                                Self::close_top(&mut stack);
                            }
                        }
                    }
                }
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

fn parse(html: &str) -> Element {
    let sink = Sink::default();
    sink.stack.borrow_mut().push(Element::default());
    let tok = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    // Without a tree builder the tokenizer never pauses for scripts, so one feed reads all.
    let _ = tok.feed(&input);
    tok.end();
    let mut stack = tok.sink.stack.take();
    while stack.len() > 1 {
        Sink::close_top(&mut stack);
    }
    stack.pop().unwrap_or_default()
}

// ---- DOM → blocks ---------------------------------------------------------------------

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "blockquote"
            | "hr"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "main"
            | "aside"
            | "nav"
            | "figure"
            | "figcaption"
            | "dl"
            | "dt"
            | "dd"
            | "pre"
            | "address"
    )
}

/// Does this node hold a block anywhere inside?
fn has_block(n: &Node) -> bool {
    match n {
        Node::Text(_) => false,
        Node::Element(e) => is_block(&e.name) || e.children.iter().any(has_block),
    }
}

/// Content dropped entirely (ammonia removes these already; a second guard costs nothing).
fn is_hidden(name: &str) -> bool {
    matches!(name, "script" | "style" | "template" | "head" | "title")
}

fn blocks_of(nodes: &[Node], depth: usize) -> Vec<Block> {
    let mut out = Vec::new();
    let mut run: Vec<Inline> = Vec::new();
    let flush = |run: &mut Vec<Inline>, out: &mut Vec<Block>| {
        let c = tidy(std::mem::take(run));
        if !c.is_empty() {
            out.push(Block::P { c });
        }
    };
    for n in nodes {
        let Node::Element(e) = n else {
            run.extend(inlines_of(std::slice::from_ref(n), depth));
            continue;
        };
        if is_hidden(&e.name) {
            continue;
        }
        if depth >= MAX_DEPTH {
            run.push(Inline::T {
                s: format!(" {} ", plain_text_of(n)),
            });
            continue;
        }
        let d = depth + 1;
        match e.name.as_str() {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                flush(&mut run, &mut out);
                let level = e.name[1..].parse().unwrap_or(2);
                let c = tidy(inlines_of(&e.children, d));
                if !c.is_empty() {
                    out.push(Block::H { level, c });
                }
            }
            "p" => {
                flush(&mut run, &mut out);
                // A `p` may (in sloppy imports) hold blocks; those are kept as blocks.
                out.extend(blocks_of(&e.children, d));
            }
            "ul" | "ol" => {
                flush(&mut run, &mut out);
                let items = list_items(e, d);
                if !items.is_empty() {
                    out.push(Block::List {
                        ol: e.name == "ol",
                        items,
                    });
                }
            }
            "table" => {
                flush(&mut run, &mut out);
                if let Some(t) = table(e, d) {
                    out.push(t);
                }
            }
            "blockquote" => {
                flush(&mut run, &mut out);
                let c = blocks_of(&e.children, d);
                if !c.is_empty() {
                    out.push(Block::Quote { c });
                }
            }
            "hr" => {
                flush(&mut run, &mut out);
                out.push(Block::Rule);
            }
            name if is_block(name) || has_block(n) => {
                flush(&mut run, &mut out);
                out.extend(blocks_of(&e.children, d));
            }
            _ => run.extend(inlines_of(std::slice::from_ref(n), depth)),
        }
    }
    flush(&mut run, &mut out);
    out
}

fn list_items(list: &Element, depth: usize) -> Vec<Vec<Block>> {
    let mut items = Vec::new();
    let mut loose = Vec::new();
    for n in &list.children {
        match n {
            Node::Element(li) if li.name == "li" => {
                if !loose.is_empty() {
                    items.push(blocks_of(&std::mem::take(&mut loose), depth));
                }
                items.push(blocks_of(&li.children, depth + 1));
            }
            // Whitespace between items is no item; other stray content becomes one.
            Node::Text(s) if s.trim().is_empty() => {}
            Node::Text(s) => loose.push(Node::Text(s.clone())),
            Node::Element(other) => loose.push(Node::Element(Element {
                name: other.name.clone(),
                attrs: other.attrs.clone(),
                children: clone_nodes(&other.children),
            })),
        }
    }
    if !loose.is_empty() {
        items.push(blocks_of(&loose, depth));
    }
    items
}

fn clone_nodes(nodes: &[Node]) -> Vec<Node> {
    nodes
        .iter()
        .map(|n| match n {
            Node::Text(s) => Node::Text(s.clone()),
            Node::Element(e) => Node::Element(Element {
                name: e.name.clone(),
                attrs: e.attrs.clone(),
                children: clone_nodes(&e.children),
            }),
        })
        .collect()
}

fn table(t: &Element, depth: usize) -> Option<Block> {
    fn rows_in<'a>(e: &'a Element, out: &mut Vec<&'a Element>) {
        for n in &e.children {
            if let Node::Element(c) = n {
                match c.name.as_str() {
                    "tr" => out.push(c),
                    "thead" | "tbody" | "tfoot" => rows_in(c, out),
                    _ => {}
                }
            }
        }
    }
    let mut trs = Vec::new();
    rows_in(t, &mut trs);
    let span = |cell: &Element, name: &str| -> usize {
        cell.attr(name)
            .and_then(|v| v.trim().parse::<usize>().ok())
            .unwrap_or(1)
            .clamp(1, MAX_COLUMNS)
    };
    let mut rows: Vec<Vec<Cell>> = trs
        .iter()
        .map(|tr| {
            tr.children
                .iter()
                .filter_map(|n| match n {
                    Node::Element(c) if c.name == "td" || c.name == "th" => Some(Cell {
                        h: c.name == "th",
                        colspan: span(c, "colspan"),
                        rowspan: span(c, "rowspan"),
                        c: blocks_of(&c.children, depth + 1),
                    }),
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
        .filter(|r| !r.is_empty())
        .collect();
    let cols = rows
        .iter()
        .map(|r| r.iter().map(|c| c.colspan).sum::<usize>())
        .max()?
        .clamp(1, MAX_COLUMNS);
    let n_rows = rows.len();
    for (i, row) in rows.iter_mut().enumerate() {
        // typst refuses a cell wider than the table or longer than the rows left; HTML
        // browsers clip such spans, and so do we.
        row.truncate(MAX_COLUMNS);
        for cell in row.iter_mut() {
            cell.colspan = cell.colspan.min(cols);
            cell.rowspan = cell.rowspan.min(n_rows - i);
        }
    }
    Some(Block::Table { cols, rows })
}

fn inlines_of(nodes: &[Node], depth: usize) -> Vec<Inline> {
    let mut out = Vec::new();
    for n in nodes {
        match n {
            Node::Text(s) => out.push(Inline::T { s: s.clone() }),
            Node::Element(e) if is_hidden(&e.name) => {}
            Node::Element(e) if depth >= MAX_DEPTH => out.push(Inline::T {
                s: plain_text_of(&Node::Element(Element {
                    name: e.name.clone(),
                    attrs: vec![],
                    children: clone_nodes(&e.children),
                })),
            }),
            Node::Element(e) => {
                let c = || inlines_of(&e.children, depth + 1);
                match e.name.as_str() {
                    "strong" | "b" => out.push(Inline::B { c: c() }),
                    "em" | "i" => out.push(Inline::I { c: c() }),
                    "u" => out.push(Inline::U { c: c() }),
                    "br" => out.push(Inline::Br),
                    "img" => {
                        let alt = e.attr("alt").unwrap_or("").trim().to_owned();
                        if !alt.is_empty() {
                            out.push(Inline::Img { alt });
                        }
                    }
                    "a" => out.push(link(e, c())),
                    // Block elements met inside running text (e.g. a `div` in a `span`)
                    // keep their words apart.
                    name if is_block(name) => {
                        out.push(Inline::T { s: " ".into() });
                        out.extend(c());
                        out.push(Inline::T { s: " ".into() });
                    }
                    _ => out.extend(c()),
                }
            }
        }
    }
    out
}

fn link(a: &Element, c: Vec<Inline>) -> Inline {
    let href = a.attr("href").map(str::trim).unwrap_or("");
    let lower = href.to_ascii_lowercase();
    let openable = ["https://", "http://", "mailto:", "tel:"]
        .iter()
        .any(|s| lower.starts_with(s))
        && href.len() > lower.find(':').map_or(0, |i| i + 1);
    let url = openable.then(|| href.to_owned());
    // What the reader sees of the target: no scheme for mail and phone.
    let shown = if lower.starts_with("mailto:") || lower.starts_with("tel:") {
        href.split_once(':').map_or(href, |(_, rest)| rest)
    } else {
        href
    };
    let text = inline_text(&c);
    let same = |a: &str, b: &str| {
        let norm = |s: &str| {
            s.trim()
                .trim_end_matches('/')
                .trim_start_matches("https://")
                .trim_start_matches("http://")
                .to_owned()
        };
        norm(a) == norm(b)
    };
    let shown = (!shown.is_empty() && !same(&text, shown)).then(|| shown.to_owned());
    Inline::A { c, url, shown }
}

fn inline_text(c: &[Inline]) -> String {
    let mut out = String::new();
    for i in c {
        match i {
            Inline::T { s } | Inline::L { s } => out.push_str(s),
            Inline::B { c } | Inline::I { c } | Inline::U { c } | Inline::A { c, .. } => {
                out.push_str(&inline_text(c))
            }
            Inline::Br => out.push(' '),
            Inline::Img { alt } => out.push_str(alt),
        }
    }
    out
}

fn plain_text_of(n: &Node) -> String {
    fn walk(n: &Node, out: &mut String) {
        match n {
            Node::Text(s) => out.push_str(s),
            Node::Element(e) => {
                out.push(' ');
                for c in &e.children {
                    walk(c, out);
                }
            }
        }
    }
    let mut s = String::new();
    walk(n, &mut s);
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// HTML white space (not the no-break space) collapses to one space; a paragraph neither
/// starts nor ends with one; empty formatting disappears.
fn tidy(run: Vec<Inline>) -> Vec<Inline> {
    fn collapse(run: Vec<Inline>, space_before: &mut bool) -> Vec<Inline> {
        let mut out = Vec::with_capacity(run.len());
        for i in run {
            match i {
                Inline::T { s } => {
                    let mut t = String::with_capacity(s.len());
                    for ch in s.chars() {
                        if matches!(ch, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
                            if !*space_before {
                                t.push(' ');
                                *space_before = true;
                            }
                        } else {
                            t.push(ch);
                            *space_before = false;
                        }
                    }
                    if !t.is_empty() {
                        out.push(Inline::T { s: t });
                    }
                }
                Inline::B { c } => {
                    push_nonempty(&mut out, collapse(c, space_before), |c| Inline::B { c })
                }
                Inline::I { c } => {
                    push_nonempty(&mut out, collapse(c, space_before), |c| Inline::I { c })
                }
                Inline::U { c } => {
                    push_nonempty(&mut out, collapse(c, space_before), |c| Inline::U { c })
                }
                Inline::A { c, url, shown } => {
                    let c = collapse(c, space_before);
                    if !c.is_empty() || shown.is_some() {
                        *space_before = false;
                        out.push(Inline::A { c, url, shown });
                    }
                }
                Inline::Br => {
                    out.push(Inline::Br);
                    *space_before = true;
                }
                Inline::Img { alt } => {
                    out.push(Inline::Img { alt });
                    *space_before = false;
                }
                Inline::L { s } => {
                    *space_before = s.ends_with(' ');
                    out.push(Inline::L { s });
                }
            }
        }
        out
    }
    fn push_nonempty(out: &mut Vec<Inline>, c: Vec<Inline>, wrap: impl Fn(Vec<Inline>) -> Inline) {
        if !c.is_empty() {
            out.push(wrap(c));
        }
    }
    /// Drop a trailing space (looking into the last nested element).
    fn trim_end(run: &mut Vec<Inline>) {
        while let Some(last) = run.last_mut() {
            match last {
                Inline::T { s } => {
                    let t = s.trim_end_matches(' ').len();
                    s.truncate(t);
                    if s.is_empty() {
                        run.pop();
                        continue;
                    }
                }
                Inline::B { c } | Inline::I { c } | Inline::U { c } => {
                    trim_end(c);
                    if c.is_empty() {
                        run.pop();
                        continue;
                    }
                }
                Inline::Br => {
                    run.pop();
                    continue;
                }
                Inline::A { .. } | Inline::Img { .. } | Inline::L { .. } => {}
            }
            break;
        }
    }
    let mut space_before = true;
    let mut out = collapse(run, &mut space_before);
    trim_end(&mut out);
    out
}

fn is_empty_block(b: &Block) -> bool {
    match b {
        Block::P { c } | Block::H { c, .. } => c.is_empty(),
        Block::List { items, .. } => items.is_empty(),
        Block::Quote { c } => c.is_empty(),
        Block::Table { rows, .. } => rows.is_empty(),
        Block::Rule => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Inline {
        Inline::T { s: s.into() }
    }

    fn blocks(html: &str) -> Vec<Block> {
        super::blocks(html, false)
    }

    #[test]
    fn latin_runs_and_numbers_in_rtl_text_are_marked() {
        let l = |s: &str| Inline::L { s: s.into() };
        assert_eq!(
            text_runs("تلفن: 0541 501-4000 و (Landkreis Osnabrück).", true),
            vec![
                t("تلفن: "),
                l("0541 501-4000"),
                t(" و "),
                l("(Landkreis Osnabrück)"),
                t("."),
            ]
        );
        assert_eq!(
            text_runs("Am Schölerberg 1", false),
            vec![t("Am Schölerberg 1")]
        );
        let b = super::blocks("<p>دفتر <strong>Bürgerbüro</strong></p>", true);
        assert_eq!(
            b,
            vec![Block::P {
                c: vec![
                    t("دفتر "),
                    Inline::B {
                        c: vec![l("Bürgerbüro")]
                    }
                ]
            }]
        );
    }

    #[test]
    fn paragraphs_collapse_white_space_and_decode_entities() {
        assert_eq!(
            blocks("<p>  Tom &amp;\n Jerry&nbsp;&lt;3 &#39;x&#39; &#x41;&quot; </p>"),
            vec![Block::P {
                c: vec![t("Tom & Jerry\u{a0}<3 'x' A\"")]
            }]
        );
    }

    #[test]
    fn formatting_and_links_nest() {
        let b = blocks(
            r#"<p>Ruf <strong>an: <a href="tel:+495415010">0541 501-0</a></strong> oder <a href="https://www.bamf.de/">www.bamf.de</a></p>"#,
        );
        assert_eq!(
            b,
            vec![Block::P {
                c: vec![
                    t("Ruf "),
                    Inline::B {
                        c: vec![
                            t("an: "),
                            Inline::A {
                                c: vec![t("0541 501-0")],
                                url: Some("tel:+495415010".into()),
                                shown: Some("+495415010".into()),
                            }
                        ]
                    },
                    t(" oder "),
                    Inline::A {
                        c: vec![t("www.bamf.de")],
                        url: Some("https://www.bamf.de/".into()),
                        shown: None,
                    }
                ]
            }]
        );
    }

    #[test]
    fn nested_lists_keep_their_structure() {
        let b = blocks("<ul><li>eins<ul><li>eins.a</li></ul></li><li>zwei</li></ul>");
        assert_eq!(
            b,
            vec![Block::List {
                ol: false,
                items: vec![
                    vec![
                        Block::P { c: vec![t("eins")] },
                        Block::List {
                            ol: false,
                            items: vec![vec![Block::P {
                                c: vec![t("eins.a")]
                            }]]
                        }
                    ],
                    vec![Block::P { c: vec![t("zwei")] }],
                ]
            }]
        );
    }

    #[test]
    fn tables_spans_are_clipped_to_the_table() {
        let b = blocks(
            r#"<table><thead><tr><th colspan="99">Zeiten</th></tr></thead><tbody><tr><td rowspan="7">Mo</td><td>9–12</td></tr></tbody></table>"#,
        );
        let Block::Table { cols, rows } = &b[0] else {
            panic!("{b:?}")
        };
        assert_eq!(*cols, MAX_COLUMNS);
        assert_eq!(rows[0][0].colspan, MAX_COLUMNS);
        assert_eq!(rows[1][0].rowspan, 1);
        assert!(rows[0][0].h);
    }

    #[test]
    fn text_outside_paragraphs_and_unknown_tags_become_text() {
        let b = blocks("Hallo <span>Welt</span><div><custom>innen</custom></div>");
        assert_eq!(
            b,
            vec![
                Block::P {
                    c: vec![t("Hallo "), t("Welt")]
                },
                Block::P {
                    c: vec![t("innen")]
                },
            ]
        );
    }

    #[test]
    fn stray_and_missing_end_tags_do_not_lose_text() {
        let b = blocks("</b><p>eins<p>zwei</em></p>drei");
        assert_eq!(plain(&b), "eins zwei drei");
    }

    #[test]
    fn deep_nesting_is_flattened_not_overflowing() {
        let html = "<blockquote>".repeat(5000) + "tief" + &"</blockquote>".repeat(5000);
        let b = blocks(&html);
        assert_eq!(plain(&b), "tief");
        let html = "<b>".repeat(5000) + "fett";
        assert_eq!(plain(&blocks(&html)), "fett");
    }

    #[test]
    fn plain_text_collapses() {
        assert_eq!(plain_text("<p>a &amp; b</p><p>c</p>"), "a & b c");
    }

    fn plain(b: &[Block]) -> String {
        let s = serde_json::to_string(b).unwrap_or_default();
        let v: serde_json::Value = serde_json::from_str(&s).unwrap_or_default();
        fn walk(v: &serde_json::Value, out: &mut String) {
            match v {
                serde_json::Value::Object(m) => {
                    if let Some(serde_json::Value::String(s)) = m.get("s") {
                        out.push_str(s);
                        out.push(' ');
                    }
                    for (_, x) in m {
                        walk(x, out);
                    }
                }
                serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
                _ => {}
            }
        }
        let mut out = String::new();
        walk(&v, &mut out);
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}
