//! A minimal DOM, built from html5ever's tokens with a simple stack.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

use super::MAX_OPEN;

#[derive(Debug, Default)]
pub(super) struct Element {
    pub(super) name: String,
    pub(super) attrs: Vec<(String, String)>,
    pub(super) children: Vec<Node>,
}

impl Element {
    pub(super) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Debug)]
pub(super) enum Node {
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

pub(super) fn parse(html: &str) -> Element {
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
