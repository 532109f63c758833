//! The staff UI: server-rendered askama pages that work without JavaScript. Every page gets
//! a [`Ctx`] (language, direction, user, navigation by role); forms post back and show
//! messages next to the fields, in the user's language.

pub mod admin_misc;
pub mod admin_orgs;
pub mod admin_users;
pub mod allocation;
pub mod assessments;
pub mod attendance;
pub mod case;
pub mod consents;
pub mod courses;
pub mod dashboard;
pub mod errors;
pub mod export;
pub mod invitation;
pub mod login;
pub mod needs;
pub mod offers;
pub mod person_page;
pub mod persons;
pub mod plans;
pub mod portal_editor;
pub mod privacy;
pub mod profile;
pub mod referrals;

use askama::Template;
use axum::Router;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use fluent_templates::fluent_bundle::FluentValue;

use ankommen_db::users::User;
use ankommen_domain::Role;
use ankommen_domain::validate::FieldError;

use crate::AppState;
use crate::auth::{CurrentUser, cookie, resolve};
use crate::error::AppError;
use crate::i18n::Lang;

pub const LANG_COOKIE: &str = "ankommen_lang";

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(dashboard::show))
        .route("/login", get(login::form).post(login::submit))
        .route("/logout", post(login::logout))
        .route("/language", post(profile::set_language))
        .route("/profile", get(profile::show))
        .route("/profile/password", post(profile::change_password))
        .route("/persons", get(persons::search).post(persons::create))
        .route("/persons/new", get(persons::new_form))
        .route(
            "/persons/{id}",
            get(person_page::show).post(persons::update),
        )
        .route("/persons/{id}/case", post(case::update))
        .route("/persons/{id}/course", get(needs::show))
        .route("/persons/{id}/course-needs", post(needs::create))
        .route(
            "/persons/{id}/course-needs/suggested",
            post(needs::create_suggested),
        )
        .route("/persons/{id}/course-needs/{nid}", post(needs::update))
        .route(
            "/persons/{id}/course-needs/{nid}/withdraw",
            post(needs::withdraw),
        )
        .route("/placements/{id}/invitation", get(invitation::show))
        .route("/courses/{id}/attendance", get(attendance::grid))
        .route("/courses/{id}/attendance/day", post(attendance::record_day))
        .route("/courses/{id}/attendance/csv", post(attendance::upload_csv))
        .route("/courses/{id}/results", post(attendance::add_result))
        .route("/notifications", get(attendance::notifications))
        .route("/notifications/{id}/read", post(attendance::mark_read))
        .route("/reports/clients", get(attendance::clients))
        .route("/courses", get(courses::catalogue).post(courses::create))
        .route("/courses/new", get(courses::new_form))
        .route("/courses/{id}", get(courses::show).post(courses::update))
        .route("/courses/{id}/edit", get(courses::edit_form))
        .route("/allocation", get(allocation::list).post(allocation::start))
        .route("/allocation/{id}", get(allocation::show))
        .route("/allocation/{id}/rerun", post(allocation::rerun))
        .route("/allocation/{id}/confirm", post(allocation::confirm))
        .route("/allocation/{id}/discard", post(allocation::discard))
        .route("/persons/{id}/edit", get(persons::edit_form))
        .route("/persons/{id}/consents", post(consents::create))
        .route(
            "/persons/{id}/consents/{cid}/withdraw",
            post(consents::withdraw),
        )
        .route(
            "/persons/{id}/assessments",
            get(assessments::list).post(assessments::create),
        )
        .route("/persons/{id}/assessments/{n}", get(assessments::show))
        .route(
            "/persons/{id}/assessments/{n}/sections/{section}",
            post(assessments::save_section),
        )
        .route(
            "/persons/{id}/assessments/{n}/complete",
            post(assessments::complete),
        )
        .route("/persons/{id}/plan", get(plans::show))
        .route("/persons/{id}/plan/print", get(plans::print))
        .route("/persons/{id}/plan/goals", post(plans::add_goal))
        .route("/persons/{id}/plan/steps", post(plans::add_step))
        .route("/persons/{id}/plan/steps/{sid}", post(plans::step_status))
        .route("/persons/{id}/plan/follow-ups", post(plans::add_follow_up))
        .route(
            "/persons/{id}/plan/follow-ups/{fid}",
            post(plans::follow_up_done),
        )
        .route(
            "/admin/users",
            get(admin_users::list).post(admin_users::create),
        )
        .route("/admin/users/new", get(admin_users::new_form))
        .route(
            "/admin/users/{id}",
            get(admin_users::edit_form).post(admin_users::update),
        )
        .route(
            "/admin/organisations",
            get(admin_orgs::list).post(admin_orgs::create),
        )
        .route("/admin/organisations/new", get(admin_orgs::new_form))
        .route(
            "/admin/organisations/{id}",
            get(admin_orgs::edit_form).post(admin_orgs::update),
        )
        .route(
            "/admin/tokens",
            get(admin_misc::tokens).post(admin_misc::issue_token),
        )
        .route("/admin/tokens/{id}/revoke", post(admin_misc::revoke_token))
        .route("/admin/jobs", get(admin_misc::jobs))
        .route("/admin/jobs/{id}/retry", post(admin_misc::retry_job))
        .route("/admin/audit", get(admin_misc::audit))
        .route("/offers", get(offers::list).post(offers::create))
        .route("/offers/new", get(offers::new_form))
        .route("/offers/{id}", get(offers::show).post(offers::update))
        .route("/referrals", get(referrals::mailbox))
        .route("/referrals/{id}", get(referrals::show))
        .route("/referrals/{id}/person", get(referrals::person))
        .route("/referrals/{id}/{action}", post(referrals::act))
        .route(
            "/persons/{id}/referrals",
            get(referrals::for_person).post(referrals::create),
        )
        // privacy routes
        .route("/break-glass", get(privacy::review_list))
        .route("/break-glass/{id}/review", post(privacy::review))
        .route("/persons/{id}/export", get(export::export_page))
        .route("/persons/{id}/export.json", get(export::export_json))
        .route("/persons/{id}/erasure", post(privacy::erase))
        .route(
            "/admin/data-protection",
            get(privacy::settings_page).post(privacy::save_settings_form),
        )
        .route("/static/app.css", get(stylesheet))
        .merge(portal_editor::router())
}

async fn stylesheet() -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/css; charset=utf-8"),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=3600"),
            ),
        ],
        include_str!("../../assets/app.css"),
    )
        .into_response()
}

/// A link in the top navigation.
pub struct NavItem {
    pub href: &'static str,
    pub label: String,
    pub current: bool,
}

/// What every page needs: language, direction, the user, the navigation.
pub struct Ctx {
    pub lang: Lang,
    pub user: Option<User>,
    pub path: String,
    /// A translated confirmation to show once (from `?msg=`).
    pub notice: Option<String>,
    /// Unread notifications of the user (the header's badge).
    pub unread: i64,
}

impl Ctx {
    pub fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }

    pub fn lang_code(&self) -> &'static str {
        self.lang.code()
    }

    pub fn dir(&self) -> &'static str {
        self.lang.dir()
    }

    pub fn other_langs(&self) -> Vec<(&'static str, &'static str)> {
        Lang::ALL
            .iter()
            .filter(|l| **l != self.lang)
            .map(|l| (l.code(), if *l == Lang::De { "Deutsch" } else { "English" }))
            .collect()
    }

    /// `selected` when a select option is the current value.
    pub fn sel(&self, value: &str, option: &str) -> &'static str {
        if value == option { "selected" } else { "" }
    }

    /// Date and time in Berlin time, German-style.
    pub fn ts(&self, t: &time::PrimitiveDateTime) -> String {
        admin_misc::ts(t)
    }

    pub fn opt_ts(&self, t: &Option<time::PrimitiveDateTime>) -> String {
        t.as_ref()
            .map(admin_misc::ts)
            .unwrap_or_else(|| "–".to_owned())
    }

    /// The label of a form field (`field-<name>` in Fluent).
    pub fn label(&self, field: &str) -> String {
        self.t(&format!("field-{field}"))
    }

    /// The label of a field in the history: person fields by their form label, sections of a
    /// situation analysis as "Situationsanalyse 2: Familie und Haushalt", plan entries as
    /// "Schritt: Fällig am".
    pub fn history_label(&self, field: &str) -> String {
        self.history_label_of(field, None)
    }

    /// Like [`Ctx::history_label`], naming the plan entry a change belongs to when known
    /// ("Schritt „Anmeldung zum Kurs“: Stand").
    pub fn history_label_of(&self, field: &str, item: Option<&str>) -> String {
        let mut parts = field.splitn(3, '.');
        match (parts.next(), parts.next(), parts.next()) {
            (Some("assessment"), Some(n), Some(section)) => {
                format!(
                    "{} {n}: {}",
                    self.t("assessment-title"),
                    self.t(&format!("assessment-section-{section}"))
                )
            }
            (Some("plan"), Some(kind), Some(rest)) => {
                // plan.<goal|step|follow_up>.<id>.<field>
                let what = match kind {
                    "step" => self.t("plan-step"),
                    "follow_up" => self.t("plan-follow-up"),
                    "goal" => self.t("plan-goal"),
                    _ => self.t("plan-title"),
                };
                let field = rest.rsplit('.').next().unwrap_or(rest);
                let label = self.key_or(&format!("plan-field-{field}"), field);
                match item {
                    Some(item) => format!("{what} {item}: {label}"),
                    None => format!("{what}: {label}"),
                }
            }
            (Some("consent"), Some(_), _) => self.t("consent-record"),
            (Some("referral"), Some(_), _) => self.t("referral-title"),
            _ => self.label(field),
        }
    }

    /// The translation of `key` if there is one, else `fallback` as it is.
    pub fn key_or(&self, key: &str, fallback: &str) -> String {
        if self.lang.has(key) {
            self.t(key)
        } else {
            fallback.to_owned()
        }
    }

    /// "ja"/"nein" for a stored boolean.
    pub fn yes_no(&self, yes: bool) -> String {
        self.t(if yes { "ao-yes" } else { "ao-no" })
    }

    /// Text in quotation marks of the page's language.
    pub fn quoted(&self, text: &str) -> String {
        match self.lang {
            Lang::De => format!("„{text}“"),
            Lang::En => format!("“{text}”"),
        }
    }

    /// The label of a coded value (`option-<field>-<value>` in Fluent), else the value itself.
    pub fn option(&self, field: &str, value: &str) -> String {
        let key = format!("option-{field}-{value}");
        if self.lang.has(&key) {
            self.t(&key)
        } else {
            value.to_owned()
        }
    }

    /// Like [`Ctx::option`] for an optional value; "–" when absent.
    pub fn option_or_dash(&self, field: &str, value: &Option<String>) -> String {
        value
            .as_deref()
            .map(|v| self.option(field, v))
            .unwrap_or_else(|| "–".to_owned())
    }

    pub fn case_status(&self, status: &str) -> String {
        self.t(&format!("case-status-{status}"))
    }

    pub fn role_label(&self, role: &str) -> String {
        self.t(&format!("role-{role}"))
    }

    pub fn kind_label(&self, kind: &str) -> String {
        self.t(&format!("org-kind-{kind}"))
    }

    /// Navigation by role.
    pub fn nav(&self) -> Vec<NavItem> {
        let Some(user) = &self.user else {
            return vec![];
        };
        let mut items = vec![("/", "nav-dashboard")];
        if matches!(user.role, Role::Counsellor | Role::TeamLead) {
            items.push(("/persons", "nav-persons"));
        }
        if matches!(
            user.role,
            Role::Counsellor
                | Role::TeamLead
                | Role::Provider
                | Role::PlacementOfficer
                | Role::ImmigrationOffice
        ) {
            items.push(("/courses", "nav-courses"));
        }
        if matches!(user.role, Role::Counsellor | Role::TeamLead) {
            items.push(("/allocation", "nav-allocation"));
        }
        if matches!(user.role, Role::PlacementOfficer | Role::ImmigrationOffice) {
            items.push(("/reports/clients", "nav-clients"));
        }
        if !matches!(user.role, Role::Admin | Role::Editor | Role::Analyst) {
            items.push(("/offers", "nav-offers"));
            items.push(("/referrals", "nav-referrals"));
        }
        if user.role == Role::TeamLead {
            items.push(("/break-glass", "nav-break-glass"));
        }
        if matches!(user.role, Role::Editor | Role::Admin) {
            items.push(("/editor", "nav-editor"));
        }
        items.push(("/notifications", "nav-notifications"));
        if matches!(user.role, Role::Admin | Role::TeamLead) {
            items.push(("/admin/users", "nav-users"));
            items.push(("/admin/organisations", "nav-organisations"));
            items.push(("/admin/audit", "nav-audit"));
        }
        if user.role == Role::Admin {
            items.push(("/admin/data-protection", "nav-data-protection"));
            items.push(("/admin/tokens", "nav-tokens"));
            items.push(("/admin/jobs", "nav-jobs"));
        }
        items.push(("/profile", "nav-profile"));
        items
            .into_iter()
            .map(|(href, key)| NavItem {
                href,
                label: self.t(key),
                current: if href == "/" {
                    self.path == "/"
                } else {
                    self.path.starts_with(href)
                },
            })
            .collect()
    }

    /// A translated message for a field error, falling back to the English text.
    pub fn field_message(&self, e: &FieldError) -> String {
        let key = format!("field-error-{}", e.code);
        if !self.lang.has(&key) {
            return e.message.clone();
        }
        match e.limit {
            Some(limit) => self
                .lang
                .t_args(&key, &[("limit", FluentValue::from(limit as i64))]),
            None => self.lang.t(&key),
        }
    }
}

fn query_param<'a>(parts: &'a Parts, name: &str) -> Option<&'a str> {
    parts
        .uri
        .query()?
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// Negotiates the language: `?lang=` > the user's setting > the language cookie >
/// `Accept-Language` > German.
pub fn negotiate(parts: &Parts, user: Option<&User>) -> Lang {
    query_param(parts, "lang")
        .and_then(Lang::parse)
        .or_else(|| user.and_then(|u| Lang::parse(&u.locale)))
        .or_else(|| cookie(parts, LANG_COOKIE).and_then(Lang::parse))
        .or_else(|| {
            parts
                .headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Lang::from_accept_language)
        })
        .unwrap_or(Lang::De)
}

fn ctx_from(parts: &Parts, user: Option<User>) -> Ctx {
    let lang = negotiate(parts, user.as_ref());
    let notice = query_param(parts, "msg")
        .filter(|m| m.len() < 40 && m.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
        .map(|m| lang.t(&format!("notice-{m}")));
    Ctx {
        lang,
        user,
        path: parts.uri.path().to_owned(),
        notice,
        unread: 0,
    }
}

/// Page context for pages that anyone may see (login, errors).
pub struct PublicPage(pub Ctx, pub Option<CurrentUser>);

impl FromRequestParts<AppState> for PublicPage {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let me = resolve(parts, state).await.ok().flatten();
        Ok(PublicPage(
            ctx_from(parts, me.as_ref().map(|m| m.user.clone())),
            me,
        ))
    }
}

/// Page context for staff pages; redirects to the login page when nobody is logged in.
pub struct Page {
    pub ctx: Ctx,
    pub me: CurrentUser,
}

impl FromRequestParts<AppState> for Page {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        match resolve(parts, state).await {
            Ok(Some(me)) => {
                let mut ctx = ctx_from(parts, Some(me.user.clone()));
                let (tenant, uid) = (me.user.tenant_id.clone(), me.user.id.clone());
                ctx.unread = state
                    .db(move |c| ankommen_db::notifications::unread_count(c, &tenant, &uid))
                    .await
                    .unwrap_or(0);
                Ok(Page { ctx, me })
            }
            Ok(None) | Err(AppError::Unauthorized(_)) => {
                let next = parts
                    .uri
                    .path_and_query()
                    .map(|p| p.as_str())
                    .unwrap_or("/");
                let target = format!("/login?next={}", encode(next));
                Err(Redirect::to(&target).into_response())
            }
            Err(e) => Err(errors::page(&ctx_from(parts, None), e)),
        }
    }
}

/// Minimal percent-encoding for a path in a query value.
pub fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Renders a template into a response.
pub fn render<T: Template>(t: &T) -> Response {
    match t.render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template");
            (StatusCode::INTERNAL_SERVER_ERROR, "template error").into_response()
        }
    }
}

/// Renders with a status (422 for a form with errors).
pub fn render_status<T: Template>(status: StatusCode, t: &T) -> Response {
    let mut r = render(t);
    if r.status() == StatusCode::OK {
        *r.status_mut() = status;
    }
    r
}

/// Errors of a form, translated, by field.
#[derive(Default, Debug)]
pub struct FormErrors(pub Vec<(String, String)>);

impl FormErrors {
    pub fn from_fields(ctx: &Ctx, errs: &[FieldError]) -> Self {
        Self(
            errs.iter()
                .map(|e| (e.field.to_owned(), ctx.field_message(e)))
                .collect(),
        )
    }

    pub fn general(message: String) -> Self {
        Self(vec![(String::new(), message)])
    }

    pub fn get(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, m)| m.as_str())
    }

    pub fn any(&self) -> bool {
        !self.0.is_empty()
    }

    /// Errors not tied to a shown field.
    pub fn general_messages(&self, shown: &[&str]) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(f, _)| !shown.contains(&f.as_str()))
            .map(|(_, m)| m.as_str())
            .collect()
    }
}

/// Turns an error of a form submission into form errors to show on the form; anything else
/// stays an error, for an error page.
pub fn form_errors(ctx: &Ctx, e: AppError) -> Result<FormErrors, AppError> {
    match e {
        AppError::Validation(errs) => Ok(FormErrors::from_fields(ctx, &errs)),
        AppError::Conflict(msg) => Ok(FormErrors::general(format!(
            "{} {}",
            ctx.t("error-conflict"),
            msg
        ))),
        other => Err(other),
    }
}
