//! Translation status of one page in one language, as a small state machine. Most of
//! Integreat's translation bugs (CMS #4397, #4254, #4385, #2319) are in these transitions, so
//! every one of them is spelled out in [`next`], and impossible ones are errors.
//!
//! | from \ event        | major edit | minor edit | start         | machine       | publish    | delete  |
//! |---------------------|------------|------------|---------------|---------------|------------|---------|
//! | up_to_date          | outdated   | –          | in_translation| error         | up_to_date | missing |
//! | outdated            | outdated   | –          | in_translation| machine_tr.   | up_to_date | missing |
//! | in_translation      | outdated   | –          | error         | error         | up_to_date | missing |
//! | missing             | missing    | –          | in_translation| machine_tr.   | up_to_date | error   |
//! | machine_translated  | outdated   | –          | in_translation| error         | up_to_date | missing |

crate::text_enum! {
    /// Where a translation stands relative to its source-language text.
    pub enum Status ("translation status") {
        /// Translated from the current source text and published.
        UpToDate = "up_to_date",
        /// The source changed (major edit) since this translation was made.
        Outdated = "outdated",
        /// A translator or agency works on it.
        InTranslation = "in_translation",
        /// There is no translation in this language.
        Missing = "missing",
        /// Machine-translated from the current source text, not yet checked by a person.
        MachineTranslated = "machine_translated",
    }
}

crate::text_enum! {
    /// What happens to a translation or to its source text.
    pub enum Event ("translation event") {
        /// The source text changed in substance: existing translations become outdated.
        SourceMajorEdit = "source_major_edit",
        /// Typo or layout fix in the source: translations stay as they are.
        SourceMinorEdit = "source_minor_edit",
        /// A translator (or an XLIFF export to an agency) starts on it.
        StartTranslation = "start_translation",
        /// A machine translation of the current source replaces the text.
        MachineTranslate = "machine_translate",
        /// A person publishes the translation as matching the current source.
        PublishTranslation = "publish_translation",
        /// The translation is deleted.
        DeleteTranslation = "delete_translation",
    }
}

impl Status {
    /// Whether a translation text exists (everything but `missing`).
    pub fn exists(self) -> bool {
        self != Status::Missing
    }

    /// Whether the coverage report should list it as work to do.
    pub fn needs_work(self) -> bool {
        !matches!(self, Status::UpToDate | Status::InTranslation)
    }
}

/// A transition the state machine does not allow, with a stable code and the reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a {from} translation does not allow '{event}': {reason}")]
pub struct TransitionError {
    /// The status before.
    pub from: Status,
    /// What happened.
    pub event: Event,
    /// Stable code: `already_in_translation`, `would_overwrite_translation`,
    /// `already_machine_translated`, `nothing_to_delete`.
    pub code: &'static str,
    /// Why, in English.
    pub reason: &'static str,
}

/// The status after `event` happens to a translation in `status`. Pure and total: every
/// pair is either a status or a [`TransitionError`] (see the table in the module docs).
pub fn next(status: Status, event: Event) -> Result<Status, TransitionError> {
    use Event as E;
    use Status as S;
    let refuse = |code, reason| {
        Err(TransitionError {
            from: status,
            event,
            code,
            reason,
        })
    };
    match (status, event) {
        (S::Missing, E::SourceMajorEdit) => Ok(S::Missing),
        (_, E::SourceMajorEdit) => Ok(S::Outdated),
        (s, E::SourceMinorEdit) => Ok(s),
        (S::InTranslation, E::StartTranslation) => refuse(
            "already_in_translation",
            "someone is already translating it",
        ),
        (_, E::StartTranslation) => Ok(S::InTranslation),
        (S::UpToDate, E::MachineTranslate) => refuse(
            "would_overwrite_translation",
            "it is up to date; a machine translation would overwrite a checked text",
        ),
        (S::InTranslation, E::MachineTranslate) => refuse(
            "would_overwrite_translation",
            "a translator is working on it; a machine translation would overwrite that work",
        ),
        (S::MachineTranslated, E::MachineTranslate) => refuse(
            "already_machine_translated",
            "it is already a machine translation of the current source text",
        ),
        (_, E::MachineTranslate) => Ok(S::MachineTranslated),
        (_, E::PublishTranslation) => Ok(S::UpToDate),
        (S::Missing, E::DeleteTranslation) => {
            refuse("nothing_to_delete", "there is no translation to delete")
        }
        (_, E::DeleteTranslation) => Ok(S::Missing),
    }
}

/// Applies `event` to the translations of one page in every language (e.g. a major edit of
/// the source); statuses the event cannot change are kept and their errors returned.
pub fn apply_all(statuses: &mut [Status], event: Event) -> Vec<TransitionError> {
    let mut errors = Vec::new();
    for s in statuses.iter_mut() {
        match next(*s, event) {
            Ok(to) => *s = to,
            Err(e) => errors.push(e),
        }
    }
    errors
}

/// How far one language is translated: counts per status (the coverage report).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Coverage {
    /// Pages counted.
    pub total: usize,
    /// Pages with an up-to-date translation.
    pub up_to_date: usize,
    /// Pages whose translation is outdated.
    pub outdated: usize,
    /// Pages in translation.
    pub in_translation: usize,
    /// Pages without a translation.
    pub missing: usize,
    /// Pages with an unchecked machine translation.
    pub machine_translated: usize,
    /// `up_to_date * 100 / total`, rounded down (so 100 means all); 100 when `total` is 0.
    pub percent_up_to_date: u8,
}

/// Counts the statuses of one language's pages.
pub fn coverage(statuses: impl IntoIterator<Item = Status>) -> Coverage {
    let mut c = Coverage::default();
    for s in statuses {
        c.total += 1;
        match s {
            Status::UpToDate => c.up_to_date += 1,
            Status::Outdated => c.outdated += 1,
            Status::InTranslation => c.in_translation += 1,
            Status::Missing => c.missing += 1,
            Status::MachineTranslated => c.machine_translated += 1,
        }
    }
    c.percent_up_to_date = c
        .up_to_date
        .saturating_mul(100)
        .checked_div(c.total)
        .map_or(100, |p| u8::try_from(p).unwrap_or(100));
    c
}

#[cfg(test)]
mod tests;
