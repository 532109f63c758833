//! Integration course access (AufenthG § 44) and obligation (§ 44a). Order matters: exclusions
//! (§ 44 Abs. 3) first, then entitlement (Abs. 1), then admission on application (Abs. 4), whose
//! rows are dated — opened to every Gestattung on 31.12.2022, stopped for 2026 by BAMF.

use time::macros::date;

use super::{Ctx, Hit, Outcome as O, Rule, Topic};
use crate::cefr::{CefrLevel, GermanLevel};
use crate::residence::{AgencyKind, ResidenceStatus as S, TitleParagraph as P};

const T: Topic = Topic::IntegrationCourse;

/// Titles that entitle when first issued (§ 44 Abs. 1 Satz 1), with the exact citation.
const ENTITLING: &[(P, &str)] = &[
    (P::P18a, "Nr. 1 Buchst. a"),
    (P::P18b, "Nr. 1 Buchst. a"),
    (P::P18d, "Nr. 1 Buchst. a"),
    (P::P18g, "Nr. 1 Buchst. a"),
    (P::P19c, "Nr. 1 Buchst. a"),
    (P::P21, "Nr. 1 Buchst. a"),
    (P::P28, "Nr. 1 Buchst. b"),
    (P::P29, "Nr. 1 Buchst. b"),
    (P::P30, "Nr. 1 Buchst. b"),
    (P::P32, "Nr. 1 Buchst. b"),
    (P::P36, "Nr. 1 Buchst. b"),
    (P::P36a, "Nr. 1 Buchst. b"),
    (P::P25_1, "Nr. 1 Buchst. c"),
    (P::P25_2, "Nr. 1 Buchst. c"),
    // Only Satz 3 (extension for trafficking victims); the counsellor sees the caveat in the text.
    (P::P25_4a, "Nr. 1 Buchst. c"),
    (P::P25b, "Nr. 1 Buchst. c"),
    (P::P38a, "Nr. 1 Buchst. d"),
    (P::P23_2, "Nr. 2"),
    (P::P23_4, "Nr. 2"),
];

/// The citation if the person holds a title of the entitling kinds (ignoring dates).
pub(super) fn entitling_title(ctx: &Ctx<'_>) -> Option<&'static str> {
    // § 23 Abs. 2/4 may come as a Niederlassungserlaubnis; the rest are Aufenthaltserlaubnisse.
    let status = ctx.status()?;
    let paragraph = ctx.known_paragraph()?;
    let cite = ENTITLING
        .iter()
        .find(|(p, _)| *p == paragraph)
        .map(|(_, c)| *c)?;
    let fits = status == S::Aufenthaltserlaubnis
        || (status == S::Niederlassungserlaubnis && matches!(paragraph, P::P23_2 | P::P23_4));
    fits.then_some(cite)
}

/// Entitlement lapses one year after the title was issued (§ 44 Abs. 2).
fn within_first_year(ctx: &Ctx<'_>) -> Option<bool> {
    let issued = ctx.first_issued_on()?;
    Some(!ctx.months_since(issued, 12))
}

fn below(ctx: &Ctx<'_>, level: CefrLevel) -> bool {
    ctx.german_at_least(level) == Some(false)
}

/// Who may be admitted under § 44 Abs. 4. `gestattung_ok` is the part that changed in law.
fn admission_case(ctx: &Ctx<'_>, gestattung_ok: fn(&Ctx<'_>) -> bool) -> Option<Hit> {
    let hit = |detail: &str, cite: &'static str| {
        Some(Hit {
            detail: Some(detail.to_owned()),
            cite: Some(cite),
            agency: None,
        })
    };
    if ctx.is_eu() {
        return hit("eu_citizen", "Satz 1; FreizügG/EU § 11 Abs. 1");
    }
    match ctx.status()? {
        S::GermanCitizen if below(ctx, CefrLevel::B1) => hit("german_citizen", "Satz 2"),
        S::Aufenthaltsgestattung if gestattung_ok(ctx) => hit("gestattung", "Satz 2 Nr. 1"),
        S::Duldung if ctx.duldung_kind()?.is_section_60a_2_3() => {
            hit("duldung_60a_2_3", "Satz 2 Nr. 2")
        }
        S::Aufenthaltserlaubnis if ctx.paragraph_in(&[P::P24, P::P25_5]) => {
            hit("title_24_or_25_5", "Satz 2 Nr. 3")
        }
        S::Aufenthaltserlaubnis | S::Niederlassungserlaubnis | S::DaueraufenthaltEu => {
            if entitling_title(ctx).is_some() {
                // Entitling title, but the year of § 44 Abs. 2 has run out.
                (within_first_year(ctx) == Some(false))
                    .then(|| hit("entitlement_expired", "Satz 1; § 44 Abs. 2"))
                    .flatten()
            } else if ctx.status() != Some(S::Aufenthaltserlaubnis)
                || ctx.known_paragraph().is_some()
            {
                hit("no_entitlement", "Satz 1")
            } else {
                None
            }
        }
        _ => None,
    }
}

/// 2019–2022 wording: only Gestattete with good prospects (Nr. 1 Buchst. a a. F.).
fn gestattung_good_prospects(ctx: &Ctx<'_>) -> bool {
    ctx.good_prospects()
}

/// Since 31.12.2022 every Gestattung; safe-country nationals are left to a manual check.
fn gestattung_open(ctx: &Ctx<'_>) -> bool {
    !ctx.safe_country_national()
}

const ADMISSION_DE: &str =
    "Zulassung auf Antrag beim BAMF im Rahmen freier Kursplätze möglich (Gruppe: {detail}).";
const ADMISSION_EN: &str =
    "Admission on application to BAMF, within free course places (group: {detail}).";

pub(super) const ACCESS: &[Rule] = &[
    Rule::new("ik.already_b1", T, O::AlreadyReached, "AufenthG § 44 Abs. 3 Satz 1 Nr. 3", |ctx| {
        (ctx.german_at_least(CefrLevel::B1) == Some(true)).then_some(Hit::default())
    })
    .text(
        "Deutschkenntnisse auf B1-Niveau liegen vor; kein Anspruch auf einen Integrationskurs. Berufssprachkurs prüfen.",
        "German at B1 is already reached; no integration-course entitlement. Consider a job-related German course.",
    ),
    Rule::new("ik.school", T, O::NotEligible, "AufenthG § 44 Abs. 3 Satz 1 Nr. 1", |ctx| {
        (ctx.in_school() == Some(true) || ctx.age_at_least(16) == Some(false)).then_some(Hit::default())
    })
    .text(
        "Schulbesuch geht vor: Kinder und Jugendliche, die in Deutschland zur Schule gehen, haben keinen Anspruch.",
        "School comes first: children and young people attending school in Germany are not entitled.",
    ),
    Rule::new("ik.title_expired", T, O::UnknownCheckManually, "AufenthG § 81 Abs. 4", |ctx| {
        ctx.title_expired().then(|| Hit::detail("title_expired")).flatten()
    })
    .text(
        "Der Aufenthaltstitel ist abgelaufen. Fiktionsbescheinigung oder neuen Titel prüfen und erfassen.",
        "The residence document has expired. Check for a Fiktionsbescheinigung or a new title and record it.",
    ),
    Rule::new("ik.admitted", T, O::Admitted, "AufenthG § 44 Abs. 4", |ctx| {
        ctx.course_admission_on().map(|d| Hit { detail: Some(d.to_string()), ..Hit::default() })
    })
    .text(
        "Eine Zulassung des BAMF vom {detail} liegt vor; sie bleibt gültig (auch während des Zulassungsstopps 2026).",
        "BAMF admitted the person on {detail}; the admission stays valid (also during the 2026 admission stop).",
    ),
    Rule::new("ik.german_citizen", T, O::NotEligible, "AufenthG § 44 Abs. 4 Satz 2", |ctx| {
        (ctx.is_status(S::GermanCitizen) && !below(ctx, CefrLevel::B1)).then_some(Hit::default())
    })
    .text(
        "Deutsche Staatsangehörige können nur bei unzureichenden Deutschkenntnissen und besonderem Integrationsbedarf zugelassen werden; Deutschniveau erfassen.",
        "German citizens can only be admitted with insufficient German and a special integration need; record the German level.",
    ),
    Rule::new("ik.entitled_short_title", T, O::UnknownCheckManually, "AufenthG § 44 Abs. 1 Satz 2", |ctx| {
        entitling_title(ctx)?;
        let (issued, until) = (ctx.first_issued_on()?, ctx.valid_until()?);
        (super::context::add_months(issued, 12)? > until && within_first_year(ctx) == Some(true))
            .then(|| Hit::detail("title_shorter_than_one_year"))
            .flatten()
    })
    .text(
        "Titel mit Anspruch, aber kürzer als ein Jahr gültig: Anspruch nur, wenn der Aufenthalt dennoch auf Dauer angelegt ist.",
        "Entitling title, but valid for less than a year: entitled only if the stay is nevertheless meant to be permanent.",
    ),
    Rule::new("ik.entitled", T, O::Entitled, "AufenthG § 44 Abs. 1 Satz 1 {cite}", |ctx| {
        let cite = entitling_title(ctx)?;
        (within_first_year(ctx)? && !ctx.is_status(S::GermanCitizen)).then(|| Hit::cite(cite)).flatten()
    })
    .agency(AgencyKind::ImmigrationOffice)
    .text(
        "Anspruch auf einmalige Teilnahme: erstmals erteilter Titel für einen der genannten Zwecke. Die Ausländerbehörde bestätigt die Berechtigung; der Anspruch erlischt ein Jahr nach Erteilung (§ 44 Abs. 2).",
        "Entitled to attend once: first title for one of the listed purposes. The immigration office confirms it; the entitlement lapses one year after issue (§ 44(2)).",
    ),
    Rule::new("ik.entitled_no_issue_date", T, O::UnknownCheckManually, "AufenthG § 44 Abs. 1 und 2", |ctx| {
        entitling_title(ctx)?;
        ctx.first_issued_on().is_none().then(|| Hit::detail("first_issued_on_missing")).flatten()
    })
    .text(
        "Der Titel begründet einen Anspruch, wenn er erstmals vor weniger als einem Jahr erteilt wurde. Erteilungsdatum erfassen.",
        "The title entitles if it was first issued less than a year ago. Record the date of issue.",
    ),
    Rule::new("ik.admission_2019", T, O::AdmissibleOnApplication, "AufenthG § 44 Abs. 4 {cite} (Fassung 1.8.2019)", |ctx| {
        admission_case(ctx, gestattung_good_prospects)
    })
    .from(date!(2019 - 08 - 01))
    .until(date!(2022 - 12 - 30))
    .agency(AgencyKind::Bamf)
    .text(ADMISSION_DE, ADMISSION_EN),
    Rule::new("ik.admission", T, O::AdmissibleOnApplication, "AufenthG § 44 Abs. 4 {cite}", |ctx| {
        admission_case(ctx, gestattung_open)
    })
    .from(date!(2022 - 12 - 31))
    .until(date!(2025 - 12 - 31))
    .agency(AgencyKind::Bamf)
    .text(ADMISSION_DE, ADMISSION_EN),
    Rule::new("ik.admission_stopped", T, O::AdmissionSuspended, "AufenthG § 44 Abs. 4 {cite}; BAMF-Trägerrundschreiben vom 9.2.2026", |ctx| {
        admission_case(ctx, gestattung_open)
    })
    .from(date!(2026 - 01 - 01))
    .agency(AgencyKind::Bamf)
    .text(
        "Zulassung nach § 44 Abs. 4 wäre möglich (Gruppe: {detail}), ist aber im Haushaltsjahr 2026 ausgesetzt. Bestehende Zulassungen bleiben gültig; Teilnahme als Selbstzahler oder eine Verpflichtung (Jobcenter, Ausländerbehörde) prüfen.",
        "Admission under § 44(4) would be possible (group: {detail}) but is suspended in the 2026 budget year. Existing admissions stay valid; consider self-paying or an obligation (job centre, immigration office).",
    ),
    Rule::new("ik.gestattung_early_entry_2019", T, O::UnknownCheckManually, "AufenthG § 44 Abs. 4 Satz 2 Nr. 1 Buchst. b (Fassung 1.8.2019)", |ctx| {
        let early = ctx.entered_germany_on()? < date!(2019 - 08 - 01);
        (ctx.is_status(S::Aufenthaltsgestattung) && early && !ctx.safe_country_national())
            .then(|| Hit::detail("labour_market_proximity"))
            .flatten()
    })
    .from(date!(2019 - 08 - 01))
    .until(date!(2022 - 12 - 30))
    .text(
        "Eingereist vor dem 1.8.2019: Zulassung möglich, wenn arbeit-/ausbildungsuchend gemeldet, beschäftigt, in Ausbildung oder ein Kleinkind betreuend. Bitte prüfen.",
        "Entered before 1 Aug 2019: admission possible if registered as job or training seeker, employed, in training or caring for a small child. Please check.",
    ),
    Rule::new("ik.gestattung_no_prospects_2019", T, O::NotEligible, "AufenthG § 44 Abs. 4 Satz 2 Nr. 1 und Satz 3 (Fassung 1.8.2019)", |ctx| {
        ctx.is_status(S::Aufenthaltsgestattung).then_some(Hit::default())
    })
    .from(date!(2019 - 08 - 01))
    .until(date!(2022 - 12 - 30))
    .text(
        "Asylsuchende ohne gute Bleibeperspektive konnten bis 30.12.2022 nicht zugelassen werden.",
        "Asylum seekers without good prospects to stay could not be admitted until 30 Dec 2022.",
    ),
    Rule::new("ik.gestattung_safe_country", T, O::UnknownCheckManually, "AufenthG § 44 Abs. 4 Satz 2 Nr. 1; AsylG § 29a", |ctx| {
        (ctx.is_status(S::Aufenthaltsgestattung) && ctx.safe_country_national())
            .then(|| Hit::detail("safe_country_of_origin"))
            .flatten()
    })
    .from(date!(2022 - 12 - 31))
    .text(
        "Asylsuchende aus einem sicheren Herkunftsstaat: ob eine Zulassung möglich ist, bitte beim BAMF klären.",
        "Asylum seeker from a safe country of origin: please check with BAMF whether admission is possible.",
    ),
    Rule::new("ik.duldung_other", T, O::NotEligible, "AufenthG § 44 Abs. 4 Satz 2 Nr. 2", |ctx| {
        let kind = ctx.duldung_kind()?;
        (ctx.is_status(S::Duldung) && !kind.is_section_60a_2_3()).then(|| Hit::detail(kind.as_str())).flatten()
    })
    .text(
        "Nur eine Duldung nach § 60a Abs. 2 Satz 3 (auch Ausbildungs- und Beschäftigungsduldung) eröffnet die Zulassung; diese Duldung ({detail}) nicht.",
        "Only a Duldung under § 60a(2) sentence 3 (including training and employment Duldung) opens admission; this one ({detail}) does not.",
    ),
    Rule::new("ik.unknown_paragraph", T, O::UnknownCheckManually, "AufenthG § 44", |ctx| {
        let p = ctx.paragraph()?;
        p.known().is_none().then(|| Hit::detail(format!("unknown_paragraph: {}", p.raw()))).flatten()
    })
    .text(
        "Die Regeln kennen diesen Paragraphen nicht ({detail}). Bitte Teilnahmeberechtigung manuell prüfen.",
        "The rules do not know this paragraph ({detail}). Please check course access manually.",
    ),
    Rule::new("ik.missing_facts", T, O::UnknownCheckManually, "AufenthG § 44", |ctx| {
        let reason = match ctx.status() {
            None => "residence_status_missing",
            Some(S::Aufenthaltserlaubnis) if ctx.paragraph().is_none() => "paragraph_missing",
            Some(S::Duldung) if ctx.duldung_kind().is_none() => "duldung_kind_missing",
            Some(S::Other) => "status_other",
            _ => return None,
        };
        Hit::detail(reason)
    })
    .text(
        "Für eine Aussage fehlt eine Angabe ({detail}). Bitte ergänzen oder manuell prüfen.",
        "A fact is missing to decide ({detail}). Please record it or check manually.",
    ),
];

fn issuer_cite(ctx: &Ctx<'_>) -> Option<Hit> {
    use super::ObligationIssuer as I;
    let ob = ctx.course_obligation()?;
    let (cite, agency) = match ob.issued_by {
        I::ImmigrationOffice => ("Nr. 1 oder 3", AgencyKind::ImmigrationOffice),
        I::JobCentre => ("Nr. 2", AgencyKind::JobCentre),
        I::AsylblgOffice => ("Nr. 4", AgencyKind::AsylblgOffice),
    };
    Some(Hit {
        detail: ob.issued_on.map(|d| d.to_string()),
        cite: Some(cite),
        agency: Some(agency),
    })
}

/// Persons of § 44 Abs. 4 Satz 2 Nr. 1–3 receiving AsylbLG benefits (§ 44a Abs. 1 Satz 1 Nr. 4).
fn asylblg_group(ctx: &Ctx<'_>) -> Option<Hit> {
    let group = match ctx.status()? {
        S::Aufenthaltsgestattung => true,
        S::Duldung => ctx.duldung_kind().is_some_and(|k| k.is_section_60a_2_3()),
        S::Aufenthaltserlaubnis => ctx.paragraph_in(&[P::P24, P::P25_5]),
        _ => false,
    };
    (group
        && ctx.benefits_law() == Some(crate::residence::BenefitsLaw::Asylblg)
        && !reached_b1(ctx))
    .then_some(Hit::default())
}

/// True when German is known to reach B1 (then nobody can be obliged).
fn reached_b1(ctx: &Ctx<'_>) -> bool {
    ctx.german_at_least(CefrLevel::B1) == Some(true)
}

fn jobcentre(ctx: &Ctx<'_>) -> Option<Hit> {
    (ctx.benefits_law() == Some(crate::residence::BenefitsLaw::Sgb2) && !reached_b1(ctx))
        .then_some(Hit::default())
}

pub(super) const OBLIGATION: &[Rule] = &[
    Rule::new("ob.existing", T, O::Obliged, "AufenthG § 44a Abs. 1 Satz 1 {cite}", issuer_cite).text(
        "Eine Verpflichtung zur Teilnahme liegt vor (ausgestellt am {detail}). Unverzüglich anmelden und die Anmeldung der verpflichtenden Stelle nachweisen.",
        "An obligation to attend exists (issued on {detail}). Register without delay and send proof to the obliging body.",
    ),
    Rule::new("ob.abh_no_german", T, O::MayBeObliged, "AufenthG § 44a Abs. 1 Satz 1 Nr. 1 Buchst. a", |ctx| {
        entitling_title(ctx)?;
        (ctx.best_german()? == GermanLevel::None).then_some(Hit::default())
    })
    .agency(AgencyKind::ImmigrationOffice)
    .text(
        "Die Ausländerbehörde verpflichtet bei Erteilung des Titels, wer sich nicht auf einfache Art auf Deutsch verständigen kann.",
        "The immigration office obliges, when issuing the title, anyone who cannot communicate in simple German.",
    ),
    Rule::new("ob.abh_family_b1", T, O::MayBeObliged, "AufenthG § 44a Abs. 1 Satz 1 Nr. 1 Buchst. b", |ctx| {
        entitling_title(ctx)?;
        (ctx.paragraph_in(&[P::P23_2, P::P28, P::P30]) && below(ctx, CefrLevel::B1)).then_some(Hit::default())
    })
    .agency(AgencyKind::ImmigrationOffice)
    .text(
        "Titel nach § 23 Abs. 2, § 28 Abs. 1 Satz 1 Nr. 1 (Ehegatte einer/eines Deutschen) oder § 30 ohne B1: Die Ausländerbehörde kann verpflichten.",
        "Title under § 23(2), § 28(1) sentence 1 no. 1 (spouse of a German) or § 30 without B1: the immigration office can oblige.",
    ),
    Rule::new("ob.jobcentre_ev", T, O::MayBeObliged, "AufenthG § 44a Abs. 1 Satz 1 Nr. 2 (Eingliederungsvereinbarung)", jobcentre)
        .until(date!(2023 - 06 - 30))
        .agency(AgencyKind::JobCentre)
        .text(
            "Bezug von SGB-II-Leistungen: Das Jobcenter kann die Teilnahme in der Eingliederungsvereinbarung festlegen.",
            "Receives SGB II benefits: the job centre can require attendance in the integration agreement.",
        ),
    Rule::new("ob.jobcentre", T, O::MayBeObliged, "AufenthG § 44a Abs. 1 Satz 1 Nr. 2; IntV § 5a; SGB II § 15", jobcentre)
        .from(date!(2023 - 07 - 01))
        .agency(AgencyKind::JobCentre)
        .text(
            "Bezug von SGB-II-Leistungen: Das Jobcenter kann die Teilnahme im Kooperationsplan festlegen und bestätigt sie selbst.",
            "Receives SGB II benefits: the job centre can set attendance in the cooperation plan and confirms it itself.",
        ),
    Rule::new("ob.asylblg", T, O::MayBeObliged, "AufenthG § 44a Abs. 1 Satz 1 Nr. 4", asylblg_group)
        .from(date!(2019 - 08 - 01))
        .until(date!(2025 - 12 - 31))
        .agency(AgencyKind::AsylblgOffice)
        .text(
            "Bezug von AsylbLG-Leistungen: Die Leistungsbehörde kann zur Teilnahme auffordern.",
            "Receives AsylbLG benefits: the benefits office can require attendance.",
        ),
    Rule::new("ob.asylblg_2026", T, O::UnknownCheckManually, "AufenthG § 44a Abs. 1 Satz 1 Nr. 4; BAMF-Trägerrundschreiben vom 9.2.2026", asylblg_group)
        .from(date!(2026 - 01 - 01))
        .agency(AgencyKind::AsylblgOffice)
        .text(
            "Die AsylbLG-Behörde kann zur Teilnahme auffordern; ob das BAMF während des Zulassungsstopps 2026 Plätze bestätigt, bitte klären.",
            "The AsylbLG office can require attendance; please check whether BAMF confirms places during the 2026 admission stop.",
        ),
    Rule::new("ob.abh_special_need", T, O::MayBeObliged, "AufenthG § 44a Abs. 1 Satz 1 Nr. 3", |ctx| {
        let titled = matches!(ctx.status()?, S::Aufenthaltserlaubnis | S::Niederlassungserlaubnis | S::DaueraufenthaltEu);
        (titled && ctx.parent_of_minor() == Some(true) && ctx.best_german()? == GermanLevel::None).then_some(Hit::default())
    })
    .agency(AgencyKind::ImmigrationOffice)
    .text(
        "Besonders integrationsbedürftig (z. B. Elternteil eines minderjährigen Kindes ohne einfache Deutschkenntnisse): Die Ausländerbehörde kann verpflichten.",
        "Special integration need (e.g. parent of a minor child without basic German): the immigration office can oblige.",
    ),
];
