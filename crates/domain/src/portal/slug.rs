//! URL slugs of page titles.
//!
//! Choice for non-Latin scripts: letters and digits of **every script are kept** (lower-cased),
//! so an Arabic, Persian, Ukrainian or Russian title gets a readable slug in its own script,
//! as Integreat does. The slug is stored as Unicode; [`url_segment`] gives the percent-encoded
//! form for URLs and HTTP headers. Only when nothing usable is left (a title of emoji or
//! punctuation) does [`slug_or_id`] fall back to the page id.
//!
//! Latin letters are transliterated the German way: ä→ae, ö→oe, ü→ue, ß→ss (also when the
//! umlaut is written as a combining diaeresis), other diacritics are dropped (é→e, ş→s,
//! ı→i, ł→l). Arabic vowel marks and the tatweel are dropped; zero-width and direction marks
//! (ZWNJ in Persian) vanish without a separator. Anything else separates words with `-`.

/// Longest slug, in characters; longer ones are cut at a word boundary where possible.
pub const SLUG_MAX: usize = 80;

/// ASCII replacement of a Latin letter with diacritics (lower case input), if it has one.
fn latin(c: char) -> Option<&'static str> {
    Some(match c {
        'ä' | 'æ' => "ae",
        'ö' | 'œ' => "oe",
        'ø' => "o",
        'ü' => "ue",
        'ß' => "ss",
        'à' | 'á' | 'â' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' | 'ģ' | 'ġ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ķ' => "k",
        'ł' | 'ľ' | 'ļ' | 'ĺ' => "l",
        'ñ' | 'ń' | 'ň' | 'ņ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ō' | 'ő' => "o",
        'ř' | 'ŕ' => "r",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'ť' | 'ţ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'þ' => "th",
        _ => return None,
    })
}

/// Characters dropped without separating words: combining marks, Arabic vowel marks and
/// tatweel, zero-width and bidirectional formatting characters, the soft hyphen.
fn silent(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0610}'..='\u{061A}'
        | '\u{0640}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}'
        | '\u{00AD}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}')
}

/// The slug of a title (may be empty; see [`slug_or_id`]). Never panics, any input.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    let mut pending_dash = false;
    for c in title.chars().flat_map(char::to_lowercase) {
        if c == '\u{0308}' && out.ends_with(['a', 'o', 'u']) {
            out.push('e'); // a + combining diaeresis: the decomposed ä
            continue;
        }
        if silent(c) {
            continue;
        }
        let piece: Option<&str> = latin(c);
        if piece.is_none() && !c.is_alphanumeric() {
            pending_dash = true;
            continue;
        }
        if pending_dash && !out.is_empty() {
            out.push('-');
        }
        pending_dash = false;
        match piece {
            Some(p) => out.push_str(p),
            None => out.push(c),
        }
    }
    truncate(out)
}

fn truncate(slug: String) -> String {
    if slug.chars().count() <= SLUG_MAX {
        return slug;
    }
    let cut: String = slug.chars().take(SLUG_MAX).collect();
    // Cut at the last word boundary if that keeps at least half the length.
    match cut.rfind('-') {
        Some(i) if cut[..i].chars().count() >= SLUG_MAX / 2 => cut[..i].to_owned(),
        _ => cut.trim_end_matches('-').to_owned(),
    }
}

/// The slug of `title`, or the page id as text when the title leaves nothing usable.
pub fn slug_or_id(title: &str, id: u64) -> String {
    let s = slug(title);
    if s.is_empty() { id.to_string() } else { s }
}

/// `slug`, or `slug-2`, `slug-3`, … whichever is not in `taken` (slugs are unique per region
/// and language).
pub fn unique_slug(slug: &str, taken: &[&str]) -> String {
    if !taken.contains(&slug) {
        return slug.to_owned();
    }
    (2u64..)
        .map(|n| format!("{slug}-{n}"))
        .find(|s| !taken.contains(&s.as_str()))
        .unwrap_or_else(|| slug.to_owned())
}

/// The slug percent-encoded for a URL path segment (UTF-8 bytes outside `a-z0-9-._~` as
/// `%XX`), e.g. `ترحيب` → `%D8%AA%D8%B1%D8%AD%D9%8A%D8%A8`.
pub fn url_segment(slug: &str) -> String {
    let mut out = String::with_capacity(slug.len());
    for b in slug.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Whether `text` is a slug as [`slug`] makes them (non-empty, no separators at the ends, no
/// double `-`, no upper case, no characters that [`slug`] would replace).
pub fn is_slug(text: &str) -> bool {
    !text.is_empty() && slug(text) == text
}

#[cfg(test)]
mod tests;
