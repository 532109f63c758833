//! The network's directory of offers (DOMAIN.md §5, issue 7): counselling services, childcare,
//! schools, recognition advice and volunteer offers that partner organisations publish, the
//! needs they meet, and which needs a person's situation analysis suggests.

use serde::Deserialize;
use time::Date;

use crate::assessment::{Content, Recognition};
use crate::course::{Errs, text, texts};
use crate::validate::{FieldError, optional_email, optional_text, required_text};

/// Longest description.
pub const DESCRIPTION_MAX: usize = 4000;

crate::text_enum! {
    /// What an offer is.
    pub enum OfferKind ("offer kind") {
        /// Migrationsberatung für erwachsene Zugewanderte (MBE, 27+).
        MigrationCounselling = "migration_counselling",
        /// Jugendmigrationsdienst (JMD, 12–26).
        YouthMigrationService = "youth_migration_service",
        /// Flüchtlingssozialarbeit / refugee counselling.
        RefugeeCounselling = "refugee_counselling",
        DebtCounselling = "debt_counselling",
        AddictionCounselling = "addiction_counselling",
        /// Psychosoziale Beratung, trauma counselling.
        PsychosocialCounselling = "psychosocial_counselling",
        /// Kita, Krippe, Tagespflege.
        Childcare = "childcare",
        School = "school",
        /// Berufsbildende Schule, SPRINT classes.
        VocationalSchool = "vocational_school",
        /// Anerkennungsberatung (IQ network) for foreign qualifications.
        RecognitionAdvice = "recognition_advice",
        /// Alphabetisierung outside the integration course.
        LiteracySupport = "literacy_support",
        LanguageCafe = "language_cafe",
        Mentoring = "mentoring",
        /// Begleitung zu Behörden und Ärzten.
        Accompaniment = "accompaniment",
        HomeworkHelp = "homework_help",
        /// Training, jobs, job fairs.
        JobsTraining = "jobs_training",
    }
}

crate::text_enum! {
    /// A need an offer meets; what a counsellor searches by.
    pub enum Need ("need") {
        Counselling = "counselling",
        Childcare = "childcare",
        School = "school",
        Recognition = "recognition",
        Literacy = "literacy",
        Language = "language",
        Accompaniment = "accompaniment",
        Debt = "debt",
        Addiction = "addiction",
        Psychosocial = "psychosocial",
        Work = "work",
        Youth = "youth",
    }
}

impl OfferKind {
    /// The needs this kind of offer meets.
    pub fn needs(self) -> &'static [Need] {
        use OfferKind as K;
        match self {
            K::MigrationCounselling | K::RefugeeCounselling => &[Need::Counselling],
            K::YouthMigrationService => &[Need::Counselling, Need::Youth],
            K::DebtCounselling => &[Need::Counselling, Need::Debt],
            K::AddictionCounselling => &[Need::Counselling, Need::Addiction],
            K::PsychosocialCounselling => &[Need::Counselling, Need::Psychosocial],
            K::Childcare => &[Need::Childcare],
            K::School => &[Need::School],
            K::VocationalSchool => &[Need::School, Need::Youth, Need::Work],
            K::RecognitionAdvice => &[Need::Recognition, Need::Work],
            K::LiteracySupport => &[Need::Literacy, Need::Language],
            K::LanguageCafe => &[Need::Language],
            K::Mentoring => &[Need::Accompaniment, Need::Language],
            K::Accompaniment => &[Need::Accompaniment],
            K::HomeworkHelp => &[Need::School],
            K::JobsTraining => &[Need::Work],
        }
    }
}

crate::text_enum! {
    /// Who an offer is for.
    pub enum TargetGroup ("target group") {
        Adults = "adults",
        Youth = "youth",
        Children = "children",
        Families = "families",
        Women = "women",
        Refugees = "refugees",
        Everyone = "everyone",
    }
}

/// An offer as posted (form or JSON).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfferInput {
    #[serde(default, deserialize_with = "text")]
    pub kind: String,
    #[serde(default, deserialize_with = "text")]
    pub title: String,
    #[serde(default, deserialize_with = "text")]
    pub description: String,
    #[serde(default, deserialize_with = "texts")]
    pub target_groups: Vec<String>,
    /// Languages offered, ISO 639-1 codes (`de`, `ar`, `fa`, `uk`, …).
    #[serde(default, deserialize_with = "texts")]
    pub languages: Vec<String>,
    /// Municipality ids served; none: the whole county.
    #[serde(default, deserialize_with = "texts")]
    pub municipality_ids: Vec<String>,
    #[serde(default, deserialize_with = "text")]
    pub street: String,
    #[serde(default, deserialize_with = "text")]
    pub postcode: String,
    #[serde(default, deserialize_with = "text")]
    pub town: String,
    #[serde(default, deserialize_with = "text")]
    pub latitude: String,
    #[serde(default, deserialize_with = "text")]
    pub longitude: String,
    /// `Mo 09:00-12:00, 14:00-16:00; Do 14:00-18:00`.
    #[serde(default, deserialize_with = "text")]
    pub opening_hours: String,
    #[serde(default, deserialize_with = "text")]
    pub contact_name: String,
    #[serde(default, deserialize_with = "text")]
    pub phone: String,
    #[serde(default, deserialize_with = "text")]
    pub email: String,
    #[serde(default, deserialize_with = "text")]
    pub website: String,
    #[serde(default, deserialize_with = "text")]
    pub capacity_note: String,
    /// `false` hides the offer from searches (paused, ended).
    #[serde(default, deserialize_with = "text")]
    pub active: String,
}

/// A valid offer.
#[derive(Debug, Clone, PartialEq)]
pub struct Offer {
    pub kind: OfferKind,
    pub title: String,
    pub description: Option<String>,
    pub target_groups: Vec<TargetGroup>,
    pub languages: Vec<String>,
    pub municipality_ids: Vec<String>,
    pub street: Option<String>,
    pub postcode: Option<String>,
    pub town: Option<String>,
    pub coordinates: Option<(f64, f64)>,
    pub opening_hours: Vec<OpeningDay>,
    pub contact_name: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub capacity_note: Option<String>,
    pub active: bool,
}

/// Opening hours of one weekday: time slots as minutes after midnight, `[from, to)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpeningDay {
    /// 0 = Monday … 6 = Sunday.
    pub weekday: u8,
    pub slots: Vec<(u16, u16)>,
}

const DAYS: [[&str; 3]; 7] = [
    ["mo", "mon", "montag"],
    ["di", "tue", "dienstag"],
    ["mi", "wed", "mittwoch"],
    ["do", "thu", "donnerstag"],
    ["fr", "fri", "freitag"],
    ["sa", "sat", "samstag"],
    ["so", "sun", "sonntag"],
];
const DAY_TEXT: [&str; 7] = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"];

fn clock(raw: &str) -> Option<u16> {
    let (h, m) = raw.trim().split_once(':')?;
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    (h <= 24 && m < 60 && h * 60 + m <= 24 * 60).then_some(h * 60 + m)
}

/// Parses opening hours: days separated by `;`, each `Mo 09:00-12:00, 14:00-16:00` (German or
/// English day abbreviations, `Mo-Fr` for ranges). Slots must not be empty or overlap.
pub fn parse_opening_hours(raw: &str) -> Result<Vec<OpeningDay>, FieldError> {
    let bad = |msg: String| FieldError::new("opening_hours", "invalid_opening_hours", msg);
    let mut days: Vec<OpeningDay> = Vec::new();
    for part in raw.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let (day_text, times) = part.split_once(char::is_whitespace).ok_or_else(|| {
            bad(format!(
                "„{part}“: expected a day and times, e.g. Mo 09:00-12:00"
            ))
        })?;
        let day_of = |d: &str| {
            let d = d.trim().trim_end_matches('.').to_lowercase();
            DAYS.iter().position(|names| names.contains(&d.as_str()))
        };
        let range: Vec<usize> = match day_text.split_once('-') {
            Some((a, b)) => match (day_of(a), day_of(b)) {
                (Some(a), Some(b)) if a <= b => (a..=b).collect(),
                _ => return Err(bad(format!("„{day_text}“ is not a range of weekdays"))),
            },
            None => vec![
                day_of(day_text).ok_or_else(|| bad(format!("„{day_text}“ is not a weekday")))?,
            ],
        };
        let mut slots = Vec::new();
        for slot in times.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let (from, to) = slot
                .split_once('-')
                .and_then(|(a, b)| Some((clock(a)?, clock(b)?)))
                .ok_or_else(|| bad(format!("„{slot}“ is not a time span like 09:00-12:00")))?;
            if from >= to {
                return Err(bad(format!("„{slot}“ ends before it starts")));
            }
            slots.push((from, to));
        }
        if slots.is_empty() {
            return Err(bad(format!("„{part}“ has no times")));
        }
        for d in range {
            if !days.iter().any(|x| usize::from(x.weekday) == d) {
                days.push(OpeningDay {
                    weekday: d as u8,
                    slots: vec![],
                });
            }
            let Some(day) = days.iter_mut().find(|x| usize::from(x.weekday) == d) else {
                continue;
            };
            day.slots.extend(slots.iter().copied());
            day.slots.sort_unstable();
            if day.slots.windows(2).any(|w| w[0].1 > w[1].0) {
                return Err(bad(format!("times overlap on {}", DAY_TEXT[d])));
            }
        }
    }
    days.sort_by_key(|d| d.weekday);
    Ok(days)
}

/// Opening hours in their canonical text form (what is stored).
pub fn format_opening_hours(days: &[OpeningDay]) -> String {
    days.iter()
        .map(|d| {
            let slots: Vec<String> = d
                .slots
                .iter()
                .map(|(a, b)| format!("{:02}:{:02}-{:02}:{:02}", a / 60, a % 60, b / 60, b % 60))
                .collect();
            format!(
                "{} {}",
                DAY_TEXT[usize::from(d.weekday).min(6)],
                slots.join(", ")
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Whether the offer is open at `weekday` (0 = Monday) and `minute` after midnight.
pub fn is_open(days: &[OpeningDay], weekday: u8, minute: u16) -> bool {
    days.iter()
        .filter(|d| d.weekday == weekday)
        .flat_map(|d| d.slots.iter())
        .any(|(a, b)| *a <= minute && minute < *b)
}

fn language_code(raw: &str) -> Option<String> {
    let code = raw.trim().to_lowercase();
    (matches!(code.len(), 2 | 3) && code.chars().all(|c| c.is_ascii_lowercase())).then_some(code)
}

fn coordinate(errs: &mut Errs, field: &'static str, raw: &str, limit: f64) -> Option<f64> {
    let raw = raw.trim().replace(',', ".");
    if raw.is_empty() {
        return None;
    }
    match raw.parse::<f64>() {
        Ok(v) if v.is_finite() && v.abs() <= limit => Some(v),
        _ => {
            errs.0.push(FieldError::new(
                field,
                "invalid_number",
                format!("must be a number between -{limit} and {limit}"),
            ));
            None
        }
    }
}

/// A checked address: street, five-digit postcode, town, both coordinates or neither.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Address {
    pub street: Option<String>,
    pub postcode: Option<String>,
    pub town: Option<String>,
    pub coordinates: Option<(f64, f64)>,
}

/// Checks the address fields of a form, adding every problem to `errs`.
pub(crate) fn address(
    errs: &mut Errs,
    street: &str,
    postcode: &str,
    town: &str,
    latitude: &str,
    longitude: &str,
) -> Address {
    let street = errs.keep(optional_text("street", street, 200)).flatten();
    let postcode = errs.keep(optional_text("postcode", postcode, 10)).flatten();
    if postcode
        .as_deref()
        .is_some_and(|p| p.len() != 5 || !p.chars().all(|c| c.is_ascii_digit()))
    {
        errs.0.push(FieldError::new(
            "postcode",
            "invalid_postcode",
            "must have five digits",
        ));
    }
    let town = errs.keep(optional_text("town", town, 100)).flatten();
    let lat = coordinate(errs, "latitude", latitude, 90.0);
    let lon = coordinate(errs, "longitude", longitude, 180.0);
    let coordinates = match (lat, lon) {
        (Some(a), Some(b)) => Some((a, b)),
        (None, None) => None,
        _ => {
            errs.0.push(FieldError::new(
                "longitude",
                "incomplete_coordinates",
                "give both latitude and longitude, or neither",
            ));
            None
        }
    };
    Address {
        street,
        postcode,
        town,
        coordinates,
    }
}

impl OfferInput {
    /// Checks every field, collecting all errors. `known_towns`: the tenant's municipality ids.
    pub fn validate(&self, known_towns: &[String]) -> Result<Offer, Vec<FieldError>> {
        let mut errs = Errs(Vec::new());
        let kind = errs.enumerated("kind", &self.kind, OfferKind::parse);
        let title = errs.keep(required_text("title", &self.title, 200));
        let description = errs
            .keep(long_text("description", &self.description, DESCRIPTION_MAX))
            .flatten();
        let mut target_groups = Vec::new();
        for g in self.target_groups.iter().filter(|g| !g.trim().is_empty()) {
            if let Some(g) = errs.keep(
                TargetGroup::parse(g.trim())
                    .map_err(|e| FieldError::new("target_groups", "unknown_value", e.to_string())),
            ) {
                target_groups.push(g);
            }
        }
        target_groups.sort();
        target_groups.dedup();
        let mut languages = Vec::new();
        for l in self.languages.iter().filter(|l| !l.trim().is_empty()) {
            match language_code(l) {
                Some(code) => languages.push(code),
                None => errs.0.push(FieldError::new(
                    "languages",
                    "invalid_language",
                    format!(
                        "„{}“ is not a language code like de, ar or uk",
                        l.trim().chars().take(20).collect::<String>()
                    ),
                )),
            }
        }
        languages.sort();
        languages.dedup();
        let mut municipality_ids = Vec::new();
        for m in self
            .municipality_ids
            .iter()
            .map(|m| m.trim())
            .filter(|m| !m.is_empty())
        {
            if known_towns.iter().any(|t| t == m) {
                municipality_ids.push(m.to_owned());
            } else {
                errs.0.push(FieldError::new(
                    "municipality_ids",
                    "unknown_municipality",
                    "is not a municipality of this county",
                ));
            }
        }
        municipality_ids.sort();
        municipality_ids.dedup();
        let Address {
            street,
            postcode,
            town,
            coordinates,
        } = address(
            &mut errs,
            &self.street,
            &self.postcode,
            &self.town,
            &self.latitude,
            &self.longitude,
        );
        let opening_hours = errs
            .keep(parse_opening_hours(&self.opening_hours))
            .unwrap_or_default();
        let contact_name = errs
            .keep(optional_text("contact_name", &self.contact_name, 200))
            .flatten();
        let phone = errs.keep(optional_text("phone", &self.phone, 50)).flatten();
        if phone.as_deref().is_some_and(|p| {
            !p.chars()
                .all(|c| c.is_ascii_digit() || " +-/()".contains(c))
        }) {
            errs.0.push(FieldError::new(
                "phone",
                "invalid_phone",
                "may contain digits, spaces and + - / ( ) only",
            ));
        }
        let email = errs.keep(optional_email(&self.email)).flatten();
        let website = errs
            .keep(optional_text("website", &self.website, 300))
            .flatten();
        if website.as_deref().is_some_and(|w| {
            !(w.starts_with("https://") || w.starts_with("http://"))
                || w.contains(char::is_whitespace)
        }) {
            errs.0.push(FieldError::new(
                "website",
                "invalid_url",
                "must be a web address starting with https://",
            ));
        }
        let capacity_note = errs
            .keep(optional_text("capacity_note", &self.capacity_note, 300))
            .flatten();
        let active = match self.active.trim() {
            "" | "true" | "on" | "1" | "ja" => true,
            "false" | "off" | "0" | "nein" => false,
            _ => {
                errs.0.push(FieldError::new(
                    "active",
                    "invalid_bool",
                    "must be true or false",
                ));
                true
            }
        };
        match (kind, title) {
            (Some(kind), Some(title)) if errs.0.is_empty() => Ok(Offer {
                kind,
                title,
                description,
                target_groups,
                languages,
                municipality_ids,
                street,
                postcode,
                town,
                coordinates,
                opening_hours,
                contact_name,
                phone,
                email,
                website,
                capacity_note,
                active,
            }),
            _ => Err(errs.0),
        }
    }
}

/// Multi-line text: like [`optional_text`] but line breaks and tabs are allowed.
pub fn long_text(field: &'static str, raw: &str, max: usize) -> Result<Option<String>, FieldError> {
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
    if value
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(FieldError::new(
            field,
            "control_chars",
            "must not contain control characters",
        ));
    }
    Ok(Some(value.replace("\r\n", "\n")))
}

/// Why a need is suggested for a person (shown to the counsellor).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub need: Need,
    /// Stable reason code: `child_needs_childcare`, `toddler`, `school_age_child`,
    /// `not_literate_latin`, `recognition_open`, `young_adult`, `adult`, `no_work`.
    pub reason: &'static str,
}

/// What the situation analysis (and the record's `literate_latin`) suggests a person needs.
/// `age`: the person's age in years on `today`, if known.
pub fn suggest<'a>(
    sections: impl IntoIterator<Item = &'a Content>,
    literate_latin: Option<bool>,
    age: Option<i32>,
    today: Date,
) -> Vec<Suggestion> {
    let mut out = Vec::new();
    let mut push = |need, reason| {
        if !out.iter().any(|s: &Suggestion| s.need == need) {
            out.push(Suggestion { need, reason });
        }
    };
    if literate_latin == Some(false) {
        push(Need::Literacy, "not_literate_latin");
    }
    for section in sections {
        match section {
            Content::Family(f) => {
                for child in &f.children {
                    let child_age = child.birth_year.map(|y| i64::from(today.year()) - y);
                    if child.needs_childcare {
                        push(Need::Childcare, "child_needs_childcare");
                    } else if child_age.is_some_and(|a| a < 3) {
                        push(Need::Childcare, "toddler");
                    }
                    if child_age.is_some_and(|a| (6..18).contains(&a)) {
                        push(Need::School, "school_age_child");
                    }
                }
            }
            Content::Vocational(v) => {
                let open = v.qualifications.iter().any(|q| {
                    q.recognition.as_deref().is_some_and(|r| {
                        Recognition::parse(r).is_ok_and(|r| r != Recognition::Done)
                    })
                });
                if open {
                    push(Need::Recognition, "recognition_open");
                }
                if v.current_employment.is_none() && age.is_some_and(|a| (18..67).contains(&a)) {
                    push(Need::Work, "no_work");
                }
            }
            _ => {}
        }
    }
    match age {
        Some(a) if (12..27).contains(&a) => push(Need::Youth, "young_adult"),
        Some(a) if a >= 27 => push(Need::Counselling, "adult"),
        _ => {}
    }
    out
}

#[cfg(test)]
mod tests;
