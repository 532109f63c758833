//! Typo tolerance: the edit distance between terms, and a bigram index over the vocabulary so
//! that a fuzzy lookup compares the query term with a few candidates instead of every term.
//!
//! Candidate filter (the q-gram lemma): pad a term as `^term$` and take its distinct bigrams.
//! One edit (insertion, deletion, substitution, or transposition of neighbours) destroys at
//! most three of them, so a term within distance `k` shares at least `bigrams − 3k` distinct
//! bigrams with the query, and its length differs by at most `k`. When that bound is zero
//! (short terms with repeated letters), the terms of the right lengths are scanned instead.

use std::collections::HashMap;

/// Largest edit distance tolerated for a query term of `chars` characters: none up to
/// three characters, one up to seven, two from eight.
pub fn max_distance(chars: usize) -> usize {
    match chars {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// Optimal string alignment distance (Damerau–Levenshtein where a transposed pair is not
/// edited again) between `a` and `b`, counted in characters. Symmetric; 0 only for equal
/// strings. Compare folded terms ([`super::normalise()`]) to ignore case and diacritics.
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    within(&a, &b, usize::MAX).unwrap_or(usize::MAX)
}

/// The distance between `a` and `b` if it is at most `k`; stops as soon as a whole row of
/// the table exceeds `k` (no later row can come back below it).
pub(super) fn within(a: &[char], b: &[char], k: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > k {
        return None;
    }
    let n = b.len();
    let mut before: Vec<usize> = vec![0; n + 1];
    let mut prev: Vec<usize> = (0..=n).collect();
    let mut cur: Vec<usize> = vec![0; n + 1];
    for (i, &ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let mut row_min = cur[0];
        for (j, &cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            let mut d = (prev[j + 1] + 1).min(cur[j] + 1).min(prev[j] + cost);
            if i > 0 && j > 0 && ca == b[j - 1] && a[i - 1] == cb {
                d = d.min(before[j - 1] + 1);
            }
            cur[j + 1] = d;
            row_min = row_min.min(d);
        }
        if row_min > k {
            return None;
        }
        std::mem::swap(&mut before, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[n];
    (d <= k).then_some(d)
}

/// Bigrams and lengths of the vocabulary, by term id.
#[derive(Debug, Default)]
pub(super) struct FuzzyIndex {
    by_bigram: HashMap<(char, char), Vec<u32>>,
    by_len: Vec<Vec<u32>>,
    chars: Vec<Box<[char]>>,
}

impl FuzzyIndex {
    /// Adds the next term; ids are given in order 0, 1, 2, …
    pub(super) fn push(&mut self, term: &str) {
        let id = self.chars.len() as u32;
        let chars: Box<[char]> = term.chars().collect();
        for gram in bigrams(&chars) {
            self.by_bigram.entry(gram).or_default().push(id);
        }
        if self.by_len.len() <= chars.len() {
            self.by_len.resize_with(chars.len() + 1, Vec::new);
        }
        self.by_len[chars.len()].push(id);
        self.chars.push(chars);
    }

    /// Ids of the terms within distance `k` of `query`, with the distance (0 for the query
    /// itself if it is in the vocabulary).
    pub(super) fn within(&self, query: &[char], k: usize) -> Vec<(u32, usize)> {
        let grams = bigrams(query);
        let need = grams.len().saturating_sub(3 * k);
        let lengths = query.len().saturating_sub(k)..=query.len() + k;
        let candidates: Vec<u32> = if need == 0 {
            let upto = (*lengths.end() + 1).min(self.by_len.len());
            let from = (*lengths.start()).min(upto);
            self.by_len[from..upto].iter().flatten().copied().collect()
        } else {
            // One counter per term: cheaper than a map when common bigrams have long lists.
            let mut shared: Vec<u16> = vec![0; self.chars.len()];
            let mut out = Vec::new();
            for gram in &grams {
                for &id in self.by_bigram.get(gram).into_iter().flatten() {
                    if let Some(count) = shared.get_mut(id as usize) {
                        *count = count.saturating_add(1);
                        if usize::from(*count) == need {
                            out.push(id);
                        }
                    }
                }
            }
            out
        };
        candidates
            .into_iter()
            .filter_map(|id| {
                let term = self.chars.get(id as usize)?;
                if !lengths.contains(&term.len()) {
                    return None;
                }
                within(query, term, k).map(|d| (id, d))
            })
            .collect()
    }
}

/// The distinct bigrams of `^chars$` (the markers are control characters, never in a term).
fn bigrams(chars: &[char]) -> Vec<(char, char)> {
    let padded: Vec<char> = std::iter::once('\u{2}')
        .chain(chars.iter().copied())
        .chain(std::iter::once('\u{3}'))
        .collect();
    let mut grams: Vec<(char, char)> = padded.windows(2).map(|w| (w[0], w[1])).collect();
    grams.sort_unstable();
    grams.dedup();
    grams
}
