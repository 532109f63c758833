//! Turning raw input (JSON bodies and HTML forms alike) into validated repository input,
//! collecting every field's error at once so a form can show them all.

use ankommen_db::orgs::OrgInput;
use ankommen_db::users::UserInput;
use ankommen_domain::validate::{
    FieldError, Username, optional_email, optional_text, required_text,
};
use ankommen_domain::{OrgKind, Role, ids};

use crate::i18n::Lang;

/// Raw user fields as they arrive.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct RawUser {
    pub username: String,
    pub display_name: String,
    #[serde(default)]
    pub email: Option<String>,
    /// One of the roles (`admin`, `team_lead`, `counsellor`, `provider`, ...).
    pub role: String,
    pub org_id: String,
    /// `de` (default) or `en`.
    #[serde(default)]
    pub locale: Option<String>,
}

/// Raw organisation fields as they arrive.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct RawOrg {
    pub name: String,
    /// One of the organisation kinds (`migration_centre`, `job_centre`, ...).
    pub kind: String,
    #[serde(default)]
    pub parent_id: Option<String>,
    #[serde(default)]
    pub municipality_id: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
}

fn collect<T>(errors: &mut Vec<FieldError>, r: Result<T, FieldError>) -> Option<T> {
    r.map_err(|e| errors.push(e)).ok()
}

fn optional_id(field: &'static str, raw: Option<&str>) -> Result<Option<String>, FieldError> {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => ids::OrgId::parse(s)
            .map(|id| Some(id.into_string()))
            .map_err(|e| FieldError::new(field, "invalid_id", e.to_string())),
    }
}

pub fn user(raw: &RawUser) -> Result<UserInput, Vec<FieldError>> {
    let mut errs = Vec::new();
    let username = collect(&mut errs, Username::parse(&raw.username));
    let display_name = collect(
        &mut errs,
        required_text("display_name", &raw.display_name, 200),
    );
    let email = collect(
        &mut errs,
        optional_email(raw.email.as_deref().unwrap_or("")),
    );
    let role = collect(
        &mut errs,
        Role::parse(raw.role.trim())
            .map_err(|e| FieldError::new("role", "unknown_value", e.to_string())),
    );
    let org_id = collect(
        &mut errs,
        optional_id("org_id", Some(&raw.org_id))
            .and_then(|o| o.ok_or_else(|| FieldError::new("org_id", "required", "is required"))),
    );
    let locale = match raw
        .locale
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        None => Some("de".to_owned()),
        Some(l) => collect(
            &mut errs,
            Lang::parse(l)
                .map(|l| l.code().to_owned())
                .ok_or_else(|| FieldError::new("locale", "unknown_value", "must be 'de' or 'en'")),
        ),
    };
    match (username, display_name, email, role, org_id, locale) {
        (
            Some(username),
            Some(display_name),
            Some(email),
            Some(role),
            Some(org_id),
            Some(locale),
        ) if errs.is_empty() => Ok(UserInput {
            username: username.as_str().to_owned(),
            display_name,
            email,
            role,
            org_id,
            locale,
        }),
        _ => Err(errs),
    }
}

/// A new user: the fields and the initial password, all errors at once.
pub fn new_user(raw: &RawUser, password: &str) -> Result<UserInput, Vec<FieldError>> {
    let checked = user(raw);
    let name = raw.username.trim().to_lowercase();
    let pw = ankommen_domain::password::check_new(password, &name)
        .map_err(|e| FieldError::new("password", password_code(&e), e.to_string()));
    match (checked, pw) {
        (Ok(input), Ok(())) => Ok(input),
        (Ok(_), Err(e)) => Err(vec![e]),
        (Err(mut errs), Err(e)) => {
            errs.push(e);
            Err(errs)
        }
        (Err(errs), Ok(())) => Err(errs),
    }
}

/// Stable code of a password rule, for translated messages.
pub fn password_code(e: &ankommen_domain::password::PasswordError) -> &'static str {
    use ankommen_domain::password::PasswordError as P;
    match e {
        P::TooShort => "password_too_short",
        P::TooLong => "password_too_long",
        P::SameAsUsername => "password_is_username",
        P::Hashing => "internal",
    }
}

pub fn org(raw: &RawOrg) -> Result<OrgInput, Vec<FieldError>> {
    let mut errs = Vec::new();
    let name = collect(&mut errs, required_text("name", &raw.name, 200));
    let kind = collect(
        &mut errs,
        OrgKind::parse(raw.kind.trim())
            .map_err(|e| FieldError::new("kind", "unknown_value", e.to_string())),
    );
    let parent_id = collect(
        &mut errs,
        optional_id("parent_id", raw.parent_id.as_deref()),
    );
    let municipality_id = collect(
        &mut errs,
        optional_id("municipality_id", raw.municipality_id.as_deref()),
    );
    let email = collect(
        &mut errs,
        optional_email(raw.email.as_deref().unwrap_or("")),
    );
    let phone = collect(
        &mut errs,
        optional_text("phone", raw.phone.as_deref().unwrap_or(""), 50),
    );
    match (name, kind, parent_id, municipality_id, email, phone) {
        (
            Some(name),
            Some(kind),
            Some(parent_id),
            Some(municipality_id),
            Some(email),
            Some(phone),
        ) if errs.is_empty() => Ok(OrgInput {
            name,
            kind,
            parent_id,
            municipality_id,
            email,
            phone,
        }),
        _ => Err(errs),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collects_all_errors() {
        let raw = RawUser {
            username: "a b".into(),
            display_name: " ".into(),
            role: "boss".into(),
            org_id: "x".into(),
            ..Default::default()
        };
        let errs = user(&raw).unwrap_err();
        let fields: Vec<_> = errs.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["username", "display_name", "role", "org_id"]);
    }

    #[test]
    fn new_user_reports_field_and_password_errors_together() {
        let raw = RawUser {
            username: "a b".into(),
            display_name: "B".into(),
            role: "counsellor".into(),
            org_id: "0192f0a4-7b8c-7d4e-9f00-0123456789ab".into(),
            ..Default::default()
        };
        let errs = new_user(&raw, "kurz").unwrap_err();
        let fields: Vec<_> = errs.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["username", "password"]);
    }

    #[test]
    fn valid_user() {
        let raw = RawUser {
            username: "Anna".into(),
            display_name: "Anna Schmidt".into(),
            role: "counsellor".into(),
            org_id: "0192f0a4-7b8c-7d4e-9f00-0123456789ab".into(),
            locale: Some("en".into()),
            ..Default::default()
        };
        let u = user(&raw).unwrap();
        assert_eq!(
            (u.username.as_str(), u.role, u.locale.as_str()),
            ("anna", Role::Counsellor, "en")
        );
    }
}
