//! Rules beyond the JSON types, per file, reported with the same JSON paths as type errors:
//! unique ids, parents that exist, language keys of the region, parseable timestamps,
//! `start <= end`, recurrence rules the portal understands, seven days of opening hours,
//! coordinates in range.

use std::collections::HashMap;

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::parse::{ApiObject, key_path};
use super::{
    AvailableLanguages, DayHours, Event, Imprint, Location, LocationCategory, LocationInfo, Page,
    Region, convert,
};

/// What a file is checked against besides itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Context {
    /// The region's language codes; `None`: `available_languages` keys are not checked.
    languages: Option<Vec<String>>,
}

impl Context {
    /// No outside knowledge: `available_languages` keys are not checked (`regions.json`).
    pub fn new() -> Self {
        Self::default()
    }

    /// The languages of `region` (its `languages[].code`).
    pub fn for_region(region: &Region) -> Self {
        Self::with_languages(region.languages.iter().map(|l| l.code.clone()))
    }

    /// These language codes.
    pub fn with_languages<S: Into<String>>(codes: impl IntoIterator<Item = S>) -> Self {
        Self {
            languages: Some(codes.into_iter().map(Into::into).collect()),
        }
    }
}

type Check = Result<(), (String, String)>;

fn fail<T>(path: impl Into<String>, message: impl Into<String>) -> Result<T, (String, String)> {
    Err((path.into(), message.into()))
}

fn shown(raw: &str) -> String {
    let mut s: String = raw.chars().take(60).collect();
    if raw.chars().count() > 60 {
        s.push('…');
    }
    s
}

/// Every id at most once: the second occurrence is reported.
fn unique_ids(ids: impl Iterator<Item = u64>) -> Check {
    let mut seen: HashMap<u64, usize> = HashMap::new();
    for (i, id) in ids.enumerate() {
        if let Some(first) = seen.insert(id, i) {
            return fail(
                format!("[{i}].id"),
                format!("id {id} appears more than once (first at [{first}])"),
            );
        }
    }
    Ok(())
}

/// Every value at most once (paths, slugs): the second occurrence is reported.
fn unique_texts<'a>(field: &str, values: impl Iterator<Item = &'a str>) -> Check {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, v) in values.enumerate() {
        if let Some(first) = seen.insert(v, i) {
            return fail(
                format!("[{i}].{field}"),
                format!("„{}“ appears more than once (first at [{first}])", shown(v)),
            );
        }
    }
    Ok(())
}

/// Checks a `modified_gmt`: the CMS writes UTC as `2024-03-01 09:00:00` (strftime); older
/// exports and our own generated values use RFC 3339 (`2024-03-01T09:00:00Z`).
pub(super) fn gmt(path: &str, raw: &str) -> Check {
    let plain = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]:[second]");
    if time::PrimitiveDateTime::parse(raw, &plain).is_ok() {
        return Ok(());
    }
    timestamp(path, raw).map(|_| ()).or_else(|_| {
        fail(
            path,
            format!(
                "„{}“ is not a UTC time like 2024-03-01 09:00:00",
                shown(raw)
            ),
        )
    })
}

/// Parses an ISO 8601 / RFC 3339 date-time with offset or `Z`.
pub(super) fn timestamp(path: &str, raw: &str) -> Result<OffsetDateTime, (String, String)> {
    OffsetDateTime::parse(raw, &Rfc3339).or_else(|_| {
        fail(
            path,
            format!(
                "„{}“ is not a date-time with offset like 2024-03-01T10:00:00+01:00",
                shown(raw)
            ),
        )
    })
}

fn coordinate(path: &str, value: Option<f64>, limit: f64) -> Check {
    match value {
        Some(v) if !(v.is_finite() && v.abs() <= limit) => fail(
            path,
            format!("{v} is out of range: must be between -{limit} and {limit}"),
        ),
        _ => Ok(()),
    }
}

fn lat_lon(path: &str, latitude: Option<f64>, longitude: Option<f64>) -> Check {
    coordinate(&format!("{path}.latitude"), latitude, 90.0)?;
    coordinate(&format!("{path}.longitude"), longitude, 180.0)
}

fn languages(path: &str, available: &AvailableLanguages, ctx: &Context) -> Check {
    let Some(codes) = &ctx.languages else {
        return Ok(());
    };
    for key in available.keys() {
        if !codes.contains(key) {
            return fail(
                key_path(&format!("{path}.available_languages"), key),
                format!(
                    "„{}“ is not a language of the region ({})",
                    shown(key),
                    codes.join(", ")
                ),
            );
        }
    }
    Ok(())
}

fn opening_hours(path: &str, days: Option<&[DayHours]>) -> Check {
    let Some(days) = days else {
        return Ok(());
    };
    convert::read_day_hours(days)
        .map(|_| ())
        .or_else(|(sub, message)| fail(format!("{path}.opening_hours{sub}"), message))
}

impl ApiObject for Region {
    const KIND: &'static str = "regions";

    fn check_file(items: &[Self], _ctx: &Context) -> Check {
        unique_ids(items.iter().map(|r| r.id))?;
        unique_texts("path", items.iter().map(|r| r.path.as_str()))?;
        for (i, r) in items.iter().enumerate() {
            let at = format!("[{i}]");
            if r.path.trim().is_empty() {
                return fail(format!("{at}.path"), "the region slug is empty");
            }
            lat_lon(&at, r.latitude, r.longitude)?;
            if let Some(bbox) = &r.bounding_box {
                for (c, [lon, lat]) in bbox.iter().enumerate() {
                    coordinate(&format!("{at}.bounding_box[{c}][0]"), Some(*lon), 180.0)?;
                    coordinate(&format!("{at}.bounding_box[{c}][1]"), Some(*lat), 90.0)?;
                }
            }
            for (name, alias) in r.aliases.iter().flatten() {
                let p = key_path(&format!("{at}.aliases"), name);
                lat_lon(&p, Some(alias.latitude), Some(alias.longitude))?;
            }
            let mut codes: HashMap<&str, usize> = HashMap::new();
            for (j, l) in r.languages.iter().enumerate() {
                let lp = format!("{at}.languages[{j}]");
                if l.code.trim().is_empty() {
                    return fail(format!("{lp}.code"), "the language code is empty");
                }
                if let Some(first) = codes.insert(&l.code, j) {
                    return fail(
                        format!("{lp}.code"),
                        format!(
                            "language „{}“ appears more than once (first at languages[{first}])",
                            shown(&l.code)
                        ),
                    );
                }
                if l.direction().is_none() {
                    return fail(
                        format!("{lp}.dir"),
                        format!(
                            "„{}“ is not a text direction: ltr, rtl, LEFT_TO_RIGHT or RIGHT_TO_LEFT",
                            shown(&l.dir)
                        ),
                    );
                }
            }
        }
        Ok(())
    }
}

impl ApiObject for Page {
    const KIND: &'static str = "pages";

    /// The parent is found by `parent.path`: `parent.id` is the parent's *page* id while
    /// each entry's `id` is its *translation* id, so ids cannot be matched; all children
    /// naming one parent path must agree on its page id.
    fn check_file(items: &[Self], ctx: &Context) -> Check {
        unique_ids(items.iter().map(|p| p.id))?;
        unique_texts("path", items.iter().map(|p| p.path.as_str()))?;
        let by_path: HashMap<&str, usize> = items
            .iter()
            .enumerate()
            .map(|(i, p)| (p.path.as_str(), i))
            .collect();
        let mut parent_ids: HashMap<&str, (u64, usize)> = HashMap::new();
        for (i, p) in items.iter().enumerate() {
            let at = format!("[{i}]");
            gmt(&format!("{at}.modified_gmt"), &p.modified_gmt)?;
            timestamp(&format!("{at}.last_updated"), &p.last_updated)?;
            languages(&at, &p.available_languages, ctx)?;
            let parent = &p.parent;
            match (parent.id, parent.path.as_deref()) {
                (0, None) if parent.url.is_none() => {}
                (0, _) => {
                    return fail(
                        format!("{at}.parent"),
                        "a root page's parent must be {\"id\": 0, \"url\": null, \"path\": null}",
                    );
                }
                (id, None) => {
                    return fail(
                        format!("{at}.parent.path"),
                        format!("parent {id} has no path; the parent page must be in this file"),
                    );
                }
                (id, Some(path)) => {
                    match by_path.get(path) {
                        None => {
                            return fail(
                                format!("{at}.parent.path"),
                                format!(
                                    "unknown parent: no page in this file has the path „{}“",
                                    shown(path)
                                ),
                            );
                        }
                        Some(&j) if j == i => {
                            return fail(
                                format!("{at}.parent.path"),
                                "a page cannot be its own parent",
                            );
                        }
                        Some(_) => {}
                    }
                    if let Some(&(other, first)) = parent_ids.get(path)
                        && other != id
                    {
                        return fail(
                            format!("{at}.parent.id"),
                            format!(
                                "parent „{}“ has id {id} here but {other} at [{first}]",
                                shown(path)
                            ),
                        );
                    }
                    parent_ids.entry(path).or_insert((id, i));
                }
            }
        }
        Ok(())
    }
}

fn location_info(path: &str, l: &LocationInfo) -> Check {
    lat_lon(path, l.latitude, l.longitude)
}

impl ApiObject for Event {
    const KIND: &'static str = "events";

    fn check_file(items: &[Self], ctx: &Context) -> Check {
        unique_ids(items.iter().map(|e| e.id))?;
        for (i, e) in items.iter().enumerate() {
            let at = format!("[{i}]");
            gmt(&format!("{at}.modified_gmt"), &e.modified_gmt)?;
            timestamp(&format!("{at}.last_updated"), &e.last_updated)?;
            languages(&at, &e.available_languages, ctx)?;
            location_info(&format!("{at}.location"), &e.location)?;
            let start = timestamp(&format!("{at}.event.start"), &e.event.start)?;
            let end = timestamp(&format!("{at}.event.end"), &e.event.end)?;
            if end < start {
                return fail(
                    format!("{at}.event.end"),
                    format!(
                        "the event ends ({}) before it starts ({})",
                        e.event.end, e.event.start
                    ),
                );
            }
            if let Some(rule) = &e.recurrence_rule {
                convert::parse_recurrence_rule(rule)
                    .or_else(|err| fail(format!("{at}.recurrence_rule"), err.message))?;
            }
        }
        Ok(())
    }
}

impl ApiObject for Location {
    const KIND: &'static str = "locations";

    fn check_file(items: &[Self], ctx: &Context) -> Check {
        unique_ids(items.iter().map(|l| l.id))?;
        for (i, l) in items.iter().enumerate() {
            let at = format!("[{i}]");
            gmt(&format!("{at}.modified_gmt"), &l.modified_gmt)?;
            timestamp(&format!("{at}.last_updated"), &l.last_updated)?;
            if let Some(p) = &l.published_at {
                timestamp(&format!("{at}.published_at"), p)?;
            }
            languages(&at, &l.available_languages, ctx)?;
            location_info(&format!("{at}.location"), &l.location)?;
            opening_hours(&at, l.opening_hours.as_deref())?;
            for (k, c) in l.contacts.iter().enumerate() {
                opening_hours(&format!("{at}.contacts[{k}]"), c.opening_hours.as_deref())?;
            }
        }
        Ok(())
    }
}

impl ApiObject for LocationCategory {
    const KIND: &'static str = "location categories";

    fn check_file(items: &[Self], _ctx: &Context) -> Check {
        unique_ids(items.iter().map(|c| c.id))
    }
}

impl ApiObject for Imprint {
    const KIND: &'static str = "imprints";

    fn check_file(items: &[Self], ctx: &Context) -> Check {
        unique_ids(items.iter().map(|p| p.id))?;
        for (i, p) in items.iter().enumerate() {
            let at = format!("[{i}]");
            if let Some(m) = &p.modified_gmt {
                gmt(&format!("{at}.modified_gmt"), m)?;
            }
            timestamp(&format!("{at}.last_updated"), &p.last_updated)?;
            languages(&at, &p.available_languages, ctx)?;
        }
        Ok(())
    }
}
