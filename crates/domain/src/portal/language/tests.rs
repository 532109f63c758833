use super::*;

fn code(c: &str) -> LanguageCode {
    LanguageCode::parse(c).unwrap()
}

fn node(c: &str, source: Option<&str>) -> LanguageNode {
    LanguageNode {
        code: code(c),
        source: source.map(code),
    }
}

fn codes(errors: &[FieldError]) -> Vec<&str> {
    errors.iter().map(|e| e.code).collect()
}

#[test]
fn codes_are_checked_and_folded_to_lower_case() {
    assert_eq!(code(" pt-BR ").as_str(), "pt-br");
    assert_eq!(code("pt-BR").primary(), "pt");
    assert_eq!(code("es-419").as_str(), "es-419");
    assert_eq!(code("ckb").as_str(), "ckb");
    assert_eq!(code("de-si").as_str(), "de-si");
    for bad in [
        "", "d", "deut", "de-", "de_DE", "de-1", "de-abcd", "d3", "ar-eg-x", "ü",
    ] {
        let e = LanguageCode::parse(bad).unwrap_err();
        assert_eq!(e.code, "invalid_language_code", "{bad}");
    }
}

#[test]
fn right_to_left_languages() {
    for c in ["ar", "fa", "ps", "ckb", "he", "ur", "ar-sy", "fa-af"] {
        assert_eq!(code(c).dir(), Dir::Rtl, "{c}");
    }
    for c in ["de", "en", "uk", "ru", "tr", "ku", "ti", "so"] {
        assert_eq!(code(c).dir(), Dir::Ltr, "{c}");
    }
    assert_eq!(Dir::Rtl.as_str(), "rtl");
}

#[test]
fn a_language_needs_a_native_name() {
    let fa = Language::new("fa", "فارسی").unwrap();
    assert_eq!(fa.dir(), Dir::Rtl);
    assert_eq!(fa.native_name, "فارسی");
    let errors = Language::new("farsi", " ").unwrap_err();
    assert_eq!(codes(&errors), ["invalid_language_code", "required"]);
}

fn county_tree() -> Vec<LanguageNode> {
    vec![
        node("fa", Some("en")),
        node("en", Some("de")),
        node("de", None),
        node("ar", Some("de")),
        node("uk", Some("de")),
        node("ru", Some("uk")),
        node("tr", Some("de")),
    ]
}

#[test]
fn a_valid_tree_is_ordered_sources_first() {
    let tree = LanguageTree::new(&county_tree()).unwrap();
    let order: Vec<&str> = tree.languages().map(LanguageCode::as_str).collect();
    assert_eq!(order.first(), Some(&"de"));
    for lang in tree.languages() {
        if let Some(src) = tree.source_of(lang) {
            let pos = |c: &LanguageCode| order.iter().position(|x| *x == c.as_str());
            assert!(pos(src) < pos(lang), "{src} before {lang}");
        }
    }
    assert_eq!(tree.source_of(&code("fa")), Some(&code("en")));
    assert_eq!(tree.source_of(&code("de")), None);
    let chain: Vec<&str> = tree
        .chain(&code("fa"))
        .into_iter()
        .map(LanguageCode::as_str)
        .collect();
    assert_eq!(chain, ["fa", "en", "de"]);
    let mut targets: Vec<&str> = tree
        .targets_of(&code("de"))
        .into_iter()
        .map(LanguageCode::as_str)
        .collect();
    targets.sort_unstable();
    assert_eq!(targets, ["ar", "en", "tr", "uk"]);
    assert!(tree.chain(&code("xx")).is_empty());
    assert!(tree.contains(&code("ru")));
}

#[test]
fn broken_trees_are_rejected_with_codes() {
    let cycle = vec![
        node("de", None),
        node("en", Some("fa")),
        node("fa", Some("en")),
    ];
    let errors = LanguageTree::new(&cycle).unwrap_err();
    assert!(codes(&errors).iter().all(|c| *c == "source_language_cycle"));
    assert_eq!(errors.len(), 2);

    let errors = LanguageTree::new(&[node("de", None), node("en", Some("en"))]).unwrap_err();
    assert_eq!(codes(&errors), ["source_language_cycle"]);

    let errors = LanguageTree::new(&[node("en", None), node("ar", Some("en"))]).unwrap_err();
    assert_eq!(codes(&errors), ["no_root", "root_not_de"]);

    let errors = LanguageTree::new(&[node("de", Some("en")), node("en", Some("de"))]).unwrap_err();
    assert_eq!(codes(&errors), ["root_not_de"]);

    let errors = LanguageTree::new(&[node("de", None), node("ar", Some("fr"))]).unwrap_err();
    assert_eq!(codes(&errors), ["unknown_source_language"]);

    let errors = LanguageTree::new(&[node("de", None), node("de", None)]).unwrap_err();
    assert_eq!(codes(&errors), ["duplicate_language"]);

    assert_eq!(codes(&LanguageTree::new(&[]).unwrap_err()), ["no_root"]);
}
