//! DOM → blocks: block elements become blocks, everything else running text.

use super::dom::{Element, Node};
use super::model::{Block, Cell, Inline};
use super::plain::plain_text_of;
use super::tidy::tidy;
use super::{MAX_COLUMNS, MAX_DEPTH};

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

pub(super) fn blocks_of(nodes: &[Node], depth: usize) -> Vec<Block> {
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
