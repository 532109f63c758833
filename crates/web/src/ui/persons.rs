//! Person pages: search, create with search-before-create, and the edit form (the person
//! page itself is `person_page`).

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use ankommen_db::municipalities::{self, Municipality};
use ankommen_domain::matching;
use ankommen_domain::policy::{Action, Resource};

use super::{Ctx, FormErrors, Page, errors, form_errors, render, render_status};
use crate::AppState;
use crate::api::persons as api;
use crate::error::AppError;
use crate::extract::{ApiForm, ApiQuery};
use crate::i18n::Lang;
use crate::person_input::{self, PersonIn, ResidenceIn};
use crate::persons::Hit;

fn mlang(ctx: &Ctx) -> matching::Lang {
    if ctx.lang == Lang::En {
        matching::Lang::En
    } else {
        matching::Lang::De
    }
}

#[derive(Template)]
#[template(path = "persons.html")]
pub struct SearchPage<'a> {
    pub ctx: &'a Ctx,
    pub q: String,
    pub hits: Vec<Hit>,
}

#[derive(Debug, Deserialize, Default)]
pub struct SearchQuery {
    #[serde(default)]
    q: String,
}

pub async fn search(
    State(state): State<AppState>,
    page: Page,
    ApiQuery(p): ApiQuery<SearchQuery>,
) -> Response {
    if let Err(e) = page
        .me
        .authorize(&state, Action::Read, Resource::PersonDirectory)
        .await
    {
        return errors::page(&page.ctx, e);
    }
    match api::run_search(&state, &page.me, &p.q, mlang(&page.ctx)).await {
        Ok(hits) => render(&SearchPage {
            ctx: &page.ctx,
            q: p.q,
            hits,
        }),
        Err(e) => errors::page(&page.ctx, e),
    }
}

/// The person form's fields as typed.
#[derive(Debug, Deserialize, Default, Clone)]
pub struct PersonForm {
    #[serde(default)]
    pub family_name: String,
    #[serde(default)]
    pub given_names: String,
    #[serde(default)]
    pub sex: String,
    #[serde(default)]
    pub birth_date: String,
    #[serde(default)]
    pub birth_place: String,
    #[serde(default)]
    pub nationalities: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub street: String,
    #[serde(default)]
    pub postcode: String,
    #[serde(default)]
    pub municipality_id: String,
    #[serde(default)]
    pub arrived_germany_on: String,
    #[serde(default)]
    pub residence_status: String,
    #[serde(default)]
    pub residence_paragraph: String,
    #[serde(default)]
    pub residence_duldung_kind: String,
    #[serde(default)]
    pub residence_first_issued_on: String,
    #[serde(default)]
    pub residence_valid_until: String,
    #[serde(default)]
    pub work_annotation: String,
    #[serde(default)]
    pub benefits_law: String,
    /// The agency responsible for the person (job centre for SGB II, …).
    #[serde(default)]
    pub responsible_org_id: String,
    #[serde(default)]
    pub german_level: String,
    #[serde(default)]
    pub literate_latin: String,
    #[serde(default)]
    pub confirm_new: Option<String>,
    #[serde(default)]
    pub version: i32,
}

fn some(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

impl PersonForm {
    /// Into the API's shape; fields not on the form are taken from `base` (an edit keeps them).
    fn to_input(&self, base: Option<&PersonIn>) -> PersonIn {
        let mut p = base.cloned().unwrap_or_default();
        p.family_name = self.family_name.clone();
        p.given_names = self.given_names.clone();
        p.sex = some(&self.sex);
        p.birth_date = some(&self.birth_date);
        p.birth_place = some(&self.birth_place);
        p.nationalities = self
            .nationalities
            .split([',', ' '])
            .filter(|s| !s.trim().is_empty())
            .map(|s| s.trim().to_owned())
            .collect();
        p.phone = some(&self.phone);
        p.email = some(&self.email);
        p.street = some(&self.street);
        p.postcode = some(&self.postcode);
        p.municipality_id = some(&self.municipality_id);
        p.arrived_germany_on = some(&self.arrived_germany_on);
        p.residence = some(&self.residence_status).map(|status| ResidenceIn {
            status,
            paragraph: some(&self.residence_paragraph),
            duldung_kind: some(&self.residence_duldung_kind),
            first_issued_on: some(&self.residence_first_issued_on),
            valid_until: some(&self.residence_valid_until),
        });
        p.work_annotation = some(&self.work_annotation);
        p.benefits_law = some(&self.benefits_law);
        p.responsible_org_id = some(&self.responsible_org_id);
        p.german_level = some(&self.german_level);
        p.literate_latin = match self.literate_latin.as_str() {
            "yes" => Some(true),
            "no" => Some(false),
            _ => None,
        };
        p
    }

    fn from_input(p: &PersonIn, version: i32) -> Self {
        let r = p.residence.clone().unwrap_or_default();
        let o = |v: &Option<String>| v.clone().unwrap_or_default();
        Self {
            family_name: p.family_name.clone(),
            given_names: p.given_names.clone(),
            sex: o(&p.sex),
            birth_date: o(&p.birth_date),
            birth_place: o(&p.birth_place),
            nationalities: p.nationalities.join(", "),
            phone: o(&p.phone),
            email: o(&p.email),
            street: o(&p.street),
            postcode: o(&p.postcode),
            municipality_id: o(&p.municipality_id),
            arrived_germany_on: o(&p.arrived_germany_on),
            residence_status: r.status,
            residence_paragraph: o(&r.paragraph),
            residence_duldung_kind: o(&r.duldung_kind),
            residence_first_issued_on: o(&r.first_issued_on),
            residence_valid_until: o(&r.valid_until),
            work_annotation: o(&p.work_annotation),
            benefits_law: o(&p.benefits_law),
            responsible_org_id: o(&p.responsible_org_id),
            german_level: o(&p.german_level),
            literate_latin: match p.literate_latin {
                Some(true) => "yes".into(),
                Some(false) => "no".into(),
                None => String::new(),
            },
            confirm_new: None,
            version,
        }
    }
}

#[derive(Template)]
#[template(path = "person_form.html")]
pub struct PersonFormPage<'a> {
    pub ctx: &'a Ctx,
    pub id: Option<String>,
    pub form: PersonForm,
    pub towns: Vec<Municipality>,
    /// Agencies that can be responsible for a person: (id, name).
    pub agencies: Vec<(String, String)>,
    pub duplicates: Vec<Hit>,
    pub errors: FormErrors,
}

impl PersonFormPage<'_> {
    pub fn options(&self, what: &str) -> Vec<&'static str> {
        use ankommen_domain::person::Sex;
        use ankommen_domain::residence::{
            BenefitsLaw, DuldungKind, ResidenceStatus, WorkAnnotation,
        };
        match what {
            "sex" => Sex::ALL.iter().map(|v| v.as_str()).collect(),
            "residence_status" => ResidenceStatus::ALL.iter().map(|v| v.as_str()).collect(),
            "residence_duldung_kind" => DuldungKind::ALL.iter().map(|v| v.as_str()).collect(),
            "work_annotation" => WorkAnnotation::ALL.iter().map(|v| v.as_str()).collect(),
            "benefits_law" => BenefitsLaw::ALL.iter().map(|v| v.as_str()).collect(),
            "german_level" => vec!["none", "A1", "A2", "B1", "B2", "C1", "C2"],
            "literate_latin" => vec!["yes", "no"],
            _ => vec![],
        }
    }

    /// Errors not tied to a field (a stale version).
    pub fn general_errors(&self) -> Vec<&str> {
        self.errors
            .0
            .iter()
            .filter(|(f, _)| f.is_empty())
            .map(|(_, m)| m.as_str())
            .collect()
    }

    /// The label of an option (`option-<field>-<value>` in Fluent, else the value).
    pub fn option_label(&self, field: &str, value: &str) -> String {
        self.ctx.option(field, value)
    }

    pub fn value(&self, field: &str) -> &str {
        let f = &self.form;
        match field {
            "sex" => &f.sex,
            "residence_status" => &f.residence_status,
            "residence_duldung_kind" => &f.residence_duldung_kind,
            "work_annotation" => &f.work_annotation,
            "benefits_law" => &f.benefits_law,
            "german_level" => &f.german_level,
            "literate_latin" => &f.literate_latin,
            _ => "",
        }
    }
}

/// Field errors of the person form use the form's names (`residence.status` → `residence_status`).
fn person_form_errors(ctx: &Ctx, e: AppError) -> Result<FormErrors, AppError> {
    let mut errs = form_errors(ctx, e)?;
    for (field, _) in errs.0.iter_mut() {
        *field = field.replace('.', "_");
    }
    Ok(errs)
}

async fn form_page(
    state: &AppState,
    page: &Page,
    id: Option<String>,
    form: PersonForm,
    duplicates: Vec<Hit>,
    errors: FormErrors,
    status: StatusCode,
) -> Response {
    let tenant = page.me.user.tenant_id.clone();
    let loaded = state
        .db(move |c| {
            let towns = municipalities::list(c, &tenant)?;
            let agencies = ankommen_db::orgs::list(c, &tenant)?
                .into_iter()
                .filter(|o| {
                    !o.disabled
                        && matches!(
                            o.kind.as_str(),
                            "job_centre"
                                | "employment_agency"
                                | "immigration_office"
                                | "youth_welfare"
                                | "municipality"
                        )
                })
                .map(|o| (o.id, o.name))
                .collect();
            Ok((towns, agencies))
        })
        .await;
    match loaded {
        Ok((towns, agencies)) => render_status(
            status,
            &PersonFormPage {
                ctx: &page.ctx,
                id,
                form,
                towns,
                agencies,
                duplicates,
                errors,
            },
        ),
        Err(e) => errors::page(&page.ctx, e),
    }
}

pub async fn new_form(State(state): State<AppState>, page: Page) -> Response {
    if let Err(e) = page
        .me
        .authorize(&state, Action::Read, Resource::PersonDirectory)
        .await
    {
        return errors::page(&page.ctx, e);
    }
    form_page(
        &state,
        &page,
        None,
        PersonForm::default(),
        vec![],
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

/// Search before create: likely duplicates are shown first; the counsellor confirms that the
/// person is new, or opens the existing record.
pub async fn create(
    State(state): State<AppState>,
    page: Page,
    ApiForm(form): ApiForm<PersonForm>,
) -> Response {
    if let Err(e) = page
        .me
        .authorize(&state, Action::Read, Resource::PersonDirectory)
        .await
    {
        return errors::page(&page.ctx, e);
    }
    let raw = form.to_input(None);
    if form.confirm_new.is_none() {
        match person_input::person(&raw, ankommen_db::now().date()) {
            Err(errs) => {
                let errs =
                    person_form_errors(&page.ctx, AppError::Validation(errs)).unwrap_or_default();
                return form_page(
                    &state,
                    &page,
                    None,
                    form,
                    vec![],
                    errs,
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await;
            }
            Ok((values, _)) => {
                let q = format!(
                    "{} {} {}",
                    values.family_name,
                    values.given_names,
                    values.birth_date.clone().unwrap_or_default()
                );
                match api::run_search(&state, &page.me, &q, mlang(&page.ctx)).await {
                    Ok(hits) => {
                        let dups: Vec<Hit> =
                            hits.into_iter().filter(|h| h.likely_duplicate).collect();
                        if !dups.is_empty() {
                            return form_page(
                                &state,
                                &page,
                                None,
                                form,
                                dups,
                                FormErrors::default(),
                                StatusCode::OK,
                            )
                            .await;
                        }
                    }
                    Err(e) => return errors::page(&page.ctx, e),
                }
            }
        }
    }
    match api::create_person(&state, &page.me, raw).await {
        Ok((person, _)) => {
            Redirect::to(&format!("/persons/{}?msg=person-created", person.id)).into_response()
        }
        Err(e) => match person_form_errors(&page.ctx, e) {
            Ok(errs) => {
                form_page(
                    &state,
                    &page,
                    None,
                    form,
                    vec![],
                    errs,
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await
            }
            Err(e) => errors::page(&page.ctx, e),
        },
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<String>,
) -> Response {
    match api::read_person(&state, &page.me, &id, None).await {
        Ok((p, _)) => {
            let form =
                PersonForm::from_input(&person_input::to_input(&p.values, &p.names), p.version);
            form_page(
                &state,
                &page,
                Some(p.id),
                form,
                vec![],
                FormErrors::default(),
                StatusCode::OK,
            )
            .await
        }
        Err(e) => errors::page(&page.ctx, e),
    }
}

pub async fn update(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<String>,
    ApiForm(form): ApiForm<PersonForm>,
) -> Response {
    let base = match api::read_person(&state, &page.me, &id, None).await {
        Ok((p, _)) => person_input::to_input(&p.values, &p.names),
        Err(e) => return errors::page(&page.ctx, e),
    };
    let raw = form.to_input(Some(&base));
    match api::update_person(&state, &page.me, &id, &raw, form.version).await {
        Ok(p) => Redirect::to(&format!("/persons/{}?msg=person-saved", p.id)).into_response(),
        Err(e) => match person_form_errors(&page.ctx, e) {
            Ok(errs) => {
                form_page(
                    &state,
                    &page,
                    Some(id),
                    form,
                    vec![],
                    errs,
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await
            }
            Err(e) => errors::page(&page.ctx, e),
        },
    }
}
