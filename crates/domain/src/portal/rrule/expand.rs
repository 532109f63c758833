//! Expansion of a rule into occurrence starts: period by period (day, week from Monday,
//! month), the candidates of each period in order, bounded by `COUNT`, `UNTIL` and the window.

use time::{Date, Duration, Month, PrimitiveDateTime};

use super::{Freq, RRule, until_local};

impl RRule {
    /// Occurrence starts of an event starting at `start` (Berlin local), those in
    /// `[from, to]`, sorted, at most `limit`. `COUNT` and `UNTIL` count from `start`.
    pub fn expand(
        &self,
        start: PrimitiveDateTime,
        from: PrimitiveDateTime,
        to: PrimitiveDateTime,
        limit: usize,
    ) -> Vec<PrimitiveDateTime> {
        let mut out = Vec::new();
        if limit == 0 || to < from {
            return out;
        }
        let until = self.until.map(until_local);
        let mut emitted: u64 = 0;
        // Returns false when the expansion is finished.
        let mut emit = |at: PrimitiveDateTime, out: &mut Vec<PrimitiveDateTime>| -> bool {
            if until.is_some_and(|u| at > u)
                || self.count.is_some_and(|c| emitted >= u64::from(c))
                || at > to
            {
                return false;
            }
            emitted += 1;
            if at >= from {
                out.push(at);
            }
            out.len() < limit
        };
        if !emit(start, &mut out) {
            return out;
        }
        let mut period = if self.count.is_none() {
            self.periods_before(start, from)
        } else {
            0
        };
        loop {
            let Some((first_day, dates)) = self.period(start, period) else {
                return out;
            };
            if first_day > to.date() {
                return out;
            }
            for date in dates {
                let at = PrimitiveDateTime::new(date, start.time());
                if at <= start {
                    continue;
                }
                if !emit(at, &mut out) {
                    return out;
                }
            }
            period += 1;
        }
    }

    /// Periods that can be skipped because all their occurrences lie before `from`.
    fn periods_before(&self, start: PrimitiveDateTime, from: PrimitiveDateTime) -> i64 {
        let interval = i64::from(self.interval.max(1));
        let units = match self.freq {
            Freq::Daily => (from.date() - start.date()).whole_days(),
            Freq::Weekly => (from.date() - start.date()).whole_days() / 7,
            Freq::Monthly => month_index(from.date()) - month_index(start.date()),
        };
        (units / interval - 1).max(0)
    }

    /// The first day of period `n` and the candidate dates in it, in order.
    fn period(&self, start: PrimitiveDateTime, n: i64) -> Option<(Date, Vec<Date>)> {
        let step = n.checked_mul(i64::from(self.interval))?;
        let day = start.date();
        let has = |d: Date| self.by_day.iter().any(|b| b.weekday == d.weekday());
        match self.freq {
            Freq::Daily => {
                let d = day.checked_add(Duration::days(step))?;
                let dates = if self.by_day.is_empty() || has(d) {
                    vec![d]
                } else {
                    vec![]
                };
                Some((d, dates))
            }
            Freq::Weekly => {
                if self.by_day.is_empty() {
                    let d = day.checked_add(Duration::weeks(step))?;
                    return Some((d, vec![d]));
                }
                let monday = day
                    .checked_sub(Duration::days(i64::from(
                        day.weekday().number_days_from_monday(),
                    )))?
                    .checked_add(Duration::weeks(step))?;
                let mut dates: Vec<Date> = (0..7)
                    .filter_map(|i| monday.checked_add(Duration::days(i)))
                    .filter(|d| has(*d))
                    .collect();
                dates.sort();
                Some((monday, dates))
            }
            Freq::Monthly => {
                let idx = month_index(day).checked_add(step)?;
                let year = i32::try_from(idx.div_euclid(12)).ok()?;
                let month = Month::try_from(u8::try_from(idx.rem_euclid(12) + 1).ok()?).ok()?;
                let first = Date::from_calendar_date(year, month, 1).ok()?;
                let len = time::util::days_in_month(month, year);
                let mut dates: Vec<Date> = Vec::new();
                if self.by_day.is_empty() {
                    dates.extend(first.replace_day(day.day()).ok());
                }
                for b in &self.by_day {
                    let offset = (7 + b.weekday.number_days_from_monday()
                        - first.weekday().number_days_from_monday())
                        % 7;
                    let all = (0..5u8).map(|k| 1 + offset + 7 * k).filter(|d| *d <= len);
                    let days: Vec<u8> = all.collect();
                    let picked: Vec<u8> = match b.ordinal {
                        None => days,
                        Some(o) if o > 0 => days
                            .get(usize::from(o.unsigned_abs()) - 1)
                            .copied()
                            .into_iter()
                            .collect(),
                        Some(o) => days
                            .len()
                            .checked_sub(usize::from(o.unsigned_abs()))
                            .and_then(|i| days.get(i))
                            .copied()
                            .into_iter()
                            .collect(),
                    };
                    dates.extend(picked.into_iter().filter_map(|d| first.replace_day(d).ok()));
                }
                dates.sort();
                dates.dedup();
                Some((first, dates))
            }
        }
    }
}

fn month_index(d: Date) -> i64 {
    i64::from(d.year()) * 12 + i64::from(u8::from(d.month())) - 1
}
