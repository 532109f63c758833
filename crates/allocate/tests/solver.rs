//! The raw solver against independent references: a brute force over all assignments (tiny
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design
//! instances) and a textbook Bellman–Ford successive-shortest-path flow (small instances).

use ankommen_allocate::{RawArc, RawInstance, Solution, solve, verify};
use proptest::prelude::*;

fn instance(n: usize, caps: &[u64], arcs: &[(u32, u32, u32)]) -> RawInstance {
    let arcs = arcs
        .iter()
        .map(|&(participant, course, cost)| RawArc {
            participant,
            course,
            cost,
        })
        .collect();
    RawInstance::new(n, caps.to_vec(), arcs).unwrap()
}

/// Best (placed, cost) over every assignment, by exhaustive search.
fn brute_force(n: usize, caps: &[u64], arcs: &[(u32, u32, u32)]) -> (usize, u64) {
    fn go(p: usize, n: usize, left: &mut [u64], arcs: &[(u32, u32, u32)]) -> (usize, u64) {
        if p == n {
            return (0, 0);
        }
        // Leaving p unplaced is always possible.
        let mut best = go(p + 1, n, left, arcs);
        for &(q, c, w) in arcs {
            if q as usize == p && left[c as usize] > 0 {
                left[c as usize] -= 1;
                let (k, cost) = go(p + 1, n, left, arcs);
                left[c as usize] += 1;
                let cand = (k + 1, cost + u64::from(w));
                if cand.0 > best.0 || (cand.0 == best.0 && cand.1 < best.1) {
                    best = cand;
                }
            }
        }
        best
    }
    go(0, n, &mut caps.to_vec(), arcs)
}

/// Min-cost max-flow on the explicit network by Bellman–Ford shortest paths, one unit at a time.
/// Duplicate arcs stay separate arcs here, so "the cheaper counts" is checked, not assumed.
fn reference(n: usize, caps: &[u64], arcs: &[(u32, u32, u32)]) -> (usize, u64) {
    let k = caps.len();
    let (s, t) = (0, n + k + 1);
    // (from, to, capacity, cost); arc i and i ^ 1 are each other's reverse.
    let mut e: Vec<(usize, usize, i64, i64)> = Vec::new();
    let add = |e: &mut Vec<(usize, usize, i64, i64)>, u: usize, v: usize, cap: i64, cost: i64| {
        e.push((u, v, cap, cost));
        e.push((v, u, 0, -cost));
    };
    for p in 0..n {
        add(&mut e, s, 1 + p, 1, 0);
    }
    for &(p, c, w) in arcs {
        add(&mut e, 1 + p as usize, 1 + n + c as usize, 1, i64::from(w));
    }
    for (c, &cap) in caps.iter().enumerate() {
        add(&mut e, 1 + n + c, t, cap as i64, 0);
    }
    let (mut placed, mut cost) = (0usize, 0i64);
    loop {
        let mut dist = vec![i64::MAX; t + 1];
        let mut pred = vec![usize::MAX; t + 1];
        dist[s] = 0;
        for _ in 0..=t {
            let mut changed = false;
            for (i, &(u, v, cap, w)) in e.iter().enumerate() {
                if cap > 0 && dist[u] != i64::MAX && dist[u] + w < dist[v] {
                    dist[v] = dist[u] + w;
                    pred[v] = i;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        if dist[t] == i64::MAX {
            return (placed, cost as u64);
        }
        let mut v = t;
        while v != s {
            let i = pred[v];
            e[i].2 -= 1;
            e[i ^ 1].2 += 1;
            v = e[i].0;
        }
        placed += 1;
        cost += dist[t];
    }
}

fn check(n: usize, caps: &[u64], arcs: &[(u32, u32, u32)]) -> Solution {
    let inst = instance(n, caps, arcs);
    let s = solve(&inst);
    assert_eq!(verify(&inst, &s), Ok(()));
    assert_eq!((s.placed, s.total_cost), reference(n, caps, arcs));
    s
}

/// Random instance: participant count, capacities and arcs with indices in range.
fn instances(
    max_n: usize,
    max_k: usize,
    max_cost: u32,
) -> impl Strategy<Value = (usize, Vec<u64>, Vec<(u32, u32, u32)>)> {
    (0..=max_n, 0..=max_k).prop_flat_map(move |(n, k)| {
        let arcs = if n == 0 || k == 0 {
            Just(Vec::new()).boxed()
        } else {
            prop::collection::vec((0..n as u32, 0..k as u32, 0..=max_cost), 0..n * k + 4).boxed()
        };
        (Just(n), prop::collection::vec(0u64..4, k), arcs)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn tiny_instances_match_brute_force((n, caps, arcs) in instances(6, 3, 9)) {
        let s = check(n, &caps, &arcs);
        prop_assert_eq!((s.placed, s.total_cost), brute_force(n, &caps, &arcs));
    }

    #[test]
    fn small_instances_match_reference((n, caps, arcs) in instances(30, 8, 1_000_000)) {
        check(n, &caps, &arcs);
    }

    #[test]
    fn ties_everywhere_still_optimal((n, caps, arcs) in instances(25, 6, 2)) {
        check(n, &caps, &arcs);
    }

    #[test]
    fn deterministic_and_independent_of_arc_order(
        (n, caps, arcs) in instances(25, 6, 50),
        seed in any::<u64>(),
    ) {
        let a = solve(&instance(n, &caps, &arcs));
        prop_assert_eq!(&a, &solve(&instance(n, &caps, &arcs)));
        // A seeded Fisher–Yates shuffle of the arc list gives the same solution.
        let mut shuffled = arcs.clone();
        let mut x = seed | 1;
        for i in (1..shuffled.len()).rev() {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            shuffled.swap(i, (x % (i as u64 + 1)) as usize);
        }
        prop_assert_eq!(a, solve(&instance(n, &caps, &shuffled)));
    }
}

#[test]
fn no_participants() {
    let s = check(0, &[3, 1], &[]);
    assert_eq!((s.placed, s.total_cost), (0, 0));
    assert!(s.assignment.is_empty());
}

#[test]
fn no_courses_and_no_arcs() {
    let s = check(3, &[], &[]);
    assert_eq!(s.assignment, vec![None, None, None]);
    let s = check(2, &[5], &[]);
    assert_eq!(s.placed, 0);
}

#[test]
fn zero_capacities_place_nobody() {
    let s = check(2, &[0, 0], &[(0, 0, 1), (1, 1, 1), (0, 1, 2)]);
    assert_eq!(s.placed, 0);
}

#[test]
fn all_arcs_to_one_course_take_the_cheapest() {
    let s = check(4, &[2], &[(0, 0, 40), (1, 0, 10), (2, 0, 30), (3, 0, 20)]);
    assert_eq!(s.assignment, vec![None, Some(0), None, Some(0)]);
    assert_eq!(s.total_cost, 30);
}

#[test]
fn cardinality_beats_cost() {
    // Cheapest would be 0→A (1) alone; placing both needs 0→B (100) and 1→A (100).
    let s = check(2, &[1, 1], &[(0, 0, 1), (0, 1, 100), (1, 0, 100)]);
    assert_eq!(s.assignment, vec![Some(1), Some(0)]);
    assert_eq!(s.total_cost, 200);
}

#[test]
fn a_cheaper_latecomer_displaces_through_a_chain() {
    // Index order would seat 0 in A first; the optimum moves 0 to B and seats 1 in A.
    let s = check(2, &[1, 1], &[(0, 0, 5), (0, 1, 6), (1, 0, 1), (1, 1, 50)]);
    assert_eq!(s.assignment, vec![Some(1), Some(0)]);
    assert_eq!(s.total_cost, 7);
}

#[test]
fn duplicate_arcs_count_the_cheaper() {
    let s = check(1, &[1], &[(0, 0, 9), (0, 0, 4), (0, 0, 7)]);
    assert_eq!(s.total_cost, 4);
}

#[test]
fn ties_break_by_index() {
    let s = check(2, &[1, 1], &[(0, 0, 5), (0, 1, 5), (1, 0, 5), (1, 1, 5)]);
    assert_eq!(s.total_cost, 10);
    assert_eq!(
        s,
        solve(&instance(
            2,
            &[1, 1],
            &[(1, 1, 5), (1, 0, 5), (0, 1, 5), (0, 0, 5)]
        ))
    );
}
