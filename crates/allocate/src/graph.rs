//! Compact participant → course arc lists (CSR), built in O(arcs) from an unordered arc list.
//!
//! The solver walks every arc of a participant many times, so the arcs sit in one contiguous
//! array per participant, sorted by course, with duplicate (participant, course) pairs collapsed
//! to the cheapest one as the raw contract demands.

/// Participant → course arcs in compressed sparse row form.
#[derive(Debug, Clone)]
pub(crate) struct Graph {
    /// Number of participants.
    pub n: usize,
    /// Seat capacity per course, already capped at `n` (more seats than people cannot be used).
    pub cap: Vec<u32>,
    /// `arcs[start[p]..start[p + 1]]` are participant `p`'s arcs.
    pub start: Vec<usize>,
    /// `(course, cost)` pairs, sorted by course within a participant.
    pub arcs: Vec<(u32, u32)>,
}

impl Graph {
    /// Builds the CSR graph. Indices and costs must already be validated by the caller.
    pub fn build(n: usize, capacities: &[u64], arcs: &[(u32, u32, u32)]) -> Graph {
        let cap = capacities
            .iter()
            .map(|&c| c.min(n as u64).min(u64::from(u32::MAX)) as u32)
            .collect();
        // Counting sort by participant: linear, unlike a global sort of millions of arcs.
        let mut start = vec![0usize; n + 1];
        for &(p, _, _) in arcs {
            start[p as usize + 1] += 1;
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        let mut fill = start.clone();
        // Course in the high half and cost in the low half, so that one integer sort orders a
        // participant's arcs by course and then by cost; the first of each course is the cheapest.
        let mut packed = vec![0u64; arcs.len()];
        for &(p, c, w) in arcs {
            let slot = &mut fill[p as usize];
            packed[*slot] = (u64::from(c) << 32) | u64::from(w);
            *slot += 1;
        }
        let mut out = Vec::with_capacity(arcs.len());
        let mut new_start = vec![0usize; n + 1];
        for p in 0..n {
            let seg = &mut packed[start[p]..start[p + 1]];
            seg.sort_unstable();
            let mut last = u32::MAX;
            for &x in seg.iter() {
                let c = (x >> 32) as u32;
                if c != last {
                    out.push((c, x as u32));
                    last = c;
                }
            }
            new_start[p + 1] = out.len();
        }
        out.shrink_to_fit();
        Graph {
            n,
            cap,
            start: new_start,
            arcs: out,
        }
    }

    /// Number of courses.
    pub fn courses(&self) -> usize {
        self.cap.len()
    }

    /// The arcs of participant `p`.
    pub fn arcs_of(&self, p: usize) -> &[(u32, u32)] {
        &self.arcs[self.start[p]..self.start[p + 1]]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_arcs_keep_the_cheaper_one_and_sort_by_course() {
        let g = Graph::build(2, &[1, 5], &[(0, 1, 7), (0, 0, 3), (0, 1, 2), (1, 0, 9)]);
        assert_eq!(g.arcs_of(0), &[(0, 3), (1, 2)]);
        assert_eq!(g.arcs_of(1), &[(0, 9)]);
        // A capacity above the number of participants is capped.
        assert_eq!(g.cap, vec![1, 2]);
    }
}
