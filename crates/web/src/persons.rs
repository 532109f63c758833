//! Person records over HTTP-independent helpers shared by the API and the UI: the actor's
//! relationship to a person, which data classes they may read, the JSON shape that leaves
//! out withheld classes, tolerant search, and the facts for the eligibility rules.

use ankommen_db::persons::{self, Person, PersonValues};
use ankommen_domain::DataClass;
use ankommen_domain::date::PartialDate;
use ankommen_domain::eligibility::{self, Facts, Finding};
use ankommen_domain::matching::{self, NameAndDate};
use ankommen_domain::policy::{Action, Relation, Resource, can};
use ankommen_domain::residence::{BenefitsLaw, Residence, WorkAnnotation};
use ankommen_domain::{Role, cefr::GermanLevel, person::class_of};
use serde::Serialize;

use crate::auth::CurrentUser;

/// The classes a person record has at this stage (health and notes come with assessments).
pub const RECORD_CLASSES: [DataClass; 4] = [
    DataClass::Identity,
    DataClass::Contact,
    DataClass::Residence,
    DataClass::Education,
];

/// How `me` relates to `person`; `referred`: the classes `me`'s organisation may read through
/// its accepted referrals (`ankommen_db::referrals::readable_for`; `&[]` for writes, which a
/// referral never allows). A consent alone opens nothing: it is the basis of a referral.
pub fn relation<'a>(
    me: &CurrentUser,
    person: &PersonValues,
    break_glass: Option<&'a str>,
    referred: &'a [DataClass],
) -> Relation<'a> {
    Relation {
        own_caseload: person.counsellor_id.as_deref() == Some(me.user.id.as_str()),
        responsible_agency: person.responsible_org_id.as_deref() == Some(me.user.org_id.as_str()),
        placed_with_org: false,
        issued_obligation: false,
        consented: &[],
        break_glass_reason: break_glass,
        referral_scope: referred,
    }
}

/// The classes of `person` that `me` may do `action` to.
pub fn allowed_classes(
    me: &CurrentUser,
    person: &PersonValues,
    action: Action,
    break_glass: Option<&str>,
    consented: &[DataClass],
) -> Vec<DataClass> {
    let rel = relation(me, person, break_glass, consented);
    RECORD_CLASSES
        .into_iter()
        .filter(|class| {
            can(
                &me.actor(),
                action,
                &Resource::PersonData {
                    class: *class,
                    relation: rel,
                },
            )
            .is_allowed()
        })
        .collect()
}

/// A person as the API returns it: the fields of readable classes, grouped by class; the
/// names of withheld classes.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PersonOut {
    pub id: String,
    pub case_number: String,
    pub version: i32,
    /// Fields by data class (`identity`, `contact`, `residence`, `education`).
    #[schema(value_type = Object)]
    pub data: serde_json::Map<String, serde_json::Value>,
    /// Classes this caller may not see.
    pub withheld: Vec<String>,
}

pub fn to_out(p: &Person, classes: &[DataClass]) -> PersonOut {
    let mut data = serde_json::Map::new();
    for class in classes {
        data.insert(
            class.as_str().to_owned(),
            serde_json::Value::Object(Default::default()),
        );
    }
    for (field, value) in p.values.fields() {
        let class = class_of(field);
        let Some(serde_json::Value::Object(section)) = data.get_mut(class.as_str()) else {
            continue;
        };
        let v = match (field, value) {
            (_, None) => serde_json::Value::Null,
            ("languages", Some(j)) => serde_json::from_str(&j).unwrap_or(serde_json::Value::Null),
            ("nationalities", Some(n)) => n
                .split(',')
                .filter(|s| !s.is_empty())
                .map(|s| serde_json::Value::String(s.to_owned()))
                .collect(),
            ("literate_latin", Some(b)) => serde_json::Value::Bool(b == "true"),
            (_, Some(s)) => serde_json::Value::String(s),
        };
        section.insert(field.to_owned(), v);
    }
    if let Some(serde_json::Value::Object(identity)) = data.get_mut("identity") {
        identity.insert(
            "names".into(),
            serde_json::to_value(&p.names).unwrap_or_default(),
        );
    }
    let withheld = RECORD_CLASSES
        .iter()
        .filter(|c| !classes.contains(c))
        .map(|c| c.as_str().to_owned())
        .collect();
    PersonOut {
        id: p.id.clone(),
        case_number: p.case_number.clone(),
        version: p.version,
        data,
        withheld,
    }
}

pub use ankommen_db::persons::keys_of;

/// A parsed free-text query: name words, a date of birth, a case number.
#[derive(Debug, Default, Clone)]
pub struct Query {
    pub name: String,
    pub birth_date: Option<PartialDate>,
    pub case_number: Option<String>,
}

impl Query {
    pub fn parse(q: &str) -> Query {
        let mut out = Query::default();
        let mut words = Vec::new();
        for word in q.split_whitespace().take(20) {
            let is_case = word.len() == 10
                && word.as_bytes()[4] == b'-'
                && word.chars().filter(char::is_ascii_digit).count() == 9;
            if is_case {
                out.case_number = Some(word.to_owned());
            } else if word.chars().any(|c| c.is_ascii_digit()) {
                if let Ok(d) = PartialDate::parse("q", word) {
                    out.birth_date = Some(d);
                }
            } else {
                words.push(word.trim_matches(',').to_owned());
            }
        }
        out.name = words.join(" ");
        out
    }

    pub fn is_empty(&self) -> bool {
        self.name.trim().is_empty() && self.birth_date.is_none() && self.case_number.is_none()
    }
}

/// One search result: only what the person directory may show.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Hit {
    pub id: String,
    pub case_number: String,
    pub family_name: String,
    pub given_names: String,
    pub birth_date: Option<String>,
    pub counsellor_id: Option<String>,
    pub case_status: String,
    /// 0–100.
    pub score: u8,
    pub likely_duplicate: bool,
    /// Why it matched, in the caller's language.
    pub reasons: Vec<String>,
}

/// Ranks candidates against the query; the best first, weak matches dropped.
pub fn rank(candidates: Vec<Person>, q: &Query, lang: matching::Lang) -> Vec<Hit> {
    let query = NameAndDate {
        family_name: q.name.clone(),
        given_names: String::new(),
        birth_date: q.birth_date,
    };
    let mut hits: Vec<Hit> = candidates
        .into_iter()
        .filter_map(|p| {
            let mut best: Option<matching::Match> = None;
            let birth = p
                .values
                .birth_date
                .as_deref()
                .and_then(|d| PartialDate::parse("birth_date", d).ok());
            let mut variants = vec![(p.values.family_name.clone(), p.values.given_names.clone())];
            variants.extend(
                p.names
                    .iter()
                    .map(|n| (n.family_name.clone(), n.given_names.clone())),
            );
            for (family, given) in variants {
                let m = if q.name.trim().is_empty() {
                    // Date or case number only: the date decides.
                    let cand = NameAndDate {
                        family_name: String::new(),
                        given_names: String::new(),
                        birth_date: birth,
                    };
                    matching::score(
                        &cand,
                        &NameAndDate {
                            birth_date: q.birth_date,
                            ..Default::default()
                        },
                    )
                } else {
                    matching::score(
                        &NameAndDate {
                            family_name: family,
                            given_names: given,
                            birth_date: birth,
                        },
                        &query,
                    )
                };
                if best.as_ref().is_none_or(|b| m.score > b.score) {
                    best = Some(m);
                }
            }
            let best = best?;
            let exact_case = q.case_number.as_deref() == Some(p.case_number.as_str());
            let score = if exact_case { 100 } else { best.score };
            if score < 50 {
                return None;
            }
            Some(Hit {
                id: p.id,
                case_number: p.case_number,
                family_name: p.values.family_name,
                given_names: p.values.given_names,
                birth_date: p.values.birth_date,
                counsellor_id: p.values.counsellor_id,
                case_status: p.values.case_status,
                score,
                likely_duplicate: score >= matching::LIKELY_DUPLICATE,
                reasons: best.reasons.iter().map(|r| r.text(lang)).collect(),
            })
        })
        .collect();
    hits.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then_with(|| a.family_name.cmp(&b.family_name))
            .then_with(|| a.id.cmp(&b.id))
    });
    hits.truncate(50);
    hits
}

/// Searches the tenant's persons: indexed candidate retrieval, then ranking.
pub fn search(
    conn: &mut ankommen_db::Db,
    tenant_id: &str,
    q: &Query,
    lang: matching::Lang,
) -> ankommen_db::DbResult<Vec<Hit>> {
    let mut keys = if q.name.trim().is_empty() {
        Vec::new()
    } else {
        matching::search_keys(&q.name, "")
    };
    if let Some(d) = q.birth_date {
        keys.extend(matching::birth_date_keys(d));
    }
    let dates: Vec<String> = q
        .birth_date
        .map(|d| vec![d.to_string()])
        .unwrap_or_default();
    let ids = persons::candidates(conn, tenant_id, &keys, &dates, q.case_number.as_deref(), 60)?;
    let candidates = persons::get_many(conn, tenant_id, &ids)?;
    Ok(rank(candidates, q, lang))
}

fn full_date(raw: &Option<String>) -> Option<time::Date> {
    raw.as_deref()
        .and_then(|d| PartialDate::parse("d", d).ok())
        .and_then(|d| d.as_date())
}

/// The facts the eligibility rules need, from the stored record.
pub fn facts(v: &PersonValues) -> Facts {
    Facts {
        residence: v.residence_status.as_deref().and_then(|s| {
            Residence::parse(
                s,
                v.residence_paragraph.as_deref(),
                v.residence_duldung_kind.as_deref(),
            )
            .ok()
        }),
        first_issued_on: full_date(&v.residence_first_issued_on),
        valid_until: full_date(&v.residence_valid_until),
        work_annotation: v
            .work_annotation
            .as_deref()
            .and_then(|w| WorkAnnotation::parse(w).ok()),
        entered_germany_on: full_date(&v.arrived_germany_on),
        birth: v
            .birth_date
            .as_deref()
            .and_then(|d| PartialDate::parse("birth_date", d).ok()),
        nationalities: v
            .nationalities
            .split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
        german_level: v
            .german_level
            .as_deref()
            .and_then(|g| GermanLevel::parse(g).ok()),
        literate_latin: v.literate_latin,
        benefits_law: v
            .benefits_law
            .as_deref()
            .and_then(|b| BenefitsLaw::parse(b).ok()),
        ..Facts::default()
    }
}

/// Findings for a person on a date, from the record plus the sections of the newest situation
/// analysis the caller may read (`api::assessments::latest_sections`).
pub fn eligibility(
    v: &PersonValues,
    sections: &[ankommen_domain::assessment::Content],
    on: time::Date,
) -> Vec<Finding> {
    let mut facts = facts(v);
    facts.add_assessment(sections, on);
    eligibility::evaluate(&facts, on)
}

/// Whether `me` works in the migration centre's case management (sees the directory).
pub fn is_case_worker(me: &CurrentUser) -> bool {
    matches!(me.user.role, Role::Counsellor | Role::TeamLead)
}
