use super::*;
use proptest::prelude::*;

fn doc(kind: DocKind, key: &str, title: &str, body: &str, extra: &str) -> Doc {
    Doc {
        kind,
        key: key.to_owned(),
        title: title.to_owned(),
        body: body.to_owned(),
        extra: extra.to_owned(),
    }
}

fn page(key: &str, title: &str, body: &str) -> Doc {
    doc(DocKind::Page, key, title, body, "")
}

fn keys(index: &Index, query: &str) -> Vec<String> {
    index.search(query, 10).into_iter().map(|h| h.key).collect()
}

fn finds(index: &Index, query: &str, key: &str) -> bool {
    keys(index, query).first().map(String::as_str) == Some(key)
}

fn demo() -> Index {
    Index::build(vec![
        page(
            "kurs",
            "Integrationskurs: so funktioniert er",
            "Der Integrationskurs besteht aus einem Sprachkurs und einem Orientierungskurs.",
        ),
        page(
            "kita",
            "Kita-Anmeldung",
            "Melden Sie Ihr Kind früh an. Die Gebühren hängen vom Einkommen ab.",
        ),
        page(
            "aerztin",
            "Ärztin für Kinder",
            "Die Praxis liegt an der Hauptstraße.",
        ),
        page(
            "ascii",
            "Kinderaerztin im Zentrum",
            "Termine nach Vereinbarung.",
        ),
        doc(
            DocKind::Place,
            "ist",
            "İstanbul Market",
            "Diyarbakır mutfağı",
            "Bahnhofstraße 3",
        ),
        page("ru", "Всё о курсах", "Ёлка и праздники"),
        page(
            "uk",
            "Інтеграційний курс",
            "Реєстрація місця проживання. М'ясо та ґанок.",
        ),
        page("ar", "مُسَاعَدَة في التسجيل", "الإقامة والتسجيل في البلدية"),
        page(
            "fa",
            "کلاس زبان فارسی",
            "من می‌خواهم در ثبت‌نام کمک بگیرم. اتاق ۲۰۴",
        ),
        doc(
            DocKind::Event,
            "cafe",
            "Sprachcafé",
            "Jeden Dienstag um 17 Uhr.",
            "Raum 204",
        ),
    ])
}

#[test]
fn german_typos_find_the_course() {
    let index = demo();
    for q in [
        "Integrationskurs",
        "Integratonskurs",
        "intgrationskurs",
        "INTEGRATIONSKRUS",
    ] {
        assert!(finds(&index, q, "kurs"), "{q}: {:?}", keys(&index, q));
    }
}

#[test]
fn umlauts_fold_both_ways() {
    let index = demo();
    for q in ["Ärztin", "Aerztin", "Arztin", "ÄRZTIN", "A\u{0308}rztin"] {
        assert!(finds(&index, q, "aerztin"), "{q}: {:?}", keys(&index, q));
    }
    for q in ["Kinderärztin", "Kinderaerztin", "Kinderarztin"] {
        assert!(finds(&index, q, "ascii"), "{q}: {:?}", keys(&index, q));
    }
    assert!(finds(&index, "Hauptstrasse", "aerztin"));
    assert_eq!(normalise("Straße Größe"), ["strasse", "grosse"]);
}

#[test]
fn turkish_dotted_and_dotless_i() {
    let index = demo();
    for q in [
        "istanbul",
        "ISTANBUL",
        "İstanbul",
        "diyarbakir",
        "DİYARBAKIR",
        "mutfagi",
    ] {
        assert!(finds(&index, q, "ist"), "{q}: {:?}", keys(&index, q));
    }
    assert_eq!(normalise("İSTANBUL Iğdır"), ["istanbul", "igdir"]);
}

#[test]
fn russian_yo_is_ye() {
    let index = demo();
    assert!(finds(&index, "все о курсах", "ru"));
    assert!(finds(&index, "елка", "ru"));
    assert_eq!(normalise("Ёлка всё"), ["елка", "все"]);
    // decomposed й (и + breve) is the letter й
    assert_eq!(normalise("и\u{0306}од"), normalise("йод"));
}

#[test]
fn ukrainian_letters_stay_distinct_and_searchable() {
    assert_eq!(
        normalise("Ґанок, їжа, Єдність і"),
        ["ґанок", "їжа", "єдність", "і"]
    );
    assert_ne!(normalise("і"), normalise("и"));
    assert_eq!(normalise("м'ясо м’ясо"), ["мясо", "мясо"]);
    let index = demo();
    for q in [
        "інтеграційний",
        "реєстрація",
        "мʼясо",
        "ґанок",
        "реестрація",
    ] {
        assert!(finds(&index, q, "uk"), "{q}: {:?}", keys(&index, q));
    }
    // Latin i typed on a keyboard without Ukrainian і
    assert!(finds(&index, "Iнтеграційний", "uk"));
}

#[test]
fn arabic_marks_and_letter_variants() {
    assert_eq!(normalise("أَحْمَد"), normalise("احمد"));
    assert_eq!(
        normalise("إسلام آمنة ٱلله مدرسة"),
        ["اسلام", "امنه", "الله", "مدرسه"]
    );
    assert_eq!(normalise("مـــساعدة"), normalise("مساعدة"));
    assert_eq!(normalise("على"), normalise("علي"));
    let index = demo();
    for q in ["مساعدة", "مساعده", "مُسَاعَدَة", "مسـاعدة", "الاقامة", "الإقامة"]
    {
        assert!(finds(&index, q, "ar"), "{q}: {:?}", keys(&index, q));
    }
}

#[test]
fn farsi_yeh_kaf_and_zero_width_non_joiner() {
    assert_eq!(normalise("فارسی"), normalise("فارسي"));
    assert_eq!(normalise("کلاس"), normalise("كلاس"));
    assert_eq!(normalise("می‌خواهم"), normalise("میخواهم"));
    let index = demo();
    for q in [
        "كلاس فارسي",
        "کلاس فارسی",
        "میخواهم",
        "می‌خواهم",
        "ثبت نام",
        "ثبتنام",
    ] {
        assert!(finds(&index, q, "fa"), "{q}: {:?}", keys(&index, q));
    }
}

#[test]
fn eastern_digits_are_digits() {
    assert_eq!(normalise("۲۰۴ ٢٠٤ ２０４"), ["204", "204", "204"]);
    let index = demo();
    for q in ["204", "۲۰۴", "٢٠٤"] {
        let mut found = keys(&index, q);
        found.sort();
        assert_eq!(found, ["cafe", "fa"], "{q}");
    }
    // numbers match exactly or by prefix, never with a typo
    assert!(keys(&index, "205").is_empty());
}

#[test]
fn last_term_matches_as_prefix_while_typing() {
    let index = demo();
    assert!(finds(&index, "integ", "kurs"));
    assert!(finds(&index, "Kita Anm", "kita"));
    assert!(finds(&index, "sprachc", "cafe"));
    // a repeated word being typed is still a prefix
    let hits = index.search("Kita-Anm kita-anm", 10);
    assert!(hits[0].all_terms && hits[0].key == "kita");
    // a finished word (followed by a space) and a single letter are not prefixes
    assert!(keys(&index, "integ ").is_empty());
    assert!(index.search("Anm Kita", 10).iter().all(|h| !h.all_terms));
    assert!(index.search("q", 10).is_empty());
}

#[test]
fn title_outranks_extra_outranks_body_and_exact_outranks_typo() {
    let index = Index::build(vec![
        page("body", "Beratung", "Kommen Sie ins Sprachcafé."),
        doc(DocKind::Page, "extra", "Treffpunkt", "", "Sprachcafé"),
        page("title", "Sprachcafé", "Jeden Dienstag."),
        page("exact", "Wohnungssuche", ""),
        page("fuzzy", "Wohnungsuche", ""),
    ]);
    assert_eq!(keys(&index, "sprachcafé "), ["title", "extra", "body"]);
    assert_eq!(keys(&index, "Wohnungssuche "), ["exact", "fuzzy"]);
    let hits = index.search("Wohnungssuche", 10);
    assert!(hits[0].score > hits[1].score);
    // an exact match in the body beats a typo in the title
    let index = Index::build(vec![
        page("title", "Sprachkurse", ""),
        page("body", "Termine", "Sprachkurs"),
    ]);
    assert_eq!(keys(&index, "sprachkurs "), ["body", "title"]);
}

#[test]
fn all_terms_first_then_partial_matches() {
    let index = Index::build(vec![
        page("a", "Kita Anmeldung", ""),
        page("b", "Kita Gebühren", ""),
        page("c", "Anmeldung der Wohnung", ""),
    ]);
    let hits = index.search("kita anmeldung", 10);
    assert_eq!(hits.len(), 1);
    assert!(hits[0].all_terms);
    assert_eq!(hits[0].key, "a");
    let hits = index.search("kita anmeldung zahnarzt", 10);
    assert_eq!(
        hits.iter().map(|h| h.key.as_str()).collect::<Vec<_>>(),
        ["a", "b", "c"]
    );
    assert!(hits.iter().all(|h| !h.all_terms));
}

#[test]
fn equal_scores_order_by_kind_then_key() {
    let index = Index::build(vec![
        doc(DocKind::Place, "b", "Beratung", "", ""),
        doc(DocKind::Page, "z", "Beratung", "", ""),
        doc(DocKind::Event, "a", "Beratung", "", ""),
        doc(DocKind::Page, "m", "Beratung", "", ""),
    ]);
    assert_eq!(keys(&index, "beratung"), ["m", "z", "a", "b"]);
    assert_eq!(index.search("beratung", 2).len(), 2);
}

#[test]
fn matched_terms_are_the_words_as_written() {
    let index = demo();
    let hits = index.search("arztin kinder", 10);
    assert_eq!(hits[0].key, "aerztin");
    assert_eq!(hits[0].matched_terms, ["Ärztin", "Kinder"]);
    let hits = index.search("مساعده", 10);
    assert_eq!(hits[0].matched_terms, ["مُسَاعَدَة"]);
}

#[test]
fn snippet_cuts_multibyte_text_on_boundaries() {
    let words = "реєстрація місця проживання ثبت‌نام كلاس ";
    let body = format!("{}ЦІЛЬ {}", words.repeat(6), words.repeat(6));
    let index = Index::build(vec![page("x", "Titel", &body)]);
    let hit = &index.search("ціль", 1)[0];
    let s = &hit.snippet;
    assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
    let inner = s.trim_matches('…');
    assert!(inner.chars().count() <= snippet::SNIPPET_CHARS, "{s}");
    assert!(inner.contains("ЦІЛЬ"));
    assert!(body.contains(inner), "cut between words: {s}");
    // without spaces, the cut keeps combining marks with their letter
    let body = format!(
        "{}-Ziel-{}",
        "e\u{0301}".repeat(150),
        "o\u{0308}".repeat(150)
    );
    let index = Index::build(vec![page("y", "T", &body)]);
    let s = &index.search("ziel", 1)[0].snippet;
    let inner = s.trim_matches('…');
    assert!(
        inner.starts_with('e') && inner.ends_with('\u{0308}'),
        "{s:?}"
    );
    // short bodies come whole, white space squashed
    let index = Index::build(vec![page("z", "T", "Kurz\n\n und   knapp ")]);
    assert_eq!(index.search("knapp", 1)[0].snippet, "Kurz und knapp");
}

#[test]
fn empty_and_punctuation_queries_give_nothing() {
    let index = demo();
    for q in ["", "   ", "?!,.;", "\u{200C}", "ـ", "'", "…"] {
        assert!(index.search(q, 10).is_empty(), "{q:?}");
    }
    assert!(index.search("kurs", 0).is_empty());
    assert!(Index::build(Vec::new()).search("kurs", 10).is_empty());
}

#[test]
fn long_queries_are_cut() {
    let index = demo();
    let q = "Integrationskurs ".repeat(500);
    assert!(finds(&index, &q, "kurs"));
    let q = format!("{} Integrationskurs", "x".repeat(300));
    assert!(index.search(&q, 10).is_empty());
}

#[test]
fn distance_counts_characters_and_transpositions() {
    assert_eq!(distance("kitten", "sitting"), 3);
    assert_eq!(distance("abcd", "abdc"), 1);
    assert_eq!(distance("ca", "abc"), 3); // optimal string alignment, not full Damerau
    assert_eq!(distance("äb", "ab"), 1);
    assert_eq!(distance("", "кот"), 3);
    assert_eq!(distance("مساعدة", "مساعده"), 1);
    assert_eq!(fuzzy::max_distance(3), 0);
    assert_eq!(fuzzy::max_distance(4), 1);
    assert_eq!(fuzzy::max_distance(7), 1);
    assert_eq!(fuzzy::max_distance(8), 2);
}

/// A region-sized index (a few 10k terms) builds and answers; no timing is asserted.
#[test]
fn region_sized_index_sanity() {
    let syllables = [
        "ber", "kur", "anm", "tung", "sch", "ule", "hof", "amt", "zen", "lie",
    ];
    let word = |n: usize| -> String {
        let mut w = String::new();
        let mut n = n;
        for _ in 0..5 {
            w.push_str(syllables[n % 10]);
            n /= 10;
        }
        w
    };
    let docs: Vec<Doc> = (0..1000)
        .map(|d| {
            let body: Vec<String> = (0..40).map(|i| word(d * 40 + i)).collect();
            page(&format!("p{d:04}"), &word(d * 7 + 3), &body.join(" "))
        })
        .collect();
    let index = Index::build(docs);
    assert_eq!(index.len(), 1000);
    assert!(
        index.vocabulary_len() > 20_000,
        "{}",
        index.vocabulary_len()
    );
    let target = word(123 * 40 + 5);
    let typo: String = target
        .chars()
        .enumerate()
        .filter_map(|(i, c)| (i != 3).then_some(c))
        .collect();
    let hits = index.search(&target, 5);
    assert_eq!(hits[0].key, "p0123");
    assert!(index.search(&typo, 5).iter().any(|h| h.key == "p0123"));
}

fn word() -> impl Strategy<Value = String> {
    "[a-zA-ZäöüßÄÖÜİıёЁа-яА-Яіїєґ\u{0627}-\u{064A}۰-۹]{1,10}"
}

proptest! {
    #[test]
    fn any_query_is_safe(query in any::<String>(), limit in 0usize..8) {
        let hits = demo().search(&query, limit);
        prop_assert!(hits.len() <= limit);
    }

    #[test]
    fn any_text_is_indexed_safely(title in any::<String>(), body in "\\PC{0,400}", query in "\\PC{0,30}") {
        let index = Index::build(vec![page("x", &title, &body)]);
        for hit in index.search(&query, 3) {
            prop_assert!(hit.snippet.chars().count() <= snippet::SNIPPET_CHARS + 10);
        }
    }

    #[test]
    fn a_document_is_found_by_each_title_word(
        titles in proptest::collection::vec(proptest::collection::vec(word(), 1..4), 1..6),
        pick in any::<prop::sample::Index>(),
    ) {
        let docs: Vec<Doc> = titles.iter().enumerate()
            .map(|(i, t)| page(&format!("d{i}"), &t.join(" "), ""))
            .collect();
        let index = Index::build(docs);
        let d = pick.index(titles.len());
        let w = &titles[d][pick.index(titles[d].len())];
        prop_assume!(!normalise(w).is_empty());
        let hits = index.search(w, titles.len());
        let top = hits.first().map_or(0, |h| h.score);
        let own = hits.iter().find(|h| h.key == format!("d{d}"));
        prop_assert!(own.is_some(), "{w:?} not found: {hits:?}");
        prop_assert!(own.is_some_and(|h| h.all_terms && h.score + TIE_BONUS >= top));
    }

    #[test]
    fn distance_is_symmetric_and_zero_only_for_equal(a in "\\PC{0,12}", b in "\\PC{0,12}") {
        let (na, nb) = (normalise(&a).join(" "), normalise(&b).join(" "));
        prop_assert_eq!(distance(&na, &nb), distance(&nb, &na));
        prop_assert_eq!(distance(&na, &nb) == 0, na == nb);
        prop_assert_eq!(distance(&a, &b), distance(&b, &a));
    }

    #[test]
    fn bigram_filter_misses_nothing(
        vocab in proptest::collection::btree_set("[abcé]{0,9}", 0..40),
        query in "[abcé]{1,9}",
    ) {
        let mut fuzzy = fuzzy::FuzzyIndex::default();
        let vocab: Vec<String> = vocab.into_iter().collect();
        for term in &vocab {
            fuzzy.push(term);
        }
        let q: Vec<char> = query.chars().collect();
        for k in 0..=2 {
            let mut got = fuzzy.within(&q, k);
            got.sort_unstable();
            let want: Vec<(u32, usize)> = vocab.iter().enumerate()
                .map(|(i, t)| (i as u32, distance(&query, t)))
                .filter(|&(_, d)| d <= k)
                .collect();
            prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn normalising_twice_changes_nothing(text in any::<String>()) {
        let once = normalise(&text);
        prop_assert_eq!(normalise(&once.join(" ")), once);
    }

    #[test]
    fn adding_a_document_keeps_the_others_complete_hits(
        texts in proptest::collection::vec("[a-eä ]{0,30}", 1..6),
        added in "[a-eä ]{0,30}",
        query in "[a-eä ]{1,12}",
    ) {
        let docs: Vec<Doc> = texts.iter().enumerate()
            .map(|(i, t)| page(&format!("d{i}"), t, t))
            .collect();
        let before = Index::build(docs.clone()).search(&query, 100);
        let mut more = docs;
        more.push(page("new", &added, ""));
        let after = Index::build(more).search(&query, 100);
        for hit in before.iter().filter(|h| h.all_terms) {
            prop_assert!(after.contains(hit), "{hit:?} lost");
        }
    }
}
