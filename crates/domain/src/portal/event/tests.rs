use super::*;
use time::macros::{date, datetime};

fn input() -> EventInput {
    EventInput {
        title: "Sprachcafé".into(),
        description: "Deutsch üben bei Kaffee und Kuchen.\nAlle sind willkommen.".into(),
        location: "Stadtbibliothek, Markt 1, 49565 Bramsche".into(),
        start_date: "2026-03-05".into(),
        start_time: "18:00".into(),
        end_time: "19:30".into(),
        recurrence_rule: "FREQ=WEEKLY;BYDAY=TH".into(),
        ..Default::default()
    }
}

fn codes(errors: &[FieldError]) -> Vec<(&str, &str)> {
    errors.iter().map(|e| (e.field, e.code)).collect()
}

#[test]
fn a_valid_weekly_event() {
    let e = input().validate().unwrap();
    assert_eq!(e.start, datetime!(2026-03-05 18:00));
    assert_eq!(e.end, datetime!(2026-03-05 19:30));
    assert!(!e.all_day);
    assert_eq!(e.duration(), Duration::minutes(90));
    let occ = occurrences(
        &e,
        datetime!(2026-03-20 0:00),
        datetime!(2026-04-10 0:00),
        10,
    );
    assert_eq!(
        occ.iter().map(|o| o.start.date()).collect::<Vec<_>>(),
        [
            date!(2026 - 03 - 26),
            date!(2026 - 04 - 02),
            date!(2026 - 04 - 09)
        ]
    );
    assert!(occ.iter().all(|o| o.end - o.start == Duration::minutes(90)));
    assert_eq!(occ[1].slug("sprachcafe"), "sprachcafe$2026-04-02");
}

#[test]
fn all_day_events_and_german_dates() {
    let e = EventInput {
        title: "Interkulturelle Woche".into(),
        start_date: "21.09.2026".into(),
        end_date: "27.09.2026".into(),
        start_time: "ignored".into(),
        all_day: "true".into(),
        ..Default::default()
    }
    .validate()
    .unwrap();
    assert!(e.all_day);
    assert_eq!(e.start, datetime!(2026-09-21 0:00));
    assert_eq!(e.end, datetime!(2026-09-27 0:00));
    let one_day = EventInput {
        title: "Fest".into(),
        start_date: "2026-06-20".into(),
        all_day: "ja".into(),
        ..Default::default()
    }
    .validate()
    .unwrap();
    assert_eq!(one_day.start, one_day.end);
}

#[test]
fn single_events_are_in_the_window_or_not() {
    let e = EventInput {
        recurrence_rule: String::new(),
        ..input()
    }
    .validate()
    .unwrap();
    let inside = occurrences(
        &e,
        datetime!(2026-03-05 18:00),
        datetime!(2026-03-05 18:00),
        1,
    );
    assert_eq!(inside.len(), 1);
    assert!(
        occurrences(
            &e,
            datetime!(2026-03-06 0:00),
            datetime!(2026-04-01 0:00),
            5
        )
        .is_empty()
    );
    assert!(
        occurrences(
            &e,
            datetime!(2026-03-01 0:00),
            datetime!(2026-04-01 0:00),
            0
        )
        .is_empty()
    );
}

#[test]
fn every_wrong_field_is_reported_at_once() {
    let bad = EventInput {
        title: " ".into(),
        meeting_url: "zoom dot com".into(),
        start_date: "31.02.2026".into(),
        start_time: "25:00".into(),
        end_time: String::new(),
        all_day: "vielleicht".into(),
        recurrence_rule: "FREQ=YEARLY".into(),
        ..input()
    };
    assert_eq!(
        codes(&bad.validate().unwrap_err()),
        [
            ("title", "required"),
            ("meeting_url", "invalid_url"),
            ("all_day", "invalid_bool"),
            ("start_date", "impossible_date"),
            ("start_time", "malformed_time"),
            ("end_time", "required"),
            ("recurrence_rule", "rrule_unsupported_freq"),
        ]
    );
    let backwards = EventInput {
        end_time: "17:00".into(),
        recurrence_rule: "FREQ=DAILY;UNTIL=20260301".into(),
        ..input()
    };
    assert_eq!(
        codes(&backwards.validate().unwrap_err()),
        [
            ("end_date", "end_before_start"),
            ("recurrence_rule", "rrule_until_before_start")
        ]
    );
    let missing = EventInput::default().validate().unwrap_err();
    assert!(codes(&missing).contains(&("start_date", "required")));
}

#[test]
fn clocks() {
    assert_eq!(parse_clock("t", "9:05"), Ok(time!(9:05)));
    assert_eq!(parse_clock("t", " 23:59:30 "), Ok(time!(23:59:30)));
    for bad in [
        "", "24:00", "12", "12:60", "1:2:3:4", "ab:cd", "+1:00", "123:00",
    ] {
        assert!(parse_clock("t", bad).is_err(), "{bad}");
    }
}

#[test]
fn events_come_from_json() {
    let e: EventInput = serde_json::from_value(serde_json::json!({
        "title": "Beratung", "start_date": "2026-05-04", "start_time": "10:00",
        "end_time": "12:00", "all_day": false, "recurrence_rule": "FREQ=MONTHLY;BYDAY=1MO"
    }))
    .unwrap();
    assert!(e.validate().is_ok());
}
