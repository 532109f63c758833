//! HTML of portal texts, from editors and imports alike, is cleaned before it is stored: only
//! the tags and attributes a page needs survive (headings, paragraphs, lists, tables, links,
//! emphasis, images over https), links get `rel="noopener noreferrer"`, and everything that
//! can run code (scripts, event handlers, `javascript:` URLs, styles, iframes) is dropped.

use std::collections::HashSet;

/// The cleaned HTML of `html`.
pub fn clean(html: &str) -> String {
    let tags: HashSet<&str> = [
        "p",
        "br",
        "h2",
        "h3",
        "h4",
        "ul",
        "ol",
        "li",
        "strong",
        "em",
        "b",
        "i",
        "u",
        "a",
        "img",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "blockquote",
        "div",
        "span",
        "hr",
    ]
    .into_iter()
    .collect();
    let schemes: HashSet<&str> = ["https", "http", "mailto", "tel"].into_iter().collect();
    ammonia::Builder::default()
        .tags(tags)
        .generic_attributes(["dir", "lang"].into_iter().collect())
        .tag_attributes(
            [
                ("a", ["href", "title"].into_iter().collect()),
                (
                    "img",
                    ["src", "alt", "width", "height"].into_iter().collect(),
                ),
                ("th", ["scope", "colspan", "rowspan"].into_iter().collect()),
                ("td", ["colspan", "rowspan"].into_iter().collect()),
            ]
            .into_iter()
            .collect(),
        )
        .url_schemes(schemes)
        .link_rel(Some("noopener noreferrer"))
        .clean(html)
        .to_string()
}

/// Plain text of `html` (tags removed, entities decoded, whitespace collapsed), at most
/// `max` characters, cut at a word boundary with "…".
pub fn plain_text(html: &str, max: usize) -> String {
    // A space before every tag keeps words of adjacent blocks apart.
    let text = ammonia::Builder::empty()
        .clean(&html.replace('<', " <"))
        .to_string();
    let decoded = text
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'");
    let words: Vec<&str> = decoded.split_whitespace().collect();
    let mut out = String::new();
    for w in words {
        if out.chars().count() + w.chars().count() + 1 > max {
            out.push('…');
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_handlers_and_javascript_urls_are_removed() {
        let dirty = r#"<p onclick="steal()">Hallo <script>alert(1)</script><a href="javascript:alert(1)">x</a>
            <img src="https://example.org/a.png" onerror="x()"><iframe src="https://evil"></iframe>
            <a href="https://www.bamf.de">BAMF</a><style>p{}</style></p>"#;
        let clean = clean(dirty);
        for bad in [
            "script",
            "onclick",
            "onerror",
            "javascript:",
            "iframe",
            "style",
            "alert",
        ] {
            assert!(!clean.contains(bad), "{bad} left in {clean}");
        }
        assert!(
            clean.contains(r#"<a href="https://www.bamf.de" rel="noopener noreferrer">BAMF</a>"#),
            "{clean}"
        );
        assert!(
            clean.contains(r#"<img src="https://example.org/a.png">"#),
            "{clean}"
        );
    }

    #[test]
    fn arabic_text_and_direction_survive() {
        let html = r#"<p dir="rtl">مرحبا بكم في <strong>أوسنابروك</strong></p>"#;
        assert_eq!(clean(html), html);
    }

    #[test]
    fn plain_text_is_short_and_decoded() {
        assert_eq!(
            plain_text("<p>Tom &amp; Jerry</p><p>im Kurs</p>", 100),
            "Tom & Jerry im Kurs"
        );
        let long = plain_text(&"<p>Wort </p>".repeat(100), 30);
        assert!(long.chars().count() <= 31 && long.ends_with('…'), "{long}");
    }
}
