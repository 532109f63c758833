//! Why two records look alike, as data first (for the API) and as sentences second (for the
//! duplicate warning on the create form).

use serde::Serialize;

/// Language of the sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// German.
    De,
    /// English.
    En,
}

/// One piece of evidence for or against two records being the same person. Name texts are
/// normalised (lower case, without diacritics).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MatchReason {
    /// Both full dates of birth agree.
    SameBirthDate,
    /// Day and month are swapped (02.04.1990 / 04.02.1990), a common typing error.
    BirthDateDayMonthSwapped,
    /// The dates of birth are one day apart.
    BirthDateOneDayApart,
    /// Day and month agree, the year differs by one.
    BirthYearOffByOne,
    /// The years agree but one side knows only the year (or the month), or gives the
    /// 1 January placeholder, so the day cannot be compared.
    BirthYearOnly,
    /// The dates of birth contradict each other.
    BirthDateDiffers,
    /// Name tokens spelt the same on both sides.
    NameTokensEqual { tokens: Vec<String> },
    /// The same name in another transliteration (Mohammed / Muhammad), or written together
    /// instead of apart (Al Hassan / Alhassan).
    NameTransliterationVariant { candidate: String, query: String },
    /// Names one typing error apart (two in long names).
    NameTypo { candidate: String, query: String },
    /// Name tokens that have no counterpart on the other side.
    NameTokensUnmatched {
        candidate: Vec<String>,
        query: Vec<String>,
    },
    /// The names agree in a different order, or split differently between family name and
    /// given names.
    WordOrderDiffers,
}

impl MatchReason {
    /// The reason as a sentence for counsellors.
    pub fn text(&self, lang: Lang) -> String {
        use MatchReason::*;
        let de = lang == Lang::De;
        match self {
            SameBirthDate => pick(de, "Gleiches Geburtsdatum", "Same date of birth").into(),
            BirthDateDayMonthSwapped => pick(
                de,
                "Geburtsdatum mit vertauschtem Tag und Monat",
                "Date of birth with day and month swapped",
            )
            .into(),
            BirthDateOneDayApart => pick(
                de,
                "Geburtsdatum um einen Tag verschieden",
                "Dates of birth one day apart",
            )
            .into(),
            BirthYearOffByOne => pick(
                de,
                "Geburtstag gleich, Geburtsjahr um eins verschieden",
                "Same birthday, birth year differs by one",
            )
            .into(),
            BirthYearOnly => pick(
                de,
                "Geburtsjahr gleich (Tag nicht vergleichbar)",
                "Same year of birth (day not comparable)",
            )
            .into(),
            BirthDateDiffers => pick(
                de,
                "Geburtsdaten widersprechen sich",
                "Dates of birth contradict each other",
            )
            .into(),
            NameTokensEqual { tokens } => {
                format!(
                    "{}: {}",
                    pick(de, "Gleiche Namen", "Same names"),
                    tokens.join(", ")
                )
            }
            NameTransliterationVariant { candidate, query } => format!(
                "{}: {candidate} / {query}",
                pick(de, "Andere Schreibweise", "Other transliteration")
            ),
            NameTypo { candidate, query } => format!(
                "{}: {candidate} / {query}",
                pick(de, "Möglicher Tippfehler", "Possible typo")
            ),
            NameTokensUnmatched { candidate, query } => {
                let list: Vec<&str> = candidate.iter().chain(query).map(String::as_str).collect();
                format!(
                    "{}: {}",
                    pick(de, "Nur auf einer Seite", "Only on one side"),
                    list.join(", ")
                )
            }
            WordOrderDiffers => pick(
                de,
                "Namen in anderer Reihenfolge oder anders auf Vor- und Familienname verteilt",
                "Names in another order or split differently between given and family name",
            )
            .into(),
        }
    }
}

fn pick(de: bool, german: &'static str, english: &'static str) -> &'static str {
    if de { german } else { english }
}
