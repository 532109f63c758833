use time::macros::date;

use super::*;

const TODAY: Date = date!(2026 - 11 - 23);

fn course() -> CourseInput {
    CourseInput {
        course_type: "ik_general".into(),
        provider_org_id: "org-1".into(),
        municipality_id: "town-1".into(),
        days: vec![
            "mon".into(),
            "tue".into(),
            "wed".into(),
            "thu".into(),
            "fri".into(),
        ],
        time_slot: "morning".into(),
        starts_at: "08:30".into(),
        ends_at: "12:45".into(),
        starts_on: "2027-01-11".into(),
        ends_on: "2027-08-20".into(),
        capacity: "20".into(),
        ..CourseInput::default()
    }
}

fn codes(r: Result<impl std::fmt::Debug, Vec<FieldError>>) -> Vec<(String, String)> {
    match r {
        Ok(v) => panic!("expected errors, got {v:?}"),
        Err(errs) => errs
            .into_iter()
            .map(|e| (e.field.to_owned(), e.code.to_owned()))
            .collect(),
    }
}

#[test]
fn a_plain_integration_course_gets_defaults() {
    let c = course().validate(false).unwrap();
    assert_eq!(c.course_type, CourseType::IkGeneral);
    assert_eq!(c.hours, 700);
    assert_eq!(c.start_module, Some(1));
    assert_eq!(c.seats_taken_outside, 0);
    assert_eq!(c.days.len(), 5);
    assert!(!c.childcare);
}

#[test]
fn json_numbers_and_booleans_are_accepted() {
    let json = r#"{"course_type":"bsk_b1_b2","provider_org_id":"p","municipality_id":"m",
        "days":["mon","wed"],"time_slot":"evening","starts_on":"2027-02-01","ends_on":"2027-06-30",
        "capacity":18,"seats_taken_outside":2,"childcare":true,"latitude":52.2,"longitude":8.05}"#;
    let input: CourseInput = serde_json::from_str(json).unwrap();
    let c = input.validate(false).unwrap();
    assert_eq!((c.capacity, c.seats_taken_outside), (18, 2));
    assert!(c.childcare);
    assert_eq!(c.start_module, None);
    assert_eq!(c.latitude, Some(52.2));
    assert_eq!(
        c.course_type.entry_levels(),
        Some((CefrLevel::B1, CefrLevel::B1))
    );
}

#[test]
fn bad_courses_get_every_field_error() {
    let mut c = course();
    c.ends_on = "2026-12-01".into();
    c.capacity = "-3".into();
    c.course_type = "ik_general".into();
    c.starts_at = "8.30".into();
    let errs = codes(c.validate(false));
    assert!(
        errs.contains(&("ends_on".into(), "ends_before_start".into())),
        "{errs:?}"
    );
    assert!(errs.contains(&("capacity".into(), "out_of_bounds".into())));
    assert!(errs.contains(&("starts_at".into(), "malformed_time".into())));

    let mut c = course();
    c.course_type = "ik_klingon".into();
    c.starts_on = "2027-02-31".into();
    assert_eq!(
        codes(c.validate(false)),
        vec![
            ("course_type".to_owned(), "unknown_value".to_owned()),
            ("starts_on".to_owned(), "impossible_date".to_owned()),
        ]
    );
}

#[test]
fn group_sizes_follow_the_rules() {
    let mut c = course();
    c.capacity = "26".into();
    assert_eq!(
        codes(c.validate(false)),
        vec![("capacity".to_owned(), "out_of_bounds".to_owned())]
    );
    c.course_type = "bsk_b2_c1".into();
    c.start_module = String::new();
    assert_eq!(c.validate(false).unwrap().capacity, 26);
    let mut c = course();
    c.seats_taken_outside = "21".into();
    assert_eq!(
        codes(c.validate(false)),
        vec![("seats_taken_outside".to_owned(), "over_capacity".to_owned())]
    );
}

#[test]
fn legacy_types_only_for_old_courses() {
    let mut c = course();
    c.course_type = "ik_women".into();
    assert_eq!(
        codes(c.validate(false)),
        vec![("course_type".to_owned(), "legacy_type".to_owned())]
    );
    // An existing record keeps its type; an old course may be entered for history.
    assert!(c.validate(true).is_ok());
    c.starts_on = "2023-03-01".into();
    c.ends_on = "2023-10-01".into();
    assert!(c.validate(false).is_ok());
}

#[test]
fn modules_only_for_integration_courses() {
    let mut c = course();
    c.start_module = "7".into();
    assert_eq!(
        codes(c.validate(false)),
        vec![("start_module".to_owned(), "out_of_bounds".to_owned())]
    );
    c.course_type = "job_bsk".into();
    c.start_module = "2".into();
    assert_eq!(
        codes(c.validate(false)),
        vec![("start_module".to_owned(), "not_applicable".to_owned())]
    );
}

#[test]
fn coordinates_must_lie_in_germany_and_come_in_pairs() {
    let mut c = course();
    c.latitude = "48,85".into();
    c.longitude = "2.35".into();
    assert_eq!(
        codes(c.validate(false)),
        vec![("longitude".to_owned(), "out_of_bounds".to_owned())]
    );
    c.longitude = String::new();
    assert_eq!(
        codes(c.validate(false)),
        vec![("longitude".to_owned(), "incomplete".to_owned())]
    );
    c.longitude = "8.0".into();
    assert_eq!(c.validate(false).unwrap().latitude, Some(48.85));
}

fn need() -> NeedInput {
    NeedInput {
        course_type: "ik_general".into(),
        start_module: "3".into(),
        ..NeedInput::default()
    }
}

#[test]
fn a_need_gets_sensible_defaults() {
    let n = need().validate(TODAY).unwrap();
    assert_eq!(n.earliest_start, TODAY);
    assert_eq!(n.latest_start, date!(2027 - 05 - 25));
    assert_eq!(n.max_travel_km, 25);
    assert_eq!(n.time_slots, TimeSlot::ALL.to_vec());
    assert_eq!(n.waiting_since, TODAY);
    assert_eq!(n.allocation_level(), CefrLevel::A1);
    let mut i = need();
    i.start_module = "5".into();
    assert_eq!(i.validate(TODAY).unwrap().allocation_level(), CefrLevel::A2);
}

#[test]
fn job_related_needs_name_a_fitting_level() {
    let mut n = need();
    n.course_type = "bsk_b1_b2".into();
    n.start_module = String::new();
    assert_eq!(
        codes(n.validate(TODAY)),
        vec![("level".to_owned(), "required".to_owned())]
    );
    n.level = "B3".into();
    assert_eq!(
        codes(n.validate(TODAY)),
        vec![("level".to_owned(), "invalid_level".to_owned())]
    );
    n.level = "A2".into();
    assert_eq!(
        codes(n.validate(TODAY)),
        vec![("level".to_owned(), "level_mismatch".to_owned())]
    );
    n.level = "b1".into();
    assert_eq!(n.validate(TODAY).unwrap().allocation_level(), CefrLevel::B1);
}

#[test]
fn bad_needs_are_explained() {
    let mut n = need();
    n.earliest_start = "2027-03-01".into();
    n.latest_start = "2027-02-01".into();
    n.max_travel_km = "500".into();
    n.time_slots = vec!["night".into()];
    n.obliged_on = "2026-10-01".into();
    n.waiting_since = "2027-01-01".into();
    let errs = codes(n.validate(TODAY));
    for expected in [
        ("latest_start", "ends_before_start"),
        ("max_travel_km", "out_of_bounds"),
        ("time_slots", "unknown_value"),
        ("obliged_by", "required"),
        ("waiting_since", "future_date"),
    ] {
        assert!(
            errs.contains(&(expected.0.to_owned(), expected.1.to_owned())),
            "{expected:?} in {errs:?}"
        );
    }
}

#[test]
fn an_obligation_is_recorded_with_its_authority() {
    let mut n = need();
    n.obliged_by = "job_centre".into();
    n.obliged_on = "2026-10-01".into();
    n.time_slots = vec!["morning".into(), "morning".into(), "evening".into()];
    let v = n.validate(TODAY).unwrap();
    assert_eq!(v.obliged_by, Some(ObligedBy::JobCentre));
    assert_eq!(v.time_slots, vec![TimeSlot::Morning, TimeSlot::Evening]);
}

#[test]
fn every_active_type_has_a_family_and_hours() {
    for t in CourseType::ALL {
        assert!(t.default_hours() > 0);
        assert_eq!(t.is_integration(), t.entry_levels().is_none(), "{t:?}");
        let _ = t.family();
    }
}
