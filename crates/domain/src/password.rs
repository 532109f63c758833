//! Passwords: argon2id (PHC strings with their parameters), and the rules a new password must meet.

use argon2::password_hash::{
    PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng,
};
use argon2::{Algorithm, Argon2, Params, Version};

/// Minimum length of a new password. Length beats composition rules (NIST SP 800-63B).
pub const MIN_LEN: usize = 10;
/// Upper bound so nobody can make the server hash megabytes.
pub const MAX_LEN: usize = 256;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    #[error("the password must have at least {MIN_LEN} characters")]
    TooShort,
    #[error("the password must have at most {MAX_LEN} characters")]
    TooLong,
    #[error("the password must not be the user name")]
    SameAsUsername,
    #[error("could not hash the password")]
    Hashing,
}

fn hasher() -> Argon2<'static> {
    // OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Checks the rules for a new password.
pub fn check_new(password: &str, username: &str) -> Result<(), PasswordError> {
    let len = password.chars().count();
    if len < MIN_LEN {
        return Err(PasswordError::TooShort);
    }
    if len > MAX_LEN {
        return Err(PasswordError::TooLong);
    }
    if password.eq_ignore_ascii_case(username) {
        return Err(PasswordError::SameAsUsername);
    }
    Ok(())
}

/// Hashes with argon2id and a random salt; returns the PHC string.
pub fn hash(password: &str) -> Result<String, PasswordError> {
    let salt = SaltString::generate(&mut OsRng);
    hasher()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|_| PasswordError::Hashing)
}

/// Verifies against a stored PHC string. A malformed stored hash verifies as false.
pub fn verify(password: &str, phc: &str) -> bool {
    if password.len() > MAX_LEN * 4 {
        return false;
    }
    match PasswordHash::new(phc) {
        Ok(parsed) => hasher()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// A hash to verify against when the user does not exist, so that unknown and known users
/// take the same time to reject.
pub fn dummy_hash() -> &'static str {
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$6lG8Tn8s3mvyzXqLLJw0FCE7sTRXhk6jzWOFvG0bKyY"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_is_argon2id_and_verifies() {
        let h = hash("correct horse battery").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify("correct horse battery", &h));
        assert!(!verify("correct horse batterx", &h));
        assert!(!verify("anything", "not a phc string"));
    }

    #[test]
    fn rules_for_new_passwords() {
        assert_eq!(check_new("short", "anna"), Err(PasswordError::TooShort));
        assert_eq!(
            check_new("annaschmidt", "AnnaSchmidt"),
            Err(PasswordError::SameAsUsername)
        );
        assert_eq!(
            check_new(&"x".repeat(MAX_LEN + 1), "anna"),
            Err(PasswordError::TooLong)
        );
        assert_eq!(check_new("a long enough one", "anna"), Ok(()));
    }
}
