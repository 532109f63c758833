//! Situation analyses: numbered per person, each saved section by section with its own
//! version. A new analysis starts as a copy of the previous one's sections. Every section
//! change lands in the person's history (`person_changes`, field `assessment.<n>.<section>`)
//! and every write in the audit log, in the same transaction (as entries about the person,
//! so they show in the person's audit trail; the analysis is named in the detail). Access decisions (which
//! sections a caller may see or save) are the caller's; the content arrives validated.

use crate::dialect::{ser_opt_ts, ser_ts};
use ankommen_domain::DataClass;
use diesel::prelude::*;
use serde::Serialize;
use time::PrimitiveDateTime;

use crate::audit::{self, Entry};
use crate::schema::{assessment_sections as s, assessments as a, person_changes as pc, persons};
use crate::{Db, DbError, DbResult, Who, check_versioned_update, now, write_tx};

pub const DRAFT: &str = "draft";
pub const COMPLETED: &str = "completed";

/// One situation analysis, without its sections.
#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = a)]
pub struct Assessment {
    pub id: String,
    #[serde(skip)]
    pub tenant_id: String,
    pub person_id: String,
    pub number: i32,
    /// `draft` or `completed`.
    pub status: String,
    #[serde(serialize_with = "ser_opt_ts")]
    pub completed_at: Option<PrimitiveDateTime>,
    pub completed_by: Option<String>,
    #[serde(serialize_with = "ser_ts")]
    pub created_at: PrimitiveDateTime,
    pub created_by: Option<String>,
    #[serde(serialize_with = "ser_ts")]
    pub updated_at: PrimitiveDateTime,
    pub updated_by: Option<String>,
    pub version: i32,
}

impl Assessment {
    pub fn is_completed(&self) -> bool {
        self.status == COMPLETED
    }
}

/// One saved section.
#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = s)]
pub struct SectionRow {
    pub section: String,
    pub data_class: String,
    /// JSON of the typed section (`ankommen_domain::assessment`).
    pub content: String,
    #[serde(serialize_with = "ser_ts")]
    pub updated_at: PrimitiveDateTime,
    pub updated_by: Option<String>,
    pub version: i32,
}

/// An analysis with all its saved sections (the caller filters by data class).
#[derive(Debug, Clone)]
pub struct WithSections {
    pub assessment: Assessment,
    pub sections: Vec<SectionRow>,
}

/// A person's analyses, newest first.
pub fn list(conn: &mut Db, tenant_id: &str, person_id: &str) -> DbResult<Vec<Assessment>> {
    Ok(a::table
        .filter(a::tenant_id.eq(tenant_id))
        .filter(a::person_id.eq(person_id))
        .order(a::number.desc())
        .select(Assessment::as_select())
        .load(conn)?)
}

fn head(conn: &mut Db, tenant_id: &str, person_id: &str, number: i32) -> DbResult<Assessment> {
    Ok(a::table
        .filter(a::tenant_id.eq(tenant_id))
        .filter(a::person_id.eq(person_id))
        .filter(a::number.eq(number))
        .select(Assessment::as_select())
        .first(conn)?)
}

fn sections_of(conn: &mut Db, assessment_id: &str) -> DbResult<Vec<SectionRow>> {
    Ok(s::table
        .filter(s::assessment_id.eq(assessment_id))
        .order(s::section)
        .select(SectionRow::as_select())
        .load(conn)?)
}

/// Analysis number `number` of a person, with its sections.
pub fn get(conn: &mut Db, tenant_id: &str, person_id: &str, number: i32) -> DbResult<WithSections> {
    let assessment = head(conn, tenant_id, person_id, number)?;
    let sections = sections_of(conn, &assessment.id)?;
    Ok(WithSections {
        assessment,
        sections,
    })
}

fn classes_of(sections: &[SectionRow]) -> Vec<DataClass> {
    let mut classes: Vec<DataClass> = sections
        .iter()
        .filter_map(|r| DataClass::parse(&r.data_class).ok())
        .collect();
    classes.sort();
    classes.dedup();
    classes
}

/// Starts the next analysis of a person (number = last + 1) as a draft holding a copy of the
/// previous analysis's sections, so a counsellor updates what changed instead of starting over.
pub fn create(conn: &mut Db, who: Who<'_>, person_id: &str) -> DbResult<WithSections> {
    write_tx(conn, who.tenant_id, |c| {
        persons::table
            .filter(persons::tenant_id.eq(who.tenant_id))
            .filter(persons::id.eq(person_id))
            .select(persons::id)
            .first::<String>(c)?;
        let previous = a::table
            .filter(a::tenant_id.eq(who.tenant_id))
            .filter(a::person_id.eq(person_id))
            .order(a::number.desc())
            .select(Assessment::as_select())
            .first(c)
            .optional()?;
        let number = previous.as_ref().map_or(1, |p| p.number + 1);
        let id = uuid::Uuid::now_v7().to_string();
        let t = now();
        diesel::insert_into(a::table)
            .values((
                a::id.eq(&id),
                a::tenant_id.eq(who.tenant_id),
                a::person_id.eq(person_id),
                a::number.eq(number),
                a::status.eq(DRAFT),
                a::created_at.eq(t),
                a::created_by.eq(who.user_id),
                a::updated_at.eq(t),
                a::updated_by.eq(who.user_id),
                a::version.eq(1),
            ))
            .execute(c)?;
        let copied = match &previous {
            Some(p) => sections_of(c, &p.id)?,
            None => Vec::new(),
        };
        for row in &copied {
            diesel::insert_into(s::table)
                .values((
                    s::id.eq(uuid::Uuid::now_v7().to_string()),
                    s::tenant_id.eq(who.tenant_id),
                    s::assessment_id.eq(&id),
                    s::section.eq(&row.section),
                    s::data_class.eq(&row.data_class),
                    s::content.eq(&row.content),
                    s::created_at.eq(t),
                    s::created_by.eq(who.user_id),
                    s::updated_at.eq(t),
                    s::updated_by.eq(who.user_id),
                    s::version.eq(1),
                ))
                .execute(c)?;
        }
        let classes = classes_of(&copied);
        let mut entry =
            Entry::new("assessment.create", "person", Some(person_id)).detail(serde_json::json!({
                "assessment_id": id,
                "number": number,
                "copied_from": previous.as_ref().map(|p| p.number),
                "sections": copied.iter().map(|r| r.section.as_str()).collect::<Vec<_>>(),
            }));
        entry.person_id = Some(person_id);
        entry.data_classes = &classes;
        audit::append(c, who, entry)?;
        get(c, who.tenant_id, person_id, number)
    })
}

/// A section to save.
#[derive(Debug, Clone, Copy)]
pub struct SaveSection<'a> {
    pub person_id: &'a str,
    pub number: i32,
    pub section: &'a str,
    pub data_class: DataClass,
    /// Validated JSON.
    pub content: &'a str,
    /// The section's version as read; 0 for a section never saved.
    pub version: i32,
}

/// Saves one section if `version` is current (stale → [`DbError::Stale`] naming who saved it
/// meanwhile). Completed analyses are read-only. Records the change in the person's history.
pub fn save_section(conn: &mut Db, who: Who<'_>, input: SaveSection<'_>) -> DbResult<SectionRow> {
    write_tx(conn, who.tenant_id, |c| {
        let head = head(c, who.tenant_id, input.person_id, input.number)?;
        if head.is_completed() {
            return Err(DbError::Conflict(format!(
                "situation analysis {} is completed; start a new one to record changes",
                head.number
            )));
        }
        let existing = s::table
            .filter(s::assessment_id.eq(&head.id))
            .filter(s::section.eq(input.section))
            .select(SectionRow::as_select())
            .first(c)
            .optional()?;
        let t = now();
        let class = input.data_class.as_str();
        let old_content = match &existing {
            None if input.version == 0 => {
                diesel::insert_into(s::table)
                    .values((
                        s::id.eq(uuid::Uuid::now_v7().to_string()),
                        s::tenant_id.eq(who.tenant_id),
                        s::assessment_id.eq(&head.id),
                        s::section.eq(input.section),
                        s::data_class.eq(class),
                        s::content.eq(input.content),
                        s::created_at.eq(t),
                        s::created_by.eq(who.user_id),
                        s::updated_at.eq(t),
                        s::updated_by.eq(who.user_id),
                        s::version.eq(1),
                    ))
                    .execute(c)?;
                None
            }
            // A version for a section that was never saved: nothing to be stale against.
            None => return Err(DbError::NotFound),
            Some(row) => {
                let changed = diesel::update(
                    s::table
                        .filter(s::assessment_id.eq(&head.id))
                        .filter(s::section.eq(input.section))
                        .filter(s::version.eq(input.version)),
                )
                .set((
                    s::content.eq(input.content),
                    s::data_class.eq(class),
                    s::updated_at.eq(t),
                    s::updated_by.eq(who.user_id),
                    s::version.eq(input.version + 1),
                ))
                .execute(c)?;
                check_versioned_update(c, changed, |c| {
                    s::table
                        .filter(s::assessment_id.eq(&head.id))
                        .filter(s::section.eq(input.section))
                        .select((s::updated_by, s::updated_at))
                        .first(c)
                })?;
                Some(row.content.clone())
            }
        };
        if old_content.as_deref() != Some(input.content) {
            diesel::insert_into(pc::table)
                .values((
                    pc::id.eq(uuid::Uuid::now_v7().to_string()),
                    pc::tenant_id.eq(who.tenant_id),
                    pc::person_id.eq(input.person_id),
                    pc::changed_at.eq(t),
                    pc::changed_by.eq(who.user_id),
                    pc::field.eq(format!("assessment.{}.{}", head.number, input.section)),
                    pc::data_class.eq(class),
                    pc::old_value.eq(old_content),
                    pc::new_value.eq(Some(input.content)),
                ))
                .execute(c)?;
        }
        diesel::update(a::table.find(&head.id))
            .set((a::updated_at.eq(t), a::updated_by.eq(who.user_id)))
            .execute(c)?;
        let classes = [input.data_class];
        let mut entry = Entry::new("assessment.section.save", "person", Some(input.person_id))
            .detail(serde_json::json!({ "assessment_id": head.id, "number": head.number, "section": input.section }));
        entry.person_id = Some(input.person_id);
        entry.data_classes = &classes;
        audit::append(c, who, entry)?;
        Ok(s::table
            .filter(s::assessment_id.eq(&head.id))
            .filter(s::section.eq(input.section))
            .select(SectionRow::as_select())
            .first(c)?)
    })
}

/// Marks an analysis completed (read-only from then on) if `version` is current.
pub fn complete(
    conn: &mut Db,
    who: Who<'_>,
    person_id: &str,
    number: i32,
    version: i32,
) -> DbResult<Assessment> {
    write_tx(conn, who.tenant_id, |c| {
        let before = head(c, who.tenant_id, person_id, number)?;
        if before.is_completed() {
            return Err(DbError::Conflict(format!(
                "situation analysis {number} is already completed"
            )));
        }
        let t = now();
        let changed = diesel::update(
            a::table
                .filter(a::id.eq(&before.id))
                .filter(a::version.eq(version)),
        )
        .set((
            a::status.eq(COMPLETED),
            a::completed_at.eq(Some(t)),
            a::completed_by.eq(who.user_id),
            a::updated_at.eq(t),
            a::updated_by.eq(who.user_id),
            a::version.eq(version + 1),
        ))
        .execute(c)?;
        check_versioned_update(c, changed, |c| {
            a::table
                .find(&before.id)
                .select((a::updated_by, a::updated_at))
                .first(c)
        })?;
        let mut entry = Entry::new("assessment.complete", "person", Some(person_id))
            .detail(serde_json::json!({ "assessment_id": before.id, "number": number }));
        entry.person_id = Some(person_id);
        audit::append(c, who, entry)?;
        head(c, who.tenant_id, person_id, number)
    })
}
