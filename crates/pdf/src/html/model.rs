//! The block/inline tree handed to the typst template, and its JSON shape (`k` names the
//! kind of each node).

use serde::Serialize;

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

pub(super) fn is_empty_block(b: &Block) -> bool {
    match b {
        Block::P { c } | Block::H { c, .. } => c.is_empty(),
        Block::List { items, .. } => items.is_empty(),
        Block::Quote { c } => c.is_empty(),
        Block::Table { rows, .. } => rows.is_empty(),
        Block::Rule => false,
    }
}
