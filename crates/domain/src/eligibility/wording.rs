//! The words for a finding's detail in its explanation. The detail itself stays a stable code
//! (API clients and the UI translate it); the sentences name it in plain German and English —
//! "zu erwarten: SGB II bei Erwerbsfähigkeit, sonst SGB XII", never the code.

use super::Topic;
use crate::residence::DuldungKind;

/// Codes and their (German, English) wording, for every detail a rule's text interpolates.
const WORDS: &[(&str, &str, &str)] = &[
    // The recorded benefits law (ag.recorded).
    ("sgb2", "SGB II", "SGB II"),
    ("sgb3", "SGB III", "SGB III"),
    ("sgb12", "SGB XII", "SGB XII"),
    ("asylblg", "AsylbLG", "AsylbLG"),
    ("sgb8", "SGB VIII", "SGB VIII"),
    ("none", "kein Leistungsbezug", "no benefits"),
    // The benefits law to expect (ag.expected).
    ("expected_asylblg", "AsylbLG", "AsylbLG"),
    (
        "expected_asylblg_or_sgb2",
        "AsylbLG oder SGB II",
        "AsylbLG or SGB II",
    ),
    (
        "expected_sgb2_if_employable_else_sgb12",
        "SGB II bei Erwerbsfähigkeit, sonst SGB XII",
        "SGB II if able to work, otherwise SGB XII",
    ),
    (
        "expected_sgb2_if_worker_else_check_exclusion",
        "SGB II bei Erwerbstätigkeit, sonst Leistungsausschluss prüfen",
        "SGB II if in work, otherwise check the exclusion from benefits",
    ),
    (
        "benefits_law_not_recorded",
        "unklar (Aufenthaltsstatus fehlt oder ist „sonstiges“)",
        "unclear (the residence status is missing or \"other\")",
    ),
    // Course types (ct.placement).
    (
        "general",
        "Allgemeiner Integrationskurs",
        "general integration course",
    ),
    ("literacy", "Alphabetisierungskurs", "literacy course"),
    (
        "second_script",
        "Zweitschriftlernerkurs",
        "second-script course",
    ),
    (
        "special_need",
        "Kurs für Menschen mit besonderem sprachpädagogischem Förderbedarf",
        "course for people with special educational needs",
    ),
    ("intensive", "Intensivkurs", "intensive course"),
    (
        "youth",
        "Jugendintegrationskurs",
        "youth integration course",
    ),
    (
        "parents_or_women",
        "Eltern- bzw. Frauenintegrationskurs",
        "parents' or women's integration course",
    ),
    // Groups that may be admitted (§ 44 Abs. 4).
    ("eu_citizen", "Unionsbürger/innen", "EU citizens"),
    (
        "german_citizen",
        "Deutsche ohne ausreichende Deutschkenntnisse",
        "German citizens without sufficient German",
    ),
    (
        "gestattung",
        "Asylsuchende mit Aufenthaltsgestattung",
        "asylum seekers with an Aufenthaltsgestattung",
    ),
    (
        "duldung_60a_2_3",
        "Duldung nach § 60a Abs. 2 Satz 3",
        "Duldung under § 60a(2) sentence 3",
    ),
    (
        "title_24_or_25_5",
        "Aufenthaltserlaubnis nach § 24 oder § 25 Abs. 5",
        "residence permit under § 24 or § 25(5)",
    ),
    (
        "entitlement_expired",
        "Anspruch nach einem Jahr erloschen",
        "entitlement lapsed after one year",
    ),
    (
        "no_entitlement",
        "Titel ohne Teilnahmeanspruch",
        "title without entitlement",
    ),
    // What is missing to decide (ik.missing_facts, work.missing).
    (
        "residence_status_missing",
        "Aufenthaltsstatus",
        "residence status",
    ),
    (
        "paragraph_missing",
        "Paragraph des Aufenthaltstitels",
        "paragraph of the residence title",
    ),
    ("duldung_kind_missing", "Art der Duldung", "kind of Duldung"),
    (
        "arrival_date_missing",
        "Datum der Einreise",
        "date of arrival",
    ),
    (
        "status_other",
        "genauer Aufenthaltsstatus",
        "exact residence status",
    ),
    // Job-related courses (DeuFöV § 13).
    ("special_a2_b1", "A2 → B1", "A2 → B1"),
    ("special_below_a2_a2", "unter A2 → A2", "below A2 → A2"),
];

/// The Duldung kinds that do not open admission (ik.duldung_other), by their provision.
fn duldung(kind: DuldungKind) -> (&'static str, &'static str) {
    match kind {
        DuldungKind::General => ("§ 60a Abs. 2 Satz 1", "§ 60a(2) sentence 1"),
        DuldungKind::Discretionary => ("§ 60a Abs. 2 Satz 3", "§ 60a(2) sentence 3"),
        DuldungKind::Training => ("§ 60c", "§ 60c"),
        DuldungKind::Employment => ("§ 60d", "§ 60d"),
        DuldungKind::UnclearIdentity => ("§ 60b", "§ 60b"),
    }
}

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "2025-10-01" → ("01.10.2025", "1 Oct 2025").
fn date(detail: &str) -> Option<(String, String)> {
    let d = time::Date::parse(
        detail,
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .ok()?;
    let month = u8::from(d.month());
    Some((
        format!("{:02}.{month:02}.{}", d.day(), d.year()),
        format!(
            "{} {} {}",
            d.day(),
            MONTHS_EN[usize::from(month) - 1],
            d.year()
        ),
    ))
}

/// The detail of a finding on `topic` in German and English words. A number (the start
/// module) and the document's own wording of a work annotation stay as they are.
pub(super) fn words(topic: Topic, detail: &str) -> (String, String) {
    let both = |s: &str| (s.to_owned(), s.to_owned());
    if topic == Topic::IntegrationCourse
        && let Ok(kind) = DuldungKind::parse(detail)
    {
        let (de, en) = duldung(kind);
        return (de.to_owned(), en.to_owned());
    }
    if let Some((_, de, en)) = WORDS.iter().find(|(code, _, _)| *code == detail) {
        return (de.to_string(), en.to_string());
    }
    if let Some(d) = date(detail) {
        return d;
    }
    // "unknown_paragraph: 104z", "read_annotation: 25(5)": the paragraph as written.
    if let Some((_, paragraph)) = detail
        .split_once(": ")
        .filter(|(code, _)| matches!(*code, "unknown_paragraph" | "read_annotation"))
    {
        return both(&format!("§ {paragraph}"));
    }
    // "basic_b1_b2": the basic job-related course from B1 to B2.
    if let Some(levels) = detail.strip_prefix("basic_")
        && let Some((from, to)) = levels.split_once('_')
    {
        return both(&format!("{} → {}", from.to_uppercase(), to.to_uppercase()));
    }
    both(detail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_as_words() {
        let de = |topic, d| words(topic, d).0;
        let en = |topic, d| words(topic, d).1;
        assert_eq!(
            de(
                Topic::ResponsibleAgency,
                "expected_sgb2_if_employable_else_sgb12"
            ),
            "SGB II bei Erwerbsfähigkeit, sonst SGB XII"
        );
        assert_eq!(
            de(Topic::CourseType, "general"),
            "Allgemeiner Integrationskurs"
        );
        assert_eq!(
            de(Topic::IntegrationCourse, "general"),
            "§ 60a Abs. 2 Satz 1"
        );
        assert_eq!(de(Topic::IntegrationCourse, "2025-10-01"), "01.10.2025");
        assert_eq!(en(Topic::IntegrationCourse, "2025-10-01"), "1 Oct 2025");
        assert_eq!(
            de(Topic::IntegrationCourse, "unknown_paragraph: 104z"),
            "§ 104z"
        );
        assert_eq!(de(Topic::AccessToWork, "read_annotation: 25(5)"), "§ 25(5)");
        assert_eq!(de(Topic::JobRelatedGerman, "basic_b2_c1"), "B2 → C1");
        assert_eq!(de(Topic::StartModule, "3"), "3");
        assert_eq!(
            de(Topic::AccessToWork, "Beschäftigung gestattet"),
            "Beschäftigung gestattet"
        );
        for (code, de, en) in WORDS {
            assert!(
                !de.contains('_') && !en.contains('_'),
                "{code}: {de} / {en}"
            );
        }
    }
}
