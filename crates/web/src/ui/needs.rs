//! A person's German course page: the course needs with their status and placement, and the
//! form to put the person on the waiting list — filled in from eligibility and the situation
//! analysis, so one click adds the need — or to change or withdraw the waiting need.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use ankommen_db::needs::NeedRow;
use ankommen_db::persons::Person;
use ankommen_domain::course::{CourseType, NeedInput, ObligedBy, TimeSlot};

use super::courses::{german_date, type_label};
use super::{Ctx, FormErrors, Page, errors, form_errors, render_status};
use crate::AppState;
use crate::api::courses as api;
use crate::extract::ApiForm;

#[derive(Template)]
#[template(path = "person_course.html")]
pub struct NeedsView<'a> {
    pub ctx: &'a Ctx,
    pub person: Person,
    pub needs: Vec<NeedRow>,
    /// Course id → name, for placed needs.
    pub courses: HashMap<String, String>,
    /// Need id → placement id, for the invitation.
    pub placements: HashMap<String, String>,
    pub can_edit: bool,
    /// The waiting need being edited, if any (id, version).
    pub editing: Option<(String, i32)>,
    pub form: NeedInput,
    pub errors: FormErrors,
}

impl NeedsView<'_> {
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
    pub fn slots(&self) -> Vec<&'static str> {
        TimeSlot::ALL.iter().map(|t| t.as_str()).collect()
    }
    pub fn has_slot(&self, s: &str) -> bool {
        self.form.time_slots.iter().any(|x| x == s)
    }
    pub fn authorities(&self) -> Vec<&'static str> {
        ObligedBy::ALL.iter().map(|o| o.as_str()).collect()
    }
    pub fn flag(&self, v: &str) -> bool {
        v == "true" || v == "on"
    }
    pub fn err(&self, f: &str) -> &str {
        self.errors.get(f).unwrap_or("")
    }
    pub fn general(&self) -> Vec<&str> {
        self.errors.general_messages(&[
            "course_type",
            "start_module",
            "level",
            "earliest_start",
            "latest_start",
            "max_travel_km",
            "time_slots",
            "obliged_by",
            "obliged_on",
            "waiting_since",
            "note",
        ])
    }
    pub fn date(&self, iso: &str) -> String {
        german_date(iso)
    }
    pub fn course(&self, id: &Option<String>) -> String {
        id.as_ref()
            .and_then(|id| self.courses.get(id).cloned())
            .unwrap_or_default()
    }
    /// Text fields: (name, type, value).
    pub fn texts(&self) -> Vec<(&'static str, &'static str, String)> {
        let f = &self.form;
        vec![
            ("start_module", "number", f.start_module.clone()),
            ("level", "text", f.level.clone()),
            ("earliest_start", "date", f.earliest_start.clone()),
            ("latest_start", "date", f.latest_start.clone()),
            ("max_travel_km", "number", f.max_travel_km.clone()),
            ("obliged_on", "date", f.obliged_on.clone()),
            ("waiting_since", "date", f.waiting_since.clone()),
            ("note", "text", f.note.clone()),
        ]
    }
}

fn form_of(map: &HashMap<String, String>) -> NeedInput {
    let f = |k: &str| map.get(k).map(|v| v.trim().to_owned()).unwrap_or_default();
    NeedInput {
        course_type: f("course_type"),
        start_module: f("start_module"),
        level: f("level"),
        earliest_start: f("earliest_start"),
        latest_start: f("latest_start"),
        max_travel_km: f("max_travel_km"),
        time_slots: TimeSlot::ALL
            .iter()
            .filter(|s| map.contains_key(&format!("slot_{}", s.as_str())))
            .map(|s| s.as_str().to_owned())
            .collect(),
        needs_childcare: if map.contains_key("needs_childcare") {
            "true".into()
        } else {
            String::new()
        },
        obliged_by: f("obliged_by"),
        obliged_on: f("obliged_on"),
        job_centre_referral: if map.contains_key("job_centre_referral") {
            "true".into()
        } else {
            String::new()
        },
        waiting_since: f("waiting_since"),
        note: f("note"),
    }
}

fn input_of(n: &NeedRow) -> NeedInput {
    let o = |v: &Option<String>| v.clone().unwrap_or_default();
    NeedInput {
        course_type: n.course_type.clone(),
        start_module: n.start_module.map(|m| m.to_string()).unwrap_or_default(),
        level: o(&n.level),
        earliest_start: n.earliest_start.clone(),
        latest_start: n.latest_start.clone(),
        max_travel_km: n.max_travel_km.to_string(),
        time_slots: n
            .time_slots
            .split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
        needs_childcare: n.needs_childcare.to_string(),
        obliged_by: o(&n.obliged_by),
        obliged_on: o(&n.obliged_on),
        job_centre_referral: n.job_centre_referral.to_string(),
        waiting_since: n.waiting_since.clone(),
        note: o(&n.note),
    }
}

async fn page_with(
    state: &AppState,
    page: &Page,
    id: &str,
    posted: Option<(NeedInput, FormErrors)>,
    status: StatusCode,
) -> Response {
    let (person, classes) = match crate::api::persons::read_person(state, &page.me, id, None).await
    {
        Ok(x) => x,
        Err(e) => return errors::page(&page.ctx, e),
    };
    if !classes.contains(&ankommen_db::needs::DATA_CLASS) {
        return errors::page(
            &page.ctx,
            crate::error::AppError::forbidden("course planning data is not shared with you"),
        );
    }
    let tenant = page.me.user.tenant_id.clone();
    let pid = person.id.clone();
    let loaded = state
        .db(move |c| {
            let needs = ankommen_db::needs::for_person(c, &tenant, &pid)?;
            let ids: Vec<String> = needs.iter().filter_map(|n| n.course_id.clone()).collect();
            let courses = ankommen_db::courses::get_many(c, &tenant, &ids)?
                .into_iter()
                .map(|k| {
                    (
                        k.id.clone(),
                        k.title.clone().unwrap_or(k.course_type.clone())
                            + " · "
                            + &german_date(&k.starts_on),
                    )
                })
                .collect();
            let placements = ankommen_db::allocation::placements_of(c, &tenant, &pid)?
                .into_iter()
                .map(|p| (p.need_id, p.id))
                .collect();
            Ok((needs, courses, placements))
        })
        .await;
    type Loaded = (
        Vec<NeedRow>,
        HashMap<String, String>,
        HashMap<String, String>,
    );
    let (needs, courses, placements): Loaded = match loaded {
        Ok(x) => x,
        Err(e) => return errors::page(&page.ctx, e),
    };
    let can_edit = crate::persons::is_case_worker(&page.me)
        && crate::persons::allowed_classes(
            &page.me,
            &person.values,
            ankommen_domain::policy::Action::Update,
            None,
            &[],
        )
        .contains(&ankommen_db::needs::DATA_CLASS);
    let waiting = needs.iter().find(|n| n.status == "waiting");
    let editing = waiting.map(|n| (n.id.clone(), n.version));
    let (form, errors) = match posted {
        Some(x) => x,
        None => match waiting {
            Some(n) => (input_of(n), FormErrors::default()),
            None if can_edit => match api::suggestion_for(state, &page.me, &person).await {
                Ok(s) => (s, FormErrors::default()),
                Err(e) => return errors::page(&page.ctx, e),
            },
            None => (NeedInput::default(), FormErrors::default()),
        },
    };
    render_status(
        status,
        &NeedsView {
            ctx: &page.ctx,
            person,
            needs,
            courses,
            placements,
            can_edit,
            editing,
            form,
            errors,
        },
    )
}

/// After a write: back to the course page with a notice, or the form again with its errors.
async fn saved_or_form(
    state: &AppState,
    page: &Page,
    id: &str,
    result: Result<(), crate::error::AppError>,
    form: NeedInput,
    notice: &str,
) -> Response {
    match result {
        Ok(()) => Redirect::to(&format!("/persons/{id}/course?msg={notice}")).into_response(),
        Err(e) => match form_errors(&page.ctx, e) {
            Ok(errs) => {
                page_with(
                    state,
                    page,
                    id,
                    Some((form, errs)),
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await
            }
            Err(e) => errors::page(&page.ctx, e),
        },
    }
}

pub async fn show(State(state): State<AppState>, page: Page, Path(id): Path<String>) -> Response {
    page_with(&state, &page, &id, None, StatusCode::OK).await
}

pub async fn create(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<String>,
    ApiForm(map): ApiForm<HashMap<String, String>>,
) -> Response {
    let form = form_of(&map);
    let result = api::create_need(&state, &page.me, &id, &form).await;
    saved_or_form(&state, &page, &id, result.map(|_| ()), form, "need-saved").await
}

/// One click from the person page: the suggestion as it is (eligibility, analysis, SGB II).
pub async fn create_suggested(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<String>,
) -> Response {
    let person = match crate::api::persons::read_person(&state, &page.me, &id, None).await {
        Ok((p, _)) => p,
        Err(e) => return errors::page(&page.ctx, e),
    };
    let form = match api::suggestion_for(&state, &page.me, &person).await {
        Ok(f) => f,
        Err(e) => return errors::page(&page.ctx, e),
    };
    let result = api::create_need(&state, &page.me, &id, &form).await;
    saved_or_form(&state, &page, &id, result.map(|_| ()), form, "need-saved").await
}

pub async fn update(
    State(state): State<AppState>,
    page: Page,
    Path((id, nid)): Path<(String, String)>,
    ApiForm(map): ApiForm<HashMap<String, String>>,
) -> Response {
    let form = form_of(&map);
    let version = map.get("version").and_then(|v| v.parse().ok()).unwrap_or(0);
    let result = api::update_need(&state, &page.me, &id, &nid, &form, version).await;
    saved_or_form(&state, &page, &id, result.map(|_| ()), form, "need-saved").await
}

pub async fn withdraw(
    State(state): State<AppState>,
    page: Page,
    Path((id, nid)): Path<(String, String)>,
    ApiForm(map): ApiForm<HashMap<String, String>>,
) -> Response {
    let version = map.get("version").and_then(|v| v.parse().ok()).unwrap_or(0);
    let reason = map.get("reason").cloned().unwrap_or_default();
    let result = api::withdraw_need(&state, &page.me, &id, &nid, &reason, version).await;
    saved_or_form(
        &state,
        &page,
        &id,
        result.map(|_| ()),
        NeedInput::default(),
        "need-withdrawn",
    )
    .await
}
