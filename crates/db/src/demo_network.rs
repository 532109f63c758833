//! Demo data of the network (issue 7): the offers of `demo_offers`, consents (one expiring
//! soon, one expired, one withdrawn), referrals in every state, a break-the-glass access
//! waiting for review, and the closing dates of closed demo cases.

use ankommen_domain::DataClass;
use ankommen_domain::consent::Consent;
use ankommen_domain::offer::OfferInput;
use ankommen_domain::referral::{Event, LegalBasis, Side};
use ankommen_domain::{OrgKind, Role};
use diesel::prelude::*;
use time::{Date, Duration};

use crate::referrals::NewReferral;
use crate::schema::{persons as p, referrals as r};
use crate::{
    Db, DbError, DbResult, Who, consents, municipalities, offers, orgs, persons, referrals, users,
};

/// Publishes the demo offers; every one passes the same validation as typed input.
pub fn seed_offers(conn: &mut Db, tenant_id: &str) -> DbResult<usize> {
    let towns = municipalities::list(conn, tenant_id)?;
    let organisations = orgs::list(conn, tenant_id)?;
    let town_ids: Vec<String> = towns.iter().map(|t| t.id.clone()).collect();
    let town_id = |name: &str| towns.iter().find(|t| t.name == name).map(|t| t.id.clone());
    let who = Who::system(tenant_id);
    let all = crate::demo_offers::offers().map_err(DbError::Other)?;
    for o in &all {
        let org = organisations
            .iter()
            .find(|x| x.name == o.org)
            .ok_or_else(|| {
                DbError::Other(format!("demo offer '{}': unknown organisation", o.title))
            })?;
        let input = OfferInput {
            kind: o.kind.clone(),
            title: o.title.clone(),
            description: o.description.clone(),
            target_groups: o.target_groups.clone(),
            languages: o.languages.clone(),
            municipality_ids: o.towns.iter().filter_map(|t| town_id(t)).collect(),
            street: o.street.clone(),
            postcode: o.postcode.clone(),
            town: o.town.clone(),
            latitude: o.latitude.to_string(),
            longitude: o.longitude.to_string(),
            opening_hours: o.opening_hours.clone(),
            contact_name: o.contact_name.clone(),
            phone: o.phone.clone(),
            email: o.email.clone(),
            website: o.website.clone(),
            capacity_note: o.capacity_note.clone(),
            active: String::new(),
        };
        let offer = input.validate(&town_ids).map_err(|errs| {
            DbError::Other(format!(
                "demo offer '{}': {:?}",
                o.title,
                errs.iter().map(|e| e.field).collect::<Vec<_>>()
            ))
        })?;
        offers::create(conn, who, &org.id, &offer)?;
    }
    Ok(all.len())
}

fn consent(
    scope: &[DataClass],
    org: &str,
    purpose: &str,
    given_on: Date,
    expires_on: Option<Date>,
) -> Consent {
    Consent {
        scope: scope.to_vec(),
        recipient_org_id: org.to_owned(),
        purpose: purpose.to_owned(),
        given_on,
        expires_on,
        withdrawn_on: None,
        document_ref: Some(format!("Akte Einwilligungen {}", given_on.year())),
    }
}

/// Consents, referrals and a break-the-glass access between the demo counsellor's persons
/// and the partners; closing dates for closed cases.
pub fn seed_referrals(conn: &mut Db, tenant_id: &str, today: Date) -> DbResult<()> {
    let all_users = users::list(conn, tenant_id, &Default::default())?;
    let Some(counsellor) = all_users.iter().find(|u| u.role == Role::Counsellor) else {
        return Ok(());
    };
    let lead = all_users.iter().find(|u| u.role == Role::TeamLead);
    let organisations = orgs::list(conn, tenant_id)?;
    let org = |kind: OrgKind, town_hint: &str| {
        organisations
            .iter()
            .filter(|o| o.kind == kind.as_str())
            .find(|o| o.name.contains(town_hint))
            .or_else(|| organisations.iter().find(|o| o.kind == kind.as_str()))
            .map(|o| o.id.clone())
    };
    let (Some(volunteers), Some(mbe), Some(youth), Some(jobcentre), Some(town)) = (
        org(OrgKind::VolunteerInitiative, "Bramsche"),
        org(OrgKind::CounsellingService, "MBE"),
        org(OrgKind::YouthWelfare, ""),
        org(OrgKind::JobCentre, ""),
        org(OrgKind::Municipality, "Bramsche"),
    ) else {
        return Ok(());
    };
    let offers_of = |c: &mut Db, org_id: &str| -> DbResult<Option<String>> {
        let found = offers::search(
            c,
            tenant_id,
            &offers::Filter {
                org_id: Some(org_id.to_owned()),
                ..Default::default()
            },
        )?;
        Ok(found.first().map(|l| l.offer.id.clone()))
    };
    let mine: Vec<persons::Person> = persons::list(conn, tenant_id, Some(&counsellor.id), 40, 0)?
        .into_iter()
        .filter(|p| p.values.case_status == "open")
        .collect();
    if mine.len() < 10 {
        return Ok(());
    }
    let who = Who {
        tenant_id,
        user_id: Some(&counsellor.id),
        request_id: None,
    };
    let from = counsellor.org_id.clone();
    // Name, contact and languages: what a volunteer needs to get in touch.
    let contact_language = [
        DataClass::Identity,
        DataClass::Contact,
        DataClass::Education,
    ];
    let refer = |c: &mut Db,
                 person: &persons::Person,
                 to: &str,
                 consent_id: Option<String>,
                 basis: Option<LegalBasis>,
                 scope: &[DataClass],
                 purpose: &str,
                 send: bool| {
        let offer_id = offers_of(c, to)?;
        referrals::create(
            c,
            who,
            &NewReferral {
                person_id: person.id.clone(),
                from_org_id: from.clone(),
                to_org_id: to.to_owned(),
                offer_id,
                plan_step_id: None,
                scope: scope.to_vec(),
                purpose: purpose.to_owned(),
                message: Some(
                    "Bitte melden Sie sich bei der Person; sie spricht etwas Deutsch und Arabisch."
                        .to_owned(),
                ),
                consent_id,
                legal_basis: basis,
                respond_by: None,
                send,
            },
            today,
            7,
        )
    };
    let step =
        |c: &mut Db, id: &str, version: i32, event: Event, side: Side, text: Option<&str>| {
            let actor = match side {
                Side::Sender => who,
                Side::Receiver => Who::system(tenant_id),
            };
            referrals::transition(c, actor, id, version, event, side, text, today, 7)
        };
    let given = today - Duration::days(40);
    // Volunteers: consent for contact + language, one year; referrals sent, accepted, completed.
    let mut volunteer_consents = Vec::new();
    for person in &mine[0..4] {
        let k = consents::create(
            conn,
            who,
            &person.id,
            &consent(
                &[
                    DataClass::Identity,
                    DataClass::Contact,
                    DataClass::Education,
                ],
                &volunteers,
                "Begleitung und Sprachpatenschaft durch die Willkommensinitiative",
                given,
                Some(given + Duration::days(365)),
            ),
        )?;
        volunteer_consents.push(k.id);
    }
    let sent = refer(
        conn,
        &mine[0],
        &volunteers,
        Some(volunteer_consents[0].clone()),
        None,
        &contact_language,
        "Sprachpatenschaft und Begleitung zu Terminen",
        true,
    )?;
    let accepted = refer(
        conn,
        &mine[1],
        &volunteers,
        Some(volunteer_consents[1].clone()),
        None,
        &contact_language,
        "Begleitung zur Ausländerbehörde",
        true,
    )?;
    step(
        conn,
        &accepted.id,
        accepted.version,
        Event::Accept,
        Side::Receiver,
        None,
    )?;
    let done = refer(
        conn,
        &mine[2],
        &volunteers,
        Some(volunteer_consents[2].clone()),
        None,
        &contact_language,
        "Hausaufgabenhilfe für die Kinder",
        true,
    )?;
    let done = step(
        conn,
        &done.id,
        done.version,
        Event::Accept,
        Side::Receiver,
        None,
    )?;
    step(
        conn,
        &done.id,
        done.version,
        Event::Complete,
        Side::Receiver,
        Some("Patin gefunden, wöchentliche Treffen seit drei Wochen."),
    )?;
    // An overdue one: the reminder job reports it.
    diesel::update(r::table.filter(r::id.eq(&sent.id)))
        .set(r::respond_by.eq(Some((today - Duration::days(2)).to_string())))
        .execute(conn)?;
    // A withdrawn consent: the referral resting on it is withdrawn with it.
    let withdrawn = refer(
        conn,
        &mine[3],
        &volunteers,
        Some(volunteer_consents[3].clone()),
        None,
        &contact_language,
        "Begleitung zum Kinderarzt",
        true,
    )?;
    step(
        conn,
        &withdrawn.id,
        withdrawn.version,
        Event::Accept,
        Side::Receiver,
        None,
    )?;
    let k = consents::list(conn, tenant_id, &mine[3].id)?;
    if let Some(k) = k.iter().find(|k| k.recipient_org_id == volunteers) {
        consents::withdraw(
            conn,
            who,
            &mine[3].id,
            &k.id,
            k.version,
            today - Duration::days(1),
        )?;
    }
    // Migration counselling: consent expiring in two weeks, one declined, one draft.
    let soon = consents::create(
        conn,
        who,
        &mine[4].id,
        &consent(
            &[DataClass::Identity, DataClass::Contact, DataClass::Family],
            &mbe,
            "Migrationsberatung: Familiennachzug und Wohnungssuche",
            today - Duration::days(350),
            Some(today + Duration::days(14)),
        ),
    )?;
    let declined = refer(
        conn,
        &mine[4],
        &mbe,
        Some(soon.id.clone()),
        None,
        &[DataClass::Identity, DataClass::Contact],
        "Beratung zum Familiennachzug",
        true,
    )?;
    step(
        conn,
        &declined.id,
        declined.version,
        Event::Decline,
        Side::Receiver,
        Some("Keine Kapazität bis Februar; bitte an die Flüchtlingssozialarbeit wenden."),
    )?;
    let later = consents::create(
        conn,
        who,
        &mine[5].id,
        &consent(
            &[DataClass::Identity, DataClass::Contact],
            &mbe,
            "Schuldnerberatung",
            given,
            None,
        ),
    )?;
    refer(
        conn,
        &mine[5],
        &mbe,
        Some(later.id),
        None,
        &[DataClass::Contact],
        "Termin bei der Schuldnerberatung",
        false,
    )?;
    // An expired consent (no longer covers anything).
    consents::create(
        conn,
        who,
        &mine[6].id,
        &consent(
            &[DataClass::Contact],
            &town,
            "Wohnungssuche mit den Integrationslotsen",
            today - Duration::days(400),
            Some(today - Duration::days(35)),
        ),
    )?;
    // Statutory partners on a legal basis.
    let jc = refer(
        conn,
        &mine[7],
        &jobcentre,
        None,
        Some(LegalBasis::SgbX69),
        &[DataClass::Identity, DataClass::Education],
        "Vermittlung in Arbeit nach dem Integrationskurs",
        true,
    )?;
    step(
        conn,
        &jc.id,
        jc.version,
        Event::Accept,
        Side::Receiver,
        None,
    )?;
    let ja = refer(
        conn,
        &mine[8],
        &youth,
        None,
        Some(LegalBasis::SgbX69),
        &[DataClass::Identity, DataClass::Contact, DataClass::Family],
        "Unterstützung bei der Suche nach einem Kitaplatz",
        true,
    )?;
    step(
        conn,
        &ja.id,
        ja.version,
        Event::Withdraw,
        Side::Sender,
        Some("Die Familie hat selbst einen Platz gefunden."),
    )?;
    // Break the glass: the counsellor opened one of the team lead's cases.
    if let Some(lead) = lead
        && let Some(other) = persons::list(conn, tenant_id, Some(&lead.id), 1, 0)?.first()
    {
        crate::break_glass::grant(
            conn,
            who,
            &other.id,
            &counsellor.id,
            "Person stand ohne Termin am Empfang, Kollegin im Urlaub",
            24,
        )?;
    }
    // Closed demo cases: their closing day (the reference date of retention).
    diesel::update(
        p::table
            .filter(p::tenant_id.eq(tenant_id))
            .filter(p::case_status.eq("closed"))
            .filter(p::closed_on.is_null()),
    )
    .set(p::closed_on.eq(Some((today - Duration::days(90)).to_string())))
    .execute(conn)?;
    Ok(())
}
