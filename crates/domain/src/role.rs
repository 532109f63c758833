//! Roles. A user has exactly one; what it allows is decided in [`crate::policy`].

use crate::OrgKind;

crate::text_enum! {
    /// A user's role.
    pub enum Role ("role") {
        Admin = "admin",
        TeamLead = "team_lead",
        Counsellor = "counsellor",
        Provider = "provider",
        PlacementOfficer = "placement_officer",
        ImmigrationOffice = "immigration_office",
        YouthWelfare = "youth_welfare",
        MunicipalGuide = "municipal_guide",
        VolunteerCoordinator = "volunteer_coordinator",
        Editor = "editor",
        Analyst = "analyst",
    }
}

impl Role {
    /// Whether staff of an organisation of `kind` may hold this role. Keeps agencies apart:
    /// a course provider's employee can never be made a placement officer.
    pub fn fits(self, kind: OrgKind) -> bool {
        use OrgKind as K;
        match self {
            // Administration, the portal and statistics are run by the county's centre.
            Role::Admin | Role::Editor | Role::Analyst | Role::TeamLead | Role::Counsellor => {
                kind == K::MigrationCentre
            }
            Role::Provider => kind == K::CourseProvider,
            Role::PlacementOfficer => matches!(kind, K::JobCentre | K::EmploymentAgency),
            Role::ImmigrationOffice => kind == K::ImmigrationOffice,
            Role::YouthWelfare => kind == K::YouthWelfare,
            Role::MunicipalGuide => matches!(kind, K::Municipality | K::CounsellingService),
            Role::VolunteerCoordinator => kind == K::VolunteerInitiative,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_fits_at_least_one_kind() {
        for role in Role::ALL {
            assert!(OrgKind::ALL.iter().any(|k| role.fits(*k)), "{role}");
        }
    }

    #[test]
    fn provider_staff_cannot_be_placement_officers() {
        assert!(!Role::PlacementOfficer.fits(OrgKind::CourseProvider));
        assert!(Role::PlacementOfficer.fits(OrgKind::JobCentre));
    }

    #[test]
    fn text_round_trip_and_unknown_value() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Ok(*role));
        }
        let err = Role::parse("superuser").unwrap_err();
        assert!(err.to_string().contains("unknown role 'superuser'"));
        assert!(err.to_string().contains("counsellor"));
    }
}
