//! Exact min-cost flow by ε-scaling (cost-scaling push–relabel in its bipartite "auction" form,
//! Goldberg–Kennedy CSA / Bertsekas), the default solver; docs/allocation.md has the proof.
//!
//! Why this form: the successive-shortest-path solver (`flow.rs`) explores ever larger full
//! regions on tight state-sized pools; here every step touches one participant's arcs.
//!
//! The big-M network (participant → course, or → "unplaced" at cost M) is made *balanced*, so
//! that prices can be kept from one scaling phase to the next without the asymmetric-auction
//! trouble of seats that end a phase empty but expensive:
//! - left nodes: the participants (one unit each) and, per course, one *filler* unit per usable
//!   seat (an empty seat), which may sit in its course or in "unplaced", both at cost 0;
//! - right nodes: the courses (exactly `cap` units each) and "unplaced" (exactly `n` units).
//!
//! Every allocation with at most `cap` per course is one balanced solution of the same cost and
//! back, so the optima agree. Right nodes carry prices `y` (only rising), left nodes a threshold
//! `h`; a left unit sits where `cost + y` is within ε of its best option ("ε-optimal"). Costs are
//! multiplied by α = 2·(right nodes) + 1, longer than any residual cycle, so ε = 1 at the end
//! leaves no negative cycle: the flow is optimal (Goldberg's ε < 1/n argument).

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::flow::NONE;
use crate::graph::Graph;

/// Arcs remembered per participant between full scans (CSA-Q's "fourth best" heuristic):
/// a bid then reads 32 bytes instead of ~46 scattered arcs, which is what bounds the speed.
const KEEP: usize = 4;

/// Factor by which ε shrinks from phase to phase (measured: 4–16 within a few per cent).
const BETA: i64 = 8;

/// The optimal balanced solution in participant terms, with prices for the exact dual.
pub(crate) struct Priced {
    /// Right node per participant: a course, or `courses` for "unplaced".
    pub at: Vec<u32>,
    /// Arc cost to the participant's course (0 when unplaced).
    pub cost: Vec<u32>,
    /// Final price per right node (courses, then "unplaced"), in units of cost × α.
    pub price: Vec<i64>,
    /// The cost scale α.
    pub alpha: i64,
}

struct Auction<'g> {
    g: &'g Graph,
    n: usize,
    /// Index of the "unplaced" right node (= number of courses).
    out: usize,
    alpha: i64,
    /// α·M, the scaled cost of leaving a participant unplaced.
    unplaced: i64,
    /// Course of each filler unit (left node `n + j`).
    owner: Vec<u32>,
    /// Units each right node takes.
    cap: Vec<u32>,
    /// Right node of each left node, `NONE` while it waits to bid.
    at: Vec<u32>,
    /// Arc cost of each participant's current course.
    cost: Vec<u32>,
    /// Per participant, its `KEEP` cheapest arcs at the last full scan, and the price-inclusive
    /// value of the next one: prices only rise, so no uncached arc can be cheaper than that.
    cache: Vec<[(u32, u32); KEEP]>,
    cached: Vec<u8>,
    bound: Vec<i64>,
    /// Threshold per left node: no option is cheaper than `h − ε`.
    h: Vec<i64>,
    /// Price per right node.
    y: Vec<i64>,
    /// Holders per right node keyed by slack `h − cost` (how far the price may rise before the
    /// holder would rather leave), least first: the next to be displaced.
    holders: Vec<BinaryHeap<Reverse<(i64, u32)>>>,
    /// Left nodes waiting to bid (a stack: the displaced bid at once, which keeps chains short).
    waiting: Vec<u32>,
    eps: i64,
}

/// Solves the big-M problem exactly, or `None` when the scaled prices could come near i64
/// overflow (then the caller uses successive shortest paths, which needs no scaling).
pub(crate) fn solve(g: &Graph, big_m: i64) -> Option<Priced> {
    let (n, k) = (g.n, g.courses());
    // Usable seats: never more than the participants who can reach the course.
    let mut indeg = vec![0u32; k];
    for &(c, _) in &g.arcs {
        indeg[c as usize] = indeg[c as usize].saturating_add(1);
    }
    let mut cap: Vec<u32> = (0..k).map(|c| g.cap[c].min(indeg[c])).collect();
    // Arcs into seatless courses can never carry flow; dropping them keeps every option real.
    let filtered;
    let g = if g.arcs.iter().any(|&(c, _)| cap[c as usize] == 0) {
        filtered = without_closed(g, &cap);
        &filtered
    } else {
        g
    };
    let open = cap.iter().filter(|&&c| c > 0).count();
    let alpha = 2 * (open as i64 + 1) + 1;
    // Prices stay below 4·(nodes)·(largest scaled cost) (Goldberg's bound per phase, summed
    // over the geometric ε sequence); demand a margin of 2⁶⁰ for sums of two of them.
    let fillers: usize = cap.iter().map(|&c| c as usize).sum();
    let nodes = (n + fillers + k + 1) as i128;
    let scaled_max = i128::from(alpha) * i128::from(big_m);
    if 8 * nodes * scaled_max >= 1i128 << 60 {
        return None;
    }
    cap.push(n as u32);
    let owner: Vec<u32> = (0..k as u32)
        .flat_map(|c| std::iter::repeat_n(c, cap[c as usize] as usize))
        .collect();
    let mut a = Auction {
        g,
        n,
        out: k,
        alpha,
        unplaced: alpha * big_m,
        owner,
        at: vec![NONE; n + fillers],
        cost: vec![0; n],
        cache: vec![[(0, 0); KEEP]; n],
        cached: vec![0; n],
        bound: vec![i64::MIN; n],
        h: vec![0; n + fillers],
        y: vec![0; k + 1],
        cap,
        holders: vec![BinaryHeap::new(); k + 1],
        waiting: Vec::with_capacity(n),
        eps: 1,
    };
    // Start: every seat empty (fillers in their courses), every participant waiting.
    for j in 0..fillers {
        a.at[n + j] = a.owner[j];
    }
    let mut eps = (a.unplaced / BETA).max(1);
    loop {
        a.eps = eps;
        a.refine();
        if eps == 1 {
            break;
        }
        eps = (eps / BETA).max(1);
    }
    Some(Priced {
        at: a.at[..n].to_vec(),
        cost: a.cost,
        price: a.y,
        alpha,
    })
}

/// The graph without arcs into courses that have no seats.
fn without_closed(g: &Graph, cap: &[u32]) -> Graph {
    let mut start = Vec::with_capacity(g.n + 1);
    let mut arcs = Vec::with_capacity(g.arcs.len());
    start.push(0);
    for p in 0..g.n {
        arcs.extend(g.arcs_of(p).iter().filter(|&&(c, _)| cap[c as usize] > 0));
        start.push(arcs.len());
    }
    Graph {
        n: g.n,
        cap: g.cap.clone(),
        start,
        arcs,
    }
}

impl Auction<'_> {
    /// One scaling phase: from an (ε·β)-optimal state to an ε-optimal one with all units placed.
    fn refine(&mut self) {
        self.restart();
        while let Some(id) = self.waiting.pop() {
            if (id as usize) < self.n {
                self.bid_participant(id as usize);
            } else {
                self.bid_filler(id as usize);
            }
        }
    }

    /// Keeps every unit that is still within 2ε of its best option (then a threshold exists
    /// that makes all its arcs ε-optimal); the others wait to bid again. Prices stay.
    fn restart(&mut self) {
        let eps = self.eps;
        let total = self.at.len();
        for id in (0..total).rev() {
            let r = self.at[id];
            if r == NONE {
                self.waiting.push(id as u32);
                continue;
            }
            let (own, alt) = self.own_and_alternative(id, r as usize);
            if alt != i64::MAX && own > alt + 2 * eps {
                self.at[id] = NONE;
                self.waiting.push(id as u32);
            } else {
                let h = if alt == i64::MAX { own } else { alt };
                self.h[id] = h + eps;
            }
        }
        for heap in &mut self.holders {
            heap.clear();
        }
        for id in 0..total {
            let r = self.at[id];
            if r != NONE {
                let slack = self.h[id] - self.own_cost(id, r as usize);
                self.holders[r as usize].push(Reverse((slack, id as u32)));
            }
        }
        for r in 0..self.y.len() {
            self.settle_price(r);
        }
    }

    /// `cost + y` of the unit's current place, and the least over its other options.
    fn own_and_alternative(&mut self, id: usize, r: usize) -> (i64, i64) {
        let own = self.own_cost(id, r) + self.y[r];
        let alt = if id < self.n {
            self.alternative(id, r)
        } else {
            let c = self.owner[id - self.n] as usize;
            if r == c { self.y[self.out] } else { self.y[c] }
        };
        (own, alt)
    }

    /// Scaled cost of left node `id` at right node `r`.
    fn own_cost(&self, id: usize, r: usize) -> i64 {
        if id >= self.n {
            0
        } else if r == self.out {
            self.unplaced
        } else {
            self.alpha * i64::from(self.cost[id])
        }
    }

    /// Participant `p` takes its cheapest option; its threshold becomes the second cheapest + ε.
    fn bid_participant(&mut self, p: usize) {
        let out = self.out;
        loop {
            let mut v1 = self.unplaced + self.y[out];
            let (mut best, mut best_w) = (out, 0u32);
            let mut v2 = i64::MAX;
            for &(c, w) in &self.cache[p][..self.cached[p] as usize] {
                let v = self.alpha * i64::from(w) + self.y[c as usize];
                if v < v1 {
                    v2 = v1;
                    v1 = v;
                    best = c as usize;
                    best_w = w;
                } else if v < v2 {
                    v2 = v;
                }
            }
            // Valid when no uncached arc can beat the second best; after a fresh scan it is.
            if v2 <= self.bound[p] {
                let h = if v2 == i64::MAX { v1 } else { v2 };
                let h = h + self.eps;
                self.h[p] = h;
                self.cost[p] = best_w;
                // Slack = h − cost = h − (v1 − y).
                self.place(p as u32, best, h - v1 + self.y[best]);
                return;
            }
            self.rescan(p);
        }
    }

    /// The least `cost + y` of participant `p` over its options other than right node `r`.
    fn alternative(&mut self, p: usize, r: usize) -> i64 {
        loop {
            let mut alt = i64::MAX;
            if r != self.out {
                alt = self.unplaced + self.y[self.out];
            }
            for &(c, w) in &self.cache[p][..self.cached[p] as usize] {
                if c as usize != r {
                    alt = alt.min(self.alpha * i64::from(w) + self.y[c as usize]);
                }
            }
            if alt <= self.bound[p] {
                return alt;
            }
            self.rescan(p);
        }
    }

    /// Full scan of `p`'s arcs: remembers the `KEEP` cheapest (ties by course) and the next value.
    fn rescan(&mut self, p: usize) {
        let mut top = [(i64::MAX, 0u32, 0u32); KEEP + 1];
        let mut len = 0;
        for &(c, w) in self.g.arcs_of(p) {
            let v = self.alpha * i64::from(w) + self.y[c as usize];
            if len <= KEEP {
                len += 1;
            } else if v >= top[KEEP].0 {
                continue;
            }
            let mut i = len - 1;
            while i > 0 && top[i - 1].0 > v {
                top[i] = top[i - 1];
                i -= 1;
            }
            top[i] = (v, c, w);
        }
        let keep = len.min(KEEP);
        for (slot, &(_, c, w)) in self.cache[p].iter_mut().zip(&top[..keep]) {
            *slot = (c, w);
        }
        self.cached[p] = keep as u8;
        self.bound[p] = if len > KEEP { top[KEEP].0 } else { i64::MAX };
    }

    /// A filler (empty seat of course c) sits in c or in "unplaced", whichever is cheaper.
    fn bid_filler(&mut self, id: usize) {
        let c = self.owner[id - self.n] as usize;
        let (yc, yo) = (self.y[c], self.y[self.out]);
        let (best, v2) = if yc <= yo { (c, yo) } else { (self.out, yc) };
        let h = v2 + self.eps;
        self.h[id] = h;
        self.place(id as u32, best, h);
    }

    /// Puts a unit into right node `r`; if that overfills it, the holder with least slack
    /// leaves and waits to bid.
    fn place(&mut self, id: u32, r: usize, slack: i64) {
        self.at[id as usize] = r as u32;
        let heap = &mut self.holders[r];
        heap.push(Reverse((slack, id)));
        if heap.len() > self.cap[r] as usize
            && let Some(Reverse((_, gone))) = heap.pop()
        {
            self.at[gone as usize] = NONE;
            self.waiting.push(gone);
        }
        self.settle_price(r);
    }

    /// A full right node prices itself just above its least slack: the next bidder then sees
    /// what displacing someone costs. Valid because every holder's slack is at least that − ε.
    fn settle_price(&mut self, r: usize) {
        let heap = &self.holders[r];
        if heap.len() == self.cap[r] as usize
            && let Some(&Reverse((s, _))) = heap.peek()
        {
            self.y[r] = self.y[r].max(s + self.eps);
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests fail loudly by design
mod tests {
    use super::*;
    use crate::flow;

    /// SplitMix64, so the random instances are the same on every run.
    fn rng(state: &mut u64) -> u64 {
        *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = *state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn random_graph(seed: u64, max_n: u64, max_k: u64, max_cost: u64) -> Graph {
        let mut s = seed;
        let n = (rng(&mut s) % (max_n + 1)) as usize;
        let k = (rng(&mut s) % (max_k + 1)) as usize;
        let caps: Vec<u64> = (0..k).map(|_| rng(&mut s) % 4).collect();
        let mut arcs = Vec::new();
        if n > 0 && k > 0 {
            for _ in 0..rng(&mut s) % (n as u64 * k as u64 + 4) {
                let p = (rng(&mut s) % n as u64) as u32;
                let c = (rng(&mut s) % k as u64) as u32;
                arcs.push((p, c, (rng(&mut s) % (max_cost + 1)) as u32));
            }
        }
        Graph::build(n, &caps, &arcs)
    }

    /// Same placed count and total cost as successive shortest paths.
    fn compare(g: &Graph) {
        let big_m = flow::big_m(g);
        let s = solve(g, big_m).unwrap();
        let f = flow::solve(g);
        let k = g.courses() as u32;
        let placed = s.at.iter().filter(|&&r| r != k).count();
        let cost: u64 = (0..g.n)
            .filter(|&p| s.at[p] != k)
            .map(|p| u64::from(s.cost[p]))
            .sum();
        let placed_f = f.assigned.iter().filter(|&&c| c != NONE).count();
        let cost_f: u64 = f.assigned_cost.iter().map(|&w| u64::from(w)).sum();
        assert_eq!((placed, cost), (placed_f, cost_f));
    }

    #[test]
    fn matches_successive_shortest_paths_on_random_instances() {
        for seed in 0..300 {
            compare(&random_graph(seed, 6, 3, 9));
            compare(&random_graph(seed + 1000, 30, 8, 1_000_000));
            compare(&random_graph(seed + 2000, 25, 6, 2));
        }
    }
}
