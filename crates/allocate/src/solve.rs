//! The library entry point of the raw solver: build the graph, run the flow, attach the dual.

use crate::dual::{self, Dual};
use crate::flow::{self, NONE};
use crate::graph::Graph;
use crate::raw::RawInstance;

/// An optimal allocation: as many participants placed as possible, and among those
/// allocations one of least total cost. Ties are broken deterministically.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Solution {
    /// Course index per participant, `None` when unplaced.
    pub assignment: Vec<Option<u32>>,
    /// Number of participants placed.
    pub placed: usize,
    /// Sum of the (cheapest) arc costs of all placements.
    pub total_cost: u64,
    /// Node potentials proving optimality (see [`Dual`]).
    pub dual: Dual,
}

/// Solves a validated instance exactly. Deterministic: the same instance gives the same
/// solution, bit for bit.
pub fn solve(instance: &RawInstance) -> Solution {
    let arcs: Vec<(u32, u32, u32)> = instance
        .arcs()
        .iter()
        .map(|a| (a.participant, a.course, a.cost))
        .collect();
    let g = Graph::build(instance.participants(), instance.capacities(), &arcs);
    drop(arcs);
    let f = flow::solve(&g);
    let dual = dual::certificate(&g, &f);
    let assignment: Vec<Option<u32>> = f
        .assigned
        .iter()
        .map(|&c| (c != NONE).then_some(c))
        .collect();
    let placed = assignment.iter().filter(|a| a.is_some()).count();
    let total_cost = f.assigned_cost.iter().map(|&w| u64::from(w)).sum();
    Solution {
        assignment,
        placed,
        total_cost,
        dual,
    }
}
