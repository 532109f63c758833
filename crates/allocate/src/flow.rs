//! Exact min-cost maximum flow on the participant–course graph: successive shortest paths.
//!
//! Why this algorithm (measurements in docs/allocation.md): the network is
//! source → participant (1) → course (1 per arc) → sink (seats), with few courses and many
//! participants. We add an "unplaced" arc from every participant to the sink with cost
//! M = (courses with seats) × (largest arc cost) + 1. Every participant then has to be routed,
//! so successive shortest paths may take the participants in any order, each with one
//! single-source Dijkstra (no global queue, no re-searching), and an augmentation may end by
//! displacing someone into "unplaced". M exceeds the cost of any alternating path (it crosses
//! each course at most once), so an optimum with M places as many participants as possible and,
//! among those allocations, has least cost: exactly the contract, proved in docs/allocation.md.
//! - *Greedy warm start for free.* Initial potentials make every participant's cheapest arc
//!   tight; while that course has seats, placing the participant is a constant-time fast path.
//! - *Potentials learn scarcity.* The first search into a full region explores it; the potential
//!   update then makes the cheapest displacement tight, so later searches there stay local.
//! - Participants with the fewest fitting courses go first (then cheapest-first): they have the
//!   fewest alternatives, so seating them early keeps displacements rare (−30 % time measured).

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::graph::Graph;

/// Marks "no course" / "no participant".
pub(crate) const NONE: u32 = u32::MAX;
/// Assignment of a participant that has been routed to "unplaced".
const UNPLACED: u32 = u32::MAX - 1;

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
    /// Potentials are stored relative to `omega` (true value = stored + omega), so a search
    /// updates only the nodes it settled. The sink's stored potential is always 0.
    phi_p: Vec<i64>,
    phi_c: Vec<i64>,
    omega: i64,
    /// Cost of leaving a participant unplaced.
    big_m: i64,
    search: Search,
    /// Heap pops and arc scans so far, for [`solve_within`].
    work: u64,
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
    /// How the best path reaches the sink: through a course with a free seat, or by leaving a
    /// participant unplaced.
    sink_via: Via,
    settled_p: Vec<u32>,
    settled_c: Vec<u32>,
    heap: BinaryHeap<Reverse<(i64, u32)>>,
}

/// The last arc of an augmenting path.
#[derive(Clone, Copy)]
enum Via {
    /// Course with a free seat → sink.
    Seat(u32),
    /// Participant → unplaced.
    Unplace(u32),
}

/// Solves min-cost maximum flow. Deterministic: all ties break by index.
pub(crate) fn solve(g: &Graph) -> Flow {
    let mut s = Solver::new(g);
    s.run(u64::MAX);
    s.finish()
}

/// Like [`solve`], but gives up (`None`) once the searches have popped `budget` heap entries
/// and scanned as many arcs: on loose instances this method is the fastest, on tight ones its
/// searches grow and cost scaling wins, and the budget tells the two apart deterministically.
pub(crate) fn solve_within(g: &Graph, budget: u64) -> Option<Flow> {
    let mut s = Solver::new(g);
    s.run(budget).then(|| s.finish())
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
            big_m: big_m(g),
            work: 0,
            search: Search {
                generation: 0,
                seen_p: vec![0; n],
                seen_c: vec![0; k],
                done_p: vec![0; n],
                done_c: vec![0; k],
                dist_p: vec![0; n],
                dist_c: vec![0; k],
                pred_c: vec![(NONE, 0); k],
                sink_via: Via::Unplace(NONE),
                settled_p: Vec::new(),
                settled_c: Vec::new(),
                heap: BinaryHeap::new(),
            },
        }
    }

    /// Routes every participant; false if the work exceeded `budget` first.
    fn run(&mut self, budget: u64) -> bool {
        // φ(p) = −(cheapest arc), φ(course) = φ(sink) = 0: every arc has reduced cost ≥ 0
        // (the unplaced arc too, as M exceeds any arc cost) and each cheapest arc is tight.
        let mut order: Vec<(usize, u32, u32)> = Vec::with_capacity(self.g.n);
        for p in 0..self.g.n {
            match self.g.arcs_of(p).iter().map(|&(_, w)| w).min() {
                Some(w) => {
                    self.phi_p[p] = -i64::from(w);
                    order.push((self.g.arcs_of(p).len(), w, p as u32));
                }
                None => {
                    // Only the unplaced arc: take it, tight.
                    self.phi_p[p] = -self.big_m;
                    self.assigned[p] = UNPLACED;
                }
            }
        }
        order.sort_unstable();
        for (_, _, p) in order {
            let p = p as usize;
            if let Some(c) = self.tight_free_course(p) {
                self.assign(p, c, self.cost_of(p, c));
            } else {
                self.search_from(p);
                self.augment(p);
                if self.work > budget {
                    return false;
                }
            }
        }
        true
    }

    /// The first course (by index) that completes a zero-reduced-cost path p → course → sink.
    fn tight_free_course(&self, p: usize) -> Option<usize> {
        let phi = self.phi_p[p];
        self.g.arcs_of(p).iter().find_map(|&(c, w)| {
            let c = c as usize;
            let tight = i64::from(w) + phi == self.phi_c[c] && self.phi_c[c] == 0;
            (tight && self.used[c] < self.g.cap[c]).then_some(c)
        })
    }

    fn cost_of(&self, p: usize, c: usize) -> u32 {
        let arcs = self.g.arcs_of(p);
        arcs.binary_search_by_key(&(c as u32), |&(cc, _)| cc)
            .map_or(0, |i| arcs[i].1)
    }

    /// Dijkstra on reduced costs from participant `p` until the sink is settled; leaves the
    /// path in `pred_c` / `sink_via` and updates the potentials.
    fn search_from(&mut self, p: usize) {
        let n = self.g.n;
        let sink = 0u32;
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
        s.heap.push(Reverse((0, p as u32 + 1)));
        let mut best_sink = i64::MAX;
        let big_m = self.big_m;

        while let Some(Reverse((d, v))) = s.heap.pop() {
            self.work += 1;
            if v == sink {
                break;
            }
            // Tag 0 is the sink, so it wins ties and the search stops as early as possible.
            let v = v as usize - 1;
            if v < n {
                if s.done_p[v] == generation || d > s.dist_p[v] {
                    continue;
                }
                s.done_p[v] = generation;
                s.settled_p.push(v as u32);
                let base = d + self.phi_p[v];
                // Participant → unplaced → sink.
                let nd = base + big_m;
                if nd < best_sink {
                    best_sink = nd;
                    s.sink_via = Via::Unplace(v as u32);
                    s.heap.push(Reverse((nd, sink)));
                }
                let own = self.assigned[v];
                self.work += self.g.arcs_of(v).len() as u64;
                for &(c, w) in self.g.arcs_of(v) {
                    let ci = c as usize;
                    if c == own || s.done_c[ci] == generation {
                        continue;
                    }
                    let nd = base + i64::from(w) - self.phi_c[ci];
                    if s.seen_c[ci] != generation || nd < s.dist_c[ci] {
                        s.seen_c[ci] = generation;
                        s.dist_c[ci] = nd;
                        s.pred_c[ci] = (v as u32, w);
                        s.heap.push(Reverse((nd, (n + ci + 1) as u32)));
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
                    if nd < best_sink {
                        best_sink = nd;
                        s.sink_via = Via::Seat(c as u32);
                        s.heap.push(Reverse((nd, sink)));
                    }
                    continue;
                }
                let base = d + self.phi_c[c];
                self.work += self.members[c].len() as u64;
                for &q in &self.members[c] {
                    let qi = q as usize;
                    if s.done_p[qi] == generation {
                        continue;
                    }
                    let nd = base - i64::from(self.assigned_cost[qi]) - self.phi_p[qi];
                    if s.seen_p[qi] != generation || nd < s.dist_p[qi] {
                        s.seen_p[qi] = generation;
                        s.dist_p[qi] = nd;
                        s.heap.push(Reverse((nd, q + 1)));
                    }
                }
            }
        }

        // The unplaced arc of `p` itself guarantees a path. New potentials φ + min(d, D),
        // written relative to omega += D.
        let d_sink = best_sink;
        for &q in &s.settled_p {
            self.phi_p[q as usize] += s.dist_p[q as usize] - d_sink;
        }
        for &c in &s.settled_c {
            self.phi_c[c as usize] += s.dist_c[c as usize] - d_sink;
        }
        self.omega += d_sink;
    }

    /// Shifts one unit along the path found by the last search from `source`.
    fn augment(&mut self, source: usize) {
        let mut c = match self.search.sink_via {
            Via::Seat(c) => c as usize,
            Via::Unplace(q) => {
                let q = q as usize;
                let old = self.assigned[q];
                self.unassign(q);
                self.assigned[q] = UNPLACED;
                if q == source {
                    return;
                }
                old as usize
            }
        };
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

    /// Takes participant `p` out of its course, if it has one.
    fn unassign(&mut self, p: usize) {
        let old = self.assigned[p];
        if old != NONE && old != UNPLACED {
            let list = &mut self.members[old as usize];
            let i = self.pos[p] as usize;
            list.swap_remove(i);
            if let Some(&moved) = list.get(i) {
                self.pos[moved as usize] = i as u32;
            }
            self.used[old as usize] -= 1;
        }
        self.assigned[p] = NONE;
    }

    /// Moves participant `p` (placed or not) into course `c` with arc cost `w`.
    fn assign(&mut self, p: usize, c: usize, w: u32) {
        self.unassign(p);
        self.pos[p] = self.members[c].len() as u32;
        self.members[c].push(p as u32);
        self.used[c] += 1;
        self.assigned[p] = c as u32;
        self.assigned_cost[p] = w;
    }

    fn finish(self) -> Flow {
        let omega = self.omega;
        let mut assigned = self.assigned;
        let mut assigned_cost = self.assigned_cost;
        for (a, w) in assigned.iter_mut().zip(&mut assigned_cost) {
            if *a == UNPLACED {
                *a = NONE;
                *w = 0;
            }
        }
        Flow {
            assigned,
            assigned_cost,
            phi_p: self.phi_p.iter().map(|&v| v + omega).collect(),
            phi_c: self.phi_c.iter().map(|&v| v + omega).collect(),
            phi_t: omega,
        }
    }
}

/// M = (courses with seats) × (largest arc cost) + 1: more than any alternating path can cost.
pub(crate) fn big_m(g: &Graph) -> i64 {
    let courses = g.cap.iter().filter(|&&c| c > 0).count() as i64;
    let max_cost = g.arcs.iter().map(|&(_, w)| i64::from(w)).max().unwrap_or(0);
    courses * max_cost + 1
}
