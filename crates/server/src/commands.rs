//! The subcommands.

use std::process::ExitCode;

use anyhow::{Context, bail};
use rand::Rng;

use ankommen_db::{Database, DbError, Who, audit, demo, orgs, tenants, users};
use ankommen_domain::{Role, password};
use ankommen_web::{AppState, WebConfig};

use crate::config::{AuditCommand, Cli, Command, PortalCommand, ServeArgs, Settings, UserCommand};

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    if let Command::Allocate(args) = &cli.command {
        return allocate_raw(&args.raw);
    }
    let settings = Settings::load(&cli)?;
    let db = open(&settings.database_url)?;
    match cli.command {
        Command::Serve(args) => serve(settings, db, args),
        Command::Migrate => {
            println!("database {} is up to date", db.url().masked());
            Ok(ExitCode::SUCCESS)
        }
        Command::Demo => {
            let mut conn = db.conn()?;
            if !demo::is_empty(&mut conn)? {
                bail!(
                    "the database is not empty; the demo county is only seeded into an empty database"
                );
            }
            drop(conn);
            seed_demo(&db)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::User(UserCommand::Add {
            name,
            role,
            org,
            display_name,
        }) => user_add(&db, &name, &role, org.as_deref(), display_name.as_deref()),
        Command::Audit(AuditCommand::Verify) => audit_verify(&db),
        Command::Backup { file } => {
            if std::path::Path::new(&file).exists() {
                bail!("{file} exists already; choose a new file name");
            }
            let mut conn = db.conn()?;
            ankommen_db::dialect::backup_into(&mut conn, &file)?;
            println!("backup written to {file}");
            Ok(ExitCode::SUCCESS)
        }
        Command::Allocate(_) => Ok(ExitCode::SUCCESS),
        Command::Portal(PortalCommand::ImportIntegreat { dir }) => portal_import(&db, &dir),
    }
}

/// `ankommen portal import-integreat DIR`: checks every file first; on a problem prints the
/// file and JSON path and imports nothing (exit 1).
fn portal_import(db: &Database, dir: &str) -> anyhow::Result<ExitCode> {
    let content = match ankommen_web::portal::import::read_dir(std::path::Path::new(dir)) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("nothing imported: {e}");
            return Ok(ExitCode::FAILURE);
        }
    };
    let mut conn = db.conn()?;
    let tenant = tenants::default_tenant(&mut conn)?
        .context("no tenant yet: run `ankommen demo` or create one first")?;
    let report = ankommen_db::portal::import(&mut conn, Who::system(&tenant.id), &content)?;
    println!(
        "imported {} region(s), {} language(s), {} page(s), {} place(s), {} event(s), {} text(s)",
        report.regions, report.languages, report.pages, report.places, report.events, report.texts
    );
    Ok(ExitCode::SUCCESS)
}

/// Opens the database (migrating it); a one-line error naming the URL, password masked.
fn open(url: &str) -> anyhow::Result<Database> {
    Database::open(url).map_err(|e| match e {
        DbError::Unavailable(msg) => anyhow::anyhow!("cannot open database {msg}"),
        other => anyhow::anyhow!(
            "cannot open database {}: {other}",
            ankommen_db::conn::mask_password(url)
        ),
    })
}

fn random_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::thread_rng();
    (0..16)
        .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
        .collect()
}

/// Seeds the demo county and prints the logins.
fn seed_demo(db: &Database) -> anyhow::Result<()> {
    let shared = std::env::var("ANKOMMEN_DEMO_PASSWORD")
        .ok()
        .filter(|p| !p.is_empty());
    if let Some(p) = &shared
        && let Err(e) = password::check_new(p, "")
    {
        bail!("ANKOMMEN_DEMO_PASSWORD: {e}");
    }
    // One hash for a shared password; argon2 is deliberately slow.
    let shared_hash = match &shared {
        Some(p) => Some(password::hash(p)?),
        None => None,
    };
    let mut logins = Vec::new();
    let mut conn = db.conn()?;
    let seeded = demo::seed(&mut conn, |role| {
        let (plain, hash) = match (&shared, &shared_hash) {
            (Some(p), Some(h)) => (p.clone(), h.clone()),
            _ => {
                let p = random_password();
                let h = password::hash(&p).map_err(|e| DbError::Other(e.to_string()))?;
                (p, h)
            }
        };
        logins.push((role, plain));
        Ok(hash)
    })?;
    let (tenant_id, names) = seeded;
    let persons = demo::seed_persons(&mut conn, &tenant_id, 300)?;
    // The portal's demo content, imported like any Integreat export (from the source tree).
    let portal = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../db/demo_portal");
    if portal.join("regions.json").exists() {
        let content = ankommen_web::portal::import::read_dir(&portal)
            .map_err(|e| anyhow::anyhow!("demo portal content: {e}"))?;
        let r = ankommen_db::portal::import(&mut conn, Who::system(&tenant_id), &content)?;
        println!(
            "Portal demo content: {} regions, {} pages, {} places, {} events in {} languages.",
            r.regions,
            r.pages,
            r.places,
            r.events,
            r.languages / r.regions.max(1)
        );
    }
    println!(
        "Demo county \"{}\" created with {persons} fictional persons. Demo logins (user name = role):",
        demo::TENANT_NAME
    );
    for ((role, plain), name) in logins.iter().zip(names) {
        println!("  {name:<22} {plain}   ({role})");
    }
    if shared.is_none() {
        println!(
            "These passwords are shown only now. Set ANKOMMEN_DEMO_PASSWORD to choose one for all."
        );
    }
    Ok(())
}

fn serve(settings: Settings, db: Database, args: ServeArgs) -> anyhow::Result<ExitCode> {
    if args.demo {
        let mut conn = db.conn()?;
        let empty = demo::is_empty(&mut conn)?;
        drop(conn);
        if empty {
            seed_demo(&db)?;
        } else {
            println!("Database holds data already; demo data not seeded.");
        }
    }
    let loopback = settings.bind.starts_with("127.")
        || settings.bind.starts_with("localhost")
        || settings.bind.starts_with("[::1]");
    let config = WebConfig {
        secure_cookies: settings.secure_cookies.unwrap_or(!loopback),
        smtp: settings.smtp.clone().map(|s| s.into_config()),
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let state = AppState::new(db, config);
        let listener = tokio::net::TcpListener::bind(&settings.bind)
            .await
            .with_context(|| format!("cannot listen on {}", settings.bind))?;
        if let Some(mb) = settings.metrics_bind.as_deref().filter(|m| !m.is_empty()) {
            match tokio::net::TcpListener::bind(mb).await {
                Ok(ml) => {
                    let router = ankommen_web::metrics::router(state.clone());
                    tokio::spawn(async move { axum_serve(ml, router).await });
                    tracing::info!("metrics on http://{mb}/metrics");
                }
                Err(e) => tracing::warn!("metrics listener {mb}: {e}; metrics disabled"),
            }
        }
        if !args.no_worker {
            ankommen_web::jobs::spawn(state.clone());
        }
        println!("ankommen listening on http://{}", listener.local_addr()?);
        ankommen_web::launch_with_listener(listener, state).await?;
        Ok(ExitCode::SUCCESS)
    })
}

async fn axum_serve(listener: tokio::net::TcpListener, router: axum_router::Router) {
    if let Err(e) = axum_router::serve(listener, router).await {
        tracing::warn!("metrics listener: {e}");
    }
}

mod axum_router {
    pub use ankommen_web::axum_reexport::{Router, serve};
}

fn user_add(
    db: &Database,
    name: &str,
    role: &str,
    org: Option<&str>,
    display_name: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let role = Role::parse(role)?;
    let mut conn = db.conn()?;
    let tenant = tenants::default_tenant(&mut conn)?
        .context("no tenant yet: run `ankommen demo` or create the county first")?;
    let all = orgs::list(&mut conn, &tenant.id)?;
    let org = match org {
        Some(o) => all
            .iter()
            .find(|x| x.id == o || x.name == o)
            .with_context(|| format!("no organisation named or with id '{o}'"))?,
        None => all
            .iter()
            .find(|x| x.kind().is_some_and(|k| role.fits(k)))
            .with_context(|| format!("no organisation where the role {role} fits; pass --org"))?,
    };
    let raw = ankommen_web::input::RawUser {
        username: name.to_owned(),
        display_name: display_name.unwrap_or(name).to_owned(),
        email: None,
        role: role.as_str().to_owned(),
        org_id: org.id.clone(),
        locale: None,
    };
    let input = ankommen_web::input::user(&raw).map_err(|errs| {
        anyhow::anyhow!(
            errs.iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("; ")
        )
    })?;
    let (plain, generated) = match std::env::var("ANKOMMEN_USER_PASSWORD")
        .ok()
        .filter(|p| !p.is_empty())
    {
        Some(p) => (p, false),
        None => (random_password(), true),
    };
    password::check_new(&plain, &input.username)?;
    let hash = password::hash(&plain)?;
    let user =
        users::create(&mut conn, Who::system(&tenant.id), &input, &hash).map_err(|e| match e {
            DbError::Invalid(f) => anyhow::anyhow!("{f}"),
            other => other.into(),
        })?;
    println!(
        "created user {} ({}, {})",
        user.username, user.role, user.org_name
    );
    if generated {
        println!("password (shown only now): {plain}");
    }
    Ok(ExitCode::SUCCESS)
}

fn audit_verify(db: &Database) -> anyhow::Result<ExitCode> {
    let mut conn = db.conn()?;
    let results = audit::verify(&mut conn)?;
    let mut ok = true;
    for r in &results {
        match &r.broken {
            None => println!(
                "audit chain of tenant {} intact: {} entries",
                r.tenant_id, r.entries
            ),
            Some(b) => {
                ok = false;
                println!(
                    "audit chain of tenant {} BROKEN at entry {}: {} ({} entries verified before it)",
                    r.tenant_id, b.seq, b.reason, r.entries
                );
            }
        }
    }
    if results.is_empty() {
        println!("no audit log yet");
    }
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// `ankommen allocate --raw FILE`: exit 2 with a one-line error on bad input, nothing on stdout.
fn allocate_raw(path: &str) -> anyhow::Result<ExitCode> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: cannot read {path}: {e}");
            return Ok(ExitCode::from(2));
        }
    };
    match ankommen_allocate::solve_raw_json(&text) {
        Ok(out) => {
            println!("{out}");
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("error: {e}");
            Ok(ExitCode::from(2))
        }
    }
}
