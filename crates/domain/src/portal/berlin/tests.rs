use super::*;
use proptest::prelude::*;
use time::macros::{date, datetime};

#[test]
fn the_switch_days() {
    assert_eq!(last_sunday(2026, Month::March), Some(date!(2026 - 03 - 29)));
    assert_eq!(
        last_sunday(2026, Month::October),
        Some(date!(2026 - 10 - 25))
    );
    assert_eq!(last_sunday(2027, Month::March), Some(date!(2027 - 03 - 28)));
    assert_eq!(
        last_sunday(2027, Month::October),
        Some(date!(2027 - 10 - 31))
    );
    assert_eq!(last_sunday(2020, Month::March), Some(date!(2020 - 03 - 29)));
}

#[test]
fn offsets_around_the_switches() {
    assert_eq!(offset_at(datetime!(2026-03-29 0:59:59 UTC)), CET);
    assert_eq!(offset_at(datetime!(2026-03-29 1:00 UTC)), CEST);
    assert_eq!(offset_at(datetime!(2026-10-25 0:59:59 UTC)), CEST);
    assert_eq!(offset_at(datetime!(2026-10-25 1:00 UTC)), CET);
    assert_eq!(offset_at(datetime!(2026-07-01 12:00 +9)), CEST);
    assert_eq!(offset_at(datetime!(2026-01-15 12:00 UTC)), CET);
}

#[test]
fn local_times_to_utc() {
    assert_eq!(
        to_utc(datetime!(2026-01-15 09:00)),
        Some(datetime!(2026-01-15 08:00 UTC))
    );
    assert_eq!(
        to_utc(datetime!(2026-07-15 09:00)),
        Some(datetime!(2026-07-15 07:00 UTC))
    );
    // The spring gap is read with the offset before it: 02:30 means 03:30 CEST.
    assert!(is_skipped(datetime!(2026-03-29 02:30)));
    assert!(!is_skipped(datetime!(2026-03-29 03:00)));
    assert_eq!(
        to_utc(datetime!(2026-03-29 02:30)),
        Some(datetime!(2026-03-29 01:30 UTC))
    );
    // The repeated autumn hour means its first occurrence (CEST).
    assert_eq!(
        to_utc(datetime!(2026-10-25 02:30)),
        Some(datetime!(2026-10-25 00:30 UTC))
    );
    assert_eq!(
        to_utc(datetime!(2026-10-25 03:00)),
        Some(datetime!(2026-10-25 02:00 UTC))
    );
}

#[test]
fn utc_to_local_and_open_now_parts() {
    assert_eq!(
        to_local(datetime!(2026-10-25 00:30 UTC)),
        Some(datetime!(2026-10-25 02:30))
    );
    assert_eq!(
        to_local(datetime!(2026-10-25 01:30 UTC)),
        Some(datetime!(2026-10-25 02:30))
    );
    // Tuesday 2026-11-24, 13:15 UTC is 14:15 in Berlin.
    assert_eq!(
        weekday_and_minute(datetime!(2026-11-24 13:15 UTC)),
        Some((1, 14 * 60 + 15))
    );
    // Sunday 23:30 UTC in summer is Monday 01:30 in Berlin.
    assert_eq!(
        weekday_and_minute(datetime!(2026-07-05 23:30 UTC)),
        Some((0, 90))
    );
}

proptest! {
    #[test]
    fn local_and_utc_round_trip_outside_the_gap(secs in 0i64..4_102_444_800) {
        let instant = OffsetDateTime::from_unix_timestamp(secs).unwrap();
        let local = to_local(instant).unwrap();
        prop_assert!(!is_skipped(local));
        let back = to_utc(local).unwrap();
        // In the repeated autumn hour the second reading maps back to the first.
        let diff = (instant - back).whole_seconds();
        prop_assert!(diff == 0 || diff == 3600, "diff {diff}");
        prop_assert_eq!(offset_of_local(local) == CEST, offset_at(back) == CEST);
    }

    #[test]
    fn never_panics_at_the_ends_of_the_range(year in -9999i32..=9999, day in 1u16..=365) {
        if let Ok(d) = Date::from_ordinal_date(year, day) {
            let t = PrimitiveDateTime::new(d, time!(23:59:59));
            let _ = to_utc(t);
            let _ = to_local(t.assume_utc());
            let _ = weekday_and_minute(t.assume_offset(offset!(-12)));
        }
    }
}

#[test]
fn the_extremes_do_not_panic() {
    for t in [PrimitiveDateTime::MIN, PrimitiveDateTime::MAX] {
        let _ = to_utc(t);
        let _ = is_skipped(t);
        for o in [offset!(-23:59), offset!(+23:59), UtcOffset::UTC] {
            let _ = to_local(t.assume_offset(o));
            let _ = offset_at(t.assume_offset(o));
            let _ = weekday_and_minute(t.assume_offset(o));
        }
    }
}
