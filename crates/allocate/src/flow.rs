//! Exact min-cost maximum flow on the participant–course graph: successive shortest paths.
//!
//! Why this algorithm (see docs/allocation.md for the measurements): the network is
//! source → participant (1) → course (1 per arc) → sink (seats), with few courses and many
//! participants. Successive shortest paths (SSP) with node potentials finds, after each
//! augmentation, a flow of least cost for its value, so running it to maximum flow gives exactly
//! "as many placed as possible, then least cost" without a big-M constant. Three things make it
//! fast here:
//! - *Lazy global order.* SSP must augment along the globally shortest path over all waiting
//!   participants. The potentials give each participant a lower bound on its path length, so a
//!   priority queue of participants searched one at a time (single-source Dijkstra that stops at
//!   the sink) is exact: a participant is augmented only when its real length is not above the
//!   next lower bound, otherwise it is re-queued with the better bound.
//! - *Greedy warm start for free.* Initial potentials make every participant's cheapest arc
//!   tight, so while its cheapest course has seats the search is a constant-time fast path.
//! - *Dead regions.* When no augmenting path starts at a participant, everything its search
//!   reached is closed under residual arcs and stays so for good (an augmenting path can never
//!   enter a closed set that does not contain the sink). Those nodes are skipped from then on, so
//!   failing searches cost O(arcs) in total, which matters when seats are short.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::graph::Graph;

/// Marks "no course" / "no participant".
pub(crate) const NONE: u32 = u32::MAX;

/// Result of the flow computation in solver terms.
pub(crate) struct Flow {
    /// Course per participant or `NONE`.
    pub assigned: Vec<u32>,
    /// Cost of the assigned arc per participant (0 when unplaced).
    pub assigned_cost: Vec<u32>,
    /// True potentials of participants (reduced cost of arc u→v is cost + φ(u) − φ(v) ≥ 0 on
    /// every residual arc except those at the source).
    pub phi_p: Vec<i64>,
    /// True potentials of courses.
    pub phi_c: Vec<i64>,
    /// True potential of the sink.
    pub phi_t: i64,
}

struct Solver<'g> {
    g: &'g Graph,
    assigned: Vec<u32>,
    assigned_cost: Vec<u32>,
    /// Position of a participant in its course's member list, for O(1) removal.
    pos: Vec<u32>,
    members: Vec<Vec<u32>>,
    used: Vec<u32>,
    /// Potentials of live nodes are stored relative to `omega` (so a search updates only the
    /// nodes it settled); dead nodes store their true, frozen value.
    phi_p: Vec<i64>,
    phi_c: Vec<i64>,
    omega: i64,
    dead_p: Vec<bool>,
    dead_c: Vec<bool>,
    search: Search,
}

/// Scratch space of one Dijkstra search, reused across searches via generation stamps.
struct Search {
    generation: u32,
    seen_p: Vec<u32>,
    seen_c: Vec<u32>,
    done_p: Vec<u32>,
    done_c: Vec<u32>,
    dist_p: Vec<i64>,
    dist_c: Vec<i64>,
    /// The participant whose arc reached a course, and that arc's cost.
    pred_c: Vec<(u32, u32)>,
    settled_p: Vec<u32>,
    settled_c: Vec<u32>,
    heap: BinaryHeap<Reverse<(i64, u32)>>,
}

/// Outcome of one search from a waiting participant.
enum Found {
    /// Reduced length of the shortest augmenting path, and the non-full course it ends at.
    Path(i64, u32),
    /// No augmenting path: everything reached is now dead.
    Dead,
}

/// Solves min-cost maximum flow. Deterministic: all ties break by index.
pub(crate) fn solve(g: &Graph) -> Flow {
    let mut s = Solver::new(g);
    s.run();
    s.finish()
}

impl<'g> Solver<'g> {
    fn new(g: &'g Graph) -> Self {
        let (n, k) = (g.n, g.courses());
        Solver {
            g,
            assigned: vec![NONE; n],
            assigned_cost: vec![0; n],
            pos: vec![0; n],
            members: vec![Vec::new(); k],
            used: vec![0; k],
            phi_p: vec![0; n],
            phi_c: vec![0; k],
            omega: 0,
            dead_p: vec![false; n],
            dead_c: vec![false; k],
            search: Search {
                generation: 0,
                seen_p: vec![0; n],
                seen_c: vec![0; k],
                done_p: vec![0; n],
                done_c: vec![0; k],
                dist_p: vec![0; n],
                dist_c: vec![0; k],
                pred_c: vec![(NONE, 0); k],
                settled_p: Vec::new(),
                settled_c: Vec::new(),
                heap: BinaryHeap::new(),
            },
        }
    }

    fn run(&mut self) {
        // φ(p) = −(cheapest arc), φ(course) = φ(sink) = 0: every arc has reduced cost ≥ 0 and
        // each participant's cheapest arc is tight. The queue key −φ(p) is then a lower bound on
        // p's shortest augmenting path, and stays one as potentials only grow.
        let mut queue = BinaryHeap::new();
        for p in 0..self.g.n {
            match self.g.arcs_of(p).iter().map(|&(_, w)| w).min() {
                Some(w) => {
                    self.phi_p[p] = -i64::from(w);
                    queue.push(Reverse((i64::from(w), p as u32)));
                }
                None => self.dead_p[p] = true,
            }
        }
        while let Some(Reverse((key, p))) = queue.pop() {
            let p = p as usize;
            if let Some(c) = self.tight_free_course(p) {
                self.assign(p, c, self.cost_of(p, c));
                continue;
            }
            match self.search_from(p) {
                Found::Dead => {}
                Found::Path(d, end) => {
                    let next = queue.peek().map(|Reverse((k, _))| *k);
                    if next.is_none_or(|nk| key + d <= nk) {
                        self.augment(end);
                    } else {
                        queue.push(Reverse((-self.phi_p[p], p as u32)));
                    }
                }
            }
        }
    }

    /// The first course (by index) that completes a zero-reduced-cost path p → course → sink.
    fn tight_free_course(&self, p: usize) -> Option<usize> {
        let phi = self.phi_p[p];
        self.g.arcs_of(p).iter().find_map(|&(c, w)| {
            let c = c as usize;
            let tight = i64::from(w) + phi == self.phi_c[c] && self.phi_c[c] == 0;
            (tight && !self.dead_c[c] && self.used[c] < self.g.cap[c]).then_some(c)
        })
    }

    fn cost_of(&self, p: usize, c: usize) -> u32 {
        let arcs = self.g.arcs_of(p);
        arcs.binary_search_by_key(&(c as u32), |&(cc, _)| cc)
            .map_or(0, |i| arcs[i].1)
    }

    /// Dijkstra on reduced costs from participant `p` until the sink is settled.
    fn search_from(&mut self, p: usize) -> Found {
        let n = self.g.n;
        let sink = (n + self.g.courses()) as u32;
        let s = &mut self.search;
        s.generation = s.generation.wrapping_add(1);
        if s.generation == 0 {
            // Stamps wrapped around: clear them once so old marks cannot alias.
            s.seen_p.fill(0);
            s.seen_c.fill(0);
            s.done_p.fill(0);
            s.done_c.fill(0);
            s.generation = 1;
        }
        let generation = s.generation;
        s.settled_p.clear();
        s.settled_c.clear();
        s.heap.clear();
        s.seen_p[p] = generation;
        s.dist_p[p] = 0;
        s.heap.push(Reverse((0, p as u32)));
        let mut best_sink = (i64::MAX, NONE);

        while let Some(Reverse((d, v))) = s.heap.pop() {
            if v == sink {
                break;
            }
            let v = v as usize;
            if v < n {
                if s.done_p[v] == generation || d > s.dist_p[v] {
                    continue;
                }
                s.done_p[v] = generation;
                s.settled_p.push(v as u32);
                let base = d + self.phi_p[v];
                let own = self.assigned[v];
                for &(c, w) in self.g.arcs_of(v) {
                    let ci = c as usize;
                    if c == own || self.dead_c[ci] || s.done_c[ci] == generation {
                        continue;
                    }
                    let nd = base + i64::from(w) - self.phi_c[ci];
                    if s.seen_c[ci] != generation || nd < s.dist_c[ci] {
                        s.seen_c[ci] = generation;
                        s.dist_c[ci] = nd;
                        s.pred_c[ci] = (v as u32, w);
                        s.heap.push(Reverse((nd, (n + ci) as u32)));
                    }
                }
            } else {
                let c = v - n;
                if s.done_c[c] == generation || d > s.dist_c[c] {
                    continue;
                }
                s.done_c[c] = generation;
                s.settled_c.push(c as u32);
                if self.used[c] < self.g.cap[c] {
                    // Course → sink has reduced cost φ(c) − φ(sink); φ(sink) is stored as 0.
                    // A partly filled course has it at 0, so its members need no relaxing.
                    let nd = d + self.phi_c[c];
                    if nd < best_sink.0 {
                        best_sink = (nd, c as u32);
                        s.heap.push(Reverse((nd, sink)));
                    }
                    continue;
                }
                let base = d + self.phi_c[c];
                for &q in &self.members[c] {
                    let qi = q as usize;
                    if self.dead_p[qi] || s.done_p[qi] == generation {
                        continue;
                    }
                    let nd = base - i64::from(self.assigned_cost[qi]) - self.phi_p[qi];
                    if s.seen_p[qi] != generation || nd < s.dist_p[qi] {
                        s.seen_p[qi] = generation;
                        s.dist_p[qi] = nd;
                        s.heap.push(Reverse((nd, q)));
                    }
                }
            }
        }

        if best_sink.1 == NONE {
            self.bury();
            return Found::Dead;
        }
        // New potentials φ + min(d, D), written relative to omega += D.
        let d_sink = best_sink.0;
        for &q in &s.settled_p {
            self.phi_p[q as usize] += s.dist_p[q as usize] - d_sink;
        }
        for &c in &s.settled_c {
            self.phi_c[c as usize] += s.dist_c[c as usize] - d_sink;
        }
        self.omega += d_sink;
        Found::Path(d_sink, best_sink.1)
    }

    /// Marks every node of the last (failed) search dead and freezes its true potential.
    fn bury(&mut self) {
        for &q in &self.search.settled_p {
            let q = q as usize;
            self.dead_p[q] = true;
            self.phi_p[q] += self.omega;
        }
        for &c in &self.search.settled_c {
            let c = c as usize;
            self.dead_c[c] = true;
            self.phi_c[c] += self.omega;
        }
    }

    /// Shifts one unit along the path found by the last search, ending at course `end`.
    fn augment(&mut self, end: u32) {
        let mut c = end as usize;
        loop {
            let (x, w) = self.search.pred_c[c];
            let old = self.assigned[x as usize];
            self.assign(x as usize, c, w);
            if old == NONE {
                break;
            }
            c = old as usize;
        }
    }

    /// Moves participant `p` (placed or not) into course `c` with arc cost `w`.
    fn assign(&mut self, p: usize, c: usize, w: u32) {
        let old = self.assigned[p];
        if old != NONE {
            let list = &mut self.members[old as usize];
            let i = self.pos[p] as usize;
            list.swap_remove(i);
            if let Some(&moved) = list.get(i) {
                self.pos[moved as usize] = i as u32;
            }
            self.used[old as usize] -= 1;
        }
        self.pos[p] = self.members[c].len() as u32;
        self.members[c].push(p as u32);
        self.used[c] += 1;
        self.assigned[p] = c as u32;
        self.assigned_cost[p] = w;
    }

    fn finish(self) -> Flow {
        let omega = self.omega;
        let phi_p = self
            .phi_p
            .iter()
            .zip(&self.dead_p)
            .map(|(&v, &dead)| if dead { v } else { v + omega })
            .collect();
        let phi_c = self
            .phi_c
            .iter()
            .zip(&self.dead_c)
            .map(|(&v, &dead)| if dead { v } else { v + omega })
            .collect();
        Flow {
            assigned: self.assigned,
            assigned_cost: self.assigned_cost,
            phi_p,
            phi_c,
            phi_t: omega,
        }
    }
}
