//! Calendar feeds of the portal: `/portal/{region}/{lang}/events.ics` (all events of a region
//! in one language, recurring ones with their rule — subscribable in calendar apps) and
//! `/portal/{region}/{lang}/events/{id}.ics` (one event, `id` as the API v3 shows it).
//! Built from the same events as API v3 (`api_v3_things`), rendered by
//! `ankommen_domain::portal::ical` (Europe/Berlin VTIMEZONE, escaping, line folding).

use axum::extract::{Path, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use time::format_description::well_known::Rfc3339;

use ankommen_domain::portal::event::Event as CalendarEvent;
use ankommen_domain::portal::ical;
use ankommen_domain::portal::integreat::{Event, parse_recurrence_rule};

use super::api_v3::{V3Error, V3Result, base_url, load_region};
use super::api_v3_things::combined_events;
use crate::AppState;

/// The calendar form of an API v3 event; `None` if its times do not parse.
fn calendar_event(e: &Event) -> Option<CalendarEvent> {
    let local = |s: &str| {
        time::OffsetDateTime::parse(s, &Rfc3339)
            .ok()
            .map(|t| time::PrimitiveDateTime::new(t.date(), t.time()))
    };
    let place: Vec<&str> = [
        e.location.name.as_deref(),
        e.location.address.as_deref(),
        e.location.town.as_deref(),
    ]
    .into_iter()
    .flatten()
    .filter(|s| !s.is_empty())
    .collect();
    Some(CalendarEvent {
        title: e.title.clone(),
        description: Some(e.excerpt.clone()).filter(|d| !d.is_empty()),
        location: (!place.is_empty()).then(|| place.join(", ")),
        meeting_url: e.meeting_url.clone(),
        start: local(&e.event.start)?,
        end: local(&e.event.end)?,
        all_day: e.event.all_day,
        rrule: e
            .recurrence_rule
            .as_deref()
            .and_then(|r| parse_recurrence_rule(r).ok())
            .map(|r| r.rule),
    })
}

fn host(headers: &HeaderMap) -> String {
    base_url(headers)
        .split("://")
        .nth(1)
        .unwrap_or("localhost")
        .to_owned()
}

fn calendar(body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=900"),
        ],
        body,
    )
        .into_response()
}

pub async fn feed(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((region, lang)): Path<(String, String)>,
) -> V3Result<Response> {
    let lang = lang.trim_end_matches(".ics").to_owned();
    let (r, _) = load_region(&state, &region).await?;
    let events = combined_events(&state, &region, &lang, &base_url(&headers)).await?;
    let host = host(&headers);
    let items: Vec<(CalendarEvent, String)> = events
        .iter()
        .filter_map(|e| {
            Some((
                calendar_event(e)?,
                format!("event-{}-{}@{host}", r.slug, e.id),
            ))
        })
        .collect();
    let refs: Vec<(&CalendarEvent, &str)> = items.iter().map(|(e, u)| (e, u.as_str())).collect();
    let name = format!("{} ({lang})", r.name);
    Ok(calendar(ical::to_ical_feed(
        &name,
        &refs,
        time::OffsetDateTime::now_utc(),
    )))
}

pub async fn one(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((region, lang, id)): Path<(String, String, String)>,
) -> V3Result<Response> {
    let id: u64 = id
        .trim_end_matches(".ics")
        .parse()
        .map_err(|_| V3Error::not_found("No such event."))?;
    let (r, _) = load_region(&state, &region).await?;
    let events = combined_events(&state, &region, &lang, &base_url(&headers)).await?;
    let e = events
        .iter()
        .find(|e| e.id == id)
        .ok_or_else(|| V3Error::not_found("No such event."))?;
    let cal =
        calendar_event(e).ok_or_else(|| V3Error::not_found("This event has no usable times."))?;
    let uid = format!("event-{}-{}@{}", r.slug, e.id, host(&headers));
    Ok(calendar(ical::to_ical(
        &cal,
        &uid,
        time::OffsetDateTime::now_utc(),
    )))
}
