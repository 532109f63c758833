//! Rules of the situation analysis sections.
use super::*;
use serde_json::json;
use time::macros::date;

const TODAY: Date = date!(2026 - 11 - 23);

fn check(section: Section, v: serde_json::Value) -> Result<Content, Vec<FieldError>> {
    let mut content = parse(section, v)
        .map_err(|e| vec![FieldError::new("content", "malformed", e.to_string())])?;
    content.normalize();
    let errs = content.validate(TODAY);
    if errs.is_empty() {
        Ok(content)
    } else {
        Err(errs)
    }
}

fn codes(r: Result<Content, Vec<FieldError>>) -> Vec<(&'static str, &'static str)> {
    r.unwrap_err().iter().map(|e| (e.field, e.code)).collect()
}

#[test]
fn every_section_has_a_data_class_and_health_is_special() {
    assert_eq!(Section::Health.data_class(), DataClass::Health);
    assert_eq!(Section::Family.data_class(), DataClass::Family);
    assert_eq!(Section::Social.data_class(), DataClass::Family);
    assert_eq!(Section::Goals.data_class(), DataClass::Notes);
    assert_eq!(Section::Assessment.data_class(), DataClass::Notes);
    assert_eq!(Section::Mobility.data_class(), DataClass::Education);
    assert_eq!(Section::Availability.data_class(), DataClass::Education);
    assert_eq!(Section::ALL.len(), 10);
}

#[test]
fn german_levels_use_cefr_and_start_module_is_1_to_6() {
    let ok = check(
        Section::German,
        json!({"self_assessed": "a2", "placement_level": "a2", "placement_date": "2026-10-01",
               "start_module": "3", "certificate_level": "", "certificate_date": ""}),
    )
    .unwrap();
    let Content::German(g) = ok else { panic!() };
    assert_eq!(g.self_assessed.as_deref(), Some("A2"));
    assert_eq!(g.start_module, Some(3));
    assert_eq!(g.certificate_level, None);
    let errs = codes(check(
        Section::German,
        json!({"placement_level": "B3", "start_module": 7, "certificate_date": "31.02.2024",
               "self_assessed": "fluent", "placement_date": "2027-01-01"}),
    ));
    assert!(
        errs.contains(&("placement_level", "invalid_level")),
        "{errs:?}"
    );
    assert!(
        errs.contains(&("self_assessed", "invalid_level")),
        "{errs:?}"
    );
    assert!(
        errs.contains(&("start_module", "implausible_number")),
        "{errs:?}"
    );
    assert!(
        errs.contains(&("certificate_date", "impossible_date")),
        "{errs:?}"
    );
    assert!(
        errs.contains(&("placement_date", "future_date")),
        "{errs:?}"
    );
    assert_eq!(
        codes(check(Section::German, json!({"start_module": 0}))),
        vec![("start_module", "implausible_number")]
    );
}

#[test]
fn children_born_in_the_future_are_refused() {
    let errs = codes(check(
        Section::Family,
        json!({"children": [{"birth_year": 2027}], "partner": "in_household"}),
    ));
    assert_eq!(errs, vec![("children", "future_year")]);
    let errs = codes(check(
        Section::Family,
        json!({"children": [{"birth_year": 2020}, {"birth_year": 2022}], "household_size": 2}),
    ));
    assert_eq!(errs, vec![("household_size", "household_too_small")]);
    let ok = check(
        Section::Family,
        json!({"partner": "abroad", "household_size": "4",
               "children": [{"birth_year": "2021", "needs_childcare": "yes"}, {"birth_year": "", "needs_childcare": ""}]}),
    )
    .unwrap();
    let Content::Family(f) = ok else { panic!() };
    assert_eq!(f.children.len(), 1);
    assert!(f.children[0].needs_childcare);
    assert_eq!(
        codes(check(Section::Family, json!({"partner": "married"}))),
        vec![("partner", "unknown_value")]
    );
}

#[test]
fn years_and_codes_must_be_plausible() {
    assert_eq!(
        codes(check(
            Section::Schooling,
            json!({"years": 40, "country": "Syria"})
        )),
        vec![
            ("years", "implausible_number"),
            ("country", "invalid_country")
        ]
    );
    let ok = check(Section::Schooling, json!({"years": 12, "country": "sy"})).unwrap();
    assert_eq!(serde_json::to_value(&ok).unwrap()["country"], json!("SY"));
    let errs = codes(check(
        Section::Vocational,
        json!({"qualifications": [{"title": "Bauingenieur", "country": "SY", "recognition": "maybe"}],
               "work": [{"occupation": "Elektriker", "years": 80, "kldb": "26"}]}),
    ));
    assert!(
        errs.contains(&("qualifications", "unknown_value")),
        "{errs:?}"
    );
    assert!(errs.contains(&("work", "implausible_number")), "{errs:?}");
    assert!(check(
        Section::Vocational,
        json!({"qualifications": [{"title": "Bauingenieur", "country": "SY", "recognition": "pending"}],
               "work": [{"occupation": "Elektriker", "years": 8, "kldb": "26212"}], "current_employment": ""}),
    )
    .is_ok());
}

#[test]
fn texts_are_limited_to_2000_characters() {
    let long = "x".repeat(MAX_TEXT + 1);
    let errs = check(Section::Health, json!({"limitations": long})).unwrap_err();
    assert_eq!(errs[0].code, "too_long");
    assert_eq!(errs[0].limit, Some(MAX_TEXT));
    assert!(check(
        Section::Health,
        json!({"limitations": "Rückenschmerzen,\nkann nicht lange sitzen", "affects_participation": "yes"})
    )
    .is_ok());
    assert_eq!(
        codes(check(
            Section::Assessment,
            json!({"text": "a".repeat(2001)})
        )),
        vec![("text", "too_long")]
    );
}

#[test]
fn goals_need_a_known_action_field() {
    assert!(check(
        Section::Goals,
        json!({"own_words": "Ich möchte als Pflegerin arbeiten", "goals": [{"field": "work", "text": "Pflegehelferin"}, {"field": "", "text": ""}]})
    )
    .is_ok());
    assert_eq!(
        codes(check(
            Section::Goals,
            json!({"goals": [{"field": "money", "text": "x"}]})
        )),
        vec![("goals", "unknown_value")]
    );
    assert_eq!(
        codes(check(Section::Goals, json!({"goals": [{"text": "x"}]}))),
        vec![("goals", "required")]
    );
}

#[test]
fn availability_days_are_weekdays_and_flags_accept_form_values() {
    let ok = check(
        Section::Availability,
        json!({"mornings": "on", "evenings": false, "days": ["fri", "mon", "mon"]}),
    )
    .unwrap();
    let Content::Availability(a) = ok else {
        panic!()
    };
    assert!(a.mornings && !a.afternoons && !a.evenings);
    assert_eq!(a.days, vec!["mon", "fri"]);
    assert_eq!(
        codes(check(Section::Availability, json!({"days": ["someday"]}))),
        vec![("days", "unknown_value")]
    );
}

#[test]
fn wrong_types_and_unknown_fields_are_format_errors() {
    assert!(parse(Section::Schooling, json!({"years": "viele"})).is_err());
    assert!(parse(Section::Mobility, json!({"car": "perhaps"})).is_err());
    assert!(parse(Section::Health, json!({"diagnosis": "x"})).is_err());
    assert!(
        parse(
            Section::Mobility,
            json!({"car": true, "driving_licence": "no"})
        )
        .is_ok()
    );
}
