//! Plain text of the DOM, whitespace collapsed.

use super::dom::{Node, parse};

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

pub(super) fn plain_text_of(n: &Node) -> String {
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
