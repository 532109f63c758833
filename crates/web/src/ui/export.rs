//! A person's data export (GDPR Art. 15) as a printable page and as a JSON download, for
//! the person's case worker and team leads. The document comes from `api::privacy::export`;
//! this module only looks up names and renders.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use super::courses::german_date;
use super::{Ctx, Page, errors, render};
use crate::AppState;
use crate::api::privacy as api;

/// A label and a value.
pub struct Fact {
    pub label: String,
    pub value: String,
}

pub struct AnalysisRow {
    pub number: String,
    pub status: String,
    pub sections: String,
}

pub struct StepItem {
    pub title: String,
    pub status: String,
    pub due: String,
}

pub struct GoalItem {
    pub title: String,
    pub status: String,
    pub steps: Vec<StepItem>,
}

pub struct ConsentRow {
    pub recipient: String,
    pub scope: String,
    pub purpose: String,
    pub dates: String,
}

pub struct NeedItem {
    pub course_type: String,
    pub status: String,
    pub waiting_since: String,
}

pub struct CourseItem {
    pub course: String,
    pub status: String,
    pub days: usize,
}

pub struct ReferralItem {
    pub organisation: String,
    pub purpose: String,
    pub scope: String,
    pub state: String,
    pub sent: String,
}

pub struct AccessRow {
    pub organisation: String,
    pub at: String,
    pub action: String,
    pub classes: String,
}

#[derive(Template)]
#[template(path = "export.html")]
pub struct ExportView<'a> {
    pub ctx: &'a Ctx,
    pub person_id: String,
    pub case_number: String,
    pub name: String,
    pub exported_at: String,
    pub person: Vec<Fact>,
    pub names: Vec<String>,
    pub history_count: usize,
    pub analyses: Vec<AnalysisRow>,
    pub goals: Vec<GoalItem>,
    pub follow_ups: usize,
    pub consents: Vec<ConsentRow>,
    pub needs: Vec<NeedItem>,
    pub courses: Vec<CourseItem>,
    pub referrals: Vec<ReferralItem>,
    pub accesses: Vec<AccessRow>,
}

/// The text of a JSON value: strings as they are, numbers and booleans written out, else "".
fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        _ => String::new(),
    }
}

fn arr(v: &Value) -> &[Value] {
    v.as_array().map(Vec::as_slice).unwrap_or(&[])
}

/// A stored timestamp (`2026-01-02T03:04:05.000000Z`) in Berlin time, German-style.
fn stamp(raw: &str) -> String {
    let fmt = time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]");
    raw.get(..19)
        .and_then(|s| time::PrimitiveDateTime::parse(s, &fmt).ok())
        .map(|t| super::admin_misc::ts(&t))
        .unwrap_or_else(|| raw.to_owned())
}

fn date_or_dash(v: &Value) -> String {
    match v.as_str() {
        Some(s) if !s.is_empty() => german_date(s),
        _ => "–".to_owned(),
    }
}

/// Data class names (comma-separated) as labels.
fn class_labels(ctx: &Ctx, list: &str) -> String {
    list.split(',')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(|c| ctx.key_or(&format!("consent-class-{c}"), c))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Names for the ids an export carries: users, organisations, towns, courses.
#[derive(Default)]
struct Lookup {
    users: HashMap<String, String>,
    orgs: HashMap<String, String>,
    towns: HashMap<String, String>,
    courses: HashMap<String, String>,
}

fn person_facts(ctx: &Ctx, values: &Value, names: &Lookup) -> Vec<Fact> {
    let fields = ankommen_db::persons::PersonValues::default().fields();
    fields
        .into_iter()
        .filter_map(|(field, _)| {
            let v = &values[field];
            let raw = text(v);
            if raw.is_empty() || raw == "[]" {
                return None;
            }
            let name_of = |m: &HashMap<String, String>| m.get(&raw).cloned().unwrap_or(raw.clone());
            let value = match field {
                "counsellor_id" => name_of(&names.users),
                "responsible_org_id" => name_of(&names.orgs),
                "municipality_id" => name_of(&names.towns),
                "case_status" => ctx.case_status(&raw),
                "literate_latin" => ctx.yes_no(v.as_bool().unwrap_or(false)),
                "languages" => languages(&raw),
                f if f.ends_with("_on") || f.ends_with("_until") || f == "birth_date" => {
                    german_date(&raw)
                }
                _ => ctx.option(field, &raw),
            };
            Some(Fact {
                label: ctx.label(field),
                value,
            })
        })
        .collect()
}

/// `[{"language": "ar", "level": "C2"}]` → `ar (C2)`.
fn languages(raw: &str) -> String {
    match serde_json::from_str::<Value>(raw) {
        Ok(Value::Array(list)) => list
            .iter()
            .map(|l| {
                let level = text(&l["level"]);
                if level.is_empty() {
                    text(&l["language"])
                } else {
                    format!("{} ({level})", text(&l["language"]))
                }
            })
            .collect::<Vec<_>>()
            .join(", "),
        _ => raw.to_owned(),
    }
}

fn export_view<'a>(ctx: &'a Ctx, doc: &Value, names: &Lookup) -> ExportView<'a> {
    let person = &doc["person"];
    let values = &person["values"];
    let analyses = arr(&doc["situation_analyses"])
        .iter()
        .map(|a| AnalysisRow {
            number: text(&a["analysis"]["number"]),
            status: ctx.key_or(
                &format!("assessment-status-{}", text(&a["analysis"]["status"])),
                &text(&a["analysis"]["status"]),
            ),
            sections: a["sections"]
                .as_object()
                .map(|m| {
                    m.keys()
                        .map(|k| ctx.key_or(&format!("assessment-section-{k}"), k))
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default(),
        })
        .collect();
    let plan = &doc["plan"];
    let steps = arr(&plan["steps"]);
    let goals = arr(&plan["goals"])
        .iter()
        .map(|g| GoalItem {
            title: text(&g["title"]),
            status: ctx.key_or(
                &format!("plan-goal-status-{}", text(&g["status"])),
                &text(&g["status"]),
            ),
            steps: steps
                .iter()
                .filter(|s| s["goal_id"] == g["id"])
                .map(|s| StepItem {
                    title: text(&s["title"]),
                    status: ctx.key_or(
                        &format!("plan-step-status-{}", text(&s["status"])),
                        &text(&s["status"]),
                    ),
                    due: date_or_dash(&s["due_on"]),
                })
                .collect(),
        })
        .collect();
    let consents = arr(&doc["consents"])
        .iter()
        .map(|k| {
            let c = &k["consent"];
            let mut dates = format!(
                "{} {}",
                ctx.t("consent-given-on"),
                date_or_dash(&c["given_on"])
            );
            if c["expires_on"].is_string() {
                dates.push_str(&format!(
                    "; {} {}",
                    ctx.t("consent-expires-on"),
                    date_or_dash(&c["expires_on"])
                ));
            }
            if c["withdrawn_on"].is_string() {
                dates.push_str(&format!(
                    "; {} {}",
                    ctx.t("consent-withdrawn-on"),
                    date_or_dash(&c["withdrawn_on"])
                ));
            }
            ConsentRow {
                recipient: text(&k["recipient"]),
                scope: class_labels(ctx, &text(&c["scope"])),
                purpose: text(&c["purpose"]),
                dates,
            }
        })
        .collect();
    let needs = arr(&doc["course_needs"])
        .iter()
        .map(|n| NeedItem {
            course_type: ctx.option("course_type", &text(&n["course_type"])),
            status: ctx.option("need_status", &text(&n["status"])),
            waiting_since: date_or_dash(&n["waiting_since"]),
        })
        .collect();
    let courses = arr(&doc["courses"])
        .iter()
        .map(|c| {
            let id = text(&c["placement"]["course_id"]);
            CourseItem {
                course: names.courses.get(&id).cloned().unwrap_or(id),
                status: ctx.option("placement_status", &text(&c["placement"]["status"])),
                days: arr(&c["attendance"]).len(),
            }
        })
        .collect();
    let referrals = arr(&doc["referrals"])
        .iter()
        .map(|r| {
            let x = &r["referral"];
            let state = text(&x["state"]);
            ReferralItem {
                organisation: text(&r["to_organisation"]),
                purpose: text(&x["purpose"]),
                scope: class_labels(ctx, &text(&x["scope"])),
                state: ctx.key_or(&format!("dp-referral-state-{state}"), &state),
                sent: x["sent_at"]
                    .as_str()
                    .map(stamp)
                    .unwrap_or_else(|| "–".to_owned()),
            }
        })
        .collect();
    let accesses = arr(&doc["accesses"])
        .iter()
        .map(|a| {
            let action = text(&a["action"]);
            let mut label = ctx.key_or(
                &format!("dp-action-{}", action.replace(['.', '_'], "-")),
                &action,
            );
            if text(&a["outcome"]) == "denied" {
                label = format!("{label} ({})", ctx.t("dp-denied"));
            }
            AccessRow {
                organisation: a["organisation"]
                    .as_str()
                    .filter(|o| !o.is_empty())
                    .map(str::to_owned)
                    .unwrap_or_else(|| ctx.t("audit-system")),
                at: stamp(&text(&a["at"])),
                action: label,
                classes: class_labels(ctx, &text(&a["data_classes"])),
            }
        })
        .collect();
    ExportView {
        ctx,
        person_id: text(&person["id"]),
        case_number: text(&person["case_number"]),
        name: format!(
            "{}, {}",
            text(&values["family_name"]),
            text(&values["given_names"])
        ),
        exported_at: stamp(&text(&doc["exported_at"])),
        person: person_facts(ctx, values, names),
        names: arr(&person["names"])
            .iter()
            .map(|n| {
                format!(
                    "{}, {} ({})",
                    text(&n["family_name"]),
                    text(&n["given_names"]),
                    text(&n["kind"])
                )
            })
            .collect(),
        history_count: arr(&doc["history"]).len(),
        analyses,
        goals,
        follow_ups: arr(&plan["follow_ups"]).len(),
        consents,
        needs,
        courses,
        referrals,
        accesses,
    }
}

/// GET /persons/{id}/export: the export as a readable, printable page.
pub async fn export_page(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<String>,
) -> Response {
    let doc = match api::export(&state, &page.me, &id).await {
        Ok(doc) => doc,
        Err(e) => return errors::page(&page.ctx, e),
    };
    let tenant = page.me.user.tenant_id.clone();
    let course_ids: Vec<String> = arr(&doc["courses"])
        .iter()
        .map(|c| text(&c["placement"]["course_id"]))
        .collect();
    let loaded = state
        .db(move |c| {
            let users = ankommen_db::users::list(
                c,
                &tenant,
                &ankommen_db::users::UserFilter {
                    include_disabled: true,
                    ..Default::default()
                },
            )?;
            let orgs = ankommen_db::orgs::list(c, &tenant)?;
            let towns = ankommen_db::municipalities::list(c, &tenant)?;
            let mut courses = HashMap::new();
            for id in course_ids {
                if let Ok(course) = ankommen_db::courses::get(c, &tenant, &id) {
                    let title = course.title.clone().unwrap_or_default();
                    courses.insert(id, (title, course.course_type));
                }
            }
            Ok((users, orgs, towns, courses))
        })
        .await;
    let (users, orgs, towns, courses) = match loaded {
        Ok(x) => x,
        Err(e) => return errors::page(&page.ctx, e),
    };
    let names = Lookup {
        users: users.into_iter().map(|u| (u.id, u.display_name)).collect(),
        orgs: orgs.into_iter().map(|o| (o.id, o.name)).collect(),
        towns: towns.into_iter().map(|m| (m.id, m.name)).collect(),
        courses: courses
            .into_iter()
            .map(|(id, (title, kind))| {
                let kind = page.ctx.option("course_type", &kind);
                let name = if title.is_empty() {
                    kind
                } else {
                    format!("{title} ({kind})")
                };
                (id, name)
            })
            .collect(),
    };
    render(&export_view(&page.ctx, &doc, &names))
}

/// GET /persons/{id}/export.json: the export as a JSON attachment.
pub async fn export_json(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<String>,
) -> Response {
    let doc = match api::export(&state, &page.me, &id).await {
        Ok(doc) => doc,
        Err(e) => return errors::page(&page.ctx, e),
    };
    let case: String = text(&doc["person"]["case_number"])
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let disposition = format!("attachment; filename=\"ankommen-auskunft-{case}.json\"");
    let body = serde_json::to_string_pretty(&doc).unwrap_or_else(|_| doc.to_string());
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json; charset=utf-8"),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition)
                    .unwrap_or_else(|_| HeaderValue::from_static("attachment")),
            ),
        ],
        body,
    )
        .into_response()
}
