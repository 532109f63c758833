//! An independent checker for a solution: feasibility, maximum cardinality (no augmenting path)
//! and least cost (complementary slackness with the returned dual). It shares no code with the
//! solver, so tests and the benchmark can trust a solution it accepts.

use std::collections::VecDeque;

use crate::raw::RawInstance;
use crate::solve::Solution;

/// Checks that `s` is an optimal solution of `inst`; the error says which condition failed.
pub fn verify(inst: &RawInstance, s: &Solution) -> Result<(), String> {
    let n = inst.participants();
    let k = inst.capacities().len();
    if s.assignment.len() != n || s.dual.participants.len() != n || s.dual.courses.len() != k {
        return Err("lengths do not match the instance".into());
    }
    // Cheapest cost per (participant, course) pair.
    let mut pairs: Vec<(u32, u32, u32)> = inst
        .arcs()
        .iter()
        .map(|a| (a.participant, a.course, a.cost))
        .collect();
    pairs.sort_unstable();
    pairs.dedup_by_key(|a| (a.0, a.1));
    let mut first = vec![0usize; n + 1];
    for &(p, _, _) in &pairs {
        first[p as usize + 1] += 1;
    }
    for i in 0..n {
        first[i + 1] += first[i];
    }
    let arcs_of = |p: usize| &pairs[first[p]..first[p + 1]];
    let cost_of = |p: usize, c: u32| {
        arcs_of(p)
            .binary_search_by_key(&c, |a| a.1)
            .ok()
            .map(|i| arcs_of(p)[i].2)
    };

    // Feasibility and the reported totals.
    let mut used = vec![0u64; k];
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); k];
    let mut total = 0u64;
    for (p, a) in s.assignment.iter().enumerate() {
        if let Some(c) = *a {
            let w = cost_of(p, c).ok_or(format!("participant {p} placed in {c} without an arc"))?;
            total += u64::from(w);
            used[c as usize] += 1;
            members[c as usize].push(p);
        }
    }
    if let Some(c) = (0..k).find(|&c| used[c] > inst.capacities()[c]) {
        return Err(format!("course {c} over capacity"));
    }
    let placed = s.assignment.iter().filter(|a| a.is_some()).count();
    if placed != s.placed || total != s.total_cost {
        return Err("placed or total_cost do not match the assignment".into());
    }

    // Maximum: breadth-first search in the residual graph from every unplaced participant
    // must not reach a course with a free seat.
    let mut seen_c = vec![false; k];
    let mut seen_p = vec![false; n];
    let mut queue: VecDeque<usize> = (0..n).filter(|&p| s.assignment[p].is_none()).collect();
    for &p in &queue {
        seen_p[p] = true;
    }
    while let Some(p) = queue.pop_front() {
        for &(_, c, _) in arcs_of(p) {
            let c = c as usize;
            if Some(c as u32) == s.assignment[p] || seen_c[c] {
                continue;
            }
            if used[c] < inst.capacities()[c] {
                return Err(format!("augmenting path to course {c}: not maximum"));
            }
            seen_c[c] = true;
            for &q in &members[c] {
                if !seen_p[q] {
                    seen_p[q] = true;
                    queue.push_back(q);
                }
            }
        }
    }

    // Least cost: complementary slackness on every arc of the network.
    let d = &s.dual;
    for p in 0..n {
        let rc_source = d.source - d.participants[p];
        let placed = s.assignment[p].is_some();
        if (placed && rc_source > 0) || (!placed && rc_source < 0) {
            return Err(format!("slackness fails on source → participant {p}"));
        }
        for &(_, c, w) in arcs_of(p) {
            let rc = i64::from(w) + d.participants[p] - d.courses[c as usize];
            let flow = s.assignment[p] == Some(c);
            if (flow && rc > 0) || (!flow && rc < 0) {
                return Err(format!("slackness fails on participant {p} → course {c}"));
            }
        }
    }
    for (c, (&u, &cap)) in used.iter().zip(inst.capacities()).enumerate() {
        let rc = d.courses[c] - d.sink;
        if (u > 0 && rc > 0) || (u < cap && rc < 0) {
            return Err(format!("slackness fails on course {c} → sink"));
        }
    }
    Ok(())
}
