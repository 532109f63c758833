//! API v3 places and events: `{region}/{lang}/locations/`, `location-categories/` and
//! `events/` (`?combine_recurring=True` lists a recurring event once with its rule; without
//! it, its occurrences of the next twelve months are listed, each with the path suffix
//! `$YYYY-MM-DD` and `recurrence_id`, as Integreat does). An imported object is served back
//! from its stored JSON with our rows laid over it (ids, texts, address, hours, times), so
//! fields we do not model yet stay as they were.

use std::collections::HashMap;

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use serde::Deserialize;
use serde_json::{Value, json};
use time::format_description::well_known::Rfc3339;

use ankommen_db::portal::{self as repo, CategoryRow, EventRow, LanguageRow, PlaceRow, TextRow};
use ankommen_domain::portal::integreat::{
    Event, Imprint, Location, LocationCategory, TranslationLink, from_value, parse_recurrence_rule,
};

use super::api_v3::{V3Error, V3Result, base_url, load_region};
use crate::AppState;

struct Things {
    languages: Vec<LanguageRow>,
    lang: LanguageRow,
    places: Vec<PlaceRow>,
    events: Vec<EventRow>,
    texts: Vec<TextRow>,
    categories: Vec<CategoryRow>,
}

async fn load(state: &AppState, region: &str, lang: &str) -> V3Result<Things> {
    let (r, languages) = load_region(state, region).await?;
    let language = languages
        .iter()
        .find(|l| l.code == lang)
        .cloned()
        .ok_or_else(|| V3Error::not_found("No language with this slug exists in this region."))?;
    let (tenant, rid) = (r.tenant_id.clone(), r.id.clone());
    let (places, events, texts, categories) = state
        .db(move |c| {
            let places = repo::places(c, &rid)?;
            let events = repo::events(c, &rid)?;
            let mut ids: Vec<String> = places.iter().map(|p| p.id.clone()).collect();
            let mut texts = repo::texts(c, repo::PLACE, &ids)?;
            ids = events.iter().map(|e| e.id.clone()).collect();
            texts.extend(repo::texts(c, repo::EVENT, &ids)?);
            Ok((places, events, texts, repo::categories(c, &tenant)?))
        })
        .await?;
    Ok(Things {
        languages,
        lang: language,
        places,
        events,
        texts,
        categories,
    })
}

impl Things {
    fn text(&self, owner: &str, language_id: &str) -> Option<&TextRow> {
        self.texts
            .iter()
            .find(|t| t.owner_id == owner && t.language_id == language_id)
    }

    fn path(&self, t: &TextRow, stored: &Value) -> String {
        stored
            .get("path")
            .and_then(Value::as_str)
            .map(str::to_owned)
            .unwrap_or_else(|| format!("/{}/{}/", self.lang.code, t.slug))
    }

    fn others(&self, base: &str, owner: &str) -> serde_json::Map<String, Value> {
        let mut m = serde_json::Map::new();
        for l in self.languages.iter().filter(|l| l.id != self.lang.id) {
            if let Some(t) = self.text(owner, &l.id) {
                let stored: Value = serde_json::from_str(&t.passthrough).unwrap_or_default();
                let path = self.path(t, &stored);
                let link = TranslationLink {
                    id: Some(t.external_id.max(0) as u64),
                    url: format!("{base}{path}"),
                    path,
                };
                m.insert(
                    l.code.clone(),
                    serde_json::to_value(link).unwrap_or_default(),
                );
            }
        }
        m
    }

    /// The stored object with the text's fields laid over it.
    fn base_object(&self, base: &str, owner: &str, t: &TextRow) -> Value {
        let mut v: Value = serde_json::from_str(&t.passthrough).unwrap_or_else(|_| json!({}));
        let path = self.path(t, &v);
        if let Value::Object(m) = &mut v {
            m.insert("id".into(), json!(t.external_id));
            m.insert("url".into(), json!(format!("{base}{path}")));
            m.insert("path".into(), json!(path));
            m.insert("title".into(), json!(t.title));
            m.insert("excerpt".into(), json!(t.excerpt));
            m.insert("content".into(), json!(t.content));
            m.insert(
                "available_languages".into(),
                Value::Object(self.others(base, owner)),
            );
            if t.version > 1 {
                let last = t.last_updated.assume_utc();
                m.insert("modified_gmt".into(), json!(super::api_v3::gmt(last)));
                let local = last.to_offset(ankommen_domain::portal::berlin::offset_at(last));
                m.insert(
                    "last_updated".into(),
                    json!(local.format(&Rfc3339).unwrap_or_default()),
                );
            }
        }
        v
    }

    fn category(&self, id: &Option<String>, stored: Option<&Value>) -> Value {
        let Some(c) = id
            .as_ref()
            .and_then(|id| self.categories.iter().find(|c| &c.id == id))
        else {
            return Value::Null;
        };
        let names: Value = serde_json::from_str(&c.names).unwrap_or_default();
        json!({
            "id": c.external_id,
            "name": names.get(&self.lang.code).cloned().unwrap_or_else(|| json!("")),
            "color": c.color,
            "icon": c.icon,
            "icon_url": stored.and_then(|s| s.get("icon_url")).cloned().unwrap_or_else(|| json!("")),
        })
    }

    fn location_info(&self, p: &PlaceRow, name: &str, stored: Option<&Value>) -> Value {
        json!({
            "id": p.external_id,
            "name": name,
            "address": p.address,
            "town": p.town,
            "state": p.state,
            "postcode": p.postcode,
            "region": stored.and_then(|s| s.get("region")).cloned().unwrap_or(Value::Null),
            "country": p.country,
            "latitude": p.latitude,
            "longitude": p.longitude,
        })
    }

    fn locations(&self, base: &str) -> Vec<Location> {
        let mut out = Vec::new();
        for p in &self.places {
            let Some(t) = self.text(&p.id, &self.lang.id) else {
                continue;
            };
            let mut v = self.base_object(base, &p.id, t);
            let stored_location = v.get("location").cloned();
            let stored_category = v.get("category").cloned();
            // Contacts and address are texts in each language: as imported until the place
            // is edited here, then from our rows.
            let edited = p.version > 1 || stored_location.is_none();
            if let Value::Object(m) = &mut v {
                m.insert("meta_description".into(), json!(t.meta_description));
                m.insert(
                    "category".into(),
                    self.category(&p.category_id, stored_category.as_ref()),
                );
            }
            if let (true, Value::Object(m)) = (edited, &mut v) {
                m.insert("temporarily_closed".into(), json!(p.temporarily_closed));
                m.insert(
                    "opening_hours".into(),
                    p.opening_hours
                        .as_deref()
                        .and_then(|h| serde_json::from_str(h).ok())
                        .unwrap_or(Value::Null),
                );
                m.insert("appointment_url".into(), json!(p.appointment_url));
                m.insert(
                    "contacts".into(),
                    serde_json::from_str(&p.contacts).unwrap_or_else(|_| json!([])),
                );
                m.insert("barrier_free".into(), json!(p.barrier_free));
                m.insert(
                    "location".into(),
                    self.location_info(p, &t.title, stored_location.as_ref()),
                );
            }
            match from_value::<Location>(&v) {
                Ok(l) => out.push(l),
                Err((path, message)) => {
                    tracing::error!(%path, %message, place = %p.id, "stored place does not serialise")
                }
            }
        }
        out
    }

    fn events(&self, base: &str, combine: bool, today: time::Date) -> Vec<Event> {
        let mut out = Vec::new();
        for e in &self.events {
            let Some(t) = self.text(&e.id, &self.lang.id) else {
                continue;
            };
            let mut v = self.base_object(base, &e.id, t);
            if let Value::Object(m) = &mut v {
                m.insert("meeting_url".into(), json!(e.meeting_url));
                m.insert("recurrence_rule".into(), json!(e.rrule));
                if let Some(p) = e
                    .place_id
                    .as_ref()
                    .and_then(|id| self.places.iter().find(|p| &p.id == id))
                    .filter(|p| p.version > 1 || !m.contains_key("location"))
                {
                    let name = self
                        .text(&p.id, &self.lang.id)
                        .map(|pt| pt.title.clone())
                        .unwrap_or_default();
                    let stored = m.get("location").cloned();
                    m.insert(
                        "location".into(),
                        self.location_info(p, &name, stored.as_ref()),
                    );
                    if let Some(pt) = self.text(&p.id, &self.lang.id) {
                        let stored: Value =
                            serde_json::from_str(&pt.passthrough).unwrap_or_default();
                        m.insert("location_path".into(), json!(self.path(pt, &stored)));
                    }
                }
            }
            let Ok(event) = from_value::<Event>(&v).map_err(|(path, message)| {
                tracing::error!(%path, %message, event = %e.id, "stored event does not serialise");
            }) else {
                continue;
            };
            match (&e.rrule, combine) {
                (Some(rule), false) => out.extend(expand(&event, rule, today)),
                _ => out.push(event),
            }
        }
        out
    }
}

/// The occurrences of a recurring event in the next twelve months.
fn expand(event: &Event, rule: &str, today: time::Date) -> Vec<Event> {
    let Ok(rec) = parse_recurrence_rule(rule) else {
        return vec![event.clone()];
    };
    let parse = |s: &str| time::OffsetDateTime::parse(s, &Rfc3339).ok();
    let (Some(start), Some(end)) = (parse(&event.event.start), parse(&event.event.end)) else {
        return vec![event.clone()];
    };
    let duration = end - start;
    let from = time::PrimitiveDateTime::new(today, time::Time::MIDNIGHT);
    let to = from + time::Duration::days(365);
    let base_path = event.path.trim_end_matches('/').to_owned();
    let base_url = event.url.trim_end_matches('/').to_owned();
    rec.rule
        .expand(rec.start, from, to, 500)
        .into_iter()
        .filter_map(|local| {
            let s = ankommen_domain::portal::berlin::to_utc(local)?;
            let s = s.to_offset(ankommen_domain::portal::berlin::offset_at(s));
            let en = s + duration;
            let en = en.to_offset(ankommen_domain::portal::berlin::offset_at(en));
            let day = local.date().to_string();
            let mut o = event.clone();
            o.path = format!("{base_path}${day}/");
            o.url = format!("{base_url}${day}/");
            o.recurrence_rule = None;
            o.event.recurrence_id = Some(event.id);
            o.event.start = s.format(&Rfc3339).ok()?;
            o.event.end = en.format(&Rfc3339).ok()?;
            o.event.start_date = s.date().to_string();
            o.event.end_date = en.date().to_string();
            o.event.start_time = format!("{:02}:{:02}:{:02}", s.hour(), s.minute(), s.second());
            o.event.end_time = format!("{:02}:{:02}:{:02}", en.hour(), en.minute(), en.second());
            for link in o.available_languages.values_mut() {
                link.id = None;
            }
            Some(o)
        })
        .collect()
}

/// The events of a region in one language, recurring ones once with their rule (for the
/// calendar feeds).
pub async fn combined_events(
    state: &AppState,
    region: &str,
    lang: &str,
    base: &str,
) -> V3Result<Vec<Event>> {
    let things = load(state, region, lang).await?;
    Ok(things.events(base, true, ankommen_db::now().date()))
}

#[derive(Debug, Deserialize, Default)]
pub struct EventQuery {
    combine_recurring: Option<String>,
}

pub async fn locations(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((region, lang)): Path<(String, String)>,
) -> V3Result<Json<Vec<Location>>> {
    let things = load(&state, &region, &lang).await?;
    Ok(Json(things.locations(&base_url(&headers))))
}

pub async fn location_categories(
    State(state): State<AppState>,
    Path((region, lang)): Path<(String, String)>,
) -> V3Result<Json<Vec<LocationCategory>>> {
    let things = load(&state, &region, &lang).await?;
    let used: Vec<&String> = things
        .places
        .iter()
        .filter_map(|p| p.category_id.as_ref())
        .collect();
    let stored: HashMap<i64, Value> = things
        .locations("")
        .into_iter()
        .filter_map(|l| {
            l.category
                .map(|c| (c.id as i64, serde_json::to_value(c).unwrap_or_default()))
        })
        .collect();
    Ok(Json(
        things
            .categories
            .iter()
            .filter(|c| used.contains(&&c.id))
            .filter_map(|c| {
                from_value::<LocationCategory>(
                    &things.category(&Some(c.id.clone()), stored.get(&c.external_id)),
                )
                .ok()
            })
            .collect(),
    ))
}

pub async fn events(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((region, lang)): Path<(String, String)>,
    Query(q): Query<EventQuery>,
) -> V3Result<Json<Vec<Event>>> {
    let combine = match q
        .combine_recurring
        .as_deref()
        .map(str::to_lowercase)
        .as_deref()
    {
        None | Some("false") | Some("0") => false,
        Some("true") | Some("1") => true,
        Some(_) => {
            return Err(V3Error::bad_request(
                "combine_recurring must be True or False.",
            ));
        }
    };
    let things = load(&state, &region, &lang).await?;
    Ok(Json(things.events(
        &base_url(&headers),
        combine,
        ankommen_db::now().date(),
    )))
}

/// A region's events (recurring ones once, and their occurrences of the next twelve months)
/// and places in one language, as the API serves them: for the public portal.
pub(crate) async fn region_things(
    state: &AppState,
    region: &str,
    lang: &str,
    base: &str,
) -> V3Result<(Vec<Event>, Vec<Event>, Vec<Location>)> {
    let things = load(state, region, lang).await?;
    let today = ankommen_db::now().date();
    Ok((
        things.events(base, true, today),
        things.events(base, false, today),
        things.locations(base),
    ))
}

/// The region's imprint text in `lang`, if it has one (the public portal's imprint page).
pub(crate) async fn imprint_text(
    state: &AppState,
    region: &str,
    lang: &str,
) -> V3Result<Option<TextRow>> {
    let (r, languages) = load_region(state, region).await?;
    let language = languages
        .iter()
        .find(|l| l.code == lang)
        .cloned()
        .ok_or_else(|| V3Error::not_found("No language with this slug exists in this region."))?;
    let rid = r.id.clone();
    let texts = state
        .db(move |c| repo::texts(c, repo::IMPRINT, &[rid]))
        .await?;
    Ok(texts.into_iter().find(|t| t.language_id == language.id))
}

/// `{region}/{lang}/imprint/` (alias `disclaimer/`): the region's imprint in one language,
/// with links to its other languages; 404 when the region has none in this language.
pub async fn imprint(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((region, lang)): Path<(String, String)>,
) -> V3Result<Json<Imprint>> {
    let (r, languages) = load_region(&state, &region).await?;
    if !languages.iter().any(|l| l.code == lang) {
        return Err(V3Error::not_found(
            "No language with this slug exists in this region.",
        ));
    }
    let rid = r.id.clone();
    let texts = state
        .db(move |c| repo::texts(c, repo::IMPRINT, &[rid]))
        .await?;
    let base = base_url(&headers);
    let code_of = |t: &TextRow| {
        languages
            .iter()
            .find(|l| l.id == t.language_id)
            .map(|l| l.code.clone())
    };
    let path_of = |t: &TextRow, code: &str| -> String {
        let stored: Value = serde_json::from_str(&t.passthrough).unwrap_or_default();
        stored
            .get("path")
            .and_then(Value::as_str)
            .map(str::to_owned)
            .unwrap_or_else(|| format!("/{}/{code}/disclaimer/", r.slug))
    };
    let Some(t) = texts
        .iter()
        .find(|t| code_of(t).as_deref() == Some(lang.as_str()))
    else {
        return Err(V3Error::not_found("No imprint exists in this language."));
    };
    let stored: Value = serde_json::from_str(&t.passthrough).unwrap_or_default();
    let edited = t.version > 1;
    let last_updated = stored
        .get("last_updated")
        .and_then(Value::as_str)
        .filter(|_| !edited)
        .map(str::to_owned)
        .unwrap_or_else(|| {
            time::OffsetDateTime::new_utc(t.last_updated.date(), t.last_updated.time())
                .format(&Rfc3339)
                .unwrap_or_default()
        });
    let modified_gmt = stored
        .get("modified_gmt")
        .and_then(Value::as_str)
        .filter(|_| !edited)
        .map(str::to_owned);
    let path = path_of(t, &lang);
    let available_languages = texts
        .iter()
        .filter_map(|o| {
            let code = code_of(o)?;
            (code != lang).then(|| {
                let p = path_of(o, &code);
                (
                    code,
                    TranslationLink {
                        id: Some(o.external_id.max(0) as u64),
                        url: format!("{base}{p}"),
                        path: p,
                    },
                )
            })
        })
        .collect();
    Ok(Json(Imprint {
        id: t.external_id.max(0) as u64,
        url: format!("{base}{path}"),
        path,
        title: t.title.clone(),
        modified_gmt,
        last_updated,
        excerpt: t.excerpt.clone(),
        content: t.content.clone(),
        parent: Value::Null,
        available_languages,
        thumbnail: Value::Null,
        hash: Value::Null,
    }))
}
