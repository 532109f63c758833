//! Referral pages: the person's referrals with suggested offers (from the situation
//! analysis) and the referral form; the organisation's mailbox (incoming, outgoing); a
//! referral with its actions; the person as the receiver may see them. The work is done by
//! `api::referrals`; a refused access is the API's 403 (audited).

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use ankommen_db::consents::ConsentRow;
use ankommen_db::offers::Filter;
use ankommen_domain::DataClass;
use ankommen_domain::date::PartialDate;
use ankommen_domain::offer::{self, Suggestion};
use ankommen_domain::referral::{Event, LegalBasis};

use super::offers::Labels;
use super::{Ctx, FormErrors, Page, errors, form_errors, render, render_status};
use crate::AppState;
use crate::api::referrals::{self as api, ReferralIn, ReferralOut, ScopedPerson};
use crate::extract::{ApiForm, ApiQuery};

/// Helpers for the referral templates.
pub trait RefLabels {
    fn rc(&self) -> &Ctx;
    fn state_label(&self, s: &str) -> String {
        self.rc().key_or(&format!("referral-state-{s}"), s)
    }
    fn class_label(&self, c: &str) -> String {
        self.rc().t(&format!("consent-class-{c}"))
    }
    fn scope_labels(&self, r: &ReferralOut) -> String {
        r.scope
            .iter()
            .map(|c| self.class_label(c))
            .collect::<Vec<_>>()
            .join(", ")
    }
    fn action_label(&self, a: &str) -> String {
        self.rc().t(&format!("referral-action-{a}"))
    }
    /// Whether an action needs a text (reason or outcome).
    fn needs_text(&self, a: &str) -> bool {
        matches!(a, "decline" | "withdraw" | "complete")
    }
    fn text_label(&self, a: &str) -> String {
        self.rc().t(if a == "complete" {
            "referral-outcome"
        } else {
            "referral-reason"
        })
    }
}

// ---------------------------------------------------------------------------------------
// The person's referrals.

#[derive(Template)]
#[template(path = "person_referrals.html")]
pub struct PersonView<'a> {
    pub ctx: &'a Ctx,
    pub person_id: String,
    pub name: String,
    pub referrals: Vec<ReferralOut>,
    pub suggestions: Vec<(Suggestion, Vec<ankommen_db::offers::Listed>)>,
    pub orgs: Vec<(String, String, String)>,
    pub consents: Vec<ConsentRow>,
    /// Open steps of the person's plan a referral can carry out: (id, title).
    pub steps: Vec<(String, String)>,
    pub form: HashMap<String, String>,
    pub errors: FormErrors,
}

impl Labels for PersonView<'_> {
    fn c(&self) -> &Ctx {
        self.ctx
    }
}
impl RefLabels for PersonView<'_> {
    fn rc(&self) -> &Ctx {
        self.ctx
    }
}

impl PersonView<'_> {
    pub fn v(&self, f: &str) -> &str {
        self.form.get(f).map(String::as_str).unwrap_or("")
    }
    pub fn err(&self, f: &str) -> &str {
        self.errors.get(f).unwrap_or("")
    }
    pub fn general(&self) -> Vec<&str> {
        self.errors.general_messages(&[
            "to_org_id",
            "offer_id",
            "scope",
            "purpose",
            "message",
            "consent_id",
            "legal_basis",
            "respond_by",
            "basis",
        ])
    }
    pub fn classes(&self) -> Vec<&'static str> {
        DataClass::ALL.iter().map(|c| c.as_str()).collect()
    }
    pub fn checked(&self, class: &str) -> bool {
        self.form.contains_key(&format!("scope_{class}"))
    }
    pub fn bases(&self) -> Vec<(&'static str, &'static str)> {
        LegalBasis::ALL
            .iter()
            .map(|b| (b.as_str(), b.citation()))
            .collect()
    }
    pub fn basis_label(&self, b: &str) -> String {
        self.ctx.t(&format!("referral-basis-{b}"))
    }
    pub fn reason_label(&self, r: &str) -> String {
        self.ctx.t(&format!("offer-reason-{r}"))
    }
    pub fn consent_label(&self, k: &ConsentRow) -> String {
        let org = self
            .orgs
            .iter()
            .find(|(id, _, _)| *id == k.recipient_org_id)
            .map(|(_, n, _)| n.as_str())
            .unwrap_or("");
        let scope: Vec<String> = ankommen_domain::consent::parse_scope(&k.scope)
            .iter()
            .map(|c| self.class_label(c.as_str()))
            .collect();
        format!("{org}: {} ({})", scope.join(", "), k.purpose)
    }
}

fn today() -> time::Date {
    ankommen_db::now().date()
}

async fn person_view<'a>(
    state: &AppState,
    page: &'a Page,
    id: &str,
    form: HashMap<String, String>,
    errors: FormErrors,
) -> Result<PersonView<'a>, crate::error::AppError> {
    let referrals = api::for_person(state, &page.me, id).await?;
    let (person, _) = crate::api::persons::read_person(state, &page.me, id, None).await?;
    let sections = crate::api::assessments::latest_sections(state, &page.me, &person).await?;
    let age = person
        .values
        .birth_date
        .as_deref()
        .and_then(|d| PartialDate::parse("birth_date", d).ok())
        .and_then(|d| d.age_on(today()))
        .map(|a| a.min as i32);
    let suggested = offer::suggest(sections.iter(), person.values.literate_latin, age, today());
    let tenant = page.me.user.tenant_id.clone();
    let pid = person.id.clone();
    let town = person.values.municipality_id.clone();
    let (suggestions, orgs, consents, steps) = state
        .db(move |c| {
            let mut out = Vec::new();
            for s in suggested {
                let filter = Filter {
                    need: Some(s.need),
                    municipality_id: town.clone(),
                    ..Default::default()
                };
                let mut found = ankommen_db::offers::search(c, &tenant, &filter)?;
                found.truncate(5);
                out.push((s, found));
            }
            let orgs = ankommen_db::orgs::list(c, &tenant)?
                .into_iter()
                .filter(|o| !o.disabled && o.kind != "migration_centre")
                .map(|o| (o.id, o.name, o.kind))
                .collect();
            let consents: Vec<ConsentRow> = ankommen_db::consents::list(c, &tenant, &pid)?
                .into_iter()
                .filter(|k| {
                    k.to_domain().is_some_and(|d| {
                        d.status(today()) == ankommen_domain::consent::Status::Active
                    })
                })
                .collect();
            let steps = ankommen_db::plans::get(c, &tenant, &pid)?
                .steps
                .into_iter()
                .filter(|st| matches!(st.status.as_str(), "open" | "in_progress"))
                .map(|st| (st.id, st.title))
                .collect();
            Ok((out, orgs, consents, steps))
        })
        .await?;
    Ok(PersonView {
        ctx: &page.ctx,
        person_id: person.id.clone(),
        name: format!(
            "{}, {}",
            person.values.family_name, person.values.given_names
        ),
        referrals,
        suggestions,
        orgs,
        consents,
        steps,
        form,
        errors,
    })
}

/// What the person page shows of the network: the referrals and, per suggested need, the
/// first offers in the person's town.
#[derive(Debug, Default)]
pub struct Card {
    pub referrals: Vec<ReferralOut>,
    pub suggestions: Vec<(String, Vec<ankommen_db::offers::Listed>)>,
}

/// The person page's network card (for the case worker, the person already read and audited
/// by the page).
pub async fn card(
    state: &AppState,
    page: &Page,
    person: &ankommen_db::persons::Person,
) -> Result<Card, crate::error::AppError> {
    let sections = crate::api::assessments::latest_sections(state, &page.me, person).await?;
    let age = person
        .values
        .birth_date
        .as_deref()
        .and_then(|d| PartialDate::parse("birth_date", d).ok())
        .and_then(|d| d.age_on(today()))
        .map(|a| a.min as i32);
    let suggested = offer::suggest(sections.iter(), person.values.literate_latin, age, today());
    let tenant = page.me.user.tenant_id.clone();
    let pid = person.id.clone();
    let town = person.values.municipality_id.clone();
    let (rows, names, found) = state
        .db(move |c| {
            let mut found = Vec::new();
            for s in suggested {
                let filter = Filter {
                    need: Some(s.need),
                    municipality_id: town.clone(),
                    ..Default::default()
                };
                let mut offers = ankommen_db::offers::search(c, &tenant, &filter)?;
                offers.truncate(3);
                if !offers.is_empty() {
                    found.push((s.need, offers));
                }
            }
            let rows = ankommen_db::referrals::for_person(c, &tenant, &pid)?;
            Ok((rows, api::load_names(c, &tenant)?, found))
        })
        .await?;
    let name = format!(
        "{}, {}",
        person.values.family_name, person.values.given_names
    );
    Ok(Card {
        referrals: rows
            .into_iter()
            .filter_map(|r| {
                let side = api::side_of(&page.me, &r)?;
                Some(api::to_out(r, side, &names, Some(name.clone())))
            })
            .collect(),
        suggestions: found
            .into_iter()
            .map(|(need, offers)| {
                (
                    page.ctx
                        .key_or(&format!("offer-need-{}", need.as_str()), need.as_str()),
                    offers,
                )
            })
            .collect(),
    })
}

#[derive(Debug, Deserialize, Default)]
pub struct NewQuery {
    offer: Option<String>,
    org: Option<String>,
}

pub async fn for_person(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<String>,
    ApiQuery(q): ApiQuery<NewQuery>,
) -> Response {
    let mut form = HashMap::new();
    if let Some(o) = q.org {
        form.insert("to_org_id".to_owned(), o);
    }
    if let Some(o) = q.offer {
        form.insert("offer_id".to_owned(), o);
    }
    match person_view(&state, &page, &id, form, FormErrors::default()).await {
        Ok(v) => render(&v),
        Err(e) => errors::page(&page.ctx, e),
    }
}

fn input_of(form: &HashMap<String, String>) -> ReferralIn {
    let f = |k: &str| {
        form.get(k)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let basis = f("basis").unwrap_or_default();
    ReferralIn {
        to_org_id: f("to_org_id").unwrap_or_default(),
        offer_id: f("offer_id"),
        plan_step_id: f("plan_step_id"),
        scope: DataClass::ALL
            .iter()
            .filter(|c| form.contains_key(&format!("scope_{}", c.as_str())))
            .map(|c| c.as_str().to_owned())
            .collect(),
        purpose: f("purpose").unwrap_or_default(),
        message: f("message"),
        consent_id: basis.strip_prefix("consent:").map(str::to_owned),
        legal_basis: basis.strip_prefix("law:").map(str::to_owned),
        respond_by: f("respond_by"),
        send: form.get("send").is_some_and(|v| v == "1"),
    }
}

pub async fn create(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<String>,
    ApiForm(form): ApiForm<HashMap<String, String>>,
) -> Response {
    match api::create_for(&state, &page.me, &id, input_of(&form)).await {
        Ok(r) => Redirect::to(&format!("/referrals/{}?msg=referral-saved", r.id)).into_response(),
        Err(e) => match form_errors(&page.ctx, e) {
            Ok(errs) => match person_view(&state, &page, &id, form, errs).await {
                Ok(v) => render_status(StatusCode::UNPROCESSABLE_ENTITY, &v),
                Err(e) => errors::page(&page.ctx, e),
            },
            Err(e) => errors::page(&page.ctx, e),
        },
    }
}

// ---------------------------------------------------------------------------------------
// Mailbox and one referral.

#[derive(Template)]
#[template(path = "referrals.html")]
pub struct MailboxView<'a> {
    pub ctx: &'a Ctx,
    pub outgoing: bool,
    pub referrals: Vec<ReferralOut>,
    pub can_send: bool,
}

impl RefLabels for MailboxView<'_> {
    fn rc(&self) -> &Ctx {
        self.ctx
    }
}

#[derive(Debug, Deserialize, Default)]
pub struct BoxQuery {
    #[serde(rename = "box")]
    mailbox: Option<String>,
}

pub async fn mailbox(
    State(state): State<AppState>,
    page: Page,
    ApiQuery(q): ApiQuery<BoxQuery>,
) -> Response {
    let can_send = matches!(
        page.me.user.role,
        ankommen_domain::Role::Counsellor | ankommen_domain::Role::TeamLead
    );
    let outgoing = match q.mailbox.as_deref() {
        Some("outgoing") => true,
        Some("incoming") => false,
        _ => can_send,
    };
    match api::mailbox(&state, &page.me, outgoing).await {
        Ok(referrals) => render(&MailboxView {
            ctx: &page.ctx,
            outgoing,
            referrals,
            can_send,
        }),
        Err(e) => errors::page(&page.ctx, e),
    }
}

#[derive(Template)]
#[template(path = "referral.html")]
pub struct ReferralView<'a> {
    pub ctx: &'a Ctx,
    pub r: ReferralOut,
    pub errors: FormErrors,
}

impl RefLabels for ReferralView<'_> {
    fn rc(&self) -> &Ctx {
        self.ctx
    }
}

impl ReferralView<'_> {
    pub fn receiver(&self) -> bool {
        self.r.side == "receiver"
    }
    pub fn may_see_person(&self) -> bool {
        self.r.state == "accepted" || self.r.side == "sender"
    }
}

pub async fn show(State(state): State<AppState>, page: Page, Path(id): Path<String>) -> Response {
    match api::load(&state, &page.me, &id).await {
        Ok((r, _)) => render(&ReferralView {
            ctx: &page.ctx,
            r,
            errors: FormErrors::default(),
        }),
        Err(e) => errors::page(&page.ctx, e),
    }
}

#[derive(Debug, Deserialize, Default)]
pub struct ActForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    text: String,
}

pub async fn act(
    State(state): State<AppState>,
    page: Page,
    Path((id, action)): Path<(String, String)>,
    ApiForm(form): ApiForm<ActForm>,
) -> Response {
    let Ok(event) = Event::parse(&action) else {
        return errors::page(&page.ctx, crate::error::AppError::not_found());
    };
    let version = form.version.trim().parse::<i32>().unwrap_or(0);
    let text = Some(form.text).filter(|t| !t.trim().is_empty());
    match api::act(&state, &page.me, &id, event, version, text).await {
        Ok(r) => Redirect::to(&format!(
            "/referrals/{}?msg=referral-{}",
            r.id,
            event.as_str()
        ))
        .into_response(),
        Err(e) => match form_errors(&page.ctx, e) {
            Ok(errs) => match api::load(&state, &page.me, &id).await {
                Ok((r, _)) => render_status(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &ReferralView {
                        ctx: &page.ctx,
                        r,
                        errors: errs,
                    },
                ),
                Err(e) => errors::page(&page.ctx, e),
            },
            Err(e) => errors::page(&page.ctx, e),
        },
    }
}

/// A class of the shared record: code, label, (field label, value) rows.
pub type Block = (String, String, Vec<(String, String)>);

#[derive(Template)]
#[template(path = "referral_person.html")]
pub struct ScopedView<'a> {
    pub ctx: &'a Ctx,
    pub referral_id: String,
    pub p: ScopedPerson,
}

impl RefLabels for ScopedView<'_> {
    fn rc(&self) -> &Ctx {
        self.ctx
    }
}

impl ScopedView<'_> {
    /// The readable classes with their fields as (label, value), empty values left out.
    pub fn blocks(&self) -> Vec<Block> {
        let mut out = Vec::new();
        for (class, fields) in &self.p.person.data {
            let Some(obj) = fields.as_object() else {
                continue;
            };
            let rows: Vec<(String, String)> = obj
                .iter()
                .filter(|(k, _)| {
                    !matches!(
                        k.as_str(),
                        "names" | "counsellor_id" | "responsible_org_id" | "municipality_id"
                    )
                })
                .filter_map(|(k, v)| {
                    let text = match v {
                        serde_json::Value::Null => return None,
                        serde_json::Value::String(s) if s.is_empty() => return None,
                        serde_json::Value::String(s) => self.ctx.option(k, s),
                        serde_json::Value::Bool(b) => self.ctx.yes_no(*b),
                        serde_json::Value::Array(a) if a.is_empty() => return None,
                        other => other.to_string(),
                    };
                    Some((self.ctx.label(k), text))
                })
                .collect();
            out.push((class.clone(), self.class_label(class), rows));
        }
        out
    }
    pub fn section_label(&self, s: &str) -> String {
        self.ctx.t(&format!("assessment-section-{s}"))
    }
    pub fn pretty(&self, v: &serde_json::Value) -> String {
        serde_json::to_string_pretty(v).unwrap_or_default()
    }
    pub fn withheld(&self) -> String {
        self.p
            .person
            .withheld
            .iter()
            .map(|c| self.class_label(c))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

pub async fn person(State(state): State<AppState>, page: Page, Path(id): Path<String>) -> Response {
    match api::scoped_person(&state, &page.me, &id).await {
        Ok(p) => render(&ScopedView {
            ctx: &page.ctx,
            referral_id: id,
            p,
        }),
        Err(e) => errors::page(&page.ctx, e),
    }
}
