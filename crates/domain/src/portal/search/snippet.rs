//! The excerpt of a body shown under a search hit: about [`SNIPPET_CHARS`] characters around
//! the first match, cut between words where possible, never inside a character nor between
//! a letter and its combining marks, with `…` where text was left out. White space runs are
//! shown as one space.

use super::normalise::is_silent;

/// Target length of a snippet, in characters (without the `…`).
pub const SNIPPET_CHARS: usize = 160;
/// How many characters of context come before the match.
const LEAD: usize = 50;
/// How far a cut may move to reach a space.
const SLACK: usize = 25;
/// Most combining characters kept beyond the target length.
const MARKS_MAX: usize = 8;

/// The excerpt of `body` around the byte offset `focus` (the start of the first match; the
/// beginning of the body when there is none).
pub(super) fn snippet(body: &str, focus: Option<usize>) -> String {
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let n = chars.len();
    if n <= SNIPPET_CHARS {
        return squash(body);
    }
    let at = focus.map_or(0, |f| chars.partition_point(|&(b, _)| b < f));
    let mut start = at.saturating_sub(LEAD).min(n - SNIPPET_CHARS);
    if start > 0 {
        // Begin after a space shortly before; else at least not on a detached mark.
        let floor = start.saturating_sub(SLACK);
        match (floor..start).rev().find(|&i| chars[i].1.is_whitespace()) {
            Some(space) => start = space + 1,
            None => {
                while start < at && is_silent(chars[start].1) {
                    start += 1;
                }
            }
        }
    }
    let mut end = (start + SNIPPET_CHARS).min(n);
    if end < n {
        let floor = end.saturating_sub(SLACK).max(at + 1);
        match (floor..=end).rev().find(|&i| chars[i].1.is_whitespace()) {
            Some(space) => end = space,
            None => {
                // Keep a letter's combining marks (and a joiner's next character) with it.
                let most = (end + MARKS_MAX).min(n);
                while end < most && (is_silent(chars[end].1) || chars[end - 1].1 == '\u{200D}') {
                    end += 1;
                }
            }
        }
    }
    let from = chars.get(start).map_or(body.len(), |&(b, _)| b);
    let to = chars.get(end).map_or(body.len(), |&(b, _)| b);
    let text = squash(body.get(from..to).unwrap_or_default());
    let mut out = String::with_capacity(text.len() + 8);
    if start > 0 {
        out.push('…');
    }
    out.push_str(&text);
    if end < n {
        out.push('…');
    }
    out
}

/// `text` with white space runs as single spaces and none at the ends.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
