//! Courses of the demo county's six providers (integration courses of every current type,
//! job-related courses) starting over the coming weeks, and the waiting list: a course need
//! for many demo persons, derived from their German level and literacy.

use ankommen_domain::assessment::Weekday;
use ankommen_domain::course::{Course, CourseType, Need, ObligedBy, TimeSlot};
use time::{Date, Duration};

use crate::demo_persons::Rng;
use crate::persons::PersonValues;
use crate::{Db, DbResult, Who, courses, municipalities, needs, orgs};

/// (provider, town, type, start module, weeks from today, slot, capacity, childcare)
type DemoCourse = (
    &'static str,
    &'static str,
    CourseType,
    Option<i64>,
    i64,
    TimeSlot,
    i64,
    bool,
);

#[rustfmt::skip]
const COURSES: [DemoCourse; 16] = [
    ("Volkshochschule Osnabrücker Land", "Bramsche", CourseType::IkGeneral, Some(1), 3, TimeSlot::Morning, 20, true),
    ("Volkshochschule Osnabrücker Land", "Bramsche", CourseType::IkLiteracy, Some(1), 5, TimeSlot::Morning, 16, true),
    ("Volkshochschule Osnabrücker Land", "Wallenhorst", CourseType::IkGeneral, Some(4), 4, TimeSlot::Evening, 20, false),
    ("Volkshochschule Osnabrücker Land", "Bramsche", CourseType::BskB1B2, None, 6, TimeSlot::Afternoon, 20, false),
    ("Sprachschule Artland", "Quakenbrück", CourseType::IkGeneral, Some(1), 2, TimeSlot::Morning, 22, false),
    ("Sprachschule Artland", "Quakenbrück", CourseType::IkSecondScript, Some(1), 6, TimeSlot::Morning, 16, true),
    ("Sprachschule Artland", "Bersenbrück", CourseType::IkGeneral, Some(4), 7, TimeSlot::Afternoon, 20, false),
    ("Bildungszentrum Melle", "Melle", CourseType::IkGeneral, Some(1), 3, TimeSlot::Morning, 20, true),
    ("Bildungszentrum Melle", "Melle", CourseType::IkIntensive, Some(1), 8, TimeSlot::Morning, 18, false),
    ("Bildungszentrum Melle", "Melle", CourseType::BskA2B1, None, 5, TimeSlot::Evening, 18, false),
    ("Berufsbildungswerk Georgsmarienhütte", "Georgsmarienhütte", CourseType::IkGeneral, Some(1), 4, TimeSlot::Morning, 20, true),
    ("Berufsbildungswerk Georgsmarienhütte", "Georgsmarienhütte", CourseType::BskB1B2, None, 9, TimeSlot::Morning, 20, false),
    ("Berufsbildungswerk Georgsmarienhütte", "Hasbergen", CourseType::JobBsk, None, 2, TimeSlot::Evening, 12, false),
    ("Lernwerkstatt Bersenbrück", "Bersenbrück", CourseType::IkLiteracy, Some(1), 4, TimeSlot::Morning, 14, true),
    ("Deutschkurse am Teutoburger Wald", "Dissen am Teutoburger Wald", CourseType::IkGeneral, Some(1), 6, TimeSlot::Afternoon, 20, true),
    ("Deutschkurse am Teutoburger Wald", "Bad Iburg", CourseType::IkGeneral, Some(4), 10, TimeSlot::Morning, 20, false),
];

/// The Monday on or after `d`.
fn monday(d: Date) -> Date {
    let offset = (7 - d.weekday().number_days_from_monday()) % 7;
    d + Duration::days(i64::from(offset))
}

/// Creates the demo courses; returns how many.
pub fn seed_courses(conn: &mut Db, tenant_id: &str, today: Date) -> DbResult<usize> {
    let who = Who::system(tenant_id);
    let providers = orgs::list(conn, tenant_id)?;
    let towns = municipalities::list(conn, tenant_id)?;
    let mut n = 0;
    for (provider, town, course_type, module, weeks, slot, capacity, childcare) in COURSES {
        let (Some(p), Some(t)) = (
            providers.iter().find(|o| o.name == provider),
            towns.iter().find(|m| m.name == town),
        ) else {
            continue;
        };
        let starts_on = monday(today + Duration::weeks(weeks));
        let weeks_long = course_type.default_hours() / 25 + 2;
        let course = Course {
            course_type,
            provider_org_id: p.id.clone(),
            title: Some(format!(
                "{} {}",
                match course_type {
                    CourseType::IkGeneral => "Integrationskurs",
                    CourseType::IkLiteracy => "Alphabetisierungskurs",
                    CourseType::IkSecondScript => "Zweitschriftlernerkurs",
                    CourseType::IkIntensive => "Intensivkurs",
                    CourseType::BskA2B1 => "Spezialkurs A2–B1",
                    CourseType::JobBsk => "Job-BSK",
                    _ => "Berufssprachkurs B1–B2",
                },
                town
            )),
            bamf_number: Some(format!("{}-{:04}", 100 + n, 2026 + n)),
            start_module: module,
            hours: course_type.default_hours(),
            street: Some("Am Markt 1".into()),
            postcode: Some(t.postcode.clone()),
            municipality_id: t.id.clone(),
            latitude: None,
            longitude: None,
            days: vec![
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
            ],
            time_slot: slot,
            starts_at: Some(
                match slot {
                    TimeSlot::Morning => "08:30",
                    TimeSlot::Afternoon => "13:30",
                    TimeSlot::Evening => "18:00",
                }
                .into(),
            ),
            ends_at: Some(
                match slot {
                    TimeSlot::Morning => "12:45",
                    TimeSlot::Afternoon => "17:45",
                    TimeSlot::Evening => "21:15",
                }
                .into(),
            ),
            starts_on,
            ends_on: starts_on + Duration::weeks(weeks_long),
            capacity,
            seats_taken_outside: (capacity / 5) % 4,
            childcare,
            step_free: n % 3 != 0,
        };
        courses::create(conn, who, &course)?;
        n += 1;
    }
    Ok(n)
}

/// A plausible course need for a demo person, or none (already B2, or not yet decided).
pub fn need_for(rng: &mut Rng, v: &PersonValues, today: Date) -> Option<Need> {
    let level = v.german_level.as_deref().unwrap_or("none");
    let literate = v.literate_latin != Some(false);
    let (course_type, start_module, cefr) = match level {
        "none" | "A1" if !literate => (CourseType::IkLiteracy, Some(1), None),
        "none" => (CourseType::IkGeneral, Some(1), None),
        "A1" => (
            CourseType::IkGeneral,
            Some(if rng.chance(60) { 1 } else { 4 }),
            None,
        ),
        "A2" if rng.chance(50) => (CourseType::IkGeneral, Some(4), None),
        "A2" => (
            CourseType::BskA2B1,
            None,
            Some(ankommen_domain::cefr::CefrLevel::A2),
        ),
        "B1" => (
            CourseType::BskB1B2,
            None,
            Some(ankommen_domain::cefr::CefrLevel::B1),
        ),
        _ => return None,
    };
    let waiting_days = 7 + rng.below(200) as i64;
    let obliged = rng.chance(25);
    Some(Need {
        course_type,
        start_module,
        level: cefr,
        earliest_start: today,
        latest_start: today + Duration::weeks(if rng.chance(30) { 6 } else { 16 }),
        max_travel_km: *rng.pick(&[15, 20, 25, 25, 30, 40]),
        time_slots: if rng.chance(70) {
            vec![TimeSlot::Morning, TimeSlot::Afternoon]
        } else {
            TimeSlot::ALL.to_vec()
        },
        needs_childcare: false,
        obliged_by: obliged
            .then(|| *rng.pick(&[ObligedBy::JobCentre, ObligedBy::ImmigrationOffice])),
        obliged_on: obliged.then(|| today - Duration::days(rng.below(60) as i64 + 1)),
        job_centre_referral: v.benefits_law.as_deref() == Some("sgb2") && rng.chance(60),
        waiting_since: today - Duration::days(waiting_days),
        note: None,
    })
}

/// Puts a demo person on the waiting list (by their counsellor).
pub fn seed_need(
    conn: &mut Db,
    who: Who<'_>,
    rng: &mut Rng,
    person_id: &str,
    v: &PersonValues,
    childcare: bool,
    today: Date,
) -> DbResult<()> {
    if let Some(mut need) = need_for(rng, v, today) {
        need.needs_childcare = childcare;
        needs::create(conn, who, person_id, &need)?;
    }
    Ok(())
}
