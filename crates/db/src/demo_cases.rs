//! Case work for the demo persons: a situation analysis (completed for most, a draft for some
//! newcomers), and an integration plan with goals, steps and follow-ups — some overdue, some
//! due this week, some later — so the dashboards have something to show. The content is
//! drawn from the person's record (a Ukrainian teacher awaiting recognition, an Afghan
//! mother of a toddler who cannot read Latin script) and is deterministic like the persons.

use ankommen_domain::assessment::{
    self as a, Availability, Child, Content, CounsellorAssessment, Family, German, Goals, Mobility,
    Qualification, Schooling, Social, Vocational, WorkExperience,
};
use ankommen_domain::plan::{
    FollowUp, FollowUpKind, Goal, GoalStatus, Step, StepOwner, StepStatus,
};
use time::{Date, Duration};

use crate::assessments::{self, SaveSection};
use crate::demo_persons::Rng;
use crate::persons::PersonValues;
use crate::{Db, DbResult, Who, plans};

/// Organisations a demo step can be handed to.
#[derive(Debug, Clone, Default)]
pub struct Partners {
    pub job_centre: Option<String>,
    pub counselling: Vec<String>,
    pub volunteers: Vec<String>,
}

const OCCUPATIONS: [(&str, &str, &str); 8] = [
    ("Lehrerin/Lehrer", "84114", "Lehramtsstudium"),
    ("Krankenpflege", "81302", "Pflegeausbildung"),
    ("Elektriker", "26212", "Elektrikerausbildung"),
    ("Bauingenieur", "31104", "Bauingenieurwesen (Bachelor)"),
    ("Schneiderin", "28222", "Schneiderlehre"),
    ("Kfz-Mechaniker", "25212", "Kfz-Mechatronik"),
    ("Buchhaltung", "72213", "Wirtschaftsstudium"),
    ("Landwirtschaft", "11102", "Landwirtschaftliche Ausbildung"),
];

const OWN_WORDS: [&str; 6] = [
    "Ich möchte schnell Deutsch lernen und wieder in meinem Beruf arbeiten.",
    "Meine Kinder sollen gut in die Schule kommen; ich suche einen Kitaplatz.",
    "Ich will eine Ausbildung machen und eine eigene Wohnung finden.",
    "Ich möchte meinen Abschluss anerkennen lassen.",
    "Arbeit finden, egal welche, und Deutsch lernen.",
    "Ich möchte den Führerschein machen, um zur Arbeit zu kommen.",
];

fn iso(d: Date) -> String {
    d.to_string()
}

/// The analysis sections for a person, as the counsellor would have filled them.
fn sections(rng: &mut Rng, v: &PersonValues, today: Date) -> Vec<Content> {
    let birth_year = v
        .birth_date
        .as_deref()
        .and_then(|d| d.get(..4))
        .and_then(|y| y.parse::<i64>().ok())
        .unwrap_or(1990);
    let age = i64::from(today.year()) - birth_year;
    let parent = (24..=48).contains(&age) && rng.chance(55);
    let children: Vec<Child> = if parent {
        (0..1 + rng.below(3))
            .map(|_| {
                let year = i64::from(today.year()) - rng.below(14) as i64;
                Child {
                    birth_year: Some(year),
                    needs_childcare: i64::from(today.year()) - year < 6 && rng.chance(70),
                }
            })
            .collect()
    } else {
        vec![]
    };
    let family = Family {
        partner: Some(
            if parent || rng.chance(30) {
                *rng.pick(&["in_household", "in_household", "abroad"])
            } else {
                "none"
            }
            .to_owned(),
        ),
        household_size: Some(1 + children.len() as i64 + i64::from(parent)),
        children,
    };
    let social = Social {
        situation: None,
        housing: Some(
            (*rng.pick(&[
                "shared_accommodation",
                "own_flat",
                "own_flat",
                "with_relatives",
            ]))
            .to_owned(),
        ),
        housing_notes: None,
    };
    let level = v.german_level.clone().unwrap_or_else(|| "none".into());
    let tested = rng.chance(60);
    let module = match level.as_str() {
        "none" => 1,
        "A1" => 2 + rng.below(2) as i64,
        "A2" => 4 + rng.below(2) as i64,
        _ => 6,
    };
    let german = German {
        self_assessed: Some(level.to_lowercase()),
        placement_level: tested.then(|| if level == "none" { "A1" } else { &level }.to_owned()),
        placement_date: tested.then(|| iso(today - Duration::days(20 + rng.below(300) as i64))),
        start_module: tested.then_some(module),
        certificate_level: (level == "B1" || level == "B2").then(|| level.clone()),
        certificate_date: (level == "B1" || level == "B2")
            .then(|| iso(today - Duration::days(100 + rng.below(600) as i64))),
    };
    let literate = v.literate_latin != Some(false);
    let schooling = Schooling {
        years: Some(if literate {
            8 + rng.below(6) as i64
        } else {
            rng.below(4) as i64
        }),
        country: Some(v.nationalities.clone()),
        highest_certificate: literate
            .then(|| (*rng.pick(&["Grundschule", "Mittlere Reife", "Abitur"])).to_owned()),
    };
    let skilled = literate && age >= 25 && rng.chance(45);
    let (occupation, kldb, qualification) = *rng.pick(&OCCUPATIONS);
    let vocational = Vocational {
        qualifications: if skilled {
            vec![Qualification {
                title: Some(qualification.to_owned()),
                country: Some(v.nationalities.clone()),
                recognition: Some((*rng.pick(&["pending", "none", "done"])).to_owned()),
            }]
        } else {
            vec![]
        },
        work: if age >= 22 {
            vec![WorkExperience {
                occupation: Some(occupation.to_owned()),
                years: Some(1 + rng.below(12) as i64),
                kldb: Some(kldb.to_owned()),
            }]
        } else {
            vec![]
        },
        current_employment: rng
            .chance(15)
            .then(|| "Minijob, 10 Stunden pro Woche".to_owned()),
    };
    let mobility = Mobility {
        driving_licence: Some(rng.chance(35)),
        car: Some(rng.chance(15)),
        public_transport_only: Some(rng.chance(70)),
    };
    let availability = Availability {
        mornings: rng.chance(75),
        afternoons: rng.chance(60),
        evenings: rng.chance(30),
        days: ["mon", "tue", "wed", "thu", "fri"]
            .into_iter()
            .filter(|_| rng.chance(85))
            .map(str::to_owned)
            .collect(),
    };
    let goals = Goals {
        own_words: Some((*rng.pick(&OWN_WORDS)).to_owned()),
        goals: vec![a::Goal {
            field: Some("language".into()),
            text: Some("Integrationskurs abschließen".into()),
        }],
    };
    let assessment = CounsellorAssessment {
        text: Some(
            if literate {
                "Motiviert, gute Lernvoraussetzungen; Kursplatz zeitnah vermitteln."
            } else {
                "Alphabetisierung zuerst; Begleitung zu Terminen hilfreich."
            }
            .to_owned(),
        ),
    };
    vec![
        Content::Family(family),
        Content::Social(social),
        Content::German(german),
        Content::Schooling(schooling),
        Content::Vocational(vocational),
        Content::Mobility(mobility),
        Content::Availability(availability),
        Content::Goals(goals),
        Content::Assessment(assessment),
    ]
}

/// Saves a (completed or draft) analysis and a plan for one person; `who` is the counsellor.
pub fn seed_case(
    conn: &mut Db,
    who: Who<'_>,
    rng: &mut Rng,
    person_id: &str,
    values: &PersonValues,
    partners: &Partners,
    today: Date,
) -> DbResult<()> {
    let analysis = assessments::create(conn, who, person_id)?;
    let number = analysis.assessment.number;
    let contents = sections(rng, values, today);
    let parent_with_toddler = contents
        .iter()
        .any(|c| matches!(c, Content::Family(f) if f.children.iter().any(|k| k.needs_childcare)));
    let recognition_pending = contents.iter().any(|c| {
        matches!(c, Content::Vocational(v)
            if v.qualifications.iter().any(|q| q.recognition.as_deref() == Some("pending")))
    });
    for mut content in contents {
        content.normalize();
        debug_assert!(content.validate(today).is_empty(), "{content:?}");
        let section = content.section();
        let json =
            serde_json::to_string(&content).map_err(|e| crate::DbError::Other(e.to_string()))?;
        assessments::save_section(
            conn,
            who,
            SaveSection {
                person_id,
                number,
                section: section.as_str(),
                data_class: section.data_class(),
                content: &json,
                version: 0,
            },
        )?;
    }
    let recent = rng.chance(15);
    if !recent {
        assessments::complete(conn, who, person_id, number, analysis.assessment.version)?;
    }

    // The plan: language first, then what the analysis showed.
    let day = |offset: i64| today + Duration::days(offset);
    let language = plans::create_goal(
        conn,
        who,
        person_id,
        &Goal {
            action_field: a::ActionField::Language,
            title: "Integrationskurs besuchen".into(),
            description: None,
            status: GoalStatus::Open,
            status_reason: None,
        },
    )?;
    let step_due = day(rng.below(40) as i64 - 12);
    plans::create_step(
        conn,
        who,
        person_id,
        &language.id,
        &Step {
            title: "Einstufungstest und Kursplatz".into(),
            owner: StepOwner::Counsellor,
            due_on: Some(step_due),
            status: if rng.chance(30) {
                StepStatus::InProgress
            } else {
                StepStatus::Open
            },
            status_reason: None,
        },
    )?;
    plans::create_step(
        conn,
        who,
        person_id,
        &language.id,
        &Step {
            title: "Antrag auf Zulassung stellen".into(),
            owner: StepOwner::Person,
            due_on: Some(day(-30 - rng.below(60) as i64)),
            status: StepStatus::Done,
            status_reason: None,
        },
    )?;
    if parent_with_toddler {
        let goal = plans::create_goal(
            conn,
            who,
            person_id,
            &Goal {
                action_field: a::ActionField::FamilyChildcare,
                title: "Betreuungsplatz für das Kind".into(),
                description: Some("Kita-Anmeldung in der Wohngemeinde".into()),
                status: GoalStatus::Open,
                status_reason: None,
            },
        )?;
        let owner = if partners.volunteers.is_empty() {
            StepOwner::Person
        } else {
            StepOwner::PartnerOrganisation(rng.pick(&partners.volunteers).clone())
        };
        plans::create_step(
            conn,
            who,
            person_id,
            &goal.id,
            &Step {
                title: "Mit Begleitung zur Kita-Anmeldung".into(),
                owner,
                due_on: Some(day(rng.below(21) as i64 - 3)),
                status: StepStatus::Open,
                status_reason: None,
            },
        )?;
    }
    if recognition_pending {
        let goal = plans::create_goal(
            conn,
            who,
            person_id,
            &Goal {
                action_field: a::ActionField::Recognition,
                title: "Berufsabschluss anerkennen lassen".into(),
                description: None,
                status: GoalStatus::Open,
                status_reason: None,
            },
        )?;
        let owner = match partners.counselling.first() {
            Some(id) => StepOwner::PartnerOrganisation(id.clone()),
            None => StepOwner::Counsellor,
        };
        plans::create_step(
            conn,
            who,
            person_id,
            &goal.id,
            &Step {
                title: "Unterlagen zur Anerkennungsberatung".into(),
                owner,
                due_on: Some(day(rng.below(50) as i64)),
                status: StepStatus::Open,
                status_reason: None,
            },
        )?;
    }
    if values.benefits_law.as_deref() == Some("sgb2") && rng.chance(40) {
        let goal = plans::create_goal(
            conn,
            who,
            person_id,
            &Goal {
                action_field: a::ActionField::Work,
                title: "Arbeitsaufnahme vorbereiten".into(),
                description: None,
                status: GoalStatus::Open,
                status_reason: None,
            },
        )?;
        let owner = match &partners.job_centre {
            Some(id) => StepOwner::PartnerOrganisation(id.clone()),
            None => StepOwner::Counsellor,
        };
        plans::create_step(
            conn,
            who,
            person_id,
            &goal.id,
            &Step {
                title: "Termin bei der Arbeitsvermittlung".into(),
                owner,
                due_on: Some(day(rng.below(60) as i64 - 5)),
                status: StepStatus::Open,
                status_reason: None,
            },
        )?;
    }
    // Most wait for a German course.
    if rng.chance(60) {
        crate::demo_courses::seed_need(
            conn,
            who,
            rng,
            person_id,
            values,
            parent_with_toddler,
            today,
        )?;
    }
    // One follow-up each: about one in six overdue, the rest over the next weeks.
    plans::create_follow_up(
        conn,
        who,
        person_id,
        &FollowUp {
            due_on: day(rng.below(56) as i64 - 10),
            kind: *rng.pick(&[
                FollowUpKind::Appointment,
                FollowUpKind::Appointment,
                FollowUpKind::Phone,
            ]),
            note: Some("Stand Kursplatz besprechen".into()),
            done: false,
        },
    )?;
    Ok(())
}
