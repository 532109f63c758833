#!/usr/bin/env python3
"""Generate the demo content of the public information portal (issue 6, item 6).

The output is a folder of JSON files in exactly the shape an Integreat CMS serves
through its API v3 (see /work/shared/research/integreat.md, section 2), so that
`ankommen portal import-integreat DIR` can import it:

    regions.json                       body of GET regions/
    {region}/{lang}/pages.json         body of GET {region}/{lang}/pages/
    {region}/{lang}/events.json        body of GET {region}/{lang}/events/?combine_recurring=True
    {region}/{lang}/locations.json     body of GET {region}/{lang}/locations/

Structure (ids, tree, dates, places, opening hours) lives in this file; all texts
live in texts/{lang}.py (one module per language, identical keys).  Run:

    python3 -B generate.py            # writes next to this script
    python3 -B generate.py OUTDIR     # writes somewhere else
    python3 -B validate.py            # checks the result

Addresses of public offices are real where noted in README.md; phone numbers,
e-mail addresses, opening hours and most venues are illustrative.
"""

import html
import importlib
import json
import os
import re
import sys
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

BASE = "https://ankommen.example"
TZ = ZoneInfo("Europe/Berlin")
TZ_NAME = "Europe/Berlin"

# ---------------------------------------------------------------------------
# Languages (same ids in every region)
# ---------------------------------------------------------------------------
LANGUAGES = [
    {"id": 1, "code": "de", "bcp47_tag": "de-DE", "native_name": "Deutsch", "dir": "ltr"},
    {"id": 2, "code": "en", "bcp47_tag": "en-GB", "native_name": "English", "dir": "ltr"},
    {"id": 3, "code": "ar", "bcp47_tag": "ar", "native_name": "العربية", "dir": "rtl"},
    {"id": 4, "code": "fa", "bcp47_tag": "fa-IR", "native_name": "فارسی", "dir": "rtl"},
    {"id": 5, "code": "uk", "bcp47_tag": "uk-UA", "native_name": "Українська", "dir": "ltr"},
    {"id": 6, "code": "ru", "bcp47_tag": "ru-RU", "native_name": "Русский", "dir": "ltr"},
    {"id": 7, "code": "tr", "bcp47_tag": "tr-TR", "native_name": "Türkçe", "dir": "ltr"},
]
LANG_CODES = [l["code"] for l in LANGUAGES]
TEXTS = {code: importlib.import_module(f"texts.{code}") for code in LANG_CODES}

# ---------------------------------------------------------------------------
# Regions
# ---------------------------------------------------------------------------
REGIONS = [
    {
        "id": 1, "slug": "landkreis-osnabrueck", "prefix": "Landkreis", "name": "Osnabrück",
        "plz": "49082", "lat": 52.28, "lon": 8.05,
        "bbox": [[7.68, 52.07], [8.48, 52.73]],
        "aliases": {
            "Bad Iburg": {"latitude": 52.1559, "longitude": 8.0459},
            "Bersenbrück": {"latitude": 52.5531, "longitude": 7.9440},
            "Georgsmarienhütte": {"latitude": 52.2025, "longitude": 8.0449},
            "Ostercappeln": {"latitude": 52.3544, "longitude": 8.2261},
        },
    },
    {
        "id": 2, "slug": "bramsche", "prefix": "Stadt", "name": "Bramsche",
        "plz": "49565", "lat": 52.4088, "lon": 7.9729,
        "bbox": [[7.86, 52.34], [8.10, 52.49]],
        "aliases": {
            "Engter": {"latitude": 52.3775, "longitude": 8.0470},
            "Hesepe": {"latitude": 52.4420, "longitude": 7.9660},
        },
    },
    {
        "id": 3, "slug": "melle", "prefix": "Stadt", "name": "Melle",
        "plz": "49324", "lat": 52.1977, "lon": 8.3389,
        "bbox": [[8.20, 52.10], [8.50, 52.30]],
        "aliases": {
            "Buer": {"latitude": 52.2480, "longitude": 8.3970},
            "Gesmold": {"latitude": 52.1600, "longitude": 8.2660},
            "Neuenkirchen": {"latitude": 52.2360, "longitude": 8.3290},
        },
    },
    {
        "id": 4, "slug": "quakenbrueck", "prefix": "Stadt", "name": "Quakenbrück",
        "plz": "49610", "lat": 52.6750, "lon": 7.9498,
        "bbox": [[7.90, 52.64], [8.00, 52.71]],
        "aliases": None,
    },
]
REGION_BY_SLUG = {r["slug"]: r for r in REGIONS}
COUNTY = "landkreis-osnabrueck"

# ---------------------------------------------------------------------------
# Pages: (key, region, id, parent key or None, order)
# ---------------------------------------------------------------------------
PAGES = [
    ("ankommen", COUNTY, 1, None, 0),
    ("anmeldung", COUNTY, 2, "ankommen", 0),
    ("auslaenderbehoerde", COUNTY, 3, "ankommen", 1),
    ("migrationszentrum", COUNTY, 4, "ankommen", 2),
    ("deutsch", COUNTY, 5, None, 1),
    ("integrationskurs", COUNTY, 6, "deutsch", 0),
    ("alphabetisierung", COUNTY, 7, "deutsch", 1),
    ("berufssprachkurse", COUNTY, 8, "deutsch", 2),
    ("arbeit", COUNTY, 9, None, 2),
    ("anerkennung", COUNTY, 10, "arbeit", 0),
    ("jobcenter", COUNTY, 11, "arbeit", 1),
    ("gesundheit", COUNTY, 12, None, 3),
    ("krankenversicherung", COUNTY, 13, "gesundheit", 0),
    ("notfall", COUNTY, 14, "gesundheit", 1),
    ("kinder", COUNTY, 15, None, 4),
    ("kita", COUNTY, 16, "kinder", 0),
    ("schule", COUNTY, 17, "kinder", 1),
    ("beratung", COUNTY, 18, None, 5),
    ("mbe", COUNTY, 19, "beratung", 0),
    ("jmd", COUNTY, 20, "beratung", 1),
    ("fluechtlingsberatung", COUNTY, 21, "beratung", 2),
    ("bsm_willkommen", "bramsche", 101, None, 0),
    ("bsm_ehrenamt", "bramsche", 102, None, 1),
    ("bsm_kita", "bramsche", 103, None, 2),
    ("mel_willkommen", "melle", 201, None, 0),
    ("mel_begegnung", "melle", 202, None, 1),
    ("mel_alltag", "melle", 203, None, 2),
    ("qbr_willkommen", "quakenbrueck", 301, None, 0),
    ("qbr_kita", "quakenbrueck", 302, None, 1),
    ("qbr_begegnung", "quakenbrueck", 303, None, 2),
]
PAGE_BY_KEY = {p[0]: p for p in PAGES}

# ---------------------------------------------------------------------------
# Place categories (names come from texts/{lang}.py)
# ---------------------------------------------------------------------------
CATEGORIES = {
    1: {"color": "#1B4F72", "icon": "advice"},
    2: {"color": "#7D3C98", "icon": "office"},
    3: {"color": "#1E8449", "icon": "education"},
    4: {"color": "#D35400", "icon": "leisure"},
    5: {"color": "#B03A2E", "icon": "help"},
}

ORG_LK = {"id": 1, "slug": "landkreis-osnabrueck", "name": "Landkreis Osnabrück",
          "logo": None, "website": "https://www.landkreis-osnabrueck.de"}
ORG_BSM = {"id": 2, "slug": "stadt-bramsche", "name": "Stadt Bramsche",
           "logo": None, "website": "https://www.bramsche.de"}
ORG_MEL = {"id": 3, "slug": "stadt-melle", "name": "Stadt Melle",
           "logo": None, "website": "https://www.melle.de"}
ORG_QBR = {"id": 4, "slug": "stadt-quakenbrueck", "name": "Stadt Quakenbrück",
           "logo": None, "website": "https://www.quakenbrueck.de"}


def hours(mo=None, tu=None, we=None, th=None, fr=None, sa=None, su=None):
    """Each day: None (closed), "09:00-12:00,14:00-16:00", or ("appt", "09:00-12:00")."""
    out = []
    for spec in (mo, tu, we, th, fr, sa, su):
        appt = False
        if isinstance(spec, tuple):
            appt, spec = True, spec[1]
        if not spec:
            out.append({"allDay": False, "closed": True, "appointmentOnly": False, "timeSlots": []})
            continue
        slots = []
        for part in spec.split(","):
            start, end = part.split("-")
            slots.append({"start": start, "end": end, "timezone": TZ_NAME})
        out.append({"allDay": False, "closed": False, "appointmentOnly": appt, "timeSlots": slots})
    return out


# Places: key -> metadata.  The place id doubles as location.id.
PLACES = {
    # --- Landkreis Osnabrück -------------------------------------------------
    "migrationszentrum": dict(
        region=COUNTY, id=501, category=1, address="Am Schölerberg 1", postcode="49082",
        town="Osnabrück", lat=52.2566, lon=8.0540, org=ORG_LK, barrier_free=True,
        website="https://www.landkreis-osnabrueck.de", email="migrationszentrum@ankommen.example",
        phone="0541 501-3100", appointment_url=None,
        opening_hours=hours(mo="08:30-12:00,13:30-16:00", tu="08:30-12:00", we="08:30-12:00",
                            th="08:30-12:00,13:30-17:00", fr="08:30-12:00"),
        contacts=[dict(key="mz", email="migrationszentrum@ankommen.example", phone="0541 501-3100",
                       mobile=None, website="https://www.landkreis-osnabrueck.de")],
    ),
    "auslaenderbehoerde": dict(
        region=COUNTY, id=502, category=2, address="Am Schölerberg 1", postcode="49082",
        town="Osnabrück", lat=52.2568, lon=8.0545, org=ORG_LK, barrier_free=True,
        website="https://www.landkreis-osnabrueck.de", email="auslaenderbehoerde@ankommen.example",
        phone="0541 501-3200", appointment_url=f"{BASE}/termine/auslaenderbehoerde/",
        opening_hours=hours(mo=("appt", "08:00-12:00"), tu=("appt", "08:00-12:00"),
                            th=("appt", "08:00-12:00,14:00-17:00"), fr=("appt", "08:00-12:00")),
        contacts=[dict(key="abh", email="auslaenderbehoerde@ankommen.example", phone="0541 501-3200",
                       mobile=None, website=None)],
    ),
    "iq": dict(
        region=COUNTY, id=503, category=1, address="Am Schölerberg 1", postcode="49082",
        town="Osnabrück", lat=52.2564, lon=8.0537, org=None, barrier_free=True,
        website="https://www.netzwerk-iq.de", email="anerkennung@ankommen.example",
        phone="0541 501-3150", appointment_url=None,
        opening_hours=hours(tu=("appt", "09:00-13:00"), th=("appt", "13:00-17:00")),
        contacts=[dict(key="iq", email="anerkennung@ankommen.example", phone="0541 501-3150",
                       mobile="0151 00000150", website="https://www.anerkennung-in-deutschland.de")],
    ),
    "jmd": dict(
        region=COUNTY, id=504, category=1, address="Bahnhofstraße 5", postcode="49593",
        town="Bersenbrück", lat=52.5540, lon=7.9452, org=None, barrier_free=False,
        website="https://www.jugendmigrationsdienste.de", email="jmd-nord@ankommen.example",
        phone="05439 000-40", appointment_url=None,
        opening_hours=hours(mo="09:00-12:00", tu="09:00-12:00", we="09:00-12:00,14:00-17:00",
                            th="09:00-12:00"),
        contacts=[],
    ),
    # --- Bramsche -------------------------------------------------------------
    "bsm_rathaus": dict(
        region="bramsche", id=511, category=2, address="Hasestraße 11", postcode="49565",
        town="Bramsche", lat=52.4086, lon=7.9735, org=ORG_BSM, barrier_free=True,
        website="https://www.bramsche.de", email="buergerbuero@bramsche.ankommen.example",
        phone="05461 83-0", appointment_url=None,
        opening_hours=hours(mo="08:00-12:00", tu="08:00-12:00", we="08:00-12:00",
                            th="08:00-12:00,14:00-18:00", fr="08:00-12:00"),
        contacts=[],
    ),
    "bsm_familienzentrum": dict(
        region="bramsche", id=512, category=4, address="Maschstraße 8", postcode="49565",
        town="Bramsche", lat=52.4071, lon=7.9768, org=None, barrier_free=True,
        website=None, email="familienzentrum@bramsche.ankommen.example",
        phone="05461 000-512", appointment_url=None,
        opening_hours=hours(mo="09:00-12:00", tu="09:00-12:00,14:00-17:00",
                            we="09:00-12:00,14:00-18:00", th="09:00-12:00,14:00-17:00",
                            fr="09:00-12:00"),
        contacts=[],
    ),
    "bsm_tafel": dict(
        region="bramsche", id=513, category=5, address="Gartenstraße 20", postcode="49565",
        town="Bramsche", lat=52.4112, lon=7.9701, org=None, barrier_free=False,
        website="https://www.tafel.de", email=None, phone="05461 000-513", appointment_url=None,
        opening_hours=hours(tu="14:00-16:00", fr="10:00-12:00"),
        contacts=[],
    ),
    "bsm_beratung": dict(
        region="bramsche", id=514, category=1, address="Lindenstraße 3", postcode="49565",
        town="Bramsche", lat=52.4095, lon=7.9752, org=None, barrier_free=True,
        website=None, email="migrationsberatung@bramsche.ankommen.example",
        phone="05461 000-514", appointment_url=None,
        opening_hours=hours(mo="09:00-12:00", tu=("appt", "09:00-12:00"),
                            th=("appt", "13:00-16:00")),
        contacts=[],
    ),
    # --- Melle ----------------------------------------------------------------
    "mel_buergerbuero": dict(
        region="melle", id=521, category=2, address="Markt 22", postcode="49324",
        town="Melle", lat=52.2030, lon=8.3381, org=ORG_MEL, barrier_free=True,
        website="https://www.melle.de", email="buergerbuero@melle.ankommen.example",
        phone="05422 965-0", appointment_url=f"{BASE}/termine/melle-buergerbuero/",
        opening_hours=hours(mo="08:00-12:30", tu="08:00-12:30,14:00-16:00", we="08:00-12:30",
                            th="08:00-12:30,14:00-18:00", fr="08:00-12:30"),
        contacts=[],
    ),
    "mel_stadtteilzentrum": dict(
        region="melle", id=522, category=4, address="Weststraße 14", postcode="49324",
        town="Melle", lat=52.2012, lon=8.3322, org=None, barrier_free=True,
        website=None, email="stadtteilzentrum@melle.ankommen.example",
        phone="05422 000-522", appointment_url=None,
        opening_hours=hours(mo="10:00-17:00", tu="10:00-17:00", we="10:00-17:00",
                            th="10:00-17:00", fr="10:00-17:00"),
        contacts=[],
    ),
    "mel_tafel": dict(
        region="melle", id=523, category=5, address="Gesmolder Straße 40", postcode="49324",
        town="Melle", lat=52.1948, lon=8.3290, org=None, barrier_free=True,
        website="https://www.tafel.de", email=None, phone="05422 000-523", appointment_url=None,
        opening_hours=hours(tu="14:00-17:00", fr="09:00-12:00"),
        contacts=[],
    ),
    "mel_beratung": dict(
        region="melle", id=524, category=1, address="Haferstraße 6", postcode="49324",
        town="Melle", lat=52.2001, lon=8.3415, org=None, barrier_free=False,
        website=None, email="migrationsberatung@melle.ankommen.example",
        phone="05422 000-524", appointment_url=None,
        opening_hours=hours(mo=("appt", "09:00-15:00"), tu="09:00-12:00",
                            we=("appt", "09:00-15:00"), th=("appt", "13:00-17:00")),
        contacts=[],
    ),
    # --- Quakenbrück ----------------------------------------------------------
    "qbr_rathaus": dict(
        region="quakenbrueck", id=531, category=2, address="Markt 1", postcode="49610",
        town="Quakenbrück", lat=52.6762, lon=7.9491, org=ORG_QBR, barrier_free=True,
        website="https://www.quakenbrueck.de", email="buergerbuero@quakenbrueck.ankommen.example",
        phone="05431 182-0", appointment_url=None,
        opening_hours=hours(mo="08:30-12:00", tu="08:30-12:00", we="08:30-12:00",
                            th="08:30-12:00,14:00-17:30", fr="08:30-12:00"),
        contacts=[],
    ),
    "qbr_bibliothek": dict(
        region="quakenbrueck", id=532, category=3, address="Lange Straße 30", postcode="49610",
        town="Quakenbrück", lat=52.6744, lon=7.9510, org=None, barrier_free=True,
        website=None, email="bibliothek@quakenbrueck.ankommen.example",
        phone="05431 000-532", appointment_url=None,
        opening_hours=hours(mo="14:00-18:00", tu="10:00-13:00", we="14:00-18:00",
                            th="10:00-13:00,14:00-18:00", fr="10:00-13:00", sa="10:00-12:00"),
        contacts=[],
    ),
    "qbr_tafel": dict(
        region="quakenbrueck", id=533, category=5, address="Bahnhofstraße 18", postcode="49610",
        town="Quakenbrück", lat=52.6718, lon=7.9462, org=None, barrier_free=True,
        website="https://www.tafel.de", email=None, phone="05431 000-533", appointment_url=None,
        opening_hours=hours(tu="14:00-16:00", fr="14:00-16:00"),
        contacts=[],
    ),
    "qbr_fluechtlingssozialarbeit": dict(
        region="quakenbrueck", id=534, category=1, address="Hasestraße 2", postcode="49610",
        town="Quakenbrück", lat=52.6770, lon=7.9530, org=None, barrier_free=False,
        website=None, email="fluechtlingssozialarbeit@quakenbrueck.ankommen.example",
        phone="05431 000-534", appointment_url=None,
        opening_hours=hours(mo="09:00-12:00", we="13:00-16:00"),
        contacts=[],
    ),
}

# ---------------------------------------------------------------------------
# Events (served with combine_recurring=True: one object per series)
#   start/end are local Europe/Berlin wall-clock times of the first occurrence.
#   rrule is the RRULE part; DTSTART (UTC, like Integreat) is derived from start.
# ---------------------------------------------------------------------------
EVENTS = {
    "infoabend_ik": dict(region=COUNTY, id=801, place="migrationszentrum",
                         start="2027-01-20 18:00", end="2027-01-20 19:30"),
    "online_anerkennung": dict(region=COUNTY, id=802, place=None,
                               start="2027-02-10 17:00", end="2027-02-10 18:30",
                               meeting_url="https://meet.ankommen.example/iq-anerkennung-2027-02"),
    "jobmesse": dict(region=COUNTY, id=803, place="migrationszentrum",
                     start="2027-03-18 10:00", end="2027-03-18 15:00"),
    "gesundheit_info": dict(region=COUNTY, id=804, place="migrationszentrum",
                            start="2027-04-21 17:00", end="2027-04-21 19:00"),
    "bsm_sprachcafe": dict(region="bramsche", id=811, place="bsm_familienzentrum",
                           start="2026-12-02 16:00", end="2026-12-02 18:00",
                           rrule="FREQ=WEEKLY;BYDAY=WE", recurrence_id=1),
    "bsm_lotsen": dict(region="bramsche", id=812, place="bsm_rathaus",
                       start="2026-12-01 10:00", end="2026-12-01 12:00",
                       rrule="FREQ=MONTHLY;BYDAY=1TU", recurrence_id=2),
    "bsm_fest": dict(region="bramsche", id=813, place="bsm_familienzentrum",
                     start="2027-05-22 00:00", end="2027-05-22 23:59:59", all_day=True),
    "mel_sprachcafe": dict(region="melle", id=821, place="mel_stadtteilzentrum",
                           start="2026-12-04 15:00", end="2026-12-04 17:00",
                           rrule="FREQ=WEEKLY;BYDAY=FR", recurrence_id=3),
    "mel_fruehstueck": dict(region="melle", id=822, place="mel_stadtteilzentrum",
                            start="2026-12-12 10:00", end="2026-12-12 12:00",
                            rrule="FREQ=MONTHLY;BYDAY=2SA", recurrence_id=4),
    "mel_bewerbung": dict(region="melle", id=823, place="mel_beratung",
                          start="2027-03-04 17:00", end="2027-03-04 19:00"),
    "qbr_elternabend": dict(region="quakenbrueck", id=831, place="qbr_rathaus",
                            start="2027-02-24 18:30", end="2027-02-24 20:00"),
    "qbr_hausaufgaben": dict(region="quakenbrueck", id=832, place="qbr_bibliothek",
                             start="2026-12-03 15:00", end="2026-12-03 16:30",
                             rrule="FREQ=WEEKLY;UNTIL=20270624T235959;BYDAY=MO,TH",
                             recurrence_id=5),
    "qbr_kita_info": dict(region="quakenbrueck", id=833, place="qbr_rathaus",
                          start="2027-01-13 18:00", end="2027-01-13 19:30"),
}


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------
def stamp(item_id, lang_idx):
    """Deterministic 'last edited' time in November 2026; translations after the source."""
    day = 2 + (item_id * 7) % 18
    if lang_idx:
        day += 1 + (lang_idx + item_id) % 6
    hour = 8 + (item_id * 5 + lang_idx * 3) % 9
    minute = (item_id * 13 + lang_idx * 7) % 60
    local = datetime(2026, 11, day, hour, minute, tzinfo=TZ)
    last_updated = local.isoformat(timespec="microseconds")
    modified_gmt = local.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
    return last_updated, modified_gmt


def local_dt(s):
    fmt = "%Y-%m-%d %H:%M:%S" if s.count(":") == 2 else "%Y-%m-%d %H:%M"
    return datetime.strptime(s, fmt).replace(tzinfo=TZ)


_TAG = re.compile(r"<[^>]+>")
_BLOCK = re.compile(r"</?(p|li|ul|h2|br)\b[^>]*>")
_SENT = re.compile(r"(?<=[^\d\s][.!?؟])\s+")


def plain_text(content):
    text = _BLOCK.sub(" ", content)
    text = _TAG.sub("", text)
    text = html.unescape(text)
    return re.sub(r"\s+", " ", text).strip()


def excerpt_of(content, limit=200):
    text = plain_text(content)
    sentences = _SENT.split(text)
    out = ""
    for s in sentences:
        candidate = (out + " " + s).strip()
        if len(candidate) > limit:
            break
        out = candidate
    if not out:  # first sentence alone is too long: cut at a word boundary
        cut = text[: limit - 1]
        out = cut[: cut.rfind(" ")].rstrip(",;:") + "…"
    return out


def region_name(r):
    return f"{r['prefix']} {r['name']}"


def page_path(key, lang):
    """Hierarchical path: /{region}/{lang}/{ancestor slugs…}/{slug}/"""
    k, region, _pid, parent, _order = PAGE_BY_KEY[key]
    slugs = []
    while k is not None:
        slugs.append(TEXTS[lang].PAGES[k][0])
        k = PAGE_BY_KEY[k][3]
    return f"/{region}/{lang}/" + "/".join(reversed(slugs)) + "/"


def event_path(key, lang):
    return f"/{EVENTS[key]['region']}/{lang}/events/{TEXTS[lang].EVENTS[key][0]}/"


def place_path(key, lang):
    return f"/{PLACES[key]['region']}/{lang}/locations/{TEXTS[lang].PLACES[key][0]}/"


def fill(content, lang):
    """Resolve {page:KEY} placeholders to the URL of that page in the same language."""
    return re.sub(r"\{page:(\w+)\}", lambda m: BASE + page_path(m.group(1), lang), content)


def available(lang, item_id, path_fn, key):
    return {
        other: {"id": item_id, "url": BASE + path_fn(key, other), "path": path_fn(key, other)}
        for other in LANG_CODES if other != lang
    }


def location_obj(key, lang):
    if key is None:
        return {k: None for k in ("id", "name", "address", "town", "state", "postcode",
                                  "region", "country", "latitude", "longitude")}
    p = PLACES[key]
    return {
        "id": p["id"],
        "name": TEXTS[lang].PLACES[key][1],
        "address": p["address"],
        "town": p["town"],
        "state": "Niedersachsen",
        "postcode": p["postcode"],
        "region": "Landkreis Osnabrück",
        "country": "Deutschland",
        "latitude": p["lat"],
        "longitude": p["lon"],
    }


# ---------------------------------------------------------------------------
# Builders
# ---------------------------------------------------------------------------
def build_region(r):
    return {
        "id": r["id"],
        "name": region_name(r),
        "path": r["slug"],
        "live": True,
        "prefix": r["prefix"],
        "name_without_prefix": r["name"],
        "plz": r["plz"],
        "extras": False,
        "events": True,
        "pois": True,
        "push_notifications": False,
        "longitude": r["lon"],
        "latitude": r["lat"],
        "bounding_box": r["bbox"],
        "aliases": r["aliases"],
        "tunews": False,
        "external_news": False,
        "zammad_privacy_policy": None,
        "languages": [dict(l) for l in LANGUAGES],
        "is_chat_enabled": False,
    }


def build_pages(region, lang, li):
    out = []
    for key, reg, pid, parent, order in PAGES:
        if reg != region:
            continue
        slug, title, content = TEXTS[lang].PAGES[key]
        content = fill(content.strip(), lang)
        path = page_path(key, lang)
        lu, gmt = stamp(pid, li)
        if parent is None:
            parent_obj = {"id": 0, "url": None, "path": None}
        else:
            pp = page_path(parent, lang)
            parent_obj = {"id": PAGE_BY_KEY[parent][2], "url": BASE + pp, "path": pp}
        out.append({
            "id": pid,
            "url": BASE + path,
            "path": path,
            "title": title,
            "modified_gmt": gmt,
            "last_updated": lu,
            "excerpt": excerpt_of(content),
            "content": content,
            "parent": parent_obj,
            "order": order,
            "available_languages": available(lang, pid, page_path, key),
            "thumbnail": None,
            "organization": None,
            "hash": None,
            "embedded_offers": [],
        })
    return out


def build_events(region, lang, li):
    out = []
    for key, e in EVENTS.items():
        if e["region"] != region:
            continue
        slug, title, content = TEXTS[lang].EVENTS[key]
        content = fill(content.strip(), lang)
        path = event_path(key, lang)
        lu, gmt = stamp(e["id"], li)
        start, end = local_dt(e["start"]), local_dt(e["end"])
        rrule = None
        if e.get("rrule"):
            dtstart = start.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%S")
            rrule = f"DTSTART:{dtstart}\nRRULE:{e['rrule']}"
        out.append({
            "id": e["id"],
            "url": BASE + path,
            "path": path,
            "title": title,
            "modified_gmt": gmt,
            "last_updated": lu,
            "excerpt": excerpt_of(content),
            "content": content,
            "available_languages": available(lang, e["id"], event_path, key),
            "thumbnail": None,
            "location": location_obj(e["place"], lang),
            "location_path": place_path(e["place"], lang) if e["place"] else None,
            "meeting_url": e.get("meeting_url"),
            "event": {
                "id": e["id"],
                "start": start.isoformat(),
                "start_date": start.date().isoformat(),
                "start_time": start.strftime("%H:%M:%S"),
                "end": end.isoformat(),
                "end_date": end.date().isoformat(),
                "end_time": end.strftime("%H:%M:%S"),
                "all_day": bool(e.get("all_day", False)),
                "only_weekdays": False,
                "recurrence_id": e.get("recurrence_id"),
                "timezone": TZ_NAME,
            },
            "hash": None,
            "recurrence_rule": rrule,
        })
    return out


def build_places(region, lang, li):
    t = TEXTS[lang]
    out = []
    for key, p in PLACES.items():
        if p["region"] != region:
            continue
        slug, title, content = t.PLACES[key]
        content = fill(content.strip(), lang)
        path = place_path(key, lang)
        lu, gmt = stamp(p["id"], li)
        excerpt = excerpt_of(content)
        cat = CATEGORIES[p["category"]]
        contacts = []
        for c in p["contacts"]:
            name, area = t.CONTACTS[c["key"]]
            contacts.append({
                "name": name,
                "area_of_responsibility": area,
                "email": c["email"],
                "phone_number": c["phone"],
                "mobile_number": c["mobile"],
                "website": c["website"],
                "opening_hours": None,
                "appointment_url": p["appointment_url"],
            })
        out.append({
            "id": p["id"],
            "url": BASE + path,
            "path": path,
            "title": title,
            "modified_gmt": gmt,
            "last_updated": lu,
            "published_at": stamp(p["id"], 0)[0],
            "meta_description": excerpt,
            "excerpt": excerpt,
            "content": content,
            "available_languages": available(lang, p["id"], place_path, key),
            "icon": None,
            "thumbnail": None,
            "website": p["website"],
            "email": p["email"],
            "phone_number": p["phone"],
            "contacts": contacts,
            "category": {
                "id": p["category"],
                "name": t.CATEGORIES[p["category"]],
                "color": cat["color"],
                "icon": cat["icon"],
                "icon_url": f"{BASE}/static/svg/poi-category-icons/{cat['icon']}.svg",
            },
            "temporarily_closed": False,
            "opening_hours": p["opening_hours"],
            "appointment_url": p["appointment_url"],
            "location": location_obj(key, lang),
            "hash": None,
            "organization": p["org"],
            "barrier_free": p["barrier_free"],
        })
    return out


# Imprint per region (publisher) and language (wording). The legally binding version is
# the German one; the translations say so.
PUBLISHERS = {
    "landkreis-osnabrueck": ("Landkreis Osnabrück, Migrationszentrum", "Am Schölerberg 1", "49082 Osnabrück", "0541 501-0", "migrationszentrum@ankommen.example"),
    "bramsche": ("Stadt Bramsche", "Hasestraße 11", "49565 Bramsche", "05461 83-0", "integration@bramsche.ankommen.example"),
    "melle": ("Stadt Melle", "Markt 22", "49324 Melle", "05422 965-0", "integration@melle.ankommen.example"),
    "quakenbrueck": ("Stadt Quakenbrück", "Markt 1", "49610 Quakenbrück", "05431 182-0", "integration@quakenbrueck.ankommen.example"),
}

IMPRINT_WORDS = {
    "de": ("Impressum", "Herausgeber", "Telefon", "E-Mail", "Verantwortlich für den Inhalt ist der Herausgeber. Die Informationen werden sorgfältig geprüft; bei Fragen wenden Sie sich bitte an die Beratung.", ""),
    "en": ("Imprint", "Publisher", "Phone", "Email", "The publisher is responsible for the content. The information is checked carefully; if you have questions, please contact the counselling service.", "The German version of this imprint is legally binding."),
    "ar": ("بيانات الناشر", "الناشر", "الهاتف", "البريد الإلكتروني", "الناشر مسؤول عن المحتوى. يتم التحقق من المعلومات بعناية؛ إذا كانت لديك أسئلة فتواصل مع خدمة الاستشارة.", "النسخة الألمانية من هذه البيانات هي الملزمة قانونيًا."),
    "fa": ("شناسنامه", "ناشر", "تلفن", "ایمیل", "مسئولیت محتوا با ناشر است. اطلاعات با دقت بررسی می‌شوند؛ اگر سؤالی دارید با مرکز مشاوره تماس بگیرید.", "نسخهٔ آلمانی این شناسنامه از نظر حقوقی معتبر است."),
    "uk": ("Вихідні дані", "Видавець", "Телефон", "Ел. пошта", "За зміст відповідає видавець. Інформацію ретельно перевіряють; якщо у вас є питання, зверніться до консультації.", "Юридично обов'язковою є німецька версія цих вихідних даних."),
    "ru": ("Выходные данные", "Издатель", "Телефон", "Эл. почта", "За содержание отвечает издатель. Информация тщательно проверяется; если у вас есть вопросы, обратитесь в консультацию.", "Юридически обязательной является немецкая версия этих выходных данных."),
    "tr": ("Künye", "Yayıncı", "Telefon", "E-posta", "İçerikten yayıncı sorumludur. Bilgiler özenle kontrol edilir; sorularınız için lütfen danışmanlık hizmetine başvurun.", "Bu künyenin Almanca sürümü hukuken bağlayıcıdır."),
}


def build_imprint(region, lang, li):
    r = REGION_BY_SLUG[region]
    name, street, town, phone, email = PUBLISHERS[region]
    title, publisher, phone_w, email_w, responsible, binding = IMPRINT_WORDS[lang]
    content = (
        f"<h2>{publisher}</h2>\n<p>{name}<br>{street}<br>{town}</p>\n"
        f"<p>{phone_w}: {phone}<br>{email_w}: <a href=\"mailto:{email}\">{email}</a></p>\n"
        f"<p>{responsible}</p>" + (f"\n<p>{binding}</p>" if binding else "")
    )
    iid = 900 + r["id"]
    last_updated, modified_gmt = stamp(iid, li)
    path = lambda code: f"/{region}/{code}/disclaimer/"
    return {
        "id": iid * 10 + li,
        "url": BASE + path(lang),
        "path": path(lang),
        "title": title,
        "modified_gmt": modified_gmt,
        "last_updated": last_updated,
        "excerpt": excerpt_of(content),
        "content": content,
        "parent": None,
        "available_languages": {
            code: {"id": iid * 10 + i, "url": BASE + path(code), "path": path(code)}
            for i, code in enumerate(LANG_CODES) if code != lang
        },
        "thumbnail": None,
        "hash": None,
    }


def write_json(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=2)
        f.write("\n")


def check_texts():
    ref = TEXTS["de"]
    for code, mod in TEXTS.items():
        for name in ("PAGES", "EVENTS", "PLACES", "CATEGORIES", "CONTACTS"):
            a, b = set(getattr(ref, name)), set(getattr(mod, name))
            if a != b:
                raise SystemExit(f"texts/{code}.py {name}: missing {sorted(a - b)}, extra {sorted(b - a)}")
    assert set(PAGE_BY_KEY) == set(ref.PAGES)
    assert set(EVENTS) == set(ref.EVENTS)
    assert set(PLACES) == set(ref.PLACES)


def main(outdir):
    check_texts()
    write_json(os.path.join(outdir, "regions.json"), [build_region(r) for r in REGIONS])
    for r in REGIONS:
        for li, lang in enumerate(LANG_CODES):
            d = os.path.join(outdir, r["slug"], lang)
            write_json(os.path.join(d, "pages.json"), build_pages(r["slug"], lang, li))
            # Listed by start, as the API serves them.
            events = sorted(build_events(r["slug"], lang, li), key=lambda e: (e["event"]["start"][:19], e["id"]))
            write_json(os.path.join(d, "events.json"), events)
            write_json(os.path.join(d, "locations.json"), build_places(r["slug"], lang, li))
            write_json(os.path.join(d, "imprint.json"), build_imprint(r["slug"], lang, li))
    # Our addition to the Integreat shapes: towns show the county's pages too.
    write_json(os.path.join(outdir, "ankommen.json"), {"parent_regions": {
        r["slug"]: "landkreis-osnabrueck" for r in REGIONS if r["slug"] != "landkreis-osnabrueck"
    }})


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else HERE)
