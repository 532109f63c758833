//! What a reader gets out of our PDFs: the text `pdftotext` (poppler-utils) extracts must hold
//! every title and sentence, in logical (reading) order, for Farsi, Arabic, Ukrainian and
//! German. pdftotext is installed when missing (as root); otherwise these tests fail, never skip.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use ankommen_pdf::{Dir, PdfDocument, Section, plain_text, render};
use serde_json::Value;

/// The text poppler extracts from `pdf`, whitespace collapsed.
fn pdftotext(pdf: &[u8]) -> String {
    assert!(pdf.starts_with(b"%PDF-"), "not a PDF");
    let text = ankommen_pdf::pdftotext::pdftotext(pdf).unwrap();
    // Each page ends with its footer (region · title, page number; one or two lines): drop
    // it, so text that runs over a page break stays together.
    let footer = |l: &str| {
        let l = norm(l);
        l.contains('·')
            || l.split('/')
                .all(|n| !n.trim().is_empty() && n.trim().chars().all(|c| c.is_ascii_digit()))
    };
    let pages: Vec<String> = text
        .split('\u{c}')
        .map(|page| {
            let mut lines: Vec<&str> = page.lines().filter(|l| !l.trim().is_empty()).collect();
            for _ in 0..2 {
                if lines.last().is_some_and(|l| footer(l)) {
                    lines.pop();
                }
            }
            lines.join("\n")
        })
        .collect();
    norm(&pages.join("\n"))
}

/// Whitespace collapsed, and what poppler cannot place reliably in right-to-left text taken
/// out on both sides of a comparison:
/// - the bidi embedding marks pdftotext itself adds around runs (U+202A–U+202C …);
/// - the zero-width non-joiner of Persian (a zero-width glyph: poppler sorts it one letter
///   off, "می‌کنید" comes out as "میک‌نید"; the letters are right);
/// - Arabic vowel marks (tanween, shadda …): their glyphs sit above the baseline and the
///   exporter maps a mark and its letter to the whole cluster, so poppler may repeat them.
fn norm(s: &str) -> String {
    let kept: String = s
        .chars()
        .filter(|c| {
            !matches!(
                c,
                '\u{200c}'
                    | '\u{200e}'
                    | '\u{200f}'
                    | '\u{202a}'..='\u{202e}'
                    | '\u{2066}'..='\u{2069}'
                    | '\u{64b}'..='\u{65f}'
                    | '\u{670}'
            )
        })
        .collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Words only, for right-to-left text: poppler orders the words of a right-to-left line
/// correctly, but puts neutral characters next to a left-to-right run or at a line end on
/// the wrong side ("دارد. این" comes out as "دارد .این", "(Bürgerbüro)" as ") (Bürgerbüro")
/// and glues a Latin word to the next Arabic one. So punctuation at word edges goes, and a
/// change of script separates words.
fn words(s: &str) -> String {
    let rtl =
        |c: char| ('\u{590}'..='\u{8ff}').contains(&c) || ('\u{fb1d}'..='\u{feff}').contains(&c);
    let punct = |c: char| ".,،:;!?؟()[]«»\"'•·-/@".contains(c);
    let latin = |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric() && !rtl(*c));
    let chars: Vec<char> = norm(s).chars().collect();
    let mut spaced = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|j| chars.get(j));
        if punct(c) && !(latin(prev) && latin(chars.get(i + 1))) {
            // Punctuation counts only inside Latin runs ("501-4000", "info@x.de").
            spaced.push(' ');
            continue;
        }
        if let Some(p) = prev
            && p.is_alphanumeric()
            && c.is_alphanumeric()
            && rtl(*p) != rtl(c)
        {
            spaced.push(' ');
        }
        spaced.push(c);
    }
    spaced
        .split_whitespace()
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every text run of `html` longer than a few characters (tags split runs), in order, each
/// with whether its block (paragraph, list item, heading) has an Arabic vowel mark.
fn runs(html: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut blocks = vec![html.to_owned()];
    for end in ["</p>", "</li>", "</h2>", "</h3>", "</h4>", "<ul>", "<ol>"] {
        blocks = blocks
            .iter()
            .flat_map(|b| b.split(end).map(str::to_owned).collect::<Vec<_>>())
            .collect();
    }
    for block in blocks {
        let marked = block.chars().any(is_mark);
        for piece in block
            .split('<')
            .map(|p| p.split_once('>').map_or(p, |(_, t)| t))
        {
            let t = plain_text(piece);
            if t.chars().count() >= 8 {
                out.push((t, marked));
            }
        }
    }
    out
}

/// Arabic vowel marks (tanween, shadda, …).
fn is_mark(c: char) -> bool {
    ('\u{64b}'..='\u{65f}').contains(&c) || c == '\u{670}'
}

/// Asserts that every string of `wanted` occurs in `text`, each after the one before.
fn assert_in_order(text: &str, wanted: &[String]) {
    let mut from = 0;
    for w in wanted {
        match text[from..].find(w.as_str()) {
            Some(i) => from += i + w.len(),
            None => panic!(
                "{w:?} not found in order; after byte {from} the text is:\n{}\n\nwhole text:\n{text}",
                &text[from..]
            ),
        }
    }
}

/// Pages of the demo portal in `lang`: (id, parent id, title, content).
fn demo_pages(lang: &str) -> Vec<(u64, u64, String, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../db/demo_portal/landkreis-osnabrueck")
        .join(lang)
        .join("pages.json");
    let pages: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    pages
        .iter()
        .map(|p| {
            (
                p["id"].as_u64().unwrap(),
                p["parent"]["id"].as_u64().unwrap_or(0),
                p["title"].as_str().unwrap().to_owned(),
                p["content"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// The first root page of the demo county in `lang` and its children, as a document.
fn demo_document(lang: &str, dir: Dir) -> PdfDocument {
    let pages = demo_pages(lang);
    let root = pages.iter().find(|p| p.1 == 0).unwrap();
    let mut sections = vec![Section {
        depth: 0,
        title: root.2.clone(),
        html: root.3.clone(),
    }];
    for child in pages.iter().filter(|p| p.1 == root.0).take(2) {
        sections.push(Section {
            depth: 1,
            title: child.2.clone(),
            html: child.3.clone(),
        });
    }
    PdfDocument {
        lang: lang.into(),
        dir,
        title: root.2.clone(),
        region_name: "Landkreis Osnabrück".into(),
        last_updated: "2026-03-12".into(),
        source_url: format!("https://ankommen.example/portal/landkreis-osnabrueck/{lang}/"),
        sections,
    }
}

/// The whole document's text must come out in reading order: title, then each section's
/// title and text runs (for right-to-left languages compared word by word, see `words`).
/// Runs in a block with an Arabic vowel mark are only checked for their words, in any order:
/// poppler splits a line with such a mark (the exporter draws it on its own raised baseline)
/// and may then put that paragraph's lines in the wrong order. At most a tenth of the runs
/// may be of this kind.
fn check_language(lang: &str, dir: Dir) -> String {
    let doc = demo_document(lang, dir);
    let text = pdftotext(&render(&doc).unwrap());
    let f = |s: &str| if dir == Dir::Rtl { words(s) } else { norm(s) };
    let mut wanted = vec![f(&doc.region_name), f(&doc.title)];
    let mut loose = Vec::new();
    for s in &doc.sections {
        wanted.push(f(&s.title));
        for (run, marked) in runs(&s.html) {
            if !marked {
                wanted.push(f(&run));
            } else {
                loose.push(f(&run));
            }
        }
    }
    let text = f(&text);
    assert!(wanted.len() >= 12, "only {} strict runs", wanted.len());
    assert_in_order(&text, &wanted);
    let all: std::collections::HashSet<&str> = text.split(' ').collect();
    for run in &loose {
        for w in run.split(' ') {
            assert!(all.contains(w), "{w:?} of {run:?} missing from {text}");
        }
    }
    text
}

#[test]
fn farsi_text_is_extractable_in_reading_order() {
    let text = check_language("fa", Dir::Rtl);
    // Persian letters that Arabic lacks survive.
    assert!(text.contains("پیدا میکنید"), "{text}");
    // Base letters, not presentation forms (U+FB50–U+FEFF), so search and copy work.
    assert!(
        !text
            .chars()
            .any(|c| ('\u{fb50}'..='\u{fdff}').contains(&c)
                || ('\u{fe70}'..='\u{fefe}').contains(&c)),
        "presentation forms in {text}"
    );
}

#[test]
fn arabic_text_is_extractable_in_reading_order() {
    let text = check_language("ar", Dir::Rtl);
    assert!(text.contains("الوصول إلى مقاطعة أوسنابروك"), "{text}");
}

#[test]
fn ukrainian_text_is_extractable_in_reading_order() {
    let text = check_language("uk", Dir::Ltr);
    assert!(text.contains("Прибуття до району Оснабрюк"), "{text}");
}

#[test]
fn german_text_with_umlauts_is_extractable_in_reading_order() {
    let text = check_language("de", Dir::Ltr);
    assert!(text.contains("Bürgerbüro"), "{text}");
}

#[test]
fn hostile_text_is_shown_literally_never_run() {
    let hostile = r##"#import "x.typ": * #set page(fill: red) *fett* _kursiv_ $x^2$ [a] ] \ <label> @ref `code` // kein Kommentar /* auch nicht */ #{1 + 1} ~ -- ---"##;
    let doc = PdfDocument {
        lang: "de".into(),
        dir: Dir::Ltr,
        title: format!("= Titel {hostile}"),
        region_name: "#panic(\"boom\")".into(),
        last_updated: "#read(\"/etc/passwd\")".into(),
        source_url: "javascript:alert(1) #link(\"x\")".into(),
        sections: vec![Section {
            depth: 0,
            title: "= Überschrift".into(),
            html: format!(
                "<p>{}</p><p>= Zeile mit Gleichheitszeichen</p><ul><li>- kein Punkt</li></ul>",
                hostile
                    .replace('&', "&amp;")
                    .replace('<', "&lt;")
                    .replace('>', "&gt;")
            ),
        }],
    };
    let text = pdftotext(&render(&doc).unwrap());
    for w in [
        "= Titel #import \"x.typ\": *",
        "#set page(fill: red) *fett* _kursiv_ $x^2$ [a] ] \\ <label> @ref `code`",
        "// kein Kommentar /* auch nicht */ #{1 + 1} ~ -- ---",
        "#panic(\"boom\")",
        "#read(\"/etc/passwd\")",
        "javascript:alert(1) #link(\"x\")",
        "= Überschrift",
        "= Zeile mit Gleichheitszeichen",
        "- kein Punkt",
    ] {
        assert!(text.contains(w), "{w:?} missing from {text}");
    }
}

#[test]
fn nested_lists_tables_links_and_quotes_show_their_text() {
    let html = r#"<h2>Unterlagen</h2>
        <ol><li>Pass<ul><li>gültig<ol><li>mindestens sechs Monate</li></ol></li></ul></li><li>Meldebescheinigung</li></ol>
        <table><thead><tr><th>Tag</th><th>Uhrzeit</th></tr></thead>
        <tbody><tr><td>Montag</td><td>8–12 Uhr</td></tr><tr><td colspan="2">Mittwoch geschlossen</td></tr></tbody></table>
        <blockquote><p>Bitte pünktlich kommen.</p></blockquote><hr>
        <p>Telefon <a href="tel:+49541501">0541 501</a>, <a href="https://www.bamf.de/DE/Startseite/startseite_node.html">BAMF</a>, <a href="mailto:info@example.org">E-Mail</a> <img src="https://x.example/a.png" alt="Karte"><br>Neue Zeile</p>"#;
    let doc = PdfDocument {
        lang: "de-DE".into(),
        dir: Dir::Ltr,
        title: "Strukturen".into(),
        region_name: "Test".into(),
        last_updated: String::new(),
        source_url: String::new(),
        sections: vec![Section {
            depth: 0,
            title: "Strukturen".into(),
            html: html.into(),
        }],
    };
    let text = pdftotext(&render(&doc).unwrap());
    assert_in_order(
        &text,
        &[
            "Unterlagen",
            "Pass",
            "gültig",
            "mindestens sechs Monate",
            "Meldebescheinigung",
            "Tag",
            "Uhrzeit",
            "Montag",
            "8–12 Uhr",
            "Mittwoch geschlossen",
            "Bitte pünktlich kommen.",
            "Telefon 0541 501 (+49541501), BAMF (https://www.bamf.de/DE/",
            "E-Mail (info@example.org) [Karte]",
            "Neue Zeile",
        ]
        .map(String::from),
    );
}

#[test]
fn rtl_text_with_latin_runs_and_a_table_keeps_its_order() {
    let html = "<p>تلفن دفتر: 0541 501-4000 و ایمیل info@landkreis-osnabrueck.de است.</p>\
        <table><tr><th>روز</th><th>ساعت</th></tr><tr><td>دوشنبه</td><td>8 تا 12</td></tr></table>";
    let doc = PdfDocument {
        lang: "fa".into(),
        dir: Dir::Rtl,
        title: "ساعات کاری".into(),
        region_name: "Landkreis Osnabrück".into(),
        last_updated: String::new(),
        source_url: String::new(),
        sections: vec![Section {
            depth: 0,
            title: "ساعات کاری".into(),
            html: html.into(),
        }],
    };
    let text = pdftotext(&render(&doc).unwrap());
    // The Latin runs stay whole and in their own order; poppler reads a line in which Latin
    // outweighs Arabic script from left to right, so only the runs themselves are checked.
    for w in [
        "0541 501-4000",
        "info@landkreis-osnabrueck.de",
        "روز",
        "ساعت",
        "دوشنبه",
    ] {
        assert!(text.contains(w), "{w:?} missing from {text}");
    }
    assert_in_order(&text, &["ساعات کاری", "ساعت", "روز"].map(String::from));
}

#[test]
fn a_document_without_sections_still_renders() {
    let doc = PdfDocument {
        lang: "ar".into(),
        dir: Dir::Rtl,
        title: "لا توجد صفحات".into(),
        region_name: String::new(),
        last_updated: String::new(),
        source_url: String::new(),
        sections: vec![],
    };
    let text = pdftotext(&render(&doc).unwrap());
    assert!(text.contains("لا توجد صفحات"), "{text}");
}

#[test]
fn odd_language_tags_and_empty_html_do_not_fail() {
    for lang in ["", "x", "not a tag", "de_AT", "sr-Latn-RS"] {
        let doc = PdfDocument {
            lang: lang.into(),
            dir: Dir::Ltr,
            title: String::new(),
            region_name: String::new(),
            last_updated: String::new(),
            source_url: String::new(),
            sections: vec![Section {
                depth: 200,
                title: String::new(),
                html: "<p></p><ul></ul><table></table><a href=\"\"></a>".into(),
            }],
        };
        assert!(render(&doc).unwrap().starts_with(b"%PDF-"), "{lang}");
    }
}
