//! Cleaned portal HTML (the ammonia tag set of `ankommen-web`'s `portal::sanitize`) turned
//! into a small block/inline tree that the typst template walks as data. Text never becomes
//! typst markup, so nothing in a page can inject typst code.
//!
//! html5ever's tokenizer does the HTML lexing (entities included); the tree is rebuilt here
//! with a simple stack, which is enough for ammonia's well-formed output and forgiving for
//! anything else (stray end tags are ignored, unclosed elements end with their parent).

mod bidi;
mod dom;
mod flatten;
mod model;
mod plain;
#[cfg(test)]
mod tests;
mod tidy;

pub use model::{Block, Inline};
pub use plain::plain_text;

use bidi::{mark_block, mark_ltr};
use dom::parse;
use flatten::blocks_of;
use model::is_empty_block;

/// Nesting deeper than this is flattened to text (a guard against hostile input; typst
/// itself has a call-depth limit we must stay far below).
const MAX_DEPTH: usize = 12;
/// Elements open at once while parsing; deeper start tags are ignored (their text stays),
/// so no recursion over the tree can run deep.
const MAX_OPEN: usize = 48;
/// Columns of a table at most.
const MAX_COLUMNS: usize = 24;

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
