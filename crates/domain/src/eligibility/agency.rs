//! Which agency is responsible for the person's livelihood and labour-market services. A
//! recorded benefits law decides; without one the rules only say what to expect and ask for a
//! check, because the Rechtskreis depends on facts (employability, income) we do not hold.

use time::macros::date;

use super::{Ctx, Hit, Outcome as O, Rule, Topic};
use crate::residence::{AgencyKind, BenefitsLaw as B, ResidenceStatus as S, TitleParagraph as P};

const T: Topic = Topic::ResponsibleAgency;

fn recorded(ctx: &Ctx<'_>) -> Option<Hit> {
    let law = ctx.benefits_law()?;
    let cite = match law {
        B::Sgb2 => "SGB II § 6, § 6a (zugelassener kommunaler Träger)",
        B::Sgb3 => "SGB III § 367, § 368",
        B::Sgb12 => "SGB XII § 3, § 97",
        B::Asylblg => "AsylbLG § 1, § 10",
        B::Sgb8 => "SGB VIII § 85, § 86",
        B::None => "kein Leistungsbezug erfasst",
    };
    Some(Hit {
        detail: Some(law.as_str().to_owned()),
        cite: Some(cite),
        agency: Some(law.responsible_agency()),
    })
}

/// AsylbLG recipients with `months` of stay get benefits analogous to SGB XII (AsylbLG § 2).
fn asylblg_for(ctx: &Ctx<'_>, months: u32) -> Option<Hit> {
    let since = ctx.stay_since()?;
    (ctx.benefits_law()? == B::Asylblg && ctx.months_since(since, months))
        .then(|| Hit::detail("asylblg_section_2"))
        .flatten()
}

/// The benefits law to expect from the status, for the "please check" finding.
fn expected(ctx: &Ctx<'_>) -> Option<Hit> {
    if ctx.benefits_law().is_some() {
        return None;
    }
    let law = match ctx.status() {
        Some(S::Aufenthaltsgestattung | S::Duldung) => "expected_asylblg",
        Some(S::Aufenthaltserlaubnis) if ctx.paragraph_in(&[P::P25_5]) => {
            "expected_asylblg_or_sgb2"
        }
        Some(S::Aufenthaltserlaubnis | S::Niederlassungserlaubnis | S::DaueraufenthaltEu) => {
            "expected_sgb2_if_employable_else_sgb12"
        }
        Some(S::EuFreedomOfMovement) => "expected_sgb2_if_worker_else_check_exclusion",
        Some(S::GermanCitizen) => "expected_sgb2_if_employable_else_sgb12",
        Some(S::Other) | None => "benefits_law_not_recorded",
    };
    Hit::detail(law)
}

pub(super) const RULES: &[Rule] = &[
    Rule::new("ag.unaccompanied_minor", T, O::Responsible, "SGB VIII § 42a, § 42, § 86", |ctx| {
        (ctx.unaccompanied_minor() == Some(true)).then(|| Hit::detail("sgb8")).flatten()
    })
    .agency(AgencyKind::YouthWelfareOffice)
    .text(
        "Unbegleitete minderjährige Person: Das Jugendamt ist zuständig (Inobhutnahme, Vormundschaft, Hilfen).",
        "Unaccompanied minor: the youth welfare office is responsible (care, guardianship, support).",
    ),
    Rule::new("ag.asylblg_analog_18m", T, O::Responsible, "AsylbLG § 2 Abs. 1 (18 Monate, Fassung bis 26.2.2024)", |ctx| {
        asylblg_for(ctx, 18)
    })
    .until(date!(2024 - 02 - 26))
    .agency(AgencyKind::AsylblgOffice)
    .text(
        "AsylbLG-Leistungsbehörde; nach 18 Monaten Aufenthalt Leistungen entsprechend SGB XII (Analogleistungen).",
        "AsylbLG benefits office; after 18 months of stay benefits analogous to SGB XII.",
    ),
    Rule::new("ag.asylblg_analog_36m", T, O::Responsible, "AsylbLG § 2 Abs. 1 (36 Monate, seit 27.2.2024)", |ctx| {
        asylblg_for(ctx, 36)
    })
    .from(date!(2024 - 02 - 27))
    .agency(AgencyKind::AsylblgOffice)
    .text(
        "AsylbLG-Leistungsbehörde; nach 36 Monaten Aufenthalt Leistungen entsprechend SGB XII (Analogleistungen).",
        "AsylbLG benefits office; after 36 months of stay benefits analogous to SGB XII.",
    ),
    Rule::new("ag.recorded", T, O::Responsible, "{cite}", recorded).text(
        "Zuständig nach dem erfassten Rechtskreis ({detail}).",
        "Responsible according to the recorded benefits law ({detail}).",
    ),
    Rule::new("ag.ukraine_switch_2026", T, O::UnknownCheckManually, "AsylbLG § 1 Abs. 1 (geplant: Leistungsrechtsanpassungsgesetz)", |ctx| {
        let issued = ctx.first_issued_on()?;
        (ctx.benefits_law().is_none()
            && ctx.is_status(S::Aufenthaltserlaubnis)
            && ctx.paragraph_in(&[P::P24])
            && issued > date!(2025 - 03 - 31))
            .then(|| Hit::detail("planned_switch_to_asylblg"))
            .flatten()
    })
    .from(date!(2026 - 07 - 01))
    .text(
        "§ 24 erstmals nach dem 31.3.2025: geplanter Wechsel vom SGB II ins AsylbLG. Ob und ab wann in Kraft, bitte prüfen.",
        "§ 24 first issued after 31 Mar 2025: a switch from SGB II to AsylbLG is planned. Please check whether and since when it is in force.",
    ),
    Rule::new("ag.expected", T, O::UnknownCheckManually, "SGB II § 7; SGB XII § 23; AsylbLG § 1", expected).text(
        "Rechtskreis nicht erfasst; zu erwarten: {detail}. Bitte prüfen und erfassen.",
        "Benefits law not recorded; to be expected: {detail}. Please check and record it.",
    ),
];
