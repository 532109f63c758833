//! Input that parses itself: once constructed, a value is valid ("parse, don't validate").

use std::fmt;

/// Why a field's value was rejected; `field` names the input field for form and API messages.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct FieldError {
    pub field: &'static str,
    /// Stable code of the rule, for translated form messages (`field-error-<code>` in Fluent).
    pub code: &'static str,
    /// The message in English, for the API.
    pub message: String,
    /// A limit the message refers to (a maximum length), for the translated message.
    pub limit: Option<usize>,
}

impl FieldError {
    pub fn new(field: &'static str, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            field,
            code,
            message: message.into(),
            limit: None,
        }
    }

    pub fn with_limit(mut self, limit: usize) -> Self {
        self.limit = Some(limit);
        self
    }
}

/// A login name: 2–64 characters of lower-case ASCII letters, digits, `.`, `_`, `-`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Username(String);

impl Username {
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let value = raw.trim().to_lowercase();
        let len = value.chars().count();
        if !(2..=64).contains(&len) {
            return Err(FieldError::new(
                "username",
                "username_length",
                "must have 2 to 64 characters",
            ));
        }
        if !value
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c))
        {
            return Err(FieldError::new(
                "username",
                "username_chars",
                "may contain only letters a–z, digits, '.', '_' and '-'",
            ));
        }
        Ok(Self(value))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Username {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A required line of human text (a name), trimmed, 1..=max characters, no control characters.
pub fn required_text(field: &'static str, raw: &str, max: usize) -> Result<String, FieldError> {
    let value = raw.trim();
    if value.is_empty() {
        return Err(FieldError::new(field, "required", "is required"));
    }
    optional_text(field, value, max).map(|v| v.unwrap_or_default())
}

/// An optional line of text: empty becomes `None`.
pub fn optional_text(
    field: &'static str,
    raw: &str,
    max: usize,
) -> Result<Option<String>, FieldError> {
    let value = raw.trim();
    if value.is_empty() {
        return Ok(None);
    }
    if value.chars().count() > max {
        return Err(FieldError::new(
            field,
            "too_long",
            format!("must have at most {max} characters"),
        )
        .with_limit(max));
    }
    if value.chars().any(char::is_control) {
        return Err(FieldError::new(
            field,
            "control_chars",
            "must not contain control characters",
        ));
    }
    Ok(Some(value.to_owned()))
}

/// An optional e-mail address: one `@`, a dot in the domain, no spaces. Deliverability is the
/// mail server's business, not ours.
pub fn optional_email(raw: &str) -> Result<Option<String>, FieldError> {
    let Some(value) = optional_text("email", raw, 254)? else {
        return Ok(None);
    };
    let mut parts = value.splitn(2, '@');
    let (local, domain) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let ok = !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && !value.contains(char::is_whitespace);
    if ok {
        Ok(Some(value.to_lowercase()))
    } else {
        Err(FieldError::new(
            "email",
            "invalid_email",
            "is not a valid e-mail address",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames() {
        assert_eq!(
            Username::parse(" Anna.Schmidt ").unwrap().as_str(),
            "anna.schmidt"
        );
        assert!(Username::parse("a").is_err());
        assert!(Username::parse("anna schmidt").is_err());
        assert!(Username::parse("anna;drop").is_err());
        assert!(Username::parse(&"a".repeat(65)).is_err());
    }

    #[test]
    fn texts() {
        assert_eq!(required_text("name", "  x ", 5).unwrap(), "x");
        assert_eq!(
            required_text("name", "   ", 5).unwrap_err().message,
            "is required"
        );
        assert!(required_text("name", "toolong", 5).is_err());
        assert!(required_text("name", "a\u{0}b", 5).is_err());
        assert_eq!(optional_text("name", "", 5).unwrap(), None);
    }

    #[test]
    fn emails() {
        assert_eq!(
            optional_email("A@Example.org").unwrap().as_deref(),
            Some("a@example.org")
        );
        assert_eq!(optional_email("").unwrap(), None);
        for bad in ["a", "a@b", "@b.de", "a@.de", "a b@c.de", "a@b.de."] {
            assert!(optional_email(bad).is_err(), "{bad}");
        }
    }
}
