//! Exact integer potentials for an optimal allocation, from the scaled prices of `scaling.rs`.
//!
//! Why: the scaling solver ends with prices that are only 1-optimal in units of cost × α; the
//! dual certificate needs potentials φ in cost units with reduced cost ≥ 0 on every residual arc
//! of the big-M network. Fixing each participant's potential to its assigned arc
//! (φ(p) = φ(own) − own cost) leaves difference constraints between right nodes only:
//! - φ(c′) ≤ φ(own) + w(p, c′) − own cost, for every other arc of every participant;
//! - φ(unplaced) ≤ φ(own) + M − own cost, for every placed participant;
//! - φ(unplaced) ≤ φ(c) for a course with a free seat, φ(c) ≤ φ(unplaced) for a used one.
//!
//! They are feasible exactly when the allocation is optimal (no negative residual cycle), and
//! Bellman–Ford over the 5,001 right nodes solves them. Started from the rounded scaled prices,
//! which are already within a unit of a solution, it settles in a few passes.

use std::collections::VecDeque;

use crate::flow::{Flow, NONE};
use crate::graph::Graph;

/// Potentials of the allocation `at` / `cost` (right node per participant, `courses` meaning
/// unplaced), or `None` if they do not exist — which would mean the allocation is not optimal.
pub(crate) fn potentials(
    g: &Graph,
    at: &[u32],
    cost: &[u32],
    price: &[i64],
    alpha: i64,
    big_m: i64,
) -> Option<Flow> {
    let (n, k) = (g.n, g.courses());
    let out = k;
    // Members of each right node, in compressed rows.
    let mut first = vec![0usize; k + 2];
    for &r in at {
        first[r as usize + 1] += 1;
    }
    for r in 0..=k {
        first[r + 1] += first[r];
    }
    let mut fill = first.clone();
    let mut members = vec![0u32; n];
    for (p, &r) in at.iter().enumerate() {
        members[fill[r as usize]] = p as u32;
        fill[r as usize] += 1;
    }
    let used = |c: usize| (first[c + 1] - first[c]) as u64;
    let own = |p: usize| {
        if at[p] as usize == out {
            big_m
        } else {
            i64::from(cost[p])
        }
    };

    let mut phi: Vec<i64> = price.iter().map(|&y| -(y / alpha)).collect();
    let mut queued = vec![true; k + 1];
    let mut queue: VecDeque<u32> = (0..=k as u32).collect();
    let mut rounds = vec![0u32; k + 1];
    let relax = |phi: &mut [i64], queued: &mut [bool], queue: &mut VecDeque<u32>, v: usize, d| {
        if d < phi[v] {
            phi[v] = d;
            if !queued[v] {
                queued[v] = true;
                queue.push_back(v as u32);
            }
        }
    };
    while let Some(u) = queue.pop_front() {
        let u = u as usize;
        queued[u] = false;
        rounds[u] += 1;
        if rounds[u] as usize > k + 2 {
            return None; // a negative cycle: cannot happen for an optimal allocation
        }
        let pu = phi[u];
        for &p in &members[first[u]..first[u + 1]] {
            let base = pu - own(p as usize);
            for &(c, w) in g.arcs_of(p as usize) {
                if c as usize != u {
                    relax(
                        &mut phi,
                        &mut queued,
                        &mut queue,
                        c as usize,
                        base + i64::from(w),
                    );
                }
            }
            if u != out {
                relax(&mut phi, &mut queued, &mut queue, out, base + big_m);
            }
        }
        if u != out {
            // Capacities are capped at n, so a course holding everyone may still have seats;
            // the extra arc is harmless then, as nobody waits "unplaced" to close a cycle.
            if used(u) < u64::from(g.cap[u]) || used(u) == n as u64 {
                relax(&mut phi, &mut queued, &mut queue, out, pu);
            }
        } else {
            for c in 0..k {
                if used(c) > 0 {
                    relax(&mut phi, &mut queued, &mut queue, c, pu);
                }
            }
        }
    }
    let phi_t = phi[out];
    let phi_c = phi[..k].to_vec();
    let phi_p = (0..n)
        .map(|p| {
            let r = at[p] as usize;
            let base = if r == out { phi_t } else { phi_c[r] };
            base - own(p)
        })
        .collect();
    Some(Flow {
        assigned: at
            .iter()
            .map(|&r| if r as usize == out { NONE } else { r })
            .collect(),
        assigned_cost: (0..n)
            .map(|p| if at[p] as usize == out { 0 } else { cost[p] })
            .collect(),
        phi_p,
        phi_c,
        phi_t,
    })
}

/// True if no augmenting path exists: breadth-first search in the residual graph from every
/// unplaced participant, over arcs to courses and back from courses to their members, never
/// reaches a course with a free seat. `at` as in [`potentials`].
pub(crate) fn is_maximum(g: &Graph, at: &[u32]) -> bool {
    let (n, k) = (g.n, g.courses());
    let mut used = vec![0u32; k];
    let mut first = vec![0usize; k + 1];
    for &r in at {
        if (r as usize) < k {
            used[r as usize] += 1;
            first[r as usize + 1] += 1;
        }
    }
    for c in 0..k {
        first[c + 1] += first[c];
    }
    let mut fill = first.clone();
    let mut members = vec![0u32; first[k]];
    for (p, &r) in at.iter().enumerate() {
        if (r as usize) < k {
            members[fill[r as usize]] = p as u32;
            fill[r as usize] += 1;
        }
    }
    let mut seen_c = vec![false; k];
    let mut seen_p = vec![false; n];
    let mut queue: VecDeque<u32> = (0..n as u32)
        .filter(|&p| at[p as usize] as usize == k)
        .collect();
    for &p in &queue {
        seen_p[p as usize] = true;
    }
    while let Some(p) = queue.pop_front() {
        for &(c, _) in g.arcs_of(p as usize) {
            let c = c as usize;
            if c == at[p as usize] as usize || seen_c[c] {
                continue;
            }
            if used[c] < g.cap[c] {
                return false;
            }
            seen_c[c] = true;
            for &q in &members[first[c]..first[c + 1]] {
                if !seen_p[q as usize] {
                    seen_p[q as usize] = true;
                    queue.push_back(q);
                }
            }
        }
    }
    true
}
