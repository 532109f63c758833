use proptest::prelude::*;
use time::macros::date;

use super::*;

const TODAY: Date = date!(2026 - 11 - 23);

fn rec(day: Date, status: AttendanceStatus) -> Record {
    Record { day, status }
}

fn ago(n: i64) -> Date {
    TODAY - Duration::days(n)
}

use AttendanceStatus::{Excused, Present, Unexcused};

#[test]
fn german_and_english_status_names() {
    assert_eq!(AttendanceStatus::parse_lenient("anwesend"), Ok(Present));
    assert_eq!(
        AttendanceStatus::parse_lenient(" Entschuldigt "),
        Ok(Excused)
    );
    assert_eq!(
        AttendanceStatus::parse_lenient("UNENTSCHULDIGT"),
        Ok(Unexcused)
    );
    assert_eq!(AttendanceStatus::parse_lenient("present"), Ok(Present));
    let err = AttendanceStatus::parse_lenient("krank").unwrap_err();
    assert!(err.to_string().contains("anwesend"), "{err}");
}

#[test]
fn three_unexcused_within_fourteen_days_breach() {
    let rule = Rule::default();
    let records = [
        rec(ago(12), Unexcused),
        rec(ago(11), Present),
        rec(ago(5), Unexcused),
        rec(ago(1), Unexcused),
    ];
    let b = breaches(&records, &rule, TODAY).expect("a breach");
    assert_eq!(b.thresholds(), vec![Threshold::UnexcusedAbsences]);
    let w = b.window(Threshold::UnexcusedAbsences).unwrap();
    assert_eq!((w.from, w.to, w.unexcused), (ago(12), ago(1), 3));
    assert_eq!((w.present, w.recorded), (1, 4));
}

#[test]
fn three_unexcused_spread_over_more_than_the_window_do_not() {
    let rule = Rule::default();
    let records = [
        rec(ago(20), Unexcused),
        rec(ago(10), Unexcused),
        rec(ago(1), Unexcused),
    ];
    // 20 → 1 spans 20 days; 10 → 1 holds only two.
    assert_eq!(breaches(&records, &rule, TODAY), None);
    // Excused absences never count as unexcused (and 3 recorded days are too few for a rate).
    let excused = [
        rec(ago(3), Excused),
        rec(ago(2), Excused),
        rec(ago(1), Excused),
    ];
    assert_eq!(breaches(&excused, &rule, TODAY), None);
}

#[test]
fn old_breaches_and_future_days_are_ignored() {
    let rule = Rule::default();
    let old = [
        rec(ago(60), Unexcused),
        rec(ago(59), Unexcused),
        rec(ago(58), Unexcused),
    ];
    assert_eq!(breaches(&old, &rule, TODAY), None);
    let future = [
        rec(TODAY + Duration::days(1), Unexcused),
        rec(TODAY + Duration::days(2), Unexcused),
        rec(TODAY + Duration::days(3), Unexcused),
    ];
    assert_eq!(breaches(&future, &rule, TODAY), None);
}

#[test]
fn attendance_below_the_rate_breaches_once_enough_days_are_recorded() {
    let rule = Rule::default();
    // 7 of 10 days present = 70 % < 80 %, the absences excused.
    let mut records: Vec<Record> = (1..=7).map(|d| rec(ago(d), Present)).collect();
    records.extend((8..=10).map(|d| rec(ago(d), Excused)));
    let b = breaches(&records, &rule, TODAY).expect("a breach");
    assert_eq!(b.thresholds(), vec![Threshold::LowAttendance]);
    let w = b.window(Threshold::LowAttendance).unwrap();
    assert_eq!((w.present, w.recorded, w.rate_percent()), (7, 10, Some(70)));
    assert_eq!((w.from, w.to), (ago(10), ago(1)));
    // 8 of 10 = 80 % is enough.
    records[7].status = Present;
    assert_eq!(breaches(&records, &rule, TODAY), None);
    // Four days, all excused: too few for the rate.
    let few: Vec<Record> = (1..=4).map(|d| rec(ago(d), Excused)).collect();
    assert_eq!(breaches(&few, &rule, TODAY), None);
}

#[test]
fn both_thresholds_at_once() {
    let rule = Rule::default();
    let records: Vec<Record> = (1..=6)
        .map(|d| rec(ago(d), if d <= 3 { Unexcused } else { Present }))
        .collect();
    let b = breaches(&records, &rule, TODAY).unwrap();
    assert_eq!(
        b.thresholds(),
        vec![Threshold::UnexcusedAbsences, Threshold::LowAttendance]
    );
}

#[test]
fn the_rule_is_configurable() {
    let strict = Rule::new(2, 7, 90, 14).unwrap();
    let records = [rec(ago(6), Unexcused), rec(ago(1), Unexcused)];
    assert!(breaches(&records, &strict, TODAY).is_some());
    assert_eq!(breaches(&records, &Rule::default(), TODAY), None);
    let errs = Rule::new(0, 7, 101, 3).unwrap_err();
    let fields: Vec<_> = errs.iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        vec!["unexcused_limit", "min_rate_percent", "rate_window_days"]
    );
}

#[test]
fn a_breach_is_new_unless_its_window_overlaps_a_reported_one() {
    let rule = Rule::default();
    let mut records = vec![
        rec(ago(5), Unexcused),
        rec(ago(4), Unexcused),
        rec(ago(3), Unexcused),
    ];
    let first = breaches(&records, &rule, TODAY).unwrap();
    let w = *first.window(Threshold::UnexcusedAbsences).unwrap();
    assert!(is_new(&w, &[]));
    let reported = [(w.threshold, w.from, w.to)];
    // One more absence: the same breach, not reported again.
    records.push(rec(ago(2), Unexcused));
    let again = breaches(&records, &rule, TODAY).unwrap();
    assert!(!is_new(
        again.window(Threshold::UnexcusedAbsences).unwrap(),
        &reported
    ));
    // Another threshold's window is judged on its own.
    let low = Window {
        threshold: Threshold::LowAttendance,
        ..w
    };
    assert!(is_new(&low, &reported));
    // A later, separate window is new.
    let later = Window {
        from: w.to + Duration::days(1),
        to: w.to + Duration::days(5),
        ..w
    };
    assert!(is_new(&later, &reported));
}

#[test]
fn the_rate_counts_every_recorded_day() {
    let r = rate(
        &[
            rec(ago(3), Present),
            rec(ago(2), Excused),
            rec(ago(1), Unexcused),
            rec(TODAY + Duration::days(1), Present),
        ],
        Some(TODAY),
    );
    assert_eq!(
        r,
        Rate {
            recorded: 3,
            present: 1,
            excused: 1,
            unexcused: 1,
            percent: Some(33)
        }
    );
    assert_eq!(rate(&[], None).percent, None);
}

// ---------------------------------------------------------------------------------------
// CSV.

fn people() -> Vec<Participant> {
    vec![
        Participant {
            placement_id: "pl-1".into(),
            case_number: "2026-00001".into(),
            dropped_out_on: None,
        },
        Participant {
            placement_id: "pl-2".into(),
            case_number: "2026-00002".into(),
            dropped_out_on: Some(ago(10)),
        },
    ]
}

fn ctx(p: &[Participant]) -> Context<'_> {
    Context {
        participants: p,
        course_starts_on: ago(40),
        course_ends_on: TODAY + Duration::days(100),
        today: TODAY,
    }
}

fn lines(errs: &[RowError]) -> Vec<(usize, &'static str)> {
    errs.iter().map(|e| (e.row, e.code)).collect()
}

#[test]
fn a_good_file_with_semicolons_german_dates_and_status_names() {
    let p = people();
    let text = "\u{feff}case_number;day;status;late_minutes;left_early_minutes;note\r\n\
                2026-00001;2026-11-20;present;20;;\r\n\
                \r\n\
                2026-00001;19.11.2026;unentschuldigt;;;\"kein Anruf; nicht erreichbar\"\r\n\
                2026-00002;2026-11-12;entschuldigt;;;Arzt\r\n";
    let rows = parse_csv(text, &ctx(&p)).unwrap();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0].late_minutes, Some(20));
    assert_eq!(rows[1].day, date!(2026 - 11 - 19));
    assert_eq!(rows[1].status, Unexcused);
    assert_eq!(
        rows[1].note.as_deref(),
        Some("kein Anruf; nicht erreichbar")
    );
    assert_eq!(rows[2].placement_id, "pl-2");
}

#[test]
fn commas_and_a_short_header_are_accepted() {
    let p = people();
    let text = "case_number,day,status\n2026-00001,2026-11-20,anwesend\n";
    let rows = parse_csv(text, &ctx(&p)).unwrap();
    assert_eq!(rows[0].status, Present);
    assert_eq!(rows[0].note, None);
}

#[test]
fn every_wrong_row_is_reported_with_its_line() {
    let p = people();
    let text = "case_number;day;status;late_minutes;left_early_minutes;note\n\
                2026-00001;2026-11-20;present;;;\n\
                2026-00001;31.02.2026;present;;;\n\
                2026-09999;2026-11-20;present;;;\n\
                2026-00001;20.11.2026;excused;;;\n\
                2026-00001;2026-11-21;krank;;;\n\
                2026-00001;2026-12-24;present;;;\n\
                2026-00001;2026-01-05;present;;;\n\
                2026-00002;2026-11-20;present;;;\n\
                2026-00001;2026-11-18;unexcused;15;;\n\
                2026-00001;2026-11-17;present;x;;\n\
                2026-00001;2026-11-16;present;;;a;b\n";
    let errs = parse_csv(text, &ctx(&p)).unwrap_err();
    assert_eq!(
        lines(&errs),
        vec![
            (3, "impossible_date"),
            (4, "not_a_participant"),
            (5, "duplicate_row"),
            (6, "unknown_value"),
            (7, "future_date"),
            (8, "outside_course"),
            (9, "after_drop_out"),
            (10, "not_applicable"),
            (11, "not_a_number"),
            (12, "too_many_cells"),
        ],
        "{errs:#?}"
    );
    assert_eq!(errs[0].as_line().field, "line 3");
    assert!(errs[2].message.contains("line 2"), "{}", errs[2].message);
}

#[test]
fn header_problems() {
    let p = people();
    let errs = parse_csv("", &ctx(&p)).unwrap_err();
    assert_eq!(lines(&errs), vec![(1, "empty_file")]);
    let errs = parse_csv("name;day;status\n", &ctx(&p)).unwrap_err();
    assert_eq!(
        lines(&errs),
        vec![(1, "unknown_column"), (1, "missing_column")]
    );
    let errs = parse_csv("case_number;day;status\n", &ctx(&p)).unwrap_err();
    assert_eq!(lines(&errs), vec![(1, "no_rows")]);
}

#[test]
fn one_day_as_json() {
    let p = people();
    let input = vec![
        DayInput {
            placement_id: "pl-1".into(),
            status: "present".into(),
            late_minutes: Some(30),
            ..DayInput::default()
        },
        DayInput {
            placement_id: "pl-9".into(),
            status: "absent".into(),
            ..DayInput::default()
        },
        DayInput {
            placement_id: "pl-1".into(),
            status: "excused".into(),
            left_early_minutes: Some(10),
            ..DayInput::default()
        },
    ];
    let errs = check_day_input("2026-11-20", &input, &ctx(&p)).unwrap_err();
    let fields: Vec<(&str, &str)> = errs.iter().map(|e| (e.field.as_str(), e.code)).collect();
    assert_eq!(
        fields,
        vec![
            ("entries[1].placement_id", "not_a_participant"),
            ("entries[1].status", "unknown_value"),
            ("entries[2].placement_id", "duplicate"),
            ("entries[2].left_early_minutes", "not_applicable"),
        ]
    );
    let ok = check_day_input("20.11.2026", &input[..1], &ctx(&p)).unwrap();
    assert_eq!(ok[0].late_minutes, Some(30));
    let errs = check_day_input("2026-12-01", &input[..1], &ctx(&p)).unwrap_err();
    assert_eq!(
        (errs[0].field.as_str(), errs[0].code),
        ("day", "future_date")
    );
}

#[test]
fn course_results() {
    let start = ago(30);
    let ok = |kind: &str, value: &str| ResultInput {
        kind: kind.into(),
        value: Some(value.into()),
        on_date: Some("2026-11-20".into()),
        ..ResultInput::default()
    };
    assert_eq!(
        ok("dtz", "b1")
            .validate(start, TODAY)
            .unwrap()
            .value
            .as_deref(),
        Some("B1")
    );
    assert_eq!(
        ok("dtz", "below A2")
            .validate(start, TODAY)
            .unwrap()
            .value
            .as_deref(),
        Some("below_a2")
    );
    assert_eq!(
        ok("lid", "bestanden")
            .validate(start, TODAY)
            .unwrap()
            .value
            .as_deref(),
        Some("passed")
    );
    assert_eq!(
        ok("placement_test", "4")
            .validate(start, TODAY)
            .unwrap()
            .value
            .as_deref(),
        Some("4")
    );
    assert_eq!(
        ok("placement_test", "a2")
            .validate(start, TODAY)
            .unwrap()
            .value
            .as_deref(),
        Some("A2")
    );
    let codes = |r: Result<CourseResult, Vec<FieldError>>| -> Vec<(&'static str, &'static str)> {
        r.unwrap_err().iter().map(|e| (e.field, e.code)).collect()
    };
    assert_eq!(
        codes(ok("dtz", "C1").validate(start, TODAY)),
        vec![("value", "unknown_value")]
    );
    assert_eq!(
        codes(ok("exam", "x").validate(start, TODAY)),
        vec![("kind", "unknown_value")]
    );
    let drop = ResultInput {
        kind: "drop_out".into(),
        on_date: Some("2027-01-01".into()),
        ..ResultInput::default()
    };
    assert_eq!(
        codes(drop.validate(start, TODAY)),
        vec![("on_date", "future_date"), ("reason", "required")]
    );
    let early = ResultInput {
        kind: "dtz".into(),
        value: Some("A2".into()),
        on_date: Some(ago(31).to_string()),
        ..ResultInput::default()
    };
    assert_eq!(
        codes(early.validate(start, TODAY)),
        vec![("on_date", "before_course")]
    );
    assert!(ResultKind::DropOut.notifies() && !ResultKind::PlacementTest.notifies());
}

// ---------------------------------------------------------------------------------------
// Properties.

fn status() -> impl Strategy<Value = AttendanceStatus> {
    proptest::sample::select(AttendanceStatus::ALL.to_vec())
}

fn records() -> impl Strategy<Value = Vec<Record>> {
    proptest::collection::btree_map(0i64..60, status(), 0..40).prop_map(|m| {
        m.into_iter()
            .map(|(d, status)| Record {
                day: ago(d),
                status,
            })
            .collect()
    })
}

proptest! {
    /// Turning a present day into an unexcused one never ends a breach.
    #[test]
    fn more_absence_never_ends_a_breach(rs in records(), pick in any::<prop::sample::Index>()) {
        let rule = Rule::default();
        if rs.is_empty() { return Ok(()); }
        let before = breaches(&rs, &rule, TODAY);
        let mut worse = rs.clone();
        let i = pick.index(worse.len());
        worse[i].status = Unexcused;
        let after = breaches(&worse, &rule, TODAY);
        if let Some(b) = before {
            let a = after.expect("still a breach");
            for t in b.thresholds() {
                prop_assert!(a.thresholds().contains(&t));
            }
        }
    }

    /// Full attendance never breaches, whatever the rule.
    #[test]
    fn full_attendance_never_breaches(days in proptest::collection::btree_set(0i64..200, 0..80),
                                      limit in 1i64..=30, w in 1i64..=90, pct in 1i64..=100, rw in 7i64..=180) {
        let rule = Rule::new(limit, w, pct, rw).unwrap();
        let rs: Vec<Record> = days.into_iter().map(|d| Record { day: ago(d), status: Present }).collect();
        prop_assert_eq!(breaches(&rs, &rule, TODAY), None);
    }

    /// What `to_csv` writes, `parse_csv` reads back unchanged.
    #[test]
    fn csv_round_trip(entries in proptest::collection::btree_map(
            (0usize..2, 0i64..30), (status(), 0i64..120, 0i64..120, "[a-zA-Z;,\" äöü]{0,20}"), 1..40)) {
        let p = people();
        let mut ctx = ctx(&p);
        // Nobody dropped out in this property.
        let everyone: Vec<Participant> = p.iter().cloned().map(|mut x| { x.dropped_out_on = None; x }).collect();
        ctx.participants = &everyone;
        let rows: Vec<(String, Entry)> = entries.into_iter().map(|((who, d), (status, late, early, note))| {
            let present = status == Present;
            let note = note.trim().to_owned();
            (everyone[who].case_number.clone(), Entry {
                placement_id: everyone[who].placement_id.clone(),
                day: ago(d),
                status,
                late_minutes: (present && late > 0).then_some(late),
                left_early_minutes: (present && early > 0).then_some(early),
                note: (!note.is_empty()).then_some(note),
                version: None,
            })
        }).collect();
        let parsed = parse_csv(&to_csv(&rows), &ctx).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        let expected: Vec<Entry> = rows.into_iter().map(|(_, e)| e).collect();
        prop_assert_eq!(parsed, expected);
    }

    /// Any text is answered with rows or errors, never a panic.
    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        let p = people();
        let _ = parse_csv(&format!("case_number;day;status\n{text}"), &ctx(&p));
        let _ = parse_csv(&text, &ctx(&p));
    }
}
