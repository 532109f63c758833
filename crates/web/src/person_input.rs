//! Person input from the API (JSON) and the forms, validated into the stored form with every
//! field's error collected. Dates of birth may be partial; unknown residence paragraphs are
//! kept (eligibility then says "check manually").

use ankommen_db::persons::{NameVariant, PersonValues};
use ankommen_domain::cefr::{CefrLevel, GermanLevel};
use ankommen_domain::date::PartialDate;
use ankommen_domain::person::{CaseStatus, NameKind, Sex};
use ankommen_domain::residence::{BenefitsLaw, Residence, WorkAnnotation};
use ankommen_domain::validate::{FieldError, optional_email, optional_text, required_text};
use serde::{Deserialize, Serialize};

/// The residence part of a person as the API sends it.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
pub struct ResidenceIn {
    /// aufenthaltsgestattung, duldung, aufenthaltserlaubnis, niederlassungserlaubnis,
    /// daueraufenthalt_eu, eu_freedom_of_movement, german_citizen, other
    pub status: String,
    /// As written in the law, e.g. "25(2)", "24", "16a".
    #[serde(default)]
    pub paragraph: Option<String>,
    #[serde(default)]
    pub duldung_kind: Option<String>,
    #[serde(default)]
    pub first_issued_on: Option<String>,
    #[serde(default)]
    pub valid_until: Option<String>,
}

/// A language someone speaks.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq, utoipa::ToSchema)]
pub struct LanguageIn {
    /// ISO 639 code, e.g. "ar", "uk", "ti".
    pub language: String,
    /// CEFR level, or "native".
    #[serde(default)]
    pub level: Option<String>,
}

/// A person as the API sends it. Only `family_name` and `given_names` are required.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
pub struct PersonIn {
    pub family_name: String,
    pub given_names: String,
    #[serde(default)]
    pub birth_name: Option<String>,
    /// female, male, diverse, unknown (default)
    #[serde(default)]
    pub sex: Option<String>,
    /// "1990-04-02", "1990-04", "1990", or German "02.04.1990", "00.00.1990".
    #[serde(default)]
    pub birth_date: Option<String>,
    #[serde(default)]
    pub birth_place: Option<String>,
    #[serde(default)]
    pub birth_country: Option<String>,
    /// ISO 3166 alpha-2 codes.
    #[serde(default)]
    pub nationalities: Vec<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub street: Option<String>,
    #[serde(default)]
    pub postcode: Option<String>,
    #[serde(default)]
    pub municipality_id: Option<String>,
    #[serde(default)]
    pub arrived_germany_on: Option<String>,
    #[serde(default)]
    pub arrived_county_on: Option<String>,
    #[serde(default)]
    pub residence: Option<ResidenceIn>,
    /// work_permitted, employment_permitted, employment_with_permission, work_not_permitted
    #[serde(default)]
    pub work_annotation: Option<String>,
    /// sgb2, sgb3, sgb12, asylblg, sgb8, none
    #[serde(default)]
    pub benefits_law: Option<String>,
    #[serde(default)]
    pub responsible_org_id: Option<String>,
    /// A CEFR level (A1 … C2) or "none".
    #[serde(default)]
    pub german_level: Option<String>,
    #[serde(default)]
    pub literate_latin: Option<bool>,
    #[serde(default)]
    pub languages: Vec<LanguageIn>,
    /// Further names: other documents, transliterations, aliases.
    /// `[{"family_name", "given_names", "kind": "document|transliteration|alias|birth"}]`
    #[serde(default)]
    #[schema(value_type = Vec<Object>)]
    pub names: Vec<NameVariant>,
    /// The responsible counsellor (a user id); a counsellor creating a person takes it on.
    /// On update, leaving it out keeps the current one and `""` removes it.
    #[serde(default)]
    pub counsellor_id: Option<String>,
    /// open (default), dormant, closed
    #[serde(default)]
    pub case_status: Option<String>,
    #[serde(default)]
    pub case_status_reason: Option<String>,
}

fn opt(v: &Option<String>) -> &str {
    v.as_deref().unwrap_or("")
}

fn uuid_field(
    errs: &mut Vec<FieldError>,
    field: &'static str,
    raw: &Option<String>,
) -> Option<String> {
    let raw = raw.as_deref().map(str::trim).filter(|s| !s.is_empty())?;
    match ankommen_domain::ids::PersonId::parse(raw) {
        Ok(id) => Some(id.into_string()),
        Err(e) => {
            errs.push(FieldError::new(field, "invalid_id", e.to_string()));
            None
        }
    }
}

fn date_field(
    errs: &mut Vec<FieldError>,
    field: &'static str,
    raw: &Option<String>,
    not_after: Option<time::Date>,
) -> Option<String> {
    let raw = raw.as_deref().map(str::trim).filter(|s| !s.is_empty())?;
    let parsed = match not_after {
        Some(today) => PartialDate::parse_not_after(field, raw, today),
        None => PartialDate::parse(field, raw),
    };
    match parsed {
        Ok(d) => Some(d.to_string()),
        Err(e) => {
            errs.push(e);
            None
        }
    }
}

fn enum_field<T>(
    errs: &mut Vec<FieldError>,
    field: &'static str,
    raw: &Option<String>,
    parse: impl Fn(&str) -> Result<T, ankommen_domain::UnknownValue>,
    text: impl Fn(T) -> String,
) -> Option<String> {
    let raw = raw.as_deref().map(str::trim).filter(|s| !s.is_empty())?;
    match parse(raw) {
        Ok(v) => Some(text(v)),
        Err(e) => {
            errs.push(FieldError::new(field, "unknown_value", e.to_string()));
            None
        }
    }
}

fn text_field(
    errs: &mut Vec<FieldError>,
    field: &'static str,
    raw: &Option<String>,
    max: usize,
) -> Option<String> {
    optional_text(field, opt(raw), max)
        .map_err(|e| errs.push(e))
        .ok()
        .flatten()
}

/// Validates a person. `today` bounds dates of birth and arrival.
pub fn person(
    raw: &PersonIn,
    today: time::Date,
) -> Result<(PersonValues, Vec<NameVariant>), Vec<FieldError>> {
    let mut errs = Vec::new();
    let family_name = required_text("family_name", &raw.family_name, 200)
        .map_err(|e| errs.push(e))
        .ok();
    let given_names = required_text("given_names", &raw.given_names, 200)
        .map_err(|e| errs.push(e))
        .ok();
    let sex = enum_field(&mut errs, "sex", &raw.sex, Sex::parse, |s| {
        s.as_str().to_owned()
    })
    .unwrap_or_else(|| "unknown".to_owned());
    let birth_date = date_field(&mut errs, "birth_date", &raw.birth_date, Some(today));
    let mut nationalities = Vec::new();
    for n in &raw.nationalities {
        let code = n.trim().to_ascii_uppercase();
        if code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase()) {
            if !nationalities.contains(&code) {
                nationalities.push(code);
            }
        } else {
            errs.push(FieldError::new(
                "nationalities",
                "invalid_country",
                format!(
                    "'{}' is not an ISO 3166 two-letter country code",
                    n.chars().take(20).collect::<String>()
                ),
            ));
        }
    }
    let email = optional_email(opt(&raw.email))
        .map_err(|e| errs.push(e))
        .ok()
        .flatten();
    let postcode = text_field(&mut errs, "postcode", &raw.postcode, 10);
    if let Some(p) = &postcode
        && !(p.len() == 5 && p.chars().all(|c| c.is_ascii_digit()))
    {
        errs.push(FieldError::new(
            "postcode",
            "invalid_postcode",
            "a German postcode has five digits",
        ));
    }
    let residence = raw
        .residence
        .as_ref()
        .filter(|r| !r.status.trim().is_empty());
    let parsed_residence = residence
        .map(|r| Residence::parse(&r.status, r.paragraph.as_deref(), r.duldung_kind.as_deref()));
    let (status, paragraph, duldung_kind) = match parsed_residence {
        Some(Ok(r)) => (
            Some(r.status.as_str().to_owned()),
            r.paragraph.map(|p| p.as_str().to_owned()),
            r.duldung_kind.map(|k| k.as_str().to_owned()),
        ),
        Some(Err(e)) => {
            errs.push(e);
            (None, None, None)
        }
        None => (None, None, None),
    };
    let first_issued = residence.and_then(|r| {
        date_field(
            &mut errs,
            "residence.first_issued_on",
            &r.first_issued_on,
            Some(today),
        )
    });
    let valid_until = residence
        .and_then(|r| date_field(&mut errs, "residence.valid_until", &r.valid_until, None));
    let mut languages = Vec::new();
    for l in &raw.languages {
        let code = l.language.trim().to_ascii_lowercase();
        if !(2..=3).contains(&code.len()) || !code.chars().all(|c| c.is_ascii_lowercase()) {
            errs.push(FieldError::new(
                "languages",
                "invalid_language",
                format!(
                    "'{}' is not an ISO 639 language code",
                    l.language.chars().take(20).collect::<String>()
                ),
            ));
            continue;
        }
        let level = match l.level.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => None,
            Some(lv) if lv.eq_ignore_ascii_case("native") => Some("native".to_owned()),
            Some(lv) => match CefrLevel::parse(lv) {
                Ok(c) => Some(c.as_str().to_owned()),
                Err(e) => {
                    errs.push(FieldError::new("languages", "unknown_value", e.to_string()));
                    None
                }
            },
        };
        languages.push(LanguageIn {
            language: code,
            level,
        });
    }
    let case_status = enum_field(
        &mut errs,
        "case_status",
        &raw.case_status,
        CaseStatus::parse,
        |s| s.as_str().to_owned(),
    )
    .unwrap_or_else(|| "open".to_owned());
    let case_status_reason = text_field(
        &mut errs,
        "case_status_reason",
        &raw.case_status_reason,
        500,
    );
    if case_status == "closed" && case_status_reason.is_none() {
        errs.push(FieldError::new(
            "case_status_reason",
            "required",
            "closing a case needs a reason",
        ));
    }
    let mut names = Vec::new();
    for n in &raw.names {
        let f = required_text("names", &n.family_name, 200);
        let g = optional_text("names", &n.given_names, 200);
        let k = NameKind::parse(n.kind.trim());
        match (f, g, k) {
            (Ok(f), Ok(g), Ok(k)) => names.push(NameVariant {
                family_name: f,
                given_names: g.unwrap_or_default(),
                kind: k.as_str().to_owned(),
            }),
            (Err(e), ..) | (_, Err(e), _) => errs.push(e),
            (.., Err(e)) => errs.push(FieldError::new("names", "unknown_value", e.to_string())),
        }
    }
    let values = PersonValues {
        family_name: family_name.unwrap_or_default(),
        given_names: given_names.unwrap_or_default(),
        birth_name: text_field(&mut errs, "birth_name", &raw.birth_name, 200),
        sex,
        birth_date,
        birth_place: text_field(&mut errs, "birth_place", &raw.birth_place, 200),
        birth_country: text_field(&mut errs, "birth_country", &raw.birth_country, 100),
        nationalities: nationalities.join(","),
        phone: text_field(&mut errs, "phone", &raw.phone, 50),
        email,
        street: text_field(&mut errs, "street", &raw.street, 200),
        postcode,
        municipality_id: uuid_field(&mut errs, "municipality_id", &raw.municipality_id),
        arrived_germany_on: date_field(
            &mut errs,
            "arrived_germany_on",
            &raw.arrived_germany_on,
            Some(today),
        ),
        arrived_county_on: date_field(
            &mut errs,
            "arrived_county_on",
            &raw.arrived_county_on,
            Some(today),
        ),
        residence_status: status,
        residence_paragraph: paragraph,
        residence_duldung_kind: duldung_kind,
        residence_first_issued_on: first_issued,
        residence_valid_until: valid_until,
        work_annotation: enum_field(
            &mut errs,
            "work_annotation",
            &raw.work_annotation,
            WorkAnnotation::parse,
            |w| w.as_str().to_owned(),
        ),
        benefits_law: enum_field(
            &mut errs,
            "benefits_law",
            &raw.benefits_law,
            BenefitsLaw::parse,
            |b| b.as_str().to_owned(),
        ),
        responsible_org_id: uuid_field(&mut errs, "responsible_org_id", &raw.responsible_org_id),
        german_level: enum_field(
            &mut errs,
            "german_level",
            &raw.german_level,
            GermanLevel::parse,
            |g| g.as_str().to_owned(),
        ),
        literate_latin: raw.literate_latin,
        languages: serde_json::to_string(&languages).unwrap_or_else(|_| "[]".to_owned()),
        counsellor_id: uuid_field(&mut errs, "counsellor_id", &raw.counsellor_id),
        case_status,
        case_status_reason,
    };
    if errs.is_empty() {
        Ok((values, names))
    } else {
        Err(errs)
    }
}

/// The stored person back in the API's input shape (for forms and round trips).
pub fn to_input(v: &PersonValues, names: &[NameVariant]) -> PersonIn {
    PersonIn {
        family_name: v.family_name.clone(),
        given_names: v.given_names.clone(),
        birth_name: v.birth_name.clone(),
        sex: Some(v.sex.clone()),
        birth_date: v.birth_date.clone(),
        birth_place: v.birth_place.clone(),
        birth_country: v.birth_country.clone(),
        nationalities: v
            .nationalities
            .split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
        phone: v.phone.clone(),
        email: v.email.clone(),
        street: v.street.clone(),
        postcode: v.postcode.clone(),
        municipality_id: v.municipality_id.clone(),
        arrived_germany_on: v.arrived_germany_on.clone(),
        arrived_county_on: v.arrived_county_on.clone(),
        residence: v.residence_status.as_ref().map(|s| ResidenceIn {
            status: s.clone(),
            paragraph: v.residence_paragraph.clone(),
            duldung_kind: v.residence_duldung_kind.clone(),
            first_issued_on: v.residence_first_issued_on.clone(),
            valid_until: v.residence_valid_until.clone(),
        }),
        work_annotation: v.work_annotation.clone(),
        benefits_law: v.benefits_law.clone(),
        responsible_org_id: v.responsible_org_id.clone(),
        german_level: v.german_level.clone(),
        literate_latin: v.literate_latin,
        languages: serde_json::from_str(&v.languages).unwrap_or_default(),
        names: names.to_vec(),
        counsellor_id: v.counsellor_id.clone(),
        case_status: Some(v.case_status.clone()),
        case_status_reason: v.case_status_reason.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> time::Date {
        time::macros::date!(2026 - 11 - 23)
    }

    #[test]
    fn minimal_person_is_valid() {
        let raw = PersonIn {
            family_name: "Hassan".into(),
            given_names: "Amina".into(),
            birth_date: Some("1990-04-02".into()),
            ..Default::default()
        };
        let (v, names) = person(&raw, today()).unwrap();
        assert_eq!(
            (
                v.sex.as_str(),
                v.case_status.as_str(),
                v.birth_date.as_deref()
            ),
            ("unknown", "open", Some("1990-04-02"))
        );
        assert!(names.is_empty());
    }

    #[test]
    fn bad_input_is_reported_per_field() {
        let raw = PersonIn {
            family_name: "x".repeat(201),
            given_names: "Omar".into(),
            birth_date: Some("31.02.1990".into()),
            german_level: Some("B3".into()),
            nationalities: vec!["Syria".into()],
            residence: Some(ResidenceIn {
                status: "aufenthaltserlaubnis".into(),
                paragraph: Some("99z".into()),
                ..Default::default()
            }),
            case_status: Some("closed".into()),
            ..Default::default()
        };
        let errs = person(&raw, today()).unwrap_err();
        let fields: Vec<&str> = errs.iter().map(|e| e.field).collect();
        for f in [
            "family_name",
            "birth_date",
            "german_level",
            "nationalities",
            "case_status_reason",
        ] {
            assert!(fields.contains(&f), "{f} missing in {fields:?}");
        }
        // An unknown paragraph is kept, not rejected.
        assert!(
            !fields.iter().any(|f| f.starts_with("residence")),
            "{fields:?}"
        );
        let future = PersonIn {
            family_name: "A".into(),
            given_names: "B".into(),
            birth_date: Some("2030".into()),
            ..Default::default()
        };
        assert_eq!(person(&future, today()).unwrap_err()[0].code, "future_date");
    }

    #[test]
    fn round_trip_through_the_input_shape() {
        let raw = PersonIn {
            family_name: "Kovalenko".into(),
            given_names: "Olena".into(),
            birth_date: Some("00.00.1988".into()),
            nationalities: vec!["ua".into()],
            residence: Some(ResidenceIn {
                status: "aufenthaltserlaubnis".into(),
                paragraph: Some("24".into()),
                ..Default::default()
            }),
            german_level: Some("a2".into()),
            languages: vec![LanguageIn {
                language: "UK".into(),
                level: Some("native".into()),
            }],
            ..Default::default()
        };
        let (v, names) = person(&raw, today()).unwrap();
        assert_eq!(
            (
                v.birth_date.as_deref(),
                v.nationalities.as_str(),
                v.german_level.as_deref()
            ),
            (Some("1988"), "UA", Some("A2"))
        );
        let again = person(&to_input(&v, &names), today()).unwrap().0;
        assert_eq!(again, v);
    }
}
