//! Portal languages: a code (`de`, `fa`, `pt-br`), its native name and text direction, and a
//! region's source-language tree (Integreat's `LanguageTreeNode`): German is the root and every
//! other language is translated from a parent, its *source language*.

use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::validate::{FieldError, required_text};

/// The language every region's content is written in first: the root of the tree.
pub const ROOT_LANGUAGE: &str = "de";

/// Primary language subtags written right to left.
const RTL: [&str; 6] = ["ar", "fa", "ps", "ckb", "he", "ur"];

crate::text_enum! {
    /// Text direction, as the API's `dir` field and HTML's `dir` attribute carry it.
    pub enum Dir ("text direction") {
        /// Left to right.
        Ltr = "ltr",
        /// Right to left (Arabic script, Hebrew).
        Rtl = "rtl",
    }
}

/// A language code: a primary subtag of 2–3 letters, optionally `-` and a 2-letter or
/// 3-digit region. Stored in lower case (`pt-br`), as Integreat's URL slugs are.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LanguageCode(String);

impl LanguageCode {
    /// Parses a code such as `de`, `ckb`, `pt-BR`, `es-419`; case is folded to lower case.
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let value = raw.trim().to_ascii_lowercase();
        let (primary, region) = match value.split_once('-') {
            Some((p, r)) => (p, Some(r)),
            None => (value.as_str(), None),
        };
        let primary_ok =
            matches!(primary.len(), 2 | 3) && primary.chars().all(|c| c.is_ascii_lowercase());
        let region_ok = region.is_none_or(|r| {
            (r.len() == 2 && r.chars().all(|c| c.is_ascii_lowercase()))
                || (r.len() == 3 && r.chars().all(|c| c.is_ascii_digit()))
        });
        if primary_ok && region_ok {
            Ok(Self(value))
        } else {
            Err(FieldError::new(
                "code",
                "invalid_language_code",
                format!(
                    "„{}“ is not a language code like de, ckb or pt-br",
                    raw.trim().chars().take(20).collect::<String>()
                ),
            ))
        }
    }

    /// The code as text (`pt-br`).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The primary language subtag (`pt` of `pt-br`).
    pub fn primary(&self) -> &str {
        self.0.split('-').next().unwrap_or(&self.0)
    }

    /// Right to left for ar, fa, ps, ckb, he and ur (with any region), else left to right.
    pub fn dir(&self) -> Dir {
        if RTL.contains(&self.primary()) {
            Dir::Rtl
        } else {
            Dir::Ltr
        }
    }
}

impl fmt::Display for LanguageCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A language the portal offers: code and the name speakers use for it (`فارسی`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    /// Language code.
    pub code: LanguageCode,
    /// Native name, 1–100 characters (Integreat's `native_name`).
    pub native_name: String,
}

impl Language {
    /// Validates code and native name, collecting both errors.
    pub fn new(code: &str, native_name: &str) -> Result<Self, Vec<FieldError>> {
        let code = LanguageCode::parse(code);
        let name = required_text("native_name", native_name, 100);
        match (code, name) {
            (Ok(code), Ok(native_name)) => Ok(Self { code, native_name }),
            (code, name) => Err(code.err().into_iter().chain(name.err()).collect()),
        }
    }

    /// The text direction of the language.
    pub fn dir(&self) -> Dir {
        self.code.dir()
    }
}

/// One node of a region's language tree as stored: a language and its source language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanguageNode {
    /// Language code.
    pub code: LanguageCode,
    /// The language it is translated from; `None` only for the root (`de`).
    pub source: Option<LanguageCode>,
}

/// A checked language tree: `de` is the only root, every source is in the tree, no cycles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanguageTree {
    /// Nodes in tree order: every source comes before the languages translated from it.
    nodes: Vec<LanguageNode>,
}

impl LanguageTree {
    /// Checks the nodes. Codes: `duplicate_language`, `root_not_de`, `no_root`,
    /// `unknown_source_language`, `source_language_cycle`.
    pub fn new(nodes: &[LanguageNode]) -> Result<Self, Vec<FieldError>> {
        let err = |code, msg: String| FieldError::new("source_language", code, msg);
        let mut errors = Vec::new();
        let mut seen = HashSet::new();
        for n in nodes {
            if !seen.insert(&n.code) {
                errors.push(FieldError::new(
                    "code",
                    "duplicate_language",
                    format!("{} appears more than once", n.code),
                ));
            }
        }
        let source: HashMap<&LanguageCode, Option<&LanguageCode>> =
            nodes.iter().map(|n| (&n.code, n.source.as_ref())).collect();
        if !nodes.iter().any(|n| n.code.as_str() == ROOT_LANGUAGE) {
            errors.push(err(
                "no_root",
                format!("{ROOT_LANGUAGE} must be in the tree"),
            ));
        }
        for n in nodes {
            match &n.source {
                None if n.code.as_str() != ROOT_LANGUAGE => errors.push(err(
                    "root_not_de",
                    format!(
                        "{} has no source language; only {ROOT_LANGUAGE} may",
                        n.code
                    ),
                )),
                Some(_) if n.code.as_str() == ROOT_LANGUAGE => errors.push(err(
                    "root_not_de",
                    format!("{ROOT_LANGUAGE} is the root and has no source language"),
                )),
                Some(s) if !source.contains_key(s) => errors.push(err(
                    "unknown_source_language",
                    format!(
                        "{} is translated from {s}, which is not in the tree",
                        n.code
                    ),
                )),
                _ => {}
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        // Walk up from each node; more steps than nodes means a cycle.
        for n in nodes {
            let mut at = &n.code;
            let mut steps = 0;
            while let Some(Some(up)) = source.get(at) {
                at = up;
                steps += 1;
                if steps > nodes.len() {
                    errors.push(err(
                        "source_language_cycle",
                        format!("the source languages of {} form a cycle", n.code),
                    ));
                    break;
                }
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut ordered: Vec<LanguageNode> = Vec::with_capacity(nodes.len());
        let mut placed: HashSet<&LanguageCode> = HashSet::new();
        while ordered.len() < nodes.len() {
            let before = ordered.len();
            for n in nodes {
                let ready = n.source.as_ref().is_none_or(|s| placed.contains(s));
                if ready && !placed.contains(&n.code) {
                    placed.insert(&n.code);
                    ordered.push(n.clone());
                }
            }
            if ordered.len() == before {
                break; // unreachable after the cycle check; guards against looping forever
            }
        }
        Ok(Self { nodes: ordered })
    }

    /// The languages in tree order (sources before their targets), `de` first.
    pub fn languages(&self) -> impl Iterator<Item = &LanguageCode> {
        self.nodes.iter().map(|n| &n.code)
    }

    /// Whether `code` is in the tree.
    pub fn contains(&self, code: &LanguageCode) -> bool {
        self.nodes.iter().any(|n| &n.code == code)
    }

    /// The language `code` is translated from (`None` for the root or an unknown code).
    pub fn source_of(&self, code: &LanguageCode) -> Option<&LanguageCode> {
        self.nodes
            .iter()
            .find(|n| &n.code == code)
            .and_then(|n| n.source.as_ref())
    }

    /// The languages translated directly from `code`: those a major edit in `code` outdates.
    pub fn targets_of(&self, code: &LanguageCode) -> Vec<&LanguageCode> {
        self.nodes
            .iter()
            .filter(|n| n.source.as_ref() == Some(code))
            .map(|n| &n.code)
            .collect()
    }

    /// The chain from `code` up to the root, `code` first (`fa, en, de`); empty if unknown.
    pub fn chain(&self, code: &LanguageCode) -> Vec<&LanguageCode> {
        let mut out = Vec::new();
        let mut at = self.nodes.iter().find(|n| &n.code == code);
        while let Some(n) = at {
            out.push(&n.code);
            if out.len() > self.nodes.len() {
                break;
            }
            at = n
                .source
                .as_ref()
                .and_then(|s| self.nodes.iter().find(|m| &m.code == s));
        }
        out
    }
}

#[cfg(test)]
mod tests;
