//! Folding text into search terms, identically for documents and queries, in every script.
//!
//! A term is a run of letters and digits (Unicode-aware), lower-cased and folded so that the
//! spellings people actually type meet the spellings editors wrote: Latin diacritics dropped
//! (ä also as ae), Turkish İ/ı → i, Cyrillic ё → е, Arabic vowel marks, tatweel and letter
//! variants unified (Arabic and Persian yeh, kaf, alef forms, teh marbuta), Eastern digits as
//! ASCII digits. Ukrainian і, ї, є, ґ stay distinct letters. Han and kana characters, which
//! are written without spaces, become one term each.

/// One word of a text: its folded form, other spellings, and where it stands in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Token {
    /// The folded term.
    pub term: String,
    /// Other spellings of the same word, different from `term`: the German umlaut form
    /// (`ärztin` → `aerztin`) and the form with `ae`/`oe`/`ue` collapsed (`aerztin` →
    /// `arztin`), so that Ärztin, Aerztin and Arztin meet.
    pub variants: Vec<String>,
    /// The pieces of a word joined by a zero-width non-joiner (Persian `می‌خواهم` gives `مي`
    /// and `خواهم`), indexed so that a query typed with a space instead still finds it.
    pub parts: Vec<String>,
    /// Byte range of the word in the original text (with its trailing marks).
    pub start: usize,
    pub end: usize,
}

/// The folded terms of `text`, in order. Documents and queries go through the same folding.
pub fn normalise(text: &str) -> Vec<String> {
    tokens(text).into_iter().map(|t| t.term).collect()
}

/// The words of `text` with their variants and byte positions. Never panics, any input.
pub(super) fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut word: Option<Word> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let end = at + c.len_utf8();
        if is_apostrophe(c) {
            // Inside a Cyrillic word (Ukrainian м'ясо) the apostrophe is part of the word.
            let next_cyrillic = chars.peek().is_some_and(|&(_, n)| is_cyrillic(n));
            if let Some(w) = word.as_mut()
                && next_cyrillic
                && w.primary.chars().next_back().is_some_and(is_cyrillic)
            {
                w.end = end;
                continue;
            }
            flush(&mut word, &mut out);
        } else if is_silent(c) {
            if let Some(w) = word.as_mut() {
                w.mark(c);
                w.end = end;
            }
        } else if is_ideograph(c) {
            flush(&mut word, &mut out);
            let mut w = Word::new(at);
            w.letter(c);
            w.end = end;
            out.push(w.finish());
        } else if c.is_alphanumeric() {
            let w = word.get_or_insert_with(|| Word::new(at));
            w.letter(c);
            w.end = end;
        } else {
            flush(&mut word, &mut out);
        }
    }
    flush(&mut word, &mut out);
    out
}

fn flush(word: &mut Option<Word>, out: &mut Vec<Token>) {
    if let Some(w) = word.take()
        && !w.primary.is_empty()
    {
        out.push(w.finish());
    }
}

/// A word being read: the plain fold and, once an umlaut was seen, the German fold.
struct Word {
    primary: String,
    /// The German fold (ä → ae), if it differs from `primary`.
    german: Option<String>,
    /// Byte offsets in `primary` where a zero-width non-joiner stood.
    joints: Vec<usize>,
    start: usize,
    end: usize,
}

impl Word {
    fn new(start: usize) -> Word {
        Word {
            primary: String::new(),
            german: None,
            joints: Vec::new(),
            start,
            end: start,
        }
    }

    fn push_str(&mut self, s: &str) {
        self.primary.push_str(s);
        if let Some(g) = self.german.as_mut() {
            g.push_str(s);
        }
    }

    fn push(&mut self, c: char) {
        self.primary.push(c);
        if let Some(g) = self.german.as_mut() {
            g.push(c);
        }
    }

    /// Appends `e` to the German fold only (the umlaut's second letter).
    fn umlaut_e(&mut self) {
        self.german
            .get_or_insert_with(|| self.primary.clone())
            .push('e');
    }

    fn letter(&mut self, c: char) {
        if c == 'İ' {
            // Its lower case is i + combining dot above; Turkish readers mean plain i.
            self.push('i');
            return;
        }
        for l in c.to_lowercase() {
            match fold(l) {
                Fold::Char(x) => self.push(x),
                Fold::Str(s) => self.push_str(s),
                Fold::Umlaut(base) => {
                    self.push(base);
                    self.umlaut_e();
                }
            }
        }
    }

    /// A silent character inside a word: mostly dropped, but a combining mark may complete
    /// the letter before it (u + U+0308 is ü, и + U+0306 is й).
    fn mark(&mut self, c: char) {
        let last = self.primary.chars().next_back();
        let german_last = self.german.as_ref().and_then(|g| g.chars().next_back());
        match (last, c) {
            (Some(l @ ('a' | 'o' | 'u')), '\u{0308}') if german_last.is_none_or(|g| g == l) => {
                self.umlaut_e();
            }
            (Some('і'), '\u{0308}') => self.replace_last('ї'),
            (Some('и'), '\u{0306}') => self.replace_last('й'),
            (Some(_), '\u{200C}') => self.joints.push(self.primary.len()),
            _ => {}
        }
    }

    fn replace_last(&mut self, c: char) {
        self.primary.pop();
        if let Some(g) = self.german.as_mut() {
            g.pop();
        }
        self.push(c);
    }

    fn finish(self) -> Token {
        let Word {
            mut primary,
            mut german,
            joints,
            start,
            end,
        } = self;
        let mut parts: Vec<String> = Vec::new();
        let mut from = 0;
        for at in joints.into_iter().chain([primary.len()]) {
            if let Some(part) = primary.get(from..at)
                && !part.is_empty()
                && part != primary
                && !parts.iter().any(|p| p == part)
            {
                parts.push(part.to_owned());
            }
            from = at;
        }
        if primary.chars().any(is_cyrillic) && primary.chars().any(|c| c.is_ascii_alphabetic()) {
            primary = cyrillic_lookalikes(&primary);
            german = german.as_deref().map(cyrillic_lookalikes);
            parts = parts.iter().map(|p| cyrillic_lookalikes(p)).collect();
        }
        let mut variants = Vec::new();
        if let Some(german) = german
            && german != primary
        {
            variants.push(german);
        }
        if let Some(collapsed) = collapse(&primary)
            && !variants.contains(&collapsed)
        {
            variants.push(collapsed);
        }
        Token {
            term: primary,
            variants,
            parts,
            start,
            end,
        }
    }
}

enum Fold {
    Char(char),
    Str(&'static str),
    /// ä, ö, ü: the base letter, and base + e in the German form.
    Umlaut(char),
}

/// The fold of one lower-case character.
fn fold(c: char) -> Fold {
    let to = match c {
        'ä' => return Fold::Umlaut('a'),
        'ö' => return Fold::Umlaut('o'),
        'ü' => return Fold::Umlaut('u'),
        'ß' => return Fold::Str("ss"),
        'æ' => return Fold::Str("ae"),
        'œ' => return Fold::Str("oe"),
        'þ' => return Fold::Str("th"),
        'ĳ' => return Fold::Str("ij"),
        'à' | 'á' | 'â' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' | 'ǎ' => 'a',
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => 'c',
        'ď' | 'đ' | 'ð' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'ĕ' => 'e',
        'ğ' | 'ģ' | 'ġ' | 'ĝ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' | 'ĩ' | 'ĭ' | 'ǐ' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ł' | 'ľ' | 'ļ' | 'ĺ' | 'ŀ' => 'l',
        'ñ' | 'ń' | 'ň' | 'ņ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ō' | 'ő' | 'ø' | 'ŏ' | 'ơ' | 'ǒ' => 'o',
        'ř' | 'ŕ' | 'ŗ' => 'r',
        'ś' | 'š' | 'ş' | 'ș' | 'ŝ' | 'ſ' => 's',
        'ť' | 'ţ' | 'ț' | 'ŧ' => 't',
        'ù' | 'ú' | 'û' | 'ū' | 'ů' | 'ű' | 'ų' | 'ũ' | 'ŭ' | 'ư' | 'ǔ' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        // Russian ё is written е in most texts; Ukrainian і, ї, є, ґ stay as they are.
        'ё' => 'е',
        'ά' => 'α',
        'έ' => 'ε',
        'ή' => 'η',
        'ί' | 'ϊ' | 'ΐ' => 'ι',
        'ό' => 'ο',
        'ύ' | 'ϋ' | 'ΰ' => 'υ',
        'ώ' => 'ω',
        'ς' => 'σ',
        // Arabic script: alef with hamza or madda, alef wasla → bare alef; alef maksura and
        // Persian yeh → Arabic yeh; Persian keheh → Arabic kaf; teh marbuta and heh with
        // yeh above → heh (the forms Arabic and Persian keyboards mix up).
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' | 'ی' => 'ي',
        'ک' => 'ك',
        'ة' | 'ۀ' => 'ه',
        '\u{0660}'..='\u{0669}' => digit(c, 0x0660),
        '\u{06F0}'..='\u{06F9}' => digit(c, 0x06F0),
        '\u{0966}'..='\u{096F}' => digit(c, 0x0966),
        '\u{FF10}'..='\u{FF19}' | '\u{FF41}'..='\u{FF5A}' => {
            char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c)
        }
        _ => c,
    };
    Fold::Char(to)
}

fn digit(c: char, zero: u32) -> char {
    char::from_digit(u32::from(c) - zero, 10).unwrap_or(c)
}

/// `term` with `ae`, `oe`, `ue` as `a`, `o`, `u` (the ASCII spelling of umlauts, read
/// back), if it has any.
fn collapse(term: &str) -> Option<String> {
    if !["ae", "oe", "ue"].iter().any(|p| term.contains(p)) {
        return None;
    }
    let mut out = String::with_capacity(term.len());
    let mut chars = term.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if matches!(c, 'a' | 'o' | 'u') && chars.peek() == Some(&'e') {
            chars.next();
        }
    }
    Some(out)
}

/// In a Cyrillic word, a Latin letter that looks the same is the Cyrillic one typed on the
/// wrong keyboard layout (Ukrainian і is often typed as Latin i).
fn cyrillic_lookalikes(word: &str) -> String {
    word.chars().map(cyrillic_lookalike).collect()
}

fn cyrillic_lookalike(c: char) -> char {
    match c {
        'a' => 'а',
        'c' => 'с',
        'e' => 'е',
        'i' => 'і',
        'k' => 'к',
        'o' => 'о',
        'p' => 'р',
        'x' => 'х',
        'y' => 'у',
        _ => c,
    }
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{052F}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// Characters written without spaces between words, indexed one by one.
fn is_ideograph(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'
        | '\u{31F0}'..='\u{31FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}')
}

/// Characters dropped without separating words: combining marks (Latin, Cyrillic, Hebrew
/// points, Arabic vowel marks and Quranic signs), the tatweel, zero-width non-joiner and
/// joiner, direction marks, the soft hyphen, variation selectors. The zero-width space
/// (U+200B) separates words instead.
pub(super) fn is_silent(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05BD}'
        | '\u{05BF}'
        | '\u{05C1}'..='\u{05C2}'
        | '\u{05C4}'..='\u{05C5}'
        | '\u{05C7}'
        | '\u{0610}'..='\u{061A}'
        | '\u{061C}'
        | '\u{0640}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{00AD}'
        | '\u{200C}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{FEFF}')
}
