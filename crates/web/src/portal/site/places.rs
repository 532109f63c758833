//! Places: a list with category filter and "open now", one place with its opening hours per
//! weekday, contacts, step-free access and appointment link. "Open now" is Berlin time at
//! the moment of the request, and says so ("as of 14:05"): an offline copy keeps its time.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Deserialize;

use ankommen_domain::portal::integreat::{DayHours, Location};

use super::data::{Snapshot, hash};
use super::feedback_form::{FeedbackBox, Shown};
use super::strings::{WEEKDAYS, t};
use super::{Chrome, html, load, missing, other_languages, translations};
use crate::AppState;

/// Open state of a place at a Berlin weekday (0 = Monday) and minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenState {
    Open,
    ByAppointment,
    Closed,
    TemporarilyClosed,
    /// No opening hours known.
    Unknown,
}

fn minutes(hm: &str) -> Option<u16> {
    let (h, m) = hm.split_once(':')?;
    let m = m.get(..2).unwrap_or(m);
    Some(h.parse::<u16>().ok()? * 60 + m.parse::<u16>().ok()?)
}

pub fn open_state(p: &Location, weekday: u8, minute: u16) -> OpenState {
    if p.temporarily_closed {
        return OpenState::TemporarilyClosed;
    }
    let Some(days) = &p.opening_hours else {
        return OpenState::Unknown;
    };
    let Some(day) = days.get(usize::from(weekday)) else {
        return OpenState::Unknown;
    };
    let open = !day.closed
        && (day.all_day
            || day.time_slots.iter().any(|s| {
                matches!((minutes(&s.start), minutes(&s.end)), (Some(a), Some(b)) if a <= minute && minute < b)
            }));
    match (open, day.appointment_only) {
        (false, _) => OpenState::Closed,
        (true, true) => OpenState::ByAppointment,
        (true, false) => OpenState::Open,
    }
}

fn state_key(o: OpenState) -> (&'static str, &'static str) {
    match o {
        OpenState::Open => ("open-now", "open"),
        OpenState::ByAppointment => ("by-appointment", "open"),
        OpenState::Closed => ("closed-now", "closed"),
        OpenState::TemporarilyClosed => ("temporarily-closed", "closed"),
        OpenState::Unknown => ("", ""),
    }
}

/// Weekday and minute now in Berlin, and the clock text for "as of".
fn now() -> (u8, u16, String) {
    let now = time::OffsetDateTime::now_utc();
    let (d, m) = ankommen_domain::portal::berlin::weekday_and_minute(now).unwrap_or((0, 0));
    (d, m, format!("{:02}:{:02}", m / 60, m % 60))
}

pub struct Item {
    pub href: String,
    pub title: String,
    pub category: String,
    pub address: String,
    pub state: &'static str,
    pub state_class: &'static str,
}

fn address(p: &Location) -> String {
    let town = [p.location.postcode.as_deref(), p.location.town.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    [p.location.address.clone().unwrap_or_default(), town]
        .into_iter()
        .filter(|x| !x.trim().is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

#[derive(Debug, Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    category: String,
    #[serde(default)]
    open: String,
}

#[derive(Template)]
#[template(path = "portal_places.html")]
struct ListPage {
    c: Chrome,
    items: Vec<Item>,
    categories: Vec<(String, String)>,
    category: String,
    only_open: bool,
    clock: String,
}

pub async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((region, lang)): Path<(String, String)>,
    Query(q): Query<ListQuery>,
    Query(fb): Query<Shown>,
) -> Response {
    let s = match load(&state, &region, &lang).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let (day, minute, clock) = now();
    let mut categories: Vec<(String, String)> = s
        .places
        .iter()
        .filter_map(|p| {
            p.category
                .as_ref()
                .map(|c| (c.id.to_string(), c.name.clone()))
        })
        .collect();
    categories.sort_by(|a, b| a.1.cmp(&b.1));
    categories.dedup();
    let only_open = q.open == "1";
    let items: Vec<Item> = s
        .places
        .iter()
        .filter(|p| {
            q.category.is_empty()
                || p.category
                    .as_ref()
                    .is_some_and(|c| c.id.to_string() == q.category)
        })
        .filter_map(|p| {
            let o = open_state(p, day, minute);
            if only_open && !matches!(o, OpenState::Open | OpenState::ByAppointment) {
                return None;
            }
            let (key, class) = state_key(o);
            Some(Item {
                href: format!("/portal/{}/{}/places/{}", s.slug, s.lang.code, p.id),
                title: p.title.clone(),
                category: p
                    .category
                    .as_ref()
                    .map(|c| c.name.clone())
                    .unwrap_or_default(),
                address: address(p),
                state: t(&lang, key),
                state_class: class,
            })
        })
        .collect();
    let mut c = Chrome::new(&s, t(&lang, "places"), "/places", None);
    c.tab = "places";
    c.feedback = Some(FeedbackBox::new(
        "map",
        "",
        &format!("{}/places", c.base),
        fb.feedback.as_deref(),
    ));
    let tag = hash(&[
        &s.etag,
        "places",
        &q.category,
        &q.open,
        &clock,
        fb.feedback.as_deref().unwrap_or(""),
    ]);
    let page = ListPage {
        c,
        items,
        categories,
        category: q.category,
        only_open,
        clock,
    };
    html(&headers, &tag, page.render())
}

pub struct DayRow {
    pub day: &'static str,
    pub text: String,
    pub today: bool,
}

pub struct ContactView {
    pub heading: String,
    pub name: String,
    pub phone: String,
    pub email: String,
    pub website: String,
    pub hours: Vec<DayRow>,
}

fn hours(lang: &str, days: &[DayHours], today: u8) -> Vec<DayRow> {
    days.iter()
        .take(7)
        .enumerate()
        .map(|(i, d)| {
            let mut text = if d.closed {
                t(lang, "closed").to_owned()
            } else if d.all_day {
                t(lang, "all-day").to_owned()
            } else if d.time_slots.is_empty() {
                t(lang, "closed").to_owned()
            } else {
                d.time_slots
                    .iter()
                    .map(|s| format!("{}–{}", s.start, s.end))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            if d.appointment_only && !d.closed {
                text = format!("{text} ({})", t(lang, "appointment-only"));
            }
            DayRow {
                day: t(lang, WEEKDAYS[i]),
                text,
                today: i == usize::from(today),
            }
        })
        .collect()
}

#[derive(Template)]
#[template(path = "portal_place.html")]
struct PlacePage {
    c: Chrome,
    p: Location,
    address: String,
    state: &'static str,
    state_class: &'static str,
    clock: String,
    hours: Vec<DayRow>,
    contacts: Vec<ContactView>,
    step_free: &'static str,
}

pub async fn one(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((region, lang, id)): Path<(String, String, String)>,
    Query(fb): Query<Shown>,
) -> Response {
    let s = match load(&state, &region, &lang).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let Ok(id) = id.parse::<u64>() else {
        return missing(&s, vec![]);
    };
    let Some(p) = s.place(id) else {
        return missing(
            &s,
            other_languages(&state, &s, &format!("/places/{id}")).await,
        );
    };
    page(&s, &headers, p, id, &fb)
}

fn page(s: &Snapshot, headers: &HeaderMap, p: &Location, id: u64, fb: &Shown) -> Response {
    let lang = s.lang.code.as_str();
    let (day, minute, clock) = now();
    let (key, state_class) = state_key(open_state(p, day, minute));
    let contacts = p
        .contacts
        .iter()
        .map(|c| ContactView {
            heading: c.area_of_responsibility.clone().unwrap_or_default(),
            name: c.name.clone().unwrap_or_default(),
            phone: c
                .phone_number
                .clone()
                .or(c.mobile_number.clone())
                .unwrap_or_default(),
            email: c.email.clone().unwrap_or_default(),
            website: c.website.clone().unwrap_or_default(),
            hours: c
                .opening_hours
                .as_deref()
                .map(|h| hours(lang, h, day))
                .unwrap_or_default(),
        })
        .collect();
    let langs = translations(&p.available_languages, "places", id);
    let mut c = Chrome::new(s, &p.title, &format!("/places/{id}"), Some(&langs));
    c.tab = "places";
    c.feedback = Some(FeedbackBox::new(
        "poi",
        &id.to_string(),
        &format!("{}/places/{id}", c.base),
        fb.feedback.as_deref(),
    ));
    let step_free = match p.barrier_free {
        Some(true) => t(lang, "step-free"),
        Some(false) => t(lang, "not-step-free"),
        None => "",
    };
    let tag = hash(&[
        &s.etag,
        "place",
        &id.to_string(),
        &clock,
        fb.feedback.as_deref().unwrap_or(""),
    ]);
    let view = PlacePage {
        address: address(p),
        state: t(lang, key),
        state_class,
        clock,
        hours: p
            .opening_hours
            .as_deref()
            .map(|h| hours(lang, h, day))
            .unwrap_or_default(),
        contacts,
        step_free,
        p: p.clone(),
        c,
    };
    html(headers, &tag, view.render())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ankommen_domain::portal::integreat::TimeSlot;

    fn place(days: Vec<DayHours>, closed: bool) -> Location {
        let v = serde_json::json!({
            "id": 1, "url": "", "path": "", "title": "A", "modified_gmt": "", "last_updated": "",
            "published_at": null, "meta_description": null, "excerpt": "", "content": "",
            "available_languages": {}, "icon": null, "website": null, "email": null,
            "phone_number": null, "contacts": [], "category": null,
            "temporarily_closed": closed, "opening_hours": days, "appointment_url": null,
            "location": {"id": null, "name": null, "address": null, "town": null, "state": null,
              "postcode": null, "region": null, "country": null, "latitude": null, "longitude": null},
            "barrier_free": null
        });
        serde_json::from_value(v).unwrap()
    }

    fn day(slots: &[(&str, &str)], appointment: bool) -> DayHours {
        DayHours {
            all_day: false,
            closed: slots.is_empty(),
            appointment_only: appointment,
            time_slots: slots
                .iter()
                .map(|(a, b)| TimeSlot {
                    start: (*a).into(),
                    end: (*b).into(),
                    timezone: None,
                })
                .collect(),
        }
    }

    #[test]
    fn open_state_follows_the_slots_of_the_weekday() {
        let mut days = vec![day(&[("09:00", "12:00"), ("14:00", "18:00")], false)];
        days.extend((1..7).map(|i| day(&[], i == 1)));
        days[2] = day(&[("08:00", "10:00")], true);
        let p = place(days, false);
        assert_eq!(open_state(&p, 0, 9 * 60), OpenState::Open);
        assert_eq!(
            open_state(&p, 0, 12 * 60),
            OpenState::Closed,
            "end is exclusive"
        );
        assert_eq!(open_state(&p, 0, 13 * 60), OpenState::Closed);
        assert_eq!(open_state(&p, 0, 17 * 60 + 59), OpenState::Open);
        assert_eq!(open_state(&p, 1, 9 * 60), OpenState::Closed);
        assert_eq!(open_state(&p, 2, 9 * 60), OpenState::ByAppointment);
        assert_eq!(open_state(&p, 9, 9 * 60), OpenState::Unknown);
        let mut closed = p.clone();
        closed.temporarily_closed = true;
        assert_eq!(open_state(&closed, 0, 9 * 60), OpenState::TemporarilyClosed);
        closed.opening_hours = None;
        closed.temporarily_closed = false;
        assert_eq!(open_state(&closed, 0, 9 * 60), OpenState::Unknown);
    }
}
