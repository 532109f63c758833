//! From the waiting list and the catalogue to an allocation proposal: builds the engine's
//! request (`ankommen_allocate::domain`), solves it, and turns the result into a proposal
//! with each person's reasons, referring to courses by id (the UI words them).
//!
//! Mapping, documented in docs/allocation.md: home = the centre of the person's municipality;
//! coordinates → a local km grid; the engine's road distance is 1.3 × the straight line;
//! integration courses match by start module (1–3 ≙ A1, 4–6 ≙ A2), job-related courses by
//! the entry levels of their type; course families never mix (general / literacy / second
//! script / intensive / job-related / recognition / Job-BSK).

use std::collections::HashMap;

use ankommen_allocate::domain::{
    self as engine, CourseType as EngineType, DomainCourse, DomainParticipant, Filter, Level,
    Point, Priority, Request, Slots, Weights,
};
use ankommen_allocate::explain::{self, Reason};
use ankommen_db::courses::CourseRow;
use ankommen_db::needs::Waiting;
use ankommen_domain::cefr::CefrLevel;
use ankommen_domain::course::{CourseType, Family, TimeSlot, module_level};
use serde::{Deserialize, Serialize};
use time::Date;

/// A course in a proposal.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ProposedCourse {
    pub id: String,
    pub title: Option<String>,
    pub course_type: String,
    pub provider_org_id: String,
    pub municipality_id: String,
    pub starts_on: String,
    pub time_slot: String,
    pub capacity: i32,
    /// Free seats when the run was computed.
    pub free_before: i32,
    /// Seats this proposal fills.
    pub placed: i32,
}

/// One reason, with course ids.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ProposedReason {
    Pinned {
        course_id: String,
    },
    Placed {
        course_id: String,
        travel_km: u32,
        weeks_until_start: u32,
        level_steps: u32,
    },
    NearerCourseFull {
        course_id: String,
        travel_km: u32,
        higher_priority: usize,
        lower_cost: usize,
    },
    NearerCourseWorse {
        course_id: String,
        travel_km: u32,
        weeks_until_start: u32,
    },
    /// No course passed the hard filters: (filter, courses it ruled out).
    NoFittingCourse {
        filters: Vec<(String, usize)>,
    },
    AllFittingFull {
        /// (course id, seats held by higher priority, by lower cost).
        courses: Vec<(String, usize, usize)>,
    },
    /// The person has no municipality of residence: distance cannot be judged.
    NoHome,
    /// No course in the window at all.
    NoCourses,
}

/// One person in a proposal.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ProposedPerson {
    pub need_id: String,
    pub person_id: String,
    pub family_name: String,
    pub given_names: String,
    pub case_number: String,
    pub course_type: String,
    pub obliged: bool,
    pub job_centre_referral: bool,
    pub waiting_since: String,
    pub course_id: Option<String>,
    pub pinned: bool,
    pub reasons: Vec<ProposedReason>,
}

/// A whole proposal (stored with the run).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Proposal {
    pub window_from: String,
    pub window_to: String,
    pub computed_on: String,
    pub courses: Vec<ProposedCourse>,
    pub people: Vec<ProposedPerson>,
    pub placed: usize,
    pub unplaced: usize,
    /// Solver time in milliseconds (build and explanations included).
    pub duration_ms: u64,
}

/// A (need, course) pair named by ids.
pub type Pair = (String, String);

fn day(d: Date) -> i32 {
    d.to_julian_day() - 2_440_588
}

fn date(raw: &str) -> Option<Date> {
    ankommen_domain::plan::parse_date("date", raw).ok()
}

/// WGS84 → km on a local grid around the county (52.3° N).
fn point(lat: f64, lon: f64) -> Point {
    Point {
        x_km: lon * 111.32 * 52.3_f64.to_radians().cos(),
        y_km: lat * 110.574,
    }
}

fn level(l: CefrLevel) -> Level {
    match l {
        CefrLevel::A1 => Level::A1,
        CefrLevel::A2 => Level::A2,
        CefrLevel::B1 => Level::B1,
        CefrLevel::B2 => Level::B2,
        CefrLevel::C1 | CefrLevel::C2 => Level::C1,
    }
}

fn engine_type(t: CourseType) -> EngineType {
    match t.family() {
        Family::Integration => EngineType::Integration,
        Family::Literacy => EngineType::Literacy,
        Family::SecondScript => EngineType::SecondScript,
        Family::Intensive => EngineType::Intensive,
        Family::JobRelated => EngineType::JobRelated,
        Family::Recognition => EngineType::Recognition,
        Family::JobBsk => EngineType::JobBsk,
    }
}

fn slot(s: &str) -> Slots {
    match TimeSlot::parse(s) {
        Ok(TimeSlot::Morning) => Slots::MORNING,
        Ok(TimeSlot::Afternoon) => Slots::AFTERNOON,
        Ok(TimeSlot::Evening) => Slots::EVENING,
        Err(_) => Slots::ANY,
    }
}

fn course_levels(c: &CourseRow, t: CourseType) -> (Level, Level) {
    match t.entry_levels() {
        Some((lo, hi)) => (level(lo), level(hi)),
        None => {
            let l = level(module_level(i64::from(c.start_module.unwrap_or(1))));
            (l, l)
        }
    }
}

fn filter_name(f: Filter) -> &'static str {
    match f {
        Filter::Excluded => "excluded",
        Filter::CourseType => "course_type",
        Filter::Level => "level",
        Filter::StartWindow => "start_window",
        Filter::Distance => "distance",
        Filter::Schedule => "schedule",
        Filter::Childcare => "childcare",
    }
}

/// The engine's request with the people and courses it refers to by index.
struct Prepared<'a> {
    courses: Vec<&'a CourseRow>,
    /// Everyone on the waiting list, in order; reasons filled for those the engine skips.
    people: Vec<ProposedPerson>,
    /// `people` index of each engine participant.
    engine_people: Vec<usize>,
    request: Request,
}

/// The engine's request for a window (benchmarks compare `propose` with the engine alone).
pub fn request_for(
    window: (Date, Date),
    today: Date,
    courses: &[CourseRow],
    waiting: &[Waiting],
) -> Request {
    prepare(window, today, courses, waiting, &[], &[]).request
}

fn prepare<'a>(
    window: (Date, Date),
    today: Date,
    courses: &'a [CourseRow],
    waiting: &[Waiting],
    pinned: &[Pair],
    excluded: &[Pair],
) -> Prepared<'a> {
    let courses: Vec<&CourseRow> = courses
        .iter()
        .filter(|c| c.status == ankommen_db::courses::PLANNED)
        .filter(|c| date(&c.starts_on).is_some_and(|d| d >= window.0 && d <= window.1))
        .filter(|c| CourseType::parse(&c.course_type).is_ok())
        .collect();
    let course_index: HashMap<&str, usize> = courses
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    let domain_courses: Vec<DomainCourse> = courses
        .iter()
        .map(|c| {
            let t = CourseType::parse(&c.course_type).unwrap_or(CourseType::IkGeneral);
            let (level_min, level_max) = course_levels(c, t);
            DomainCourse {
                course_type: engine_type(t),
                level_min,
                level_max,
                start: date(&c.starts_on).map(day).unwrap_or(0),
                location: point(c.latitude, c.longitude),
                slots: slot(&c.time_slot),
                childcare: c.childcare,
                free_seats: u32::try_from(c.free_seats()).unwrap_or(0),
            }
        })
        .collect();
    // People the engine can judge (a home and a readable need); the others get a reason.
    let mut people: Vec<ProposedPerson> = Vec::with_capacity(waiting.len());
    let mut engine_people: Vec<usize> = Vec::new();
    let mut participants: Vec<DomainParticipant> = Vec::new();
    for w in waiting {
        let n = &w.need;
        let person = ProposedPerson {
            need_id: n.id.clone(),
            person_id: n.person_id.clone(),
            family_name: w.family_name.clone(),
            given_names: w.given_names.clone(),
            case_number: w.case_number.clone(),
            course_type: n.course_type.clone(),
            obliged: n.obliged_by.is_some(),
            job_centre_referral: n.job_centre_referral,
            waiting_since: n.waiting_since.clone(),
            course_id: None,
            pinned: false,
            reasons: vec![],
        };
        let parsed = (
            CourseType::parse(&n.course_type).ok(),
            date(&n.earliest_start),
            date(&n.latest_start),
            date(&n.waiting_since),
        );
        match (w.home, parsed) {
            (Some((lat, lon)), (Some(t), Some(earliest), Some(latest), Some(since))) => {
                let lvl = match (&n.level, n.start_module) {
                    (Some(l), _) => CefrLevel::parse(l).map(level).unwrap_or(Level::A1),
                    (None, Some(m)) => level(module_level(i64::from(m))),
                    (None, None) => Level::A1,
                };
                let available = n
                    .time_slots
                    .split(',')
                    .filter(|s| !s.is_empty())
                    .map(slot)
                    .fold(None, |acc: Option<Slots>, s| {
                        Some(acc.map_or(s, |a| a.with(s)))
                    })
                    .unwrap_or(Slots::ANY);
                engine_people.push(people.len());
                participants.push(DomainParticipant {
                    level: lvl,
                    recommended_type: engine_type(t),
                    earliest_start: day(earliest),
                    latest_start: day(latest),
                    home: point(lat, lon),
                    max_travel_km: u32::try_from(n.max_travel_km).unwrap_or(0),
                    available,
                    needs_childcare: n.needs_childcare,
                    priority: Priority {
                        obligation: n.obliged_by.is_some(),
                        job_centre_referral: n.job_centre_referral,
                        waiting_since: day(since),
                    },
                });
            }
            _ => {
                let mut p = person;
                p.reasons.push(ProposedReason::NoHome);
                people.push(p);
                continue;
            }
        }
        people.push(person);
    }
    let need_index: HashMap<&str, usize> = engine_people
        .iter()
        .enumerate()
        .map(|(i, &p)| (people[p].need_id.as_str(), i))
        .collect();
    let pairs = |list: &[Pair]| -> Vec<(usize, usize)> {
        list.iter()
            .filter_map(|(n, c)| {
                Some((*need_index.get(n.as_str())?, *course_index.get(c.as_str())?))
            })
            .collect()
    };
    let request = Request {
        participants,
        courses: domain_courses,
        pinned: pairs(pinned),
        excluded: pairs(excluded),
        today: day(today),
        weights: Weights::default(),
    };
    Prepared {
        courses,
        people,
        engine_people,
        request,
    }
}

/// Computes a proposal. `courses`: the planned courses (those starting in the window are
/// used, with free seats or not); `waiting`: the waiting list.
pub fn propose(
    window: (Date, Date),
    today: Date,
    courses: &[CourseRow],
    waiting: &[Waiting],
    pinned: &[Pair],
    excluded: &[Pair],
) -> Result<Proposal, engine::DomainError> {
    let started = std::time::Instant::now();
    let Prepared {
        courses,
        mut people,
        engine_people,
        request,
    } = prepare(window, today, courses, waiting, pinned, excluded);
    let mut placed_per_course = vec![0i32; courses.len()];
    if request.courses.is_empty() {
        for &p in &engine_people {
            people[p].reasons.push(ProposedReason::NoCourses);
        }
    } else if !request.participants.is_empty() {
        let alloc = engine::allocate(&request)?;
        let explainer = explain::Explainer::new(&request, &alloc);
        for (i, &p) in engine_people.iter().enumerate() {
            if let Some(c) = alloc.placements[i] {
                people[p].course_id = Some(courses[c].id.clone());
                placed_per_course[c] += 1;
            }
            people[p].pinned = alloc.pinned[i];
            people[p].reasons = explainer
                .explain(i)
                .into_iter()
                .map(|r| reason(r, &courses))
                .collect();
        }
    }
    let placed = people.iter().filter(|p| p.course_id.is_some()).count();
    Ok(Proposal {
        window_from: window.0.to_string(),
        window_to: window.1.to_string(),
        computed_on: today.to_string(),
        courses: courses
            .iter()
            .zip(&placed_per_course)
            .map(|(c, &n)| ProposedCourse {
                id: c.id.clone(),
                title: c.title.clone(),
                course_type: c.course_type.clone(),
                provider_org_id: c.provider_org_id.clone(),
                municipality_id: c.municipality_id.clone(),
                starts_on: c.starts_on.clone(),
                time_slot: c.time_slot.clone(),
                capacity: c.capacity,
                free_before: c.free_seats(),
                placed: n,
            })
            .collect(),
        unplaced: people.len() - placed,
        placed,
        people,
        duration_ms: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
    })
}

fn reason(r: Reason, courses: &[&CourseRow]) -> ProposedReason {
    let id = |c: usize| courses[c].id.clone();
    match r {
        Reason::Pinned { course } => ProposedReason::Pinned {
            course_id: id(course),
        },
        Reason::Placed { course, parts } => ProposedReason::Placed {
            course_id: id(course),
            travel_km: parts.travel_km,
            weeks_until_start: parts.weeks_until_start,
            level_steps: parts.level_steps,
        },
        Reason::NearerCourseFull(f, parts) => ProposedReason::NearerCourseFull {
            course_id: id(f.course),
            travel_km: parts.travel_km,
            higher_priority: f.higher_priority,
            lower_cost: f.lower_cost,
        },
        Reason::NearerCourseWorse { course, parts } => ProposedReason::NearerCourseWorse {
            course_id: id(course),
            travel_km: parts.travel_km,
            weeks_until_start: parts.weeks_until_start,
        },
        Reason::NoFittingCourse { filters } => ProposedReason::NoFittingCourse {
            filters: filters
                .into_iter()
                .map(|(f, n)| (filter_name(f).to_owned(), n))
                .collect(),
        },
        Reason::AllFittingFull(list) => ProposedReason::AllFittingFull {
            courses: list
                .into_iter()
                .map(|f| (id(f.course), f.higher_priority, f.lower_cost))
                .collect(),
        },
    }
}
