//! Attendance input: one course day (JSON) or a CSV file, checked as a whole.

use super::*;

// ---------------------------------------------------------------------------------------
// Input: one course day (JSON) or a CSV file.

/// A participant of the course the input is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    pub placement_id: String,
    pub case_number: String,
    /// The day the person dropped out; no attendance is recorded after it.
    pub dropped_out_on: Option<Date>,
}

/// What input is checked against.
#[derive(Debug, Clone)]
pub struct Context<'a> {
    pub participants: &'a [Participant],
    pub course_starts_on: Date,
    pub course_ends_on: Date,
    pub today: Date,
}

/// One valid attendance entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub placement_id: String,
    pub day: Date,
    pub status: AttendanceStatus,
    pub late_minutes: Option<i64>,
    pub left_early_minutes: Option<i64>,
    pub note: Option<String>,
    /// The version read, to refuse overwriting a day someone else changed (JSON only).
    pub version: Option<i32>,
}

/// What is wrong with one row of the input: the CSV line (1 = header) or the JSON entry
/// (0-based), the column, and the rule that failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub row: usize,
    pub column: Option<&'static str>,
    pub code: &'static str,
    pub message: String,
}

impl RowError {
    fn new(
        row: usize,
        column: Option<&'static str>,
        code: &'static str,
        m: impl Into<String>,
    ) -> Self {
        Self {
            row,
            column,
            code,
            message: m.into(),
        }
    }

    fn text(&self) -> String {
        match self.column {
            Some(c) => format!("{c}: {}", self.message),
            None => self.message.clone(),
        }
    }

    /// As a CSV error: field `line 7`, the column named in the message.
    pub fn as_line(&self) -> InputProblem {
        InputProblem {
            field: format!("line {}", self.row),
            code: self.code,
            message: self.text(),
        }
    }

    /// As an error of the JSON entry list: field `entries[2].status`.
    pub fn as_entry(&self) -> InputProblem {
        InputProblem {
            field: match self.column {
                Some(c) => format!("entries[{}].{c}", self.row),
                None => format!("entries[{}]", self.row),
            },
            code: self.code,
            message: self.message.clone(),
        }
    }
}

/// An input problem whose field name is built at run time (`line 7`, `entries[2].status`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputProblem {
    pub field: String,
    pub code: &'static str,
    pub message: String,
}

impl From<FieldError> for InputProblem {
    fn from(e: FieldError) -> Self {
        Self {
            field: e.field.to_owned(),
            code: e.code,
            message: e.message,
        }
    }
}

/// An entry of one day as posted.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DayInput {
    pub placement_id: String,
    pub status: String,
    #[serde(default)]
    pub late_minutes: Option<i64>,
    #[serde(default)]
    pub left_early_minutes: Option<i64>,
    #[serde(default)]
    pub note: Option<String>,
    /// The version of the stored day, if the client read one.
    #[serde(default)]
    pub version: Option<i32>,
}

/// Checks the day against the course and today.
fn check_day(
    ctx: &Context<'_>,
    row: usize,
    column: &'static str,
    day: Date,
    errs: &mut Vec<RowError>,
) -> bool {
    if day > ctx.today {
        errs.push(RowError::new(
            row,
            Some(column),
            "future_date",
            format!("{day} lies in the future"),
        ));
        false
    } else if day < ctx.course_starts_on || day > ctx.course_ends_on {
        errs.push(RowError::new(
            row,
            Some(column),
            "outside_course",
            format!(
                "{day} is outside the course ({} to {})",
                ctx.course_starts_on, ctx.course_ends_on
            ),
        ));
        false
    } else {
        true
    }
}

fn minutes(
    row: usize,
    column: &'static str,
    raw: Option<i64>,
    status: Option<AttendanceStatus>,
    errs: &mut Vec<RowError>,
) -> Option<i64> {
    let v = raw?;
    if !(0..=MAX_MINUTES).contains(&v) {
        errs.push(RowError::new(
            row,
            Some(column),
            "out_of_bounds",
            format!("must be between 0 and {MAX_MINUTES}"),
        ));
        return None;
    }
    if v > 0 && status.is_some_and(|s| s != AttendanceStatus::Present) {
        errs.push(RowError::new(
            row,
            Some(column),
            "not_applicable",
            "is only recorded for a person present that day",
        ));
        return None;
    }
    (v > 0).then_some(v)
}

fn note(row: usize, raw: Option<&str>, errs: &mut Vec<RowError>) -> Option<String> {
    match optional_text("note", raw.unwrap_or(""), MAX_NOTE) {
        Ok(n) => n,
        Err(e) => {
            errs.push(RowError::new(row, Some("note"), e.code, e.message));
            None
        }
    }
}

fn status_of(row: usize, raw: &str, errs: &mut Vec<RowError>) -> Option<AttendanceStatus> {
    if raw.trim().is_empty() {
        errs.push(RowError::new(
            row,
            Some("status"),
            "required",
            "is required",
        ));
        return None;
    }
    AttendanceStatus::parse_lenient(raw)
        .map_err(|e| {
            errs.push(RowError::new(
                row,
                Some("status"),
                "unknown_value",
                e.to_string(),
            ))
        })
        .ok()
}

/// Checks the entries of one course day (the `PUT …/attendance/{day}` body).
pub fn check_day_input(
    day_raw: &str,
    input: &[DayInput],
    ctx: &Context<'_>,
) -> Result<Vec<Entry>, Vec<InputProblem>> {
    let day = parse_date("day", day_raw.trim()).map_err(|e| vec![InputProblem::from(e)])?;
    let mut errs = Vec::new();
    if !check_day(ctx, 0, "day", day, &mut errs) {
        return Err(errs
            .into_iter()
            .map(|e| InputProblem {
                field: "day".into(),
                code: e.code,
                message: e.message,
            })
            .collect());
    }
    if input.is_empty() {
        return Err(vec![InputProblem {
            field: "entries".into(),
            code: "required",
            message: "send at least one entry".into(),
        }]);
    }
    let mut rows = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, e) in input.iter().enumerate() {
        let pid = e.placement_id.trim();
        let known = ctx.participants.iter().find(|p| p.placement_id == pid);
        match known {
            None => errs.push(RowError::new(
                i,
                Some("placement_id"),
                "not_a_participant",
                format!("'{}' is not a participant of this course", short(pid)),
            )),
            Some(p) if p.dropped_out_on.is_some_and(|d| day > d) => errs.push(RowError::new(
                i,
                Some("placement_id"),
                "after_drop_out",
                "the person dropped out before this day",
            )),
            Some(_) => {}
        }
        if let Some(first) = seen.insert(pid, i) {
            errs.push(RowError::new(
                i,
                Some("placement_id"),
                "duplicate",
                format!("the same participant as entry {first}"),
            ));
        }
        let status = status_of(i, &e.status, &mut errs);
        let late = minutes(i, "late_minutes", e.late_minutes, status, &mut errs);
        let early = minutes(
            i,
            "left_early_minutes",
            e.left_early_minutes,
            status,
            &mut errs,
        );
        let note = note(i, e.note.as_deref(), &mut errs);
        if let (Some(p), Some(status)) = (known, status) {
            rows.push(Entry {
                placement_id: p.placement_id.clone(),
                day,
                status,
                late_minutes: late,
                left_early_minutes: early,
                note,
                version: e.version,
            });
        }
    }
    if errs.is_empty() {
        Ok(rows)
    } else {
        Err(errs.iter().map(RowError::as_entry).collect())
    }
}

fn short(s: &str) -> String {
    s.chars().take(64).collect()
}

/// The CSV columns, in the documented order.
pub const CSV_COLUMNS: [&str; 6] = [
    "case_number",
    "day",
    "status",
    "late_minutes",
    "left_early_minutes",
    "note",
];

/// Most rows a file may have.
pub const MAX_ROWS: usize = 10_000;

/// Splits one line at `sep`, honouring double quotes (`"a;b"`, `""` for a quote).
fn split_line(line: &str, sep: char) -> Result<Vec<String>, &'static str> {
    let mut fields = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    let mut at_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    cur.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            } else {
                cur.push(c);
            }
        } else if c == '"' && at_start {
            quoted = true;
            at_start = false;
        } else if c == sep {
            fields.push(std::mem::take(&mut cur));
            at_start = true;
        } else {
            cur.push(c);
            if !c.is_whitespace() {
                at_start = false;
            }
        }
    }
    if quoted {
        return Err("a quoted field is not closed (fields cannot span lines)");
    }
    fields.push(cur);
    Ok(fields)
}

fn int_cell(
    line: usize,
    column: &'static str,
    raw: &str,
    errs: &mut Vec<RowError>,
) -> Result<Option<i64>, ()> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    raw.parse::<i64>().map(Some).map_err(|_| {
        errs.push(RowError::new(
            line,
            Some(column),
            "not_a_number",
            format!("'{}' is not a whole number", short(raw)),
        ));
    })
}

/// Parses and checks a whole CSV file (see `docs/api.md`): header
/// `case_number;day;status;late_minutes;left_early_minutes;note` (`,` also accepted as the
/// separator; the last three columns may be left out), one row per person and day. Dates are
/// ISO or `dd.mm.yyyy`; the status is `present`/`excused`/`unexcused` or German
/// `anwesend`/`entschuldigt`/`unentschuldigt`. Returns every row error with its line number
/// (the header is line 1), or the entries if there is none.
pub fn parse_csv(text: &str, ctx: &Context<'_>) -> Result<Vec<Entry>, Vec<RowError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l));
    let header = lines.by_ref().find(|(_, l)| !l.trim().is_empty());
    let Some((header_line, header)) = header else {
        return Err(vec![RowError::new(
            1,
            None,
            "empty_file",
            format!(
                "the file is empty; the first line must be {}",
                CSV_COLUMNS.join(";")
            ),
        )]);
    };
    let sep = if header.contains(';') { ';' } else { ',' };
    let names: Vec<String> = split_line(header, sep)
        .unwrap_or_default()
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    let mut index: HashMap<&'static str, usize> = HashMap::new();
    let mut header_errs = Vec::new();
    for (i, n) in names.iter().enumerate() {
        match CSV_COLUMNS.iter().find(|c| **c == n.as_str()) {
            Some(c) if index.contains_key(c) => header_errs.push(RowError::new(
                header_line,
                None,
                "duplicate_column",
                format!("column '{c}' appears twice"),
            )),
            Some(c) => {
                index.insert(c, i);
            }
            None if n.is_empty() && i + 1 == names.len() => {}
            None => header_errs.push(RowError::new(
                header_line,
                None,
                "unknown_column",
                format!(
                    "unknown column '{}'; the columns are {}",
                    short(n),
                    CSV_COLUMNS.join(sep.to_string().as_str())
                ),
            )),
        }
    }
    for required in &CSV_COLUMNS[..3] {
        if !index.contains_key(required) {
            header_errs.push(RowError::new(
                header_line,
                None,
                "missing_column",
                format!(
                    "column '{required}' is missing; the first line must be {}",
                    CSV_COLUMNS.join(sep.to_string().as_str())
                ),
            ));
        }
    }
    if !header_errs.is_empty() {
        return Err(header_errs);
    }
    let by_case: HashMap<String, &Participant> = ctx
        .participants
        .iter()
        .map(|p| (p.case_number.trim().to_uppercase(), p))
        .collect();
    let mut errs = Vec::new();
    let mut out = Vec::new();
    // (placement, day) → first line.
    let mut seen: BTreeMap<(String, Date), usize> = BTreeMap::new();
    let mut rows = 0usize;
    for (line, raw) in lines {
        if raw.trim().is_empty() {
            continue;
        }
        rows += 1;
        if rows > MAX_ROWS {
            errs.push(RowError::new(
                line,
                None,
                "too_many_rows",
                format!("a file holds at most {MAX_ROWS} rows; split it"),
            ));
            break;
        }
        let cells = match split_line(raw, sep) {
            Ok(c) => c,
            Err(m) => {
                errs.push(RowError::new(line, None, "malformed_row", m));
                continue;
            }
        };
        if cells.len() > names.len() && cells[names.len()..].iter().any(|c| !c.trim().is_empty()) {
            errs.push(RowError::new(
                line,
                None,
                "too_many_cells",
                format!(
                    "{} cells, but the header has {} columns (a note with '{sep}' needs quotes)",
                    cells.len(),
                    names.len()
                ),
            ));
            continue;
        }
        let cell = |c: &str| -> &str {
            index
                .get(c)
                .and_then(|i| cells.get(*i))
                .map_or("", |s| s.as_str())
        };
        let case = cell("case_number").trim();
        let participant = if case.is_empty() {
            errs.push(RowError::new(
                line,
                Some("case_number"),
                "required",
                "is required",
            ));
            None
        } else {
            match by_case.get(&case.to_uppercase()) {
                Some(p) => Some(*p),
                None => {
                    errs.push(RowError::new(
                        line,
                        Some("case_number"),
                        "not_a_participant",
                        format!("'{}' is not a participant of this course", short(case)),
                    ));
                    None
                }
            }
        };
        let day_raw = cell("day").trim();
        let day = if day_raw.is_empty() {
            errs.push(RowError::new(line, Some("day"), "required", "is required"));
            None
        } else {
            match parse_date("day", day_raw) {
                Ok(d) => check_day(ctx, line, "day", d, &mut errs).then_some(d),
                Err(e) => {
                    errs.push(RowError::new(
                        line,
                        Some("day"),
                        e.code,
                        format!(
                            "'{}' is not a date (use 2026-11-23 or 23.11.2026): {}",
                            short(day_raw),
                            e.message
                        ),
                    ));
                    None
                }
            }
        };
        let status = status_of(line, cell("status"), &mut errs);
        let late = int_cell(line, "late_minutes", cell("late_minutes"), &mut errs)
            .ok()
            .and_then(|v| minutes(line, "late_minutes", v, status, &mut errs));
        let early = int_cell(
            line,
            "left_early_minutes",
            cell("left_early_minutes"),
            &mut errs,
        )
        .ok()
        .and_then(|v| minutes(line, "left_early_minutes", v, status, &mut errs));
        let note_raw = cell("note");
        let note = note(line, Some(note_raw), &mut errs);
        if let (Some(p), Some(d)) = (participant, day) {
            if p.dropped_out_on.is_some_and(|out| d > out) {
                errs.push(RowError::new(
                    line,
                    Some("day"),
                    "after_drop_out",
                    format!("{} dropped out before {d}", short(case)),
                ));
                continue;
            }
            if let Some(first) = seen.insert((p.placement_id.clone(), d), line) {
                errs.push(RowError::new(
                    line,
                    None,
                    "duplicate_row",
                    format!("{} on {d} is already in line {first}", short(case)),
                ));
                continue;
            }
            if let Some(status) = status {
                out.push(Entry {
                    placement_id: p.placement_id.clone(),
                    day: d,
                    status,
                    late_minutes: late,
                    left_early_minutes: early,
                    note,
                    version: None,
                });
            }
        }
    }
    if !errs.is_empty() {
        errs.sort_by_key(|e| e.row);
        return Err(errs);
    }
    if out.is_empty() {
        return Err(vec![RowError::new(
            header_line,
            None,
            "no_rows",
            "the file has a header but no rows",
        )]);
    }
    Ok(out)
}

/// Writes entries as CSV in the documented format (the inverse of [`parse_csv`] for a
/// participant list), for downloads and tests.
pub fn to_csv(rows: &[(String, Entry)]) -> String {
    let mut out = CSV_COLUMNS.join(";");
    out.push('\n');
    let quote = |s: &str| {
        if s.contains([';', ',', '"']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_owned()
        }
    };
    for (case, e) in rows {
        out.push_str(&format!(
            "{};{};{};{};{};{}\n",
            quote(case),
            e.day,
            e.status.as_str(),
            e.late_minutes.map(|v| v.to_string()).unwrap_or_default(),
            e.left_early_minutes
                .map(|v| v.to_string())
                .unwrap_or_default(),
            quote(e.note.as_deref().unwrap_or("")),
        ));
    }
    out
}
