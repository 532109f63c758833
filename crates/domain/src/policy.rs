//! The access policy: one pure function, [`can`], that every handler consults before it reads
//! or writes anything. Access = role × organisation × relationship to the person × the
//! person's consent or a named legal basis (DESIGN.md §5). Least privilege: what is not
//! allowed here is denied, and administrators do not see case data.

use crate::{DataClass, OrgKind, Role};

/// Who is asking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actor<'a> {
    pub role: Role,
    pub org_id: &'a str,
    pub org_kind: OrgKind,
}

/// What they want to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Read,
    Create,
    Update,
    /// Delete, disable, revoke or erase.
    Delete,
}

/// What they want to do it to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resource<'a> {
    /// The role-specific start page.
    Dashboard,
    /// One's own account: profile, password, language.
    OwnProfile,
    UserAccount,
    Organisation,
    ApiToken,
    BackgroundJob,
    Settings,
    /// The audit log. Written by the system only; nobody may change it.
    AuditLog,
    /// Anonymised statistics.
    Statistics,
    /// Pages, events and places of the public portal.
    PortalContent,
    /// A course; `provider_org` is the organisation offering it.
    Course {
        provider_org: &'a str,
    },
    /// An offer of the network directory, published by `publisher_org`.
    Offer {
        publisher_org: &'a str,
    },
    /// A referral from `sender_org` to `receiver_org` (its person data are `PersonData`
    /// through `Relation::referral_scope`).
    Referral {
        sender_org: &'a str,
        receiver_org: &'a str,
    },
    /// The list of break-the-glass accesses to review.
    BreakGlassReview,
    /// The directory of persons: search by name, birth date and case number, showing only
    /// name, birth date, case number and counsellor (for search-before-create).
    PersonDirectory,
    /// One class of one person's data, seen through the actor's relationship to the person.
    PersonData {
        class: DataClass,
        relation: Relation<'a>,
    },
}

/// The actor's relationship to a person, as established by the caller from the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Relation<'a> {
    /// The person is in the actor's own caseload (or the actor creates the record).
    pub own_caseload: bool,
    /// The actor's organisation is the person's responsible agency (the job centre for its
    /// SGB II clients, the immigration office for the course obligations it issued).
    pub responsible_agency: bool,
    /// The person holds a seat in a course of the actor's organisation.
    pub placed_with_org: bool,
    /// The actor's organisation obliged the person to attend the integration course
    /// (AufenthG § 44a): it learns about the course and attendance (IntV § 8 Abs. 3, § 14
    /// Abs. 6), not more.
    pub issued_obligation: bool,
    /// Classes the person currently consents to share with the actor's organisation
    /// (given, not expired, not withdrawn).
    pub consented: &'a [DataClass],
    /// A reason given to open a record outside one's caseload ("break the glass"), while
    /// that access lasts.
    pub break_glass_reason: Option<&'a str>,
    /// Classes the actor's organisation may read through a referral it accepted
    /// (`referral::readable`: its scope, narrowed by the consent it rests on).
    pub referral_scope: &'a [DataClass],
}

/// The answer, with the reason for a denial (for the audit log, never shown with case data).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allow,
    Deny(&'static str),
}

impl Decision {
    pub fn is_allowed(self) -> bool {
        self == Decision::Allow
    }
}

fn allow_if(cond: bool, reason: &'static str) -> Decision {
    if cond {
        Decision::Allow
    } else {
        Decision::Deny(reason)
    }
}

/// May `actor` do `action` to `resource`?
pub fn can(actor: &Actor<'_>, action: Action, resource: &Resource<'_>) -> Decision {
    use Action::*;
    use Role::*;
    let role = actor.role;
    match *resource {
        Resource::Dashboard => allow_if(action == Read, "the dashboard is read-only"),
        Resource::OwnProfile => allow_if(
            matches!(action, Read | Update),
            "own profile: read and update only",
        ),
        Resource::UserAccount | Resource::Organisation => match role {
            Admin => Decision::Allow,
            TeamLead => allow_if(
                action == Read,
                "team leads may only view accounts and organisations",
            ),
            _ => Decision::Deny("account administration is for administrators"),
        },
        Resource::ApiToken | Resource::BackgroundJob | Resource::Settings => {
            allow_if(role == Admin, "administrators only")
        }
        Resource::AuditLog => allow_if(
            action == Read && matches!(role, Admin | TeamLead),
            "the audit log is append-only and visible to administrators and team leads",
        ),
        Resource::Statistics => allow_if(
            action == Read && matches!(role, Analyst | TeamLead),
            "statistics are for analysts and team leads",
        ),
        Resource::PortalContent => allow_if(
            action == Read || role == Editor,
            "portal content is edited by editors",
        ),
        Resource::Course { provider_org } => match role {
            TeamLead => Decision::Allow,
            Provider if provider_org == actor.org_id => {
                allow_if(action != Delete, "providers cannot delete courses")
            }
            Counsellor | PlacementOfficer | ImmigrationOffice => {
                allow_if(action == Read, "read-only access to courses")
            }
            Provider => Decision::Deny("a provider sees only its own courses"),
            _ => Decision::Deny("no access to courses"),
        },
        Resource::Offer { publisher_org } => match role {
            Admin | Editor | Analyst => allow_if(action == Read, "offers are kept by the network"),
            TeamLead | Counsellor => allow_if(
                action != Delete || role == TeamLead,
                "offers are ended (deactivated), not deleted",
            ),
            _ if publisher_org == actor.org_id => allow_if(
                action != Delete,
                "offers are ended (deactivated), not deleted",
            ),
            _ => allow_if(
                action == Read,
                "partners keep only their own organisation's offers",
            ),
        },
        Resource::Referral {
            sender_org,
            receiver_org,
        } => match role {
            Admin | Editor | Analyst => Decision::Deny("this role never sees case data"),
            // Referring is the migration centre's case work.
            Counsellor | TeamLead if sender_org == actor.org_id => Decision::Allow,
            _ if receiver_org == actor.org_id => allow_if(
                matches!(action, Read | Update),
                "a receiver answers referrals; it does not create or delete them",
            ),
            _ => Decision::Deny("neither sender nor receiver of this referral"),
        },
        Resource::BreakGlassReview => allow_if(
            matches!(action, Read | Update) && role == TeamLead,
            "team leads review break-the-glass accesses",
        ),
        Resource::PersonDirectory => allow_if(
            action == Read && matches!(role, Counsellor | TeamLead),
            "searching all persons is for the migration centre's counsellors",
        ),
        Resource::PersonData { class, relation } => person_data(role, action, class, &relation),
    }
}

fn person_data(role: Role, action: Action, class: DataClass, rel: &Relation<'_>) -> Decision {
    use Action::*;
    use DataClass as C;
    use Role::*;
    let consented = rel.consented.contains(&class) || rel.referral_scope.contains(&class);
    let break_glass = rel
        .break_glass_reason
        .is_some_and(|r| r.trim().chars().count() >= 10);
    // What an agency may see by its legal role, without the person's consent.
    let by_legal_role = match role {
        Counsellor => rel.own_caseload || break_glass,
        TeamLead => true,
        // § 50 SGB II / § 67 SGB X: the job centre needs course status and attendance of its clients.
        PlacementOfficer => {
            rel.responsible_agency && matches!(class, C::Identity | C::Contact | C::Education)
        }
        // § 86 AufenthG: the immigration office processes residence data of the persons it is responsible for.
        ImmigrationOffice => {
            (rel.responsible_agency && matches!(class, C::Identity | C::Residence))
                // IntV § 8 Abs. 3: the office that obliged a person learns whether they attend.
                || (rel.issued_obligation
                    && action == Read
                    && matches!(class, C::Identity | C::Education))
        }
        // § 8 IntV / DeuFöV: providers need identity, contact and the course record of their participants.
        Provider => rel.placed_with_org && matches!(class, C::Identity | C::Contact | C::Education),
        YouthWelfare | MunicipalGuide | VolunteerCoordinator => false,
        Admin | Editor | Analyst => return Decision::Deny("this role never sees case data"),
    };
    match action {
        Read => allow_if(
            by_legal_role || consented,
            "no relationship to this person, no consent and no referral covering this",
        ),
        Create | Update => allow_if(
            match role {
                Counsellor | TeamLead => by_legal_role,
                ImmigrationOffice => by_legal_role && class == C::Residence,
                Provider => by_legal_role && class == C::Education,
                _ => false,
            },
            "this role may not change this part of the record",
        ),
        Delete => allow_if(role == TeamLead, "only team leads may erase personal data"),
    }
}

#[cfg(test)]
mod tests;
