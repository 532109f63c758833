//! Which integration course fits (IntV §§ 10–13) and where to start (IntV § 11 Abs. 2). The
//! placement test decides; without one the rules suggest from literacy and age. Youth and
//! parents' courses end with the IntV reform in force 7 Dec 2024 — dated rows, not code paths.

use time::macros::date;

use super::{CourseType, Ctx, Hit, Outcome as O, Rule, Topic};
use crate::cefr::GermanLevel;

const CT: Topic = Topic::CourseType;
const SM: Topic = Topic::StartModule;

/// Last day of the course types abolished by the 5th IntV amending ordinance of 3 Dec 2024.
const BEFORE_REFORM: time::Date = date!(2024 - 12 - 06);

fn placement_course(ctx: &Ctx<'_>) -> Option<Hit> {
    let course = ctx.placement()?.recommended_course?;
    let abolished = matches!(course, CourseType::Youth | CourseType::ParentsOrWomen);
    if abolished && ctx.on() > BEFORE_REFORM {
        return None;
    }
    Hit::detail(course.as_str())
}

fn not_latin(ctx: &Ctx<'_>) -> bool {
    ctx.literate_latin() == Some(false)
}

pub(super) const COURSE_TYPE: &[Rule] = &[
    Rule::new("ct.placement", CT, O::Recommended, "IntV § 11 Abs. 2", placement_course).text(
        "Der Einstufungstest empfiehlt diesen Kurstyp: {detail}.",
        "The placement test recommends this course type: {detail}.",
    ),
    Rule::new("ct.literacy", CT, O::Recommended, "IntV § 13 Abs. 1", |ctx| {
        (not_latin(ctx) && ctx.literate_other_script() == Some(false))
            .then(|| Hit::detail(CourseType::Literacy.as_str()))
            .flatten()
    })
    .text(
        "Alphabetisierungskurs (bis 900 UE Sprachkurs + 100 UE Orientierungskurs): kann in keiner Schrift sicher lesen und schreiben.",
        "Literacy course (up to 900 + 100 teaching units): cannot read and write confidently in any script.",
    ),
    Rule::new("ct.second_script", CT, O::Recommended, "IntV § 13 Abs. 1", |ctx| {
        (not_latin(ctx) && ctx.literate_other_script() == Some(true))
            .then(|| Hit::detail(CourseType::SecondScript.as_str()))
            .flatten()
    })
    .text(
        "Zweitschriftlernerkurs: liest und schreibt in einer anderen Schrift, aber nicht in lateinischer Schrift.",
        "Second-script course: literate in another script, but not in Latin script.",
    ),
    Rule::new("ct.literacy_unknown", CT, O::UnknownCheckManually, "IntV § 11 Abs. 2; § 13 Abs. 1", |ctx| {
        match ctx.literate_latin() {
            None => Hit::detail("literacy_not_recorded"),
            Some(false) if ctx.literate_other_script().is_none() => {
                Hit::detail("other_script_not_recorded")
            }
            _ => None,
        }
    })
    .text(
        "Ob ein Alphabetisierungs- oder Zweitschriftlernerkurs nötig ist, hängt davon ab, ob die Person in lateinischer oder einer anderen Schrift lesen und schreiben kann. Bitte erfassen.",
        "Whether a literacy or second-script course is needed depends on whether the person can read and write in Latin or another script. Please record it.",
    ),
    Rule::new("ct.youth", CT, O::Recommended, "IntV § 13 Abs. 1 Satz 1 Nr. 1 (Fassung bis 6.12.2024)", |ctx| {
        (ctx.age_at_least(27) == Some(false) && ctx.in_school() != Some(true))
            .then(|| Hit::detail(CourseType::Youth.as_str()))
            .flatten()
    })
    .until(BEFORE_REFORM)
    .text(
        "Jugendintegrationskurs für junge Erwachsene unter 27, die nicht mehr schulpflichtig sind.",
        "Youth integration course for young adults under 27 no longer in compulsory schooling.",
    ),
    Rule::new("ct.parents", CT, O::Recommended, "IntV § 13 Abs. 1 Satz 1 Nr. 2 (Fassung bis 6.12.2024)", |ctx| {
        (ctx.parent_of_minor() == Some(true))
            .then(|| Hit::detail(CourseType::ParentsOrWomen.as_str()))
            .flatten()
    })
    .until(BEFORE_REFORM)
    .text(
        "Eltern- bzw. Frauenintegrationskurs, oft mit Kinderbetreuung.",
        "Parents' or women's integration course, often with childcare.",
    ),
    Rule::new("ct.intensive", CT, O::Recommended, "IntV § 13 Abs. 2", |ctx| {
        (ctx.placement()?.intensive_suitable == Some(true))
            .then(|| Hit::detail(CourseType::Intensive.as_str()))
            .flatten()
    })
    .text(
        "Intensivkurs (400 UE + 100 UE): der Einstufungstest lässt einen schnellen Lernerfolg erwarten.",
        "Intensive course (400 + 100 teaching units): the placement test predicts fast progress.",
    ),
    Rule::new("ct.general", CT, O::Recommended, "IntV § 10 Abs. 1", |_| {
        Hit::detail(CourseType::General.as_str())
    })
    .text(
        "Allgemeiner Integrationskurs: 600 UE Sprachkurs (Basis- und Aufbaukurs) und 100 UE Orientierungskurs.",
        "General integration course: 600 teaching units of language (basic and advanced) and 100 units of orientation.",
    ),
];

pub(super) const START_MODULE: &[Rule] = &[
    Rule::new("sm.placement", SM, O::Recommended, "IntV § 11 Abs. 2", |ctx| {
        let module = ctx.placement()?.start_module?;
        Hit::detail(module.get().to_string())
    })
    .text(
        "Start in Modul {detail} laut Einstufungstest (Module 1–3 Basiskurs, 4–6 Aufbaukurs).",
        "Start in module {detail} as the placement test found (modules 1–3 basic, 4–6 advanced).",
    ),
    Rule::new("sm.no_german", SM, O::Recommended, "IntV § 11 Abs. 2", |ctx| {
        (ctx.best_german()? == GermanLevel::None).then(|| Hit::detail("1")).flatten()
    })
    .text(
        "Ohne Deutschkenntnisse beginnt der Kurs mit Modul 1; der Einstufungstest ist trotzdem vorgeschrieben.",
        "Without any German the course starts with module 1; the placement test is still required.",
    ),
    Rule::new("sm.test_needed", SM, O::UnknownCheckManually, "IntV § 11 Abs. 2", |_| {
        Hit::detail("placement_test_needed")
    })
    .agency(crate::residence::AgencyKind::Bamf)
    .text(
        "Das Startmodul legt der Einstufungstest fest (beim Kursträger oder beim BAMF im Migrationszentrum).",
        "The placement test decides the start module (at a course provider or at BAMF in the migration centre).",
    ),
];
