//! Country lists the rules consult, as dated data. ISO 3166-1 alpha-2 codes; "XK" for Kosovo.

use time::Date;
use time::macros::date;

/// EU member states, EEA states and Switzerland: free movement under the FreizügG/EU (§ 12 for
/// EEA; Switzerland by the 1999 agreement).
pub const EU_FREE_MOVEMENT: &[&str] = &[
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
    "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "CH",
];

/// A country on a dated list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DatedCountries {
    pub valid_from: Date,
    pub valid_until: Option<Date>,
    pub countries: &'static [&'static str],
    pub source: &'static str,
}

impl DatedCountries {
    fn holds(&self, country: &str, on: Date) -> bool {
        self.valid_from <= on
            && self.valid_until.is_none_or(|until| on <= until)
            && self.countries.contains(&country)
    }
}

/// Safe countries of origin (AsylG § 29a Abs. 2 with Anlage II). EU member states count as
/// well (§ 29a Abs. 2 refers to them) but EU citizens do not hold a Gestattung in practice.
pub const SAFE_COUNTRIES: &[DatedCountries] = &[
    DatedCountries {
        valid_from: date!(1993 - 07 - 01),
        valid_until: None,
        countries: &["GH", "SN"],
        source: "AsylG Anlage II (Asylverfahrensgesetz 1993)",
    },
    DatedCountries {
        valid_from: date!(2014 - 11 - 06),
        valid_until: None,
        countries: &["BA", "MK", "RS"],
        source: "Gesetz zur Einstufung weiterer Staaten als sichere Herkunftsstaaten, 31.10.2014",
    },
    DatedCountries {
        valid_from: date!(2015 - 10 - 24),
        valid_until: None,
        countries: &["AL", "XK", "ME"],
        source: "Asylverfahrensbeschleunigungsgesetz, 20.10.2015",
    },
    DatedCountries {
        valid_from: date!(2023 - 12 - 23),
        valid_until: None,
        countries: &["GE", "MD"],
        source: "Gesetz zur Bestimmung Georgiens und der Republik Moldau als sichere Herkunftsstaaten, 19.12.2023",
    },
];

/// Whether `country` is a safe country of origin on `on`.
pub fn is_safe_country(country: &str, on: Date) -> bool {
    SAFE_COUNTRIES.iter().any(|list| list.holds(country, on))
}

/// BAMF's administrative list of nationalities with "good prospects to stay" (gute
/// Bleibeperspektive: protection rate above 50 %). It mattered in law for asylum seekers'
/// integration-course admission until AufenthG § 44 Abs. 4 Satz 2 Nr. 1 was opened to every
/// Gestattung on 31.12.2022. Dates of the list changes are general knowledge, not confirmed in
/// our sources: verify with BAMF before relying on a historic date.
pub const GOOD_PROSPECTS: &[DatedCountries] = &[
    DatedCountries {
        valid_from: date!(2015 - 10 - 24),
        valid_until: Some(date!(2016 - 07 - 31)),
        countries: &["SY", "ER", "IQ", "IR"],
        source: "BAMF practice 2016 (VG Ansbach AN 6 K 16.01328; BayVGH 19 CE 16.2204)",
    },
    DatedCountries {
        valid_from: date!(2016 - 08 - 01),
        valid_until: Some(date!(2019 - 07 - 31)),
        countries: &["SY", "ER", "IQ", "IR", "SO"],
        source: "BAMF list from August 2016 (general knowledge)",
    },
    DatedCountries {
        valid_from: date!(2019 - 08 - 01),
        valid_until: Some(date!(2022 - 12 - 30)),
        countries: &["AF", "ER", "SO", "SY"],
        source: "BAMF list as reported by counselling services (etehadberlin.de); dates general knowledge",
    },
];

/// Whether `country` is on the good-prospects list in force on `on`.
pub fn has_good_prospects(country: &str, on: Date) -> bool {
    GOOD_PROSPECTS.iter().any(|list| list.holds(country, on))
}
