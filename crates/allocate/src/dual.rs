//! Dual solution (node potentials) of the final flow, and an independent optimality check.
//!
//! The solver's own potentials are valid on every residual arc except those at the source.
//! One more Dijkstra from the source (through the waiting participants, who all sit in closed
//! "dead" regions at the end) turns them into a full certificate: with these potentials every
//! residual arc of the final flow has reduced cost ≥ 0, which proves the flow is of least cost
//! for its value; that no augmenting path exists proves the value is maximum.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::flow::{Flow, NONE};
use crate::graph::Graph;

/// Node potentials of the network source → participant → course → sink.
///
/// The reduced cost of an arc u → v with cost w is `w + φ(u) − φ(v)`. Complementary slackness:
/// an arc carrying flow has reduced cost ≤ 0, an arc with spare capacity has reduced cost ≥ 0.
/// Potentials are normalised so that `source == 0`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dual {
    /// φ(source), always 0.
    pub source: i64,
    /// φ(sink).
    pub sink: i64,
    /// φ(participant).
    pub participants: Vec<i64>,
    /// φ(course).
    pub courses: Vec<i64>,
}

impl Dual {
    /// The seat price of course `c`: a waiting participant whose arc to `c` costs less than this
    /// would have displaced someone. Every unplaced participant's arc costs at least the price,
    /// every placed one pays at most the price of its course minus φ(participant) (see
    /// docs/allocation.md).
    pub fn seat_price(&self, course: usize) -> i64 {
        self.courses.get(course).map_or(0, |&v| v - self.source)
    }
}

/// Builds the certificate potentials from the solver's final state.
pub(crate) fn certificate(g: &Graph, f: &Flow) -> Dual {
    let (n, k) = (g.n, g.courses());
    let phi_s = (0..n)
        .filter(|&p| f.assigned[p] == NONE && !g.arcs_of(p).is_empty())
        .map(|p| f.phi_p[p])
        .max()
        .unwrap_or(0);
    // Dijkstra from the source on reduced costs. Distances are ≥ 0 and the sink is unreachable
    // (the flow is maximum), so only participants and courses are visited.
    const INF: i64 = i64::MAX;
    let mut dp = vec![INF; n];
    let mut dc = vec![INF; k];
    let mut heap = BinaryHeap::new();
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); k];
    for p in 0..n {
        if f.assigned[p] != NONE {
            members[f.assigned[p] as usize].push(p as u32);
        } else if !g.arcs_of(p).is_empty() {
            dp[p] = phi_s - f.phi_p[p];
            heap.push(Reverse((dp[p], p as u32)));
        }
    }
    let mut max_d = 0i64;
    while let Some(Reverse((d, v))) = heap.pop() {
        let v = v as usize;
        if v < n {
            if d > dp[v] {
                continue;
            }
            max_d = max_d.max(d);
            for &(c, w) in g.arcs_of(v) {
                if c == f.assigned[v] {
                    continue;
                }
                let c = c as usize;
                let nd = d + i64::from(w) + f.phi_p[v] - f.phi_c[c];
                if nd < dc[c] {
                    dc[c] = nd;
                    heap.push(Reverse((nd, (n + c) as u32)));
                }
            }
        } else {
            let c = v - n;
            if d > dc[c] {
                continue;
            }
            max_d = max_d.max(d);
            for &q in &members[c] {
                let q = q as usize;
                let nd = d - i64::from(f.assigned_cost[q]) + f.phi_c[c] - f.phi_p[q];
                if nd < dp[q] {
                    dp[q] = nd;
                    heap.push(Reverse((nd, q as u32)));
                }
            }
        }
    }
    // Unreached nodes move up by a constant large enough for the arcs from them into reached
    // nodes and for placed participant → source arcs.
    let mut lift = max_d;
    for (p, &d) in dp.iter().enumerate() {
        if d == INF && f.assigned[p] != NONE {
            lift = lift.max(phi_s - f.phi_p[p]);
        }
    }
    let shift = |phi: i64, d: i64| if d == INF { phi + lift } else { phi + d } - phi_s;
    let participants = (0..n)
        .map(|p| {
            if f.assigned[p] == NONE && g.arcs_of(p).is_empty() {
                0 // no arcs: only the source arc, which then has reduced cost 0
            } else {
                shift(f.phi_p[p], dp[p])
            }
        })
        .collect();
    let courses = (0..k).map(|c| shift(f.phi_c[c], dc[c])).collect();
    Dual {
        source: 0,
        sink: f.phi_t + lift - phi_s,
        participants,
        courses,
    }
}
