//! The library entry point of the raw solver: build the graph, run the flow, attach the dual.

use crate::dual::{self, Dual};
use crate::flow::{self, NONE};
use crate::graph::Graph;
use crate::raw::RawInstance;
use crate::{exact, scaling};

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
    let f = solve_graph(&g);
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

/// Work budget of the successive-shortest-path attempt, per arc and participant...
const SSP_BUDGET_PER_ITEM: u64 = 16;
/// ...and at most this much (~20 ms): at 100k the uncapped budget wasted 1.3 s before giving up.
const SSP_BUDGET_MAX: u64 = 1_000_000;

/// Picks the method (all exact, so only speed differs; docs/allocation.md):
/// 1. successive shortest paths within a work budget — fastest on loose instances;
/// 2. cost scaling with a small "unplaced" cost M′ = 2·(largest cost) + 1, accepted if the result
///    places the maximum number (then it is also the least-cost maximum allocation); otherwise
///    M′ grows ×16 up to the always-sufficient M;
/// 3. plain successive shortest paths where scaled prices could overflow.
pub(crate) fn solve_graph(g: &Graph) -> flow::Flow {
    let budget = (SSP_BUDGET_PER_ITEM * (g.arcs.len() + g.n) as u64).min(SSP_BUDGET_MAX);
    flow::solve_within(g, budget)
        .or_else(|| by_scaling(g))
        .unwrap_or_else(|| flow::solve(g))
}

/// Steps 2 of [`solve_graph`]; `None` where scaled prices could overflow.
fn by_scaling(g: &Graph) -> Option<flow::Flow> {
    let safe_m = flow::big_m(g);
    let max_cost = g.arcs.iter().map(|&(_, w)| i64::from(w)).max().unwrap_or(0);
    let mut m = (2 * max_cost + 1).min(safe_m);
    loop {
        let s = scaling::solve(g, m)?;
        if m == safe_m || exact::is_maximum(g, &s.at) {
            return exact::potentials(g, &s.at, &s.cost, &s.price, s.alpha, m);
        }
        m = m.saturating_mul(16).min(safe_m);
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests fail loudly by design
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::check::verify;
    use crate::raw::RawArc;

    /// Solution of the cost-scaling path alone, with its certificate, in the public form.
    fn scaled_solution(inst: &RawInstance) -> Solution {
        let arcs: Vec<(u32, u32, u32)> = inst
            .arcs()
            .iter()
            .map(|a| (a.participant, a.course, a.cost))
            .collect();
        let g = Graph::build(inst.participants(), inst.capacities(), &arcs);
        let f = by_scaling(&g).unwrap();
        let dual = dual::certificate(&g, &f);
        let assignment: Vec<Option<u32>> = f
            .assigned
            .iter()
            .map(|&c| (c != NONE).then_some(c))
            .collect();
        Solution {
            placed: assignment.iter().filter(|a| a.is_some()).count(),
            total_cost: f.assigned_cost.iter().map(|&w| u64::from(w)).sum(),
            assignment,
            dual,
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Cost scaling (small M′ and its retries included) against successive shortest paths:
        /// same count and cost, and a dual the independent checker accepts.
        #[test]
        fn scaling_matches_successive_shortest_paths(
            (n, caps, arcs) in (0usize..=30, 0usize..=8, 0u32..=1_000_000).prop_flat_map(
                |(n, k, max)| {
                    let arcs = prop::collection::vec(
                        (0..n.max(1) as u32, 0..k.max(1) as u32, 0..=max), 0..n * k + 4);
                    (Just(n), prop::collection::vec(0u64..4, k), arcs)
                })
        ) {
            let arcs: Vec<RawArc> = if n == 0 || caps.is_empty() { Vec::new() } else {
                arcs.iter().map(|&(participant, course, cost)| RawArc { participant, course, cost })
                    .collect()
            };
            let inst = RawInstance::new(n, caps, arcs).unwrap();
            let s = scaled_solution(&inst);
            prop_assert_eq!(verify(&inst, &s), Ok(()));
            let old = solve_ssp(&inst);
            prop_assert_eq!((s.placed, s.total_cost), (old.placed, old.total_cost));
        }
    }

    fn solve_ssp(inst: &RawInstance) -> Solution {
        let arcs: Vec<(u32, u32, u32)> = inst
            .arcs()
            .iter()
            .map(|a| (a.participant, a.course, a.cost))
            .collect();
        let g = Graph::build(inst.participants(), inst.capacities(), &arcs);
        let f = flow::solve(&g);
        Solution {
            placed: f.assigned.iter().filter(|&&c| c != NONE).count(),
            total_cost: f.assigned_cost.iter().map(|&w| u64::from(w)).sum(),
            assignment: Vec::new(),
            dual: dual::certificate(&g, &f),
        }
    }
}
