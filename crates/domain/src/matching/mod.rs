//! Tolerant person matching for search-before-create and the person search.
//!
//! Two phases, so that a search over 100,000 persons stays an indexed lookup:
//!
//! 1. **Retrieval.** For every person the database stores [`search_keys`] (normalised name
//!    tokens `n:…` and transliteration-tolerant keys `p:…`, a consonant skeleton of each
//!    spelling variant) and, for a known full date of birth, [`birth_date_keys`] (`d:…`). A
//!    query computes the same keys and fetches candidates with
//!    `SELECT person_id, COUNT(*) FROM person_search_key WHERE key IN (…) GROUP BY person_id
//!    ORDER BY 2 DESC LIMIT 200`. Keys are deliberately coarse: Mohammed and Mahmoud share
//!    one. Date keys let a name with a typo still be found through its date of birth.
//! 2. **Ranking.** [`score`] compares each candidate with the query token by token and
//!    returns 0–100 with structured [`MatchReason`]s; [`LIKELY_DUPLICATE`] is the threshold
//!    for the warning on the create form.
//!
//! Names are compared as sets of tokens, so word order and the split between family name and
//! given names do not matter (they only add [`MatchReason::WordOrderDiffers`]). Dates of birth
//! tolerate day/month swaps, one day off, and a year off by one on the same birthday; a
//! 1 January date may be a placeholder and counts only as its year. Other date typos (a wrong
//! digit in the day) are not tolerated: they would make almost any two dates "close".
//!
//! Decisions on hard pairs: Hassan / Hussein and Yusuf / Yunus are different names and do
//! not match; Hosseini matches Hussein (the Persian family name formed from it); Alina and
//! Elena do match as variants because "e" transliterates both a and i in Arabic and Persian
//! names, and that tolerance cannot tell Slavic names apart.

mod normalise;
mod phonetic;
mod reasons;
mod similarity;
#[cfg(test)]
mod tests;

pub use normalise::normalise;
pub use reasons::{Lang, MatchReason};

use serde::Serialize;

use crate::date::PartialDate;
use phonetic::{Token, same_sound, skeleton, tokens};
use similarity::is_typo;

/// Score from which a candidate is shown as a likely duplicate before creating a person:
/// reached by the same name in other spellings with a compatible date of birth, never by
/// a name alone against a contradicting date (at most 65).
pub const LIKELY_DUPLICATE: u8 = 80;

/// What matching needs of a person, or of a query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NameAndDate {
    pub family_name: String,
    pub given_names: String,
    pub birth_date: Option<PartialDate>,
}

/// How alike a candidate is to the query.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Match {
    /// 0 (nothing in common) to 100 (same name tokens, same full date of birth).
    pub score: u8,
    /// The evidence, date first, then names.
    pub reasons: Vec<MatchReason>,
}

impl Match {
    /// Whether the candidate should be shown as a likely duplicate.
    pub fn is_likely_duplicate(&self) -> bool {
        self.score >= LIKELY_DUPLICATE
    }
}

/// The keys to store per person (and to look up for a query) for candidate retrieval: `n:`
/// plus each normalised token, `p:` plus the skeleton of each spelling variant, including
/// adjacent tokens written together. A free-text query goes in as `search_keys(q, "")`.
pub fn search_keys(family: &str, given: &str) -> Vec<String> {
    let toks = tokens(family, given);
    let joined = toks.windows(2).map(|w| w[0].joined(&w[1]));
    let mut keys: Vec<String> = toks.iter().map(|t| format!("n:{}", t.text)).collect();
    for token in toks.iter().cloned().chain(joined) {
        keys.extend(token.forms.iter().map(|f| format!("p:{}", skeleton(f))));
    }
    keys.sort();
    keys.dedup();
    keys
}

/// Retrieval keys of a full date of birth: the date, and the date with day and month swapped
/// where that is a date too. Partial dates and the 1 January placeholder give none: a year is
/// too weak to fetch candidates by.
pub fn birth_date_keys(date: PartialDate) -> Vec<String> {
    let Some(d) = date.as_date().filter(|_| !date.maybe_placeholder()) else {
        return Vec::new();
    };
    let mut keys = vec![format!("d:{date}")];
    let swapped = time::Month::try_from(d.day())
        .ok()
        .and_then(|m| time::Date::from_calendar_date(d.year(), m, u8::from(d.month())).ok());
    if let Some(s) = swapped.filter(|&s| s != d) {
        keys.push(format!("d:{s}"));
    }
    keys
}

/// Compares a candidate with the query. Symmetric in its score: `score(a, b).score ==
/// score(b, a).score`. Without a date on either side, the score is the name's alone.
pub fn score(candidate: &NameAndDate, query: &NameAndDate) -> Match {
    // Greedy token assignment depends on order; compare in a canonical order and turn the
    // reasons round afterwards so the score is symmetric.
    let order = |p: &NameAndDate| {
        let date = p.birth_date.map(|d| d.to_string()).unwrap_or_default();
        (normalise(&p.family_name), normalise(&p.given_names), date)
    };
    if order(candidate) <= order(query) {
        compare(candidate, query)
    } else {
        let mut m = compare(query, candidate);
        m.reasons = m.reasons.into_iter().map(flip).collect();
        m
    }
}

fn flip(reason: MatchReason) -> MatchReason {
    use MatchReason::*;
    match reason {
        NameTransliterationVariant { candidate, query } => NameTransliterationVariant {
            candidate: query,
            query: candidate,
        },
        NameTypo { candidate, query } => NameTypo {
            candidate: query,
            query: candidate,
        },
        NameTokensUnmatched { candidate, query } => NameTokensUnmatched {
            candidate: query,
            query: candidate,
        },
        other => other,
    }
}

fn compare(candidate: &NameAndDate, query: &NameAndDate) -> Match {
    let mut reasons = Vec::new();
    let date = match (candidate.birth_date, query.birth_date) {
        (Some(c), Some(q)) => {
            let (weight, reason) = compare_dates(c, q);
            reasons.push(reason);
            Some(weight)
        }
        _ => None,
    };
    let c = tokens(&candidate.family_name, &candidate.given_names);
    let q = tokens(&query.family_name, &query.given_names);
    let name = compare_names(&c, &q, &mut reasons);
    let total = match date {
        Some(d) => 0.65 * name + 0.35 * d,
        None => name,
    };
    let score = (total * 100.0).round().clamp(0.0, 100.0) as u8;
    Match { score, reasons }
}

/// Weight in 0..=1 and the reason. A 1 January date counts as its year only.
fn compare_dates(a: PartialDate, b: PartialDate) -> (f64, MatchReason) {
    let full = |d: PartialDate| d.as_date().filter(|_| !d.maybe_placeholder());
    let month = |d: PartialDate| {
        if d.maybe_placeholder() {
            None
        } else {
            d.month()
        }
    };
    match (full(a), full(b)) {
        (Some(x), Some(y)) => {
            let (xm, ym) = (u8::from(x.month()), u8::from(y.month()));
            if x == y {
                (1.0, MatchReason::SameBirthDate)
            } else if x.year() == y.year() && x.day() == ym && xm == y.day() {
                (0.85, MatchReason::BirthDateDayMonthSwapped)
            } else if (x - y).whole_days().abs() == 1 {
                (0.75, MatchReason::BirthDateOneDayApart)
            } else if (xm, x.day()) == (ym, y.day()) && (x.year() - y.year()).abs() == 1 {
                (0.6, MatchReason::BirthYearOffByOne)
            } else {
                (0.0, MatchReason::BirthDateDiffers)
            }
        }
        _ if a.year() == b.year() && month(a).zip(month(b)).is_none_or(|(m, n)| m == n) => {
            (0.8, MatchReason::BirthYearOnly)
        }
        _ => (0.0, MatchReason::BirthDateDiffers),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Typo,
    Variant,
    Equal,
}

/// How two tokens relate, with the weight of that evidence.
fn compare_tokens(a: &Token, b: &Token) -> Option<(Kind, f64)> {
    let pairs = || {
        a.forms
            .iter()
            .flat_map(|x| b.forms.iter().map(move |y| (x, y)))
    };
    if a.text == b.text {
        Some((Kind::Equal, 1.0))
    } else if pairs().any(|(x, y)| same_sound(x, y)) {
        Some((Kind::Variant, 0.9))
    } else if is_typo(&a.text, &b.text) || pairs().any(|(x, y)| is_typo(x, y)) {
        Some((Kind::Typo, 0.8))
    } else {
        None
    }
}

/// A token, or two adjacent tokens written together, with the positions it covers.
struct Unit {
    token: Token,
    start: usize,
    len: usize,
}

fn units(toks: &[Token]) -> Vec<Unit> {
    let singles = toks.iter().enumerate().map(|(i, t)| Unit {
        token: t.clone(),
        start: i,
        len: 1,
    });
    let pairs = toks.windows(2).enumerate().map(|(i, w)| Unit {
        token: w[0].joined(&w[1]),
        start: i,
        len: 2,
    });
    singles.chain(pairs).collect()
}

/// Weight of an unmatched token when the other name is fully matched: a missing middle name
/// is weak evidence against, a conflicting one is not weak.
const EXTRA_TOKEN: f64 = 0.4;

/// Name similarity in 0..=1: a greedy best-first assignment of tokens (in any order) and of
/// joined neighbours ("Gebre Yesus" / "Gebreyesus"), weighted by the tokens each covers.
fn compare_names(c: &[Token], q: &[Token], reasons: &mut Vec<MatchReason>) -> f64 {
    if c.is_empty() || q.is_empty() {
        return 0.0;
    }
    let (cu, qu) = (units(c), units(q));
    let mut edges = Vec::new();
    for (i, a) in cu.iter().enumerate() {
        for (j, b) in qu.iter().enumerate() {
            if a.len + b.len > 3 {
                continue; // two joined on both sides is two singles
            }
            if let Some((mut kind, mut weight)) = compare_tokens(&a.token, &b.token) {
                if a.len + b.len > 2 && kind == Kind::Equal {
                    (kind, weight) = (Kind::Variant, 0.9);
                }
                edges.push((weight, kind, i, j));
            }
        }
    }
    edges.sort_by(|x, y| {
        y.0.total_cmp(&x.0)
            .then(y.1.cmp(&x.1))
            .then((x.2, x.3).cmp(&(y.2, y.3)))
    });
    let (mut c_used, mut q_used) = (vec![false; c.len()], vec![false; q.len()]);
    let mut accepted = Vec::new();
    let mut sum = 0.0;
    for (weight, kind, i, j) in edges {
        let (a, b) = (&cu[i], &qu[j]);
        let (ar, br) = (a.start..a.start + a.len, b.start..b.start + b.len);
        if c_used[ar.clone()].iter().any(|&u| u) || q_used[br.clone()].iter().any(|&u| u) {
            continue;
        }
        c_used[ar].fill(true);
        q_used[br].fill(true);
        sum += weight * (a.len + b.len) as f64;
        accepted.push((kind, a, b));
    }
    let c_left: Vec<String> = c
        .iter()
        .zip(&c_used)
        .filter(|(_, u)| !**u)
        .map(|(t, _)| t.shown.clone())
        .collect();
    let q_left: Vec<String> = q
        .iter()
        .zip(&q_used)
        .filter(|(_, u)| !**u)
        .map(|(t, _)| t.shown.clone())
        .collect();
    if !accepted.is_empty() && (c_left.is_empty() || q_left.is_empty()) {
        sum += EXTRA_TOKEN * (c_left.len() + q_left.len()) as f64;
    }

    accepted.sort_by_key(|(_, a, _)| a.start);
    let equal: Vec<String> = accepted
        .iter()
        .filter(|(k, _, _)| *k == Kind::Equal)
        .map(|(_, a, _)| a.token.shown.clone())
        .collect();
    if !equal.is_empty() {
        reasons.push(MatchReason::NameTokensEqual { tokens: equal });
    }
    for (kind, a, b) in &accepted {
        let (candidate, query) = (a.token.shown.clone(), b.token.shown.clone());
        match kind {
            Kind::Variant => {
                reasons.push(MatchReason::NameTransliterationVariant { candidate, query })
            }
            Kind::Typo => reasons.push(MatchReason::NameTypo { candidate, query }),
            Kind::Equal => {}
        }
    }
    if !c_left.is_empty() || !q_left.is_empty() {
        reasons.push(MatchReason::NameTokensUnmatched {
            candidate: c_left,
            query: q_left,
        });
    }
    let in_order = accepted.windows(2).all(|w| w[0].2.start < w[1].2.start);
    let same_fields = accepted
        .iter()
        .all(|(_, a, b)| a.token.fields == b.token.fields);
    if !(in_order && same_fields) {
        reasons.push(MatchReason::WordOrderDiffers);
    }
    sum / (c.len() + q.len()) as f64
}
