#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use super::*;
use crate::explain::{Lang, Reason, explain};
use proptest::prelude::*;

fn at(x: f64) -> Point {
    Point { x_km: x, y_km: 0.0 }
}

fn person(x: f64) -> DomainParticipant {
    DomainParticipant {
        level: Level::A2,
        recommended_type: CourseType::Integration,
        earliest_start: 100,
        latest_start: 200,
        home: at(x),
        max_travel_km: 30,
        available: Slots::ANY,
        needs_childcare: false,
        priority: Priority {
            obligation: false,
            job_centre_referral: false,
            waiting_since: 100,
        },
    }
}

fn course(x: f64, seats: u32) -> DomainCourse {
    DomainCourse {
        course_type: CourseType::Integration,
        level_min: Level::A1,
        level_max: Level::B1,
        start: 121,
        location: at(x),
        slots: Slots::MORNING,
        childcare: false,
        free_seats: seats,
    }
}

fn request(participants: Vec<DomainParticipant>, courses: Vec<DomainCourse>) -> Request {
    Request {
        participants,
        courses,
        pinned: Vec::new(),
        excluded: Vec::new(),
        today: 200,
        weights: Weights::default(),
    }
}

#[test]
fn each_hard_filter_rules_a_pair_out() {
    let base = request(vec![person(0.0)], vec![course(10.0, 1)]);
    let parts = check_fit(&base, 0, 0).unwrap();
    // 10 km × 1.3 road factor; 21 days → 3 weeks; A2 in an A1 entry course → 1 step.
    assert_eq!(
        parts,
        CostParts {
            travel_km: 13,
            weeks_until_start: 3,
            level_steps: 1
        }
    );
    type Change = Box<dyn Fn(&mut Request)>;
    let cases: Vec<(Filter, Change)> = vec![
        (Filter::Excluded, Box::new(|r| r.excluded.push((0, 0)))),
        (
            Filter::CourseType,
            Box::new(|r| r.courses[0].course_type = CourseType::Literacy),
        ),
        (
            Filter::Level,
            Box::new(|r| r.participants[0].level = Level::B2),
        ),
        (Filter::StartWindow, Box::new(|r| r.courses[0].start = 201)),
        (Filter::StartWindow, Box::new(|r| r.courses[0].start = 99)),
        (
            Filter::Distance,
            Box::new(|r| r.participants[0].max_travel_km = 12),
        ),
        (
            Filter::Schedule,
            Box::new(|r| r.participants[0].available = Slots::EVENING),
        ),
        (
            Filter::Childcare,
            Box::new(|r| r.participants[0].needs_childcare = true),
        ),
    ];
    for (filter, change) in cases {
        let mut r = base.clone();
        change(&mut r);
        assert_eq!(check_fit(&r, 0, 0), Err(filter));
    }
    let mut r = base.clone();
    r.participants[0].available = Slots::MORNING.with(Slots::EVENING);
    assert!(check_fit(&r, 0, 0).is_ok());
}

fn with_priority(x: f64, obligation: bool, referral: bool, since: i32) -> DomainParticipant {
    let mut p = person(x);
    p.priority = Priority {
        obligation,
        job_centre_referral: referral,
        waiting_since: since,
    };
    p
}

#[test]
fn priority_decides_when_seats_are_short_regardless_of_distance() {
    // One seat. The obligated participant lives far away, the others next door.
    let r = request(
        vec![
            with_priority(0.0, false, false, 0),
            with_priority(20.0, true, false, 190),
            with_priority(0.0, false, true, 0),
        ],
        vec![course(0.0, 1)],
    );
    assert_eq!(allocate(&r).unwrap().placements, vec![None, Some(0), None]);
    // Without the obligation, the referral wins over a longer wait.
    let mut r2 = r.clone();
    r2.participants[1].priority.obligation = false;
    assert_eq!(allocate(&r2).unwrap().placements, vec![None, None, Some(0)]);
    // Among equals, the longer wait wins, then the shorter way.
    let r3 = request(
        vec![
            with_priority(0.0, false, false, 150),
            with_priority(15.0, false, false, 10),
        ],
        vec![course(0.0, 1)],
    );
    assert_eq!(allocate(&r3).unwrap().placements, vec![None, Some(0)]);
    let r4 = request(vec![person(15.0), person(1.0)], vec![course(0.0, 1)]);
    assert_eq!(allocate(&r4).unwrap().placements, vec![None, Some(0)]);
}

#[test]
fn priority_never_costs_a_placement() {
    // The obligated person fits both courses, the other only the first: both are placed.
    let r = request(
        vec![with_priority(0.0, true, false, 0), person(0.0)],
        vec![course(0.0, 1), course(15.0, 1)],
    );
    let mut r = r;
    r.participants[1].max_travel_km = 5;
    assert_eq!(allocate(&r).unwrap().placements, vec![Some(1), Some(0)]);
}

#[test]
fn pins_and_exclusions() {
    let mut r = request(
        vec![person(0.0), person(1.0)],
        vec![course(0.0, 1), course(3.0, 1)],
    );
    r.pinned.push((1, 0));
    r.excluded.push((0, 1));
    let a = allocate(&r).unwrap();
    // The pin takes course 0's only seat; participant 0 is excluded from course 1.
    assert_eq!(a.placements, vec![None, Some(0)]);
    assert_eq!(a.pinned, vec![false, true]);
    r.pinned.push((0, 0));
    assert_eq!(
        allocate(&r),
        Err(DomainError::PinnedCourseFull { course: 0 })
    );
    r.pinned = vec![(0, 1), (0, 0)];
    assert_eq!(
        allocate(&r),
        Err(DomainError::PinnedTwice { participant: 0 })
    );
    r.pinned = vec![(5, 0)];
    assert!(matches!(allocate(&r), Err(DomainError::UnknownIndex(_))));
}

#[test]
fn explanations_name_the_course_the_reasons_and_the_seat_price() {
    let mut far = person(40.0);
    far.max_travel_km = 10;
    let r = request(
        vec![
            with_priority(0.0, true, false, 0),
            person(0.5),
            far,
            person(-2.0),
        ],
        vec![course(0.0, 1), course(6.0, 1)],
    );
    let a = allocate(&r).unwrap();
    assert_eq!(a.placements, vec![Some(0), Some(1), None, None]);

    let why = explain(&r, &a, 1);
    assert!(matches!(why[0], Reason::Placed { course: 1, .. }));
    let Reason::NearerCourseFull(full, _) = &why[1] else {
        panic!("expected the nearer course to be full: {why:?}");
    };
    assert_eq!((full.course, full.higher_priority), (0, 1));

    let why = explain(&r, &a, 2);
    assert_eq!(
        why,
        vec![Reason::NoFittingCourse {
            filters: vec![(Filter::Distance, 2)]
        }]
    );
    assert_eq!(
        why[0].sentence(Lang::En),
        "No course fits you: 2× too far away."
    );
    assert_eq!(
        why[0].sentence(Lang::De),
        "Kein Kurs passt zu Ihnen: 2× zu weit entfernt."
    );

    let why = explain(&r, &a, 3);
    let Reason::AllFittingFull(full) = &why[0] else {
        panic!("expected all fitting courses full: {why:?}");
    };
    assert_eq!(full.len(), 2);
    for f in full {
        // The dual's certificate: the seat costs this person at least its price.
        assert!(f.own_cost >= f.seat_price, "{f:?}");
    }
    // Participant 1 holds course 1 with the same priority and a shorter way.
    assert_eq!((full[1].higher_priority, full[1].lower_cost), (0, 1));
    assert!(
        why[0]
            .sentence(Lang::De)
            .starts_with("Alle passenden Kurse sind voll.")
    );
    assert!(why[0].sentence(Lang::En).contains("Course 1 is full"));
}

/// Lexicographic value of an allocation: placed, obligated, referred, waiting weeks, −fit.
fn value(r: &Request, placements: &[Option<usize>]) -> (usize, usize, usize, i64, i64) {
    let mut v = (0, 0, 0, 0i64, 0i64);
    for (p, c) in placements.iter().enumerate() {
        if let Some(c) = *c {
            let pr = r.participants[p].priority;
            v.0 += 1;
            v.1 += usize::from(pr.obligation);
            v.2 += usize::from(pr.job_centre_referral);
            v.3 += i64::from((r.today - pr.waiting_since) / 7);
            v.4 -= i64::from(r.weights.fit_cost(check_fit(r, p, c).unwrap()));
        }
    }
    v
}

fn best_by_brute_force(r: &Request) -> (usize, usize, usize, i64, i64) {
    fn go(
        r: &Request,
        p: usize,
        seats: &mut [u32],
        cur: &mut Vec<Option<usize>>,
    ) -> (usize, usize, usize, i64, i64) {
        if p == r.participants.len() {
            return value(r, cur);
        }
        cur.push(None);
        let mut best = go(r, p + 1, seats, cur);
        cur.pop();
        for c in 0..r.courses.len() {
            if seats[c] > 0 && check_fit(r, p, c).is_ok() {
                seats[c] -= 1;
                cur.push(Some(c));
                best = best.max(go(r, p + 1, seats, cur));
                cur.pop();
                seats[c] += 1;
            }
        }
        best
    }
    let mut seats: Vec<u32> = r.courses.iter().map(|c| c.free_seats).collect();
    go(r, 0, &mut seats, &mut Vec::new())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    /// The derived tier weights give exactly the lexicographic optimum.
    #[test]
    fn weights_give_the_lexicographic_optimum(
        people in prop::collection::vec((0.0f64..20.0, any::<bool>(), any::<bool>(), 0i32..200, 10u32..30), 0..7),
        courses in prop::collection::vec((0.0f64..20.0, 0u32..3, 100i32..200), 0..4),
    ) {
        let participants = people
            .iter()
            .map(|&(x, o, j, since, reach)| {
                let mut p = with_priority(x, o, j, since);
                p.max_travel_km = reach;
                p
            })
            .collect();
        let courses = courses
            .iter()
            .map(|&(x, seats, start)| {
                let mut c = course(x, seats);
                c.start = start;
                c
            })
            .collect();
        let r = request(participants, courses);
        let a = allocate(&r).unwrap();
        prop_assert_eq!(value(&r, &a.placements), best_by_brute_force(&r));
    }
}

/// The worked example of docs/allocation.md, number for number.
#[test]
fn worked_example_in_docs() {
    let r = request(
        vec![
            with_priority(0.0, true, false, 0),
            with_priority(0.5, false, false, 100),
            with_priority(-2.0, false, false, 60),
        ],
        vec![course(0.0, 1), course(6.0, 1)],
    );
    let a = allocate(&r).unwrap();
    assert_eq!(
        a.tiers,
        weights::Tiers {
            per_waiting_week: 59,
            referral: 6_195,
            obligation: 12_390,
            base: 24_721
        }
    );
    let costs: Vec<u32> = a.instance.arcs().iter().map(|x| x.cost).collect();
    assert_eq!(costs, vec![10_698, 10_706, 23_915, 23_921, 23_563, 23_570]);
    assert_eq!(a.placements, vec![Some(0), None, Some(1)]);
    assert_eq!(a.solution.total_cost, 10_698 + 23_570);
    let why = explain(&r, &a, 1);
    for lang in [Lang::En, Lang::De] {
        println!("{}", why[0].sentence(lang));
    }
    println!("{}", explain(&r, &a, 2)[0].sentence(Lang::En));
    println!("{:?}", a.solution.dual);
    let Reason::AllFittingFull(full) = &why[0] else {
        panic!("{why:?}");
    };
    assert_eq!(
        full.iter().map(|f| f.higher_priority).collect::<Vec<_>>(),
        vec![1, 1]
    );
}
