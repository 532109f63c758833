//! UI language: Fluent files under `locales/<lang>/`, embedded at compile time. German is the
//! default; a user's setting or `?lang=` switches. Fluent's bidi isolation stays on, so
//! names in Arabic script inside German sentences render correctly.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "../../locales",
        fallback_language: "de",
        customise: |bundle| bundle.set_use_isolating(true),
    };
}

/// Languages the staff UI is translated into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Lang {
    De,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::De, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    /// Parses a tag such as `en`, `en-GB`, `de-DE`; unknown languages give `None`.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "de" => Some(Lang::De),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The first supported language of an `Accept-Language` header.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        header
            .split(',')
            .filter_map(|part| Lang::parse(part.split(';').next().unwrap_or("")))
            .next()
    }

    /// Writing direction; right-to-left for Arabic, Persian, Hebrew, Urdu, Pashto, Kurdish (Sorani).
    pub fn dir(self) -> &'static str {
        dir_of(self.code())
    }

    fn id(self) -> LanguageIdentifier {
        match self {
            Lang::De => fluent_templates::langid!("de"),
            Lang::En => fluent_templates::langid!("en"),
        }
    }

    /// The translation of `key`; the key itself if it is missing (a test checks none are).
    pub fn t(self, key: &str) -> String {
        LOCALES
            .try_lookup(&self.id(), key)
            .unwrap_or_else(|| key.to_owned())
    }

    /// The translation of `key` with arguments.
    pub fn t_args(self, key: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue<'static>> = args
            .iter()
            .map(|(k, v)| (Cow::Borrowed(*k), v.clone()))
            .collect();
        LOCALES
            .try_lookup_with_args(&self.id(), key, &map)
            .unwrap_or_else(|| key.to_owned())
    }

    /// Whether `key` exists in this language's files. Messages with arguments only resolve
    /// when given them, so the arguments our messages use are supplied.
    pub fn has(self, key: &str) -> bool {
        // Every argument name the strings use, so a message with variables counts as present.
        let args: HashMap<Cow<'static, str>, FluentValue<'static>> = [
            "minutes", "limit", "course", "km", "weeks", "steps", "higher", "cheaper", "list",
            "wanted", "free", "name",
        ]
        .into_iter()
        .map(|k| (Cow::Borrowed(k), FluentValue::from(1)))
        .collect();
        LOCALES
            .try_lookup_with_args(&self.id(), key, &args)
            .is_some()
    }
}

/// Writing direction of a language code.
pub fn dir_of(code: &str) -> &'static str {
    let primary = code.split(['-', '_']).next().unwrap_or("");
    if matches!(
        primary,
        "ar" | "fa" | "he" | "ur" | "ps" | "ckb" | "prs" | "yi"
    ) {
        "rtl"
    } else {
        "ltr"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation() {
        assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(
            Lang::from_accept_language("fr-FR,fr;q=0.9,en;q=0.8,de;q=0.7"),
            Some(Lang::En)
        );
        assert_eq!(dir_of("ar"), "rtl");
        assert_eq!(dir_of("fa-IR"), "rtl");
        assert_eq!(Lang::De.dir(), "ltr");
    }

    #[test]
    fn every_german_key_exists_in_english_and_back() {
        let de = include_str!("../../../locales/de/main.ftl");
        let en = include_str!("../../../locales/en/main.ftl");
        let keys = |s: &str| -> Vec<String> {
            s.lines()
                .filter(|l| {
                    !l.starts_with([' ', '#', '.', '\t', '*', '[', '}']) && l.contains(" =")
                })
                .filter_map(|l| l.split(" =").next().map(|k| k.trim().to_owned()))
                .collect()
        };
        for k in keys(de) {
            assert!(Lang::En.has(&k), "missing in en: {k}");
        }
        for k in keys(en) {
            assert!(Lang::De.has(&k), "missing in de: {k}");
        }
        assert_eq!(Lang::De.t("nav-dashboard"), "Übersicht");
        assert_eq!(Lang::En.t("nav-dashboard"), "Dashboard");
    }
}
