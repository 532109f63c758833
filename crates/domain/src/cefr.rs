//! Levels of the Common European Framework of Reference (CEFR, German "GER") as they appear on
//! placement results and certificates. B1 is what the law calls "ausreichende Kenntnisse der
//! deutschen Sprache" (IntV § 17, AufenthG § 2 Abs. 11), so most eligibility rules compare against it.

use std::fmt;

use crate::UnknownValue;

/// A CEFR level. Ordered from A1 (lowest) to C2, so `level >= CefrLevel::B1` reads as the law does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CefrLevel {
    A1,
    A2,
    B1,
    B2,
    C1,
    C2,
}

impl CefrLevel {
    /// Every level, lowest first.
    pub const ALL: &'static [CefrLevel] = &[
        CefrLevel::A1,
        CefrLevel::A2,
        CefrLevel::B1,
        CefrLevel::B2,
        CefrLevel::C1,
        CefrLevel::C2,
    ];

    /// The text form: "A1" … "C2".
    pub fn as_str(self) -> &'static str {
        match self {
            CefrLevel::A1 => "A1",
            CefrLevel::A2 => "A2",
            CefrLevel::B1 => "B1",
            CefrLevel::B2 => "B2",
            CefrLevel::C1 => "C1",
            CefrLevel::C2 => "C2",
        }
    }

    /// Parses "B1", "b1" or " B1 " (counsellors type it either way); rejects "B3" and the like.
    pub fn parse(value: &str) -> Result<Self, UnknownValue> {
        let wanted = value.trim();
        Self::ALL
            .iter()
            .copied()
            .find(|level| level.as_str().eq_ignore_ascii_case(wanted))
            .ok_or_else(|| UnknownValue {
                what: "CEFR level",
                value: wanted.chars().take(64).collect(),
                expected: "A1, A2, B1, B2, C1, C2".to_owned(),
            })
    }

    /// The next level up, if any; a job-related basic course leads from one level to the next.
    pub fn next(self) -> Option<CefrLevel> {
        let index = Self::ALL.iter().position(|l| *l == self)?;
        Self::ALL.get(index + 1).copied()
    }
}

impl fmt::Display for CefrLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for CefrLevel {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for CefrLevel {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
        CefrLevel::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// Knowledge of German: none at all, or a CEFR level. "None" is a real answer ("cannot
/// communicate in German"), distinct from "not recorded", which callers express with `Option`.
/// Ordered: `None < Level(A1) < … < Level(C2)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GermanLevel {
    None,
    Level(CefrLevel),
}

impl GermanLevel {
    /// Text form: "none" or the CEFR level ("B1").
    pub fn as_str(self) -> &'static str {
        match self {
            GermanLevel::None => "none",
            GermanLevel::Level(level) => level.as_str(),
        }
    }

    /// Parses "none" (any case) or a CEFR level.
    pub fn parse(value: &str) -> Result<Self, UnknownValue> {
        if value.trim().eq_ignore_ascii_case("none") {
            return Ok(GermanLevel::None);
        }
        CefrLevel::parse(value)
            .map(GermanLevel::Level)
            .map_err(|mut err| {
                err.what = "German level";
                err.expected = "none, A1, A2, B1, B2, C1, C2".to_owned();
                err
            })
    }

    /// Whether this level reaches `level`.
    pub fn at_least(self, level: CefrLevel) -> bool {
        self >= GermanLevel::Level(level)
    }

    /// The CEFR level, if any.
    pub fn level(self) -> Option<CefrLevel> {
        match self {
            GermanLevel::None => None,
            GermanLevel::Level(level) => Some(level),
        }
    }
}

impl From<CefrLevel> for GermanLevel {
    fn from(level: CefrLevel) -> Self {
        GermanLevel::Level(level)
    }
}

impl fmt::Display for GermanLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for GermanLevel {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for GermanLevel {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
        GermanLevel::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// German per skill, as a placement test or the DTZ reports it. Any skill may be unknown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SkillLevels {
    pub listening: Option<GermanLevel>,
    pub reading: Option<GermanLevel>,
    pub writing: Option<GermanLevel>,
    pub speaking: Option<GermanLevel>,
}

impl SkillLevels {
    /// The DTZ rule (IntV § 17 Abs. 2): a level counts as reached when speaking reaches it and at
    /// least one of the written-receptive parts does too. `None` if speaking is not recorded or
    /// no other skill is.
    pub fn overall(&self) -> Option<GermanLevel> {
        let speaking = self.speaking?;
        let best_other = [self.listening, self.reading, self.writing]
            .into_iter()
            .flatten()
            .max()?;
        Some(speaking.min(best_other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_levels_in_any_case_and_rejects_b3() {
        assert_eq!(CefrLevel::parse("B1"), Ok(CefrLevel::B1));
        assert_eq!(CefrLevel::parse(" b1 "), Ok(CefrLevel::B1));
        let err = CefrLevel::parse("B3").unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown CEFR level 'B3'; expected one of: A1, A2, B1, B2, C1, C2"
        );
        assert!(GermanLevel::parse("B3").is_err());
    }

    #[test]
    fn german_level_orders_none_below_a1() {
        assert_eq!(GermanLevel::parse("None"), Ok(GermanLevel::None));
        assert!(GermanLevel::None < GermanLevel::Level(CefrLevel::A1));
        assert!(GermanLevel::Level(CefrLevel::B2).at_least(CefrLevel::B1));
        assert!(!GermanLevel::Level(CefrLevel::A2).at_least(CefrLevel::B1));
        assert_eq!(CefrLevel::C1.next(), Some(CefrLevel::C2));
        assert_eq!(CefrLevel::C2.next(), None);
    }

    #[test]
    fn serde_round_trip() {
        let json = serde_json::to_string(&GermanLevel::Level(CefrLevel::A2)).unwrap();
        assert_eq!(json, "\"A2\"");
        let back: GermanLevel = serde_json::from_str("\"none\"").unwrap();
        assert_eq!(back, GermanLevel::None);
    }

    #[test]
    fn overall_follows_the_dtz_rule() {
        let skills = SkillLevels {
            speaking: Some(GermanLevel::Level(CefrLevel::B1)),
            reading: Some(GermanLevel::Level(CefrLevel::A2)),
            listening: Some(GermanLevel::Level(CefrLevel::B1)),
            writing: None,
        };
        assert_eq!(skills.overall(), Some(GermanLevel::Level(CefrLevel::B1)));
        let weak_speaking = SkillLevels {
            speaking: Some(GermanLevel::Level(CefrLevel::A2)),
            ..skills
        };
        assert_eq!(
            weak_speaking.overall(),
            Some(GermanLevel::Level(CefrLevel::A2))
        );
    }
}
