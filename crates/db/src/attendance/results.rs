//! Course results: placement test, DTZ, LiD, drop-out.

use super::*;

// ---------------------------------------------------------------------------------------
// Results.

/// Records a course result for a placement. A drop-out also ends the placement (status
/// `dropped_out` with the date and reason); DTZ, LiD and drop-out notify the counsellor and
/// the responsible agency.
pub fn add_result(
    conn: &mut Db,
    who: Who<'_>,
    placement_id: &str,
    result: &CourseResult,
    notify: Notify<'_>,
) -> DbResult<(ResultRow, usize)> {
    write_tx(conn, who.tenant_id, |tx| {
        let placement = placement(tx, who.tenant_id, placement_id)?;
        let course = crate::courses::get(tx, who.tenant_id, &placement.course_id)?;
        let t = now();
        if result.kind == ResultKind::DropOut {
            if placement.status == DROPPED_OUT {
                return Err(DbError::Conflict(format!(
                    "the person dropped out already on {}",
                    placement.status_on.as_deref().unwrap_or("?")
                )));
            }
            let changed = diesel::update(
                pl::table
                    .filter(pl::id.eq(&placement.id))
                    .filter(pl::version.eq(placement.version)),
            )
            .set((
                pl::status.eq(DROPPED_OUT),
                pl::status_on.eq(Some(result.on_date.to_string())),
                pl::status_reason.eq(&result.reason),
                pl::updated_at.eq(t),
                pl::updated_by.eq(who.user_id),
                pl::version.eq(placement.version + 1),
            ))
            .execute(tx)?;
            check_versioned_update(tx, changed, |tx| {
                pl::table
                    .find(&placement.id)
                    .select((pl::updated_by, pl::updated_at))
                    .first(tx)
            })?;
        }
        let id = uuid::Uuid::now_v7().to_string();
        diesel::insert_into(cr::table)
            .values((
                cr::id.eq(&id),
                cr::tenant_id.eq(who.tenant_id),
                cr::placement_id.eq(&placement.id),
                cr::course_id.eq(&placement.course_id),
                cr::person_id.eq(&placement.person_id),
                cr::kind.eq(result.kind.as_str()),
                cr::value.eq(&result.value),
                cr::on_date.eq(result.on_date.to_string()),
                cr::reason.eq(&result.reason),
                cr::note.eq(&result.note),
                cr::created_at.eq(t),
                cr::created_by.eq(who.user_id),
                cr::updated_at.eq(t),
                cr::updated_by.eq(who.user_id),
                cr::version.eq(1),
            ))
            .execute(tx)?;
        let row: ResultRow = cr::table
            .find(&id)
            .select(ResultRow::as_select())
            .first(tx)?;
        let summary = serde_json::json!({
            "kind": row.kind,
            "value": row.value,
            "on_date": row.on_date,
            "reason": row.reason,
            "course_id": row.course_id,
        });
        diesel::insert_into(pc::table)
            .values((
                pc::id.eq(uuid::Uuid::now_v7().to_string()),
                pc::tenant_id.eq(who.tenant_id),
                pc::person_id.eq(&placement.person_id),
                pc::changed_at.eq(t),
                pc::changed_by.eq(who.user_id),
                pc::field.eq(format!("course_result.{}", placement.id)),
                pc::data_class.eq(DATA_CLASS.as_str()),
                pc::old_value.eq(None::<String>),
                pc::new_value.eq(Some(summary.to_string())),
            ))
            .execute(tx)?;
        let classes = [DATA_CLASS];
        let mut entry = AuditEntry::new("course_result.create", "course_result", Some(&row.id))
            .detail(serde_json::json!({
                "placement_id": placement.id,
                "course_id": row.course_id,
                "kind": row.kind,
            }));
        entry.person_id = Some(&placement.person_id);
        entry.data_classes = &classes;
        audit::append(tx, who, entry)?;
        let mut sent = 0;
        if result.kind.notifies() {
            let case_number: String = p::table
                .find(&placement.person_id)
                .select(p::case_number)
                .first(tx)?;
            let (de, en) = result_text(result);
            let course = course_name(&course);
            let title = format!("Kursergebnis / Course result: {case_number}");
            let body = format!("Kurs {course}: {de}.\n\nCourse {course}: {en}.");
            let message = Message {
                kind: KIND_RESULT,
                title: &title,
                body: &body,
                link: &format!("/persons/{}/course", placement.person_id),
                email_subject: "ankommen: Kursergebnis / course result",
                email_text: "Für eine Person, für die Sie zuständig sind, liegt ein neues \
                             Kursergebnis vor. Einzelheiten finden Sie in ankommen unter \
                             Benachrichtigungen.\n\nThere is a new course result for a person \
                             you are responsible for. The details are in ankommen under \
                             Notifications.",
            };
            let obliged = obliged_by(tx, &placement.need_id)?;
            sent = notifications::notify_about(
                tx,
                who,
                &placement.person_id,
                obliged,
                &message,
                notify.reminder_kind,
            )?;
        }
        Ok((row, sent))
    })
}

fn result_text(r: &CourseResult) -> (String, String) {
    let on = r.on_date;
    let value = r.value.as_deref().unwrap_or("");
    match r.kind {
        ResultKind::Dtz => {
            let de = match value {
                "below_a2" => "unter A2".to_owned(),
                v => v.to_owned(),
            };
            let en = match value {
                "below_a2" => "below A2".to_owned(),
                v => v.to_owned(),
            };
            (
                format!("Deutsch-Test für Zuwanderer am {}: {de}", german(on)),
                format!("German test for immigrants (DTZ) on {on}: {en}"),
            )
        }
        ResultKind::Lid => {
            let de = if value == "passed" {
                "bestanden"
            } else {
                "nicht bestanden"
            };
            (
                format!("Test „Leben in Deutschland“ am {}: {de}", german(on)),
                format!("Test 'Life in Germany' on {on}: {value}"),
            )
        }
        ResultKind::DropOut => (
            format!(
                "Kursabbruch am {}: {}",
                german(on),
                r.reason.as_deref().unwrap_or("")
            ),
            format!("dropped out on {on}: {}", r.reason.as_deref().unwrap_or("")),
        ),
        ResultKind::PlacementTest => (
            format!("Einstufungstest am {}: {value}", german(on)),
            format!("placement test on {on}: {value}"),
        ),
    }
}
