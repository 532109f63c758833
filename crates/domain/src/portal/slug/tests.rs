use super::*;
use proptest::prelude::*;

#[test]
fn german_titles() {
    assert_eq!(slug("Anmeldung im Bürgerbüro"), "anmeldung-im-buergerbuero");
    assert_eq!(slug("Größe & Maße"), "groesse-masse");
    assert_eq!(
        slug("ÄRZTE, Öffnungszeiten: ÜBERSICHT!"),
        "aerzte-oeffnungszeiten-uebersicht"
    );
    assert_eq!(slug("  --Kita/Krippe--  "), "kita-krippe");
    assert_eq!(
        slug("Integrationskurs (B1) 2026"),
        "integrationskurs-b1-2026"
    );
    // decomposed umlaut: u + U+0308
    assert_eq!(slug("Bu\u{0308}ro"), "buero");
}

#[test]
fn other_latin_scripts() {
    assert_eq!(slug("Çalışma izni ve İş"), "calisma-izni-ve-is");
    assert_eq!(slug("Café Élysée"), "cafe-elysee");
    assert_eq!(slug("Łódź"), "lodz");
}

#[test]
fn non_latin_scripts_are_kept() {
    assert_eq!(
        slug("Реєстрація місця проживання"),
        "реєстрація-місця-проживання"
    );
    assert_eq!(slug("Регистрация"), "регистрация");
    assert_eq!(slug("التسجيل في البلدية"), "التسجيل-في-البلدية");
    // Arabic vowel marks and tatweel are dropped; ZWNJ in Persian joins without a dash.
    assert_eq!(slug("مَدْرَسَة"), "مدرسة");
    assert_eq!(slug("عـــربي"), "عربي");
    assert_eq!(slug("می\u{200C}خواهم"), "میخواهم");
    assert_eq!(url_segment("ترحيب"), "%D8%AA%D8%B1%D8%AD%D9%8A%D8%A8");
    assert_eq!(url_segment("kita-2"), "kita-2");
}

#[test]
fn nothing_usable_falls_back_to_the_id() {
    assert_eq!(slug("!!! ???"), "");
    assert_eq!(slug_or_id("🎉🎉", 42), "42");
    assert_eq!(slug_or_id("Kita", 42), "kita");
}

#[test]
fn long_titles_are_cut_at_a_word() {
    let title = "Wie funktioniert der Integrationskurs und was kostet er für Menschen mit Aufenthaltserlaubnis";
    let s = slug(title);
    assert!(s.chars().count() <= SLUG_MAX);
    assert!(s.starts_with("wie-funktioniert"));
    assert!(!s.ends_with('-'));
    assert!(
        title
            .to_lowercase()
            .replace('ü', "ue")
            .replace(' ', "-")
            .starts_with(&s)
    );
    assert_eq!(slug(&"x".repeat(200)).len(), SLUG_MAX);
}

#[test]
fn unique_slugs_get_a_number() {
    assert_eq!(unique_slug("kita", &[]), "kita");
    assert_eq!(unique_slug("kita", &["kita", "kita-2"]), "kita-3");
    assert!(is_slug("kita-2") && !is_slug("Kita") && !is_slug("a--b") && !is_slug(""));
}

proptest! {
    #[test]
    fn slugs_never_panic_and_are_clean(title in any::<String>()) {
        let s = slug(&title);
        prop_assert!(s.chars().count() <= SLUG_MAX);
        prop_assert!(!s.starts_with('-') && !s.ends_with('-') && !s.contains("--"));
        prop_assert!(!s.contains(char::is_whitespace));
        prop_assert!(!s.chars().any(|c| c.is_ascii_uppercase() || "/?#%&".contains(c)));
        prop_assert_eq!(slug(&s), s.clone(), "idempotent");
        let url = url_segment(&s);
        prop_assert!(url.is_ascii());
    }

    #[test]
    fn latin_titles_give_ascii_slugs(title in "[ A-Za-z0-9äöüÄÖÜßéèçñ,.:;!?()/&-]{0,120}") {
        let s = slug(&title);
        prop_assert!(s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
    }
}
