//! Access to work. Citizens, EU citizens and settled people work freely; otherwise the
//! annotation on the document decides (AufenthG § 4a Abs. 3); without one, the status rules of
//! AsylG § 61 (Gestattung), AufenthG §§ 60a–60d (Duldung) and the title's paragraph apply.

use time::macros::date;

use super::{Ctx, Hit, Outcome as O, Rule, Topic};
use crate::residence::{
    DuldungKind as D, ResidenceStatus as S, TitleParagraph as P, WorkAnnotation as W,
};

const T: Topic = Topic::AccessToWork;

/// AsylG § 61 Abs. 2 Satz 4 and AufenthG § 60a Abs. 6 Satz 1 Nr. 3 apply to applications
/// made after this day.
const SAFE_COUNTRY_CUTOFF: time::Date = date!(2015 - 08 - 31);

fn annotation(ctx: &Ctx<'_>, wanted: &[W]) -> Option<Hit> {
    let a = ctx.work_annotation()?;
    wanted
        .contains(&a)
        .then(|| Hit::detail(a.label_de()))
        .flatten()
}

/// Whether a safe-country national applied for asylum after 31.8.2015. `None`: no date known.
fn safe_country_after_cutoff(ctx: &Ctx<'_>) -> Option<bool> {
    if !ctx.safe_country_national() {
        return Some(false);
    }
    ctx.asylum_applied_on().map(|d| d > SAFE_COUNTRY_CUTOFF)
}

/// For a pending procedure a missing application date is taken as after the cut-off: a
/// Gestattung from an application before September 2015 is vanishingly rare.
fn gestattung_safe_country(ctx: &Ctx<'_>) -> bool {
    gestattung(ctx) && safe_country_after_cutoff(ctx).unwrap_or(true)
}

fn gestattung(ctx: &Ctx<'_>) -> bool {
    ctx.is_status(S::Aufenthaltsgestattung)
}

/// Gestattung in a reception centre, more (`true`) or fewer (`false`) than `months` since the
/// asylum application (AsylG § 61 Abs. 1).
fn reception_centre(ctx: &Ctx<'_>, months: u32, after: bool) -> Option<Hit> {
    if !gestattung(ctx) || !ctx.lives_in_reception_centre()? {
        return None;
    }
    let since = ctx.asylum_applied_on().or_else(|| ctx.stay_since())?;
    (ctx.months_since(since, months) == after).then_some(Hit::default())
}

fn duldung_kind(ctx: &Ctx<'_>, wanted: &[D]) -> bool {
    ctx.is_status(S::Duldung) && ctx.duldung_kind().is_some_and(|k| wanted.contains(&k))
}

/// Titles that carry the right to work by law, with the provision.
const TITLE_PERMITS: &[(P, &str)] = &[
    (P::P25_1, "AufenthG § 25 Abs. 1 Satz 4"),
    (
        P::P25_2,
        "AufenthG § 25 Abs. 2 Satz 2 i. V. m. Abs. 1 Satz 4",
    ),
    (P::P25_3, "AufenthG § 4a Abs. 1 Satz 1"),
    (P::P24, "AufenthG § 4a Abs. 1 Satz 1; § 24 Abs. 6"),
    (P::P25a, "AufenthG § 25a Abs. 4"),
    (P::P25b, "AufenthG § 25b Abs. 5 Satz 2"),
    (P::P28, "AufenthG § 27 Abs. 5"),
    (P::P29, "AufenthG § 27 Abs. 5"),
    (P::P30, "AufenthG § 27 Abs. 5"),
    (P::P32, "AufenthG § 27 Abs. 5"),
    (P::P36, "AufenthG § 27 Abs. 5"),
    (P::P36a, "AufenthG § 27 Abs. 5"),
];

/// Titles for a purpose (training, study, work) that allow only what the title names.
const PURPOSE_BOUND: &[P] = &[
    P::P16a,
    P::P16b,
    P::P16d,
    P::P17,
    P::P18a,
    P::P18b,
    P::P18d,
    P::P18g,
    P::P19c,
    P::P20,
    P::P21,
];

pub(super) const RULES: &[Rule] = &[
    Rule::new("work.citizen", T, O::Permitted, "GG Art. 12 Abs. 1", |ctx| {
        ctx.is_status(S::GermanCitizen).then_some(Hit::default())
    })
    .text("Deutsche Staatsangehörige: freier Arbeitsmarktzugang.", "German citizen: free access to work."),
    Rule::new("work.eu", T, O::Permitted, "FreizügG/EU § 2 Abs. 2 Nr. 1; AEUV Art. 45", |ctx| {
        ctx.is_eu().then_some(Hit::default())
    })
    .text("Freizügigkeit: Arbeit ohne Erlaubnis.", "Freedom of movement: work without permission."),
    Rule::new("work.settled", T, O::Permitted, "AufenthG § 9 Abs. 1 Satz 2; § 9a Abs. 1", |ctx| {
        matches!(ctx.status()?, S::Niederlassungserlaubnis | S::DaueraufenthaltEu).then_some(Hit::default())
    })
    .text("Unbefristeter Titel: Erwerbstätigkeit erlaubt.", "Permanent title: any work permitted."),
    Rule::new("work.title_expired", T, O::UnknownCheckManually, "AufenthG § 81 Abs. 4", |ctx| {
        ctx.title_expired().then(|| Hit::detail("title_expired")).flatten()
    })
    .text(
        "Dokument abgelaufen: Fiktionsbescheinigung und deren Nebenbestimmung prüfen.",
        "Document expired: check the Fiktionsbescheinigung and its annotation.",
    ),
    Rule::new("work.annotation_permitted", T, O::Permitted, "AufenthG § 4a Abs. 3 Satz 1", |ctx| {
        annotation(ctx, &[W::WorkPermitted, W::EmploymentPermitted])
    })
    .text("Laut Dokument: „{detail}“.", "The document says: \"{detail}\"."),
    Rule::new("work.annotation_with_permission", T, O::WithPermission, "AufenthG § 4a Abs. 3 Satz 1, Abs. 4", |ctx| {
        annotation(ctx, &[W::EmploymentWithPermission])
    })
    .text(
        "Laut Dokument: „{detail}“ — vor Arbeitsbeginn Erlaubnis bei der Ausländerbehörde beantragen.",
        "The document says: \"{detail}\" — apply to the immigration office before starting work.",
    ),
    Rule::new("work.annotation_not_permitted", T, O::NotPermitted, "AufenthG § 4a Abs. 3 Satz 1", |ctx| {
        annotation(ctx, &[W::WorkNotPermitted])
    })
    .text("Laut Dokument: „{detail}“.", "The document says: \"{detail}\"."),
    Rule::new("work.gestattung_safe_country", T, O::NotPermitted, "AsylG § 61 Abs. 2 Satz 4", |ctx| {
        gestattung_safe_country(ctx).then_some(Hit::default())
    })
    .text(
        "Asylantrag nach dem 31.8.2015 aus einem sicheren Herkunftsstaat: Beschäftigung während des Verfahrens verboten.",
        "Asylum application after 31 Aug 2015 from a safe country of origin: no employment during the procedure.",
    ),
    Rule::new("work.gestattung_waiting", T, O::NotPermitted, "AsylG § 61 Abs. 2 Satz 1", |ctx| {
        let since = ctx.stay_since()?;
        (gestattung(ctx) && !ctx.months_since(since, 3)).then_some(Hit::default())
    })
    .text(
        "In den ersten drei Monaten des gestatteten Aufenthalts ist keine Beschäftigung erlaubt.",
        "No employment in the first three months of the permitted stay.",
    ),
    Rule::new("work.reception_centre_9m", T, O::NotPermitted, "AsylG § 61 Abs. 1 Satz 1 (Fassung bis 26.2.2024)", |ctx| {
        reception_centre(ctx, 9, false)
    })
    .until(date!(2024 - 02 - 26))
    .text(
        "Pflicht, in der Aufnahmeeinrichtung zu wohnen: Beschäftigung erst nach neun Monaten Verfahrensdauer.",
        "Obliged to live in a reception centre: employment only after nine months of procedure.",
    ),
    Rule::new("work.reception_centre_6m", T, O::NotPermitted, "AsylG § 61 Abs. 1 Satz 1", |ctx| {
        reception_centre(ctx, 6, false)
    })
    .from(date!(2024 - 02 - 27))
    .text(
        "Pflicht, in der Aufnahmeeinrichtung zu wohnen: Beschäftigung erst nach sechs Monaten Verfahrensdauer.",
        "Obliged to live in a reception centre: employment only after six months of procedure.",
    ),
    Rule::new("work.reception_centre_open", T, O::WithPermission, "AsylG § 61 Abs. 1 Satz 2", |ctx| {
        // The dated rows above catch the shorter stays, whichever period was in force.
        reception_centre(ctx, 6, true)
    })
    .text(
        "Aufnahmeeinrichtung, Verfahren läuft lange genug: Beschäftigung mit Erlaubnis der Ausländerbehörde und Zustimmung der BA.",
        "Reception centre, procedure long enough: employment with the immigration office's permission and BA consent.",
    ),
    Rule::new("work.gestattung_reception_unknown", T, O::UnknownCheckManually, "AsylG § 61 Abs. 1 und 2", |ctx| {
        (gestattung(ctx) && ctx.lives_in_reception_centre().is_none())
            .then(|| Hit::detail("reception_centre_not_recorded"))
            .flatten()
    })
    .text(
        "Ob noch eine Wohnpflicht in der Aufnahmeeinrichtung besteht, entscheidet über die Wartezeit. Bitte erfassen.",
        "Whether the person must still live in a reception centre decides the waiting period. Please record it.",
    ),
    Rule::new("work.gestattung", T, O::WithPermission, "AsylG § 61 Abs. 2 Satz 1; BeschV § 32", |ctx| {
        // The waiting rule above needs the date too; without it nothing can be said.
        ctx.stay_since()?;
        (gestattung(ctx) && ctx.lives_in_reception_centre() == Some(false)).then_some(Hit::default())
    })
    .text(
        "Nach drei Monaten: Beschäftigung mit Erlaubnis der Ausländerbehörde, in der Regel mit Zustimmung der BA.",
        "After three months: employment with the immigration office's permission, usually with BA consent.",
    ),
    Rule::new("work.duldung_light", T, O::NotPermitted, "AufenthG § 60b Abs. 5 Satz 2", |ctx| {
        duldung_kind(ctx, &[D::UnclearIdentity]).then_some(Hit::default())
    })
    .text(
        "Duldung für Personen mit ungeklärter Identität: Erwerbstätigkeit darf nicht erlaubt werden.",
        "Duldung for persons with unclear identity: work must not be permitted.",
    ),
    Rule::new("work.duldung_training", T, O::Permitted, "AufenthG § 60c Abs. 1; § 4a Abs. 4", |ctx| {
        duldung_kind(ctx, &[D::Training]).then(|| Hit::detail("training_named_in_duldung")).flatten()
    })
    .text(
        "Ausbildungsduldung: die darin genannte Berufsausbildung ist erlaubt; anderes nur mit Erlaubnis.",
        "Training Duldung: the vocational training it names is permitted; anything else needs permission.",
    ),
    Rule::new("work.duldung_employment", T, O::Permitted, "AufenthG § 60d Abs. 1; § 4a Abs. 4", |ctx| {
        duldung_kind(ctx, &[D::Employment]).then(|| Hit::detail("employment_named_in_duldung")).flatten()
    })
    .text(
        "Beschäftigungsduldung: die ausgeübte Beschäftigung ist erlaubt.",
        "Employment Duldung: the current employment is permitted.",
    ),
    Rule::new("work.duldung_safe_country", T, O::NotPermitted, "AufenthG § 60a Abs. 6 Satz 1 Nr. 3", |ctx| {
        (duldung_kind(ctx, &[D::General, D::Discretionary]) && safe_country_after_cutoff(ctx)?)
            .then_some(Hit::default())
    })
    .text(
        "Sicherer Herkunftsstaat, Asylantrag nach dem 31.8.2015 abgelehnt oder zurückgenommen: Beschäftigungsverbot.",
        "Safe country of origin, asylum application after 31 Aug 2015 rejected or withdrawn: employment banned.",
    ),
    Rule::new("work.duldung_safe_country_unknown", T, O::UnknownCheckManually, "AufenthG § 60a Abs. 6 Satz 1 Nr. 3", |ctx| {
        (duldung_kind(ctx, &[D::General, D::Discretionary]) && safe_country_after_cutoff(ctx).is_none())
            .then(|| Hit::detail("asylum_application_date_missing"))
            .flatten()
    })
    .text(
        "Sicherer Herkunftsstaat: Beschäftigungsverbot, wenn ein Asylantrag nach dem 31.8.2015 abgelehnt wurde. Datum des Asylantrags erfassen.",
        "Safe country of origin: employment is banned if an asylum application after 31 Aug 2015 was rejected. Record the application date.",
    ),
    Rule::new("work.duldung_waiting", T, O::NotPermitted, "BeschV § 32 Abs. 1", |ctx| {
        let since = ctx.stay_since()?;
        (duldung_kind(ctx, &[D::General, D::Discretionary]) && !ctx.months_since(since, 3)).then_some(Hit::default())
    })
    .text(
        "Weniger als drei Monate erlaubter, geduldeter oder gestatteter Aufenthalt: noch keine Beschäftigung.",
        "Less than three months of lawful, tolerated or permitted stay: no employment yet.",
    ),
    Rule::new("work.duldung", T, O::WithPermission, "AufenthG § 4a Abs. 4; § 60a Abs. 6; BeschV § 32", |ctx| {
        ctx.stay_since()?;
        duldung_kind(ctx, &[D::General, D::Discretionary]).then_some(Hit::default())
    })
    .text(
        "Beschäftigung mit Erlaubnis der Ausländerbehörde (ggf. Zustimmung der BA); ausgeschlossen bei eigenem Verschulden an der Nichtabschiebung (§ 60a Abs. 6).",
        "Employment with the immigration office's permission (BA consent where needed); excluded if the person is to blame for non-removal (§ 60a(6)).",
    ),
    Rule::new("work.title_permits", T, O::Permitted, "{cite}", |ctx| {
        if !ctx.is_status(S::Aufenthaltserlaubnis) {
            return None;
        }
        let p = ctx.known_paragraph()?;
        TITLE_PERMITS.iter().find(|(q, _)| *q == p).and_then(|(_, cite)| Hit::cite(cite))
    })
    .text("Der Titel berechtigt kraft Gesetzes zur Erwerbstätigkeit.", "The title permits any work by law."),
    Rule::new("work.purpose_bound", T, O::Permitted, "AufenthG § 4a Abs. 1 Satz 2, Abs. 3", |ctx| {
        (ctx.is_status(S::Aufenthaltserlaubnis) && ctx.paragraph_in(PURPOSE_BOUND))
            .then(|| Hit::detail("only_as_stated_in_title"))
            .flatten()
    })
    .text(
        "Zweckgebundener Titel: nur die im Titel genannte Beschäftigung bzw. der genannte Umfang.",
        "Purpose-bound title: only the work, or the amount of work, the title states.",
    ),
    Rule::new("work.check_document", T, O::UnknownCheckManually, "AufenthG § 4a Abs. 1 und 3", |ctx| {
        if !ctx.is_status(S::Aufenthaltserlaubnis) {
            return None;
        }
        let p = ctx.paragraph()?;
        Hit::detail(format!("read_annotation: {}", p.raw()))
    })
    .text(
        "Für diesen Titel ({detail}) bitte die Nebenbestimmung zur Erwerbstätigkeit auf dem Dokument erfassen.",
        "For this title ({detail}) please record the annotation on work from the document.",
    ),
    Rule::new("work.missing", T, O::UnknownCheckManually, "AufenthG § 4a", |ctx| {
        let reason = match ctx.status() {
            None => "residence_status_missing",
            Some(S::Aufenthaltserlaubnis) => "paragraph_missing",
            Some(S::Duldung) if ctx.duldung_kind().is_none() => "duldung_kind_missing",
            Some(S::Duldung) => "arrival_date_missing",
            Some(S::Aufenthaltsgestattung) => "arrival_date_missing",
            _ => "status_other",
        };
        Hit::detail(reason)
    })
    .text(
        "Für eine Aussage fehlt eine Angabe ({detail}). Bitte ergänzen oder die Nebenbestimmung erfassen.",
        "A fact is missing to decide ({detail}). Please record it or the annotation on work.",
    ),
];
