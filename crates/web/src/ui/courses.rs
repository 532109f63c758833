//! Course pages: the catalogue (filters, distance from a town, free seats), the course form
//! for providers and team leads, and the course page with its participants. The work is
//! done by `api::courses`; invalid forms come back with the messages next to the fields.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use ankommen_db::courses::CourseRow;
use ankommen_db::municipalities::Municipality;
use ankommen_db::orgs::Organisation;
use ankommen_domain::Role;
use ankommen_domain::course::{CourseInput, CourseType, TimeSlot};
use ankommen_domain::policy::{Action, Resource, can};

use super::{Ctx, FormErrors, Page, errors, form_errors, render, render_status};
use crate::AppState;
use crate::api::courses::{self as api, CourseOut, CourseQuery, Participant};
use crate::extract::{ApiForm, ApiQuery};

const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// Labels shared by the course pages.
pub fn type_label(ctx: &Ctx, t: &str) -> String {
    ctx.option("course_type", t)
}

#[derive(Template)]
#[template(path = "courses.html")]
pub struct CatalogueView<'a> {
    pub ctx: &'a Ctx,
    pub courses: Vec<CourseOut>,
    pub towns: Vec<Municipality>,
    pub q: CourseQueryForm,
    pub can_create: bool,
}

impl CatalogueView<'_> {
    pub fn types(&self) -> Vec<&'static str> {
        CourseType::ALL
            .iter()
            .filter(|t| !t.is_legacy())
            .map(|t| t.as_str())
            .collect()
    }
    pub fn type_label(&self, t: &str) -> String {
        type_label(self.ctx, t)
    }
    pub fn km(&self, d: &Option<f64>) -> String {
        d.map(|d| format!("{d:.1} km")).unwrap_or_default()
    }
    pub fn date(&self, iso: &str) -> String {
        german_date(iso)
    }
}

/// `2027-01-11` → `11.01.2027`.
pub fn german_date(iso: &str) -> String {
    match iso.split('-').collect::<Vec<_>>().as_slice() {
        [y, m, d] => format!("{d}.{m}.{y}"),
        _ => iso.to_owned(),
    }
}

/// The filter form as posted (text fields; empty = no filter).
#[derive(Debug, Default, Deserialize, Clone)]
pub struct CourseQueryForm {
    #[serde(default)]
    pub municipality_id: String,
    #[serde(default)]
    pub course_type: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub free: String,
    #[serde(default)]
    pub near: String,
}

impl CourseQueryForm {
    fn query(&self) -> CourseQuery {
        let some = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        CourseQuery {
            municipality_id: some(&self.municipality_id),
            course_type: some(&self.course_type),
            from: some(&self.from),
            free: Some(self.free == "on" || self.free == "true"),
            near: some(&self.near),
            ..CourseQuery::default()
        }
    }
}

async fn towns(state: &AppState, page: &Page) -> Result<Vec<Municipality>, crate::error::AppError> {
    let tenant = page.me.user.tenant_id.clone();
    state
        .db(move |c| ankommen_db::municipalities::list(c, &tenant))
        .await
}

fn may_create(page: &Page) -> bool {
    can(
        &page.me.actor(),
        Action::Create,
        &Resource::Course {
            provider_org: &page.me.user.org_id,
        },
    )
    .is_allowed()
}

pub async fn catalogue(
    State(state): State<AppState>,
    page: Page,
    ApiQuery(q): ApiQuery<CourseQueryForm>,
) -> Response {
    let courses = match api::load_catalogue(&state, &page.me, &q.query()).await {
        Ok(c) => c,
        Err(e) => return errors::page(&page.ctx, e),
    };
    let towns = match towns(&state, &page).await {
        Ok(t) => t,
        Err(e) => return errors::page(&page.ctx, e),
    };
    render(&CatalogueView {
        ctx: &page.ctx,
        courses,
        towns,
        can_create: may_create(&page),
        q,
    })
}

/// The course form as posted: every field as text, weekdays as checkboxes `day_<mon>`.
#[derive(Debug, Default, Clone)]
pub struct CourseForm {
    pub input: CourseInput,
    pub version: i32,
    pub cancelled: bool,
}

impl CourseForm {
    fn from_map(form: &HashMap<String, String>) -> Self {
        let f = |k: &str| form.get(k).map(|v| v.trim().to_owned()).unwrap_or_default();
        let input = CourseInput {
            course_type: f("course_type"),
            provider_org_id: f("provider_org_id"),
            title: f("title"),
            bamf_number: f("bamf_number"),
            start_module: f("start_module"),
            hours: f("hours"),
            street: f("street"),
            postcode: f("postcode"),
            municipality_id: f("municipality_id"),
            latitude: f("latitude"),
            longitude: f("longitude"),
            days: WEEKDAYS
                .iter()
                .filter(|d| form.contains_key(&format!("day_{d}")))
                .map(|d| (*d).to_owned())
                .collect(),
            time_slot: f("time_slot"),
            starts_at: f("starts_at"),
            ends_at: f("ends_at"),
            starts_on: f("starts_on"),
            ends_on: f("ends_on"),
            capacity: f("capacity"),
            seats_taken_outside: f("seats_taken_outside"),
            childcare: if form.contains_key("childcare") {
                "true".into()
            } else {
                String::new()
            },
            step_free: if form.contains_key("step_free") {
                "true".into()
            } else {
                String::new()
            },
        };
        Self {
            input,
            version: f("version").parse().unwrap_or(0),
            cancelled: form.contains_key("cancelled"),
        }
    }

    fn from_row(c: &CourseRow) -> Self {
        let o = |v: &Option<String>| v.clone().unwrap_or_default();
        Self {
            input: CourseInput {
                course_type: c.course_type.clone(),
                provider_org_id: c.provider_org_id.clone(),
                title: o(&c.title),
                bamf_number: o(&c.bamf_number),
                start_module: c.start_module.map(|m| m.to_string()).unwrap_or_default(),
                hours: c.hours.to_string(),
                street: o(&c.street),
                postcode: o(&c.postcode),
                municipality_id: c.municipality_id.clone(),
                latitude: if c.coordinates_given {
                    c.latitude.to_string()
                } else {
                    String::new()
                },
                longitude: if c.coordinates_given {
                    c.longitude.to_string()
                } else {
                    String::new()
                },
                days: c.days.split(',').map(str::to_owned).collect(),
                time_slot: c.time_slot.clone(),
                starts_at: o(&c.starts_at),
                ends_at: o(&c.ends_at),
                starts_on: c.starts_on.clone(),
                ends_on: c.ends_on.clone(),
                capacity: c.capacity.to_string(),
                seats_taken_outside: c.seats_taken_outside.to_string(),
                childcare: c.childcare.to_string(),
                step_free: c.step_free.to_string(),
            },
            version: c.version,
            cancelled: c.status == ankommen_db::courses::CANCELLED,
        }
    }
}

#[derive(Template)]
#[template(path = "course_form.html")]
pub struct CourseFormView<'a> {
    pub ctx: &'a Ctx,
    pub id: Option<String>,
    pub form: CourseForm,
    pub errors: FormErrors,
    pub towns: Vec<Municipality>,
    /// Providers the user may choose (a provider: only its own).
    pub providers: Vec<Organisation>,
}

impl CourseFormView<'_> {
    pub fn types(&self) -> Vec<&'static str> {
        CourseType::ALL
            .iter()
            .filter(|t| !t.is_legacy() || self.form.input.course_type == t.as_str())
            .map(|t| t.as_str())
            .collect()
    }
    pub fn type_label(&self, t: &str) -> String {
        type_label(self.ctx, t)
    }
    pub fn slots(&self) -> Vec<&'static str> {
        TimeSlot::ALL.iter().map(|t| t.as_str()).collect()
    }
    pub fn weekdays(&self) -> [&'static str; 7] {
        WEEKDAYS
    }
    pub fn has_day(&self, d: &str) -> bool {
        self.form.input.days.iter().any(|x| x == d)
    }
    pub fn flag(&self, v: &str) -> bool {
        v == "true" || v == "on"
    }
    pub fn err(&self, field: &str) -> &str {
        self.errors.get(field).unwrap_or("")
    }
    pub fn general(&self) -> Vec<&str> {
        self.errors.general_messages(&[
            "course_type",
            "provider_org_id",
            "title",
            "bamf_number",
            "start_module",
            "hours",
            "street",
            "postcode",
            "municipality_id",
            "latitude",
            "longitude",
            "days",
            "time_slot",
            "starts_at",
            "ends_at",
            "starts_on",
            "ends_on",
            "capacity",
            "seats_taken_outside",
        ])
    }
    /// Text fields: (name, input type, value).
    pub fn texts(&self) -> Vec<(&'static str, &'static str, String)> {
        let i = &self.form.input;
        vec![
            ("title", "text", i.title.clone()),
            ("bamf_number", "text", i.bamf_number.clone()),
            ("start_module", "number", i.start_module.clone()),
            ("hours", "number", i.hours.clone()),
            ("street", "text", i.street.clone()),
            ("postcode", "text", i.postcode.clone()),
            ("latitude", "text", i.latitude.clone()),
            ("longitude", "text", i.longitude.clone()),
            ("starts_on", "date", i.starts_on.clone()),
            ("ends_on", "date", i.ends_on.clone()),
            ("starts_at", "time", i.starts_at.clone()),
            ("ends_at", "time", i.ends_at.clone()),
            ("capacity", "number", i.capacity.clone()),
            (
                "seats_taken_outside",
                "number",
                i.seats_taken_outside.clone(),
            ),
        ]
    }
    pub fn required(&self, f: &str) -> bool {
        matches!(f, "starts_on" | "ends_on" | "capacity")
    }
}

async fn form_page(
    state: &AppState,
    page: &Page,
    id: Option<String>,
    form: CourseForm,
    errors: FormErrors,
    status: StatusCode,
) -> Response {
    let tenant = page.me.user.tenant_id.clone();
    let own = (page.me.user.role == Role::Provider).then(|| page.me.user.org_id.clone());
    let loaded = state
        .db(move |c| {
            let towns = ankommen_db::municipalities::list(c, &tenant)?;
            let providers: Vec<Organisation> = ankommen_db::orgs::list(c, &tenant)?
                .into_iter()
                .filter(|o| o.kind == "course_provider" && !o.disabled)
                .filter(|o| own.as_deref().is_none_or(|own| own == o.id))
                .collect();
            Ok((towns, providers))
        })
        .await;
    match loaded {
        Ok((towns, providers)) => render_status(
            status,
            &CourseFormView {
                ctx: &page.ctx,
                id,
                form,
                errors,
                towns,
                providers,
            },
        ),
        Err(e) => errors::page(&page.ctx, e),
    }
}

pub async fn new_form(State(state): State<AppState>, page: Page) -> Response {
    if !may_create(&page) {
        return errors::page(
            &page.ctx,
            crate::error::AppError::forbidden("courses are kept by providers and team leads"),
        );
    }
    let mut form = CourseForm::default();
    form.input.course_type = "ik_general".into();
    form.input.time_slot = "morning".into();
    form.input.days = ["mon", "tue", "wed", "thu", "fri"]
        .map(str::to_owned)
        .to_vec();
    form.input.capacity = "20".into();
    form_page(
        &state,
        &page,
        None,
        form,
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

pub async fn create(
    State(state): State<AppState>,
    page: Page,
    ApiForm(raw): ApiForm<HashMap<String, String>>,
) -> Response {
    let form = CourseForm::from_map(&raw);
    match api::create_course(&state, &page.me, form.input.clone()).await {
        Ok(c) => Redirect::to(&format!("/courses/{}?msg=course-saved", c.id)).into_response(),
        Err(e) => match form_errors(&page.ctx, e) {
            Ok(errs) => {
                form_page(
                    &state,
                    &page,
                    None,
                    form,
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
    match api::get_course(&state, &page.me, &id).await {
        Ok(c) => {
            let form = CourseForm::from_row(&c);
            form_page(
                &state,
                &page,
                Some(c.id),
                form,
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
    ApiForm(raw): ApiForm<HashMap<String, String>>,
) -> Response {
    let form = CourseForm::from_map(&raw);
    match api::update_course(
        &state,
        &page.me,
        &id,
        form.input.clone(),
        form.cancelled,
        form.version,
    )
    .await
    {
        Ok(c) => Redirect::to(&format!("/courses/{}?msg=course-saved", c.id)).into_response(),
        Err(e) => match form_errors(&page.ctx, e) {
            Ok(errs) => {
                form_page(
                    &state,
                    &page,
                    Some(id),
                    form,
                    errs,
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await
            }
            Err(e) => errors::page(&page.ctx, e),
        },
    }
}

#[derive(Template)]
#[template(path = "course.html")]
pub struct CourseView<'a> {
    pub ctx: &'a Ctx,
    pub course: CourseRow,
    pub provider: String,
    pub town: String,
    pub participants: Vec<Participant>,
    pub can_edit: bool,
}

impl CourseView<'_> {
    pub fn type_label(&self) -> String {
        type_label(self.ctx, &self.course.course_type)
    }
    pub fn days(&self) -> String {
        self.course
            .days
            .split(',')
            .map(|d| self.ctx.option("weekday", d))
            .collect::<Vec<_>>()
            .join(", ")
    }
    pub fn date(&self, iso: &str) -> String {
        german_date(iso)
    }
    pub fn opt<'b>(&self, v: &'b Option<String>) -> &'b str {
        v.as_deref().unwrap_or("–")
    }
}

pub async fn show(State(state): State<AppState>, page: Page, Path(id): Path<String>) -> Response {
    let (course, participants) = match api::load_participants(&state, &page.me, &id).await {
        Ok(x) => x,
        Err(e) => return errors::page(&page.ctx, e),
    };
    let tenant = page.me.user.tenant_id.clone();
    let (pid, tid) = (
        course.provider_org_id.clone(),
        course.municipality_id.clone(),
    );
    let names = state
        .db(move |c| {
            let provider = ankommen_db::orgs::get(c, &tenant, &pid)?.name;
            let town = ankommen_db::municipalities::list(c, &tenant)?
                .into_iter()
                .find(|m| m.id == tid)
                .map(|m| m.name)
                .unwrap_or_default();
            Ok((provider, town))
        })
        .await;
    let (provider, town) = match names {
        Ok(x) => x,
        Err(e) => return errors::page(&page.ctx, e),
    };
    let can_edit = can(
        &page.me.actor(),
        Action::Update,
        &Resource::Course {
            provider_org: &course.provider_org_id,
        },
    )
    .is_allowed();
    render(&CourseView {
        ctx: &page.ctx,
        course,
        provider,
        town,
        participants,
        can_edit,
    })
}
