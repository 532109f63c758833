//! The network's directory of offers: search by need, town, language and words (with "open
//! now"), the offer page, and the form for those who keep an offer (the migration centre for
//! all, partners for their own organisation). The work is done by `api::offers`.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use ankommen_db::municipalities::Municipality;
use ankommen_domain::offer::{Need, OfferInput, OfferKind, TargetGroup};
use ankommen_domain::policy::{Action, Resource, can};

use super::{Ctx, FormErrors, Page, errors, form_errors, render, render_status};
use crate::AppState;
use crate::api::offers::{self as api, OfferOut, OfferQuery};
use crate::extract::{ApiForm, ApiQuery};

/// Languages offered in the search (ISO 639-1), the county's most frequent first.
pub const LANGUAGES: [&str; 14] = [
    "de", "ar", "fa", "uk", "ru", "tr", "en", "ku", "ti", "so", "fr", "pl", "ro", "bg",
];

/// The search form as posted (empty = no filter).
#[derive(Debug, Default, Deserialize, Clone)]
pub struct SearchForm {
    #[serde(default)]
    pub need: String,
    #[serde(default)]
    pub municipality_id: String,
    #[serde(default)]
    pub language: String,
    #[serde(default)]
    pub q: String,
}

#[derive(Template)]
#[template(path = "offers.html")]
pub struct ListView<'a> {
    pub ctx: &'a Ctx,
    pub offers: Vec<OfferOut>,
    pub towns: Vec<Municipality>,
    pub q: SearchForm,
    pub can_create: bool,
}

/// Shared label helpers of the offer pages.
pub trait Labels {
    fn c(&self) -> &Ctx;
    fn kind_label(&self, k: &str) -> String {
        self.c().key_or(&format!("offer-kind-{k}"), k)
    }
    fn need_label(&self, n: &str) -> String {
        self.c().key_or(&format!("offer-need-{n}"), n)
    }
    fn group_label(&self, g: &str) -> String {
        self.c().key_or(&format!("offer-group-{g}"), g)
    }
    fn lang_label(&self, l: &str) -> String {
        self.c().key_or(&format!("language-{l}"), l)
    }
    fn langs(&self, list: &str) -> String {
        list.split(',')
            .filter(|s| !s.is_empty())
            .map(|l| self.lang_label(l))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl Labels for ListView<'_> {
    fn c(&self) -> &Ctx {
        self.ctx
    }
}

impl ListView<'_> {
    pub fn needs(&self) -> Vec<&'static str> {
        Need::ALL.iter().map(|n| n.as_str()).collect()
    }
    pub fn languages(&self) -> &'static [&'static str] {
        &LANGUAGES
    }
    pub fn town_names(&self, ids: &str) -> String {
        if ids.trim().is_empty() {
            return self.ctx.t("offer-county-wide");
        }
        ids.split(',')
            .filter_map(|id| {
                self.towns
                    .iter()
                    .find(|t| t.id == id)
                    .map(|t| t.name.clone())
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

async fn towns(state: &AppState, page: &Page) -> Result<Vec<Municipality>, crate::error::AppError> {
    let tenant = page.me.user.tenant_id.clone();
    state
        .db(move |c| ankommen_db::municipalities::list(c, &tenant))
        .await
}

fn may_keep(page: &Page, publisher: &str) -> bool {
    can(
        &page.me.actor(),
        Action::Update,
        &Resource::Offer {
            publisher_org: publisher,
        },
    )
    .is_allowed()
}

pub async fn list(
    State(state): State<AppState>,
    page: Page,
    ApiQuery(q): ApiQuery<SearchForm>,
) -> Response {
    let some = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
    let query = OfferQuery {
        need: some(&q.need),
        municipality_id: some(&q.municipality_id),
        language: some(&q.language),
        q: some(&q.q),
        ..OfferQuery::default()
    };
    let offers = match api::search(&state, &page.me, &query).await {
        Ok(o) => o,
        Err(e) => return errors::page(&page.ctx, e),
    };
    let towns = match towns(&state, &page).await {
        Ok(t) => t,
        Err(e) => return errors::page(&page.ctx, e),
    };
    render(&ListView {
        ctx: &page.ctx,
        offers,
        towns,
        can_create: may_keep(&page, &page.me.user.org_id),
        q,
    })
}

#[derive(Template)]
#[template(path = "offer.html")]
pub struct OfferView<'a> {
    pub ctx: &'a Ctx,
    /// `None` for a new offer.
    pub offer: Option<OfferOut>,
    pub form: HashMap<String, String>,
    pub errors: FormErrors,
    pub towns: Vec<Municipality>,
    /// Organisations the offer may be published for (the centre chooses; partners: their own).
    pub orgs: Vec<(String, String)>,
    pub can_edit: bool,
}

impl Labels for OfferView<'_> {
    fn c(&self) -> &Ctx {
        self.ctx
    }
}

impl OfferView<'_> {
    pub fn kinds(&self) -> Vec<&'static str> {
        OfferKind::ALL.iter().map(|k| k.as_str()).collect()
    }
    pub fn groups(&self) -> Vec<&'static str> {
        TargetGroup::ALL.iter().map(|g| g.as_str()).collect()
    }
    pub fn languages(&self) -> &'static [&'static str] {
        &LANGUAGES
    }
    pub fn v(&self, field: &str) -> &str {
        self.form.get(field).map(String::as_str).unwrap_or("")
    }
    pub fn has(&self, list: &str, item: &str) -> bool {
        self.v(list).split(',').any(|x| x == item)
    }
    pub fn err(&self, field: &str) -> &str {
        self.errors.get(field).unwrap_or("")
    }
    pub fn general(&self) -> Vec<&str> {
        self.errors.general_messages(&[
            "kind",
            "title",
            "description",
            "target_groups",
            "languages",
            "municipality_ids",
            "street",
            "postcode",
            "town",
            "latitude",
            "longitude",
            "opening_hours",
            "contact_name",
            "phone",
            "email",
            "website",
            "capacity_note",
            "org_id",
        ])
    }
    pub fn action(&self) -> String {
        match &self.offer {
            Some(o) => format!("/offers/{}", o.offer.offer.id),
            None => "/offers".to_owned(),
        }
    }
    pub fn field_label(&self, name: &str) -> String {
        self.ctx.t(&format!("offer-field-{name}"))
    }
    pub fn text_fields(&self) -> Vec<(&'static str, &'static str)> {
        vec![
            ("street", "text"),
            ("postcode", "text"),
            ("town", "text"),
            ("latitude", "text"),
            ("longitude", "text"),
            ("contact_name", "text"),
            ("phone", "tel"),
            ("email", "email"),
            ("website", "url"),
            ("capacity_note", "text"),
        ]
    }
}

/// The form fields of an offer (lists comma-joined).
fn form_of(o: &OfferOut) -> HashMap<String, String> {
    let r = &o.offer.offer;
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let num = |v: Option<f64>| v.map(|x| x.to_string()).unwrap_or_default();
    HashMap::from([
        ("kind".to_owned(), r.kind.clone()),
        ("title".to_owned(), r.title.clone()),
        ("description".to_owned(), opt(&r.description)),
        ("target_groups".to_owned(), r.target_groups.clone()),
        ("languages".to_owned(), r.languages.clone()),
        ("municipality_ids".to_owned(), r.municipality_ids.clone()),
        ("street".to_owned(), opt(&r.street)),
        ("postcode".to_owned(), opt(&r.postcode)),
        ("town".to_owned(), opt(&r.town)),
        ("latitude".to_owned(), num(r.latitude)),
        ("longitude".to_owned(), num(r.longitude)),
        ("opening_hours".to_owned(), r.opening_hours.clone()),
        ("contact_name".to_owned(), opt(&r.contact_name)),
        ("phone".to_owned(), opt(&r.phone)),
        ("email".to_owned(), opt(&r.email)),
        ("website".to_owned(), opt(&r.website)),
        ("capacity_note".to_owned(), opt(&r.capacity_note)),
        (
            "active".to_owned(),
            if r.active { "true" } else { "false" }.to_owned(),
        ),
        ("version".to_owned(), r.version.to_string()),
        ("org_id".to_owned(), r.org_id.clone()),
    ])
}

/// Posted form → the domain input. Checkbox groups arrive as repeated names, which the form
/// extractor keeps as the last value; the template therefore posts `<list>_<item>` names.
fn input_of(form: &HashMap<String, String>) -> OfferInput {
    let f = |k: &str| form.get(k).cloned().unwrap_or_default();
    let picked = |prefix: &str, items: &[&str]| -> Vec<String> {
        items
            .iter()
            .filter(|i| form.contains_key(&format!("{prefix}_{i}")))
            .map(|i| (*i).to_owned())
            .collect()
    };
    let groups: Vec<&str> = TargetGroup::ALL.iter().map(|g| g.as_str()).collect();
    let towns: Vec<String> = form
        .keys()
        .filter_map(|k| k.strip_prefix("town_").map(str::to_owned))
        .collect();
    OfferInput {
        kind: f("kind"),
        title: f("title"),
        description: f("description"),
        target_groups: picked("group", &groups),
        languages: picked("lang", &LANGUAGES),
        municipality_ids: towns,
        street: f("street"),
        postcode: f("postcode"),
        town: f("town"),
        latitude: f("latitude"),
        longitude: f("longitude"),
        opening_hours: f("opening_hours"),
        contact_name: f("contact_name"),
        phone: f("phone"),
        email: f("email"),
        website: f("website"),
        capacity_note: f("capacity_note"),
        active: if form.contains_key("active") {
            "true"
        } else {
            "false"
        }
        .to_owned(),
    }
}

/// The posted form as the template re-shows it (lists comma-joined).
fn echo(form: &HashMap<String, String>) -> HashMap<String, String> {
    let input = input_of(form);
    let mut out = form.clone();
    out.insert("target_groups".into(), input.target_groups.join(","));
    out.insert("languages".into(), input.languages.join(","));
    out.insert("municipality_ids".into(), input.municipality_ids.join(","));
    out.insert("active".into(), input.active);
    out
}

async fn publishers(
    state: &AppState,
    page: &Page,
) -> Result<Vec<(String, String)>, crate::error::AppError> {
    let tenant = page.me.user.tenant_id.clone();
    let all = state
        .db(move |c| ankommen_db::orgs::list(c, &tenant))
        .await?;
    Ok(all
        .into_iter()
        .filter(|o| !o.disabled && may_keep(page, &o.id))
        .map(|o| (o.id, o.name))
        .collect())
}

async fn form_page(
    state: &AppState,
    page: &Page,
    offer: Option<OfferOut>,
    form: HashMap<String, String>,
    errors: FormErrors,
    status: StatusCode,
) -> Response {
    let (towns, orgs) = match (towns(state, page).await, publishers(state, page).await) {
        (Ok(t), Ok(o)) => (t, o),
        (Err(e), _) | (_, Err(e)) => return errors::page(&page.ctx, e),
    };
    let can_edit = match &offer {
        Some(o) => may_keep(page, &o.offer.offer.org_id),
        None => !orgs.is_empty(),
    };
    render_status(
        status,
        &OfferView {
            ctx: &page.ctx,
            offer,
            form,
            errors,
            towns,
            orgs,
            can_edit,
        },
    )
}

pub async fn new_form(State(state): State<AppState>, page: Page) -> Response {
    let form = HashMap::from([
        ("active".to_owned(), "true".to_owned()),
        ("org_id".to_owned(), page.me.user.org_id.clone()),
    ]);
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

pub async fn show(State(state): State<AppState>, page: Page, Path(id): Path<String>) -> Response {
    let offer = match crate::api::offers::get(State(state.clone()), page.me.clone(), Path(id)).await
    {
        Ok(axum::Json(o)) => o,
        Err(e) => return errors::page(&page.ctx, e),
    };
    let form = form_of(&offer);
    form_page(
        &state,
        &page,
        Some(offer),
        form,
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

pub async fn create(
    State(state): State<AppState>,
    page: Page,
    ApiForm(form): ApiForm<HashMap<String, String>>,
) -> Response {
    let org = form.get("org_id").cloned();
    match api::save(&state, &page.me, None, input_of(&form), org, None).await {
        Ok(l) => Redirect::to(&format!("/offers/{}?msg=saved", l.offer.id)).into_response(),
        Err(e) => match form_errors(&page.ctx, e) {
            Ok(errs) => {
                form_page(
                    &state,
                    &page,
                    None,
                    echo(&form),
                    errs,
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await
            }
            Err(e) => errors::page(&page.ctx, e),
        },
    }
}

pub async fn update(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<String>,
    ApiForm(form): ApiForm<HashMap<String, String>>,
) -> Response {
    let version = form
        .get("version")
        .and_then(|v| v.trim().parse::<i32>().ok());
    let id = match crate::api::path_id(&id) {
        Ok(id) => id,
        Err(e) => return errors::page(&page.ctx, e),
    };
    match api::save(
        &state,
        &page.me,
        Some(id.clone()),
        input_of(&form),
        None,
        version,
    )
    .await
    {
        Ok(l) => Redirect::to(&format!("/offers/{}?msg=saved", l.offer.id)).into_response(),
        Err(e) => match form_errors(&page.ctx, e) {
            Ok(errs) => {
                let current =
                    crate::api::offers::get(State(state.clone()), page.me.clone(), Path(id)).await;
                match current {
                    Ok(axum::Json(o)) => {
                        form_page(
                            &state,
                            &page,
                            Some(o),
                            echo(&form),
                            errs,
                            StatusCode::UNPROCESSABLE_ENTITY,
                        )
                        .await
                    }
                    Err(e) => errors::page(&page.ctx, e),
                }
            }
            Err(e) => errors::page(&page.ctx, e),
        },
    }
}
