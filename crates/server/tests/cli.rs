//! The binary's commands, run as an operator would run them.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::{Command, Output};

use ankommen_db::testing::TestDb;

fn ankommen(db: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ankommen"))
        .args(["--config", "/nonexistent/ankommen.toml", "--database", db])
        .args(args)
        .env("ANKOMMEN_DEMO_PASSWORD", "demo-passwort-2026")
        .env_remove("ANKOMMEN_DATABASE_URL")
        .output()
        .unwrap()
}

fn text(o: &[u8]) -> String {
    String::from_utf8_lossy(o).into_owned()
}

#[test]
fn every_command_has_help() {
    for cmd in [
        &["--help"][..],
        &["serve", "--help"],
        &["migrate", "--help"],
        &["demo", "--help"],
        &["user", "add", "--help"],
        &["audit", "verify", "--help"],
        &["backup", "--help"],
        &["allocate", "--help"],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_ankommen"))
            .args(cmd)
            .output()
            .unwrap();
        assert!(out.status.success(), "{cmd:?}");
        assert!(text(&out.stdout).contains("Usage: ankommen"), "{cmd:?}");
    }
}

#[test]
fn demo_user_add_audit_verify_and_tampering() {
    let t = TestDb::new().unwrap();
    let out = ankommen(&t.url, &["demo"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("counsellor") && stdout.contains("demo-passwort-2026"),
        "{stdout}"
    );
    // A second demo run refuses: the database is not empty.
    assert!(!ankommen(&t.url, &["demo"]).status.success());

    let out = ankommen(
        &t.url,
        &[
            "user",
            "add",
            "beate",
            "--role",
            "counsellor",
            "--display-name",
            "Beate Berger",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("password (shown only now)"));
    let out = ankommen(&t.url, &["user", "add", "x y", "--role", "counsellor"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("username"),
        "{}",
        text(&out.stderr)
    );
    let out = ankommen(
        &t.url,
        &[
            "user",
            "add",
            "jc",
            "--role",
            "placement_officer",
            "--org",
            "Volkshochschule Osnabrücker Land",
        ],
    );
    assert!(
        text(&out.stderr).contains("does not fit"),
        "{}",
        text(&out.stderr)
    );

    let out = ankommen(&t.url, &["audit", "verify"]);
    assert!(out.status.success(), "{}", text(&out.stdout));
    assert!(text(&out.stdout).contains("intact"));

    // Edit one row by hand, bypassing the append-only trigger.
    {
        use diesel::connection::SimpleConnection;
        let mut c = t.db.conn().unwrap();
        let bypass = match &*c {
            ankommen_db::Db::Sqlite(_) => "DROP TRIGGER audit_log_no_update;",
            ankommen_db::Db::Pg(_) => "ALTER TABLE audit_log DISABLE TRIGGER USER;",
        };
        c.batch_execute(&format!(
            "{bypass} UPDATE audit_log SET action = 'user.read' WHERE seq = 12"
        ))
        .unwrap();
    }
    let out = ankommen(&t.url, &["audit", "verify"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).contains("BROKEN at entry 12"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn unreachable_database_is_one_line_with_the_password_masked() {
    let out = ankommen("postgres://anna:geheim@127.0.0.1:1/x", &["migrate"]);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(
        err.contains("postgres://anna:***@127.0.0.1:1/x") && !err.contains("geheim"),
        "{err}"
    );
    let out = ankommen("mysql://a@b/c", &["migrate"]);
    assert!(text(&out.stderr).contains("unsupported database URL"));
}

#[test]
fn sqlite_backup() {
    let t = TestDb::sqlite().unwrap();
    assert!(ankommen(&t.url, &["demo"]).status.success());
    let target = std::env::temp_dir().join(format!("ankommen-backup-{}.db", std::process::id()));
    let _ = std::fs::remove_file(&target);
    let out = ankommen(&t.url, &["backup", target.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    // The copy is a working database with the same audit chain.
    let out = ankommen(
        &format!("sqlite://{}", target.display()),
        &["audit", "verify"],
    );
    assert!(out.status.success() && text(&out.stdout).contains("intact"));
    let again = ankommen(&t.url, &["backup", target.to_str().unwrap()]);
    assert!(
        !again.status.success(),
        "an existing file is not overwritten"
    );
    let _ = std::fs::remove_file(&target);
}

#[test]
fn allocate_raw_contract_errors() {
    let dir = std::env::temp_dir();
    let good = dir.join(format!("ank-alloc-{}.json", std::process::id()));
    std::fs::write(&good, r#"{"participants": 3, "courses": [{"capacity": 1}, {"capacity": 1}], "arcs": [[0,0,5],[1,0,3],[2,1,7],[1,1,1]]}"#).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_ankommen"))
        .args(["allocate", "--raw", good.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["placed"], 2);
    let bad = dir.join(format!("ank-alloc-bad-{}.json", std::process::id()));
    std::fs::write(
        &bad,
        r#"{"participants": 1, "courses": [{"capacity": 1}], "arcs": [[0, 3, 1]]}"#,
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_ankommen"))
        .args(["allocate", "--raw", bad.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "no partial output");
    assert!(
        text(&out.stderr).contains("arcs[0]"),
        "{}",
        text(&out.stderr)
    );
    let _ = std::fs::remove_file(&good);
    let _ = std::fs::remove_file(&bad);
}
