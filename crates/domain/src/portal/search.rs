//! Full-text search of the public portal across pages, events and places (issue 6), in every
//! language and script, tolerant of typos and of the spelling variants newcomers type.
//!
//! An [`Index`] is built once per region and language from plain-text [`Doc`]s and searched
//! often; it is pure (no I/O) and immutable, so it can be shared between requests. Folding of
//! text into terms is in [`mod@normalise`], typo tolerance in [`fuzzy`], excerpts in [`snippet`].
//!
//! # Matching
//! A query term matches a document term if it is equal after folding, if it is a prefix of it
//! (only the last query term, at least two characters, and only while the query ends in that
//! word, not in a space: search as you type), or if it is within a Damerau–Levenshtein distance
//! (optimal string alignment) of [`fuzzy::max_distance`]: none up to three characters, one up
//! to seven, two from eight. Terms with digits (postcodes, phone numbers) match only exactly or
//! by prefix.
//!
//! # Ranking
//! Documents that match every query term come first; only if there are none, documents that
//! match some of them (most terms first, [`Hit::all_terms`] false). Each query term adds its best
//! match in the document: exact 100, prefix 60, one typo 30, two typos 20, times the field's
//! weight: title 3, extra (address, town, category) 2, body 1. So an exact match in the body
//! outranks a typo in the title. How often the terms occur only breaks ties among those
//! (at most [`TIE_BONUS`]); then [`DocKind`] and key decide, so results are deterministic.
//! Scores do not depend on other documents (no IDF): adding a document never changes the
//! score of another.
//!
//! # Cost
//! Building is linear in the text: each word is folded once and appended to the postings of
//! its term and of its spelling variants (about 1 µs per word). A search folds the query (at
//! most [`MAX_QUERY_TERMS`] terms in [`MAX_QUERY_CHARS`] characters), finds exact terms in a
//! hash map, prefixes by binary search in the sorted vocabulary and typo candidates through a
//! bigram index (see [`fuzzy`]), then walks the postings of the matched terms into dense
//! per-document slots and selects the best `limit`; snippets are cut only for those. So it
//! costs about the number of occurrences of the matched terms plus, per fuzzy term, the
//! lengths of its bigrams' term lists. Measured once (release build, this project's 2-core
//! machine, not a test): 3000 documents of 300 words, 40k terms, build 0.8 s, searches
//! 0.07–2 ms (mean 0.65 ms); a region's few hundred pages, events and places are a fraction
//! of that.
//!
//! # Limits
//! Thai, Lao, Khmer and Burmese, written without spaces, are searched by whole runs of text
//! (and prefixes); Han and kana characters are matched one by one. Precomposed letters outside
//! the Latin, Greek, Cyrillic and Arabic tables (Vietnamese tones) are matched as typed.

use std::collections::HashMap;

pub mod fuzzy;
pub mod normalise;
pub mod snippet;

pub use fuzzy::distance;
pub use normalise::normalise;

use fuzzy::{FuzzyIndex, max_distance};
use normalise::{Token, tokens};

/// Longest query read, in characters; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 200;
/// Most query terms read; the rest are ignored.
pub const MAX_QUERY_TERMS: usize = 20;
/// Largest share of a score that comes from how often the terms occur (a tie-breaker).
pub const TIE_BONUS: u32 = 7;

const EXACT: u32 = 100;
const PREFIX: u32 = 60;
const TYPO_1: u32 = 30;
const TYPO_2: u32 = 20;
/// Most matched words reported per hit.
const MATCHED_TERMS_MAX: usize = 8;

/// What a document is; also the tie-break order of hits with equal scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DocKind {
    Page,
    Event,
    Place,
}

/// A searchable document in one language, as plain text (HTML already stripped).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doc {
    pub kind: DocKind,
    /// Identifies the document for the caller (a page path, an event or place id).
    pub key: String,
    pub title: String,
    pub body: String,
    /// Further searchable text: address, town, category, organiser.
    pub extra: String,
}

/// One result of [`Index::search`].
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub kind: DocKind,
    pub key: String,
    pub title: String,
    /// Higher is better; only comparable between hits of the same query.
    pub score: u32,
    /// Whether the document matched every query term (false: the partial-match fallback).
    pub all_terms: bool,
    /// About [`snippet::SNIPPET_CHARS`] characters of the body around its first match, with
    /// `…` where cut.
    pub snippet: String,
    /// The words of the document, as written there, that matched (for highlighting):
    /// distinct, in query-term order, at most eight.
    pub matched_terms: Vec<String>,
}

/// Searchable documents of one region and language. See the module documentation.
#[derive(Debug, Default)]
pub struct Index {
    docs: Vec<Stored>,
    /// Term text by term id.
    terms: Vec<String>,
    ids: HashMap<String, u32>,
    postings: Vec<Vec<Posting>>,
    /// Term ids in the order of their text, for prefix ranges.
    sorted: Vec<u32>,
    fuzzy: FuzzyIndex,
    /// Rank of each document by kind, key and position: the tie-break of equal scores.
    tie: Vec<u32>,
}

#[derive(Debug)]
struct Stored {
    doc: Doc,
    /// Byte ranges of the words of title, extra and body (indexed by [`Field`]).
    spans: [Vec<(usize, usize)>; 3],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Title = 0,
    Extra = 1,
    Body = 2,
}

impl Field {
    const ALL: [Field; 3] = [Field::Title, Field::Extra, Field::Body];

    fn weight(self) -> u32 {
        match self {
            Field::Title => 3,
            Field::Extra => 2,
            Field::Body => 1,
        }
    }
}

/// An occurrence of a term: document, field, and word number in that field.
#[derive(Debug, Clone, Copy)]
struct Posting {
    doc: u32,
    field: Field,
    pos: u32,
}

/// What one document collected during a search (its best match per query term is kept
/// apart, in one flat array for all documents).
struct Found {
    doc: u32,
    /// Query terms matched.
    matched: usize,
    /// Occurrences of matched terms.
    occurrences: u32,
    first_in_body: Option<u32>,
}

impl Index {
    /// Indexes `docs`. Never panics, any text.
    pub fn build(docs: Vec<Doc>) -> Index {
        let mut index = Index::default();
        for (d, doc) in docs.into_iter().enumerate() {
            let mut spans: [Vec<(usize, usize)>; 3] = Default::default();
            for field in Field::ALL {
                let text = match field {
                    Field::Title => &doc.title,
                    Field::Extra => &doc.extra,
                    Field::Body => &doc.body,
                };
                for (pos, token) in tokens(text).into_iter().enumerate() {
                    spans[field as usize].push((token.start, token.end));
                    let posting = Posting {
                        doc: d as u32,
                        field,
                        pos: pos as u32,
                    };
                    let Token {
                        term,
                        variants,
                        parts,
                        ..
                    } = token;
                    let mut forms = vec![term];
                    for form in variants.into_iter().chain(parts) {
                        if !forms.contains(&form) {
                            forms.push(form);
                        }
                    }
                    for form in forms {
                        let id = index.intern(form);
                        index.postings[id as usize].push(posting);
                    }
                }
            }
            index.docs.push(Stored { doc, spans });
        }
        let mut sorted: Vec<u32> = (0..index.terms.len() as u32).collect();
        sorted.sort_unstable_by(|&a, &b| index.terms[a as usize].cmp(&index.terms[b as usize]));
        index.sorted = sorted;
        let mut order: Vec<u32> = (0..index.docs.len() as u32).collect();
        order.sort_by_key(|&d| {
            let doc = &index.docs[d as usize].doc;
            (doc.kind, &doc.key, d)
        });
        index.tie = vec![0; order.len()];
        for (rank, d) in order.into_iter().enumerate() {
            index.tie[d as usize] = rank as u32;
        }
        index
    }

    fn intern(&mut self, term: String) -> u32 {
        if let Some(&id) = self.ids.get(&term) {
            return id;
        }
        let id = self.terms.len() as u32;
        self.fuzzy.push(&term);
        self.ids.insert(term.clone(), id);
        self.terms.push(term);
        self.postings.push(Vec::new());
        id
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Number of distinct terms (with spelling variants).
    pub fn vocabulary_len(&self) -> usize {
        self.terms.len()
    }

    /// The best `limit` documents for `query`, best first. An empty query, or one of only
    /// spaces and punctuation, gives no hits. Never panics, any input.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let query = match query.char_indices().nth(MAX_QUERY_CHARS) {
            Some((cut, _)) => query.get(..cut).unwrap_or_default(),
            None => query,
        };
        let raw = tokens(query);
        // The word being typed: the last one, if nothing follows it.
        let typing = raw
            .last()
            .filter(|t| t.end == query.len())
            .map(|t| t.term.clone());
        let mut terms: Vec<Token> = Vec::new();
        for token in raw {
            if !terms.iter().any(|t| t.term == token.term) {
                terms.push(token);
            }
        }
        terms.truncate(MAX_QUERY_TERMS);
        if terms.is_empty() || limit == 0 {
            return Vec::new();
        }
        let n = terms.len();
        let lookups: Vec<Vec<(u32, u32)>> = terms
            .iter()
            .map(|term| self.lookup(term, typing.as_ref() == Some(&term.term)))
            .collect();
        // Dense slots rather than a map: a common term touches many documents.
        let mut slot: Vec<u32> = vec![u32::MAX; self.docs.len()];
        let mut found: Vec<Found> = Vec::new();
        let mut best: Vec<u32> = Vec::new();
        for (i, lookup) in lookups.iter().enumerate() {
            for &(id, class) in lookup {
                for p in self.postings.get(id as usize).into_iter().flatten() {
                    let Some(s) = slot.get_mut(p.doc as usize) else {
                        continue;
                    };
                    if *s == u32::MAX {
                        *s = found.len() as u32;
                        found.push(Found {
                            doc: p.doc,
                            matched: 0,
                            occurrences: 0,
                            first_in_body: None,
                        });
                        best.resize(best.len() + n, 0);
                    }
                    let (Some(f), Some(b)) = (
                        found.get_mut(*s as usize),
                        best.get_mut(*s as usize * n + i),
                    ) else {
                        continue;
                    };
                    if *b == 0 {
                        f.matched += 1;
                    }
                    *b = (*b).max(class * p.field.weight());
                    f.occurrences += 1;
                    if p.field == Field::Body {
                        f.first_in_body = Some(f.first_in_body.map_or(p.pos, |b| b.min(p.pos)));
                    }
                }
            }
        }
        let all_terms = found.iter().any(|f| f.matched == n);
        let mut ranked: Vec<(usize, u32, u32, &Found)> = found
            .iter()
            .zip(best.chunks(n))
            .filter(|(f, _)| !all_terms || f.matched == n)
            .map(|(f, best)| {
                let bonus = (f.occurrences.saturating_sub(f.matched as u32)).min(TIE_BONUS);
                let score = best.iter().sum::<u32>() * (TIE_BONUS + 1) + bonus;
                let tie = self.tie.get(f.doc as usize).copied().unwrap_or(u32::MAX);
                (f.matched, score, tie, f)
            })
            .collect();
        let order = |a: &(usize, u32, u32, &Found), b: &(usize, u32, u32, &Found)| {
            (b.0, b.1, a.2).cmp(&(a.0, a.1, b.2))
        };
        if ranked.len() > limit {
            ranked.select_nth_unstable_by(limit - 1, order);
            ranked.truncate(limit);
        }
        ranked.sort_unstable_by(order);
        ranked
            .into_iter()
            .filter_map(|(_, score, _, f)| self.hit(f, score, all_terms, &lookups))
            .collect()
    }

    /// The vocabulary terms `term` matches, with the class weight of the best way it does,
    /// best first.
    fn lookup(&self, term: &Token, prefix: bool) -> Vec<(u32, u32)> {
        let mut out: HashMap<u32, u32> = HashMap::new();
        let mut put = |id: u32, class: u32| {
            let best = out.entry(id).or_default();
            *best = (*best).max(class);
        };
        for form in std::iter::once(&term.term).chain(&term.variants) {
            if let Some(&id) = self.ids.get(form) {
                put(id, EXACT);
            }
            let chars: Vec<char> = form.chars().collect();
            if prefix && chars.len() >= 2 {
                let from = self
                    .sorted
                    .partition_point(|&id| self.terms[id as usize].as_str() < form.as_str());
                for &id in &self.sorted[from..] {
                    if !self.terms[id as usize].starts_with(form.as_str()) {
                        break;
                    }
                    put(id, PREFIX);
                }
            }
            let k = max_distance(chars.len());
            if k > 0 && !chars.iter().any(|c| c.is_numeric()) {
                for (id, d) in self.fuzzy.within(&chars, k) {
                    match d {
                        0 => put(id, EXACT),
                        1 => put(id, TYPO_1),
                        _ => put(id, TYPO_2),
                    }
                }
            }
        }
        let mut out: Vec<(u32, u32)> = out.into_iter().collect();
        out.sort_unstable_by_key(|&(id, class)| (std::cmp::Reverse(class), id));
        out
    }

    fn hit(
        &self,
        f: &Found,
        score: u32,
        all_terms: bool,
        lookups: &[Vec<(u32, u32)>],
    ) -> Option<Hit> {
        let stored = self.docs.get(f.doc as usize)?;
        let d = &stored.doc;
        let mut matched_terms: Vec<String> = Vec::new();
        // Postings are in document order: find this document's by binary search.
        for &(id, _) in lookups.iter().flatten() {
            let postings = self
                .postings
                .get(id as usize)
                .map_or(&[][..], Vec::as_slice);
            let from = postings.partition_point(|p| p.doc < f.doc);
            for p in postings[from..].iter().take_while(|p| p.doc == f.doc) {
                let text = match p.field {
                    Field::Title => &d.title,
                    Field::Extra => &d.extra,
                    Field::Body => &d.body,
                };
                let word = stored.spans[p.field as usize]
                    .get(p.pos as usize)
                    .and_then(|&(from, to)| text.get(from..to));
                if let Some(word) = word
                    && !matched_terms.iter().any(|m| m == word)
                {
                    matched_terms.push(word.to_owned());
                }
            }
            if matched_terms.len() >= MATCHED_TERMS_MAX {
                break;
            }
        }
        matched_terms.truncate(MATCHED_TERMS_MAX);
        let focus = f
            .first_in_body
            .and_then(|pos| stored.spans[Field::Body as usize].get(pos as usize))
            .map(|&(from, _)| from);
        Some(Hit {
            kind: d.kind,
            key: d.key.clone(),
            title: d.title.clone(),
            score,
            all_terms,
            snippet: snippet::snippet(&d.body, focus),
            matched_terms,
        })
    }
}

#[cfg(test)]
mod tests;
