//! Events: the next dates as a list, a month as a calendar grid, one event with its next
//! dates, and links to the calendar feeds (`events.ics` for the region and language, one
//! event's `.ics`).

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use time::{Date, Duration, Month};

use ankommen_domain::portal::integreat::Event;

use super::data::{Snapshot, hash};
use super::feedback_form::{FeedbackBox, Shown};
use super::strings::{WEEKDAYS, t};
use super::{Chrome, html, load, missing, other_languages, translations};
use crate::AppState;

/// One dated occurrence in a list or calendar cell.
pub struct Row {
    pub date: String,
    pub weekday: &'static str,
    pub time: String,
    pub title: String,
    pub href: String,
    pub place: String,
    pub recurring: bool,
    pub online: bool,
}

fn parse_day(s: &str) -> Option<Date> {
    let f = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(s.get(..10)?, &f).ok()
}

fn hm(s: &str) -> &str {
    s.get(..5).unwrap_or(s)
}

fn row(s: &Snapshot, e: &Event) -> Row {
    let base_id = e.event.recurrence_id.unwrap_or(e.id);
    let weekday = parse_day(&e.event.start_date)
        .map(|d| WEEKDAYS[usize::from(d.weekday().number_days_from_monday())])
        .map_or("", |k| t(&s.lang.code, k));
    let time = if e.event.all_day {
        t(&s.lang.code, "all-day").to_owned()
    } else {
        format!("{}–{}", hm(&e.event.start_time), hm(&e.event.end_time))
    };
    Row {
        date: e.event.start_date.clone(),
        weekday,
        time,
        title: e.title.clone(),
        href: format!("/portal/{}/{}/events/{base_id}", s.slug, s.lang.code),
        place: e.location.name.clone().unwrap_or_default(),
        recurring: e.event.recurrence_id.is_some()
            || s.event(base_id)
                .is_some_and(|b| b.recurrence_rule.is_some()),
        online: e.meeting_url.as_deref().is_some_and(|u| !u.is_empty()),
    }
}

/// The next `n` dates from today (for the home page).
pub fn upcoming(s: &Snapshot, n: usize) -> Vec<Row> {
    let today = ankommen_db::now().date().to_string();
    s.upcoming(&today).take(n).map(|e| row(s, e)).collect()
}

#[derive(Debug, Deserialize, Default)]
pub struct ListQuery {
    /// `YYYY-MM`: show that month as a calendar.
    month: Option<String>,
}

pub struct Cell {
    pub day: u8,
    pub in_month: bool,
    pub today: bool,
    pub rows: Vec<Row>,
}

#[derive(Template)]
#[template(path = "portal_events.html")]
struct ListPage {
    c: Chrome,
    rows: Vec<Row>,
    /// Calendar view: month label, weeks of cells, previous and next month.
    month: String,
    weeks: Vec<Vec<Cell>>,
    prev: String,
    next: String,
    weekdays: Vec<&'static str>,
}

fn month_of(raw: &str) -> Option<Date> {
    let (y, m) = raw.split_once('-')?;
    let month = Month::try_from(m.parse::<u8>().ok()?).ok()?;
    Date::from_calendar_date(y.parse().ok()?, month, 1).ok()
}

fn ym(d: Date) -> String {
    format!("{:04}-{:02}", d.year(), u8::from(d.month()))
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
    let mut c = Chrome::new(&s, t(&lang, "events"), "/events", None);
    c.tab = "events";
    c.feedback = Some(FeedbackBox::new(
        "events",
        "",
        &format!("{}/events", c.base),
        fb.feedback.as_deref(),
    ));
    let today = ankommen_db::now().date();
    let weekdays = WEEKDAYS.iter().map(|k| t(&lang, k)).collect();
    let mut page = ListPage {
        c,
        rows: vec![],
        month: String::new(),
        weeks: vec![],
        prev: String::new(),
        next: String::new(),
        weekdays,
    };
    match q.month.as_deref().map(month_of) {
        Some(Some(first)) => {
            let last =
                (first + Duration::days(31)).replace_day(1).unwrap_or(first) - Duration::days(1);
            let start =
                first - Duration::days(i64::from(first.weekday().number_days_from_monday()));
            let mut day = start;
            while day <= last || day.weekday() != time::Weekday::Monday {
                if day.weekday() == time::Weekday::Monday {
                    page.weeks.push(Vec::new());
                }
                let key = day.to_string();
                let rows = s
                    .occurrences
                    .iter()
                    .filter(|e| e.event.start_date <= key && e.event.end_date >= key)
                    .map(|e| row(&s, e))
                    .collect();
                if let Some(w) = page.weeks.last_mut() {
                    w.push(Cell {
                        day: day.day(),
                        in_month: day.month() == first.month(),
                        today: day == today,
                        rows,
                    });
                }
                day += Duration::days(1);
                if page.weeks.len() > 6 {
                    break;
                }
            }
            page.month = ym(first);
            page.prev = ym((first - Duration::days(1)).replace_day(1).unwrap_or(first));
            page.next = ym(last + Duration::days(1));
        }
        Some(None) => return missing(&s, vec![]),
        None => {
            // The next eight weeks, and at least the next ten dates.
            let (from, to) = (today.to_string(), (today + Duration::days(56)).to_string());
            page.rows = s
                .upcoming(&from)
                .enumerate()
                .take_while(|(i, e)| *i < 10 || e.event.start_date <= to)
                .map(|(_, e)| row(&s, e))
                .collect();
            page.prev = ym(today);
        }
    }
    let tag = hash(&[
        &s.etag,
        "events",
        q.month.as_deref().unwrap_or(""),
        fb.feedback.as_deref().unwrap_or(""),
    ]);
    html(&headers, &tag, page.render())
}

#[derive(Template)]
#[template(path = "portal_event.html")]
struct EventPage {
    c: Chrome,
    e: Event,
    id: u64,
    when: Vec<Row>,
    place_href: String,
    place_text: String,
}

pub async fn one(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((region, lang, id)): Path<(String, String, String)>,
    Query(fb): Query<Shown>,
) -> Response {
    if id.ends_with(".ics") {
        return crate::portal::ical_feed::one(State(state), headers, Path((region, lang, id)))
            .await
            .into_response();
    }
    let s = match load(&state, &region, &lang).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let Ok(id) = id.parse::<u64>() else {
        return missing(&s, vec![]);
    };
    let Some(e) = s.event(id) else {
        return missing(
            &s,
            other_languages(&state, &s, &format!("/events/{id}")).await,
        );
    };
    let today = ankommen_db::now().date().to_string();
    let mut when: Vec<Row> = s.dates_of(id, &today).take(6).map(|o| row(&s, o)).collect();
    if when.is_empty() {
        when.push(row(&s, e));
    }
    let place = e.location.id.and_then(|pid| s.place(pid));
    let place_href = place
        .map(|p| format!("/portal/{}/{}/places/{}", s.slug, s.lang.code, p.id))
        .unwrap_or_default();
    let place_text = [
        e.location.name.as_deref(),
        e.location.address.as_deref(),
        e.location.postcode.as_deref(),
        e.location.town.as_deref(),
    ]
    .into_iter()
    .flatten()
    .filter(|x| !x.is_empty())
    .collect::<Vec<_>>()
    .join(", ");
    let langs = translations(&e.available_languages, "events", id);
    let mut c = Chrome::new(&s, &e.title, &format!("/events/{id}"), Some(&langs));
    c.tab = "events";
    c.feedback = Some(FeedbackBox::new(
        "event",
        &id.to_string(),
        &format!("{}/events/{id}", c.base),
        fb.feedback.as_deref(),
    ));
    let tag = hash(&[
        &s.etag,
        "event",
        &id.to_string(),
        fb.feedback.as_deref().unwrap_or(""),
    ]);
    let page = EventPage {
        c,
        e: e.clone(),
        id,
        when,
        place_href,
        place_text,
    };
    html(&headers, &tag, page.render())
}
