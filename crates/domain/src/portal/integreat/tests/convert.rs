//! Conversions between Integreat's JSON and the portal domain, with round trips.

use time::macros::{date, datetime};

use super::super::super::rrule::{ByDay, Freq, RRule, Until};
use super::super::*;
use super::samples::*;
use crate::offer::{OpeningDay, parse_opening_hours};

#[test]
fn the_sample_recurrence_reads_as_thursdays_in_berlin_time() {
    let events: Vec<Event> = parse_file("e.json", EVENTS, &Context::new()).unwrap();
    let text = events[0].recurrence_rule.as_deref().unwrap();
    let r = parse_recurrence_rule(text).unwrap();
    assert_eq!(r.start, datetime!(2026-03-05 18:00));
    assert_eq!(r.rule.freq, Freq::Weekly);
    assert_eq!(
        r.rule.by_day,
        [ByDay {
            ordinal: None,
            weekday: time::Weekday::Thursday
        }]
    );
    assert_eq!(r.rule.until, Some(Until::Date(date!(2026 - 12 - 17))));
    assert_eq!(format_recurrence_rule(&r), text);
}

#[test]
fn recurrence_rules_round_trip() {
    // As the CMS's own test fixture writes it (winter time, INTERVAL, two weekdays).
    let cms =
        "DTSTART:20300101T120000\nRRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=20310101T235959;BYDAY=TU,TH";
    let r = parse_recurrence_rule(cms).unwrap();
    assert_eq!(r.start, datetime!(2030-01-01 13:00));
    assert_eq!(format_recurrence_rule(&r), cms);
    // Summer time, a monthly rule with an ordinal in dateutil's `+1` form, COUNT.
    let r =
        parse_recurrence_rule("DTSTART:20260701T160000\r\nRRULE:FREQ=MONTHLY;COUNT=6;BYDAY=+1WE")
            .unwrap();
    assert_eq!(r.start, datetime!(2026-07-01 18:00));
    assert_eq!(
        format_recurrence_rule(&r),
        "DTSTART:20260701T160000\nRRULE:FREQ=MONTHLY;COUNT=6;BYDAY=1WE"
    );
    // From the portal domain and back: every UNTIL form.
    for (start, rule) in [
        (datetime!(2026-03-05 18:00), "FREQ=WEEKLY;BYDAY=TH"),
        (
            datetime!(2026-03-27 10:00),
            "FREQ=MONTHLY;BYDAY=-1FR;COUNT=6",
        ),
        (
            datetime!(2026-06-01 0:00),
            "FREQ=DAILY;INTERVAL=3;UNTIL=20260901",
        ),
        (
            datetime!(2026-06-01 9:30),
            "FREQ=DAILY;UNTIL=20260901T073000Z;BYDAY=MO,TU,WE,TH,FR",
        ),
    ] {
        let r = Recurrence {
            start,
            rule: RRule::parse(rule).unwrap(),
        };
        assert_eq!(
            parse_recurrence_rule(&format_recurrence_rule(&r)).unwrap(),
            r,
            "{rule}"
        );
    }
    // A floating UNTIL from the portal is Berlin time, written in UTC.
    let r = Recurrence {
        start: datetime!(2026-06-01 9:30),
        rule: RRule::parse("FREQ=DAILY;UNTIL=20260901T093000").unwrap(),
    };
    assert_eq!(
        format_recurrence_rule(&r),
        "DTSTART:20260601T073000\nRRULE:FREQ=DAILY;UNTIL=20260901T073000"
    );
}

#[test]
fn other_dtstart_forms_and_errors() {
    let r = parse_recurrence_rule("DTSTART;TZID=Europe/Berlin:20260305T180000\nRRULE:FREQ=WEEKLY")
        .unwrap();
    assert_eq!(r.start, datetime!(2026-03-05 18:00));
    let r = parse_recurrence_rule("DTSTART:20260305T170000Z\nRRULE:FREQ=WEEKLY").unwrap();
    assert_eq!(r.start, datetime!(2026-03-05 18:00));
    let r = parse_recurrence_rule("DTSTART;VALUE=DATE:20260305\nRRULE:FREQ=DAILY").unwrap();
    assert_eq!(r.start, datetime!(2026-03-05 0:00));
    for (text, code) in [
        (
            "DTSTART;TZID=America/New_York:20260305T180000\nRRULE:FREQ=WEEKLY",
            "rrule_invalid_dtstart",
        ),
        (
            "DTSTART:2026-03-05\nRRULE:FREQ=WEEKLY",
            "rrule_invalid_dtstart",
        ),
        (
            "DTSTART:20260305T170000\nEXDATE:20260312T170000\nRRULE:FREQ=WEEKLY",
            "rrule_malformed",
        ),
        (
            "DTSTART:20260305T170000\nRRULE:FREQ=WEEKLY\nRRULE:FREQ=DAILY",
            "rrule_malformed",
        ),
        (
            "DTSTART:20260305T170000\nRRULE:FREQ=HOURLY",
            "rrule_unsupported_freq",
        ),
        ("", "rrule_malformed"),
    ] {
        let e = parse_recurrence_rule(text).unwrap_err();
        assert_eq!((e.field, e.code), ("recurrence_rule", code), "{text}");
    }
}

#[test]
fn opening_hours_convert_to_and_from_the_portal() {
    let places: Vec<Location> = parse_file("l.json", LOCATIONS, &Context::new()).unwrap();
    let hours = places[0].opening_hours.as_ref().unwrap();
    let days = opening_days_from_day_hours(hours).unwrap();
    assert_eq!(
        days,
        parse_opening_hours("Mo-Do 09:00-12:00; Do 14:00-18:00").unwrap()
    );
    assert_eq!(
        &day_hours_from_opening_days(&days, false, Some("Europe/Berlin")),
        hours
    );
    // Appointment-only days and all-day days.
    let contact = places[0].contacts[1].opening_hours.as_ref().unwrap();
    let days = opening_days_from_day_hours(contact).unwrap();
    assert_eq!(
        days,
        [OpeningDay {
            weekday: 1,
            slots: vec![(600, 720)]
        }]
    );
    assert_eq!(
        &day_hours_from_opening_days(&days, true, Some("Europe/Berlin")),
        contact
    );
    let days = parse_opening_hours("Mo-Fr 08:00-12:30, 13:00-16:00; Sa 00:00-24:00").unwrap();
    let api = day_hours_from_opening_days(&days, false, None);
    assert!(api[5].all_day && api[5].time_slots.is_empty() && !api[5].closed);
    assert!(api[6].closed && !api[6].all_day);
    assert_eq!(api[0].time_slots[1].end, "16:00");
    assert_eq!(api[0].time_slots[1].timezone, None);
    assert_eq!(opening_days_from_day_hours(&api).unwrap(), days);
    let e = opening_days_from_day_hours(&api[..6]).unwrap_err();
    assert_eq!(
        (e.field, e.code),
        ("opening_hours", "invalid_opening_hours")
    );
}

#[test]
fn languages_convert_to_the_portal() {
    let regions: Vec<Region> = parse_file("regions.json", REGIONS, &Context::new()).unwrap();
    let ar = regions[0].languages[2].to_portal().unwrap();
    assert_eq!(ar.code.as_str(), "ar");
    assert_eq!(ar.native_name, "العربية");
    assert_eq!(ar.dir(), regions[0].languages[2].direction().unwrap());
    let cms_style = Language {
        dir: "LEFT_TO_RIGHT".into(),
        ..regions[0].languages[0].clone()
    };
    assert_eq!(cms_style.direction(), Some(crate::portal::Dir::Ltr));
}
