//! Command line (clap) and configuration: defaults, then `ankommen.toml`, then `ANKOMMEN_*`
//! environment variables, then flags — each overriding the one before (figment).

use clap::{Args, Parser, Subcommand};
use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};

use ankommen_web::jobs::SmtpConfig;

#[derive(Debug, Parser)]
#[command(
    name = "ankommen",
    version,
    about = "Migration and integration management for a county's migration centre"
)]
pub struct Cli {
    /// Configuration file (TOML).
    #[arg(
        long,
        global = true,
        default_value = "ankommen.toml",
        env = "ANKOMMEN_CONFIG"
    )]
    pub config: String,
    /// Database URL: sqlite://FILE or postgres://USER@HOST/DB [env: ANKOMMEN_DATABASE_URL]
    #[arg(long, global = true)]
    pub database: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the web server (migrates the database first).
    Serve(ServeArgs),
    /// Apply pending database migrations and exit.
    Migrate,
    /// Seed the demo county into an empty database and print the demo logins.
    Demo,
    /// Manage user accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Inspect the audit log.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Write a consistent copy of the SQLite database to FILE (VACUUM INTO).
    Backup {
        /// Target file; must not exist.
        file: String,
    },
    /// Seat allocation.
    Allocate(AllocateArgs),
    /// The public information portal.
    #[command(subcommand)]
    Portal(PortalCommand),
}

#[derive(Debug, clap::Subcommand)]
pub enum PortalCommand {
    /// Import regions from a folder of Integreat API v3 JSON files: regions.json and
    /// {region}/{language}/pages.json, events.json, locations.json. All or nothing; a region
    /// already there is replaced.
    ImportIntegreat {
        /// The folder.
        dir: String,
    },
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on [env: ANKOMMEN_BIND] [default: 127.0.0.1:8080]
    #[arg(long)]
    pub bind: Option<String>,
    /// Seed the demo county if the database is empty, and print the demo logins.
    #[arg(long)]
    pub demo: bool,
    /// Loopback address for Prometheus metrics [env: ANKOMMEN_METRICS_BIND] [default: 127.0.0.1:9464]
    #[arg(long)]
    pub metrics_bind: Option<String>,
    /// Mark cookies Secure (behind HTTPS) [env: ANKOMMEN_SECURE_COOKIES] [default: on unless bound to loopback]
    #[arg(long)]
    pub secure_cookies: Option<bool>,
    /// Do not run the background job worker in this instance.
    #[arg(long)]
    pub no_worker: bool,
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create a user; the password comes from ANKOMMEN_USER_PASSWORD or is generated and printed once.
    Add {
        /// Login name.
        name: String,
        /// Role: admin, team_lead, counsellor, provider, placement_officer, immigration_office,
        /// youth_welfare, municipal_guide, volunteer_coordinator, editor, analyst.
        #[arg(long)]
        role: String,
        /// Organisation name or id [default: the first organisation whose kind fits the role]
        #[arg(long)]
        org: Option<String>,
        /// Display name [default: the login name]
        #[arg(long)]
        display_name: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Check the hash chain; exit status 1 and the first broken link if it was tampered with.
    Verify,
}

#[derive(Debug, Args)]
pub struct AllocateArgs {
    /// Solve a raw instance file (JSON) and print the optimal allocation as JSON.
    #[arg(long, value_name = "INSTANCE.json")]
    pub raw: String,
}

/// Settings from file and environment.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Settings {
    pub database_url: String,
    pub bind: String,
    pub metrics_bind: Option<String>,
    pub secure_cookies: Option<bool>,
    pub smtp: Option<SmtpSettings>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SmtpSettings {
    pub host: String,
    pub port: Option<u16>,
    pub username: Option<String>,
    pub password: Option<String>,
    pub from: String,
    pub starttls: Option<bool>,
}

impl SmtpSettings {
    pub fn into_config(self) -> SmtpConfig {
        SmtpConfig {
            host: self.host,
            port: self.port.unwrap_or(587),
            username: self.username,
            password: self.password,
            from: self.from,
            starttls: self.starttls.unwrap_or(true),
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            database_url: "sqlite://ankommen.db".into(),
            bind: "127.0.0.1:8080".into(),
            metrics_bind: Some("127.0.0.1:9464".into()),
            secure_cookies: None,
            smtp: None,
        }
    }
}

impl Settings {
    pub fn load(cli: &Cli) -> anyhow::Result<Self> {
        let mut fig = Figment::from(Serialized::defaults(Settings::default()))
            .merge(Toml::file(&cli.config))
            .merge(Env::prefixed("ANKOMMEN_").only(&[
                "database_url",
                "bind",
                "metrics_bind",
                "secure_cookies",
            ]))
            .merge(
                Env::prefixed("ANKOMMEN_SMTP_")
                    .map(|k| format!("smtp.{}", k.as_str().to_lowercase()).into()),
            );
        if let Some(db) = &cli.database {
            fig = fig.merge(("database_url", db));
        }
        if let Command::Serve(s) = &cli.command {
            if let Some(b) = &s.bind {
                fig = fig.merge(("bind", b));
            }
            if let Some(m) = &s.metrics_bind {
                fig = fig.merge(("metrics_bind", m));
            }
            if let Some(sc) = s.secure_cookies {
                fig = fig.merge(("secure_cookies", sc));
            }
        }
        fig.extract()
            .map_err(|e| anyhow::anyhow!("configuration: {e}"))
    }
}
