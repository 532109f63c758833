//! `ankommen portal import-integreat DIR`: reads a folder of JSON files exactly as an
//! Integreat server serves them — `regions.json` (the body of `regions/`) and per region and
//! language `{region}/{language}/pages.json`, `events.json` (with `combine_recurring`) and
//! `locations.json` — checks every file (the first problem is reported with the file and
//! its JSON path, and nothing is imported), cleans the HTML and hands the regions to
//! `ankommen_db::portal::import`, which writes all of them or none.
//!
//! Pages: each file holds one language; the translations of one page are linked through
//! `available_languages`. A page's own id is what its children name as `parent.id`; a page
//! without children keeps the smallest of its translation ids (documented in
//! docs/integreat-api.md). Missing event or location files count as empty.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use ankommen_db::portal::{
    CategoryIn, EventIn, LanguageIn, PageIn, PlaceIn, RegionContent, RegionIn, TextIn,
};
use ankommen_domain::portal::integreat::{
    Context, Event, ImportError, Imprint, Location, Page, Region, from_value, parse_file,
};
use serde_json::{Value, json};
use time::PrimitiveDateTime;
use time::format_description::well_known::Rfc3339;

use super::sanitize;

fn fail(file: &str, path: &str, message: impl Into<String>) -> ImportError {
    ImportError {
        file: file.to_owned(),
        path: path.to_owned(),
        message: message.into(),
    }
}

fn read(dir: &Path, name: &str) -> Result<Option<String>, ImportError> {
    let path = dir.join(name);
    if !path.exists() {
        return Ok(None);
    }
    std::fs::read_to_string(&path)
        .map(Some)
        .map_err(|e| fail(name, "$", format!("cannot read the file: {e}")))
}

/// `2026-11-20T10:15:00+01:00` (with or without fractions) → UTC.
fn utc(file: &str, path: &str, raw: &str) -> Result<PrimitiveDateTime, ImportError> {
    let t = time::OffsetDateTime::parse(raw, &Rfc3339).map_err(|e| {
        fail(
            file,
            path,
            format!("last_updated '{raw}' is not ISO 8601 with an offset: {e}"),
        )
    })?;
    let u = t.to_offset(time::UtcOffset::UTC);
    Ok(PrimitiveDateTime::new(u.date(), u.time()))
}

/// The last segment of a path (`/augsburg/de/willkommen/sub/` → `sub`).
fn slug_of(path: &str) -> String {
    path.trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or("")
        .to_owned()
}

/// The parts of an Integreat object that become one of our texts.
struct Source<'a> {
    id: u64,
    code: &'a str,
    path: &'a str,
    title: &'a str,
    excerpt: &'a str,
    content: &'a str,
    last_updated: &'a str,
}

/// A text from one translation of `file`'s entry `i`; `passthrough`: what is served back
/// as imported until the text is edited.
fn text(file: &str, i: usize, s: Source<'_>, passthrough: Value) -> Result<TextIn, ImportError> {
    let clean = sanitize::clean(s.content);
    Ok(TextIn {
        external_id: s.id as i64,
        language_code: s.code.to_owned(),
        slug: slug_of(s.path),
        title: s.title.to_owned(),
        excerpt: if s.excerpt.is_empty() {
            sanitize::plain_text(&clean, 200)
        } else {
            s.excerpt.to_owned()
        },
        content: clean,
        meta_description: None,
        last_updated: utc(file, &format!("[{i}].last_updated"), s.last_updated)?,
        passthrough,
    })
}

/// Union-find over translation ids: the translations of one page.
struct Groups(HashMap<u64, u64>);

impl Groups {
    fn root(&mut self, x: u64) -> u64 {
        let mut r = x;
        while let Some(&p) = self.0.get(&r) {
            if p == r {
                break;
            }
            r = p;
        }
        self.0.insert(x, r);
        r
    }
    fn join(&mut self, a: u64, b: u64) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            self.0.insert(ra.max(rb), ra.min(rb));
        }
    }
}

/// Reads and checks the whole folder. Nothing is written here.
pub fn read_dir(dir: &Path) -> Result<Vec<RegionContent>, ImportError> {
    let regions_text = read(dir, "regions.json")?.ok_or_else(|| {
        fail(
            "regions.json",
            "$",
            "missing: the folder must hold regions.json",
        )
    })?;
    let regions: Vec<Region> = parse_file("regions.json", &regions_text, &Context::new())?;
    let parents = parent_regions(dir, &regions)?;
    let mut out = Vec::new();
    for region in &regions {
        let ctx = Context::for_region(region);
        let slug = region.path.trim_matches('/').to_owned();
        let mut pages: Vec<(String, Vec<Page>)> = Vec::new();
        let mut events: Vec<(String, Vec<Event>)> = Vec::new();
        let mut places: Vec<(String, Vec<Location>)> = Vec::new();
        let mut imprint = Vec::new();
        for lang in &region.languages {
            let base = format!("{slug}/{}", lang.code);
            let name = format!("{base}/pages.json");
            if let Some(t) = read(dir, &name)? {
                pages.push((lang.code.clone(), parse_file(&name, &t, &ctx)?));
            }
            let name = format!("{base}/events.json");
            if let Some(t) = read(dir, &name)? {
                events.push((lang.code.clone(), parse_file(&name, &t, &ctx)?));
            }
            let name = format!("{base}/locations.json");
            if let Some(t) = read(dir, &name)? {
                places.push((lang.code.clone(), parse_file(&name, &t, &ctx)?));
            }
            let name = format!("{base}/imprint.json");
            if let Some(t) = read(dir, &name)? {
                imprint.push(imprint_in(&name, &lang.code, &t)?);
            }
        }
        let mut region_in = region_in(region);
        region_in.parent_slug = parents.get(&slug).cloned();
        out.push(RegionContent {
            region: region_in,
            imprint,
            pages: pages_in(&slug, &pages)?,
            places: places_in(&slug, &places)?,
            events: events_in(&slug, &events)?,
        });
    }
    Ok(out)
}

/// `ankommen.json` (optional, our addition): `{"parent_regions": {"town": "county"}}` — the
/// county region whose pages a town's portal shows too. Both must be regions of the import.
fn parent_regions(dir: &Path, regions: &[Region]) -> Result<HashMap<String, String>, ImportError> {
    const FILE: &str = "ankommen.json";
    let Some(text) = read(dir, FILE)? else {
        return Ok(HashMap::new());
    };
    let v: Value =
        serde_json::from_str(&text).map_err(|e| fail(FILE, "$", format!("not valid JSON: {e}")))?;
    let Value::Object(top) = &v else {
        return Err(fail(FILE, "$", "expected an object"));
    };
    if let Some(k) = top.keys().find(|k| *k != "parent_regions") {
        return Err(fail(FILE, &format!("$.{k}"), "unknown field"));
    }
    let slugs: Vec<String> = regions
        .iter()
        .map(|r| r.path.trim_matches('/').to_owned())
        .collect();
    let mut out = HashMap::new();
    let Some(map) = top.get("parent_regions") else {
        return Ok(out);
    };
    let Value::Object(map) = map else {
        return Err(fail(FILE, "$.parent_regions", "expected an object"));
    };
    for (town, county) in map {
        let path = format!("$.parent_regions.{town}");
        let Value::String(county) = county else {
            return Err(fail(FILE, &path, "expected a region slug"));
        };
        if !slugs.contains(town) {
            return Err(fail(
                FILE,
                &path,
                format!("'{town}' is not a region of regions.json"),
            ));
        }
        if !slugs.contains(county) {
            return Err(fail(
                FILE,
                &path,
                format!("'{county}' is not a region of regions.json"),
            ));
        }
        if town == county {
            return Err(fail(FILE, &path, "a region cannot be its own parent"));
        }
        out.insert(town.clone(), county.clone());
    }
    if let Some(town) = out.keys().find(|t| out.values().any(|c| c == *t)) {
        return Err(fail(
            FILE,
            &format!("$.parent_regions.{town}"),
            "a region with a parent cannot be a parent itself (county and towns only)",
        ));
    }
    Ok(out)
}

/// `{region}/{lang}/imprint.json`: the body of `imprint/` (one object; a list of one is
/// accepted too).
fn imprint_in(file: &str, code: &str, text_raw: &str) -> Result<TextIn, ImportError> {
    let v: Value = serde_json::from_str(text_raw)
        .map_err(|e| fail(file, "$", format!("not valid JSON: {e}")))?;
    let (v, at) = match v {
        Value::Array(mut items) if items.len() == 1 => (items.remove(0), "[0]"),
        Value::Array(_) => return Err(fail(file, "$", "expected one imprint")),
        other => (other, ""),
    };
    let imprint: Imprint = from_value(&v).map_err(|(path, message)| {
        fail(
            file,
            &format!("${at}{}", path.trim_start_matches('$')),
            message,
        )
    })?;
    let passthrough = json!({
        "path": imprint.path,
        "last_updated": imprint.last_updated,
        "modified_gmt": imprint.modified_gmt,
    });
    text(
        file,
        0,
        Source {
            id: imprint.id,
            code,
            path: &imprint.path,
            title: &imprint.title,
            excerpt: &imprint.excerpt,
            content: &imprint.content,
            last_updated: &imprint.last_updated,
        },
        passthrough,
    )
}

fn region_in(r: &Region) -> RegionIn {
    let root = r.languages.first().map(|l| l.code.clone());
    let mut passthrough = serde_json::to_value(r).unwrap_or(Value::Null);
    if let Value::Object(m) = &mut passthrough {
        m.remove("languages");
    }
    RegionIn {
        external_id: r.id as i64,
        slug: r.path.trim_matches('/').to_owned(),
        name: r.name.clone(),
        prefix: r.prefix.clone(),
        name_without_prefix: r.name_without_prefix.clone(),
        parent_slug: None,
        postcode: r.plz.clone(),
        latitude: r.latitude,
        longitude: r.longitude,
        status: if r.live { "active" } else { "hidden" }.to_owned(),
        events_enabled: r.events,
        places_enabled: r.pois,
        passthrough,
        languages: r
            .languages
            .iter()
            .map(|l| LanguageIn {
                external_id: l.id as i64,
                code: l.code.clone(),
                bcp47_tag: l.bcp47_tag.clone(),
                native_name: l.native_name.clone(),
                dir: l.dir.clone(),
                source_code: root.clone().filter(|r| *r != l.code),
            })
            .collect(),
    }
}

/// Groups translations of the same thing across languages; returns, per group root, the
/// translations as (language, index in that language's list).
fn group<T>(
    files: &[(String, Vec<T>)],
    id: impl Fn(&T) -> u64,
    links: impl Fn(&T) -> Vec<u64>,
) -> BTreeMap<u64, Vec<(usize, usize)>> {
    let mut g = Groups(HashMap::new());
    for (_, items) in files {
        for item in items {
            g.root(id(item));
            for other in links(item) {
                g.join(id(item), other);
            }
        }
    }
    let mut out: BTreeMap<u64, Vec<(usize, usize)>> = BTreeMap::new();
    for (f, (_, items)) in files.iter().enumerate() {
        for (i, item) in items.iter().enumerate() {
            out.entry(g.root(id(item))).or_default().push((f, i));
        }
    }
    out
}

fn pages_in(region: &str, files: &[(String, Vec<Page>)]) -> Result<Vec<PageIn>, ImportError> {
    let groups = group(
        files,
        |p| p.id,
        |p| {
            p.available_languages
                .values()
                .filter_map(|l| l.id)
                .collect()
        },
    );
    // The page id children name as their parent, found through the parent's path.
    let mut page_id: HashMap<u64, u64> = HashMap::new();
    let mut group_of: HashMap<(usize, String), u64> = HashMap::new();
    for (root, members) in &groups {
        for (f, i) in members {
            group_of.insert((*f, files[*f].1[*i].path.clone()), *root);
        }
    }
    for (f, (_, items)) in files.iter().enumerate() {
        for p in items {
            if let Some(path) = p.parent.path.as_ref().filter(|_| p.parent.id != 0)
                && let Some(root) = group_of.get(&(f, path.clone()))
            {
                page_id.insert(*root, p.parent.id);
            }
        }
    }
    let mut out = Vec::new();
    for (root, members) in &groups {
        let (f0, i0) = members[0];
        let first = &files[f0].1[i0];
        let parent = first
            .parent
            .path
            .as_ref()
            .filter(|_| first.parent.id != 0)
            .and_then(|path| {
                group_of
                    .get(&(f0, path.clone()))
                    .map(|g| page_id.get(g).copied().unwrap_or(*g))
            });
        let mut texts = Vec::new();
        for (f, i) in members {
            let (code, items) = &files[*f];
            let p = &items[*i];
            let file = format!("{region}/{code}/pages.json");
            texts.push(text(
                &file,
                *i,
                Source {
                    id: p.id,
                    code,
                    path: &p.path,
                    title: &p.title,
                    excerpt: &p.excerpt,
                    content: &p.content,
                    last_updated: &p.last_updated,
                },
                json!({
                    "path": p.path, "last_updated": p.last_updated, "modified_gmt": p.modified_gmt,
                    "thumbnail": p.thumbnail, "organization": p.organization, "hash": p.hash,
                    "embedded_offers": p.embedded_offers,
                }),
            )?);
        }
        out.push(PageIn {
            external_id: page_id.get(root).copied().unwrap_or(*root) as i64,
            parent_external_id: parent.map(|p| p as i64),
            position: i32::try_from(first.order).unwrap_or(i32::MAX),
            passthrough: json!({}),
            texts,
        });
    }
    Ok(out)
}

fn places_in(region: &str, files: &[(String, Vec<Location>)]) -> Result<Vec<PlaceIn>, ImportError> {
    let groups = group(
        files,
        |p| p.id,
        |p| {
            p.available_languages
                .values()
                .filter_map(|l| l.id)
                .collect()
        },
    );
    let mut out = Vec::new();
    for members in groups.values() {
        let (f0, i0) = members[0];
        let first = &files[f0].1[i0];
        let mut names = serde_json::Map::new();
        let mut texts = Vec::new();
        for (f, i) in members {
            let (code, items) = &files[*f];
            let p = &items[*i];
            if let Some(c) = &p.category {
                names.insert(code.clone(), Value::String(c.name.clone()));
            }
            let file = format!("{region}/{code}/locations.json");
            let mut t = text(
                &file,
                *i,
                Source {
                    id: p.id,
                    code,
                    path: &p.path,
                    title: &p.title,
                    excerpt: &p.excerpt,
                    content: &p.content,
                    last_updated: &p.last_updated,
                },
                serde_json::to_value(p).unwrap_or(Value::Null),
            )?;
            t.meta_description = p.meta_description.clone();
            texts.push(t);
        }
        out.push(PlaceIn {
            external_id: first.id as i64,
            category: first.category.as_ref().map(|c| CategoryIn {
                external_id: c.id as i64,
                names: names.clone(),
                color: c.color.clone(),
                icon: c.icon.clone(),
            }),
            address: first.location.address.clone(),
            town: first.location.town.clone(),
            postcode: first.location.postcode.clone(),
            state: first.location.state.clone(),
            country: first.location.country.clone(),
            latitude: first.location.latitude,
            longitude: first.location.longitude,
            opening_hours: first
                .opening_hours
                .as_ref()
                .map(|h| serde_json::to_value(h).unwrap_or(Value::Null)),
            temporarily_closed: first.temporarily_closed,
            barrier_free: first.barrier_free,
            appointment_url: first.appointment_url.clone(),
            contacts: serde_json::to_value(&first.contacts).unwrap_or(Value::Null),
            passthrough: json!({}),
            texts,
        });
    }
    Ok(out)
}

fn events_in(region: &str, files: &[(String, Vec<Event>)]) -> Result<Vec<EventIn>, ImportError> {
    let groups = group(
        files,
        |e| e.id,
        |e| {
            e.available_languages
                .values()
                .filter_map(|l| l.id)
                .collect()
        },
    );
    let mut out = Vec::new();
    for members in groups.values() {
        let (f0, i0) = members[0];
        let first = &files[f0].1[i0];
        let mut texts = Vec::new();
        for (f, i) in members {
            let (code, items) = &files[*f];
            let e = &items[*i];
            let file = format!("{region}/{code}/events.json");
            texts.push(text(
                &file,
                *i,
                Source {
                    id: e.id,
                    code,
                    path: &e.path,
                    title: &e.title,
                    excerpt: &e.excerpt,
                    content: &e.content,
                    last_updated: &e.last_updated,
                },
                serde_json::to_value(e).unwrap_or(Value::Null),
            )?);
        }
        out.push(EventIn {
            external_id: first.id as i64,
            place_external_id: first.location.id.map(|p| p as i64),
            starts_at: first.event.start.clone(),
            ends_at: first.event.end.clone(),
            all_day: first.event.all_day,
            only_weekdays: first.event.only_weekdays,
            rrule: first.recurrence_rule.clone(),
            meeting_url: first.meeting_url.clone(),
            passthrough: json!({}),
            texts,
        });
    }
    Ok(out)
}
