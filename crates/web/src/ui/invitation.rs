//! The printable invitation to a course: German, plus the page's language when it is another
//! one the UI has (`?lang=en`), side by side — course, address, first day and time, what to
//! bring, whom to ask. For the migration centre's case workers, who hand it out.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;

use ankommen_db::allocation::PlacementRow;
use ankommen_db::courses::CourseRow;
use ankommen_db::persons::Person;

use super::courses::german_date;
use super::{Ctx, Page, errors, render};
use crate::AppState;
use crate::api::path_id;
use crate::i18n::Lang;

#[derive(Template)]
#[template(path = "invitation.html")]
pub struct InvitationView<'a> {
    pub ctx: &'a Ctx,
    pub person: Person,
    pub placement: PlacementRow,
    pub course: CourseRow,
    pub provider: String,
    pub town: String,
    pub counsellor: Option<String>,
    pub second: Option<Lang>,
}

impl InvitationView<'_> {
    pub fn de(&self, key: &str) -> String {
        Lang::De.t(key)
    }
    pub fn other(&self, key: &str) -> Option<String> {
        self.second.map(|l| l.t(key))
    }
    pub fn second_code(&self) -> &'static str {
        self.second.map_or("de", Lang::code)
    }
    pub fn date(&self, iso: &str) -> String {
        german_date(iso)
    }
    pub fn weekday(&self, lang: Lang) -> String {
        let day = ankommen_domain::plan::parse_date("d", &self.course.starts_on)
            .map(|d| d.weekday().number_days_from_monday())
            .unwrap_or(0);
        let code = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][usize::from(day)];
        lang.t(&format!("weekday-long-{code}"))
    }
    pub fn days(&self, lang: Lang) -> String {
        self.course
            .days
            .split(',')
            .map(|d| lang.t(&format!("option-weekday-{d}")))
            .collect::<Vec<_>>()
            .join(", ")
    }
    pub fn title(&self, lang: Lang) -> String {
        self.course
            .title
            .clone()
            .unwrap_or_else(|| lang.t(&format!("option-course_type-{}", self.course.course_type)))
    }
    pub fn langs(&self) -> Vec<Lang> {
        std::iter::once(Lang::De).chain(self.second).collect()
    }
    pub fn t(&self, lang: &Lang, key: &str) -> String {
        lang.t(key)
    }
    pub fn lt(&self, lang: &Lang, key: &str) -> String {
        lang.t(key)
    }
    pub fn code(&self, lang: &Lang) -> &'static str {
        lang.code()
    }
    pub fn weekday_of(&self, lang: &Lang) -> String {
        self.weekday(*lang)
    }
    pub fn days_of(&self, lang: &Lang) -> String {
        self.days(*lang)
    }
    pub fn title_of(&self, lang: &Lang) -> String {
        self.title(*lang)
    }
    pub fn slot_of(&self, lang: &Lang) -> String {
        lang.t(&format!("option-time_slot-{}", self.course.time_slot))
    }
}

pub async fn show(State(state): State<AppState>, page: Page, Path(id): Path<String>) -> Response {
    if let Err(e) = crate::api::courses::may_allocate_read(&page.me) {
        return errors::page(&page.ctx, e);
    }
    let id = match path_id(&id) {
        Ok(id) => id,
        Err(e) => return errors::page(&page.ctx, e),
    };
    let tenant = page.me.user.tenant_id.clone();
    let loaded = state
        .db(move |c| {
            let placement = ankommen_db::allocation::placement(c, &tenant, &id)?;
            let course = ankommen_db::courses::get(c, &tenant, &placement.course_id)?;
            let provider = ankommen_db::orgs::get(c, &tenant, &course.provider_org_id)?.name;
            let town = ankommen_db::municipalities::list(c, &tenant)?
                .into_iter()
                .find(|m| m.id == course.municipality_id)
                .map(|m| m.name)
                .unwrap_or_default();
            Ok((placement, course, provider, town))
        })
        .await;
    let (placement, course, provider, town) = match loaded {
        Ok(x) => x,
        Err(e) => return errors::page(&page.ctx, e),
    };
    // Reading the person is audited like any other read.
    let person = match crate::api::persons::read_person(
        &state,
        &page.me,
        &placement.person_id,
        None,
    )
    .await
    {
        Ok((p, _)) => p,
        Err(e) => return errors::page(&page.ctx, e),
    };
    let counsellor = match person.values.counsellor_id.clone() {
        Some(uid) => state
            .db(move |c| Ok(ankommen_db::users::display_name_of(c, &uid)))
            .await
            .unwrap_or(None),
        None => None,
    };
    let second = (page.ctx.lang != Lang::De).then_some(page.ctx.lang);
    render(&InvitationView {
        ctx: &page.ctx,
        person,
        placement,
        course,
        provider,
        town,
        counsellor,
        second,
    })
}
