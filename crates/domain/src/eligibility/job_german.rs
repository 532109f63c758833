//! Job-related German courses (Berufssprachkurse, AufenthG § 45a, DeuFöV): which course fits the
//! level, and who grants access — Jobcenter for SGB II, BAMF for people in work, otherwise the
//! Agentur für Arbeit. Status limits come first (Duldung, Gestattung), then the level.

use time::macros::date;

use super::{Ctx, Hit, Outcome as O, Rule, Topic};
use crate::cefr::{CefrLevel, GermanLevel};
use crate::residence::{AgencyKind, BenefitsLaw, DuldungKind, ResidenceStatus as S};

const T: Topic = Topic::JobRelatedGerman;

/// Who issues the Berechtigungsschein (DeuFöV § 4, § 5; BAMF for employed persons).
fn grantor(ctx: &Ctx<'_>) -> AgencyKind {
    match (ctx.benefits_law(), ctx.employed()) {
        (Some(BenefitsLaw::Sgb2), _) => AgencyKind::JobCentre,
        (_, Some(true)) => AgencyKind::Bamf,
        _ => AgencyKind::EmploymentAgency,
    }
}

fn general_duldung(ctx: &Ctx<'_>) -> bool {
    ctx.is_status(S::Duldung) && ctx.duldung_kind() == Some(DuldungKind::General)
}

fn best_level(ctx: &Ctx<'_>) -> Option<GermanLevel> {
    ctx.best_german()
}

/// The special course for the level below B1 (DeuFöV § 13 Abs. 1 Nr. 3 and 4).
fn special_course(ctx: &Ctx<'_>) -> Option<Hit> {
    let level = best_level(ctx)?;
    if level.at_least(CefrLevel::B1) {
        return None;
    }
    let (detail, cite) = if level.at_least(CefrLevel::A2) {
        ("special_a2_b1", "Nr. 3")
    } else {
        ("special_below_a2_a2", "Nr. 4")
    };
    Some(Hit {
        detail: Some(detail.to_owned()),
        cite: Some(cite),
        agency: Some(grantor(ctx)),
    })
}

pub(super) const RULES: &[Rule] = &[
    Rule::new("bsk.c2", T, O::AlreadyReached, "DeuFöV § 12", |ctx| {
        (ctx.german_at_least(CefrLevel::C2) == Some(true)).then_some(Hit::default())
    })
    .text(
        "C2 ist erreicht; es gibt keinen höheren Berufssprachkurs.",
        "C2 is reached; there is no higher job-related course.",
    ),
    Rule::new("bsk.duldung_light", T, O::NotEligible, "AufenthG § 45a Abs. 2; § 60b Abs. 5", |ctx| {
        (ctx.is_status(S::Duldung) && ctx.duldung_kind() == Some(DuldungKind::UnclearIdentity))
            .then_some(Hit::default())
    })
    .text(
        "Mit einer Duldung für Personen mit ungeklärter Identität (§ 60b) ist keine Erwerbstätigkeit und kein Berufssprachkurs möglich.",
        "A Duldung for persons with unclear identity (§ 60b) allows neither work nor a job-related course.",
    ),
    Rule::new("bsk.duldung_short", T, O::NotEligible, "AufenthG § 45a Abs. 2", |ctx| {
        let since = ctx.first_issued_on()?;
        (general_duldung(ctx) && !ctx.months_since(since, 6)).then_some(Hit::default())
    })
    .text(
        "Geduldete (§ 60a Abs. 2 Satz 1) erst nach sechs Monaten Duldung und bei Arbeitsmarktnähe.",
        "People with a Duldung under § 60a(2) sentence 1 only after six months and when close to the labour market.",
    ),
    Rule::new("bsk.duldung_check", T, O::UnknownCheckManually, "AufenthG § 45a Abs. 2", |ctx| {
        (general_duldung(ctx) && ctx.employed() != Some(true))
            .then(|| Hit::detail("labour_market_proximity"))
            .flatten()
    })
    .text(
        "Geduldete mit sechs Monaten Duldung: Zugang bei Arbeitsmarktnähe (z. B. arbeitsuchend gemeldet). Bitte prüfen.",
        "Duldung for six months: access if close to the labour market (e.g. registered as job seeker). Please check.",
    ),
    Rule::new("bsk.gestattung_prospects", T, O::UnknownCheckManually, "AufenthG § 45a Abs. 2; DeuFöV § 4 Abs. 1 (Fassung bis 30.12.2022)", |ctx| {
        (ctx.is_status(S::Aufenthaltsgestattung) && !ctx.good_prospects())
            .then(|| Hit::detail("good_prospects_or_early_entry"))
            .flatten()
    })
    .until(date!(2022 - 12 - 30))
    .text(
        "Asylsuchende nur mit guter Bleibeperspektive oder bei Einreise vor dem 1.8.2019 und Arbeitsmarktnähe. Bitte prüfen.",
        "Asylum seekers only with good prospects to stay, or entry before 1 Aug 2019 and closeness to the labour market. Please check.",
    ),
    Rule::new("bsk.gestattung_safe_country", T, O::UnknownCheckManually, "AufenthG § 45a Abs. 2; AsylG § 29a", |ctx| {
        (ctx.is_status(S::Aufenthaltsgestattung) && ctx.safe_country_national())
            .then(|| Hit::detail("safe_country_of_origin"))
            .flatten()
    })
    .from(date!(2022 - 12 - 31))
    .text(
        "Asylsuchende aus einem sicheren Herkunftsstaat: Zugang bitte mit der Agentur für Arbeit klären.",
        "Asylum seeker from a safe country of origin: please check access with the employment agency.",
    ),
    Rule::new("bsk.level_missing", T, O::UnknownCheckManually, "DeuFöV § 8 Abs. 1", |ctx| {
        best_level(ctx).is_none().then(|| Hit::detail("german_level_missing")).flatten()
    })
    .text(
        "Deutschniveau fehlt; der Kurs richtet sich nach dem Einstufungstest oder einem höchstens sechs Monate alten Zertifikat.",
        "German level missing; the course follows the placement test or a certificate at most six months old.",
    ),
    Rule::new("bsk.basic", T, O::AdmissibleOnApplication, "AufenthG § 45a; DeuFöV § 12", |ctx| {
        let from = best_level(ctx)?.level().filter(|l| *l >= CefrLevel::B1)?;
        let to = from.next()?;
        Some(Hit {
            detail: Some(format!("basic_{}_{}", from.as_str().to_lowercase(), to.as_str().to_lowercase())),
            cite: None,
            agency: Some(grantor(ctx)),
        })
    })
    .text(
        "Basisberufssprachkurs ({detail}), meist 400 UE (B1→B2 bis 500 UE). Berechtigung über die genannte Stelle; das Jobcenter kann die Teilnahme im Kooperationsplan verbindlich machen.",
        "Basic job-related course ({detail}), usually 400 units (B1→B2 up to 500). Access through the named body; the job centre can make it binding in the cooperation plan.",
    ),
    Rule::new("bsk.special_after_ik", T, O::AdmissibleOnApplication, "DeuFöV § 13 Abs. 1 {cite}", |ctx| {
        (ctx.attended_integration_course() == Some(true)).then(|| special_course(ctx)).flatten()
    })
    .text(
        "Spezialberufssprachkurs ({detail}), etwa 400 UE: für Menschen, die einen Integrationskurs besucht, aber B1 nicht erreicht haben.",
        "Special job-related course ({detail}), about 400 units: for people who attended an integration course without reaching B1.",
    ),
    Rule::new("bsk.special_duldung", T, O::AdmissibleOnApplication, "DeuFöV § 13 Abs. 1 {cite}", |ctx| {
        ctx.is_status(S::Duldung).then(|| special_course(ctx)).flatten()
    })
    .text(
        "Geduldete ohne Zugang zum Integrationskurs können den Spezialkurs ({detail}) besuchen.",
        "People with a Duldung and no integration-course access can attend the special course ({detail}).",
    ),
    Rule::new("bsk.ik_first", T, O::NotEligible, "AufenthG § 45a Abs. 1; DeuFöV § 13 Abs. 1 Nr. 3 und 4", |ctx| {
        (ctx.attended_integration_course() == Some(false) && special_course(ctx).is_some())
            .then_some(Hit::default())
    })
    .text(
        "Unter B1 zuerst der Integrationskurs; Spezialkurse unter B1 setzen einen besuchten Integrationskurs voraus.",
        "Below B1 the integration course comes first; special courses below B1 require an attended integration course.",
    ),
    Rule::new("bsk.ik_unknown", T, O::UnknownCheckManually, "DeuFöV § 13 Abs. 1 Nr. 3 und 4", |ctx| {
        special_course(ctx).and_then(|_| Hit::detail("attended_integration_course_not_recorded"))
    })
    .text(
        "Unter B1: Ob bereits ein Integrationskurs besucht wurde, entscheidet über den Spezialberufssprachkurs. Bitte erfassen.",
        "Below B1: whether an integration course was already attended decides the special job-related course. Please record it.",
    ),
];
