//! `ankommen`: parses the command line, loads the configuration and launches. Thin on purpose.

mod commands;
mod config;

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = config::Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("ANKOMMEN_LOG")
                .unwrap_or_else(|_| "info,tower_http=warn".into()),
        )
        .with_target(false)
        .init();
    match commands::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
