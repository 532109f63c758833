//! Person records: create with a case number, read, update with optimistic concurrency and a
//! field-by-field history, and candidate retrieval for the tolerant search (the ranking is
//! `ankommen_domain::matching`). Access decisions and read auditing happen in the caller,
//! which knows the actor; writes are audited here, in the same transaction.

use crate::dialect::ser_ts;
use ankommen_domain::ids::PersonId;
use diesel::prelude::*;
use serde::Serialize;
use time::PrimitiveDateTime;

use crate::audit::{self, Entry};
use crate::schema::{
    case_number_counters as cn, person_changes as pc, person_names as pn, person_search_keys as sk,
    persons as p,
};
use crate::{Db, DbError, DbResult, Who, check_versioned_update, now, write_tx};

/// The stored fields of a person, already validated by the caller (texts in their stored form).
#[derive(
    Debug, Clone, PartialEq, Default, Queryable, Selectable, Insertable, AsChangeset, Serialize,
)]
#[diesel(table_name = p, treat_none_as_null = true)]
pub struct PersonValues {
    pub family_name: String,
    pub given_names: String,
    pub birth_name: Option<String>,
    pub sex: String,
    pub birth_date: Option<String>,
    pub birth_place: Option<String>,
    pub birth_country: Option<String>,
    /// ISO 3166 alpha-2 codes, comma-separated.
    pub nationalities: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub street: Option<String>,
    pub postcode: Option<String>,
    pub municipality_id: Option<String>,
    pub arrived_germany_on: Option<String>,
    pub arrived_county_on: Option<String>,
    pub residence_status: Option<String>,
    pub residence_paragraph: Option<String>,
    pub residence_duldung_kind: Option<String>,
    pub residence_first_issued_on: Option<String>,
    pub residence_valid_until: Option<String>,
    pub work_annotation: Option<String>,
    pub benefits_law: Option<String>,
    pub responsible_org_id: Option<String>,
    pub german_level: Option<String>,
    pub literate_latin: Option<bool>,
    /// JSON array of `{"language": "ar", "level": "C2"}`.
    pub languages: String,
    pub counsellor_id: Option<String>,
    pub case_status: String,
    pub case_status_reason: Option<String>,
}

impl PersonValues {
    /// Every field as (name, stored text) for the history; booleans as "true"/"false".
    pub fn fields(&self) -> Vec<(&'static str, Option<String>)> {
        let o = |v: &Option<String>| v.clone();
        vec![
            ("family_name", Some(self.family_name.clone())),
            ("given_names", Some(self.given_names.clone())),
            ("birth_name", o(&self.birth_name)),
            ("sex", Some(self.sex.clone())),
            ("birth_date", o(&self.birth_date)),
            ("birth_place", o(&self.birth_place)),
            ("birth_country", o(&self.birth_country)),
            ("nationalities", Some(self.nationalities.clone())),
            ("phone", o(&self.phone)),
            ("email", o(&self.email)),
            ("street", o(&self.street)),
            ("postcode", o(&self.postcode)),
            ("municipality_id", o(&self.municipality_id)),
            ("arrived_germany_on", o(&self.arrived_germany_on)),
            ("arrived_county_on", o(&self.arrived_county_on)),
            ("residence_status", o(&self.residence_status)),
            ("residence_paragraph", o(&self.residence_paragraph)),
            ("residence_duldung_kind", o(&self.residence_duldung_kind)),
            (
                "residence_first_issued_on",
                o(&self.residence_first_issued_on),
            ),
            ("residence_valid_until", o(&self.residence_valid_until)),
            ("work_annotation", o(&self.work_annotation)),
            ("benefits_law", o(&self.benefits_law)),
            ("responsible_org_id", o(&self.responsible_org_id)),
            ("german_level", o(&self.german_level)),
            ("literate_latin", self.literate_latin.map(|b| b.to_string())),
            ("languages", Some(self.languages.clone())),
            ("counsellor_id", o(&self.counsellor_id)),
            ("case_status", Some(self.case_status.clone())),
            ("case_status_reason", o(&self.case_status_reason)),
        ]
    }
}

/// A person's further names and the search keys of all its names (kept together: the keys
/// are derived from the names).
#[derive(Debug, Clone, Copy)]
pub struct Names<'a> {
    pub variants: &'a [NameVariant],
    pub keys: &'a [String],
}

/// A stored person.
#[derive(Debug, Clone, Serialize)]
pub struct Person {
    pub id: String,
    pub tenant_id: String,
    pub case_number: String,
    pub values: PersonValues,
    pub names: Vec<NameVariant>,
    #[serde(skip)]
    pub updated_at: PrimitiveDateTime,
    pub version: i32,
}

/// A further name of a person (another document, a transliteration, an alias).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct NameVariant {
    pub family_name: String,
    pub given_names: String,
    /// `document`, `transliteration`, `alias` or `birth`.
    pub kind: String,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = p)]
struct Head {
    id: String,
    tenant_id: String,
    case_number: String,
    updated_at: PrimitiveDateTime,
    version: i32,
}

/// One recorded change of one field.
#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = pc)]
pub struct Change {
    #[serde(serialize_with = "ser_ts")]
    pub changed_at: PrimitiveDateTime,
    pub changed_by: Option<String>,
    pub field: String,
    pub data_class: String,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
}

/// Retrieval keys of a person (`ankommen_domain::matching`): all its names and its date of birth.
pub fn keys_of(values: &PersonValues, names: &[NameVariant]) -> Vec<String> {
    use ankommen_domain::date::PartialDate;
    use ankommen_domain::matching;
    let mut keys = matching::search_keys(&values.family_name, &values.given_names);
    if let Some(b) = &values.birth_name {
        keys.extend(matching::search_keys(b, ""));
    }
    for n in names {
        keys.extend(matching::search_keys(&n.family_name, &n.given_names));
    }
    if let Some(d) = values
        .birth_date
        .as_deref()
        .and_then(|d| PartialDate::parse("birth_date", d).ok())
    {
        keys.extend(matching::birth_date_keys(d));
    }
    keys.sort();
    keys.dedup();
    keys
}

/// Next case number of the tenant for the year: `2026-00042`. Runs inside the write
/// transaction, which holds the tenant's lock, so numbers are never handed out twice.
fn next_case_number(conn: &mut Db, tenant_id: &str, year: i32) -> DbResult<String> {
    let bumped = diesel::update(cn::table.find((tenant_id, year)))
        .set(cn::last_value.eq(cn::last_value + 1))
        .execute(conn)?;
    if bumped == 0 {
        diesel::insert_into(cn::table)
            .values((
                cn::tenant_id.eq(tenant_id),
                cn::year.eq(year),
                cn::last_value.eq(1),
            ))
            .execute(conn)?;
    }
    let n: i32 = cn::table
        .find((tenant_id, year))
        .select(cn::last_value)
        .first(conn)?;
    Ok(format!("{year}-{n:05}"))
}

fn replace_names_and_keys(
    conn: &mut Db,
    who: Who<'_>,
    person_id: &str,
    names: &[NameVariant],
    keys: &[String],
) -> DbResult<()> {
    diesel::delete(pn::table.filter(pn::person_id.eq(person_id))).execute(conn)?;
    let t = now();
    for n in names {
        diesel::insert_into(pn::table)
            .values((
                pn::id.eq(uuid::Uuid::now_v7().to_string()),
                pn::tenant_id.eq(who.tenant_id),
                pn::person_id.eq(person_id),
                pn::family_name.eq(&n.family_name),
                pn::given_names.eq(&n.given_names),
                pn::kind.eq(&n.kind),
                pn::created_at.eq(t),
                pn::created_by.eq(who.user_id),
                pn::updated_at.eq(t),
                pn::updated_by.eq(who.user_id),
                pn::version.eq(1),
            ))
            .execute(conn)?;
    }
    diesel::delete(sk::table.filter(sk::person_id.eq(person_id))).execute(conn)?;
    let mut unique: Vec<&String> = keys.iter().collect();
    unique.sort();
    unique.dedup();
    for k in unique {
        diesel::insert_into(sk::table)
            .values((
                sk::tenant_id.eq(who.tenant_id),
                sk::person_id.eq(person_id),
                sk::search_key.eq(k),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Creates a person with a fresh case number. `keys` are the search keys of all its names.
pub fn create(
    conn: &mut Db,
    who: Who<'_>,
    values: &PersonValues,
    names: Names<'_>,
) -> DbResult<Person> {
    let id = PersonId::new().into_string();
    write_tx(conn, who.tenant_id, |c| {
        let t = now();
        let case_number = next_case_number(c, who.tenant_id, t.year())?;
        diesel::insert_into(p::table)
            .values((
                p::id.eq(&id),
                p::tenant_id.eq(who.tenant_id),
                p::case_number.eq(&case_number),
                values,
                p::created_at.eq(t),
                p::created_by.eq(who.user_id),
                p::updated_at.eq(t),
                p::updated_by.eq(who.user_id),
                p::version.eq(1),
            ))
            .execute(c)?;
        replace_names_and_keys(c, who, &id, names.variants, names.keys)?;
        let mut entry = Entry::new("person.create", "person", Some(&id));
        entry.person_id = Some(&id);
        audit::append(c, who, entry)?;
        get(c, who.tenant_id, &id)
    })
}

pub fn get(conn: &mut Db, tenant_id: &str, id: &str) -> DbResult<Person> {
    let (head, values): (Head, PersonValues) = p::table
        .filter(p::tenant_id.eq(tenant_id))
        .filter(p::id.eq(id))
        .select((Head::as_select(), PersonValues::as_select()))
        .first(conn)?;
    let names = pn::table
        .filter(pn::person_id.eq(id))
        .order(pn::created_at)
        .select((pn::family_name, pn::given_names, pn::kind))
        .load::<(String, String, String)>(conn)?
        .into_iter()
        .map(|(family_name, given_names, kind)| NameVariant {
            family_name,
            given_names,
            kind,
        })
        .collect();
    Ok(Person {
        id: head.id,
        tenant_id: head.tenant_id,
        case_number: head.case_number,
        values,
        names,
        updated_at: head.updated_at,
        version: head.version,
    })
}

/// Updates all fields if `version` is current; records each changed field with its data
/// class (`class_of`) in the history and audits the change with the classes touched.
pub fn update(
    conn: &mut Db,
    who: Who<'_>,
    id: &str,
    version: i32,
    values: &PersonValues,
    names: Names<'_>,
    class_of: impl Fn(&str) -> &'static str,
) -> DbResult<Person> {
    write_tx(conn, who.tenant_id, |c| {
        let before = get(c, who.tenant_id, id)?;
        let t = now();
        let changed = diesel::update(
            p::table
                .filter(p::id.eq(id))
                .filter(p::tenant_id.eq(who.tenant_id))
                .filter(p::version.eq(version)),
        )
        .set((
            values,
            p::updated_at.eq(t),
            p::updated_by.eq(who.user_id),
            p::version.eq(version + 1),
        ))
        .execute(c)?;
        check_versioned_update(c, changed, |c| {
            p::table
                .find(id)
                .select((p::updated_by, p::updated_at))
                .first(c)
        })?;
        // The reference date of the retention rule for closed cases.
        let closed = values.case_status == "closed";
        if closed != (before.values.case_status == "closed") {
            diesel::update(p::table.filter(p::id.eq(id)))
                .set(p::closed_on.eq(closed.then(|| t.date().to_string())))
                .execute(c)?;
        }
        let mut classes: Vec<&'static str> = Vec::new();
        for ((field, old), (_, new)) in before.values.fields().into_iter().zip(values.fields()) {
            if old == new {
                continue;
            }
            let class = class_of(field);
            if !classes.contains(&class) {
                classes.push(class);
            }
            diesel::insert_into(pc::table)
                .values((
                    pc::id.eq(uuid::Uuid::now_v7().to_string()),
                    pc::tenant_id.eq(who.tenant_id),
                    pc::person_id.eq(id),
                    pc::changed_at.eq(t),
                    pc::changed_by.eq(who.user_id),
                    pc::field.eq(field),
                    pc::data_class.eq(class),
                    pc::old_value.eq(old),
                    pc::new_value.eq(new),
                ))
                .execute(c)?;
        }
        if before.names != names.variants {
            if !classes.contains(&"identity") {
                classes.push("identity");
            }
            let describe = |ns: &[NameVariant]| {
                ns.iter()
                    .map(|n| format!("{}, {} ({})", n.family_name, n.given_names, n.kind))
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            diesel::insert_into(pc::table)
                .values((
                    pc::id.eq(uuid::Uuid::now_v7().to_string()),
                    pc::tenant_id.eq(who.tenant_id),
                    pc::person_id.eq(id),
                    pc::changed_at.eq(t),
                    pc::changed_by.eq(who.user_id),
                    pc::field.eq("names"),
                    pc::data_class.eq("identity"),
                    pc::old_value.eq(Some(describe(&before.names))),
                    pc::new_value.eq(Some(describe(names.variants))),
                ))
                .execute(c)?;
        }
        replace_names_and_keys(c, who, id, names.variants, names.keys)?;
        let parsed: Vec<ankommen_domain::DataClass> = classes
            .iter()
            .filter_map(|c| ankommen_domain::DataClass::parse(c).ok())
            .collect();
        let mut entry = Entry::new("person.update", "person", Some(id));
        entry.person_id = Some(id);
        entry.data_classes = &parsed;
        audit::append(c, who, entry)?;
        get(c, who.tenant_id, id)
    })
}

/// The history of a person, newest first.
pub fn changes(conn: &mut Db, tenant_id: &str, id: &str) -> DbResult<Vec<Change>> {
    Ok(pc::table
        .filter(pc::tenant_id.eq(tenant_id))
        .filter(pc::person_id.eq(id))
        .order((pc::changed_at.desc(), pc::id.desc()))
        .select(Change::as_select())
        .load(conn)?)
}

/// Ids of persons sharing a search key with the query, or born on one of `birth_dates`, or
/// with this case number; at most `limit`. The caller ranks them.
pub fn candidates(
    conn: &mut Db,
    tenant_id: &str,
    keys: &[String],
    birth_dates: &[String],
    case_number: Option<&str>,
    limit: i64,
) -> DbResult<Vec<String>> {
    let mut ids: Vec<String> = Vec::new();
    if !keys.is_empty() {
        // Most shared keys first, so a common first name alone does not crowd out the person
        // whose family name and date of birth match too. Each key contributes at most
        // PER_KEY rows: the work stays bounded however common a name is (a coarse key
        // such as the skeleton of "Ali" can match a large share of all persons).
        const PER_KEY: i64 = 1_000;
        let mut counts: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
        for key in keys {
            let rows: Vec<String> = sk::table
                .filter(sk::tenant_id.eq(tenant_id))
                .filter(sk::search_key.eq(key))
                .select(sk::person_id)
                .limit(PER_KEY)
                .load(conn)?;
            for id in rows {
                *counts.entry(id).or_default() += 1;
            }
        }
        let mut ranked: Vec<(String, u32)> = counts.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        ids.extend(
            ranked
                .into_iter()
                .take(limit.max(0) as usize)
                .map(|(id, _)| id),
        );
    }
    if !birth_dates.is_empty() {
        ids.extend(
            p::table
                .filter(p::tenant_id.eq(tenant_id))
                .filter(p::birth_date.eq_any(birth_dates))
                .select(p::id)
                .limit(limit)
                .load::<String>(conn)?,
        );
    }
    if let Some(n) = case_number {
        ids.extend(
            p::table
                .filter(p::tenant_id.eq(tenant_id))
                .filter(p::case_number.eq(n))
                .select(p::id)
                .load::<String>(conn)?,
        );
    }
    ids.sort();
    ids.dedup();
    Ok(ids)
}

/// Several persons by id (for ranking candidates), in one query per table.
pub fn get_many(conn: &mut Db, tenant_id: &str, ids: &[String]) -> DbResult<Vec<Person>> {
    // By primary key only, tenant checked below: with `tenant_id = ?` in the query SQLite
    // prefers the (tenant_id, case_number) index and scans the whole tenant.
    let rows: Vec<(Head, PersonValues)> = p::table
        .filter(p::id.eq_any(ids))
        .select((Head::as_select(), PersonValues::as_select()))
        .load::<(Head, PersonValues)>(conn)?
        .into_iter()
        .filter(|(head, _)| head.tenant_id == tenant_id)
        .collect();
    let names: Vec<(String, String, String, String)> = pn::table
        .filter(pn::person_id.eq_any(ids))
        .select((pn::person_id, pn::family_name, pn::given_names, pn::kind))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(head, values)| {
            let names = names
                .iter()
                .filter(|(pid, ..)| *pid == head.id)
                .map(|(_, f, g, k)| NameVariant {
                    family_name: f.clone(),
                    given_names: g.clone(),
                    kind: k.clone(),
                })
                .collect();
            Person {
                id: head.id,
                tenant_id: head.tenant_id,
                case_number: head.case_number,
                values,
                names,
                updated_at: head.updated_at,
                version: head.version,
            }
        })
        .collect())
}

/// Persons of a counsellor's caseload (or all, for `None`), by family name, paged.
pub fn list(
    conn: &mut Db,
    tenant_id: &str,
    counsellor_id: Option<&str>,
    limit: i64,
    offset: i64,
) -> DbResult<Vec<Person>> {
    let mut q = p::table.filter(p::tenant_id.eq(tenant_id)).into_boxed();
    if let Some(cid) = counsellor_id {
        q = q.filter(p::counsellor_id.eq(cid));
    }
    let ids: Vec<String> = q
        .order((p::family_name, p::given_names, p::id))
        .limit(limit.clamp(1, 500))
        .offset(offset.max(0))
        .select(p::id)
        .load(conn)?;
    let mut people = get_many(conn, tenant_id, &ids)?;
    people.sort_by(|a, b| {
        (&a.values.family_name, &a.values.given_names)
            .cmp(&(&b.values.family_name, &b.values.given_names))
    });
    Ok(people)
}

pub fn count(conn: &mut Db, tenant_id: &str) -> DbResult<i64> {
    Ok(p::table
        .filter(p::tenant_id.eq(tenant_id))
        .count()
        .get_result(conn)?)
}

/// Whether a referenced record exists in the tenant (for validation messages).
pub fn exists(conn: &mut Db, tenant_id: &str, id: &str) -> DbResult<bool> {
    match get(conn, tenant_id, id) {
        Ok(_) => Ok(true),
        Err(DbError::NotFound) => Ok(false),
        Err(e) => Err(e),
    }
}
