//! Residence and legal situation as written on a person's documents: the status, the paragraph
//! of an Aufenthaltstitel, the kind of Duldung, the annotation on work, and the benefits law that
//! applies. Paragraphs the rules do not know are kept verbatim, never rejected: the eligibility
//! layer turns them into "unknown — check manually" findings.

use std::fmt;

use crate::OrgKind;
use crate::validate::FieldError;

crate::text_enum! {
    /// Residence status (Aufenthaltsstatus). Titles under AufenthG § 4, the asylum-seeker's
    /// permission to stay, the Duldung (which is no title), free movement and citizenship.
    pub enum ResidenceStatus ("residence status") {
        /// Aufenthaltsgestattung (AsylG § 55): asylum procedure pending.
        Aufenthaltsgestattung = "aufenthaltsgestattung",
        /// Duldung (AufenthG § 60a ff.): obliged to leave, removal suspended.
        Duldung = "duldung",
        /// Aufenthaltserlaubnis (AufenthG § 7): temporary title, always for a purpose (paragraph).
        Aufenthaltserlaubnis = "aufenthaltserlaubnis",
        /// Niederlassungserlaubnis (AufenthG § 9): permanent settlement permit.
        Niederlassungserlaubnis = "niederlassungserlaubnis",
        /// Erlaubnis zum Daueraufenthalt-EU (AufenthG § 9a).
        DaueraufenthaltEu = "daueraufenthalt_eu",
        /// EU/EEA/Swiss citizen and family under the FreizügG/EU.
        EuFreedomOfMovement = "eu_freedom_of_movement",
        /// German citizen (including naturalised persons and Spätaussiedler).
        GermanCitizen = "german_citizen",
        /// Anything else (Fiktionsbescheinigung, visa, Grenzübertrittsbescheinigung …).
        Other = "other",
    }
}

crate::text_enum! {
    /// Kind of Duldung. The kind decides course access (only § 60a Abs. 2 Satz 3 counts for
    /// AufenthG § 44 Abs. 4) and work (§ 60b forbids it).
    pub enum DuldungKind ("Duldung kind") {
        /// § 60a Abs. 2 Satz 1: removal impossible in fact or law.
        General = "general",
        /// § 60a Abs. 2 Satz 3: Ermessensduldung for urgent personal or humanitarian reasons.
        Discretionary = "discretionary",
        /// § 60c: Ausbildungsduldung (legally a § 60a Abs. 2 Satz 3 Duldung).
        Training = "training",
        /// § 60d: Beschäftigungsduldung (legally a § 60a Abs. 2 Satz 3 Duldung).
        Employment = "employment",
        /// § 60b: "Duldung für Personen mit ungeklärter Identität" ("Duldung light").
        UnclearIdentity = "unclear_identity",
    }
}

impl DuldungKind {
    /// Whether the Duldung is one "nach § 60a Abs. 2 Satz 3": §§ 60c Abs. 1 and 60d Abs. 1 grant
    /// their Duldung as such, which is why they open § 44 Abs. 4 Satz 2 Nr. 2 as well.
    pub fn is_section_60a_2_3(self) -> bool {
        matches!(
            self,
            DuldungKind::Discretionary | DuldungKind::Training | DuldungKind::Employment
        )
    }
}

crate::text_enum! {
    /// Paragraphs of the AufenthG (and one of the AsylG world) that the eligibility rules know.
    /// Text form as written in the law: number, letter, Absatz in brackets ("25(2)", "16a").
    pub enum TitleParagraph ("residence paragraph") {
        P9 = "9", P9a = "9a",
        P16a = "16a", P16b = "16b", P16d = "16d", P17 = "17",
        P18a = "18a", P18b = "18b", P18c = "18c", P18d = "18d", P18g = "18g", P19c = "19c",
        P20 = "20", P21 = "21", P22 = "22",
        P23_1 = "23(1)", P23_2 = "23(2)", P23_4 = "23(4)", P24 = "24",
        P25_1 = "25(1)", P25_2 = "25(2)", P25_3 = "25(3)", P25_4 = "25(4)",
        P25_4a = "25(4a)", P25_4b = "25(4b)", P25_5 = "25(5)", P25a = "25a", P25b = "25b",
        P26_3 = "26(3)", P26_4 = "26(4)",
        P28 = "28", P29 = "29", P30 = "30", P31 = "31", P32 = "32", P33 = "33", P34 = "34",
        P36 = "36", P36a = "36a", P38a = "38a", P104c = "104c",
    }
}

/// A residence paragraph as recorded: the text as the counsellor typed it, and the paragraph the
/// rules know, if they know it. Accepts "25(2)", "§ 25 Abs. 2", "25 Abs. 2 AufenthG", "16 a".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    raw: String,
    known: Option<TitleParagraph>,
}

impl Paragraph {
    /// Longest accepted input; longer text is a typing accident, not a paragraph.
    pub const MAX_LEN: usize = 64;

    /// Parses a paragraph. Unknown paragraphs are kept (with `known() == None`); only empty or
    /// overlong text is an error.
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Err(FieldError::new(
                "residence.paragraph",
                "required",
                "is empty",
            ));
        }
        if raw.chars().count() > Self::MAX_LEN {
            return Err(FieldError::new(
                "residence.paragraph",
                "too_long",
                format!("must have at most {} characters", Self::MAX_LEN),
            )
            .with_limit(Self::MAX_LEN));
        }
        Ok(Self {
            raw: raw.to_owned(),
            known: recognise(raw),
        })
    }

    /// The text as recorded.
    pub fn raw(&self) -> &str {
        &self.raw
    }

    /// The paragraph, if the rules know it.
    pub fn known(&self) -> Option<TitleParagraph> {
        self.known
    }

    /// The canonical form if known, else the text as recorded.
    pub fn as_str(&self) -> &str {
        match self.known {
            Some(known) => known.as_str(),
            None => &self.raw,
        }
    }
}

impl fmt::Display for Paragraph {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for Paragraph {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// "§ 25 Abs. 2 Satz 1 AufenthG" → `25(2)`. The Absatz is dropped only where the known table
/// has the bare paragraph (`28(1)` → `28`); for § 23 and § 25 the Absatz decides everything, so
/// "25" alone stays unknown.
fn recognise(raw: &str) -> Option<TitleParagraph> {
    let lower = raw.to_lowercase();
    let cleaned = lower
        .replace("aufenthaltsgesetz", "")
        .replace("aufenthg", "")
        .replace('§', "");
    let mut rest = cleaned.trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return None;
    }
    rest = rest[digits.len()..].trim_start();
    let letters: String = rest.chars().take_while(char::is_ascii_lowercase).collect();
    // "abs" right after the number is the Absatz keyword, not a letter suffix ("25 abs. 2").
    let letters = if letters.starts_with("abs") {
        String::new()
    } else {
        letters
    };
    rest = rest[letters.len()..].trim_start();
    let absatz = if let Some(inner) = rest.strip_prefix('(') {
        inner.split(')').next().map(|a| a.trim().to_owned())
    } else if let Some(after) = rest
        .strip_prefix("absatz")
        .or_else(|| rest.strip_prefix("abs"))
    {
        let after = after.trim_start_matches('.').trim_start();
        let abs: String = after
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        Some(abs)
    } else {
        None
    };
    let base = format!("{digits}{letters}");
    match absatz.filter(|a| !a.is_empty()) {
        Some(abs) => TitleParagraph::parse(&format!("{base}({abs})"))
            .or_else(|_| TitleParagraph::parse(&base))
            .ok(),
        None => TitleParagraph::parse(&base).ok(),
    }
}

/// The residence situation as the rules see it. Built with [`Residence::parse`], which checks
/// that a paragraph only comes with a title and a Duldung kind only with a Duldung.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Residence {
    pub status: ResidenceStatus,
    /// For an Aufenthaltserlaubnis (the purpose) or a Niederlassungserlaubnis (e.g. "23(2)").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<Paragraph>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duldung_kind: Option<DuldungKind>,
}

impl Residence {
    /// A status without paragraph or Duldung kind.
    pub fn of(status: ResidenceStatus) -> Self {
        Self {
            status,
            paragraph: None,
            duldung_kind: None,
        }
    }

    /// Parses the text forms the API and the form send.
    pub fn parse(
        status: &str,
        paragraph: Option<&str>,
        duldung_kind: Option<&str>,
    ) -> Result<Self, FieldError> {
        let status = ResidenceStatus::parse(status.trim())
            .map_err(|e| FieldError::new("residence.status", "unknown_value", e.to_string()))?;
        let paragraph = paragraph
            .filter(|p| !p.trim().is_empty())
            .map(Paragraph::parse)
            .transpose()?;
        let duldung_kind = duldung_kind
            .filter(|k| !k.trim().is_empty())
            .map(|k| DuldungKind::parse(k.trim()))
            .transpose()
            .map_err(|e| {
                FieldError::new("residence.duldung_kind", "unknown_value", e.to_string())
            })?;
        let takes_paragraph = matches!(
            status,
            ResidenceStatus::Aufenthaltserlaubnis | ResidenceStatus::Niederlassungserlaubnis
        );
        if paragraph.is_some() && !takes_paragraph {
            return Err(FieldError::new(
                "residence.paragraph",
                "not_applicable",
                "only an aufenthaltserlaubnis or niederlassungserlaubnis has a paragraph",
            ));
        }
        if duldung_kind.is_some() && status != ResidenceStatus::Duldung {
            return Err(FieldError::new(
                "residence.duldung_kind",
                "not_applicable",
                "only a duldung has a kind",
            ));
        }
        Ok(Self {
            status,
            paragraph,
            duldung_kind,
        })
    }
}

crate::text_enum! {
    /// The Nebenbestimmung on work written on the document (AufenthG § 4a Abs. 3: every title
    /// must show whether and how work is allowed).
    pub enum WorkAnnotation ("work annotation") {
        /// "Erwerbstätigkeit gestattet/erlaubt": employment and self-employment.
        WorkPermitted = "work_permitted",
        /// "Beschäftigung gestattet/erlaubt": employment, not self-employment.
        EmploymentPermitted = "employment_permitted",
        /// "Beschäftigung nur mit Genehmigung der Ausländerbehörde".
        EmploymentWithPermission = "employment_with_permission",
        /// "Erwerbstätigkeit nicht gestattet".
        WorkNotPermitted = "work_not_permitted",
    }
}

impl WorkAnnotation {
    /// The wording on the document.
    pub fn label_de(self) -> &'static str {
        match self {
            WorkAnnotation::WorkPermitted => "Erwerbstätigkeit gestattet",
            WorkAnnotation::EmploymentPermitted => "Beschäftigung gestattet",
            WorkAnnotation::EmploymentWithPermission => {
                "Beschäftigung nur mit Genehmigung der Ausländerbehörde"
            }
            WorkAnnotation::WorkNotPermitted => "Erwerbstätigkeit nicht gestattet",
        }
    }
}

crate::text_enum! {
    /// Kind of public body a finding points to. Social offices are the county's (SGB XII,
    /// AsylbLG; in Landkreis Osnabrück often delegated to the municipalities).
    pub enum AgencyKind ("agency kind") {
        /// Jobcenter (SGB II); in Landkreis Osnabrück MaßArbeit as zugelassener kommunaler Träger.
        JobCentre = "job_centre",
        /// Agentur für Arbeit (SGB III).
        EmploymentAgency = "employment_agency",
        /// Sozialamt (SGB XII).
        SocialWelfareOffice = "social_welfare_office",
        /// Leistungsbehörde nach dem AsylbLG.
        AsylblgOffice = "asylblg_office",
        /// Jugendamt (SGB VIII).
        YouthWelfareOffice = "youth_welfare_office",
        /// Ausländerbehörde.
        ImmigrationOffice = "immigration_office",
        /// Bundesamt für Migration und Flüchtlinge.
        Bamf = "bamf",
        /// No agency.
        None = "none",
    }
}

impl AgencyKind {
    /// The organisation kind in the network, where there is one.
    pub fn org_kind(self) -> Option<OrgKind> {
        match self {
            AgencyKind::JobCentre => Some(OrgKind::JobCentre),
            AgencyKind::EmploymentAgency => Some(OrgKind::EmploymentAgency),
            AgencyKind::YouthWelfareOffice => Some(OrgKind::YouthWelfare),
            AgencyKind::ImmigrationOffice => Some(OrgKind::ImmigrationOffice),
            _ => None,
        }
    }
}

crate::text_enum! {
    /// The benefits law (Rechtskreis) that applies to a person.
    pub enum BenefitsLaw ("benefits law") {
        /// SGB II (Bürgergeld / Grundsicherung für Arbeitsuchende).
        Sgb2 = "sgb2",
        /// SGB III (unemployment insurance, employment promotion).
        Sgb3 = "sgb3",
        /// SGB XII (social assistance).
        Sgb12 = "sgb12",
        /// Asylbewerberleistungsgesetz.
        Asylblg = "asylblg",
        /// SGB VIII (child and youth welfare, e.g. unaccompanied minors).
        Sgb8 = "sgb8",
        /// No benefits.
        None = "none",
    }
}

impl BenefitsLaw {
    /// The body that administers this law (SGB II § 6, SGB III § 368, SGB XII § 3,
    /// AsylbLG § 10, SGB VIII § 85).
    pub fn responsible_agency(self) -> AgencyKind {
        match self {
            BenefitsLaw::Sgb2 => AgencyKind::JobCentre,
            BenefitsLaw::Sgb3 => AgencyKind::EmploymentAgency,
            BenefitsLaw::Sgb12 => AgencyKind::SocialWelfareOffice,
            BenefitsLaw::Asylblg => AgencyKind::AsylblgOffice,
            BenefitsLaw::Sgb8 => AgencyKind::YouthWelfareOffice,
            BenefitsLaw::None => AgencyKind::None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_in_the_usual_spellings() {
        for (raw, expected) in [
            ("25(2)", Some(TitleParagraph::P25_2)),
            ("§ 25 Abs. 2 AufenthG", Some(TitleParagraph::P25_2)),
            ("25 Absatz 4a", Some(TitleParagraph::P25_4a)),
            ("16 a", Some(TitleParagraph::P16a)),
            ("§ 28 Abs. 1 Satz 1 Nr. 1", Some(TitleParagraph::P28)),
            ("24", Some(TitleParagraph::P24)),
            ("25", None),
            ("25(9)", None),
            ("99z", None),
            ("Blaue Karte", None),
        ] {
            let p = Paragraph::parse(raw).unwrap();
            assert_eq!(p.known(), expected, "{raw}");
            assert_eq!(p.raw(), raw);
        }
        assert!(Paragraph::parse("  ").is_err());
        assert!(Paragraph::parse(&"1".repeat(65)).is_err());
    }

    #[test]
    fn residence_checks_which_parts_belong_together() {
        let r = Residence::parse("aufenthaltserlaubnis", Some("104z"), None).unwrap();
        assert_eq!(r.paragraph.as_ref().map(Paragraph::raw), Some("104z"));
        assert!(Residence::parse("duldung", None, Some("training")).is_ok());
        assert!(Residence::parse("duldung", Some("25(5)"), None).is_err());
        assert!(Residence::parse("aufenthaltsgestattung", None, Some("general")).is_err());
        let err = Residence::parse("visum_x", None, None).unwrap_err();
        assert_eq!(err.field, "residence.status");
    }

    #[test]
    fn benefits_law_names_its_agency() {
        assert_eq!(
            BenefitsLaw::Sgb2.responsible_agency(),
            AgencyKind::JobCentre
        );
        assert_eq!(
            BenefitsLaw::Asylblg.responsible_agency(),
            AgencyKind::AsylblgOffice
        );
        assert_eq!(AgencyKind::JobCentre.org_kind(), Some(OrgKind::JobCentre));
    }
}
