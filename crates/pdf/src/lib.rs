//! PDF export of portal pages (issue 6): a page, its subtree or a whole region in one
//! language, typeset with typst. Arabic and Persian are shaped and laid out right to left;
//! the fonts (Noto, SIL OFL 1.1) ship in `fonts/`, so the result never depends on the host.
//!
//! Page content arrives as cleaned HTML. It is turned into a small tree (`html`) and handed to
//! a fixed typst template as JSON data, so no text ever becomes typst markup.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

mod html;
#[doc(hidden)]
pub mod pdftotext;
mod world;

use serde::Serialize;
use typst::diag::SourceDiagnostic;
use typst::ecow::EcoVec;
use typst_layout::PagedDocument;

pub use html::plain_text;

/// Writing direction of the document's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Dir {
    #[default]
    Ltr,
    Rtl,
}

impl Dir {
    /// `"rtl"` (any case) is right to left; everything else left to right.
    pub fn parse(s: &str) -> Self {
        if s.trim().eq_ignore_ascii_case("rtl") {
            Self::Rtl
        } else {
            Self::Ltr
        }
    }
}

/// One page of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// 0 for the requested page, 1 for its children, and so on.
    pub depth: u8,
    pub title: String,
    /// The page's content: HTML as `portal::sanitize::clean` leaves it.
    pub html: String,
}

/// What the PDF shows. All strings are plain text shown as they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfDocument {
    /// BCP 47 tag or ISO 639 code, e.g. `fa`, `ar`, `de-DE`, `uk`.
    pub lang: String,
    pub dir: Dir,
    pub title: String,
    pub region_name: String,
    /// Shown under the title as it is (e.g. "Stand: 12.03.2026").
    pub last_updated: String,
    /// Shown under the title; a link when it is an http(s) URL.
    pub source_url: String,
    pub sections: Vec<Section>,
}

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the PDF could not be typeset: {0}")]
    Typeset(String),
    #[error("the PDF could not be written: {0}")]
    Export(String),
}

/// The PDF of `doc`. CPU-bound (tens of milliseconds per page): call it off the async
/// executor.
pub fn render(doc: &PdfDocument) -> Result<Vec<u8>, PdfError> {
    let data = serde_json::to_vec(&Data::of(doc))
        .map_err(|e| PdfError::Typeset(format!("document data: {e}")))?;
    let world = world::DocWorld::new(data)
        .ok_or_else(|| PdfError::Typeset("the typesetter could not be set up".into()))?;
    // typst is not expected to panic, but a document must never take the server down.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let paged = typst::compile::<PagedDocument>(&world)
            .output
            .map_err(|e| PdfError::Typeset(messages(&e)))?;
        typst_pdf::pdf(&paged, &typst_pdf::PdfOptions::default())
            .map_err(|e| PdfError::Export(messages(&e)))
    }));
    // typst memoises across compilations; keep only what the last few renders used.
    typst::comemo::evict(4);
    result.unwrap_or_else(|_| Err(PdfError::Typeset("the typesetter failed".into())))
}

/// The names of the bundled font families.
pub fn font_families() -> Vec<String> {
    world::DocWorld::families()
}

fn messages(diags: &EcoVec<SourceDiagnostic>) -> String {
    let all: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
    if all.is_empty() {
        "unknown error".into()
    } else {
        all.join("; ")
    }
}

/// `/doc.json`, as `template.typ` reads it.
#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct Data<'a> {
    lang: String,
    region_code: Option<String>,
    dir: &'static str,
    title: Vec<html::Inline>,
    region: &'a str,
    updated: Vec<html::Inline>,
    source: &'a str,
    source_url: Option<&'a str>,
    sections: Vec<SectionData>,
}

#[derive(Serialize)]
struct SectionData {
    depth: u8,
    title: Vec<html::Inline>,
    blocks: Vec<html::Block>,
}

impl<'a> Data<'a> {
    fn of(doc: &'a PdfDocument) -> Self {
        let (lang, region_code) = lang_and_region(&doc.lang);
        let source = doc.source_url.trim();
        let rtl = doc.dir == Dir::Rtl;
        let lower = source.to_ascii_lowercase();
        Data {
            lang,
            region_code,
            dir: match doc.dir {
                Dir::Ltr => "ltr",
                Dir::Rtl => "rtl",
            },
            title: html::text_runs(&doc.title, rtl),
            region: &doc.region_name,
            updated: html::text_runs(&doc.last_updated, rtl),
            source,
            source_url: (lower.starts_with("https://") || lower.starts_with("http://"))
                .then_some(source),
            sections: doc
                .sections
                .iter()
                .map(|s| SectionData {
                    depth: s.depth,
                    title: html::text_runs(&s.title, rtl),
                    blocks: html::blocks(&s.html, rtl),
                })
                .collect(),
        }
    }
}

/// typst's `lang` (2–3 letters) and `region` (2 letters) from a BCP 47 tag; `und` when the
/// tag has no usable language.
fn lang_and_region(tag: &str) -> (String, Option<String>) {
    let mut parts = tag.trim().split(['-', '_']);
    let lang = parts
        .next()
        .filter(|l| (2..=3).contains(&l.len()) && l.chars().all(|c| c.is_ascii_alphabetic()))
        .map_or_else(|| "und".to_owned(), str::to_ascii_lowercase);
    let region = parts
        .find(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic()))
        .map(str::to_ascii_uppercase);
    (lang, region)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_become_typst_lang_and_region() {
        assert_eq!(lang_and_region("fa"), ("fa".into(), None));
        assert_eq!(lang_and_region("de-DE"), ("de".into(), Some("DE".into())));
        assert_eq!(
            lang_and_region("zh-Hans-cn"),
            ("zh".into(), Some("CN".into()))
        );
        assert_eq!(lang_and_region("#evil"), ("und".into(), None));
        assert_eq!(lang_and_region(""), ("und".into(), None));
    }

    #[test]
    fn fonts_cover_latin_cyrillic_and_arabic_script() {
        let families = font_families();
        assert!(families.iter().any(|f| f == "Noto Sans"), "{families:?}");
        assert!(
            families.iter().any(|f| f == "Noto Naskh Arabic"),
            "{families:?}"
        );
        // Ukrainian і ї є ґ, Russian ё, German umlauts, Turkish ğ ş ı İ.
        for c in "іїєґІЇЄҐёäöüßÄÖÜğşıİ€".chars() {
            assert!(world::covers("Noto Sans", c), "Noto Sans lacks {c}");
        }
        // Persian پ چ ژ گ ک ی, Arabic ة ى, the zero-width non-joiner Persian needs, and
        // Persian and Arabic digits.
        for c in "پچژگکیةىءأ\u{200c}۰۱۲۳۴۵۶۷۸۹٠١٢٣،؟".chars() {
            assert!(world::covers("Noto Naskh Arabic", c), "Naskh lacks {c:?}");
        }
    }
}
