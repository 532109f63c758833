//! Seat allocation for language courses: who gets which course seat.
//!
//! Pure crate, no I/O. Layers, bottom up:
//! - [`raw`]: the solver contract (validated [`RawInstance`], JSON in and out);
//! - [`solve()`]: exact min-cost maximum flow with a dual certificate ([`Dual`]), checked by
//!   [`verify`];
//! - [`domain`]: participants and courses with real attributes, turned into arcs and costs by
//!   documented weights, with priorities, pinned placements and exclusions;
//! - [`explain`]: structured reasons and plain German/English sentences;
//! - [`generate`]: reproducible synthetic instances for benchmarks.
//!
//! The objective and the method are described in docs/allocation.md.

mod check;
pub mod domain;
mod dual;
mod exact;
pub mod explain;
mod flow;
pub mod generate;
mod graph;
pub mod raw;
mod scaling;
mod solve;

pub use check::verify;
pub use dual::Dual;
pub use raw::{
    MAX_COST, MAX_RAW_COST, RawArc, RawError, RawInstance, RawSolution, parse_raw_json,
    solve_raw_json,
};
pub use solve::{Solution, solve};
