//! The domain layer over the raw solver: participants and courses with real attributes.
//!
//! [`allocate`] applies the hard filters (course type, level, start window, travel distance,
//! schedule, childcare, exclusions), prices every fitting pair with documented [`Weights`],
//! takes pinned placements out of the problem, adds the priority bonuses from [`weights`] and
//! solves. The objective, lexicographically: as many placed as possible; then as many obligated
//! participants (Verpflichtung durch eine Behörde, §44a AufenthG); then as many job-centre
//! referrals; then the most waiting weeks placed; then least travel, delay and level mismatch.

mod model;
pub mod weights;

pub use model::{
    CourseType, DomainCourse, DomainParticipant, Filter, Level, Point, Priority, Request, Slots,
};
pub use weights::Weights;

use crate::raw::{RawArc, RawInstance};
use crate::solve::{Solution, solve};
use thiserror::Error;

/// Why a request cannot be allocated.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DomainError {
    /// A pin or exclusion names a participant or course that does not exist.
    #[error("{0} refers to a participant or course that does not exist")]
    UnknownIndex(String),
    /// More pins on a course than it has free seats.
    #[error("course {course}: more pinned participants than free seats")]
    PinnedCourseFull {
        /// Course index.
        course: usize,
    },
    /// A participant is pinned twice.
    #[error("participant {participant} is pinned more than once")]
    PinnedTwice {
        /// Participant index.
        participant: usize,
    },
    /// The instance is so large that the priority tiers do not fit the solver's cost range.
    #[error("instance too large for exact priority tiers: {0}")]
    TooLarge(String),
}

/// The fit cost of one pair, in its parts (what explanations talk about).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CostParts {
    /// Road distance home → course, whole km.
    pub travel_km: u32,
    /// Whole weeks from the participant's earliest start to the course start.
    pub weeks_until_start: u32,
    /// CEFR steps between the course's entry level and the participant's level.
    pub level_steps: u32,
}

/// Result of [`allocate`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allocation {
    /// Course per participant, `None` when unplaced (pinned participants included).
    pub placements: Vec<Option<usize>>,
    /// Whether a participant's placement was pinned by a counsellor.
    pub pinned: Vec<bool>,
    /// The raw instance that was solved (pinned participants have no arcs in it).
    pub instance: RawInstance,
    /// The raw solution, including the dual used in explanations.
    pub solution: Solution,
    /// The weights and derived priority constants that were used (publish with every run).
    pub weights: Weights,
    /// Derived priority bonuses (see [`weights::Tiers`]).
    pub tiers: weights::Tiers,
    /// Free seats per course after pinned placements.
    pub seats_after_pins: Vec<u32>,
}

/// Checks one pair against every hard filter; the first failing filter is returned.
pub fn check_fit(r: &Request, p: usize, c: usize) -> Result<CostParts, Filter> {
    let (pt, co) = (&r.participants[p], &r.courses[c]);
    if r.excluded.contains(&(p, c)) {
        return Err(Filter::Excluded);
    }
    if pt.recommended_type != co.course_type {
        return Err(Filter::CourseType);
    }
    if pt.level < co.level_min || pt.level > co.level_max {
        return Err(Filter::Level);
    }
    if co.start < pt.earliest_start || co.start > pt.latest_start {
        return Err(Filter::StartWindow);
    }
    let km = pt.home.road_km(co.location);
    if km > f64::from(pt.max_travel_km) {
        return Err(Filter::Distance);
    }
    if !pt.available.covers(co.slots) {
        return Err(Filter::Schedule);
    }
    if pt.needs_childcare && !co.childcare {
        return Err(Filter::Childcare);
    }
    Ok(CostParts {
        travel_km: km.round() as u32,
        weeks_until_start: ((co.start - pt.earliest_start) / 7) as u32,
        level_steps: (pt.level as u32).saturating_sub(co.level_min as u32),
    })
}

/// Allocates seats: hard filters, costs, pins, exclusions and priorities, solved exactly.
pub fn allocate(r: &Request) -> Result<Allocation, DomainError> {
    let (n, k) = (r.participants.len(), r.courses.len());
    let mut seats: Vec<u32> = r.courses.iter().map(|c| c.free_seats).collect();
    let mut pinned = vec![None; n];
    for &(p, c) in &r.pinned {
        if p >= n || c >= k {
            return Err(DomainError::UnknownIndex(format!("pin ({p}, {c})")));
        }
        if pinned[p].is_some() {
            return Err(DomainError::PinnedTwice { participant: p });
        }
        // A counsellor's pin overrides the filters but not the seat count.
        seats[c] = seats[c]
            .checked_sub(1)
            .ok_or(DomainError::PinnedCourseFull { course: c })?;
        pinned[p] = Some(c);
    }
    if let Some(&(p, c)) = r.excluded.iter().find(|&&(p, c)| p >= n || c >= k) {
        return Err(DomainError::UnknownIndex(format!("exclusion ({p}, {c})")));
    }

    let mut pairs = Vec::new();
    for p in (0..n).filter(|&p| pinned[p].is_none()) {
        for c in 0..k {
            if let Ok(parts) = check_fit(r, p, c) {
                pairs.push((p, c, r.weights.fit_cost(parts)));
            }
        }
    }
    let seated = seats.iter().filter(|&&s| s > 0).count();
    let max_fit = pairs.iter().map(|a| a.2).max().unwrap_or(0);
    let tiers = weights::Tiers::derive(seated.min(n), max_fit, r.weights.max_waiting_weeks)
        .ok_or_else(|| DomainError::TooLarge(format!("{seated} courses, fit cost {max_fit}")))?;
    let arcs = pairs
        .iter()
        .map(|&(p, c, fit)| {
            let bonus = tiers.bonus(&r.participants[p].priority, r.today, &r.weights);
            RawArc {
                participant: p as u32,
                course: c as u32,
                cost: (tiers.base - bonus + u64::from(fit)) as u32,
            }
        })
        .collect();
    let capacities = seats.iter().map(|&s| u64::from(s)).collect();
    let instance =
        RawInstance::new(n, capacities, arcs).map_err(|e| DomainError::TooLarge(e.to_string()))?;
    let solution = solve(&instance);
    let placements = (0..n)
        .map(|p| pinned[p].or(solution.assignment[p].map(|c| c as usize)))
        .collect();
    Ok(Allocation {
        placements,
        pinned: pinned.iter().map(Option::is_some).collect(),
        instance,
        solution,
        weights: r.weights.clone(),
        tiers,
        seats_after_pins: seats,
    })
}

#[cfg(test)]
mod tests;
