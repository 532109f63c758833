//! The two migration trees must give the same schema: same tables, columns, types (after
//! mapping each backend's names) and nullability. Needs PostgreSQL: `.ci/run` sets
//! `ANKOMMEN_TEST_POSTGRES_URL` and `ANKOMMEN_REQUIRE_POSTGRES=1`, so there it never skips.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;

use ankommen_db::Db;
use ankommen_db::testing::{PG_ENV, TestDb};
use diesel::prelude::*;
use diesel::sql_types::{Integer, Text};

#[derive(QueryableByName)]
struct Col {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
    #[diesel(sql_type = Text)]
    data_type: String,
    #[diesel(sql_type = Integer)]
    not_null: i32,
}

fn normalise(t: &str) -> String {
    match t.to_lowercase().as_str() {
        "timestamp without time zone" => "timestamp".into(),
        other => other.into(),
    }
}

fn columns(conn: &mut Db) -> BTreeSet<(String, String, String, bool)> {
    let rows: Vec<Col> = match conn {
        Db::Sqlite(c) => diesel::sql_query(
            "SELECT m.name AS table_name, p.name AS column_name, p.type AS data_type, \
             CASE WHEN p.\"notnull\" = 1 OR p.pk > 0 THEN 1 ELSE 0 END AS not_null \
             FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '__diesel_schema_migrations'",
        )
        .load(c)
        .unwrap(),
        Db::Pg(c) => diesel::sql_query(
            "SELECT table_name::text AS table_name, column_name::text AS column_name, data_type::text AS data_type, \
             CASE WHEN is_nullable = 'NO' THEN 1 ELSE 0 END AS not_null \
             FROM information_schema.columns \
             WHERE table_schema = 'public' AND table_name <> '__diesel_schema_migrations'",
        )
        .load(c)
        .unwrap(),
    };
    rows.into_iter()
        .map(|c| {
            (
                c.table_name,
                c.column_name,
                normalise(&c.data_type),
                c.not_null == 1,
            )
        })
        .collect()
}

#[test]
fn sqlite_and_postgres_migrations_give_the_same_schema() {
    let Some(pg_url) = std::env::var(PG_ENV).ok().filter(|u| !u.is_empty()) else {
        assert!(
            std::env::var("ANKOMMEN_REQUIRE_POSTGRES").is_err(),
            "{PG_ENV} must be set: the schema check needs PostgreSQL"
        );
        eprintln!("{PG_ENV} not set: schema parity checked in CI only");
        return;
    };
    let sqlite = TestDb::sqlite().unwrap();
    let pg = TestDb::postgres(&pg_url).unwrap();
    let a = columns(&mut sqlite.db.conn().unwrap());
    let b = columns(&mut pg.db.conn().unwrap());
    assert!(a.len() > 50, "sqlite schema read: {}", a.len());
    let only_sqlite: Vec<_> = a.difference(&b).collect();
    let only_pg: Vec<_> = b.difference(&a).collect();
    assert!(
        only_sqlite.is_empty() && only_pg.is_empty(),
        "schemas differ\nonly in SQLite: {only_sqlite:#?}\nonly in PostgreSQL: {only_pg:#?}"
    );
}
