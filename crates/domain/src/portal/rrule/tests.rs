use super::*;
use proptest::prelude::*;
use time::Duration;
use time::macros::{date, datetime};

fn rule(text: &str) -> RRule {
    RRule::parse(text).unwrap()
}

fn code(text: &str) -> &'static str {
    RRule::parse(text).unwrap_err().code
}

fn starts(text: &str, start: PrimitiveDateTime, n: usize) -> Vec<PrimitiveDateTime> {
    rule(text).expand(start, start, datetime!(2100-01-01 0:00), n)
}

fn dates(text: &str, start: PrimitiveDateTime, n: usize) -> Vec<Date> {
    starts(text, start, n).iter().map(|t| t.date()).collect()
}

#[test]
fn parses_the_supported_parts() {
    let r = rule("RRULE:freq=monthly;INTERVAL=2;BYDAY=1MO,-1FR,+2we;COUNT=6;WKST=SU;");
    assert_eq!(r.freq, Freq::Monthly);
    assert_eq!(r.interval, 2);
    assert_eq!(r.count, Some(6));
    assert_eq!(
        r.by_day,
        [
            ByDay {
                ordinal: Some(1),
                weekday: Weekday::Monday
            },
            ByDay {
                ordinal: Some(-1),
                weekday: Weekday::Friday
            },
            ByDay {
                ordinal: Some(2),
                weekday: Weekday::Wednesday
            },
        ]
    );
    assert_eq!(
        r.to_string(),
        "FREQ=MONTHLY;INTERVAL=2;COUNT=6;BYDAY=1MO,-1FR,2WE"
    );
    assert_eq!(rule("FREQ=DAILY").to_string(), "FREQ=DAILY");
    assert_eq!(
        rule("FREQ=WEEKLY;UNTIL=20261231").until,
        Some(Until::Date(date!(2026 - 12 - 31)))
    );
    assert_eq!(
        rule("FREQ=WEEKLY;UNTIL=20261231T225959Z").until,
        Some(Until::Utc(datetime!(2026-12-31 22:59:59)))
    );
    assert_eq!(
        rule("FREQ=WEEKLY;UNTIL=20261231T180000").until,
        Some(Until::Local(datetime!(2026-12-31 18:00)))
    );
    assert_eq!(rule("FREQ=WEEKLY;BYDAY=TH,TH").by_day.len(), 1);
}

#[test]
fn refuses_with_a_message_naming_the_part() {
    let e = RRule::parse("FREQ=MONTHLY;BYMONTHDAY=15").unwrap_err();
    assert_eq!(e.code, "rrule_unsupported_part");
    assert!(
        e.message.starts_with("BYMONTHDAY is not supported"),
        "{}",
        e.message
    );
    assert_eq!(e.field, "recurrence_rule");
    let e = RRule::parse("FREQ=YEARLY").unwrap_err();
    assert_eq!(e.code, "rrule_unsupported_freq");
    assert!(e.message.contains("FREQ=YEARLY"));
    for (text, expected) in [
        ("", "rrule_empty"),
        ("RRULE:", "rrule_empty"),
        ("FREQ", "rrule_malformed"),
        ("FREQ=DAILY;FREQ=WEEKLY", "rrule_duplicate_part"),
        ("INTERVAL=2", "rrule_missing_freq"),
        ("FREQ=SOMETIMES", "rrule_invalid_freq"),
        ("FREQ=DAILY;INTERVAL=0", "rrule_invalid_interval"),
        ("FREQ=DAILY;INTERVAL=1001", "rrule_invalid_interval"),
        ("FREQ=DAILY;INTERVAL=-1", "rrule_invalid_interval"),
        ("FREQ=DAILY;COUNT=0", "rrule_invalid_count"),
        ("FREQ=DAILY;COUNT=x", "rrule_invalid_count"),
        ("FREQ=DAILY;UNTIL=20261301", "rrule_invalid_until"),
        ("FREQ=DAILY;UNTIL=2026-12-01", "rrule_invalid_until"),
        ("FREQ=DAILY;UNTIL=20261201T2500Z", "rrule_invalid_until"),
        ("FREQ=DAILY;UNTIL=20261201T250000Z", "rrule_invalid_until"),
        ("FREQ=DAILY;COUNT=3;UNTIL=20261201", "rrule_count_and_until"),
        ("FREQ=WEEKLY;BYDAY=XX", "rrule_invalid_byday"),
        ("FREQ=WEEKLY;BYDAY=", "rrule_invalid_byday"),
        ("FREQ=MONTHLY;BYDAY=0MO", "rrule_invalid_byday"),
        ("FREQ=MONTHLY;BYDAY=6MO", "rrule_invalid_byday"),
        ("FREQ=MONTHLY;BYDAY=1ÜMO", "rrule_invalid_byday"),
        ("FREQ=WEEKLY;BYDAY=1MO", "rrule_byday_ordinal"),
        ("FREQ=WEEKLY;WKST=XY", "rrule_invalid_wkst"),
        ("FREQ=WEEKLY;BYSETPOS=1", "rrule_unsupported_part"),
        ("FREQ=WEEKLY;X-NAME=1", "rrule_unknown_part"),
        (&"FREQ=DAILY;".repeat(60), "rrule_too_long"),
    ] {
        assert_eq!(code(text), expected, "{text}");
    }
}

#[test]
fn daily_weekly_and_weekdays_only() {
    let start = datetime!(2026-03-02 09:00); // a Monday
    assert_eq!(
        dates("FREQ=DAILY;COUNT=3", start, 10),
        [
            date!(2026 - 03 - 02),
            date!(2026 - 03 - 03),
            date!(2026 - 03 - 04)
        ]
    );
    assert_eq!(
        dates("FREQ=DAILY;INTERVAL=3;COUNT=3", start, 10),
        [
            date!(2026 - 03 - 02),
            date!(2026 - 03 - 05),
            date!(2026 - 03 - 08)
        ]
    );
    // Integreat's only_weekdays
    let weekdays = dates(
        "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=7",
        datetime!(2026-03-05 09:00),
        10,
    );
    assert_eq!(
        weekdays,
        [
            date!(2026 - 03 - 05),
            date!(2026 - 03 - 06),
            date!(2026 - 03 - 09),
            date!(2026 - 03 - 10),
            date!(2026 - 03 - 11),
            date!(2026 - 03 - 12),
            date!(2026 - 03 - 13)
        ]
    );
    assert_eq!(
        dates("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=5", start, 10),
        [
            date!(2026 - 03 - 02), // DTSTART counts as the first occurrence
            date!(2026 - 03 - 03),
            date!(2026 - 03 - 05),
            date!(2026 - 03 - 17),
            date!(2026 - 03 - 19)
        ]
    );
    assert_eq!(
        dates("FREQ=WEEKLY;UNTIL=20260323", start, 10),
        [
            date!(2026 - 03 - 02),
            date!(2026 - 03 - 09),
            date!(2026 - 03 - 16),
            date!(2026 - 03 - 23)
        ]
    );
}

#[test]
fn the_wall_clock_time_survives_daylight_saving() {
    // Weekly language café on Thursdays 18:00 across the March switch.
    let times = starts("FREQ=WEEKLY;COUNT=3", datetime!(2026-03-19 18:00), 5);
    assert!(times.iter().all(|t| t.time() == time!(18:00)));
    // UNTIL in UTC: 2026-04-02 16:00 UTC is 18:00 CEST, so the 2nd of April is included.
    let r = "FREQ=WEEKLY;UNTIL=20260402T160000Z";
    assert_eq!(starts(r, datetime!(2026-03-19 18:00), 9).len(), 3);
    let r = "FREQ=WEEKLY;UNTIL=20260402T155959Z";
    assert_eq!(starts(r, datetime!(2026-03-19 18:00), 9).len(), 2);
}

#[test]
fn monthly_by_day_and_ordinals() {
    // Monthly office hours on the first Monday; 2026-01-05 is one.
    assert_eq!(
        dates(
            "FREQ=MONTHLY;BYDAY=1MO;COUNT=4",
            datetime!(2026-01-05 10:00),
            9
        ),
        [
            date!(2026 - 01 - 05),
            date!(2026 - 02 - 02),
            date!(2026 - 03 - 02),
            date!(2026 - 04 - 06)
        ]
    );
    // Last Friday.
    assert_eq!(
        dates(
            "FREQ=MONTHLY;BYDAY=-1FR;COUNT=3",
            datetime!(2026-01-30 15:00),
            9
        ),
        [
            date!(2026 - 01 - 30),
            date!(2026 - 02 - 27),
            date!(2026 - 03 - 27)
        ]
    );
    // The fifth Monday exists only in some months.
    assert_eq!(
        dates(
            "FREQ=MONTHLY;BYDAY=5MO;COUNT=3",
            datetime!(2026-03-30 10:00),
            9
        ),
        [
            date!(2026 - 03 - 30),
            date!(2026 - 06 - 29),
            date!(2026 - 08 - 31)
        ]
    );
    // No ordinal: every Tuesday of every other month.
    let tuesdays = dates(
        "FREQ=MONTHLY;INTERVAL=2;BYDAY=TU;COUNT=6",
        datetime!(2026-01-06 10:00),
        9,
    );
    assert_eq!(tuesdays.last(), Some(&date!(2026 - 03 - 10)));
    // The 31st is skipped in months without one.
    assert_eq!(
        dates("FREQ=MONTHLY;COUNT=3", datetime!(2026-01-31 10:00), 9),
        [
            date!(2026 - 01 - 31),
            date!(2026 - 03 - 31),
            date!(2026 - 05 - 31)
        ]
    );
}

#[test]
fn the_window_and_the_limit() {
    let r = rule("FREQ=DAILY");
    let start = datetime!(2020-01-01 08:00);
    let got = r.expand(
        start,
        datetime!(2026-05-01 0:00),
        datetime!(2026-05-03 23:59),
        10,
    );
    assert_eq!(
        got,
        [
            datetime!(2026-05-01 08:00),
            datetime!(2026-05-02 08:00),
            datetime!(2026-05-03 08:00)
        ]
    );
    assert_eq!(
        r.expand(start, start, datetime!(2030-01-01 0:00), 2).len(),
        2
    );
    assert!(r.expand(start, start, start, 0).is_empty());
    assert!(
        r.expand(
            start,
            datetime!(2026-05-03 0:00),
            datetime!(2026-05-01 0:00),
            5
        )
        .is_empty()
    );
    // COUNT is counted from the start, also when the window begins later.
    let r = rule("FREQ=DAILY;COUNT=5");
    assert_eq!(
        r.expand(
            start,
            datetime!(2020-01-04 0:00),
            datetime!(2021-01-01 0:00),
            10
        ),
        [datetime!(2020-01-04 08:00), datetime!(2020-01-05 08:00)]
    );
}

#[test]
fn ical_values_put_until_in_utc_or_as_a_date() {
    let r = rule("FREQ=WEEKLY;UNTIL=20260702T180000;BYDAY=TH");
    assert_eq!(
        r.to_ical_value(false),
        "FREQ=WEEKLY;UNTIL=20260702T160000Z;BYDAY=TH"
    );
    assert_eq!(r.to_ical_value(true), "FREQ=WEEKLY;UNTIL=20260702;BYDAY=TH");
    let r = rule("FREQ=WEEKLY;UNTIL=20261231");
    assert_eq!(r.to_ical_value(false), "FREQ=WEEKLY;UNTIL=20261231T225959Z");
    assert_eq!(
        rule(&r.to_ical_value(false)).to_ical_value(false),
        r.to_ical_value(false)
    );
}

fn any_rule() -> impl Strategy<Value = String> {
    let freq = prop_oneof!["DAILY", "WEEKLY", "MONTHLY"];
    let day = prop_oneof!["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
    (
        freq,
        1u16..5,
        proptest::option::of(1u32..40),
        proptest::collection::vec((proptest::option::of(-4i8..=4), day), 0..3),
    )
        .prop_map(|(freq, interval, count, days)| {
            let mut s = format!("FREQ={freq};INTERVAL={interval}");
            if let Some(c) = count {
                s.push_str(&format!(";COUNT={c}"));
            }
            let days: Vec<String> = days
                .into_iter()
                .map(|(o, d)| match o {
                    Some(o) if o != 0 && freq == "MONTHLY" => format!("{o}{d}"),
                    _ => d.to_owned(),
                })
                .collect();
            if !days.is_empty() {
                s.push_str(&format!(";BYDAY={}", days.join(",")));
            }
            s
        })
}

fn any_time() -> impl Strategy<Value = PrimitiveDateTime> {
    (0i64..3000, 0i64..1440)
        .prop_map(|(d, m)| datetime!(2024-01-01 0:00) + Duration::days(d) + Duration::minutes(m))
}

proptest! {
    #[test]
    fn expansion_stays_in_the_window_sorted_and_counted(
        text in any_rule(),
        start in any_time(),
        from in any_time(),
        span in 0i64..800,
        limit in 0usize..60,
    ) {
        let r = rule(&text);
        let to = from + Duration::days(span);
        let got = r.expand(start, from, to, limit);
        prop_assert!(got.len() <= limit);
        prop_assert!(got.iter().all(|t| from <= *t && *t <= to && *t >= start));
        prop_assert!(got.windows(2).all(|w| w[0] < w[1]), "sorted, no duplicates");
        prop_assert!(got.iter().all(|t| t.time() == start.time()));
        if let Some(c) = r.count {
            let all = r.expand(start, start, datetime!(2040-01-01 0:00), usize::MAX);
            prop_assert!(all.len() <= c as usize);
            prop_assert!(got.iter().all(|t| all.contains(t)));
        }
        // The window is a slice of the whole expansion.
        let all = r.expand(start, start.min(from), to, usize::MAX);
        let slice: Vec<_> = all.into_iter().filter(|t| *t >= from).take(limit).collect();
        prop_assert_eq!(got, slice);
    }

    #[test]
    fn the_canonical_text_parses_back(text in any_rule()) {
        let r = rule(&text);
        prop_assert_eq!(RRule::parse(&r.to_string()), Ok(r));
    }

    #[test]
    fn random_text_never_panics(text in any::<String>()) {
        let _ = RRule::parse(&text);
    }

    #[test]
    fn rule_like_text_never_panics(
        text in "(RRULE:)?((FREQ|INTERVAL|COUNT|UNTIL|BYDAY|WKST|BYMONTH)=[-+0-9A-Z,TZ]{0,18};?){0,6}",
        start in any_time(),
    ) {
        if let Ok(r) = RRule::parse(&text) {
            let _ = r.expand(start, start, start + Duration::days(400), 50);
            let _ = r.to_ical_value(false);
        }
    }
}

#[test]
fn extreme_dates_do_not_panic() {
    let r = rule("FREQ=MONTHLY;INTERVAL=1000;BYDAY=-1SU");
    let got = r.expand(
        PrimitiveDateTime::MIN,
        PrimitiveDateTime::MIN,
        PrimitiveDateTime::MAX,
        100,
    );
    assert!(!got.is_empty());
    for text in [
        "FREQ=DAILY",
        "FREQ=WEEKLY;BYDAY=SU",
        "FREQ=MONTHLY",
        "FREQ=DAILY;UNTIL=99991231T235959Z",
    ] {
        let got = rule(text).expand(
            datetime!(9999-12-30 23:00),
            PrimitiveDateTime::MIN,
            PrimitiveDateTime::MAX,
            100,
        );
        assert!(got.len() <= 2, "{text}");
        let _ = rule(text).to_ical_value(false);
    }
}
