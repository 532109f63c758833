//! Right-to-left text: left-to-right runs (Latin words, numbers, addresses) are marked so
//! the bidi algorithm does not reorder them.

use super::model::{Block, Inline};

pub(super) fn mark_block(b: &mut Block) {
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
pub(super) fn mark_ltr(run: Vec<Inline>) -> Vec<Inline> {
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
