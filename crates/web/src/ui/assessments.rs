//! Situation analysis pages: a person's list of analyses, and one analysis as a sectioned
//! page with one form per section (its own version and save button; no JavaScript needed).
//! The forms are described once here ([`SPECS`]) and rendered generically; a posted form
//! becomes the same JSON the API takes, so both go through the same rules.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde_json::{Map, Value};

use ankommen_db::assessments::{Assessment, WithSections};
use ankommen_db::persons::Person;
use ankommen_domain::DataClass;
use ankommen_domain::assessment::{ActionField, Housing, Partner, Recognition, Section, Weekday};
use ankommen_domain::policy::Action;

use super::{Ctx, FormErrors, Page, errors, form_errors, render, render_status};
use crate::AppState;
use crate::api::assessments as api;
use crate::extract::ApiForm;

/// How a field is entered.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Text,
    Area,
    Number,
    Select(fn() -> Vec<&'static str>),
    YesNo,
    Check,
    Days,
}

struct FieldSpec {
    name: &'static str,
    kind: Kind,
}

struct ListSpec {
    name: &'static str,
    fields: &'static [FieldSpec],
}

struct SectionSpec {
    section: Section,
    fields: &'static [FieldSpec],
    lists: &'static [ListSpec],
}

const fn f(name: &'static str, kind: Kind) -> FieldSpec {
    FieldSpec { name, kind }
}

fn partners() -> Vec<&'static str> {
    Partner::ALL.iter().map(|v| v.as_str()).collect()
}
fn housings() -> Vec<&'static str> {
    Housing::ALL.iter().map(|v| v.as_str()).collect()
}
fn recognitions() -> Vec<&'static str> {
    Recognition::ALL.iter().map(|v| v.as_str()).collect()
}
fn action_fields() -> Vec<&'static str> {
    ActionField::ALL.iter().map(|v| v.as_str()).collect()
}
fn levels() -> Vec<&'static str> {
    ankommen_domain::cefr::CefrLevel::ALL
        .iter()
        .map(|l| l.as_str())
        .collect()
}
fn german_levels() -> Vec<&'static str> {
    let mut v = vec!["none"];
    v.extend(levels());
    v
}

const SPECS: &[SectionSpec] = &[
    SectionSpec {
        section: Section::Family,
        fields: &[
            f("partner", Kind::Select(partners)),
            f("household_size", Kind::Number),
        ],
        lists: &[ListSpec {
            name: "children",
            fields: &[
                f("birth_year", Kind::Number),
                f("needs_childcare", Kind::YesNo),
            ],
        }],
    },
    SectionSpec {
        section: Section::Social,
        fields: &[
            f("situation", Kind::Area),
            f("housing", Kind::Select(housings)),
            f("housing_notes", Kind::Area),
        ],
        lists: &[],
    },
    SectionSpec {
        section: Section::German,
        fields: &[
            f("self_assessed", Kind::Select(german_levels)),
            f("placement_level", Kind::Select(levels)),
            f("placement_date", Kind::Text),
            f("start_module", Kind::Number),
            f("certificate_level", Kind::Select(levels)),
            f("certificate_date", Kind::Text),
        ],
        lists: &[],
    },
    SectionSpec {
        section: Section::Schooling,
        fields: &[
            f("years", Kind::Number),
            f("country", Kind::Text),
            f("highest_certificate", Kind::Text),
        ],
        lists: &[],
    },
    SectionSpec {
        section: Section::Vocational,
        fields: &[f("current_employment", Kind::Area)],
        lists: &[
            ListSpec {
                name: "qualifications",
                fields: &[
                    f("title", Kind::Text),
                    f("country", Kind::Text),
                    f("recognition", Kind::Select(recognitions)),
                ],
            },
            ListSpec {
                name: "work",
                fields: &[
                    f("occupation", Kind::Text),
                    f("years", Kind::Number),
                    f("kldb", Kind::Text),
                ],
            },
        ],
    },
    SectionSpec {
        section: Section::Health,
        fields: &[
            f("limitations", Kind::Area),
            f("affects_participation", Kind::YesNo),
        ],
        lists: &[],
    },
    SectionSpec {
        section: Section::Mobility,
        fields: &[
            f("driving_licence", Kind::YesNo),
            f("car", Kind::YesNo),
            f("public_transport_only", Kind::YesNo),
        ],
        lists: &[],
    },
    SectionSpec {
        section: Section::Availability,
        fields: &[
            f("mornings", Kind::Check),
            f("afternoons", Kind::Check),
            f("evenings", Kind::Check),
            f("days", Kind::Days),
        ],
        lists: &[],
    },
    SectionSpec {
        section: Section::Goals,
        fields: &[f("own_words", Kind::Area)],
        lists: &[ListSpec {
            name: "goals",
            fields: &[
                f("field", Kind::Select(action_fields)),
                f("text", Kind::Text),
            ],
        }],
    },
    SectionSpec {
        section: Section::Assessment,
        fields: &[f("text", Kind::Area)],
        lists: &[],
    },
];

/// The fields of a section in the order of its form, lists last (for summaries elsewhere,
/// such as the person's timeline); empty for an unknown section.
pub fn field_order(section: &str) -> Vec<&'static str> {
    SPECS
        .iter()
        .find(|s| s.section.as_str() == section)
        .map(|s| {
            s.fields
                .iter()
                .map(|f| f.name)
                .chain(s.lists.iter().map(|l| l.name))
                .collect()
        })
        .unwrap_or_default()
}

/// One option of a select or a checkbox group.
pub struct Opt {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// A field ready to render.
pub struct FieldView {
    /// The input's name (`birth_year` or `children.0.birth_year`).
    pub name: String,
    /// Unique id in the page.
    pub id: String,
    pub label: String,
    /// `text`, `area`, `number`, `select`, `check`, `days`.
    pub kind: &'static str,
    pub value: String,
    pub options: Vec<Opt>,
    pub error: Option<String>,
}

pub struct ListView {
    pub label: String,
    pub rows: Vec<Vec<FieldView>>,
    pub error: Option<String>,
}

pub struct SectionView {
    pub name: &'static str,
    pub title: String,
    pub version: i32,
    pub editable: bool,
    pub fields: Vec<FieldView>,
    pub lists: Vec<ListView>,
    /// Errors not tied to a field (a stale version, a malformed value).
    pub general: Vec<String>,
    pub updated_at: Option<String>,
}

fn text_of(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(true)) => "yes".into(),
        Some(Value::Bool(false)) => "no".into(),
        _ => String::new(),
    }
}

fn option_label(ctx: &Ctx, field: &str, value: &str) -> String {
    let key = format!("ao-{field}-{value}");
    if ctx.lang.has(&key) {
        ctx.t(&key)
    } else {
        value.to_owned()
    }
}

fn field_view(
    ctx: &Ctx,
    section: &str,
    spec: &FieldSpec,
    name: String,
    content: &Map<String, Value>,
    error: Option<String>,
) -> FieldView {
    let raw = content.get(spec.name);
    let value = text_of(raw);
    let (kind, options) = match spec.kind {
        Kind::Text => ("text", vec![]),
        Kind::Area => ("area", vec![]),
        Kind::Number => ("number", vec![]),
        Kind::Check => ("check", vec![]),
        Kind::YesNo | Kind::Select(_) => {
            let values = match spec.kind {
                Kind::Select(values) => values(),
                _ => vec!["yes", "no"],
            };
            let opts = values
                .into_iter()
                .map(|o| Opt {
                    value: o.to_owned(),
                    label: if matches!(spec.kind, Kind::YesNo) {
                        ctx.t(&format!("ao-{o}"))
                    } else {
                        option_label(ctx, spec.name, o)
                    },
                    selected: value == o,
                })
                .collect();
            ("select", opts)
        }
        Kind::Days => {
            let chosen: Vec<&str> = raw
                .and_then(Value::as_array)
                .map(|a| a.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            let opts = Weekday::ALL
                .iter()
                .map(|d| Opt {
                    value: d.as_str().to_owned(),
                    label: option_label(ctx, "days", d.as_str()),
                    selected: chosen.contains(&d.as_str()),
                })
                .collect();
            ("days", opts)
        }
    };
    FieldView {
        id: format!("{section}-{}", name.replace('.', "-")),
        name,
        label: ctx.t(&format!("af-{}", spec.name)),
        kind,
        value,
        options,
        error,
    }
}

fn section_view(
    ctx: &Ctx,
    spec: &SectionSpec,
    content: &Value,
    version: i32,
    editable: bool,
    errors: &FormErrors,
    updated_at: Option<String>,
) -> SectionView {
    let name = spec.section.as_str();
    let empty = Map::new();
    let obj = content.as_object().unwrap_or(&empty);
    let shown: Vec<&str> = spec
        .fields
        .iter()
        .map(|s| s.name)
        .chain(spec.lists.iter().map(|l| l.name))
        .collect();
    let fields = spec
        .fields
        .iter()
        .map(|s| {
            field_view(
                ctx,
                name,
                s,
                s.name.to_owned(),
                obj,
                errors.get(s.name).map(str::to_owned),
            )
        })
        .collect();
    let lists = spec
        .lists
        .iter()
        .map(|l| {
            let mut items: Vec<Map<String, Value>> = obj
                .get(l.name)
                .and_then(Value::as_array)
                .map(|a| a.iter().filter_map(|v| v.as_object().cloned()).collect())
                .unwrap_or_default();
            // One empty row to add another entry; saving adds the next. Not when read-only.
            if editable {
                items.push(Map::new());
            }
            ListView {
                label: ctx.t(&format!("af-{}", l.name)),
                rows: items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| {
                        l.fields
                            .iter()
                            .map(|s| {
                                field_view(
                                    ctx,
                                    name,
                                    s,
                                    format!("{}.{i}.{}", l.name, s.name),
                                    item,
                                    None,
                                )
                            })
                            .collect()
                    })
                    .collect(),
                error: errors.get(l.name).map(str::to_owned),
            }
        })
        .collect();
    SectionView {
        name,
        title: ctx.t(&format!("assessment-section-{name}")),
        version,
        editable,
        fields,
        lists,
        general: errors
            .general_messages(&shown)
            .into_iter()
            .map(str::to_owned)
            .collect(),
        updated_at,
    }
}

/// A posted section form as the API's JSON: `a` → text, `a[]` → list of texts,
/// `list.N.field` → row N of a list. Returns the content and the version.
pub fn form_to_json(pairs: &[(String, String)]) -> (Value, i32) {
    let mut out = Map::new();
    let mut version = 0;
    let mut lists: std::collections::BTreeMap<
        String,
        std::collections::BTreeMap<usize, Map<String, Value>>,
    > = Default::default();
    for (k, v) in pairs {
        if k == "version" {
            version = v.trim().parse().unwrap_or(-1);
        } else if let Some(base) = k.strip_suffix("[]") {
            let entry = out
                .entry(base.to_owned())
                .or_insert_with(|| Value::Array(vec![]));
            if let Value::Array(a) = entry {
                a.push(Value::String(v.clone()));
            }
        } else if let Some((list, rest)) = k.split_once('.') {
            if let Some((index, field)) = rest.split_once('.')
                && let Ok(index) = index.parse::<usize>()
                && index < 100
            {
                lists
                    .entry(list.to_owned())
                    .or_default()
                    .entry(index)
                    .or_default()
                    .insert(field.to_owned(), Value::String(v.clone()));
            }
        } else {
            out.insert(k.clone(), Value::String(v.clone()));
        }
    }
    for (name, rows) in lists {
        out.insert(
            name,
            Value::Array(rows.into_values().map(Value::Object).collect()),
        );
    }
    (Value::Object(out), version)
}

#[derive(Template)]
#[template(path = "assessment.html")]
pub struct AssessmentPage<'a> {
    pub ctx: &'a Ctx,
    pub person: Person,
    pub number: i32,
    pub status: String,
    pub version: i32,
    pub completed: bool,
    pub can_manage: bool,
    pub sections: Vec<SectionView>,
    pub withheld: Vec<String>,
    pub errors: FormErrors,
}

/// The page for an analysis; `posted` replaces one section's shown content with what was
/// posted, next to its errors.
fn page_for<'a>(
    ctx: &'a Ctx,
    me: &crate::auth::CurrentUser,
    person: Person,
    ws: &WithSections,
    classes: &[DataClass],
    posted: Option<(Section, Value, i32, FormErrors)>,
    errors: FormErrors,
) -> AssessmentPage<'a> {
    let a = &ws.assessment;
    let writable = api::section_classes(me, &person.values, Action::Update, None);
    let completed = a.is_completed();
    let mut sections = Vec::new();
    let mut withheld = Vec::new();
    for spec in SPECS {
        let class = spec.section.data_class();
        if !classes.contains(&class) {
            withheld.push(ctx.t(&format!("assessment-section-{}", spec.section.as_str())));
            continue;
        }
        let row = ws
            .sections
            .iter()
            .find(|r| r.section == spec.section.as_str());
        let editable = !completed && writable.contains(&class);
        let updated_at = row.map(|r| ctx.ts(&r.updated_at));
        let view = match &posted {
            Some((s, content, version, errs)) if *s == spec.section => {
                section_view(ctx, spec, content, *version, editable, errs, updated_at)
            }
            _ => {
                let content = row
                    .and_then(|r| serde_json::from_str(&r.content).ok())
                    .unwrap_or(Value::Null);
                section_view(
                    ctx,
                    spec,
                    &content,
                    row.map_or(0, |r| r.version),
                    editable,
                    &FormErrors::default(),
                    updated_at,
                )
            }
        };
        sections.push(view);
    }
    AssessmentPage {
        ctx,
        can_manage: api::can_manage(me, &person.values),
        person,
        number: a.number,
        status: a.status.clone(),
        version: a.version,
        completed,
        sections,
        withheld,
        errors,
    }
}

pub async fn show(
    State(state): State<AppState>,
    page: Page,
    Path((id, n)): Path<(String, String)>,
) -> Response {
    match api::load(&state, &page.me, &id, &n, None).await {
        Ok((person, ws, classes)) => render(&page_for(
            &page.ctx,
            &page.me,
            person,
            &ws,
            &classes,
            None,
            FormErrors::default(),
        )),
        Err(e) => errors::page(&page.ctx, e),
    }
}

pub async fn save_section(
    State(state): State<AppState>,
    page: Page,
    Path((id, n, section)): Path<(String, String, String)>,
    ApiForm(pairs): ApiForm<Vec<(String, String)>>,
) -> Response {
    let section = match api::path_section(&section) {
        Ok(s) => s,
        Err(e) => return errors::page(&page.ctx, e),
    };
    let (content, version) = form_to_json(&pairs);
    match api::save_section(&state, &page.me, &id, &n, section, content.clone(), version).await {
        Ok(_) => Redirect::to(&format!(
            "/persons/{id}/assessments/{n}?msg=assessment-saved#{}",
            section.as_str()
        ))
        .into_response(),
        Err(e) => {
            let errs = match form_errors(&page.ctx, e) {
                Ok(errs) => errs,
                Err(e) => return errors::page(&page.ctx, e),
            };
            match api::load(&state, &page.me, &id, &n, None).await {
                Ok((person, ws, classes)) => render_status(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &page_for(
                        &page.ctx,
                        &page.me,
                        person,
                        &ws,
                        &classes,
                        Some((section, content, version, errs)),
                        FormErrors::default(),
                    ),
                ),
                Err(e) => errors::page(&page.ctx, e),
            }
        }
    }
}

#[derive(Debug, serde::Deserialize)]
pub struct VersionForm {
    #[serde(default)]
    version: i32,
}

pub async fn complete(
    State(state): State<AppState>,
    page: Page,
    Path((id, n)): Path<(String, String)>,
    ApiForm(form): ApiForm<VersionForm>,
) -> Response {
    match api::complete_assessment(&state, &page.me, &id, &n, form.version).await {
        Ok(_) => Redirect::to(&format!(
            "/persons/{id}/assessments/{n}?msg=assessment-completed"
        ))
        .into_response(),
        Err(e) => {
            let errs = match form_errors(&page.ctx, e) {
                Ok(errs) => errs,
                Err(e) => return errors::page(&page.ctx, e),
            };
            match api::load(&state, &page.me, &id, &n, None).await {
                Ok((person, ws, classes)) => render_status(
                    StatusCode::CONFLICT,
                    &page_for(&page.ctx, &page.me, person, &ws, &classes, None, errs),
                ),
                Err(e) => errors::page(&page.ctx, e),
            }
        }
    }
}

#[derive(Template)]
#[template(path = "assessment_list.html")]
pub struct ListPage<'a> {
    pub ctx: &'a Ctx,
    pub person: Person,
    pub list: Vec<Assessment>,
    pub can_manage: bool,
}

impl ListPage<'_> {
    pub fn ts(&self, t: &time::PrimitiveDateTime) -> String {
        self.ctx.ts(t)
    }

    pub fn status_label(&self, status: &str) -> String {
        self.ctx.t(&format!("assessment-status-{status}"))
    }
}

impl AssessmentPage<'_> {
    pub fn status_label(&self) -> String {
        self.ctx.t(&format!("assessment-status-{}", self.status))
    }

    /// Errors of the page's own forms (completing).
    pub fn page_errors(&self) -> Vec<&str> {
        self.errors.general_messages(&[])
    }
}

pub async fn list(State(state): State<AppState>, page: Page, Path(id): Path<String>) -> Response {
    match api::list_for(&state, &page.me, &id).await {
        Ok((person, list)) => render(&ListPage {
            ctx: &page.ctx,
            can_manage: api::can_manage(&page.me, &person.values),
            person,
            list,
        }),
        Err(e) => errors::page(&page.ctx, e),
    }
}

/// Starts the next analysis. A form posted twice starts two; the second is an empty copy of
/// the first, which is harmless and visible in the list.
pub async fn create(State(state): State<AppState>, page: Page, Path(id): Path<String>) -> Response {
    match api::create_assessment(&state, &page.me, &id).await {
        Ok((_, ws)) => Redirect::to(&format!(
            "/persons/{id}/assessments/{}?msg=assessment-created",
            ws.assessment.number
        ))
        .into_response(),
        Err(e) => errors::page(&page.ctx, e),
    }
}
