//! The officers' client report.

use super::*;

// ---------------------------------------------------------------------------------------
// The officers' report.

/// A person on an officer's list: one course need with its placement and course, if any.
#[derive(Debug, Clone)]
pub struct ClientRow {
    pub person_id: String,
    pub case_number: String,
    pub family_name: String,
    pub given_names: String,
    pub responsible_org_id: Option<String>,
    pub need_id: String,
    pub need_status: String,
    pub course_type: String,
    pub obliged_by: Option<String>,
    pub obliged_on: Option<String>,
    pub placement: Option<PlacementRow>,
    pub course: Option<ClientCourse>,
    pub records: Vec<Record>,
    pub results: Vec<ResultRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ClientCourse {
    pub id: String,
    pub title: Option<String>,
    pub course_type: String,
    pub provider_org_id: String,
    pub provider_name: String,
    pub starts_on: String,
    pub ends_on: String,
}

/// Course needs (waiting or placed) of persons whose responsible organisation is
/// `responsible_org` or whose obligation was issued by `obliged_by`, with their placements,
/// courses, recorded days and results. The caller decides by the policy what it may show.
pub fn clients(
    conn: &mut Db,
    tenant_id: &str,
    responsible_org: &str,
    obliged_by: Option<ObligedBy>,
) -> DbResult<Vec<ClientRow>> {
    type Row = (
        String,
        String,
        String,
        Option<String>,
        Option<String>,
        String,
        String,
        String,
        String,
    );
    let mut q = n::table
        .inner_join(p::table)
        .filter(n::tenant_id.eq(tenant_id))
        .filter(n::status.ne(ankommen_domain::course::NeedStatus::Withdrawn.as_str()))
        .into_boxed();
    q = match obliged_by {
        Some(o) => q.filter(
            p::responsible_org_id
                .eq(responsible_org)
                .or(n::obliged_by.eq(o.as_str())),
        ),
        None => q.filter(p::responsible_org_id.eq(responsible_org)),
    };
    let rows: Vec<(Row, Option<String>, Option<String>)> = q
        .order((p::family_name, p::given_names, n::created_at))
        .select((
            (
                n::id,
                p::id,
                p::case_number,
                p::responsible_org_id,
                n::obliged_on,
                n::status,
                n::course_type,
                p::family_name,
                p::given_names,
            ),
            n::obliged_by,
            n::course_id,
        ))
        .load(conn)?;
    let need_ids: Vec<String> = rows.iter().map(|(r, ..)| r.0.clone()).collect();
    let mut placements: HashMap<String, PlacementRow> = HashMap::new();
    for chunk in need_ids.chunks(500) {
        for row in pl::table
            .filter(pl::tenant_id.eq(tenant_id))
            .filter(pl::need_id.eq_any(chunk))
            .select(PlacementRow::as_select())
            .load(conn)?
        {
            placements.insert(row.need_id.clone(), row);
        }
    }
    let course_ids: Vec<String> = placements.values().map(|p| p.course_id.clone()).collect();
    let mut courses: HashMap<String, ClientCourse> = HashMap::new();
    for chunk in course_ids.chunks(500) {
        let list: Vec<(CourseRow, String)> = c::table
            .inner_join(o::table)
            .filter(c::tenant_id.eq(tenant_id))
            .filter(c::id.eq_any(chunk))
            .select((CourseRow::as_select(), o::name))
            .load(conn)?;
        for (k, provider_name) in list {
            courses.insert(
                k.id.clone(),
                ClientCourse {
                    id: k.id,
                    title: k.title,
                    course_type: k.course_type,
                    provider_org_id: k.provider_org_id,
                    provider_name,
                    starts_on: k.starts_on,
                    ends_on: k.ends_on,
                },
            );
        }
    }
    let placement_ids: Vec<String> = placements.values().map(|p| p.id.clone()).collect();
    let mut records = records_of(conn, tenant_id, &placement_ids)?;
    let mut results = results_of(conn, tenant_id, &placement_ids)?;
    Ok(rows
        .into_iter()
        .map(|(r, obliged, _course_id)| {
            let placement = placements.remove(&r.0);
            let course = placement
                .as_ref()
                .and_then(|pl| courses.get(&pl.course_id).cloned());
            let (recs, res) = match &placement {
                Some(pl) => (
                    records.remove(&pl.id).unwrap_or_default(),
                    results.remove(&pl.id).unwrap_or_default(),
                ),
                None => (vec![], vec![]),
            };
            ClientRow {
                need_id: r.0,
                person_id: r.1,
                case_number: r.2,
                responsible_org_id: r.3,
                obliged_on: r.4,
                need_status: r.5,
                course_type: r.6,
                family_name: r.7,
                given_names: r.8,
                obliged_by: obliged,
                placement,
                course,
                records: recs,
                results: res,
            }
        })
        .collect())
}
