//! Integreat-shaped sample files, written by hand from the documented shapes
//! (`../shared/research/integreat.md` §2): a region with de/en/ar, three German pages (one
//! root, two children), one weekly event and one place with opening hours.

/// `regions.json`: the body of `GET api/v3/regions/`.
pub const REGIONS: &str = r#"[
  {
    "id": 7,
    "name": "Stadt Bramsche",
    "path": "bramsche",
    "live": true,
    "prefix": "Stadt",
    "name_without_prefix": "Bramsche",
    "plz": "49565",
    "extras": false,
    "events": true,
    "pois": true,
    "push_notifications": false,
    "longitude": 7.9728,
    "latitude": 52.4081,
    "bounding_box": [[7.8512, 52.3518], [8.0845, 52.4733]],
    "aliases": {
      "Achmer": {"latitude": 52.3775, "longitude": 7.9401},
      "Ueffeln-Balkum": {"latitude": 52.4259, "longitude": 7.8867}
    },
    "tunews": false,
    "external_news": false,
    "zammad_privacy_policy": null,
    "languages": [
      {"id": 1, "code": "de", "bcp47_tag": "de-DE", "native_name": "Deutsch", "dir": "ltr"},
      {"id": 2, "code": "en", "bcp47_tag": "en-GB", "native_name": "English", "dir": "ltr"},
      {"id": 3, "code": "ar", "bcp47_tag": "ar", "native_name": "العربية", "dir": "rtl"}
    ],
    "is_chat_enabled": false
  }
]"#;

/// `bramsche/de/pages.json`: the body of `GET api/v3/bramsche/de/pages/`. Entry ids are
/// translation ids (101…); `parent.id` is the parent's page id (1), as in the CMS.
pub const PAGES: &str = r#"[
  {
    "id": 101,
    "url": "http://localhost:8000/bramsche/de/ankommen/",
    "path": "/bramsche/de/ankommen/",
    "title": "Ankommen in Bramsche",
    "modified_gmt": "2026-02-10T09:15:00Z",
    "last_updated": "2026-02-10T10:15:00+01:00",
    "excerpt": "Die ersten Schritte nach der Ankunft.",
    "content": "<p>Die ersten Schritte nach der Ankunft.</p>",
    "parent": {"id": 0, "url": null, "path": null},
    "order": 1,
    "available_languages": {
      "en": {"id": 201, "url": "http://localhost:8000/bramsche/en/arriving/", "path": "/bramsche/en/arriving/"},
      "ar": {"id": 301, "url": "http://localhost:8000/bramsche/ar/الوصول/", "path": "/bramsche/ar/الوصول/"}
    },
    "thumbnail": "http://localhost:8000/media/icons/ankommen.svg",
    "organization": null,
    "hash": null,
    "embedded_offers": []
  },
  {
    "id": 102,
    "url": "http://localhost:8000/bramsche/de/ankommen/anmeldung/",
    "path": "/bramsche/de/ankommen/anmeldung/",
    "title": "Wohnung anmelden",
    "modified_gmt": "2026-02-11T08:00:00Z",
    "last_updated": "2026-02-11T09:00:00+01:00",
    "excerpt": "Melden Sie Ihre Wohnung innerhalb von zwei Wochen im Bürgerbüro an.",
    "content": "<p>Melden Sie Ihre Wohnung innerhalb von <strong>zwei Wochen</strong> im Bürgerbüro an.</p>",
    "parent": {"id": 1, "url": "http://localhost:8000/bramsche/de/ankommen/", "path": "/bramsche/de/ankommen/"},
    "order": 2,
    "available_languages": {
      "en": {"id": 202, "url": "http://localhost:8000/bramsche/en/arriving/registration/", "path": "/bramsche/en/arriving/registration/"}
    },
    "thumbnail": null,
    "organization": {"id": 4, "slug": "stadt-bramsche", "name": "Stadt Bramsche", "logo": null, "website": "https://www.bramsche.de"},
    "hash": null,
    "embedded_offers": []
  },
  {
    "id": 103,
    "url": "http://localhost:8000/bramsche/de/ankommen/sprachkurse/",
    "path": "/bramsche/de/ankommen/sprachkurse/",
    "title": "Deutsch lernen",
    "modified_gmt": "2026-02-12T13:30:00.250Z",
    "last_updated": "2026-02-12T14:30:00.250+01:00",
    "excerpt": "Integrationskurse, Kinderbetreuung und Kosten.",
    "content": "<p>Integrationskurse, Kinderbetreuung und Kosten.</p>",
    "parent": {"id": 1, "url": "http://localhost:8000/bramsche/de/ankommen/", "path": "/bramsche/de/ankommen/"},
    "order": 3,
    "available_languages": {},
    "thumbnail": null,
    "organization": null,
    "hash": null,
    "embedded_offers": [
      {"name": "Sprungbrett", "alias": "sprungbrett", "url": "https://web.integreat-app.de/sprungbrett", "post": {"partner": "0006"}, "thumbnail": "https://example.org/sprungbrett.png"}
    ]
  }
]"#;

/// `bramsche/de/events.json`: the body of `GET api/v3/bramsche/de/events/?combine_recurring=True`.
/// Thursdays 18:00–19:30 Berlin time; DTSTART and UNTIL are UTC clock times as the CMS
/// writes them.
pub const EVENTS: &str = r#"[
  {
    "id": 501,
    "url": "http://localhost:8000/bramsche/de/events/sprachcafe/",
    "path": "/bramsche/de/events/sprachcafe/",
    "title": "Sprachcafé",
    "modified_gmt": "2026-02-20T16:00:00Z",
    "last_updated": "2026-02-20T17:00:00+01:00",
    "excerpt": "Deutsch üben bei Kaffee und Kuchen. Alle sind willkommen.",
    "content": "<p>Deutsch üben bei Kaffee und Kuchen. Alle sind willkommen.</p>",
    "available_languages": {
      "ar": {"id": 502, "url": "http://localhost:8000/bramsche/ar/events/مقهى-اللغة/", "path": "/bramsche/ar/events/مقهى-اللغة/"}
    },
    "thumbnail": null,
    "location": {
      "id": 12,
      "name": "Stadtbibliothek Bramsche",
      "address": "Am Markt 1",
      "town": "Bramsche",
      "state": null,
      "postcode": "49565",
      "region": null,
      "country": "Deutschland",
      "latitude": 52.4089,
      "longitude": 7.9739
    },
    "location_path": "/bramsche/de/locations/stadtbibliothek-bramsche/",
    "meeting_url": null,
    "event": {
      "id": 61,
      "start": "2026-03-05T18:00:00+01:00",
      "start_date": "2026-03-05",
      "start_time": "18:00:00",
      "end": "2026-03-05T19:30:00+01:00",
      "end_date": "2026-03-05",
      "end_time": "19:30:00",
      "all_day": false,
      "only_weekdays": false,
      "recurrence_id": 9,
      "timezone": "Europe/Berlin"
    },
    "hash": null,
    "recurrence_rule": "DTSTART:20260305T170000\nRRULE:FREQ=WEEKLY;UNTIL=20261217T235959;BYDAY=TH"
  }
]"#;

/// `bramsche/de/locations.json`: the body of `GET api/v3/bramsche/de/locations/`.
/// Monday to Thursday 09:00–12:00, Thursday also 14:00–18:00, Friday to Sunday closed.
pub const LOCATIONS: &str = r#"[
  {
    "id": 12,
    "url": "http://localhost:8000/bramsche/de/locations/migrationsberatung/",
    "path": "/bramsche/de/locations/migrationsberatung/",
    "title": "Migrationsberatung",
    "modified_gmt": "2026-01-15T10:00:00Z",
    "last_updated": "2026-01-15T11:00:00+01:00",
    "published_at": "2025-11-03T08:30:00+01:00",
    "meta_description": "Beratung zu Aufenthalt, Sprachkursen und Arbeit",
    "excerpt": "Wir beraten kostenlos und vertraulich.",
    "content": "<p>Wir beraten kostenlos und vertraulich.</p>",
    "available_languages": {
      "en": {"id": 13, "url": "http://localhost:8000/bramsche/en/locations/migration-counselling/", "path": "/bramsche/en/locations/migration-counselling/"},
      "ar": {"id": 14, "url": "http://localhost:8000/bramsche/ar/locations/استشارة-الهجرة/", "path": "/bramsche/ar/locations/استشارة-الهجرة/"}
    },
    "icon": "http://localhost:8000/media/places/beratung.png",
    "thumbnail": "http://localhost:8000/media/places/beratung_thumbnail.png",
    "website": "https://www.bramsche.de/beratung",
    "email": "beratung@bramsche.example",
    "phone_number": "05461 0000-0",
    "contacts": [
      {
        "area_of_responsibility": "Aufenthalt",
        "name": "Frau Yilmaz",
        "email": "beratung@bramsche.example",
        "phone_number": "05461 0000-0",
        "mobile_number": null,
        "website": "https://www.bramsche.de/beratung",
        "opening_hours": null,
        "appointment_url": null
      },
      {
        "area_of_responsibility": null,
        "name": "Herr Haddad",
        "email": null,
        "phone_number": "05461 0000-1",
        "mobile_number": "0151 00000000",
        "website": null,
        "opening_hours": [
          {"allDay": false, "closed": true, "appointmentOnly": false, "timeSlots": []},
          {"allDay": false, "closed": false, "appointmentOnly": true, "timeSlots": [{"start": "10:00", "end": "12:00", "timezone": "Europe/Berlin"}]},
          {"allDay": false, "closed": true, "appointmentOnly": false, "timeSlots": []},
          {"allDay": false, "closed": true, "appointmentOnly": false, "timeSlots": []},
          {"allDay": false, "closed": true, "appointmentOnly": false, "timeSlots": []},
          {"allDay": false, "closed": true, "appointmentOnly": false, "timeSlots": []},
          {"allDay": false, "closed": true, "appointmentOnly": false, "timeSlots": []}
        ],
        "appointment_url": "https://termine.bramsche.example/haddad"
      }
    ],
    "category": {"id": 3, "name": "Beratung", "color": "blue", "icon": "advice", "icon_url": "http://localhost:8000/static/svg/place-category-icons/advice.svg"},
    "temporarily_closed": false,
    "opening_hours": [
      {"allDay": false, "closed": false, "appointmentOnly": false, "timeSlots": [{"start": "09:00", "end": "12:00", "timezone": "Europe/Berlin"}]},
      {"allDay": false, "closed": false, "appointmentOnly": false, "timeSlots": [{"start": "09:00", "end": "12:00", "timezone": "Europe/Berlin"}]},
      {"allDay": false, "closed": false, "appointmentOnly": false, "timeSlots": [{"start": "09:00", "end": "12:00", "timezone": "Europe/Berlin"}]},
      {"allDay": false, "closed": false, "appointmentOnly": false, "timeSlots": [{"start": "09:00", "end": "12:00", "timezone": "Europe/Berlin"}, {"start": "14:00", "end": "18:00", "timezone": "Europe/Berlin"}]},
      {"allDay": false, "closed": true, "appointmentOnly": false, "timeSlots": []},
      {"allDay": false, "closed": true, "appointmentOnly": false, "timeSlots": []},
      {"allDay": false, "closed": true, "appointmentOnly": false, "timeSlots": []}
    ],
    "appointment_url": null,
    "location": {
      "id": 12,
      "name": "Migrationsberatung",
      "address": "Hasestraße 11",
      "town": "Bramsche",
      "state": null,
      "postcode": "49565",
      "region": null,
      "country": "Deutschland",
      "latitude": 52.4071,
      "longitude": 7.9702
    },
    "hash": null,
    "organization": null,
    "barrier_free": true
  }
]"#;

/// `bramsche/de/location-categories.json`.
pub const LOCATION_CATEGORIES: &str = r#"[
  {"id": 3, "name": "Beratung", "color": "blue", "icon": "advice", "icon_url": "http://localhost:8000/static/svg/place-category-icons/advice.svg"},
  {"id": 4, "name": "Gesundheit", "color": "red", "icon": "health", "icon_url": "http://localhost:8000/static/svg/place-category-icons/health.svg"}
]"#;

/// `bramsche/en/imprint.json`: one object, not a list.
pub const IMPRINT: &str = r#"{
  "id": 901,
  "url": "http://localhost:8000/bramsche/en/disclaimer/",
  "path": "/bramsche/en/disclaimer/",
  "title": "Imprint",
  "modified_gmt": "2025-12-01T09:00:00Z",
  "last_updated": "2025-12-01T10:00:00+01:00",
  "excerpt": "Stadt Bramsche, Hasestraße 11, 49565 Bramsche",
  "content": "<p>Stadt Bramsche, Hasestraße 11, 49565 Bramsche</p>",
  "parent": null,
  "available_languages": {
    "de": {"id": 900, "url": "http://localhost:8000/bramsche/de/disclaimer/", "path": "/bramsche/de/disclaimer/"}
  },
  "thumbnail": null,
  "hash": null
}"#;
