//! Cost weights and the priority tiers derived from them.
//!
//! Fit cost of a pair = `per_km`·km + `per_week`·weeks until start + `per_level_step`·steps.
//! Priority enters as a bonus subtracted from every arc of a participant. The tier constants are
//! derived per instance so that the order is strictly lexicographic (proof in
//! docs/allocation.md): any two optimal-count allocations differ by exchange paths, each of
//! which swaps one participant for another and changes fit costs on at most K arcs (K = courses
//! with seats, capped at participants), so a bonus step larger than K·(largest fit cost) plus
//! all lower steps can never be outweighed.

use super::model::Priority;

/// The documented weights of the fit cost; published with every run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Weights {
    /// Cost per road km from home to the course.
    pub per_km: u32,
    /// Cost per whole week between the participant's earliest start and the course start.
    pub per_week: u32,
    /// Cost per CEFR step the participant is above the course's entry level (repeats content).
    pub per_level_step: u32,
    /// Waiting weeks beyond this count the same (keeps the tiers within the cost range).
    pub max_waiting_weeks: u32,
}

impl Default for Weights {
    /// 1 per km, 3 per week of delay (a week's wait ≈ 3 km of travel), 10 per level step.
    fn default() -> Self {
        Weights {
            per_km: 1,
            per_week: 3,
            per_level_step: 10,
            max_waiting_weeks: 104,
        }
    }
}

impl Weights {
    /// The fit cost of one pair.
    pub fn fit_cost(&self, parts: crate::domain::CostParts) -> u32 {
        self.per_km.saturating_mul(parts.travel_km)
            + self.per_week.saturating_mul(parts.weeks_until_start)
            + self.per_level_step.saturating_mul(parts.level_steps)
    }
}

/// Priority bonus constants for one instance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tiers {
    /// Bonus per waiting week: exceeds any fit-cost difference of one exchange.
    pub per_waiting_week: u64,
    /// Bonus for a job-centre referral: exceeds all waiting and fit differences of one exchange.
    pub referral: u64,
    /// Bonus for an obligation by an authority: exceeds a referral plus all lower terms.
    pub obligation: u64,
    /// Constant added to every arc so that costs stay ≥ 0 (the count placed is fixed first,
    /// so a constant per placement does not change which allocation is optimal).
    pub base: u64,
}

impl Tiers {
    /// Derives the constants; `None` if they exceed the solver's cost range.
    pub fn derive(courses: usize, max_fit: u32, max_weeks: u32) -> Option<Tiers> {
        let exchange = (courses as u64).checked_mul(u64::from(max_fit))?;
        let per_waiting_week = exchange + 1;
        let waiting = per_waiting_week.checked_mul(u64::from(max_weeks))?;
        let referral = waiting + exchange + 1;
        let obligation = referral + waiting + exchange + 1;
        let base = obligation + referral + waiting;
        let t = Tiers {
            per_waiting_week,
            referral,
            obligation,
            base,
        };
        (base + u64::from(max_fit) <= u64::from(crate::raw::MAX_COST)).then_some(t)
    }

    /// The bonus of one participant on the day of the run.
    pub fn bonus(&self, p: &Priority, today: i32, w: &Weights) -> u64 {
        let weeks = ((today - p.waiting_since).max(0) / 7) as u64;
        let mut b = self.per_waiting_week * weeks.min(u64::from(w.max_waiting_weeks));
        if p.obligation {
            b += self.obligation;
        }
        if p.job_centre_referral {
            b += self.referral;
        }
        b
    }
}
