//! Why a participant got this course, or none: structured reasons first, sentences second.
//!
//! Reasons come from the allocation itself (cost parts, who holds the seats of a full course)
//! and from the dual: every unplaced participant's cost for a course is at least that course's
//! seat price, which is the certificate that no exchange would have helped.

use crate::domain::{Allocation, CostParts, Filter, Priority, Request, check_fit};

/// Language of the sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// German.
    De,
    /// English.
    En,
}

/// A full course the participant fits, and who holds its seats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FullCourse {
    /// Course index.
    pub course: usize,
    /// Occupants with higher priority (obligation, then referral, then longer wait).
    pub higher_priority: usize,
    /// Occupants of equal or lower priority for whom the course costs less (nearer, earlier,
    /// better level fit): moving them would cost more than it saves.
    pub lower_cost: usize,
    /// The course's seat price from the dual (solver cost units).
    pub seat_price: i64,
    /// What a seat there would cost for this participant (same units, ≥ the seat price).
    pub own_cost: i64,
}

/// One structured reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// A counsellor fixed the placement.
    Pinned {
        /// Course index.
        course: usize,
    },
    /// Placed in `course`; the cost parts of that choice.
    Placed {
        /// Course index.
        course: usize,
        /// Travel, waiting and level fit.
        parts: CostParts,
    },
    /// A nearer fitting course exists but was full.
    NearerCourseFull(FullCourse, CostParts),
    /// A nearer fitting course had seats but fits worse overall (later start, level).
    NearerCourseWorse {
        /// Course index.
        course: usize,
        /// Its cost parts for this participant.
        parts: CostParts,
    },
    /// No course passes the hard filters: counts of the first failing filter per course.
    NoFittingCourse {
        /// (filter, number of courses it ruled out), most frequent first.
        filters: Vec<(Filter, usize)>,
    },
    /// Fitting courses exist, but all are full.
    AllFittingFull(Vec<FullCourse>),
}

/// All reasons for participant `p`. To explain many participants of one allocation, build
/// an [`Explainer`] once: it indexes seats, occupants and arc costs.
pub fn explain(r: &Request, a: &Allocation, p: usize) -> Vec<Reason> {
    Explainer::new(r, a).explain(p)
}

/// Explanations for every participant of one allocation, in O(courses + occupants of the
/// courses concerned) per participant instead of scans over all participants and arcs.
pub struct Explainer<'a> {
    r: &'a Request,
    a: &'a Allocation,
    /// Participants the solver seated in each course.
    occupants: Vec<Vec<usize>>,
    /// Cheapest arc cost per (participant, course).
    cost: std::collections::HashMap<(u32, u32), i64>,
}

impl<'a> Explainer<'a> {
    pub fn new(r: &'a Request, a: &'a Allocation) -> Self {
        let mut occupants = vec![Vec::new(); r.courses.len()];
        for (q, seat) in a.solution.assignment.iter().enumerate() {
            if let Some(c) = seat {
                occupants[*c as usize].push(q);
            }
        }
        let mut cost = std::collections::HashMap::with_capacity(a.instance.arcs().len());
        for x in a.instance.arcs() {
            let e = cost.entry((x.participant, x.course)).or_insert(i64::MAX);
            *e = (*e).min(i64::from(x.cost));
        }
        Self {
            r,
            a,
            occupants,
            cost,
        }
    }

    /// All reasons for participant `p`.
    pub fn explain(&self, p: usize) -> Vec<Reason> {
        let (r, a) = (self.r, self.a);
        let fitting: Vec<(usize, CostParts)> = (0..r.courses.len())
            .filter_map(|c| check_fit(r, p, c).ok().map(|parts| (c, parts)))
            .collect();
        match a.placements[p] {
            Some(course) if a.pinned[p] => vec![Reason::Pinned { course }],
            Some(course) => {
                let Some(&(_, parts)) = fitting.iter().find(|(c, _)| *c == course) else {
                    return vec![Reason::Pinned { course }];
                };
                let mut out = vec![Reason::Placed { course, parts }];
                let nearest = fitting
                    .iter()
                    .filter(|(c, _)| *c != course)
                    .min_by_key(|(c, q)| (q.travel_km, *c));
                if let Some(&(c, q)) = nearest.filter(|(_, q)| q.travel_km < parts.travel_km) {
                    if self.is_full(c) {
                        out.push(Reason::NearerCourseFull(self.full_course(p, c), q));
                    } else {
                        out.push(Reason::NearerCourseWorse {
                            course: c,
                            parts: q,
                        });
                    }
                }
                out
            }
            None if fitting.is_empty() => {
                let mut counts: Vec<(Filter, usize)> = Vec::new();
                for c in 0..r.courses.len() {
                    if let Err(f) = check_fit(r, p, c) {
                        match counts.iter_mut().find(|(g, _)| *g == f) {
                            Some(entry) => entry.1 += 1,
                            None => counts.push((f, 1)),
                        }
                    }
                }
                counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                vec![Reason::NoFittingCourse { filters: counts }]
            }
            None => vec![Reason::AllFittingFull(
                fitting
                    .iter()
                    .map(|&(c, _)| self.full_course(p, c))
                    .collect(),
            )],
        }
    }

    fn is_full(&self, c: usize) -> bool {
        self.occupants[c].len() as u64 >= u64::from(self.a.seats_after_pins[c])
    }

    fn full_course(&self, p: usize, c: usize) -> FullCourse {
        let (r, a) = (self.r, self.a);
        let mine = rank(&r.participants[p].priority);
        let my_fit = check_fit(r, p, c).map_or(u32::MAX, |q| r.weights.fit_cost(q));
        let (mut higher_priority, mut lower_cost) = (0, 0);
        for &q in &self.occupants[c] {
            if rank(&r.participants[q].priority) > mine {
                higher_priority += 1;
            } else if check_fit(r, q, c).is_ok_and(|x| r.weights.fit_cost(x) <= my_fit) {
                lower_cost += 1;
            }
        }
        FullCourse {
            course: c,
            higher_priority,
            lower_cost,
            seat_price: a.solution.dual.seat_price(c),
            own_cost: self
                .cost
                .get(&(p as u32, c as u32))
                .copied()
                .unwrap_or(i64::MAX),
        }
    }
}

/// Priority order: obligation, then referral, then earlier waiting start.
fn rank(p: &Priority) -> (bool, bool, i32) {
    (p.obligation, p.job_centre_referral, -p.waiting_since)
}

fn filter_name(f: Filter, lang: Lang) -> &'static str {
    match (f, lang) {
        (Filter::Excluded, Lang::De) => "von der Beratung ausgeschlossen",
        (Filter::Excluded, Lang::En) => "excluded by the counsellor",
        (Filter::CourseType, Lang::De) => "anderer Kurstyp",
        (Filter::CourseType, Lang::En) => "different course type",
        (Filter::Level, Lang::De) => "anderes Sprachniveau",
        (Filter::Level, Lang::En) => "different language level",
        (Filter::StartWindow, Lang::De) => "Beginn außerhalb Ihres Zeitraums",
        (Filter::StartWindow, Lang::En) => "starts outside your window",
        (Filter::Distance, Lang::De) => "zu weit entfernt",
        (Filter::Distance, Lang::En) => "too far away",
        (Filter::Schedule, Lang::De) => "zu einer Zeit, in der Sie nicht können",
        (Filter::Schedule, Lang::En) => "at a time you are not available",
        (Filter::Childcare, Lang::De) => "keine Kinderbetreuung",
        (Filter::Childcare, Lang::En) => "no childcare",
    }
}

fn full_sentence(f: &FullCourse, lang: Lang) -> String {
    match lang {
        Lang::De => format!(
            "Kurs {} ist voll: {} Plätze gingen an Personen mit höherer Priorität, {} an Personen, \
             für die der Kurs näher liegt oder früher passt (Platzpreis {}, Ihre Kosten {}).",
            f.course, f.higher_priority, f.lower_cost, f.seat_price, f.own_cost
        ),
        Lang::En => format!(
            "Course {} is full: {} seats went to people with higher priority, {} to people for \
             whom it is nearer or fits earlier (seat price {}, your cost {}).",
            f.course, f.higher_priority, f.lower_cost, f.seat_price, f.own_cost
        ),
    }
}

impl Reason {
    /// The reason as one plain sentence.
    pub fn sentence(&self, lang: Lang) -> String {
        match (self, lang) {
            (Reason::Pinned { course }, Lang::De) => {
                format!("Die Beratung hat Sie fest in Kurs {course} eingeteilt.")
            }
            (Reason::Pinned { course }, Lang::En) => {
                format!("Your counsellor placed you in course {course}.")
            }
            (Reason::Placed { course, parts }, Lang::De) => format!(
                "Sie haben einen Platz in Kurs {course}: {} km Weg, Beginn {} Wochen nach Ihrem \
                 frühesten Termin, {} Niveaustufen Abstand.",
                parts.travel_km, parts.weeks_until_start, parts.level_steps
            ),
            (Reason::Placed { course, parts }, Lang::En) => format!(
                "You have a seat in course {course}: {} km away, starting {} weeks after your \
                 earliest date, {} level steps apart.",
                parts.travel_km, parts.weeks_until_start, parts.level_steps
            ),
            (Reason::NearerCourseFull(f, q), _) => {
                let lead = match lang {
                    Lang::De => format!(
                        "Der nähere Kurs {} ({} km) kam nicht in Frage. ",
                        f.course, q.travel_km
                    ),
                    Lang::En => format!(
                        "The nearer course {} ({} km) was not possible. ",
                        f.course, q.travel_km
                    ),
                };
                lead + &full_sentence(f, lang)
            }
            (Reason::NearerCourseWorse { course, parts }, Lang::De) => format!(
                "Der nähere Kurs {course} ({} km) beginnt {} Wochen nach Ihrem frühesten Termin \
                 und passt insgesamt schlechter.",
                parts.travel_km, parts.weeks_until_start
            ),
            (Reason::NearerCourseWorse { course, parts }, Lang::En) => format!(
                "The nearer course {course} ({} km) starts {} weeks after your earliest date and \
                 fits worse overall.",
                parts.travel_km, parts.weeks_until_start
            ),
            (Reason::NoFittingCourse { filters }, _) => {
                let list = filters
                    .iter()
                    .map(|&(f, n)| format!("{n}× {}", filter_name(f, lang)))
                    .collect::<Vec<_>>()
                    .join(", ");
                match lang {
                    Lang::De => format!("Kein Kurs passt zu Ihnen: {list}."),
                    Lang::En => format!("No course fits you: {list}."),
                }
            }
            (Reason::AllFittingFull(courses), _) => {
                let lead = match lang {
                    Lang::De => "Alle passenden Kurse sind voll. ",
                    Lang::En => "All fitting courses are full. ",
                };
                let parts: Vec<String> = courses.iter().map(|f| full_sentence(f, lang)).collect();
                format!("{lead}{}", parts.join(" "))
            }
        }
    }
}
