//! The raw solver contract: a validated instance type, its JSON form and the JSON entry point.
//!
//! Input `{"participants": N, "courses": [{"capacity": 25}, ...], "arcs": [[p, c, cost], ...]}`,
//! output `{"placed": k, "total_cost": c, "assignment": [course or -1, ...], "solve_ms": t}`.
//! Invalid input is rejected as a whole with a one-line message naming what and where; nothing
//! is solved or written in that case.

use std::time::Instant;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::solve::{Solution, solve};

/// Largest arc cost the JSON contract accepts.
pub const MAX_RAW_COST: u32 = 1_000_000;

/// Largest arc cost the typed API accepts (the domain layer's priority tiers need more room).
pub const MAX_COST: u32 = i32::MAX as u32;

/// One eligible (participant, course) pair and its cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawArc {
    /// Participant index, `0..participants`.
    pub participant: u32,
    /// Course index, `0..capacities.len()`.
    pub course: u32,
    /// Cost of placing the participant in the course; lower is better.
    pub cost: u32,
}

/// A validated solver instance: every index is in range and every cost within limits, so
/// [`solve`] cannot fail on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawInstance {
    participants: usize,
    capacities: Vec<u64>,
    arcs: Vec<RawArc>,
}

/// Why raw input was rejected. `Display` is the one-line message for the command line.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RawError {
    /// Not JSON, or not of the contract's shape (serde's message carries line and column).
    #[error("invalid input: {0}")]
    Json(String),
    /// `participants` is negative or too large.
    #[error("participants: {0} is not a valid count (0..=4294967294)")]
    Participants(i64),
    /// A course capacity below zero.
    #[error("courses[{index}].capacity: {value} is negative")]
    NegativeCapacity {
        /// Course index.
        index: usize,
        /// Offending value.
        value: i64,
    },
    /// An arc names a participant that does not exist.
    #[error("arcs[{index}]: participant {value} is out of range 0..{participants}")]
    Participant {
        /// Arc index.
        index: usize,
        /// Offending value.
        value: i64,
        /// Number of participants.
        participants: usize,
    },
    /// An arc names a course that does not exist.
    #[error("arcs[{index}]: course {value} is out of range 0..{courses}")]
    Course {
        /// Arc index.
        index: usize,
        /// Offending value.
        value: i64,
        /// Number of courses.
        courses: usize,
    },
    /// An arc cost below zero or above the limit.
    #[error("arcs[{index}]: cost {value} is outside 0..={max}")]
    Cost {
        /// Arc index.
        index: usize,
        /// Offending value.
        value: i64,
        /// The limit that applied.
        max: u32,
    },
    /// So large that 64-bit path sums could overflow (far beyond any real instance).
    #[error("instance too large for exact 64-bit arithmetic ({0})")]
    TooLarge(String),
}

impl RawInstance {
    /// Validates an instance for the typed API (costs up to [`MAX_COST`]).
    pub fn new(
        participants: usize,
        capacities: Vec<u64>,
        arcs: Vec<RawArc>,
    ) -> Result<RawInstance, RawError> {
        Self::with_cost_limit(participants, capacities, arcs, MAX_COST)
    }

    fn with_cost_limit(
        participants: usize,
        capacities: Vec<u64>,
        arcs: Vec<RawArc>,
        max_cost: u32,
    ) -> Result<RawInstance, RawError> {
        if participants >= u32::MAX as usize {
            return Err(RawError::Participants(participants as i64));
        }
        let courses = capacities.len();
        if participants + courses >= u32::MAX as usize {
            return Err(RawError::TooLarge(format!("{courses} courses")));
        }
        for (index, a) in arcs.iter().enumerate() {
            if a.participant as usize >= participants {
                return Err(RawError::Participant {
                    index,
                    value: i64::from(a.participant),
                    participants,
                });
            }
            if a.course as usize >= courses {
                return Err(RawError::Course {
                    index,
                    value: i64::from(a.course),
                    courses,
                });
            }
            if a.cost > max_cost {
                return Err(RawError::Cost {
                    index,
                    value: i64::from(a.cost),
                    max: max_cost,
                });
            }
        }
        // Potentials stay below participants × (courses + 1) × max cost (docs/allocation.md).
        let max = arcs.iter().map(|a| a.cost).max().unwrap_or(0);
        let bound = (participants as i128 + 1) * (courses as i128 + 1) * (i128::from(max) + 1);
        if bound >= 1i128 << 62 {
            return Err(RawError::TooLarge(format!(
                "{participants} participants × {courses} courses × cost {max}"
            )));
        }
        Ok(RawInstance {
            participants,
            capacities,
            arcs,
        })
    }

    /// The instance with no participants and no courses.
    pub fn empty() -> RawInstance {
        RawInstance {
            participants: 0,
            capacities: Vec::new(),
            arcs: Vec::new(),
        }
    }

    /// Number of participants.
    pub fn participants(&self) -> usize {
        self.participants
    }

    /// Seat capacity per course.
    pub fn capacities(&self) -> &[u64] {
        &self.capacities
    }

    /// The arcs as given (duplicates included; the cheaper one counts).
    pub fn arcs(&self) -> &[RawArc] {
        &self.arcs
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonInstance {
    participants: i64,
    courses: Vec<JsonCourse>,
    arcs: Vec<(i64, i64, i64)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonCourse {
    capacity: i64,
}

/// The JSON result of the raw contract.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RawSolution {
    /// Number of participants placed (the maximum possible).
    pub placed: usize,
    /// Total cost of the placements (the least among maximum placements).
    pub total_cost: u64,
    /// Course index per participant, or −1 when unplaced.
    pub assignment: Vec<i64>,
    /// Solve time in milliseconds (graph building and solving, without JSON).
    pub solve_ms: f64,
}

impl RawSolution {
    /// Converts a typed solution; `solve_ms` is supplied by the caller who timed it.
    pub fn from_solution(s: &Solution, solve_ms: f64) -> RawSolution {
        RawSolution {
            placed: s.placed,
            total_cost: s.total_cost,
            assignment: s
                .assignment
                .iter()
                .map(|a| a.map_or(-1, i64::from))
                .collect(),
            solve_ms,
        }
    }
}

/// Parses and validates raw JSON input under the contract's limits (costs ≤ [`MAX_RAW_COST`]).
pub fn parse_raw_json(input: &str) -> Result<RawInstance, RawError> {
    let j: JsonInstance = serde_json::from_str(input).map_err(|e| RawError::Json(e.to_string()))?;
    let participants = usize::try_from(j.participants)
        .ok()
        .filter(|&n| n < u32::MAX as usize)
        .ok_or(RawError::Participants(j.participants))?;
    let capacities = j
        .courses
        .iter()
        .enumerate()
        .map(|(index, c)| {
            u64::try_from(c.capacity).map_err(|_| RawError::NegativeCapacity {
                index,
                value: c.capacity,
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let courses = capacities.len();
    let mut arcs = Vec::with_capacity(j.arcs.len());
    for (index, &(p, c, w)) in j.arcs.iter().enumerate() {
        let participant = u32::try_from(p)
            .ok()
            .filter(|&p| (p as usize) < participants)
            .ok_or(RawError::Participant {
                index,
                value: p,
                participants,
            })?;
        let course = u32::try_from(c)
            .ok()
            .filter(|&c| (c as usize) < courses)
            .ok_or(RawError::Course {
                index,
                value: c,
                courses,
            })?;
        let cost = u32::try_from(w)
            .ok()
            .filter(|&w| w <= MAX_RAW_COST)
            .ok_or(RawError::Cost {
                index,
                value: w,
                max: MAX_RAW_COST,
            })?;
        arcs.push(RawArc {
            participant,
            course,
            cost,
        });
    }
    RawInstance::with_cost_limit(participants, capacities, arcs, MAX_RAW_COST)
}

/// The raw contract end to end: JSON instance in, JSON solution out (one line, no newline).
///
/// On error nothing is solved; the caller prints the error's `Display` and exits with status 2.
pub fn solve_raw_json(input: &str) -> Result<String, RawError> {
    let instance = parse_raw_json(input)?;
    let started = Instant::now();
    let solution = solve(&instance);
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    let out = RawSolution::from_solution(&solution, (ms * 1000.0).round() / 1000.0);
    serde_json::to_string(&out).map_err(|e| RawError::Json(e.to_string()))
}
