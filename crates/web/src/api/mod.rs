//! The JSON API under `/api/v1` and its OpenAPI 3.1 document at `/api/openapi.json`.
//! Handlers are thin: parse, authorise with the policy, call a repository, respond.

pub mod allocation;
pub mod assessments;
pub mod attendance;
pub mod audit;
pub mod consents;
pub mod courses;
pub mod health;
pub mod jobs;
pub mod offers;
pub mod orgs;
pub mod persons;
pub mod plans;
pub mod privacy;
pub mod referrals;
pub mod session;
pub mod tokens;
pub mod users;

use axum::Router;
use axum::routing::{delete, get, post};
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::AppState;

#[derive(OpenApi)]
#[openapi(
    info(title = "ankommen API", description = "Migration and integration management for a county's migration centre.", version = "1"),
    paths(
        health::healthz,
        session::login, session::logout, session::me,
        users::list, users::create, users::get, users::update, users::change_own_password,
        orgs::list, orgs::create, orgs::get, orgs::update, orgs::municipalities,
        tokens::list, tokens::issue, tokens::revoke,
        jobs::list, jobs::retry,
        audit::list,
        persons::search, persons::create, persons::get, persons::update, persons::eligibility, persons::history, persons::audit_trail,
        assessments::list, assessments::create, assessments::get, assessments::get_section, assessments::put_section, assessments::complete,
        plans::get, plans::create_goal, plans::update_goal, plans::create_step, plans::update_step, plans::create_follow_up, plans::update_follow_up,
        consents::list, consents::create, consents::withdraw,
        courses::list, courses::create, courses::get, courses::update, courses::participants,
        courses::person_needs, courses::create_person_need, courses::suggestion, courses::update_person_need, courses::withdraw_person_need, courses::waiting_list,
        allocation::create, allocation::list, allocation::get, allocation::rerun, allocation::confirm, allocation::discard,
        attendance::put_day, attendance::post_csv, attendance::grid, attendance::post_result,
        attendance::list_notifications, attendance::mark_read, attendance::clients, attendance::get_rule, attendance::put_rule,
        offers::list, offers::get, offers::create, offers::update,
        referrals::create, referrals::list_for_person, referrals::list, referrals::get, referrals::person, referrals::transition,
        privacy::list_grants, privacy::post_review, privacy::get_settings, privacy::put_settings, privacy::run_retention,
        privacy::get_export, privacy::get_erasure, privacy::post_erasure,
    ),
    components(schemas(crate::error::Problem, crate::error::FieldProblem)),
    modifiers(&Security),
    tags(
        (name = "session", description = "Log in and out"),
        (name = "admin", description = "Users, organisations, tokens, jobs"),
        (name = "audit", description = "The append-only audit log"),
        (name = "persons", description = "Person records, search, eligibility"),
        (name = "assessments", description = "Situation analyses, saved section by section"),
        (name = "plans", description = "Integration plans: goals, steps, follow-ups"),
        (name = "consents", description = "Consent records: who may see which data classes"),
        (name = "courses", description = "Course catalogue, course needs and the waiting list"),
        (name = "allocation", description = "Allocation runs: proposal, pins, confirmation"),
        (name = "attendance", description = "Attendance, course results, notifications and the officers' client report"),
        (name = "network", description = "Offers of the network and referrals with a data scope"),
        (name = "privacy", description = "Break-the-glass review, retention, data export and erasure"),
    )
)]
pub struct ApiDoc;

struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
        components.add_security_scheme(
            "cookie",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new("ankommen_session"))),
        );
    }
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(health::healthz))
        .route(
            "/api/openapi.json",
            get(|| async { axum::Json(ApiDoc::openapi()) }),
        )
        .route(
            "/api/v1/session",
            post(session::login)
                .delete(session::logout)
                .get(session::me),
        )
        .route("/api/v1/users", get(users::list).post(users::create))
        .route("/api/v1/users/{id}", get(users::get).put(users::update))
        .route(
            "/api/v1/me/password",
            axum::routing::put(users::change_own_password),
        )
        .route("/api/v1/organisations", get(orgs::list).post(orgs::create))
        .route(
            "/api/v1/organisations/{id}",
            get(orgs::get).put(orgs::update),
        )
        .route("/api/v1/municipalities", get(orgs::municipalities))
        .route("/api/v1/api-tokens", get(tokens::list).post(tokens::issue))
        .route("/api/v1/api-tokens/{id}", delete(tokens::revoke))
        .route("/api/v1/jobs", get(jobs::list))
        .route("/api/v1/jobs/{id}/retry", post(jobs::retry))
        .route("/api/v1/audit", get(audit::list))
        .route(
            "/api/v1/persons",
            get(persons::search).post(persons::create),
        )
        .route(
            "/api/v1/persons/{id}",
            get(persons::get).put(persons::update),
        )
        .route(
            "/api/v1/persons/{id}/eligibility",
            get(persons::eligibility),
        )
        .route("/api/v1/persons/{id}/history", get(persons::history))
        .route("/api/v1/persons/{id}/audit", get(persons::audit_trail))
        .route(
            "/api/v1/persons/{id}/assessments",
            get(assessments::list).post(assessments::create),
        )
        .route(
            "/api/v1/persons/{id}/assessments/{n}",
            get(assessments::get),
        )
        .route(
            "/api/v1/persons/{id}/assessments/{n}/sections/{section}",
            get(assessments::get_section).put(assessments::put_section),
        )
        .route(
            "/api/v1/persons/{id}/assessments/{n}/complete",
            post(assessments::complete),
        )
        .route(
            "/api/v1/persons/{id}/consents",
            get(consents::list).post(consents::create),
        )
        .route(
            "/api/v1/persons/{id}/consents/{consent_id}/withdraw",
            post(consents::withdraw),
        )
        .route("/api/v1/courses", get(courses::list).post(courses::create))
        .route(
            "/api/v1/courses/{id}",
            get(courses::get).put(courses::update),
        )
        .route(
            "/api/v1/courses/{id}/participants",
            get(courses::participants),
        )
        .route(
            "/api/v1/persons/{id}/course-needs",
            get(courses::person_needs).post(courses::create_person_need),
        )
        .route(
            "/api/v1/persons/{id}/course-needs/suggestion",
            get(courses::suggestion),
        )
        .route(
            "/api/v1/persons/{id}/course-needs/{need_id}",
            axum::routing::put(courses::update_person_need),
        )
        .route(
            "/api/v1/persons/{id}/course-needs/{need_id}/withdraw",
            post(courses::withdraw_person_need),
        )
        .route("/api/v1/waiting-list", get(courses::waiting_list))
        .route("/api/v1/courses/{id}/attendance", get(attendance::grid))
        .route(
            "/api/v1/courses/{id}/attendance.csv",
            post(attendance::post_csv),
        )
        .route(
            "/api/v1/courses/{id}/attendance/{day}",
            axum::routing::put(attendance::put_day),
        )
        .route(
            "/api/v1/placements/{id}/results",
            post(attendance::post_result),
        )
        .route("/api/v1/notifications", get(attendance::list_notifications))
        .route(
            "/api/v1/notifications/{id}/read",
            post(attendance::mark_read),
        )
        .route("/api/v1/reports/clients", get(attendance::clients))
        .route(
            "/api/v1/settings/attendance-rule",
            get(attendance::get_rule).put(attendance::put_rule),
        )
        .route(
            "/api/v1/allocation-runs",
            get(allocation::list).post(allocation::create),
        )
        .route("/api/v1/allocation-runs/{id}", get(allocation::get))
        .route(
            "/api/v1/allocation-runs/{id}/rerun",
            post(allocation::rerun),
        )
        .route(
            "/api/v1/allocation-runs/{id}/confirm",
            post(allocation::confirm),
        )
        .route(
            "/api/v1/allocation-runs/{id}/discard",
            post(allocation::discard),
        )
        .route("/api/v1/persons/{id}/plan", get(plans::get))
        .route("/api/v1/persons/{id}/plan/goals", post(plans::create_goal))
        .route(
            "/api/v1/persons/{id}/plan/goals/{goal_id}",
            axum::routing::put(plans::update_goal),
        )
        .route("/api/v1/persons/{id}/plan/steps", post(plans::create_step))
        .route(
            "/api/v1/persons/{id}/plan/steps/{step_id}",
            axum::routing::put(plans::update_step),
        )
        .route(
            "/api/v1/persons/{id}/plan/follow-ups",
            post(plans::create_follow_up),
        )
        .route(
            "/api/v1/persons/{id}/plan/follow-ups/{follow_up_id}",
            axum::routing::put(plans::update_follow_up),
        )
        .route("/api/v1/offers", get(offers::list).post(offers::create))
        .route("/api/v1/offers/{id}", get(offers::get).put(offers::update))
        .route(
            "/api/v1/persons/{id}/referrals",
            get(referrals::list_for_person).post(referrals::create),
        )
        .route("/api/v1/referrals", get(referrals::list))
        .route("/api/v1/referrals/{id}", get(referrals::get))
        .route("/api/v1/referrals/{id}/person", get(referrals::person))
        .route(
            "/api/v1/referrals/{id}/{action}",
            post(referrals::transition),
        )
        .route("/api/v1/break-glass", get(privacy::list_grants))
        .route(
            "/api/v1/break-glass/{id}/review",
            post(privacy::post_review),
        )
        .route(
            "/api/v1/settings/data-protection",
            get(privacy::get_settings).put(privacy::put_settings),
        )
        .route("/api/v1/retention/run", post(privacy::run_retention))
        .route("/api/v1/persons/{id}/export", get(privacy::get_export))
        .route(
            "/api/v1/persons/{id}/erasure",
            get(privacy::get_erasure).post(privacy::post_erasure),
        )
        .route(
            "/api/v1/{*rest}",
            axum::routing::any(|| async { crate::error::AppError::not_found() }),
        )
}

/// Parses a path id; an id that is not a UUID is simply not found.
pub fn path_id(raw: &str) -> Result<String, crate::error::AppError> {
    ankommen_domain::ids::UserId::parse(raw)
        .map(|id| id.into_string())
        .map_err(|_| crate::error::AppError::not_found())
}
