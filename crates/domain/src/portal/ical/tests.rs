use super::*;
use crate::portal::event::EventInput;
use proptest::prelude::*;
use time::macros::datetime;

const STAMP: OffsetDateTime = datetime!(2026-03-01 12:00 UTC);

fn event() -> Event {
    EventInput {
        title: "Sprachcafé; Deutsch, Arabisch & Farsi".into(),
        description: "Zeile 1\nZeile 2 mit \\ Backslash".into(),
        location: "Markt 1, 49565 Bramsche".into(),
        meeting_url: "https://meet.example.org/cafe?x=1,2".into(),
        start_date: "2026-03-05".into(),
        start_time: "18:00".into(),
        end_time: "19:30".into(),
        recurrence_rule: "FREQ=WEEKLY;BYDAY=TH;UNTIL=20260702T180000".into(),
        ..Default::default()
    }
    .validate()
    .unwrap()
}

fn first_event(text: &str) -> Vec<Property> {
    parse_vevents(text).unwrap().remove(0)
}

fn prop<'a>(props: &'a [Property], name: &str) -> &'a Property {
    props.iter().find(|p| p.name == name).unwrap()
}

#[test]
fn escaping() {
    assert_eq!(escape_text("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
    assert_eq!(
        unescape_text("a\\,b\\;c\\\\d\\ne\\Nf\\"),
        "a,b;c\\d\ne\nf\\"
    );
    assert_eq!(escape_text("bell\u{7}"), "bell");
}

#[test]
fn folding_at_75_octets_without_splitting_characters() {
    let line = format!("DESCRIPTION:{}", "ع".repeat(100));
    let folded = fold(&line);
    for physical in folded.split_terminator("\r\n") {
        assert!(physical.len() <= LINE_MAX, "{}", physical.len());
    }
    assert!(folded.ends_with("\r\n"));
    assert_eq!(unfold(&folded), [line]);
    assert_eq!(fold("SHORT:x"), "SHORT:x\r\n");
}

#[test]
fn one_event_as_a_calendar() {
    let text = to_ical(&event(), "event-7@landkreis.example", STAMP);
    assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert!(!text.replace("\r\n", "").contains('\n'), "CRLF only");
    assert!(text.split_terminator("\r\n").all(|l| l.len() <= LINE_MAX));
    for expected in [
        "DTSTART;TZID=Europe/Berlin:20260305T180000\r\n",
        "DTEND;TZID=Europe/Berlin:20260305T193000\r\n",
        "RRULE:FREQ=WEEKLY;UNTIL=20260702T160000Z;BYDAY=TH\r\n",
        "DTSTAMP:20260301T120000Z\r\n",
        "SUMMARY:Sprachcafé\\; Deutsch\\, Arabisch & Farsi\r\n",
        "URL:https://meet.example.org/cafe?x=1,2\r\n",
        "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n",
        "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n",
        "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n",
    ] {
        assert!(text.contains(expected), "{expected}\n---\n{text}");
    }
    let props = first_event(&text);
    assert_eq!(prop(&props, "UID").text(), "event-7@landkreis.example");
    assert_eq!(prop(&props, "SUMMARY").text(), event().title);
    assert_eq!(
        prop(&props, "DESCRIPTION").text(),
        event().description.unwrap()
    );
    assert_eq!(prop(&props, "LOCATION").text(), "Markt 1, 49565 Bramsche");
    assert_eq!(prop(&props, "DTSTART").param("tzid"), Some("Europe/Berlin"));
    assert_eq!(prop(&props, "DTSTART").value, "20260305T180000");
}

#[test]
fn all_day_events_use_dates_with_an_exclusive_end() {
    let e = EventInput {
        title: "Interkulturelle Woche".into(),
        start_date: "2026-09-21".into(),
        end_date: "2026-09-27".into(),
        all_day: "true".into(),
        recurrence_rule: "FREQ=MONTHLY;UNTIL=20261231T120000Z".into(),
        ..Default::default()
    }
    .validate()
    .unwrap();
    let props = first_event(&to_ical(&e, "w@x", STAMP));
    assert_eq!(prop(&props, "DTSTART").param("VALUE"), Some("DATE"));
    assert_eq!(prop(&props, "DTSTART").value, "20260921");
    assert_eq!(prop(&props, "DTEND").value, "20260928");
    assert_eq!(prop(&props, "RRULE").value, "FREQ=MONTHLY;UNTIL=20261231");
}

#[test]
fn a_feed_holds_every_event() {
    let e = event();
    let text = to_ical_feed(
        "Landkreis, Veranstaltungen",
        &[(&e, "a@x"), (&e, "b@x")],
        STAMP,
    );
    let events = parse_vevents(&text).unwrap();
    assert_eq!(events.len(), 2);
    assert_eq!(prop(&events[1], "UID").value, "b@x");
    let head = parse_properties(&text).unwrap();
    assert_eq!(
        prop(&head, "X-WR-CALNAME").text(),
        "Landkreis, Veranstaltungen"
    );
    assert_eq!(text.matches("BEGIN:VTIMEZONE").count(), 1);
}

#[test]
fn the_parser_reads_foreign_text_and_refuses_broken_text() {
    let text = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nsummary;LANGUAGE=de:Hallo\n  Welt\nATTENDEE;CN=\"Doe; John: Jr.\":mailto:j@x\nBEGIN:VALARM\nACTION:DISPLAY\nEND:VALARM\nEND:VEVENT\nEND:VCALENDAR\n";
    let props = first_event(text);
    assert_eq!(props.len(), 2, "VALARM properties are not the event's");
    assert_eq!(props[0].name, "SUMMARY");
    assert_eq!(props[0].value, "Hallo Welt");
    assert_eq!(props[1].param("CN"), Some("Doe; John: Jr."));
    assert_eq!(props[1].value, "mailto:j@x");
    let code = |t: &str| parse_vevents(t).unwrap_err().code;
    assert_eq!(code("BEGIN:VEVENT\nEND:VCALENDAR\n"), "ical_unbalanced");
    assert_eq!(code("BEGIN:VEVENT\n"), "ical_unbalanced");
    assert_eq!(code("END:VEVENT\n"), "ical_unbalanced");
    assert_eq!(
        code("BEGIN:VEVENT\nno colon here\nEND:VEVENT"),
        "ical_malformed_line"
    );
    assert_eq!(code(":value"), "ical_malformed_line");
    assert_eq!(code("X;broken:value"), "ical_malformed_line");
}

proptest! {
    #[test]
    fn text_round_trips_through_the_calendar(
        title in "\\PC{1,150}",
        description in "[\\PC\n,;\\\\]{0,400}",
        location in "[a-zA-Z0-9äöüß ,;:\\\\\"-]{0,120}",
    ) {
        let e = Event {
            title: title.clone(),
            description: Some(description.clone()),
            location: Some(location.clone()),
            ..event()
        };
        let text = to_ical(&e, "p@x", STAMP);
        prop_assert!(text.split_terminator("\r\n").all(|l| l.len() <= LINE_MAX));
        let props = first_event(&text);
        prop_assert_eq!(prop(&props, "SUMMARY").text(), title);
        prop_assert_eq!(prop(&props, "DESCRIPTION").text(), description);
        prop_assert_eq!(prop(&props, "LOCATION").text(), location);
    }

    #[test]
    fn escape_and_unescape_are_inverse(text in "[\\PC\n\t,;\\\\]{0,200}") {
        prop_assert_eq!(unescape_text(&escape_text(&text)), text);
    }

    #[test]
    fn parsing_never_panics(text in any::<String>()) {
        let _ = parse_vevents(&text);
    }
}
