//! Transliteration-tolerant forms of name tokens. The same name reaches German offices through
//! English, French, German and Turkish spellings of Arabic, Persian, Cyrillic or Ge'ez script,
//! so tokens are rewritten to one spelling per sound class (kh/ch/h, zh/j/dj/y, sh/sch/s,
//! w/v, q/c/k, ou/oo/u, ee/i, doubled letters single), with variant forms where a spelling
//! is ambiguous (article prefixes, Somali x and c, Russian "Ye"), and a short table for
//! Ukrainian and Russian forms of one name that no rule links (Mykola / Nikolai).

use std::collections::HashMap;
use std::sync::LazyLock;

use super::normalise::normalise;

/// Arabic articles, written apart ("Al Hassan") or joined ("Alhassan"). The assimilated forms
/// (ad, ar, as, at) appear before sun letters ("Abd ar-Rahman").
const ARTICLES: &[&str] = &[
    "al", "el", "ul", "il", "ad", "ar", "as", "at", "ash", "az", "ed", "er", "es", "et",
];

/// First parts of compound names that belong to the next word ("Abdul Rahman", "Abu Bakr").
const BOUND: &[&str] = &[
    "abd", "abdul", "abdel", "abdal", "abdol", "abdoul", "abdu", "abu", "abou",
];

/// One name token after articles and bound prefixes were joined to their word.
#[derive(Debug, Clone)]
pub(crate) struct Token {
    /// Normalised text without spaces ("alhassan").
    pub text: String,
    /// As written, normalised ("al hassan"), for explanations.
    pub shown: String,
    /// Rewritten spellings; two tokens are variants if any pair of forms is.
    pub forms: Vec<String>,
    /// Which fields its words came from: [`GIVEN`], [`FAMILY`] or both.
    pub fields: u8,
}

impl Token {
    fn new(words: &[&str], fields: u8) -> Self {
        let text: String = words.concat();
        let mut forms = forms(&text);
        if let [first, rest @ ..] = words
            && ARTICLES.contains(first)
            && !rest.is_empty()
        {
            // Written apart, the article is certain: "Al Amin" also matches "Amin".
            forms.extend(self::forms(&rest.concat()));
            forms.sort();
            forms.dedup();
        }
        Token {
            shown: words.join(" "),
            text,
            forms,
            fields,
        }
    }

    /// Two adjacent tokens written as one ("Gebre Yesus" / "Gebreyesus").
    pub fn joined(&self, next: &Token) -> Token {
        let text = format!("{}{}", self.text, next.text);
        Token {
            forms: forms(&text),
            shown: format!("{} {}", self.shown, next.shown),
            text,
            fields: self.fields | next.fields,
        }
    }
}

/// [`Token::fields`] bit of a word from the given names.
pub(crate) const GIVEN: u8 = 1;
/// [`Token::fields`] bit of a word from the family name.
pub(crate) const FAMILY: u8 = 2;

/// The tokens of a person's name in reading order (given names, then family name), with
/// separate articles and bound prefixes joined to the following word. An article with no
/// word after it (a split gone wrong: given names "Mohamad Ali Al") is dropped.
pub(crate) fn tokens(family: &str, given: &str) -> Vec<Token> {
    let (given, family) = (normalise(given), normalise(family));
    let words = given
        .split(' ')
        .map(|w| (w, GIVEN))
        .chain(family.split(' ').map(|w| (w, FAMILY)))
        .filter(|(w, _)| !w.is_empty());
    let mut out = Vec::new();
    let mut pending: Vec<&str> = Vec::new();
    let mut fields = 0;
    for (word, field) in words {
        pending.push(word);
        fields |= field;
        if !(ARTICLES.contains(&word) || BOUND.contains(&word)) {
            out.push(Token::new(&pending, fields));
            pending.clear();
            fields = 0;
        }
    }
    // Leftover bound prefixes are names of their own ("Abdul" alone); articles are not.
    if let Some(last) = pending.iter().rposition(|w| BOUND.contains(w)) {
        out.push(Token::new(&pending[..=last], fields));
    }
    out
}

/// All rewritten spellings of one normalised token.
pub(crate) fn forms(text: &str) -> Vec<String> {
    let mut spellings = vec![text.to_owned()];
    if let Some(core) = strip_article(text) {
        spellings.push(core.to_owned());
    }
    for s in spellings.clone() {
        if let Some(rest) = s.strip_prefix("ye").or_else(|| s.strip_prefix("je")) {
            // Russian Е at the start: Yelena, Jelena, Elena
            spellings.push(format!("e{rest}"));
        }
        if s.contains("ch") && !s.contains("sch") {
            // French spellings of Maghreb names write sh as ch: Rachid, Chadi, Hichem
            spellings.push(s.replace("ch", "sh"));
        }
        if s.contains('x') {
            // Somali orthography writes ḥ as x: Maxamed, Xasan
            spellings.push(s.replace('x', "h"));
        }
        if s.len() > 3 && s.starts_with('c') && s[1..].starts_with(['a', 'e', 'i', 'o', 'u']) {
            // Somali c is the ayn: Cabdi, Cali, Cumar
            spellings.push(s[1..].to_owned());
        }
    }
    let mut out: Vec<String> = Vec::new();
    for s in spellings {
        let form = rewrite(&abd_compound(&s));
        if let Some(canonical) = COGNATES.get(&form) {
            out.push(canonical.clone());
        }
        out.push(form);
    }
    out.sort();
    out.dedup();
    out
}

/// "alhassan" → "hassan", "arrashid" → "rashid"; short remainders stay ("Alina", "Elena").
fn strip_article(text: &str) -> Option<&str> {
    for article in ["al", "el", "ul"] {
        if let Some(rest) = text.strip_prefix(article) {
            // Not before e, i or l: Alexander, Elisabeth, Allan are no Arabic compounds.
            if rest.len() >= 4 && !rest.starts_with(['e', 'i', 'l']) {
                return Some(rest);
            }
        }
    }
    // Assimilated article before a sun letter: vowel, then the doubled consonant.
    let b = text.as_bytes();
    if b.len() >= 6 && b"aeu".contains(&b[0]) && b[1] == b[2] && b"tdrszn".contains(&b[1]) {
        return text.get(2..);
    }
    None
}

/// "abdulrahman", "abderrahmane", "abdirahman" → "abdrahman…": the connecting article of
/// an Abd-compound is written in many ways and carries no information.
fn abd_compound(text: &str) -> String {
    let Some(rest) = text.strip_prefix("abd") else {
        return text.to_owned();
    };
    let rest = rest.trim_start_matches(['a', 'e', 'i', 'o', 'u']);
    let rest = match rest.as_bytes() {
        [b'l', ..] => &rest[1..],
        [c, d, ..] if c == d && b"tdrszn".contains(c) => &rest[1..],
        _ => rest,
    };
    if rest.len() >= 2 {
        format!("abd{rest}")
    } else {
        text.to_owned()
    }
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// Sound-class spelling of one token. Order matters: longest patterns first at each position.
pub(crate) fn rewrite(text: &str) -> String {
    const PATTERNS: &[(&str, &str)] = &[
        ("dsch", "y"),
        ("tsch", "h"),
        ("shch", "s"),
        ("sch", "s"),
        ("dzh", "y"),
        ("dj", "y"),
        ("zh", "y"),
        ("kh", "h"),
        ("ch", "h"),
        ("cz", "h"),
        ("gh", "g"),
        ("ph", "f"),
        ("th", "t"),
        ("dh", "d"),
        ("ck", "k"),
        ("sh", "s"),
        ("sz", "s"),
        ("tz", "s"),
        ("ts", "s"),
        ("ou", "u"),
        ("oo", "u"),
        ("ee", "i"),
        ("ue", "u"),
        ("ae", "a"),
        ("oe", "o"),
        ("q", "k"),
        ("c", "k"),
        ("x", "ks"),
        ("w", "v"),
        ("z", "s"),
        ("j", "y"),
    ];
    let mut latin = String::with_capacity(text.len());
    for c in text.chars() {
        match cyrillic(c) {
            Some(spelt) => latin.push_str(spelt),
            None => latin.push(c),
        }
    }
    let mut s = String::with_capacity(latin.len());
    let mut rest = latin.as_str();
    'outer: while let Some(c) = rest.chars().next() {
        for (from, to) in PATTERNS {
            if let Some(after) = rest.strip_prefix(from) {
                s.push_str(to);
                rest = after;
                continue 'outer;
            }
        }
        s.push(c);
        rest = &rest[c.len_utf8()..];
    }
    let mut chars: Vec<char> = s.chars().collect();
    chars.dedup(); // doubled letters are spelling, not sound
    let ends_with = |chars: &[char], last: char, before: fn(char) -> bool| matches!(chars, [.., b, l] if *l == last && before(*b));
    if chars.len() > 2 && ends_with(&chars, 'h', is_vowel) {
        chars.pop(); // Abdallah / Abdalla, Fatimah / Fatima
    }
    if chars.len() >= 5 && ends_with(&chars, 'e', |c| !is_vowel(c)) {
        chars.pop(); // French spellings: Abderrahmane, Amine, Yasmine; Tesfaye
    }
    // y is a consonant only at the start or between vowels (Yusuf, Maya); elsewhere it is
    // the vowel i (Mykola, Sergey, Yahya/Yahia).
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    for (i, &c) in chars.iter().enumerate() {
        let c = if c == 'y' {
            let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
            let after = chars.get(i + 1).copied();
            let consonant = after.is_some_and(is_vowel) && before.is_none_or(is_vowel);
            if consonant { 'y' } else { 'i' }
        } else {
            c
        };
        if out.last() != Some(&c) {
            out.push(c);
        }
    }
    out.into_iter().collect()
}

/// Cyrillic letters in the Latin spelling of Ukrainian and Russian passports (г as Russian g).
fn cyrillic(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' | 'ґ' => "g",
        'д' => "d",
        'е' | 'э' => "e",
        'є' => "ye",
        'ё' => "yo",
        'ж' => "zh",
        'з' => "z",
        'и' | 'і' | 'ы' => "i",
        'ї' => "yi",
        'й' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ю' => "yu",
        'я' => "ya",
        _ => return None,
    })
}

/// The consonant skeleton, with a leading "a" if the token starts with a vowel: the index
/// key. Vowels differ most between transliterations, consonant classes least.
pub(crate) fn skeleton(form: &str) -> String {
    let mut key = String::new();
    if form.starts_with(is_vowel) {
        key.push('a');
    }
    key.extend(form.chars().filter(|&c| !is_vowel(c)));
    key
}

/// Whether two rewritten forms are the same name in different transliterations: the same
/// consonants, vowels present in the same places among the first three consonants (this
/// keeps Muhammad apart from Mahmud) and compatible first vowels (keeps Hassan apart from
/// Hussein). Later vowels may differ: Youssef / Yusuf, Alexander / Aleksandr.
pub(crate) fn same_sound(a: &str, b: &str) -> bool {
    a == b || (skeleton(a) == skeleton(b) && gaps(a) == gaps(b) && first_vowels_agree(a, b))
}

fn gaps(form: &str) -> [bool; 3] {
    let mut gaps = [false; 3];
    let mut consonants = 0;
    for c in form.chars() {
        if consonants >= 3 {
            break;
        }
        if is_vowel(c) {
            gaps[consonants] = true;
        } else {
            consonants += 1;
        }
    }
    gaps
}

/// a~e (fatha: Ahmed/Ahmad, Mehdi/Mahdi), e~i (kasra: Ebrahim/Ibrahim), o~u (Omar/Umar).
fn first_vowels_agree(a: &str, b: &str) -> bool {
    let (Some(x), Some(y)) = (
        a.chars().find(|&c| is_vowel(c)),
        b.chars().find(|&c| is_vowel(c)),
    ) else {
        return true;
    };
    let class = |c: char| match c {
        'a' => 0b001,
        'e' => 0b011,
        'i' => 0b010,
        _ => 0b100,
    };
    class(x) & class(y) != 0
}

/// Names whose Ukrainian, Russian and German forms differ beyond transliteration, first form
/// canonical. Keyed by rewritten spelling so every transliteration of an entry hits.
const COGNATE_GROUPS: &[&[&str]] = &[
    &["aleksandr", "oleksandr", "olexandr"],
    &["aleksandra", "oleksandra"],
    &["aleksei", "oleksii", "oleksiy"],
    &["elena", "olena"],
    &["ekaterina", "kateryna", "katerina"],
    &["nikolai", "mykola", "mikola"],
    &["sergei", "serhii", "serhiy", "sergii"],
    &["yuri", "iurii", "iuri"],
    &["yulia", "iuliia", "iulia"],
    &["andrei", "andrii", "andriy"],
    &["dmitri", "dmytro", "dmitrii"],
    &["vladimir", "volodymyr"],
    &["mikhail", "mykhailo", "michail"],
    &["grigori", "hryhorii", "hryhoriy"],
    &["pavel", "pavlo"],
    &["pyotr", "petro", "petr"],
    &["galina", "halyna"],
    &["tatiana", "tetiana", "tetyana"],
    &["ludmila", "liudmyla", "lyudmyla"],
    &["evgeni", "yevhen", "ievgen", "evhen", "yevhenii"],
    &["vasili", "vasyl"],
    &["bogdan", "bohdan"],
    &["olga", "olha"],
    &["oleg", "oleh"],
    &["igor", "ihor"],
    &["georgi", "heorhii"],
    &["usman", "osman", "othman", "uthman"],
];

static COGNATES: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for group in COGNATE_GROUPS {
        let canonical = rewrite(group[0]);
        for other in &group[1..] {
            map.insert(rewrite(other), canonical.clone());
        }
    }
    map
});
