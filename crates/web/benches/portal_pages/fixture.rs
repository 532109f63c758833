//! The benchmark region's files: 500 pages in 7 languages, Integreat-shaped.

use super::*;

/// Page `k` (0-based): roots are 0..roots, then `children` children per root in order.
pub(super) struct Shape {
    pub(super) roots: usize,
    pub(super) children: usize,
}

impl Shape {
    pub(super) fn count(&self) -> usize {
        self.roots * (1 + self.children)
    }
    /// (root index, child index if a child).
    pub(super) fn place(&self, k: usize) -> (usize, Option<usize>) {
        if k < self.roots {
            (k, None)
        } else {
            let c = k - self.roots;
            (c / self.children, Some(c % self.children))
        }
    }
    /// The page id (what children name as `parent.id`).
    pub(super) fn page_id(k: usize) -> u64 {
        k as u64 + 1
    }
    /// The translation id of page `k` in language `li`: unique per language.
    pub(super) fn translation_id(li: usize, k: usize) -> u64 {
        (li as u64 + 1) * 100_000 + k as u64 + 1
    }
    pub(super) fn path(&self, li: usize, k: usize) -> String {
        let (code, _, _, _, topic, entry, _) = LANGS[li];
        match self.place(k) {
            (r, None) => format!("/{REGION}/{code}/{topic}-{}/", r + 1),
            (r, Some(c)) => format!("/{REGION}/{code}/{topic}-{}/{entry}-{}/", r + 1, c + 1),
        }
    }
}

/// 1–2 KB of HTML in language `li` (length varies with `k`).
pub(super) fn content(li: usize, k: usize) -> String {
    let sentence = LANGS[li].6;
    let target = 1_000 + (k * 379) % 1_000;
    let mut html = format!(
        "<h2>{}</h2><p dir=\"{}\">{sentence}</p><ul><li>{sentence}</li><li><a href=\"https://www.example.org/info/{k}\">www.example.org</a></li></ul>",
        k + 1,
        LANGS[li].3
    );
    while html.len() < target {
        html.push_str(&format!(
            "<p><strong>{}.</strong> {sentence}</p>",
            k % 7 + 1
        ));
    }
    html
}

pub(super) fn region_json() -> Value {
    let languages: Vec<Value> = LANGS
        .iter()
        .enumerate()
        .map(|(i, (code, tag, name, dir, ..))| {
            json!({"id": i + 1, "code": code, "bcp47_tag": tag, "native_name": name, "dir": dir})
        })
        .collect();
    json!([{
        "id": 42, "name": "Landkreis Bench", "path": REGION, "live": true, "prefix": "Landkreis",
        "name_without_prefix": "Bench", "plz": "49565", "extras": false, "events": true, "pois": true,
        "push_notifications": false, "longitude": 7.9728, "latitude": 52.4081,
        "bounding_box": [[7.8512, 52.3518], [8.0845, 52.4733]],
        "aliases": null, "tunews": false, "external_news": false, "zammad_privacy_policy": null,
        "languages": languages,
        "is_chat_enabled": false
    }])
}

pub(super) fn pages_json(shape: &Shape, li: usize) -> Value {
    let (code, ..) = LANGS[li];
    let pages: Vec<Value> = (0..shape.count())
        .map(|k| {
            let path = shape.path(li, k);
            let (root, child) = shape.place(k);
            let (parent, order) = match child {
                None => (json!({"id": 0, "url": null, "path": null}), root + 1),
                Some(c) => {
                    let ppath = shape.path(li, root);
                    (
                        json!({"id": Shape::page_id(root), "url": format!("{HOST}{ppath}"), "path": ppath}),
                        c + 1,
                    )
                }
            };
            let others: serde_json::Map<String, Value> = (0..LANGS.len())
                .filter(|&o| o != li)
                .map(|o| {
                    let p = shape.path(o, k);
                    (
                        LANGS[o].0.to_owned(),
                        json!({"id": Shape::translation_id(o, k), "url": format!("{HOST}{p}"), "path": p}),
                    )
                })
                .collect();
            let title = format!("{} {}", LANGS[li].4, k + 1);
            json!({
                "id": Shape::translation_id(li, k),
                "url": format!("{HOST}{path}"),
                "path": path,
                "title": title,
                "modified_gmt": "2026-11-20T09:15:00Z",
                "last_updated": "2026-11-20T10:15:00+01:00",
                "excerpt": format!("{title} ({code}): {}", LANGS[li].6),
                "content": content(li, k),
                "parent": parent,
                "order": order,
                "available_languages": others,
                "thumbnail": null,
                "organization": null,
                "hash": null,
                "embedded_offers": []
            })
        })
        .collect();
    Value::Array(pages)
}

pub(super) fn write_files(dir: &Path, shape: &Shape) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join("regions.json"), region_json().to_string()).unwrap();
    for (li, (code, ..)) in LANGS.iter().enumerate() {
        let d = dir.join(REGION).join(code);
        std::fs::create_dir_all(&d).unwrap();
        std::fs::write(d.join("pages.json"), pages_json(shape, li).to_string()).unwrap();
    }
}
