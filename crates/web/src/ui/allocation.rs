//! Allocation pages for team leads: the list of runs with a form to start one, and the
//! proposal page: seats per course, each person's placement with the reasons in words, pins
//! and exclusions for a re-run, and the confirmation (with the clash report when seats were
//! taken meanwhile).

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use fluent_templates::fluent_bundle::FluentValue;

use ankommen_db::allocation::{Clash, RunRow};
use ankommen_domain::Role;

use super::courses::{german_date, type_label};
use super::{Ctx, FormErrors, Page, errors, form_errors, render_status};
use crate::AppState;
use crate::allocation::{ProposedCourse, ProposedPerson, ProposedReason};
use crate::api::allocation::{self as api, ConfirmOutcome, Rerun, RunOut, StartRun};
use crate::extract::ApiForm;

#[derive(Template)]
#[template(path = "allocation.html")]
pub struct RunsView<'a> {
    pub ctx: &'a Ctx,
    pub runs: Vec<RunRow>,
    pub waiting: usize,
    pub is_lead: bool,
    pub form: (String, String),
    pub errors: FormErrors,
}

impl RunsView<'_> {
    pub fn date(&self, iso: &str) -> String {
        german_date(iso)
    }
    pub fn ts(&self, t: &time::PrimitiveDateTime) -> String {
        self.ctx.ts(t)
    }
    pub fn err(&self, f: &str) -> &str {
        self.errors.get(f).unwrap_or("")
    }
}

async fn runs_page(
    state: &AppState,
    page: &Page,
    form: (String, String),
    errors: FormErrors,
    status: StatusCode,
) -> Response {
    if let Err(e) = crate::api::courses::may_allocate_read(&page.me) {
        return errors::page(&page.ctx, e);
    }
    let tenant = page.me.user.tenant_id.clone();
    let loaded = state
        .db(move |c| {
            let runs = ankommen_db::allocation::list(c, &tenant, 50)?;
            let waiting = ankommen_db::needs::waiting(c, &tenant)?.len();
            Ok((runs, waiting))
        })
        .await;
    match loaded {
        Ok((runs, waiting)) => render_status(
            status,
            &RunsView {
                ctx: &page.ctx,
                runs,
                waiting,
                is_lead: page.me.user.role == Role::TeamLead,
                form,
                errors,
            },
        ),
        Err(e) => errors::page(&page.ctx, e),
    }
}

pub async fn list(State(state): State<AppState>, page: Page) -> Response {
    let today = ankommen_db::now().date();
    let form = (
        (today + time::Duration::days(7)).to_string(),
        (today + time::Duration::days(70)).to_string(),
    );
    runs_page(&state, &page, form, FormErrors::default(), StatusCode::OK).await
}

pub async fn start(
    State(state): State<AppState>,
    page: Page,
    ApiForm(form): ApiForm<HashMap<String, String>>,
) -> Response {
    let f = |k: &str| form.get(k).cloned().unwrap_or_default();
    let body = StartRun {
        window_from: f("window_from"),
        window_to: f("window_to"),
        ..StartRun::default()
    };
    match api::start_run(&state, &page.me, body).await {
        Ok(run) => Redirect::to(&format!("/allocation/{}", run.run.id)).into_response(),
        Err(e) => match form_errors(&page.ctx, e) {
            Ok(errs) => {
                runs_page(
                    &state,
                    &page,
                    (f("window_from"), f("window_to")),
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
#[template(path = "allocation_run.html")]
pub struct RunView<'a> {
    pub ctx: &'a Ctx,
    pub run: RunOut,
    pub is_lead: bool,
    pub providers: HashMap<String, String>,
    pub towns: HashMap<String, String>,
    pub clashes: Vec<Clash>,
}

impl RunView<'_> {
    pub fn date(&self, iso: &str) -> String {
        german_date(iso)
    }
    pub fn editable(&self) -> bool {
        self.is_lead && self.run.run.status == ankommen_db::allocation::PROPOSED
    }
    fn course(&self, id: &str) -> Option<&ProposedCourse> {
        self.run.proposal.courses.iter().find(|c| c.id == id)
    }
    /// "Integrationskurs (allgemein), Bramsche, ab 11.01.2027".
    pub fn course_name(&self, id: &str) -> String {
        match self.course(id) {
            Some(c) => format!(
                "{}, {}, {} {}",
                c.title
                    .clone()
                    .unwrap_or_else(|| type_label(self.ctx, &c.course_type)),
                self.towns
                    .get(&c.municipality_id)
                    .cloned()
                    .unwrap_or_default(),
                self.ctx.t("course-from-short"),
                german_date(&c.starts_on)
            ),
            None => self.ctx.t("allocation-unknown-course"),
        }
    }
    pub fn course_opt(&self, id: &Option<String>) -> String {
        match id {
            Some(id) => self.course_name(id),
            None => "–".into(),
        }
    }
    pub fn provider(&self, c: &ProposedCourse) -> String {
        self.providers
            .get(&c.provider_org_id)
            .cloned()
            .unwrap_or_default()
    }
    pub fn town(&self, c: &ProposedCourse) -> String {
        self.towns
            .get(&c.municipality_id)
            .cloned()
            .unwrap_or_default()
    }
    pub fn type_label(&self, t: &str) -> String {
        type_label(self.ctx, t)
    }
    pub fn placed_in<'b>(&'b self, course: &str) -> Vec<&'b ProposedPerson> {
        self.run
            .proposal
            .people
            .iter()
            .filter(|p| p.course_id.as_deref() == Some(course))
            .collect()
    }
    /// Unplaced people for whom a course of their type starts in the window.
    pub fn unplaced(&self) -> Vec<&ProposedPerson> {
        self.run
            .proposal
            .people
            .iter()
            .filter(|p| p.course_id.is_none() && self.has_type(p))
            .collect()
    }
    /// Unplaced people whose course type does not start in the window at all.
    pub fn unplaced_other(&self) -> Vec<&ProposedPerson> {
        self.run
            .proposal
            .people
            .iter()
            .filter(|p| p.course_id.is_none() && !self.has_type(p))
            .collect()
    }
    fn has_type(&self, p: &ProposedPerson) -> bool {
        self.run
            .proposal
            .courses
            .iter()
            .any(|c| c.course_type == p.course_type)
    }
    /// Courses a person is excluded from (kept as ticked boxes wherever the person is listed).
    pub fn exclusions(&self, p: &ProposedPerson) -> Vec<String> {
        self.run
            .excluded
            .iter()
            .filter(|(n, _)| *n == p.need_id)
            .map(|(_, c)| c.clone())
            .collect()
    }
    pub fn is_pinned(&self, p: &ProposedPerson) -> bool {
        self.run.pinned.iter().any(|(n, _)| *n == p.need_id)
    }
    pub fn pinned_to(&self, p: &ProposedPerson, course: &str) -> bool {
        self.run
            .pinned
            .iter()
            .any(|(n, c)| *n == p.need_id && c == course)
    }
    pub fn is_excluded(&self, p: &ProposedPerson, course: &str) -> bool {
        self.run
            .excluded
            .iter()
            .any(|(n, c)| *n == p.need_id && c == course)
    }
    /// Courses a person's pin can name: same course type.
    pub fn pin_options(&self, p: &ProposedPerson) -> Vec<&ProposedCourse> {
        self.run
            .proposal
            .courses
            .iter()
            .filter(|c| c.course_type == p.course_type)
            .collect()
    }
    /// The reasons in the user's language.
    pub fn reasons(&self, p: &ProposedPerson) -> Vec<String> {
        p.reasons.iter().map(|r| self.reason(r)).collect()
    }
    fn args(&self, key: &str, args: Vec<(&'static str, FluentValue<'static>)>) -> String {
        self.ctx.lang.t_args(key, &args)
    }
    fn reason(&self, r: &ProposedReason) -> String {
        let s = |v: String| FluentValue::from(v);
        let n = |v: u32| FluentValue::from(i64::from(v));
        let u = |v: usize| FluentValue::from(i64::try_from(v).unwrap_or(i64::MAX));
        match r {
            ProposedReason::Pinned { course_id } => self.args(
                "reason-pinned",
                vec![("course", s(self.course_name(course_id)))],
            ),
            ProposedReason::Placed {
                course_id,
                travel_km,
                weeks_until_start,
                level_steps,
            } => self.args(
                "reason-placed",
                vec![
                    ("course", s(self.course_name(course_id))),
                    ("km", n(*travel_km)),
                    ("weeks", n(*weeks_until_start)),
                    ("steps", n(*level_steps)),
                ],
            ),
            ProposedReason::NearerCourseFull {
                course_id,
                travel_km,
                higher_priority,
                lower_cost,
            } => self.args(
                "reason-nearer-full",
                vec![
                    ("course", s(self.course_name(course_id))),
                    ("km", n(*travel_km)),
                    ("higher", u(*higher_priority)),
                    ("cheaper", u(*lower_cost)),
                ],
            ),
            ProposedReason::NearerCourseWorse {
                course_id,
                travel_km,
                weeks_until_start,
            } => self.args(
                "reason-nearer-worse",
                vec![
                    ("course", s(self.course_name(course_id))),
                    ("km", n(*travel_km)),
                    ("weeks", n(*weeks_until_start)),
                ],
            ),
            ProposedReason::NoFittingCourse { filters } => {
                let list = filters
                    .iter()
                    .map(|(f, count)| format!("{count}× {}", self.ctx.t(&format!("filter-{f}"))))
                    .collect::<Vec<_>>()
                    .join(", ");
                self.args("reason-no-fitting", vec![("list", s(list))])
            }
            ProposedReason::AllFittingFull { courses } => {
                let list = courses
                    .iter()
                    .map(|(c, higher, cheaper)| {
                        self.args(
                            "reason-full-course",
                            vec![
                                ("course", s(self.course_name(c))),
                                ("higher", u(*higher)),
                                ("cheaper", u(*cheaper)),
                            ],
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; ");
                self.args("reason-all-full", vec![("list", s(list))])
            }
            ProposedReason::NoHome => self.ctx.t("reason-no-home"),
            ProposedReason::NoCourses => self.ctx.t("reason-no-courses"),
        }
    }
    pub fn clash(&self, c: &Clash) -> String {
        let s = |v: String| FluentValue::from(v);
        match c {
            Clash::CourseFull {
                course_id,
                wanted,
                free,
            } => self.args(
                "clash-course-full",
                vec![
                    ("course", s(self.course_name(course_id))),
                    ("wanted", FluentValue::from(i64::from(*wanted))),
                    ("free", FluentValue::from(i64::from(*free))),
                ],
            ),
            Clash::CourseCancelled { course_id } => self.args(
                "clash-course-cancelled",
                vec![("course", s(self.course_name(course_id)))],
            ),
            Clash::NeedNotWaiting { person_id, .. } => {
                let name = self
                    .run
                    .proposal
                    .people
                    .iter()
                    .find(|p| p.person_id == *person_id)
                    .map(|p| format!("{}, {}", p.family_name, p.given_names))
                    .unwrap_or_default();
                self.args("clash-not-waiting", vec![("name", s(name))])
            }
        }
    }
}

async fn run_page(
    state: &AppState,
    page: &Page,
    id: &str,
    clashes: Vec<Clash>,
    status: StatusCode,
) -> Response {
    let run = match api::load_run(state, &page.me, id).await {
        Ok(r) => r,
        Err(e) => return errors::page(&page.ctx, e),
    };
    let tenant = page.me.user.tenant_id.clone();
    let names = state
        .db(move |c| {
            let providers = ankommen_db::orgs::list(c, &tenant)?
                .into_iter()
                .map(|o| (o.id, o.name))
                .collect();
            let towns = ankommen_db::municipalities::list(c, &tenant)?
                .into_iter()
                .map(|m| (m.id, m.name))
                .collect();
            Ok((providers, towns))
        })
        .await;
    let (providers, towns) = match names {
        Ok(x) => x,
        Err(e) => return errors::page(&page.ctx, e),
    };
    render_status(
        status,
        &RunView {
            ctx: &page.ctx,
            run,
            is_lead: page.me.user.role == Role::TeamLead,
            providers,
            towns,
            clashes,
        },
    )
}

pub async fn show(State(state): State<AppState>, page: Page, Path(id): Path<String>) -> Response {
    run_page(&state, &page, &id, vec![], StatusCode::OK).await
}

/// The re-run form: `pin_<need_id>` = course id or empty, `exclude_<need_id>_<course_id>`.
pub async fn rerun(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<String>,
    ApiForm(form): ApiForm<HashMap<String, String>>,
) -> Response {
    let version = form
        .get("version")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let mut pinned: Vec<(String, String)> = form
        .iter()
        .filter_map(|(k, v)| {
            let need = k.strip_prefix("pin_")?;
            (!v.is_empty()).then(|| (need.to_owned(), v.clone()))
        })
        .collect();
    pinned.sort();
    let mut excluded: Vec<(String, String)> = form
        .iter()
        .filter_map(|(k, v)| {
            let rest = k.strip_prefix("exclude_")?;
            let (need, course) = rest.split_once('_')?;
            (v == "on").then(|| (need.to_owned(), course.to_owned()))
        })
        .collect();
    excluded.sort();
    match api::rerun_run(
        &state,
        &page.me,
        &id,
        Rerun {
            version,
            pinned,
            excluded,
        },
    )
    .await
    {
        Ok(_) => Redirect::to(&format!("/allocation/{id}?msg=allocation-rerun")).into_response(),
        Err(e) => errors::page(&page.ctx, e),
    }
}

pub async fn confirm(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<String>,
    ApiForm(form): ApiForm<HashMap<String, String>>,
) -> Response {
    let version = form
        .get("version")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    match api::confirm_run(&state, &page.me, &id, version).await {
        Ok(ConfirmOutcome::Booked(..)) => {
            Redirect::to(&format!("/allocation/{id}?msg=allocation-confirmed")).into_response()
        }
        Ok(ConfirmOutcome::Clashes(c)) => {
            run_page(&state, &page, &id, c, StatusCode::CONFLICT).await
        }
        Err(e) => errors::page(&page.ctx, e),
    }
}

pub async fn discard(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<String>,
    ApiForm(form): ApiForm<HashMap<String, String>>,
) -> Response {
    let version = form
        .get("version")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    match api::discard_run(&state, &page.me, &id, version).await {
        Ok(_) => Redirect::to("/allocation?msg=allocation-discarded").into_response(),
        Err(e) => errors::page(&page.ctx, e),
    }
}
