//! iCalendar (RFC 5545) text of events: one event ([`to_ical`]) or a feed ([`to_ical_feed`]),
//! each a `VCALENDAR` with the Europe/Berlin `VTIMEZONE` and times as
//! `DTSTART;TZID=Europe/Berlin:…`. Text values are escaped, lines folded at 75 octets and
//! ended with CRLF. A small parser ([`parse_properties`], [`parse_vevents`]) reads such text
//! back so tests (and the subscribe-URL check) can assert round trips.

use time::{Date, Duration, OffsetDateTime, PrimitiveDateTime, UtcOffset};

use super::berlin::TZID;
use super::event::Event;
use crate::validate::FieldError;

/// Our `PRODID`.
pub const PRODID: &str = "-//ankommen//Portal//DE";
/// Longest line in octets, without the CRLF (RFC 5545 §3.1).
pub const LINE_MAX: usize = 75;

/// The `VTIMEZONE` of Europe/Berlin with the EU rules, one property per line.
pub const VTIMEZONE_BERLIN: [&str; 18] = [
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Berlin",
    "X-LIC-LOCATION:Europe/Berlin",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// Escapes a TEXT value: `\` `;` `,` and line breaks (RFC 5545 §3.3.11); other control
/// characters are dropped.
pub fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let normalised = value.replace("\r\n", "\n").replace('\r', "\n");
    for c in normalised.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Reverses [`escape_text`] (`\N` is read as a line break too).
pub fn unescape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// Folds one content line to at most [`LINE_MAX`] octets per physical line (continuations
/// start with a space), never inside a UTF-8 character, each ended with CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > LINE_MAX {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

/// Splits text into content lines, joining folded continuations (CRLF or LF line ends).
pub fn unfold(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for raw in text.split('\n') {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        match (raw.strip_prefix([' ', '\t']), lines.last_mut()) {
            (Some(rest), Some(last)) => last.push_str(rest),
            _ if raw.is_empty() => {}
            _ => lines.push(raw.to_owned()),
        }
    }
    lines
}

fn date_text(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), u8::from(d.month()), d.day())
}

fn date_time_text(t: PrimitiveDateTime) -> String {
    format!(
        "{}T{:02}{:02}{:02}",
        date_text(t.date()),
        t.hour(),
        t.minute(),
        t.second()
    )
}

fn utc_text(instant: OffsetDateTime) -> String {
    let utc = instant.checked_to_offset(UtcOffset::UTC).unwrap_or(instant);
    format!(
        "{}Z",
        date_time_text(PrimitiveDateTime::new(utc.date(), utc.time()))
    )
}

/// The content lines of one `VEVENT`.
fn vevent_lines(event: &Event, uid: &str, stamp: OffsetDateTime) -> Vec<String> {
    let mut lines = vec![
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}", escape_text(uid)),
        format!("DTSTAMP:{}", utc_text(stamp)),
    ];
    if event.all_day {
        // DTEND of a date is exclusive: the day after the last day.
        let last = event.end.date();
        let after = last.checked_add(Duration::days(1)).unwrap_or(last);
        lines.push(format!(
            "DTSTART;VALUE=DATE:{}",
            date_text(event.start.date())
        ));
        lines.push(format!("DTEND;VALUE=DATE:{}", date_text(after)));
    } else {
        lines.push(format!(
            "DTSTART;TZID={TZID}:{}",
            date_time_text(event.start)
        ));
        lines.push(format!("DTEND;TZID={TZID}:{}", date_time_text(event.end)));
    }
    if let Some(rule) = &event.rrule {
        lines.push(format!("RRULE:{}", rule.to_ical_value(event.all_day)));
    }
    lines.push(format!("SUMMARY:{}", escape_text(&event.title)));
    if let Some(d) = &event.description {
        lines.push(format!("DESCRIPTION:{}", escape_text(d)));
    }
    if let Some(l) = &event.location {
        lines.push(format!("LOCATION:{}", escape_text(l)));
    }
    if let Some(u) = &event.meeting_url {
        // A URI value, not TEXT: not escaped (validation rules out white space).
        lines.push(format!("URL:{u}"));
    }
    lines.push("END:VEVENT".to_owned());
    lines
}

fn calendar(name: Option<&str>, events: &[(&Event, &str)], stamp: OffsetDateTime) -> String {
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        format!("PRODID:{PRODID}"),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
    ];
    if let Some(name) = name {
        lines.push(format!("X-WR-CALNAME:{}", escape_text(name)));
        lines.push(format!("X-WR-TIMEZONE:{TZID}"));
    }
    lines.extend(VTIMEZONE_BERLIN.iter().map(|l| (*l).to_owned()));
    for (event, uid) in events {
        lines.extend(vevent_lines(event, uid, stamp));
    }
    lines.push("END:VCALENDAR".into());
    lines.iter().map(|l| fold(l)).collect()
}

/// A calendar with one event: `uid` must be globally unique and stable (e.g.
/// `event-42@landkreis.example`), `stamp` is when the text was made (`DTSTAMP`).
pub fn to_ical(event: &Event, uid: &str, stamp: OffsetDateTime) -> String {
    calendar(None, &[(event, uid)], stamp)
}

/// A subscribable feed: the events with their uids, named `name` in calendar apps.
pub fn to_ical_feed(name: &str, events: &[(&Event, &str)], stamp: OffsetDateTime) -> String {
    calendar(Some(name), events, stamp)
}

/// One content line: name, parameters and raw (still escaped) value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Property {
    /// Upper case.
    pub name: String,
    /// Parameter names upper case, values without quotes.
    pub params: Vec<(String, String)>,
    /// Raw value, still escaped.
    pub value: String,
}

impl Property {
    /// The value of parameter `name` (case-insensitive).
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The value read as TEXT (unescaped).
    pub fn text(&self) -> String {
        unescape_text(&self.value)
    }
}

fn malformed(line: &str) -> FieldError {
    FieldError::new(
        "ical",
        "ical_malformed_line",
        format!(
            "„{}“ is not a content line NAME[;PARAM=…]:VALUE",
            line.chars().take(40).collect::<String>()
        ),
    )
}

/// Splits at the first `sep` outside double quotes.
fn split_unquoted(text: &str, sep: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut quoted, mut begin) = (false, 0);
    for (i, c) in text.char_indices() {
        if c == '"' {
            quoted = !quoted;
        } else if c == sep && !quoted {
            parts.push(text.get(begin..i).unwrap_or_default());
            begin = i + c.len_utf8();
        }
    }
    parts.push(text.get(begin..).unwrap_or_default());
    parts
}

/// Parses iCal text into its content lines (unfolded). Code: `ical_malformed_line`.
pub fn parse_properties(text: &str) -> Result<Vec<Property>, FieldError> {
    let mut out = Vec::new();
    for line in unfold(text) {
        let mut quoted = false;
        let colon = line.char_indices().find_map(|(i, c)| {
            if c == '"' {
                quoted = !quoted;
            }
            (c == ':' && !quoted).then_some(i)
        });
        let Some(colon) = colon else {
            return Err(malformed(&line));
        };
        let (head, value) = (
            line.get(..colon).unwrap_or_default(),
            line.get(colon + 1..).unwrap_or_default(),
        );
        let mut parts = split_unquoted(head, ';').into_iter();
        let name = parts.next().unwrap_or_default().to_ascii_uppercase();
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return Err(malformed(&line));
        }
        let mut params = Vec::new();
        for p in parts {
            let (n, v) = p.split_once('=').ok_or_else(|| malformed(&line))?;
            params.push((n.to_ascii_uppercase(), v.trim_matches('"').to_owned()));
        }
        out.push(Property {
            name,
            params,
            value: value.to_owned(),
        });
    }
    Ok(out)
}

/// The properties of every `VEVENT` (without those of nested components such as `VALARM`).
/// Codes: `ical_malformed_line`, `ical_unbalanced` (BEGIN/END do not match).
pub fn parse_vevents(text: &str) -> Result<Vec<Vec<Property>>, FieldError> {
    let unbalanced = |what: String| FieldError::new("ical", "ical_unbalanced", what);
    let mut stack: Vec<String> = Vec::new();
    let mut events = Vec::new();
    let mut current: Vec<Property> = Vec::new();
    for p in parse_properties(text)? {
        match p.name.as_str() {
            "BEGIN" => {
                stack.push(p.value.to_ascii_uppercase());
                if stack.last().is_some_and(|c| c == "VEVENT") {
                    current.clear();
                }
            }
            "END" => {
                let component = p.value.to_ascii_uppercase();
                match stack.pop() {
                    Some(open) if open == component => {
                        if open == "VEVENT" {
                            events.push(std::mem::take(&mut current));
                        }
                    }
                    Some(open) => {
                        return Err(unbalanced(format!("END:{component} closes {open}")));
                    }
                    None => return Err(unbalanced(format!("END:{component} without BEGIN"))),
                }
            }
            _ if stack.last().is_some_and(|c| c == "VEVENT") => current.push(p),
            _ => {}
        }
    }
    match stack.last() {
        Some(open) => Err(unbalanced(format!("{open} is not closed"))),
        None => Ok(events),
    }
}

#[cfg(test)]
mod tests;
