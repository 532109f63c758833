use super::*;

fn input() -> PlaceInput {
    PlaceInput {
        name: "Migrationsberatung Caritas".into(),
        street: "Johannisstraße 91".into(),
        postcode: "49074".into(),
        town: "Osnabrück".into(),
        latitude: "52,2719".into(),
        longitude: "8.0498".into(),
        category: "counselling".into(),
        opening_hours: "Mo-Fr 09:00-12:00; Do 14:00-18:00".into(),
        step_free: "true".into(),
        ..Default::default()
    }
}

#[test]
fn a_valid_place() {
    let p = input().validate().unwrap();
    assert_eq!(p.category, Category::Counselling);
    assert_eq!(p.coordinates, Some((52.2719, 8.0498)));
    assert_eq!(p.address.postcode.as_deref(), Some("49074"));
    assert_eq!(p.step_free, Some(true));
    assert_eq!(p.opening_hours.len(), 5);
    let unknown = PlaceInput {
        step_free: String::new(),
        category: String::new(),
        ..input()
    }
    .validate()
    .unwrap();
    assert_eq!(unknown.step_free, None);
    assert_eq!(unknown.category, Category::Other);
}

#[test]
fn open_now_respects_hours_and_closures() {
    let mut p = input().validate().unwrap();
    assert!(open_now(&p, 0, 9 * 60));
    assert!(!open_now(&p, 0, 12 * 60), "slots end exclusively");
    assert!(open_now(&p, 3, 15 * 60));
    assert!(!open_now(&p, 5, 10 * 60));
    assert_eq!(open_state(&p, 5, 10 * 60), OpenState::Closed);
    p.appointment_only = true;
    assert_eq!(open_state(&p, 0, 10 * 60), OpenState::OpenByAppointment);
    assert!(open_now(&p, 0, 10 * 60));
    p.temporarily_closed = true;
    assert!(!open_now(&p, 0, 10 * 60));
    assert_eq!(open_state(&p, 0, 10 * 60), OpenState::TemporarilyClosed);
}

#[test]
fn every_wrong_field_is_reported_at_once() {
    let bad = PlaceInput {
        name: String::new(),
        postcode: "4907".into(),
        latitude: "95".into(),
        longitude: String::new(),
        category: "bakery".into(),
        opening_hours: "Mo 12:00-09:00".into(),
        appointment_only: "maybe".into(),
        appointment_url: "ftp://x".into(),
        temporarily_closed: "2".into(),
        step_free: "yes please".into(),
        ..input()
    };
    let codes: Vec<&str> = bad.validate().unwrap_err().iter().map(|e| e.code).collect();
    assert_eq!(
        codes,
        [
            "required",
            "unknown_value",
            "invalid_postcode",
            "invalid_number",
            "invalid_opening_hours",
            "invalid_bool",
            "invalid_url",
            "invalid_bool",
            "invalid_bool"
        ]
    );
    let half = PlaceInput {
        longitude: String::new(),
        ..input()
    };
    assert_eq!(
        half.validate().unwrap_err()[0].code,
        "incomplete_coordinates"
    );
}

#[test]
fn open_now_from_an_instant() {
    use crate::portal::berlin::weekday_and_minute;
    use time::macros::datetime;
    let p = input().validate().unwrap();
    // Monday 2026-07-06 07:30 UTC is 09:30 in Berlin (summer time).
    let (day, minute) = weekday_and_minute(datetime!(2026-07-06 07:30 UTC)).unwrap();
    assert!(open_now(&p, day, minute));
    // The same UTC time in winter is 08:30 in Berlin: still closed.
    let (day, minute) = weekday_and_minute(datetime!(2026-01-05 07:30 UTC)).unwrap();
    assert!(!open_now(&p, day, minute));
}
