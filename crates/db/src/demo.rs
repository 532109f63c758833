//! Demo data: the county of Osnabrück (34 municipalities, ../shared/DOMAIN.md §8), a realistic
//! network of organisations and one user per role, whose user name is the role's name.
//! Organisation names of providers and initiatives are illustrative.

use ankommen_domain::{OrgKind, Role};

use crate::municipalities::{self, NewMunicipality};
use crate::orgs::{self, OrgInput};
use crate::users::{self, UserInput};
use crate::{Db, DbResult, Who, tenants, write_tx};

pub const TENANT_NAME: &str = "Landkreis Osnabrück";
pub const TENANT_SLUG: &str = "landkreis-osnabrueck";

/// One municipality: (name, kind, Samtgemeinde, postcode, latitude, longitude).
pub type MunicipalityRow = (
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
    f64,
    f64,
);

/// The 34 municipalities, with postcode-area centroids.
#[rustfmt::skip]
pub const MUNICIPALITIES: [MunicipalityRow; 34] = [
    ("Bad Essen", "Gemeinde", None, "49152", 52.3175, 8.4130),
    ("Bad Iburg", "Stadt", None, "49186", 52.1549, 8.0422),
    ("Bad Laer", "Gemeinde", None, "49196", 52.1000, 8.0833),
    ("Bad Rothenfelde", "Gemeinde", None, "49214", 52.1167, 8.1667),
    ("Belm", "Gemeinde", None, "49191", 52.3000, 8.1333),
    ("Bissendorf", "Gemeinde", None, "49143", 52.2333, 8.1667),
    ("Bohmte", "Gemeinde", None, "49163", 52.3667, 8.3167),
    ("Bramsche", "Stadt", None, "49565", 52.4088, 7.9729),
    ("Dissen am Teutoburger Wald", "Stadt", None, "49201", 52.1167, 8.2000),
    ("Georgsmarienhütte", "Stadt", None, "49124", 52.2030, 8.0448),
    ("Glandorf", "Gemeinde", None, "49219", 52.0847, 7.9994),
    ("Hagen am Teutoburger Wald", "Gemeinde", None, "49170", 52.2094, 7.9206),
    ("Hasbergen", "Gemeinde", None, "49205", 52.2375, 7.9611),
    ("Hilter am Teutoburger Wald", "Gemeinde", None, "49176", 52.1644, 8.1468),
    ("Melle", "Stadt", None, "49324", 52.1977, 8.3389),
    ("Ostercappeln", "Gemeinde", None, "49179", 52.3500, 8.2333),
    ("Wallenhorst", "Gemeinde", None, "49134", 52.3500, 8.0167),
    ("Quakenbrück", "Stadt", Some("Artland"), "49610", 52.6750, 7.9498),
    ("Badbergen", "Gemeinde", Some("Artland"), "49635", 52.6333, 7.9833),
    ("Menslage", "Gemeinde", Some("Artland"), "49637", 52.6833, 7.8167),
    ("Nortrup", "Gemeinde", Some("Artland"), "49638", 52.6150, 7.8607),
    ("Bersenbrück", "Stadt", Some("Bersenbrück"), "49593", 52.5516, 7.9484),
    ("Alfhausen", "Gemeinde", Some("Bersenbrück"), "49594", 52.5000, 7.9500),
    ("Ankum", "Gemeinde", Some("Bersenbrück"), "49577", 52.5500, 7.8833),
    ("Eggermühlen", "Gemeinde", Some("Bersenbrück"), "49577", 52.5667, 7.8167),
    ("Gehrde", "Gemeinde", Some("Bersenbrück"), "49596", 52.5768, 8.0034),
    ("Kettenkamp", "Gemeinde", Some("Bersenbrück"), "49577", 52.5833, 7.8333),
    ("Rieste", "Gemeinde", Some("Bersenbrück"), "49597", 52.4833, 8.0167),
    ("Fürstenau", "Stadt", Some("Fürstenau"), "49584", 52.5167, 7.6767),
    ("Berge", "Gemeinde", Some("Fürstenau"), "49626", 52.6233, 7.7455),
    ("Bippen", "Gemeinde", Some("Fürstenau"), "49626", 52.5833, 7.7333),
    ("Neuenkirchen", "Gemeinde", Some("Neuenkirchen"), "49586", 52.4171, 7.8389),
    ("Merzen", "Gemeinde", Some("Neuenkirchen"), "49586", 52.4833, 7.8333),
    ("Voltlage", "Gemeinde", Some("Neuenkirchen"), "49599", 52.4333, 7.7500),
];

const JOB_CENTRE: &str = "MaßArbeit – Jobcenter Landkreis Osnabrück";
const MIGRATION_CENTRE: &str = "Migrationszentrum Landkreis Osnabrück";

/// (name, kind, parent, town)
#[rustfmt::skip]
const ORGANISATIONS: [(&str, OrgKind, Option<&str>, Option<&str>); 21] = [
    (JOB_CENTRE, OrgKind::JobCentre, None, None),
    (MIGRATION_CENTRE, OrgKind::MigrationCentre, Some(JOB_CENTRE), None),
    ("Agentur für Arbeit Osnabrück", OrgKind::EmploymentAgency, None, None),
    ("Ausländerbehörde Landkreis Osnabrück", OrgKind::ImmigrationOffice, None, None),
    ("Fachdienst Jugend Landkreis Osnabrück", OrgKind::YouthWelfare, None, None),
    ("Volkshochschule Osnabrücker Land", OrgKind::CourseProvider, None, Some("Bramsche")),
    ("Sprachschule Artland", OrgKind::CourseProvider, None, Some("Quakenbrück")),
    ("Bildungszentrum Melle", OrgKind::CourseProvider, None, Some("Melle")),
    ("Berufsbildungswerk Georgsmarienhütte", OrgKind::CourseProvider, None, Some("Georgsmarienhütte")),
    ("Lernwerkstatt Bersenbrück", OrgKind::CourseProvider, None, Some("Bersenbrück")),
    ("Deutschkurse am Teutoburger Wald", OrgKind::CourseProvider, None, Some("Dissen am Teutoburger Wald")),
    ("Migrationsberatung für Erwachsene (MBE) Nord", OrgKind::CounsellingService, None, Some("Bersenbrück")),
    ("Jugendmigrationsdienst Osnabrücker Land", OrgKind::CounsellingService, None, Some("Georgsmarienhütte")),
    ("Flüchtlingssozialarbeit Südkreis", OrgKind::CounsellingService, None, Some("Melle")),
    ("Stadt Bramsche – Integrationslotsen", OrgKind::Municipality, None, Some("Bramsche")),
    ("Stadt Melle – Integration", OrgKind::Municipality, None, Some("Melle")),
    ("Samtgemeinde Artland – Integration", OrgKind::Municipality, None, Some("Quakenbrück")),
    ("Willkommensinitiative Bramsche", OrgKind::VolunteerInitiative, None, Some("Bramsche")),
    ("Ehrenamt Melle hilft", OrgKind::VolunteerInitiative, None, Some("Melle")),
    ("Netzwerk Ankommen Quakenbrück", OrgKind::VolunteerInitiative, None, Some("Quakenbrück")),
    ("Patenschaften Georgsmarienhütte", OrgKind::VolunteerInitiative, None, Some("Georgsmarienhütte")),
];

/// (role, display name, organisation)
#[rustfmt::skip]
const USERS: [(Role, &str, &str); 11] = [
    (Role::Admin, "Administration Migrationszentrum", MIGRATION_CENTRE),
    (Role::TeamLead, "Teamleitung Migrationszentrum", MIGRATION_CENTRE),
    (Role::Counsellor, "Beratung Migrationszentrum", MIGRATION_CENTRE),
    (Role::Provider, "Kursverwaltung VHS", "Volkshochschule Osnabrücker Land"),
    (Role::PlacementOfficer, "Arbeitsvermittlung Jobcenter", JOB_CENTRE),
    (Role::ImmigrationOffice, "Sachbearbeitung Ausländerbehörde", "Ausländerbehörde Landkreis Osnabrück"),
    (Role::YouthWelfare, "Fachdienst Jugend", "Fachdienst Jugend Landkreis Osnabrück"),
    (Role::MunicipalGuide, "Integrationslotsin Bramsche", "Stadt Bramsche – Integrationslotsen"),
    (Role::VolunteerCoordinator, "Koordination Willkommensinitiative", "Willkommensinitiative Bramsche"),
    (Role::Editor, "Redaktion Informationsportal", MIGRATION_CENTRE),
    (Role::Analyst, "Controlling Migrationskonzept", MIGRATION_CENTRE),
];

/// Portal regions the demo editor is bound to.
pub const DEMO_EDITOR_REGIONS: [&str; 2] = ["landkreis-osnabrueck", "bramsche"];

/// Persons of the demo county: 300 fictional cases, most with the demo counsellor, the rest
/// with the team lead (so a counsellor also meets records outside the own caseload).
pub fn seed_persons(conn: &mut Db, tenant_id: &str, n: usize) -> DbResult<usize> {
    let towns: Vec<String> = municipalities::list(conn, tenant_id)?
        .into_iter()
        .map(|m| m.id)
        .collect();
    let all = users::list(conn, tenant_id, &Default::default())?;
    let counsellor = all
        .iter()
        .find(|u| u.role == Role::Counsellor)
        .map(|u| u.id.clone());
    let lead = all
        .iter()
        .find(|u| u.role == Role::TeamLead)
        .map(|u| u.id.clone());
    let mut counsellors: Vec<String> = std::iter::repeat_n(counsellor, 3)
        .chain([lead])
        .flatten()
        .collect();
    counsellors.sort();
    let organisations = orgs::list(conn, tenant_id)?;
    let of_kind = |kind: &str| -> Vec<String> {
        organisations
            .iter()
            .filter(|o| o.kind == kind)
            .map(|o| o.id.clone())
            .collect()
    };
    let partners = crate::demo_cases::Partners {
        job_centre: of_kind("job_centre").into_iter().next(),
        counselling: of_kind("counselling_service"),
        volunteers: of_kind("volunteer_initiative"),
    };
    crate::demo_courses::seed_courses(conn, tenant_id, crate::now().date())?;
    crate::demo_network::seed_offers(conn, tenant_id)?;
    let who = Who::system(tenant_id);
    let created = crate::demo_persons::seed(
        conn,
        who,
        n,
        2026,
        &towns,
        &counsellors,
        partners.job_centre.as_deref(),
        Some((&partners, crate::now().date())),
    )?;
    crate::demo_network::seed_referrals(conn, tenant_id, crate::now().date())?;
    Ok(created)
}

/// Whether the database holds no tenant yet.
pub fn is_empty(conn: &mut Db) -> DbResult<bool> {
    Ok(tenants::default_tenant(conn)?.is_none())
}

/// Seeds the demo county. `password_hash_for(role)` gives each demo user's argon2id hash.
/// Returns the tenant id and the user names created.
pub fn seed(
    conn: &mut Db,
    mut password_hash_for: impl FnMut(Role) -> DbResult<String>,
) -> DbResult<(String, Vec<String>)> {
    let tenant = tenants::create(conn, TENANT_NAME, TENANT_SLUG)?;
    let who = Who::system(&tenant.id);
    let mut towns = std::collections::HashMap::new();
    write_tx(conn, &tenant.id, |c| {
        for (name, kind, sg, postcode, lat, lon) in MUNICIPALITIES {
            let m = NewMunicipality {
                name,
                kind,
                samtgemeinde: sg,
                postcode,
                latitude: lat,
                longitude: lon,
            };
            towns.insert(name, municipalities::create(c, who, &m)?);
        }
        Ok(())
    })?;
    let mut org_ids = std::collections::HashMap::new();
    for (name, kind, parent, town) in ORGANISATIONS {
        let input = OrgInput {
            name: name.to_owned(),
            kind,
            parent_id: parent.and_then(|p| org_ids.get(p).cloned()),
            municipality_id: town.and_then(|t| towns.get(t).cloned()),
            email: None,
            phone: None,
        };
        let org = orgs::create(conn, who, &input)?;
        org_ids.insert(name, org.id);
    }
    let mut names = Vec::new();
    for (role, display, org) in USERS {
        let input = UserInput {
            username: role.as_str().to_owned(),
            display_name: display.to_owned(),
            email: None,
            role,
            org_id: org_ids.get(org).cloned().unwrap_or_default(),
            locale: "de".to_owned(),
        };
        let user = users::create(conn, who, &input, &password_hash_for(role)?)?;
        if role == Role::Editor {
            // The portal's demo editor keeps the county's and Bramsche's pages (not Melle's or
            // Quakenbrück's, so the binding shows); bound by slug, before the portal import.
            write_tx(conn, &tenant.id, |c| {
                for slug in DEMO_EDITOR_REGIONS {
                    crate::portal::edit::insert_binding(c, who, &user.id, slug)?;
                }
                Ok(())
            })?;
        }
        names.push(input.username);
    }
    Ok((tenant.id, names))
}
