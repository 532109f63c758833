use super::*;

fn t(s: &str) -> Inline {
    Inline::T { s: s.into() }
}

fn blocks(html: &str) -> Vec<Block> {
    super::blocks(html, false)
}

#[test]
fn latin_runs_and_numbers_in_rtl_text_are_marked() {
    let l = |s: &str| Inline::L { s: s.into() };
    assert_eq!(
        text_runs("تلفن: 0541 501-4000 و (Landkreis Osnabrück).", true),
        vec![
            t("تلفن: "),
            l("0541 501-4000"),
            t(" و "),
            l("(Landkreis Osnabrück)"),
            t("."),
        ]
    );
    assert_eq!(
        text_runs("Am Schölerberg 1", false),
        vec![t("Am Schölerberg 1")]
    );
    let b = super::blocks("<p>دفتر <strong>Bürgerbüro</strong></p>", true);
    assert_eq!(
        b,
        vec![Block::P {
            c: vec![
                t("دفتر "),
                Inline::B {
                    c: vec![l("Bürgerbüro")]
                }
            ]
        }]
    );
}

#[test]
fn paragraphs_collapse_white_space_and_decode_entities() {
    assert_eq!(
        blocks("<p>  Tom &amp;\n Jerry&nbsp;&lt;3 &#39;x&#39; &#x41;&quot; </p>"),
        vec![Block::P {
            c: vec![t("Tom & Jerry\u{a0}<3 'x' A\"")]
        }]
    );
}

#[test]
fn formatting_and_links_nest() {
    let b = blocks(
        r#"<p>Ruf <strong>an: <a href="tel:+495415010">0541 501-0</a></strong> oder <a href="https://www.bamf.de/">www.bamf.de</a></p>"#,
    );
    assert_eq!(
        b,
        vec![Block::P {
            c: vec![
                t("Ruf "),
                Inline::B {
                    c: vec![
                        t("an: "),
                        Inline::A {
                            c: vec![t("0541 501-0")],
                            url: Some("tel:+495415010".into()),
                            shown: Some("+495415010".into()),
                        }
                    ]
                },
                t(" oder "),
                Inline::A {
                    c: vec![t("www.bamf.de")],
                    url: Some("https://www.bamf.de/".into()),
                    shown: None,
                }
            ]
        }]
    );
}

#[test]
fn nested_lists_keep_their_structure() {
    let b = blocks("<ul><li>eins<ul><li>eins.a</li></ul></li><li>zwei</li></ul>");
    assert_eq!(
        b,
        vec![Block::List {
            ol: false,
            items: vec![
                vec![
                    Block::P { c: vec![t("eins")] },
                    Block::List {
                        ol: false,
                        items: vec![vec![Block::P {
                            c: vec![t("eins.a")]
                        }]]
                    }
                ],
                vec![Block::P { c: vec![t("zwei")] }],
            ]
        }]
    );
}

#[test]
fn tables_spans_are_clipped_to_the_table() {
    let b = blocks(
        r#"<table><thead><tr><th colspan="99">Zeiten</th></tr></thead><tbody><tr><td rowspan="7">Mo</td><td>9–12</td></tr></tbody></table>"#,
    );
    let Block::Table { cols, rows } = &b[0] else {
        panic!("{b:?}")
    };
    assert_eq!(*cols, MAX_COLUMNS);
    assert_eq!(rows[0][0].colspan, MAX_COLUMNS);
    assert_eq!(rows[1][0].rowspan, 1);
    assert!(rows[0][0].h);
}

#[test]
fn text_outside_paragraphs_and_unknown_tags_become_text() {
    let b = blocks("Hallo <span>Welt</span><div><custom>innen</custom></div>");
    assert_eq!(
        b,
        vec![
            Block::P {
                c: vec![t("Hallo "), t("Welt")]
            },
            Block::P {
                c: vec![t("innen")]
            },
        ]
    );
}

#[test]
fn stray_and_missing_end_tags_do_not_lose_text() {
    let b = blocks("</b><p>eins<p>zwei</em></p>drei");
    assert_eq!(plain(&b), "eins zwei drei");
}

#[test]
fn deep_nesting_is_flattened_not_overflowing() {
    let html = "<blockquote>".repeat(5000) + "tief" + &"</blockquote>".repeat(5000);
    let b = blocks(&html);
    assert_eq!(plain(&b), "tief");
    let html = "<b>".repeat(5000) + "fett";
    assert_eq!(plain(&blocks(&html)), "fett");
}

#[test]
fn plain_text_collapses() {
    assert_eq!(plain_text("<p>a &amp; b</p><p>c</p>"), "a & b c");
}

fn plain(b: &[Block]) -> String {
    let s = serde_json::to_string(b).unwrap_or_default();
    let v: serde_json::Value = serde_json::from_str(&s).unwrap_or_default();
    fn walk(v: &serde_json::Value, out: &mut String) {
        match v {
            serde_json::Value::Object(m) => {
                if let Some(serde_json::Value::String(s)) = m.get("s") {
                    out.push_str(s);
                    out.push(' ');
                }
                for (_, x) in m {
                    walk(x, out);
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut out = String::new();
    walk(&v, &mut out);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}
