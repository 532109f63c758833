//! Europe/Berlin local time without a time-zone database: CET (UTC+1) with summer time CEST
//! (UTC+2) from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC
//! (the EU rule, Directive 2000/84/EC). The rule is applied to every year, so results are
//! right from 1996 on; earlier German rules are not modelled.
//!
//! Local times that do not exist (the spring gap, 02:00–02:59) are read with the offset
//! before the gap and local times that occur twice (autumn, 02:00–02:59) mean the first one,
//! both as RFC 5545 §3.3.5 prescribes.

use time::macros::{offset, time};
use time::{Date, Duration, Month, OffsetDateTime, PrimitiveDateTime, UtcOffset};

/// The IANA name, as `TZID` and Integreat's `timezone` field carry it.
pub const TZID: &str = "Europe/Berlin";
/// Winter (standard) time.
pub const CET: UtcOffset = offset!(+1);
/// Summer time.
pub const CEST: UtcOffset = offset!(+2);

/// The last Sunday of `month` in `year` (`None` outside the supported years).
pub fn last_sunday(year: i32, month: Month) -> Option<Date> {
    let last =
        Date::from_calendar_date(year, month, time::util::days_in_month(month, year)).ok()?;
    last.checked_sub(Duration::days(i64::from(
        last.weekday().number_days_from_sunday(),
    )))
}

/// When summer time starts and ends in `year`, as UTC date-times.
pub fn summer_time_utc(year: i32) -> Option<(PrimitiveDateTime, PrimitiveDateTime)> {
    Some((
        PrimitiveDateTime::new(last_sunday(year, Month::March)?, time!(1:00)),
        PrimitiveDateTime::new(last_sunday(year, Month::October)?, time!(1:00)),
    ))
}

/// Berlin's UTC offset at an instant.
pub fn offset_at(instant: OffsetDateTime) -> UtcOffset {
    let Some(utc) = instant.checked_to_offset(UtcOffset::UTC) else {
        return CET;
    };
    let naive = PrimitiveDateTime::new(utc.date(), utc.time());
    match summer_time_utc(utc.year()) {
        Some((start, end)) if start <= naive && naive < end => CEST,
        _ => CET,
    }
}

/// The Berlin offset a local date-time is read with: CEST from 03:00 on the last Sunday of
/// March (the gap before it is read as CET) up to the first 02:59:59 on the last Sunday of
/// October (the repeated hour is read as CEST, its first occurrence).
pub fn offset_of_local(local: PrimitiveDateTime) -> UtcOffset {
    let Some((start, end)) = summer_time_utc(local.year()) else {
        return CET;
    };
    // UTC 01:00 is local 03:00 CEST after both switches' first reading.
    let (Some(start), Some(end)) = (
        start.checked_add(Duration::hours(2)),
        end.checked_add(Duration::hours(2)),
    ) else {
        return CET;
    };
    if start <= local && local < end {
        CEST
    } else {
        CET
    }
}

/// Whether a local date-time falls into the spring gap (does not exist on the clock).
pub fn is_skipped(local: PrimitiveDateTime) -> bool {
    summer_time_utc(local.year()).is_some_and(|(start, _)| {
        let gap_start = start.checked_add(Duration::hours(1));
        let gap_end = start.checked_add(Duration::hours(2));
        matches!((gap_start, gap_end), (Some(a), Some(b)) if a <= local && local < b)
    })
}

/// The instant a Berlin local date-time means (`None` only at the ends of the year range).
pub fn to_utc(local: PrimitiveDateTime) -> Option<OffsetDateTime> {
    local
        .assume_offset(offset_of_local(local))
        .checked_to_offset(UtcOffset::UTC)
}

/// The Berlin local date-time of an instant (`None` only at the ends of the year range).
pub fn to_local(instant: OffsetDateTime) -> Option<PrimitiveDateTime> {
    let local = instant.checked_to_offset(offset_at(instant))?;
    Some(PrimitiveDateTime::new(local.date(), local.time()))
}

/// Berlin weekday (0 = Monday) and minute after midnight of an instant, as
/// [`crate::offer::is_open`] and [`crate::portal::place::open_now`] take them.
pub fn weekday_and_minute(instant: OffsetDateTime) -> Option<(u8, u16)> {
    let local = to_local(instant)?;
    Some((
        local.weekday().number_days_from_monday(),
        u16::from(local.hour()) * 60 + u16::from(local.minute()),
    ))
}

#[cfg(test)]
mod tests;
