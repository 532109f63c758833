#!/usr/bin/env python3
"""Check the generated demo portal (run after generate.py):  python3 -B validate.py [DIR]

Checks: every file parses; ids unique per file; parents exist; every
available_languages entry points to an existing item path in that language;
7 opening-hours entries per place; same item counts in every language of a
region; url == base + path; slugs are clean; excerpts are plain and <= 200
characters; only simple HTML; RRULE DTSTART equals the event start in UTC;
event places exist; translations differ from the German source.
"""

import json
import os
import re
import sys
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = sys.argv[1] if len(sys.argv) > 1 else HERE
BASE = "https://ankommen.example"
ALLOWED_TAGS = {"p", "ul", "li", "h2", "strong", "a"}
SLUG = re.compile(r"^[\w\u02bc-]+$")  # Unicode letters/digits, hyphen, Ukrainian apostrophe
errors = []


def err(msg):
    errors.append(msg)


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except Exception as e:  # noqa: BLE001
        err(f"{path}: does not parse: {e}")
        return None


def check_common(fname, items, kind):
    ids = [i["id"] for i in items]
    if len(ids) != len(set(ids)):
        err(f"{fname}: duplicate ids")
    for it in items:
        where = f"{fname} id={it['id']}"
        if it["url"] != BASE + it["path"]:
            err(f"{where}: url != base + path")
        for seg in it["path"].strip("/").split("/")[2:]:
            if not SLUG.match(seg):
                err(f"{where}: bad slug segment {seg!r}")
        ex = it["excerpt"]
        if not ex or len(ex) > 200 or "<" in ex:
            err(f"{where}: bad excerpt ({len(ex)} chars)")
        for tag in re.findall(r"</?([a-zA-Z0-9]+)", it["content"]):
            if tag not in ALLOWED_TAGS:
                err(f"{where}: tag <{tag}> not allowed")
        for href in re.findall(r'href="([^"]*)"', it["content"]):
            if not href.startswith("https://"):
                err(f"{where}: href {href!r}")
        if "{page:" in it["content"]:
            err(f"{where}: unresolved placeholder")
        datetime.fromisoformat(it["last_updated"])
        datetime.strptime(it["modified_gmt"], "%Y-%m-%d %H:%M:%S")


def main():
    regions = load(os.path.join(ROOT, "regions.json"))
    if regions is None:
        sys.exit(1)
    nfiles = 1
    report = []
    # paths[(region, kind, lang)] = {path: id}
    paths, data = {}, {}
    for r in regions:
        codes = [l["code"] for l in r["languages"]]
        for l in r["languages"]:
            want = "rtl" if l["code"] in ("ar", "fa") else "ltr"
            if l["dir"] != want:
                err(f"regions.json {r['path']}: {l['code']} dir {l['dir']}")
        for lang in codes:
            for kind in ("pages", "events", "locations"):
                fname = os.path.join(ROOT, r["path"], lang, f"{kind}.json")
                items = load(fname)
                nfiles += 1
                if items is None:
                    continue
                data[(r["path"], kind, lang)] = items
                paths[(r["path"], kind, lang)] = {i["path"]: i["id"] for i in items}
                if len(paths[(r["path"], kind, lang)]) != len(items):
                    err(f"{fname}: duplicate paths")
                check_common(fname, items, kind)
    for (region, kind, lang), items in data.items():
        fname = f"{region}/{lang}/{kind}.json"
        de_items = {i["id"]: i for i in data[(region, kind, "de")]}
        if len(items) != len(de_items):
            err(f"{fname}: {len(items)} items, de has {len(de_items)}")
        for it in items:
            where = f"{fname} id={it['id']}"
            for other, ref in it["available_languages"].items():
                if other == lang:
                    err(f"{where}: lists its own language")
                if paths.get((region, kind, other), {}).get(ref["path"]) != ref["id"]:
                    err(f"{where}: available_languages[{other}] -> missing {ref['path']}")
                if ref["url"] != BASE + ref["path"]:
                    err(f"{where}: available_languages[{other}] url mismatch")
            if len(it["available_languages"]) != 6:
                err(f"{where}: {len(it['available_languages'])} other languages")
            if lang != "de":
                src = de_items[it["id"]]
                if it["content"] == src["content"]:
                    err(f"{where}: content identical to German")
            if kind == "pages":
                p = it["parent"]
                if p["id"] == 0:
                    if p["url"] is not None or p["path"] is not None:
                        err(f"{where}: root parent not null")
                else:
                    if paths[(region, kind, lang)].get(p["path"]) != p["id"]:
                        err(f"{where}: parent {p} missing")
                    if not it["path"].startswith(p["path"]):
                        err(f"{where}: path not below parent")
            if kind == "locations":
                oh = it["opening_hours"]
                if not isinstance(oh, list) or len(oh) != 7:
                    err(f"{where}: opening_hours must have 7 entries")
                else:
                    for day in oh:
                        if set(day) != {"allDay", "closed", "appointmentOnly", "timeSlots"}:
                            err(f"{where}: opening_hours keys {sorted(day)}")
                        if day["closed"] and day["timeSlots"]:
                            err(f"{where}: closed day with slots")
                        for s in day["timeSlots"]:
                            if not (re.match(r"^\d\d:\d\d$", s["start"]) and s["start"] < s["end"]):
                                err(f"{where}: bad slot {s}")
                if it["location"]["id"] != it["id"]:
                    err(f"{where}: location.id != id")
            if kind == "events":
                ev = it["event"]
                start = datetime.fromisoformat(ev["start"])
                end = datetime.fromisoformat(ev["end"])
                if end <= start:
                    err(f"{where}: end before start")
                if not (datetime(2026, 12, 1, tzinfo=timezone.utc) <= start
                        < datetime(2027, 6, 1, tzinfo=timezone.utc)):
                    err(f"{where}: start {start} outside Dec 2026 - May 2027")
                rr = it["recurrence_rule"]
                if rr:
                    m = re.match(r"^DTSTART:(\d{8}T\d{6})\nRRULE:FREQ=\w+", rr)
                    want = start.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%S")
                    if not m or m.group(1) != want:
                        err(f"{where}: recurrence_rule {rr!r} (DTSTART should be {want})")
                    if ev["recurrence_id"] is None:
                        err(f"{where}: recurring without recurrence_id")
                lp = it["location_path"]
                if lp is None:
                    if not it["meeting_url"] or it["location"]["id"] is not None:
                        err(f"{where}: no place and no meeting_url")
                elif paths[(region, "locations", lang)].get(lp) != it["location"]["id"]:
                    err(f"{where}: location_path {lp} missing")
    for r in regions:
        counts = {k: len(data[(r["path"], k, "de")]) for k in ("pages", "events", "locations")}
        report.append(f"{r['path']}: {counts['pages']} pages, {counts['events']} events, "
                      f"{counts['locations']} places (x{len(r['languages'])} languages)")
    size = sum(os.path.getsize(os.path.join(d, f))
               for d, _, fs in os.walk(ROOT) for f in fs if f.endswith(".json"))
    print(f"{nfiles} JSON files, {size / 1024:.0f} KB")
    print("\n".join(report))
    if errors:
        print(f"{len(errors)} ERRORS:")
        print("\n".join(errors[:50]))
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
