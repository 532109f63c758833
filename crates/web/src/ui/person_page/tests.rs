use super::*;
use ankommen_domain::eligibility::CourseType;
use ankommen_domain::residence::BenefitsLaw;

fn ctx(lang: Lang) -> Ctx {
    Ctx {
        lang,
        user: None,
        path: String::new(),
        notice: None,
        unread: 0,
    }
}

/// Every detail the eligibility rules give, by topic (`Hit::detail` and the details
/// built in `crates/domain/src/eligibility/*.rs`).
fn details() -> Vec<(Topic, String)> {
    let mut all: Vec<(Topic, &str)> = Vec::new();
    for d in [
        "eu_citizen",
        "german_citizen",
        "gestattung",
        "duldung_60a_2_3",
        "title_24_or_25_5",
        "entitlement_expired",
        "no_entitlement",
        "title_expired",
        "title_shorter_than_one_year",
        "first_issued_on_missing",
        "labour_market_proximity",
        "safe_country_of_origin",
        "unknown_paragraph: 104z",
        "residence_status_missing",
        "paragraph_missing",
        "duldung_kind_missing",
        "status_other",
        "2025-10-01",
    ] {
        all.push((Topic::IntegrationCourse, d));
    }
    for k in DuldungKind::ALL {
        all.push((Topic::IntegrationCourse, k.as_str()));
    }
    for c in CourseType::ALL {
        all.push((Topic::CourseType, c.as_str()));
    }
    all.push((Topic::CourseType, "literacy_not_recorded"));
    all.push((Topic::CourseType, "other_script_not_recorded"));
    all.push((Topic::StartModule, "placement_test_needed"));
    for d in [
        "labour_market_proximity",
        "good_prospects_or_early_entry",
        "safe_country_of_origin",
        "german_level_missing",
        "basic_b1_b2",
        "basic_b2_c1",
        "basic_c1_c2",
        "special_a2_b1",
        "special_below_a2_a2",
        "attended_integration_course_not_recorded",
    ] {
        all.push((Topic::JobRelatedGerman, d));
    }
    for a in WorkAnnotation::ALL {
        all.push((Topic::AccessToWork, a.label_de()));
    }
    for d in [
        "title_expired",
        "reception_centre_not_recorded",
        "training_named_in_duldung",
        "employment_named_in_duldung",
        "asylum_application_date_missing",
        "only_as_stated_in_title",
        "read_annotation: 25(5)",
        "residence_status_missing",
        "paragraph_missing",
        "duldung_kind_missing",
        "arrival_date_missing",
        "status_other",
    ] {
        all.push((Topic::AccessToWork, d));
    }
    for b in BenefitsLaw::ALL {
        all.push((Topic::ResponsibleAgency, b.as_str()));
    }
    for d in [
        "asylblg_section_2",
        "planned_switch_to_asylblg",
        "expected_asylblg",
        "expected_asylblg_or_sgb2",
        "expected_sgb2_if_employable_else_sgb12",
        "expected_sgb2_if_worker_else_check_exclusion",
        "benefits_law_not_recorded",
    ] {
        all.push((Topic::ResponsibleAgency, d));
    }
    // A question no rule covers on the date.
    for t in Topic::ALL {
        all.push((*t, "no_rule"));
    }
    all.into_iter().map(|(t, d)| (t, d.to_owned())).collect()
}

#[test]
fn every_eligibility_detail_reads_as_words_in_both_languages() {
    for lang in Lang::ALL {
        let ctx = ctx(lang);
        for (topic, d) in details() {
            let label = detail_label(&ctx, topic, &d);
            assert!(!label.contains('_'), "{lang:?} {topic}: {d} → {label}");
            let code = d
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            assert!(!code || label != d, "{lang:?} {topic}: {d} untranslated");
        }
    }
    let de = ctx(Lang::De);
    assert_eq!(detail_label(&de, Topic::StartModule, "2"), "2");
    assert_eq!(
        detail_label(&de, Topic::IntegrationCourse, "2025-10-01"),
        "01.10.2025"
    );
    assert_eq!(
        detail_label(&de, Topic::CourseType, "general"),
        "Allgemeiner Integrationskurs"
    );
    assert!(detail_label(&de, Topic::IntegrationCourse, "general").contains("§ 60a"));
    assert_eq!(
        detail_label(&de, Topic::IntegrationCourse, "unknown_paragraph: 104z"),
        "unbekannter Paragraph: § 104z"
    );
    assert_eq!(
        detail_label(
            &ctx(Lang::En),
            Topic::AccessToWork,
            "Beschäftigung gestattet"
        ),
        "Employment permitted"
    );
}

#[test]
fn timeline_summaries_are_short_and_readable() {
    let de = ctx(Lang::De);
    let s = section_summary(
        &de,
        "family",
        r#"{"partner":"in_household","children":[{"birth_year":2024,"needs_childcare":true}],"household_size":3}"#,
    );
    assert_eq!(
        s,
        "Partner/in: im Haushalt; Personen im Haushalt: 3; Kinder: 1"
    );
    let s = section_summary(
        &de,
        "german",
        r#"{"self_assessed":"none","placement_level":"A1","placement_date":"2026-11-02","start_module":2,"certificate_level":null,"certificate_date":null}"#,
    );
    assert_eq!(
        s,
        "Selbsteinschätzung: keine Kenntnisse; Einstufungstest: Niveau: A1; Einstufungstest: Datum: 02.11.2026; Einstiegsmodul: 2"
    );
    let s = section_summary(
        &de,
        "goals",
        &format!(r#"{{"own_words":"{}","goals":[]}}"#, "x".repeat(500)),
    );
    assert!(s.chars().count() <= CLIP && s.ends_with('…'), "{s}");
    assert_eq!(
        section_summary(&de, "mobility", "{}"),
        de.t("persons-history-empty")
    );
    assert_eq!(
        languages(r#"[{"language":"ar","level":"C2"},{"language":"uk"}]"#),
        "ar (C2), uk"
    );
    assert_eq!(date_text("1990-04"), "04.1990");
}
