use super::*;
use crate::assessment::{Child, Family, Qualification, Vocational};
use proptest::prelude::*;
use time::macros::date;

const TODAY: Date = date!(2026 - 11 - 24);

fn input() -> OfferInput {
    OfferInput {
        kind: "language_cafe".into(),
        title: "Sprachcafé Bramsche".into(),
        languages: vec!["de".into(), "AR".into(), "de".into()],
        municipality_ids: vec!["town-1".into()],
        opening_hours: "Di 15:00-17:00".into(),
        ..Default::default()
    }
}

#[test]
fn a_valid_offer_is_normalised() {
    let o = input().validate(&["town-1".into()]).unwrap();
    assert_eq!(o.kind, OfferKind::LanguageCafe);
    assert_eq!(o.languages, vec!["ar", "de"]);
    assert_eq!(
        o.opening_hours,
        vec![OpeningDay {
            weekday: 1,
            slots: vec![(900, 1020)]
        }]
    );
    assert!(o.active);
}

#[test]
fn every_wrong_field_is_reported_at_once() {
    let bad = OfferInput {
        kind: "bakery".into(),
        title: " ".into(),
        languages: vec!["arabic!".into()],
        municipality_ids: vec!["elsewhere".into()],
        postcode: "4956".into(),
        latitude: "52.3".into(),
        opening_hours: "Mo 12:00-09:00".into(),
        website: "javascript:alert(1)".into(),
        phone: "call me".into(),
        ..Default::default()
    };
    let errs = bad.validate(&["town-1".into()]).unwrap_err();
    let fields: Vec<&str> = errs.iter().map(|e| e.field).collect();
    for f in [
        "kind",
        "title",
        "languages",
        "municipality_ids",
        "postcode",
        "longitude",
        "opening_hours",
        "website",
        "phone",
    ] {
        assert!(fields.contains(&f), "{f} missing in {fields:?}");
    }
}

#[test]
fn opening_hours_accept_ranges_and_reject_overlaps() {
    let days = parse_opening_hours("Mo-Fr 09:00-12:00; Do 14:00-18:00").unwrap();
    assert_eq!(days.len(), 5);
    assert_eq!(days[3].slots, vec![(540, 720), (840, 1080)]);
    assert!(is_open(&days, 3, 15 * 60));
    assert!(!is_open(&days, 5, 10 * 60));
    assert!(!is_open(&days, 0, 12 * 60), "closing time is exclusive");
    assert!(parse_opening_hours("Mo 09:00-12:00, 11:00-13:00").is_err());
    assert!(parse_opening_hours("Fr-Mo 09:00-12:00").is_err());
    assert!(parse_opening_hours("Montag 25:00-26:00").is_err());
    assert_eq!(parse_opening_hours("").unwrap(), vec![]);
}

proptest! {
    #[test]
    fn opening_hours_round_trip_through_their_text(
        days in proptest::collection::btree_map(0u8..7, proptest::collection::btree_set(0u16..48, 1..4), 0..7)
    ) {
        // Half-hour slots that never touch: [2k·30, (2k+1)·30).
        let parsed: Vec<OpeningDay> = days.iter().map(|(d, ks)| OpeningDay {
            weekday: *d,
            slots: ks.iter().map(|k| (k / 2 * 60, k / 2 * 60 + 30)).collect::<std::collections::BTreeSet<_>>().into_iter().collect(),
        }).collect();
        let text = format_opening_hours(&parsed);
        prop_assert_eq!(parse_opening_hours(&text).unwrap(), parsed);
    }

    #[test]
    fn parsing_opening_hours_never_panics(raw in "\\PC{0,60}") {
        let _ = parse_opening_hours(&raw);
    }
}

#[test]
fn the_analysis_suggests_childcare_school_literacy_and_recognition() {
    let family = Content::Family(Family {
        children: vec![
            Child {
                birth_year: Some(2025),
                needs_childcare: false,
            },
            Child {
                birth_year: Some(2016),
                needs_childcare: false,
            },
        ],
        ..Default::default()
    });
    let vocational = Content::Vocational(Vocational {
        qualifications: vec![Qualification {
            title: Some("Krankenpflege".into()),
            recognition: Some("pending".into()),
            ..Default::default()
        }],
        current_employment: Some("Minijob".into()),
        ..Default::default()
    });
    let s = suggest([&family, &vocational], Some(false), Some(34), TODAY);
    let needs: Vec<Need> = s.iter().map(|s| s.need).collect();
    assert_eq!(
        needs,
        vec![
            Need::Literacy,
            Need::Childcare,
            Need::School,
            Need::Recognition,
            Need::Counselling
        ]
    );
    assert_eq!(s[1].reason, "toddler");
}

#[test]
fn nothing_is_suggested_without_facts_and_youth_gets_the_youth_service() {
    assert!(suggest([], None, None, TODAY).is_empty());
    let done = Content::Vocational(Vocational {
        qualifications: vec![Qualification {
            recognition: Some("done".into()),
            ..Default::default()
        }],
        current_employment: Some("Vollzeit".into()),
        ..Default::default()
    });
    let s = suggest([&done], Some(true), Some(19), TODAY);
    assert_eq!(
        s,
        vec![Suggestion {
            need: Need::Youth,
            reason: "young_adult"
        }]
    );
}

#[test]
fn every_kind_meets_a_need_and_every_need_has_a_kind() {
    for k in OfferKind::ALL {
        assert!(!k.needs().is_empty(), "{k}");
    }
    for n in Need::ALL {
        assert!(OfferKind::ALL.iter().any(|k| k.needs().contains(n)), "{n}");
    }
}
