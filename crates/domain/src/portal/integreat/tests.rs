use std::fmt::Debug;

use serde_json::{Value, json};

use super::*;

mod convert;
mod samples;
use samples::*;

fn region_ctx() -> Context {
    let regions: Vec<Region> = parse_file("regions.json", REGIONS, &Context::new()).unwrap();
    Context::for_region(&regions[0])
}

/// Parses, serialises and compares with the input as JSON values (key order ignored), then
/// parses the output again.
fn round_trip<T: ApiObject + PartialEq + Debug>(file: &str, text: &str) -> Vec<T> {
    let ctx = region_ctx();
    let items: Vec<T> = parse_file(file, text, &ctx).unwrap();
    let original: Value = serde_json::from_str(text).unwrap();
    assert_eq!(serde_json::to_value(&items).unwrap(), original);
    let again: Vec<T> = parse_file(file, &serde_json::to_string(&items).unwrap(), &ctx).unwrap();
    assert_eq!(again, items);
    items
}

/// The message of importing `value` (a sample changed by the test) as `T`.
fn error<T: ApiObject + Debug>(file: &str, value: &Value) -> String {
    let text = serde_json::to_string(value).unwrap();
    parse_file::<T>(file, &text, &region_ctx())
        .unwrap_err()
        .to_string()
}

fn sample(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

/// Replaces the value at `pointer`, or adds it as a new last key of its object.
fn set(value: &mut Value, pointer: &str, new: Value) {
    if let Some(slot) = value.pointer_mut(pointer) {
        *slot = new;
        return;
    }
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    value
        .pointer_mut(parent)
        .unwrap()
        .as_object_mut()
        .unwrap()
        .insert(key.to_owned(), new);
}

/// Asserts that the top-level keys appear in `keys` order in the serialised text.
fn assert_key_order(text: &str, keys: &[&str]) {
    let positions: Vec<usize> = keys
        .iter()
        .map(|k| text.find(&format!("\"{k}\":")).unwrap())
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "keys out of order in {text}"
    );
}

#[test]
fn regions_round_trip() {
    let regions: Vec<Region> = round_trip("regions.json", REGIONS);
    let r = &regions[0];
    assert_eq!(r.path, "bramsche");
    assert_eq!(
        r.languages
            .iter()
            .map(|l| l.code.as_str())
            .collect::<Vec<_>>(),
        ["de", "en", "ar"]
    );
    assert_eq!(r.languages[2].direction(), Some(crate::portal::Dir::Rtl));
    assert_eq!(r.aliases.as_ref().unwrap().len(), 2);
}

#[test]
fn pages_round_trip_with_their_parent() {
    let pages: Vec<Page> = round_trip("bramsche/de/pages.json", PAGES);
    assert_eq!(pages.len(), 3);
    assert_eq!(pages[0].parent.id, 0);
    assert!(
        pages[1..]
            .iter()
            .all(|p| p.parent.path.as_deref() == Some(pages[0].path.as_str()))
    );
    assert_eq!(pages[1].organization["slug"], "stadt-bramsche");
    assert_eq!(pages[2].embedded_offers[0]["alias"], "sprungbrett");
}

#[test]
fn events_round_trip() {
    let events: Vec<Event> = round_trip("bramsche/de/events.json", EVENTS);
    assert_eq!(events[0].event.recurrence_id, Some(9));
    assert_eq!(events[0].location.town.as_deref(), Some("Bramsche"));
}

#[test]
fn locations_round_trip() {
    let places: Vec<Location> = round_trip("bramsche/de/locations.json", LOCATIONS);
    let p = &places[0];
    assert_eq!(p.opening_hours.as_ref().unwrap().len(), 7);
    assert_eq!(p.contacts.len(), 2);
    assert_eq!(p.category.as_ref().unwrap().name, "Beratung");
    assert_eq!(p.barrier_free, Some(true));
}

#[test]
fn location_categories_and_imprint_round_trip() {
    let cats: Vec<LocationCategory> = round_trip("location-categories.json", LOCATION_CATEGORIES);
    assert_eq!(cats.len(), 2);
    let imprint: Imprint =
        parse_object("bramsche/en/imprint.json", IMPRINT, &region_ctx()).unwrap();
    assert_eq!(serde_json::to_value(&imprint).unwrap(), sample(IMPRINT));
}

#[test]
fn fields_are_written_in_the_order_the_cms_emits_them() {
    let pages: Vec<Page> = parse_file("p.json", PAGES, &Context::new()).unwrap();
    assert_key_order(
        &serde_json::to_string(&pages[0]).unwrap(),
        &[
            "id",
            "url",
            "path",
            "title",
            "modified_gmt",
            "last_updated",
            "excerpt",
            "content",
            "parent",
            "order",
            "available_languages",
            "thumbnail",
            "organization",
            "hash",
            "embedded_offers",
        ],
    );
    let events: Vec<Event> = parse_file("e.json", EVENTS, &Context::new()).unwrap();
    let text = serde_json::to_string(&events[0]).unwrap();
    assert_key_order(
        &text,
        &[
            "url",
            "title",
            "modified_gmt",
            "last_updated",
            "excerpt",
            "content",
            "available_languages",
            "thumbnail",
            "location",
            "location_path",
            "meeting_url",
            "event",
            "start",
            "start_date",
            "start_time",
            "end",
            "end_date",
            "end_time",
            "all_day",
            "only_weekdays",
            "recurrence_id",
            "timezone",
            "hash",
            "recurrence_rule",
        ],
    );
    let mut places: Vec<Location> = parse_file("l.json", LOCATIONS, &Context::new()).unwrap();
    let contacts = std::mem::take(&mut places[0].contacts);
    let text = serde_json::to_string(&places[0]).unwrap();
    assert_key_order(
        &text,
        &[
            "url",
            "title",
            "modified_gmt",
            "last_updated",
            "published_at",
            "meta_description",
            "excerpt",
            "content",
            "available_languages",
            "icon",
            "thumbnail",
            "website",
            "contacts",
            "category",
            "temporarily_closed",
            "opening_hours",
            "appointment_url",
            "location",
            "organization",
            "barrier_free",
        ],
    );
    assert!(text.contains(r#"{"allDay":false,"closed":false,"appointmentOnly":false,"timeSlots":[{"start":"09:00","end":"12:00","timezone":"Europe/Berlin"}]}"#));
    assert_key_order(
        &serde_json::to_string(&contacts[1]).unwrap(),
        &[
            "area_of_responsibility",
            "name",
            "email",
            "phone_number",
            "mobile_number",
            "website",
            "opening_hours",
            "appointment_url",
        ],
    );
}

#[test]
fn unknown_fields_are_accepted_reported_and_not_served() {
    let mut v = sample(LOCATIONS);
    set(&mut v, "/0/category/icon_color", json!("advice_blue"));
    set(&mut v, "/0/place_on_map", json!(true));
    let parsed =
        parse_file_report::<Location>("l.json", &serde_json::to_string(&v).unwrap(), &region_ctx())
            .unwrap();
    assert_eq!(
        parsed.ignored_fields,
        ["[0].category.icon_color", "[0].place_on_map"]
    );
    assert_eq!(
        serde_json::to_value(&parsed.items).unwrap(),
        sample(LOCATIONS)
    );
}

#[test]
fn missing_nullable_fields_are_read_as_null_and_old_names_are_read() {
    let mut v = sample(EVENTS);
    let obj = v[0].as_object_mut().unwrap();
    obj.remove("meeting_url");
    obj.remove("thumbnail");
    let path = obj.remove("location_path").unwrap();
    obj.insert("location_url".into(), path);
    let text = serde_json::to_string(&v).unwrap();
    let events: Vec<Event> = parse_file("e.json", &text, &region_ctx()).unwrap();
    assert_eq!(events[0].meeting_url, None);
    assert_eq!(events[0].thumbnail, Value::Null);
    assert_eq!(
        events[0].location_path.as_deref(),
        Some("/bramsche/de/locations/stadtbibliothek-bramsche/")
    );
    assert_eq!(serde_json::to_value(&events).unwrap(), sample(EVENTS));
}

#[test]
fn a_wrong_type_deep_inside_names_file_and_path() {
    let mut v = sample(PAGES);
    set(&mut v, "/2/parent/id", json!("x"));
    assert_eq!(
        error::<Page>("augsburg/de/pages.json", &v),
        r#"augsburg/de/pages.json: [2].parent.id: invalid type: string "x", expected u64"#
    );
    let mut v = sample(PAGES);
    set(&mut v, "/1/available_languages/en/id", json!(true));
    assert_eq!(
        error::<Page>("p.json", &v),
        "p.json: [1].available_languages.en.id: invalid type: boolean `true`, expected u64"
    );
    let mut v = sample(LOCATIONS);
    set(
        &mut v,
        "/0/contacts/1/opening_hours/1/timeSlots/0/start",
        json!(10),
    );
    assert_eq!(
        error::<Location>("l.json", &v),
        "l.json: [0].contacts[1].opening_hours[1].timeSlots[0].start: invalid type: integer `10`, expected a string"
    );
    let mut v = sample(REGIONS);
    set(&mut v, "/0/bounding_box/1", json!([8.0845]));
    assert_eq!(
        error::<Region>("regions.json", &v),
        "regions.json: [0].bounding_box[1]: invalid length 1, expected an array of length 2"
    );
}

#[test]
fn missing_fields_and_bad_documents() {
    let mut v = sample(EVENTS);
    v[0]["event"].as_object_mut().unwrap().remove("timezone");
    assert_eq!(
        error::<Event>("e.json", &v),
        "e.json: [0].event: missing field `timezone`"
    );
    let e = parse_file::<Page>("p.json", "[{\"id\": 1,", &Context::new()).unwrap_err();
    assert_eq!(e.path, "$");
    assert!(e.message.starts_with("not valid JSON: "), "{}", e.message);
    assert!(e.message.contains("line 1"), "{}", e.message);
    let e = parse_file::<Page>("p.json", "{}", &Context::new()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "p.json: $: expected a JSON array of pages (the body of the API v3 endpoint), found an object"
    );
}

#[test]
fn an_unknown_parent_is_refused() {
    let mut v = sample(PAGES);
    set(
        &mut v,
        "/1/parent/path",
        json!("/bramsche/de/gibt-es-nicht/"),
    );
    assert_eq!(
        error::<Page>("p.json", &v),
        "p.json: [1].parent.path: unknown parent: no page in this file has the path „/bramsche/de/gibt-es-nicht/“"
    );
    let mut v = sample(PAGES);
    set(&mut v, "/2/parent/id", json!(5));
    assert_eq!(
        error::<Page>("p.json", &v),
        "p.json: [2].parent.id: parent „/bramsche/de/ankommen/“ has id 5 here but 1 at [1]"
    );
    let mut v = sample(PAGES);
    set(&mut v, "/0/parent/path", json!("/bramsche/de/ankommen/"));
    assert!(error::<Page>("p.json", &v).starts_with("p.json: [0].parent: a root page's parent"));
}

#[test]
fn duplicate_ids_are_refused() {
    let mut v = sample(PAGES);
    set(&mut v, "/2/id", json!(101));
    assert_eq!(
        error::<Page>("p.json", &v),
        "p.json: [2].id: id 101 appears more than once (first at [0])"
    );
    let mut v = sample(LOCATION_CATEGORIES);
    set(&mut v, "/1/id", json!(3));
    assert_eq!(
        error::<LocationCategory>("c.json", &v),
        "c.json: [1].id: id 3 appears more than once (first at [0])"
    );
}

#[test]
fn bad_recurrence_rules_are_refused() {
    let mut v = sample(EVENTS);
    set(
        &mut v,
        "/0/recurrence_rule",
        json!("DTSTART:20260305T170000\nRRULE:FREQ=WEEKLY;BYDAY=XX"),
    );
    assert_eq!(
        error::<Event>("e.json", &v),
        "e.json: [0].recurrence_rule: BYDAY „XX“ is not a weekday like MO or 1MO or -1FR"
    );
    set(
        &mut v,
        "/0/recurrence_rule",
        json!("DTSTART:20260305T170000\nRRULE:FREQ=YEARLY"),
    );
    assert!(error::<Event>("e.json", &v).contains("FREQ=YEARLY is not supported"));
    set(&mut v, "/0/recurrence_rule", json!("RRULE:FREQ=WEEKLY"));
    assert!(error::<Event>("e.json", &v).contains("needs a DTSTART line and an RRULE line"));
}

#[test]
fn opening_hours_need_seven_days() {
    let mut v = sample(LOCATIONS);
    v[0]["opening_hours"].as_array_mut().unwrap().pop();
    assert_eq!(
        error::<Location>("l.json", &v),
        "l.json: [0].opening_hours: opening hours need exactly 7 entries, Monday to Sunday; found 6"
    );
    let mut v = sample(LOCATIONS);
    set(
        &mut v,
        "/0/opening_hours/3/timeSlots/1/start",
        json!("11:00"),
    );
    assert_eq!(
        error::<Location>("l.json", &v),
        "l.json: [0].opening_hours[3].timeSlots: time slots overlap"
    );
    let mut v = sample(LOCATIONS);
    set(
        &mut v,
        "/0/contacts/1/opening_hours/1/timeSlots/0/end",
        json!("9 Uhr"),
    );
    assert_eq!(
        error::<Location>("l.json", &v),
        "l.json: [0].contacts[1].opening_hours[1].timeSlots[0].end: „9 Uhr“ is not a time like 08:30"
    );
}

#[test]
fn other_rules_beyond_types() {
    let mut v = sample(PAGES);
    set(
        &mut v,
        "/0/available_languages/fa",
        json!({"id": 1, "url": "u", "path": "p"}),
    );
    assert_eq!(
        error::<Page>("p.json", &v),
        "p.json: [0].available_languages.fa: „fa“ is not a language of the region (de, en, ar)"
    );
    let mut v = sample(EVENTS);
    set(&mut v, "/0/event/end", json!("2026-03-05T17:59:00+01:00"));
    assert!(error::<Event>("e.json", &v).starts_with("e.json: [0].event.end: the event ends"));
    let mut v = sample(EVENTS);
    set(&mut v, "/0/event/start", json!("05.03.2026 18:00"));
    assert!(
        error::<Event>("e.json", &v)
            .starts_with("e.json: [0].event.start: „05.03.2026 18:00“ is not a date-time")
    );
    let mut v = sample(LOCATIONS);
    set(&mut v, "/0/location/latitude", json!(152.4));
    assert_eq!(
        error::<Location>("l.json", &v),
        "l.json: [0].location.latitude: 152.4 is out of range: must be between -90 and 90"
    );
    let mut v = sample(REGIONS);
    set(&mut v, "/0/aliases/Ueffeln-Balkum/longitude", json!(-190.0));
    assert_eq!(
        error::<Region>("regions.json", &v),
        r#"regions.json: [0].aliases["Ueffeln-Balkum"].longitude: -190 is out of range: must be between -180 and 180"#
    );
    let mut v = sample(REGIONS);
    set(&mut v, "/0/languages/2/dir", json!("rechts"));
    assert!(
        error::<Region>("regions.json", &v)
            .starts_with("regions.json: [0].languages[2].dir: „rechts“")
    );
    set(&mut v, "/0/languages/2/dir", json!("RIGHT_TO_LEFT"));
    set(&mut v, "/0/languages/1/code", json!("de"));
    assert_eq!(
        error::<Region>("regions.json", &v),
        "regions.json: [0].languages[1].code: language „de“ appears more than once (first at languages[0])"
    );
}

#[test]
fn a_single_object_reports_paths_without_an_index() {
    let mut v = sample(IMPRINT);
    set(&mut v, "/available_languages/de/id", json!("900"));
    let e = parse_object::<Imprint>("i.json", &v.to_string(), &region_ctx()).unwrap_err();
    assert_eq!(e.path, "available_languages.de.id");
    let mut v = sample(IMPRINT);
    set(&mut v, "/last_updated", json!("gestern"));
    let e = parse_object::<Imprint>("i.json", &v.to_string(), &region_ctx()).unwrap_err();
    assert_eq!(e.path, "last_updated");
}

#[test]
fn feedback_form() {
    let form: FeedbackForm =
        from_value(&json!({"rating": "down", "comment": "Die Telefonnummer stimmt nicht.", "slug": "anmeldung"}))
            .unwrap();
    assert_eq!(form.rating, Rating::Down);
    assert_eq!(form.slug.as_deref(), Some("anmeldung"));
    assert_eq!(form.category, None);
    let (path, message) = from_value::<FeedbackForm>(&json!({"rating": "meh"})).unwrap_err();
    assert_eq!(path, "rating");
    assert!(
        message.contains("unknown feedback rating 'meh'"),
        "{message}"
    );
    assert_eq!(
        FeedbackTarget::parse("imprint-page"),
        Ok(FeedbackTarget::ImprintPage)
    );
    assert_eq!(FeedbackTarget::ALL.len(), 12);
}

#[test]
fn deprecated_fields_are_still_written() {
    let events: Vec<Event> = parse_file("e.json", EVENTS, &Context::new()).unwrap();
    let places: Vec<Location> = parse_file("l.json", LOCATIONS, &Context::new()).unwrap();
    let pages: Vec<Page> = parse_file("p.json", PAGES, &Context::new()).unwrap();
    let imprint: Imprint = parse_object("i.json", IMPRINT, &Context::new()).unwrap();
    for field in DEPRECATED_FIELDS {
        let (kind, rest) = field.split_once('.').unwrap();
        let value = match kind {
            "page" => serde_json::to_value(&pages[0]),
            "event" => serde_json::to_value(&events[0]),
            "location" => serde_json::to_value(&places[0]),
            _ => serde_json::to_value(&imprint),
        }
        .unwrap();
        let pointer = format!("/{}", rest.replace('.', "/"));
        assert!(value.pointer(&pointer).is_some(), "{field}");
    }
}
