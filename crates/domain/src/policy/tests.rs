//! The policy as a table: role × agency × relationship/consent × action → expected answer.

use super::*;
use proptest::prelude::*;

const ORG: &str = "org-a";

fn actor(role: Role) -> Actor<'static> {
    let org_kind = *OrgKind::ALL.iter().find(|k| role.fits(**k)).unwrap();
    Actor {
        role,
        org_id: ORG,
        org_kind,
    }
}

fn rel() -> Relation<'static> {
    Relation::default()
}

#[test]
fn table() {
    use Action::*;
    use DataClass as C;
    use Role::*;
    let caseload = Relation {
        own_caseload: true,
        ..rel()
    };
    let agency = Relation {
        responsible_agency: true,
        ..rel()
    };
    let placed = Relation {
        placed_with_org: true,
        ..rel()
    };
    let consent_family = Relation {
        consented: &[C::Family],
        ..rel()
    };
    let obliged = Relation {
        issued_obligation: true,
        ..rel()
    };
    let glass = Relation {
        break_glass_reason: Some("called by the person at reception"),
        ..rel()
    };
    let short_glass = Relation {
        break_glass_reason: Some("x"),
        ..rel()
    };
    let referred = Relation {
        referral_scope: &[C::Contact, C::Education],
        ..rel()
    };
    let pd = |class, relation| Resource::PersonData { class, relation };
    let own_course = Resource::Course { provider_org: ORG };
    let other_course = Resource::Course {
        provider_org: "org-b",
    };

    #[rustfmt::skip]
    let cases: Vec<(Role, Action, Resource<'_>, bool)> = vec![
        // everyone has a dashboard and a profile
        (VolunteerCoordinator, Read, Resource::Dashboard, true),
        (Analyst, Read, Resource::OwnProfile, true),
        (Analyst, Update, Resource::OwnProfile, true),
        (Analyst, Delete, Resource::OwnProfile, false),
        // administration
        (Admin, Create, Resource::UserAccount, true),
        (Admin, Delete, Resource::Organisation, true),
        (Admin, Create, Resource::ApiToken, true),
        (Admin, Read, Resource::BackgroundJob, true),
        (TeamLead, Read, Resource::UserAccount, true),
        (TeamLead, Create, Resource::UserAccount, false),
        (Counsellor, Read, Resource::UserAccount, false),
        (Counsellor, Create, Resource::ApiToken, false),
        (Provider, Read, Resource::Organisation, false),
        // audit log: read by admin and team lead, changed by nobody
        (Admin, Read, Resource::AuditLog, true),
        (TeamLead, Read, Resource::AuditLog, true),
        (Admin, Delete, Resource::AuditLog, false),
        (Admin, Update, Resource::AuditLog, false),
        (Counsellor, Read, Resource::AuditLog, false),
        // statistics and portal
        (Analyst, Read, Resource::Statistics, true),
        (Counsellor, Read, Resource::Statistics, false),
        (Editor, Update, Resource::PortalContent, true),
        (Counsellor, Update, Resource::PortalContent, false),
        (Counsellor, Read, Resource::PortalContent, true),
        // courses
        (Provider, Update, own_course, true),
        (Provider, Delete, own_course, false),
        (Provider, Read, other_course, false),
        (Counsellor, Read, other_course, true),
        (Counsellor, Update, other_course, false),
        (TeamLead, Create, other_course, true),
        (YouthWelfare, Read, other_course, false),
        // the network directory: read by all, kept by the centre and by each publisher
        (VolunteerCoordinator, Read, Resource::Offer { publisher_org: "org-b" }, true),
        (VolunteerCoordinator, Update, Resource::Offer { publisher_org: ORG }, true),
        (VolunteerCoordinator, Update, Resource::Offer { publisher_org: "org-b" }, false),
        (Counsellor, Create, Resource::Offer { publisher_org: "org-b" }, true),
        (Counsellor, Delete, Resource::Offer { publisher_org: "org-b" }, false),
        (Editor, Update, Resource::Offer { publisher_org: ORG }, false),
        // referrals: the centre sends, the receiver answers
        (Counsellor, Create, Resource::Referral { sender_org: ORG, receiver_org: "org-b" }, true),
        (VolunteerCoordinator, Update, Resource::Referral { sender_org: "org-b", receiver_org: ORG }, true),
        (VolunteerCoordinator, Create, Resource::Referral { sender_org: "org-b", receiver_org: ORG }, false),
        (VolunteerCoordinator, Read, Resource::Referral { sender_org: "org-b", receiver_org: "org-c" }, false),
        (Admin, Read, Resource::Referral { sender_org: ORG, receiver_org: ORG }, false),
        (TeamLead, Read, Resource::BreakGlassReview, true),
        (Counsellor, Read, Resource::BreakGlassReview, false),
        // the person directory (search-before-create)
        (Counsellor, Read, Resource::PersonDirectory, true),
        (TeamLead, Read, Resource::PersonDirectory, true),
        (PlacementOfficer, Read, Resource::PersonDirectory, false),
        (Admin, Read, Resource::PersonDirectory, false),
        // counsellors: own caseload, or break the glass with a real reason
        (Counsellor, Read, pd(C::Health, caseload), true),
        (Counsellor, Update, pd(C::Family, caseload), true),
        (Counsellor, Read, pd(C::Identity, rel()), false),
        (Counsellor, Read, pd(C::Identity, glass), true),
        (Counsellor, Read, pd(C::Identity, short_glass), false),
        (Counsellor, Delete, pd(C::Identity, caseload), false),
        (TeamLead, Delete, pd(C::Identity, rel()), true),
        // placement officers: their own clients' course data, nothing else without consent
        (PlacementOfficer, Read, pd(C::Education, agency), true),
        (PlacementOfficer, Read, pd(C::Health, agency), false),
        (PlacementOfficer, Read, pd(C::Education, rel()), false),
        (PlacementOfficer, Update, pd(C::Education, agency), false),
        (PlacementOfficer, Read, pd(C::Family, consent_family), true),
        // immigration office: residence data of its persons
        (ImmigrationOffice, Update, pd(C::Residence, agency), true),
        (ImmigrationOffice, Read, pd(C::Education, agency), false),
        (ImmigrationOffice, Update, pd(C::Identity, agency), false),
        // IntV § 8 Abs. 3: the office that obliged the person sees course and attendance …
        (ImmigrationOffice, Read, pd(C::Education, obliged), true),
        (ImmigrationOffice, Read, pd(C::Identity, obliged), true),
        // … nothing else, and changes nothing.
        (ImmigrationOffice, Update, pd(C::Education, obliged), false),
        (ImmigrationOffice, Read, pd(C::Family, obliged), false),
        (ImmigrationOffice, Read, pd(C::Health, obliged), false),
        (ImmigrationOffice, Read, pd(C::Contact, obliged), false),
        (PlacementOfficer, Read, pd(C::Education, obliged), false),
        // providers: their participants' identity and course record
        (Provider, Read, pd(C::Contact, placed), true),
        (Provider, Update, pd(C::Education, placed), true),
        (Provider, Read, pd(C::Residence, placed), false),
        (Provider, Read, pd(C::Identity, rel()), false),
        // consent-only roles
        (YouthWelfare, Read, pd(C::Family, consent_family), true),
        (YouthWelfare, Read, pd(C::Identity, consent_family), false),
        (YouthWelfare, Update, pd(C::Family, consent_family), false),
        (MunicipalGuide, Read, pd(C::Family, rel()), false),
        // an accepted referral with scope contact + education: exactly those, read-only
        (VolunteerCoordinator, Read, pd(C::Contact, referred), true),
        (VolunteerCoordinator, Read, pd(C::Education, referred), true),
        (VolunteerCoordinator, Read, pd(C::Identity, referred), false),
        (VolunteerCoordinator, Read, pd(C::Residence, referred), false),
        (VolunteerCoordinator, Read, pd(C::Health, referred), false),
        (VolunteerCoordinator, Update, pd(C::Contact, referred), false),
        (MunicipalGuide, Read, pd(C::Education, referred), true),
        (YouthWelfare, Read, pd(C::Family, referred), false),
        // roles that never see case data, whatever the relation
        (Admin, Read, pd(C::Identity, caseload), false),
        (Analyst, Read, pd(C::Family, consent_family), false),
        (Editor, Read, pd(C::Identity, glass), false),
    ];
    for (role, action, resource, expected) in cases {
        let got = can(&actor(role), action, &resource).is_allowed();
        assert_eq!(got, expected, "{role} {action:?} {resource:?}");
    }
}

fn any_role() -> impl Strategy<Value = Role> {
    proptest::sample::select(Role::ALL.to_vec())
}
fn any_class() -> impl Strategy<Value = DataClass> {
    proptest::sample::select(DataClass::ALL.to_vec())
}
fn any_action() -> impl Strategy<Value = Action> {
    proptest::sample::select(vec![
        Action::Read,
        Action::Create,
        Action::Update,
        Action::Delete,
    ])
}

proptest! {
    /// Withdrawing consent never widens access.
    #[test]
    fn consent_is_monotone(role in any_role(), class in any_class(), action in any_action(),
                           caseload: bool, agency: bool, placed: bool,
                           consent in proptest::sample::subsequence(DataClass::ALL.to_vec(), 0..=DataClass::ALL.len())) {
        let with = Relation { own_caseload: caseload, responsible_agency: agency, placed_with_org: placed, issued_obligation: false, consented: &consent, break_glass_reason: None, referral_scope: &[] };
        let without = Relation { consented: &[], ..with };
        let a = actor(role);
        let allowed_without = can(&a, action, &Resource::PersonData { class, relation: without }).is_allowed();
        let allowed_with = can(&a, action, &Resource::PersonData { class, relation: with }).is_allowed();
        prop_assert!(!allowed_without || allowed_with);
    }

    /// A referral's scope only ever adds reading of its own classes.
    #[test]
    fn referral_scope_grants_reading_of_its_classes_only(role in any_role(), class in any_class(), action in any_action(),
                           scope in proptest::sample::subsequence(DataClass::ALL.to_vec(), 0..=DataClass::ALL.len())) {
        let with = Relation { referral_scope: &scope, ..rel() };
        let a = actor(role);
        let allowed_with = can(&a, action, &Resource::PersonData { class, relation: with }).is_allowed();
        let allowed_without = can(&a, action, &Resource::PersonData { class, relation: rel() }).is_allowed();
        if allowed_with && !allowed_without {
            prop_assert_eq!(action, Action::Read);
            prop_assert!(scope.contains(&class));
        }
    }

    /// Consent lets others read, never write.
    #[test]
    fn consent_alone_never_grants_writes(role in any_role(), class in any_class()) {
        let consent = DataClass::ALL.to_vec();
        let relation = Relation { consented: &consent, ..rel() };
        for action in [Action::Create, Action::Update] {
            let allowed = can(&actor(role), action, &Resource::PersonData { class, relation }).is_allowed();
            prop_assert!(!allowed || role == Role::TeamLead);
        }
    }

    /// Administrators, editors and analysts never see a person's data.
    #[test]
    fn non_case_roles_never_see_person_data(class in any_class(), action in any_action(), caseload: bool, agency: bool) {
        let consent = DataClass::ALL.to_vec();
        let relation = Relation { own_caseload: caseload, responsible_agency: agency, placed_with_org: true, issued_obligation: false, consented: &consent, break_glass_reason: Some("a long enough reason"), referral_scope: &consent };
        for role in [Role::Admin, Role::Editor, Role::Analyst] {
            let resource = Resource::PersonData { class, relation };
            prop_assert!(!can(&actor(role), action, &resource).is_allowed());
        }
    }
}
