//! Referrals between organisations (issue 7): a person referred to a partner for an offer,
//! with a data scope and a basis (consent or legal basis). The basis is checked inside the
//! write transaction (`ankommen_domain::referral::check_basis`) when the referral is created
//! and again when it is sent; transitions follow `referral::next`. Every change lands in the
//! person's history (`person_changes`, field `referral.<id>`) and in the audit log.

use ankommen_domain::consent::{self, Consent};
use ankommen_domain::referral::{self, Basis, Event, LegalBasis, Side, State};
use ankommen_domain::validate::FieldError;
use ankommen_domain::{DataClass, OrgKind};
use diesel::prelude::*;
use serde::Serialize;
use time::{Date, PrimitiveDateTime};

use crate::audit::{self, Entry};
use crate::consents::ConsentRow;
use crate::dialect::{ser_opt_ts, ser_ts};
use crate::notifications::{self, Message, Recipient};
use crate::schema::{
    consents as k, organisations as o, person_changes as pc, persons, referrals as r,
};
use crate::{Db, DbError, DbResult, Who, check_versioned_update, now, write_tx};

/// One stored referral.
#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = r)]
pub struct ReferralRow {
    pub id: String,
    #[serde(skip)]
    pub tenant_id: String,
    pub person_id: String,
    pub from_org_id: String,
    pub to_org_id: String,
    pub offer_id: Option<String>,
    pub plan_step_id: Option<String>,
    /// Data class names, comma-separated.
    pub scope: String,
    pub purpose: String,
    pub message: Option<String>,
    pub consent_id: Option<String>,
    pub legal_basis: Option<String>,
    pub state: String,
    pub respond_by: Option<String>,
    #[serde(serialize_with = "ser_opt_ts")]
    pub sent_at: Option<PrimitiveDateTime>,
    #[serde(serialize_with = "ser_opt_ts")]
    pub answered_at: Option<PrimitiveDateTime>,
    #[serde(serialize_with = "ser_opt_ts")]
    pub ended_at: Option<PrimitiveDateTime>,
    pub decline_reason: Option<String>,
    pub outcome: Option<String>,
    pub withdraw_reason: Option<String>,
    #[serde(serialize_with = "ser_opt_ts")]
    pub reminded_at: Option<PrimitiveDateTime>,
    #[serde(serialize_with = "ser_ts")]
    pub created_at: PrimitiveDateTime,
    pub created_by: Option<String>,
    #[serde(serialize_with = "ser_ts")]
    pub updated_at: PrimitiveDateTime,
    pub updated_by: Option<String>,
    pub version: i32,
}

impl ReferralRow {
    pub fn state(&self) -> State {
        // An unreadable state grants nothing and allows no transition.
        State::parse(&self.state).unwrap_or(State::Withdrawn)
    }
    pub fn scope(&self) -> Vec<DataClass> {
        consent::parse_scope(&self.scope)
    }
    pub fn legal_basis(&self) -> Option<LegalBasis> {
        self.legal_basis
            .as_deref()
            .and_then(|b| LegalBasis::parse(b).ok())
    }
}

/// A referral as written by the sender.
#[derive(Debug, Clone)]
pub struct NewReferral {
    pub person_id: String,
    pub from_org_id: String,
    pub to_org_id: String,
    pub offer_id: Option<String>,
    pub plan_step_id: Option<String>,
    pub scope: Vec<DataClass>,
    pub purpose: String,
    pub message: Option<String>,
    pub consent_id: Option<String>,
    pub legal_basis: Option<LegalBasis>,
    /// The day by which the receiver should react; `None`: `reminder_days` after sending.
    pub respond_by: Option<Date>,
    /// Send at once instead of keeping a draft.
    pub send: bool,
}

fn invalid(field: &'static str, code: &'static str, message: impl Into<String>) -> DbError {
    DbError::Invalid(FieldError::new(field, code, message))
}

fn load_consent(c: &mut Db, tenant_id: &str, person_id: &str, id: &str) -> DbResult<Consent> {
    let row: Option<ConsentRow> = k::table
        .filter(k::tenant_id.eq(tenant_id))
        .filter(k::person_id.eq(person_id))
        .filter(k::id.eq(id))
        .select(ConsentRow::as_select())
        .first(c)
        .optional()?;
    row.and_then(|r| r.to_domain()).ok_or_else(|| {
        invalid(
            "consent_id",
            "no_such_consent",
            "no such consent of this person",
        )
    })
}

/// What a referral shares, with whom, on which basis.
struct Sharing<'a> {
    person_id: &'a str,
    to_org_id: &'a str,
    scope: &'a [DataClass],
    consent_id: Option<&'a str>,
    legal_basis: Option<LegalBasis>,
}

/// Checks the basis of sharing `scope` with `to_org_id` on `today`.
fn check(c: &mut Db, tenant_id: &str, sh: &Sharing<'_>, today: Date) -> DbResult<()> {
    let Sharing {
        person_id,
        to_org_id,
        scope,
        consent_id,
        legal_basis,
    } = *sh;
    let kind: Option<String> = o::table
        .filter(o::tenant_id.eq(tenant_id))
        .filter(o::id.eq(to_org_id))
        .filter(o::disabled.eq(false))
        .select(o::kind)
        .first(c)
        .optional()?;
    let kind = kind
        .and_then(|k| OrgKind::parse(&k).ok())
        .ok_or_else(|| invalid("to_org_id", "no_such_org", "no such organisation"))?;
    let consent = match consent_id {
        Some(id) => Some(load_consent(c, tenant_id, person_id, id)?),
        None => None,
    };
    let basis = match (&consent, legal_basis) {
        (Some(c), _) => Basis::Consent(c),
        (None, Some(l)) => Basis::Legal(l),
        (None, None) => Basis::None,
    };
    referral::check_basis(basis, scope, to_org_id, kind, today).map_err(DbError::Invalid)
}

pub fn get(conn: &mut Db, tenant_id: &str, id: &str) -> DbResult<ReferralRow> {
    Ok(r::table
        .filter(r::tenant_id.eq(tenant_id))
        .filter(r::id.eq(id))
        .select(ReferralRow::as_select())
        .first(conn)?)
}

/// A person's referrals, the newest first.
pub fn for_person(conn: &mut Db, tenant_id: &str, person_id: &str) -> DbResult<Vec<ReferralRow>> {
    Ok(r::table
        .filter(r::tenant_id.eq(tenant_id))
        .filter(r::person_id.eq(person_id))
        .order((r::created_at.desc(), r::id.desc()))
        .select(ReferralRow::as_select())
        .load(conn)?)
}

/// Referrals received by `org_id` (never drafts), open ones first, then the newest.
pub fn incoming(conn: &mut Db, tenant_id: &str, org_id: &str) -> DbResult<Vec<ReferralRow>> {
    let mut rows: Vec<ReferralRow> = r::table
        .filter(r::tenant_id.eq(tenant_id))
        .filter(r::to_org_id.eq(org_id))
        .filter(r::state.ne(State::Draft.as_str()))
        .order((r::sent_at.desc(), r::id.desc()))
        .select(ReferralRow::as_select())
        .load(conn)?;
    rows.sort_by_key(|x| x.state().is_final());
    Ok(rows)
}

/// Referrals sent by `org_id`, the newest first.
pub fn outgoing(conn: &mut Db, tenant_id: &str, org_id: &str) -> DbResult<Vec<ReferralRow>> {
    Ok(r::table
        .filter(r::tenant_id.eq(tenant_id))
        .filter(r::from_org_id.eq(org_id))
        .order((r::created_at.desc(), r::id.desc()))
        .select(ReferralRow::as_select())
        .load(conn)?)
}

/// Incoming referrals waiting for `org_id`'s answer.
pub fn waiting_count(conn: &mut Db, tenant_id: &str, org_id: &str) -> DbResult<i64> {
    Ok(r::table
        .filter(r::tenant_id.eq(tenant_id))
        .filter(r::to_org_id.eq(org_id))
        .filter(r::state.eq(State::Sent.as_str()))
        .count()
        .get_result(conn)?)
}

/// The classes of `person_id` that `org_id` may read through referrals on `today`: the scopes
/// of accepted referrals, narrowed by the consents they rest on.
pub fn readable_for(
    conn: &mut Db,
    tenant_id: &str,
    person_id: &str,
    org_id: &str,
    today: Date,
) -> DbResult<Vec<DataClass>> {
    let rows: Vec<ReferralRow> = r::table
        .filter(r::tenant_id.eq(tenant_id))
        .filter(r::person_id.eq(person_id))
        .filter(r::to_org_id.eq(org_id))
        .filter(r::state.eq(State::Accepted.as_str()))
        .select(ReferralRow::as_select())
        .load(conn)?;
    let mut out = Vec::new();
    for row in rows {
        let consent = match &row.consent_id {
            Some(id) => match load_consent(conn, tenant_id, person_id, id) {
                Ok(c) => Some(c),
                // A consent that cannot be read covers nothing.
                Err(DbError::Invalid(_)) => continue,
                Err(e) => return Err(e),
            },
            None => None,
        };
        out.extend(referral::readable(
            row.state(),
            &row.scope(),
            consent.as_ref(),
            today,
        ));
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// Whether `org_id` has ever received a referral of `person_id` (then a refused read is a
/// 403 "your access ended", not a 404 "no such person").
pub fn ever_received(
    conn: &mut Db,
    tenant_id: &str,
    person_id: &str,
    org_id: &str,
) -> DbResult<bool> {
    let n: i64 = r::table
        .filter(r::tenant_id.eq(tenant_id))
        .filter(r::person_id.eq(person_id))
        .filter(r::to_org_id.eq(org_id))
        .filter(r::state.ne(State::Draft.as_str()))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

fn summary(row: &ReferralRow) -> String {
    serde_json::json!({
        "to_org_id": row.to_org_id,
        "offer_id": row.offer_id,
        "state": row.state,
        "scope": row.scope,
        "legal_basis": row.legal_basis,
        "consent_id": row.consent_id,
        "decline_reason": row.decline_reason,
        "outcome": row.outcome,
        "withdraw_reason": row.withdraw_reason,
    })
    .to_string()
}

fn history(
    c: &mut Db,
    who: Who<'_>,
    row: &ReferralRow,
    old: Option<String>,
    t: PrimitiveDateTime,
) -> DbResult<()> {
    diesel::insert_into(pc::table)
        .values((
            pc::id.eq(uuid::Uuid::now_v7().to_string()),
            pc::tenant_id.eq(who.tenant_id),
            pc::person_id.eq(&row.person_id),
            pc::changed_at.eq(t),
            pc::changed_by.eq(who.user_id),
            pc::field.eq(format!("referral.{}", row.id)),
            pc::data_class.eq(DataClass::Identity.as_str()),
            pc::old_value.eq(old),
            pc::new_value.eq(Some(summary(row))),
        ))
        .execute(c)?;
    Ok(())
}

fn audit_entry(c: &mut Db, who: Who<'_>, action: &str, row: &ReferralRow) -> DbResult<()> {
    let classes = [DataClass::Identity];
    let mut entry = Entry::new(action, "referral", Some(&row.id)).detail(serde_json::json!({
        "to_org_id": row.to_org_id,
        "state": row.state,
        "scope": row.scope,
        "legal_basis": row.legal_basis,
        "consent_id": row.consent_id,
    }));
    entry.person_id = Some(&row.person_id);
    entry.data_classes = &classes;
    audit::append(c, who, entry)?;
    Ok(())
}

/// Records a referral (a draft, or sent at once), checking its basis first.
pub fn create(
    conn: &mut Db,
    who: Who<'_>,
    input: &NewReferral,
    today: Date,
    reminder_days: i64,
) -> DbResult<ReferralRow> {
    write_tx(conn, who.tenant_id, |c| {
        persons::table
            .filter(persons::tenant_id.eq(who.tenant_id))
            .filter(persons::id.eq(&input.person_id))
            .select(persons::id)
            .first::<String>(c)?;
        check(
            c,
            who.tenant_id,
            &Sharing {
                person_id: &input.person_id,
                to_org_id: &input.to_org_id,
                scope: &input.scope,
                consent_id: input.consent_id.as_deref(),
                legal_basis: input.legal_basis,
            },
            today,
        )?;
        if let Some(step) = &input.plan_step_id {
            crate::plans::step(c, who.tenant_id, &input.person_id, step).map_err(|_| {
                invalid(
                    "plan_step_id",
                    "no_such_step",
                    "no such step in this person's plan",
                )
            })?;
        }
        if let Some(offer) = &input.offer_id {
            let listed = crate::offers::get(c, who.tenant_id, offer)
                .map_err(|_| invalid("offer_id", "no_such_offer", "no such offer"))?;
            if listed.offer.org_id != input.to_org_id {
                return Err(invalid(
                    "offer_id",
                    "offer_of_other_org",
                    "the offer belongs to another organisation",
                ));
            }
        }
        if input.respond_by.is_some_and(|d| d < today) {
            return Err(invalid("respond_by", "past_date", "lies in the past"));
        }
        let id = uuid::Uuid::now_v7().to_string();
        let t = now();
        let (state, sent_at, respond_by) = if input.send {
            let by = input
                .respond_by
                .unwrap_or(today + time::Duration::days(reminder_days));
            (State::Sent, Some(t), Some(by.to_string()))
        } else {
            (State::Draft, None, input.respond_by.map(|d| d.to_string()))
        };
        diesel::insert_into(r::table)
            .values((
                r::id.eq(&id),
                r::tenant_id.eq(who.tenant_id),
                r::person_id.eq(&input.person_id),
                r::from_org_id.eq(&input.from_org_id),
                r::to_org_id.eq(&input.to_org_id),
                r::offer_id.eq(&input.offer_id),
                r::plan_step_id.eq(&input.plan_step_id),
                r::scope.eq(consent::scope_text(&input.scope)),
                r::purpose.eq(&input.purpose),
                r::message.eq(&input.message),
                r::consent_id.eq(&input.consent_id),
                r::legal_basis.eq(input.legal_basis.map(|l| l.as_str())),
                r::state.eq(state.as_str()),
                r::respond_by.eq(respond_by),
                r::sent_at.eq(sent_at),
                r::created_at.eq(t),
                r::created_by.eq(who.user_id),
                r::updated_at.eq(t),
                r::updated_by.eq(who.user_id),
                r::version.eq(1),
            ))
            .execute(c)?;
        let row = get(c, who.tenant_id, &id)?;
        history(c, who, &row, None, t)?;
        audit_entry(
            c,
            who,
            if input.send {
                "referral.send"
            } else {
                "referral.create"
            },
            &row,
        )?;
        if input.send {
            notify(c, who, &row, Event::Send)?;
        }
        Ok(row)
    })
}

/// Applies `event` done by `side` if `version` is current. `text`: the reason (decline,
/// withdraw) or the outcome (complete). Sending re-checks the basis (a consent may have
/// expired since the draft was written).
#[allow(clippy::too_many_arguments)]
pub fn transition(
    conn: &mut Db,
    who: Who<'_>,
    id: &str,
    version: i32,
    event: Event,
    side: Side,
    text: Option<&str>,
    today: Date,
    reminder_days: i64,
) -> DbResult<ReferralRow> {
    write_tx(conn, who.tenant_id, |c| {
        let before = get(c, who.tenant_id, id)?;
        if before.version != version {
            check_versioned_update(c, 0, |c| {
                r::table
                    .find(id)
                    .select((r::updated_by, r::updated_at))
                    .first(c)
            })?;
        }
        let to = referral::next(before.state(), event, side, text).map_err(|e| match e {
            referral::TransitionError::Missing(m) => invalid("text", "required", m),
            other => DbError::Conflict(other.to_string()),
        })?;
        if event == Event::Send {
            check(
                c,
                who.tenant_id,
                &Sharing {
                    person_id: &before.person_id,
                    to_org_id: &before.to_org_id,
                    scope: &before.scope(),
                    consent_id: before.consent_id.as_deref(),
                    legal_basis: before.legal_basis(),
                },
                today,
            )?;
        }
        let text = text.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
        if text.as_deref().is_some_and(|s| s.chars().count() > 2000) {
            return Err(invalid(
                "text",
                "too_long",
                "must have at most 2000 characters",
            ));
        }
        let t = now();
        let changed = diesel::update(
            r::table
                .filter(r::tenant_id.eq(who.tenant_id))
                .filter(r::id.eq(id))
                .filter(r::version.eq(version)),
        )
        .set((
            r::state.eq(to.as_str()),
            r::updated_at.eq(t),
            r::updated_by.eq(who.user_id),
            r::version.eq(version + 1),
        ))
        .execute(c)?;
        check_versioned_update(c, changed, |c| {
            r::table
                .find(id)
                .select((r::updated_by, r::updated_at))
                .first(c)
        })?;
        let target = r::table.filter(r::id.eq(id));
        match event {
            Event::Send => {
                let by = before
                    .respond_by
                    .clone()
                    .filter(|d| d.as_str() >= today.to_string().as_str())
                    .unwrap_or_else(|| (today + time::Duration::days(reminder_days)).to_string());
                diesel::update(target)
                    .set((r::sent_at.eq(Some(t)), r::respond_by.eq(Some(by))))
                    .execute(c)?;
            }
            Event::Accept => {
                diesel::update(target)
                    .set(r::answered_at.eq(Some(t)))
                    .execute(c)?;
            }
            Event::Decline => {
                diesel::update(target)
                    .set((
                        r::answered_at.eq(Some(t)),
                        r::ended_at.eq(Some(t)),
                        r::decline_reason.eq(&text),
                    ))
                    .execute(c)?;
            }
            Event::Complete => {
                diesel::update(target)
                    .set((r::ended_at.eq(Some(t)), r::outcome.eq(&text)))
                    .execute(c)?;
            }
            Event::Withdraw => {
                diesel::update(target)
                    .set((r::ended_at.eq(Some(t)), r::withdraw_reason.eq(&text)))
                    .execute(c)?;
            }
        }
        let row = get(c, who.tenant_id, id)?;
        history(c, who, &row, Some(summary(&before)), t)?;
        audit_entry(c, who, &format!("referral.{}", event.as_str()), &row)?;
        notify(c, who, &row, event)?;
        Ok(row)
    })
}

/// Inside a consent's withdrawal: withdraws the open referrals that rest on it, so their
/// receivers see why their access ended.
pub(crate) fn withdraw_for_consent(c: &mut Db, who: Who<'_>, consent_id: &str) -> DbResult<usize> {
    let open: Vec<ReferralRow> = r::table
        .filter(r::tenant_id.eq(who.tenant_id))
        .filter(r::consent_id.eq(consent_id))
        .filter(r::state.eq_any([
            State::Draft.as_str(),
            State::Sent.as_str(),
            State::Accepted.as_str(),
        ]))
        .select(ReferralRow::as_select())
        .load(c)?;
    let t = now();
    for before in &open {
        diesel::update(r::table.filter(r::id.eq(&before.id)))
            .set((
                r::state.eq(State::Withdrawn.as_str()),
                r::ended_at.eq(Some(t)),
                r::withdraw_reason.eq(Some("Einwilligung widerrufen / consent withdrawn")),
                r::updated_at.eq(t),
                r::updated_by.eq(who.user_id),
                r::version.eq(before.version + 1),
            ))
            .execute(c)?;
        let row = get(c, who.tenant_id, &before.id)?;
        history(c, who, &row, Some(summary(before)), t)?;
        audit_entry(c, who, "referral.withdraw", &row)?;
        if before.state() != State::Draft {
            notify(c, who, &row, Event::Withdraw)?;
        }
    }
    Ok(open.len())
}

/// Sent referrals whose answer is overdue on `today` and that were not reminded yet.
pub fn overdue(conn: &mut Db, tenant_id: &str, today: Date) -> DbResult<Vec<ReferralRow>> {
    Ok(r::table
        .filter(r::tenant_id.eq(tenant_id))
        .filter(r::state.eq(State::Sent.as_str()))
        .filter(r::respond_by.le(today.to_string()))
        .filter(r::reminded_at.is_null())
        .order(r::respond_by)
        .select(ReferralRow::as_select())
        .load(conn)?)
}

/// Notes that the reminder for `id` went out (inside the caller's transaction).
pub fn mark_reminded(conn: &mut Db, tenant_id: &str, id: &str) -> DbResult<()> {
    diesel::update(
        r::table
            .filter(r::tenant_id.eq(tenant_id))
            .filter(r::id.eq(id)),
    )
    .set(r::reminded_at.eq(Some(now())))
    .execute(conn)?;
    Ok(())
}

/// Job kind the notification e-mails go out with (`ankommen_web::jobs::REMINDER`).
const MAIL_JOB: &str = "reminder";

fn org_users(c: &mut Db, tenant_id: &str, org_id: &str) -> DbResult<Vec<Recipient>> {
    use crate::schema::users as u;
    let rows: Vec<(String, Option<String>)> = u::table
        .filter(u::tenant_id.eq(tenant_id))
        .filter(u::org_id.eq(org_id))
        .filter(u::disabled.eq(false))
        .filter(u::role.ne_all(["admin", "editor", "analyst"]))
        .order(u::username)
        .select((u::id, u::email))
        .load(c)?;
    Ok(rows
        .into_iter()
        .map(|(user_id, email)| Recipient { user_id, email })
        .collect())
}

fn sender(c: &mut Db, tenant_id: &str, row: &ReferralRow) -> DbResult<Vec<Recipient>> {
    use crate::schema::users as u;
    let Some(id) = &row.created_by else {
        return Ok(vec![]);
    };
    let rows: Vec<(String, Option<String>)> = u::table
        .filter(u::tenant_id.eq(tenant_id))
        .filter(u::id.eq(id))
        .filter(u::disabled.eq(false))
        .select((u::id, u::email))
        .load(c)?;
    Ok(rows
        .into_iter()
        .map(|(user_id, email)| Recipient { user_id, email })
        .collect())
}

/// Tells the other side what happened (inside the caller's transaction). Receivers'
/// notifications carry no person id and no name: they see the person in the referral, if
/// and while it is accepted. E-mails never name anyone.
fn notify(c: &mut Db, who: Who<'_>, row: &ReferralRow, event: Event) -> DbResult<()> {
    let link = format!("/referrals/{}", row.id);
    let (to_receiver, title, body) = match event {
        Event::Send => (
            true,
            "Neue Vermittlung / New referral",
            format!(
                "Neue Vermittlung: {} — Antwort bis {}. / New referral — please answer by {}.",
                row.purpose,
                row.respond_by.as_deref().unwrap_or("-"),
                row.respond_by.as_deref().unwrap_or("-")
            ),
        ),
        Event::Withdraw => (
            true,
            "Vermittlung zurückgezogen / Referral withdrawn",
            format!(
                "Zurückgezogen: {} / Withdrawn.",
                row.withdraw_reason.as_deref().unwrap_or("")
            ),
        ),
        Event::Accept => (
            false,
            "Vermittlung angenommen / Referral accepted",
            format!("Angenommen: {} / Accepted.", row.purpose),
        ),
        Event::Decline => (
            false,
            "Vermittlung abgelehnt / Referral declined",
            format!(
                "Abgelehnt: {} / Declined.",
                row.decline_reason.as_deref().unwrap_or("")
            ),
        ),
        Event::Complete => (
            false,
            "Vermittlung abgeschlossen / Referral completed",
            format!(
                "Ergebnis: {} / Outcome recorded.",
                row.outcome.as_deref().unwrap_or("")
            ),
        ),
    };
    let (to, person) = if to_receiver {
        (org_users(c, who.tenant_id, &row.to_org_id)?, None)
    } else {
        (sender(c, who.tenant_id, row)?, Some(row.person_id.as_str()))
    };
    let msg = Message {
        kind: "referral",
        title,
        body: &body,
        link: &link,
        email_subject: title,
        email_text: "In ankommen wartet eine Nachricht zu einer Vermittlung. / A message about a referral is waiting in ankommen.",
    };
    for r in &to {
        notifications::create(c, who, r, person, &msg, MAIL_JOB)?;
    }
    Ok(())
}

/// Reminds both sides of every sent referral whose answer is overdue on `today`; each
/// referral once. Returns how many referrals were reminded.
pub fn remind_overdue(conn: &mut Db, who: Who<'_>, today: Date) -> DbResult<usize> {
    let due = overdue(conn, who.tenant_id, today)?;
    for row in &due {
        write_tx(conn, who.tenant_id, |c| {
            let link = format!("/referrals/{}", row.id);
            let msg = Message {
                kind: "referral_overdue",
                title: "Vermittlung unbeantwortet / Referral not answered",
                body: &format!(
                    "Die Vermittlung „{}“ ist seit {} unbeantwortet. / The referral has not been answered since {}.",
                    row.purpose,
                    row.respond_by.as_deref().unwrap_or("-"),
                    row.respond_by.as_deref().unwrap_or("-")
                ),
                link: &link,
                email_subject: "Vermittlung unbeantwortet / Referral not answered",
                email_text: "Eine Vermittlung wartet auf Antwort; Details in ankommen. / A referral is waiting for an answer; details in ankommen.",
            };
            for r in org_users(c, who.tenant_id, &row.to_org_id)? {
                notifications::create(c, who, &r, None, &msg, MAIL_JOB)?;
            }
            for r in sender(c, who.tenant_id, row)? {
                notifications::create(c, who, &r, Some(&row.person_id), &msg, MAIL_JOB)?;
            }
            mark_reminded(c, who.tenant_id, &row.id)
        })?;
    }
    Ok(due.len())
}
