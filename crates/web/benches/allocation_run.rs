//! Time of an allocation run as a team lead starts it: load the waiting list and the courses
//! of the window from the database, build the engine's request, solve, explain every person's
//! placement. A benchmark, not a test:
//!
//!     cargo bench -p ankommen-web --bench allocation_run            # demo county + 10,000
//!     WAITING=20000 COURSES=1000 cargo bench -p ankommen-web --bench allocation_run
//!
//! Anchor, measured in the same run on the same request: the engine's `allocate()` alone.
//! The ratio run / engine is what the web layer adds (mapping, explanations, JSON-ready
//! proposal); the engine itself is compared with OR-Tools in docs/performance.md.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;

use ankommen_db::courses::CourseRow;
use ankommen_db::demo_persons::{Rng, generate};
use ankommen_db::needs::{NeedRow, Waiting};
use ankommen_db::testing::TestDb;
use ankommen_db::{demo, tenants};
use ankommen_web::allocation::propose;

fn env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

/// Times `propose` (and, as the anchor, the engine alone on the same data) `reps` times.
fn measure(
    label: &str,
    courses: &[CourseRow],
    waiting: &[Waiting],
    today: time::Date,
    reps: usize,
) {
    let window = (today, today + time::Duration::days(120));
    let mut full = Vec::new();
    let mut placed = 0;
    for _ in 0..reps {
        let t = Instant::now();
        let p = propose(window, today, courses, waiting, &[], &[]).unwrap();
        full.push(t.elapsed().as_secs_f64() * 1000.0);
        placed = p.placed;
    }
    let engine = {
        let request = ankommen_web::allocation::request_for(window, today, courses, waiting);
        let mut times = Vec::new();
        for _ in 0..reps {
            let t = Instant::now();
            let a = ankommen_allocate::domain::allocate(&request).unwrap();
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            assert_eq!(a.placements.iter().filter(|p| p.is_some()).count(), placed);
        }
        median(times)
    };
    let run = median(full);
    println!(
        "{label}: {} waiting, {} courses, {} placed — run {run:.1} ms (median of {reps}), engine alone {engine:.1} ms, ratio {:.2}",
        waiting.len(),
        courses.len(),
        placed,
        run / engine.max(0.001)
    );
}

fn main() {
    let today = ankommen_db::now().date();
    // 1. The demo county, loaded from SQLite as the server does.
    let db = TestDb::sqlite().unwrap();
    let hash = ankommen_domain::password::hash("bench-passwort-123").unwrap();
    let mut c = db.db.conn().unwrap();
    demo::seed(&mut c, |_| Ok(hash.clone())).unwrap();
    let tenant = tenants::default_tenant(&mut c).unwrap().unwrap().id;
    demo::seed_persons(&mut c, &tenant, 300).unwrap();
    let t = Instant::now();
    let courses: Vec<CourseRow> = ankommen_db::courses::list(&mut c, &tenant, &Default::default())
        .unwrap()
        .into_iter()
        .map(|l| l.course)
        .collect();
    let waiting = ankommen_db::needs::waiting(&mut c, &tenant).unwrap();
    println!(
        "demo county: loading from SQLite {:.1} ms",
        t.elapsed().as_secs_f64() * 1000.0
    );
    measure("demo county", &courses, &waiting, today, 20);

    // 2. A large county: WAITING persons over COURSES courses spread over the county's towns.
    let n = env("WAITING", 10_000);
    let k = env("COURSES", 500);
    let towns = ankommen_db::municipalities::list(&mut c, &tenant).unwrap();
    let mut rng = Rng::new(7);
    let template = courses.first().cloned().expect("demo courses");
    let big_courses: Vec<CourseRow> = (0..k)
        .map(|i| {
            let town = &towns[rng.below(towns.len())];
            let mut course = template.clone();
            course.id = format!("course-{i}");
            course.course_type = (*rng.pick(&[
                "ik_general",
                "ik_general",
                "ik_general",
                "ik_literacy",
                "bsk_b1_b2",
            ]))
            .to_owned();
            course.start_module = course
                .course_type
                .starts_with("ik_")
                .then(|| *rng.pick(&[1, 1, 4]));
            course.municipality_id = town.id.clone();
            course.latitude = town.latitude + (rng.below(100) as f64 - 50.0) / 5000.0;
            course.longitude = town.longitude + (rng.below(100) as f64 - 50.0) / 5000.0;
            course.starts_on =
                (today + time::Duration::days(7 + rng.below(100) as i64)).to_string();
            course.time_slot =
                (*rng.pick(&["morning", "morning", "afternoon", "evening"])).to_owned();
            course.capacity = 20;
            course.seats_taken_outside = rng.below(5) as i32;
            course.seats_allocated = 0;
            course.childcare = rng.chance(40);
            course
        })
        .collect();
    let template_need = waiting.first().cloned().expect("demo waiting list");
    let town_ids: Vec<String> = towns.iter().map(|m| m.id.clone()).collect();
    let big_waiting: Vec<Waiting> = (0..n)
        .map(|i| {
            let (v, _) = generate(&mut rng, &town_ids, &[], None);
            let town = towns
                .iter()
                .find(|m| Some(&m.id) == v.municipality_id.as_ref())
                .unwrap();
            let need =
                ankommen_db::demo_courses::need_for(&mut rng, &v, today).unwrap_or_else(|| {
                    ankommen_db::demo_courses::need_for(
                        &mut Rng::new(i as u64),
                        &ankommen_db::persons::PersonValues {
                            german_level: Some("none".into()),
                            ..v.clone()
                        },
                        today,
                    )
                    .unwrap()
                });
            let row = NeedRow {
                id: format!("need-{i}"),
                person_id: format!("person-{i}"),
                course_type: need.course_type.as_str().to_owned(),
                start_module: need.start_module.map(|m| m as i32),
                level: need.level.map(|l| l.as_str().to_owned()),
                earliest_start: need.earliest_start.to_string(),
                latest_start: need.latest_start.to_string(),
                max_travel_km: need.max_travel_km as i32,
                time_slots: need
                    .time_slots
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(","),
                needs_childcare: rng.chance(15),
                obliged_by: need.obliged_by.map(|o| o.as_str().to_owned()),
                obliged_on: need.obliged_on.map(|d| d.to_string()),
                job_centre_referral: need.job_centre_referral,
                waiting_since: need.waiting_since.to_string(),
                ..template_need.need.clone()
            };
            Waiting {
                need: row,
                family_name: v.family_name.clone(),
                given_names: v.given_names.clone(),
                case_number: format!("B-{i:05}"),
                home: Some((town.latitude, town.longitude)),
            }
        })
        .collect();
    measure("large county", &big_courses, &big_waiting, today, 5);
}
