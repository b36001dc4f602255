use clap::{Parser, Subcommand};
use permits::auth::{mint, Caller, Claims, Role};
use permits::clock::{Clock, SystemClock};
use permits::config::Settings;
use permits::startup::Application;
use std::sync::Arc;

/// Foreign-labour permit and quota service (Law 482-V, Art. 32-35).
#[derive(Parser)]
#[command(version)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API (the default).
    Serve,
    /// Print a development token signed with the configured HS256 secret.
    Token {
        /// ministry, akimat, employer or auditor.
        #[arg(long)]
        role: String,
        /// The akimat's region, e.g. KZ-75.
        #[arg(long)]
        region: Option<String>,
        /// The employer's BIN, or an individual entrepreneur's IIN.
        #[arg(long)]
        bin: Option<String>,
        /// Token subject.
        #[arg(long, default_value = "dev")]
        sub: String,
        /// Lifetime in seconds.
        #[arg(long, default_value_t = 3600)]
        ttl: i64,
    },
    /// Print the OpenAPI document (the contract in openapi/openapi.json).
    Openapi,
    /// The tamper-evident audit trail.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Copy the configured database to a new file while the service keeps serving: SQLite
    /// by `VACUUM INTO` (one consistent snapshot), PostgreSQL by `pg_dump --format=custom`.
    Backup {
        /// The file to write; it must not exist.
        #[arg(long, value_name = "FILE")]
        to: std::path::PathBuf,
    },
    /// Run the start-up checks on the configured database (migrations, the quota ledger)
    /// and print a consistency report (ledger, national distribution, audit chain, rows);
    /// exit status 1 when anything is wrong. Run it on a restored backup.
    Check,
    /// Load the 2026 quota into a fresh SQLite file and run a dozen employers' permit
    /// cases through the API, printing each step.
    Demo {
        /// The SQLite file to create; it must not exist.
        #[arg(long, default_value = "data/demo.db")]
        database: std::path::PathBuf,
        /// The regions' labour force (e.g. the Bureau of National Statistics' table) as CSV:
        /// a first line `# source: <where the figures come from>`, the header
        /// `region,labour_force`, then each of the 20 regions once (KZ-75,1234567). The
        /// quota is then split among all 20 regions in proportion to it; without it, the
        /// ten regions the cases use get demo allocations.
        #[arg(long, value_name = "FILE")]
        labour_force: Option<std::path::PathBuf>,
    },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Walk the audit chain, recompute every link, print the head and the first event that
    /// does not match; exit status 1 when the chain is broken.
    Verify,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let cli = Cli::parse();
    match cli.command.unwrap_or(Command::Serve) {
        Command::Demo {
            database,
            labour_force,
        } => {
            let settings = Settings::load()?;
            // A refusal may list several problems, one a line: print it as text.
            if let Err(why) = permits::demo::run(settings, &database, labour_force.as_deref()) {
                eprintln!("{why}");
                std::process::exit(1);
            }
            Ok(())
        }
        Command::Audit {
            command: AuditCommand::Verify,
        } => {
            let settings = Settings::load()?;
            permits::ops::logs::init(settings.log.format);
            let v = permits::ops::backup::verify_chain(&settings)?;
            permits::ops::log_chain(&v, "on demand");
            let (seq, hash) = v
                .head
                .as_ref()
                .map_or((0, permits::db::audit::GENESIS), |h| {
                    (h.seq, h.hash.as_str())
                });
            println!("head: seq {seq} hash {hash}");
            println!("verified: {} events", v.checked);
            match v.first_break {
                None => {
                    println!("intact");
                    Ok(())
                }
                Some(b) => {
                    println!(
                        "BROKEN: {} at event {} (seq {}, expected {})",
                        b.problem.code(),
                        b.event_id.map_or("-".into(), |i| i.to_string()),
                        b.seq.map_or("-".into(), |i| i.to_string()),
                        b.expected_seq
                    );
                    std::process::exit(1);
                }
            }
        }
        Command::Backup { to } => {
            let settings = Settings::load()?;
            permits::ops::logs::init(settings.log.format);
            permits::ops::backup::backup(&settings, &to)?;
            println!("backed up to {}", to.display());
            Ok(())
        }
        Command::Check => {
            let settings = Settings::load()?;
            permits::ops::logs::init(settings.log.format);
            let report = permits::ops::backup::check(&settings)?;
            println!("{}", serde_json::to_string_pretty(&report)?);
            if !report.sound() {
                std::process::exit(1);
            }
            Ok(())
        }
        Command::Openapi => {
            print!("{}", permits::api::openapi_json()?);
            Ok(())
        }
        Command::Token {
            role,
            region,
            bin,
            sub,
            ttl,
        } => {
            let settings = Settings::load()?;
            let role: Role = serde_json::from_value(serde_json::Value::String(role))
                .map_err(|_| "role must be ministry, akimat, employer or auditor")?;
            // A claim the role does not carry would be ignored by the service: say so.
            let misplaced = match role {
                Role::Akimat => bin.is_some().then_some("--bin"),
                Role::Employer => region.is_some().then_some("--region"),
                Role::Ministry | Role::Auditor => {
                    (bin.is_some() || region.is_some()).then_some("--bin and --region")
                }
            };
            if let Some(flag) = misplaced {
                eprintln!(
                    "cannot mint this token: {flag} is not for the {} role",
                    role.as_str()
                );
                std::process::exit(2);
            }
            // An akimat's region must be one the service seeds, as the verifier requires.
            if let Some(r) = region.as_deref().filter(|_| role == Role::Akimat) {
                let text = std::fs::read_to_string(settings.seed.dir.join("regions.json"))?;
                let regions: Vec<serde_json::Value> = serde_json::from_str(&text)?;
                let known = regions.iter().any(|x| x["code"] == r);
                if !known && r.parse::<permits::domain::RegionCode>().is_ok() {
                    eprintln!("cannot mint this token: no region {r} in the reference data");
                    std::process::exit(2);
                }
            }
            let claims = Claims {
                sub,
                role,
                region,
                bin,
                exp: SystemClock.now().timestamp() + ttl,
            };
            // The service would refuse the token: say why instead of printing it.
            if let Err(why) = Caller::from_claims(claims.clone()) {
                eprintln!(
                    "cannot mint this token: {}",
                    permits::i18n::Lang::En.text(&why)
                );
                std::process::exit(2);
            }
            println!("{}", mint(settings.auth.hs256_secret.expose(), &claims)?);
            Ok(())
        }
        Command::Serve => {
            let settings = Settings::load()?;
            permits::ops::logs::init(settings.log.format);
            actix_web::rt::System::new().block_on(async move {
                let app = Application::build(&settings, Arc::new(SystemClock))?;
                log::info!(
                    "serving on http://{}:{} (database: {:?})",
                    settings.server.host,
                    app.port(),
                    permits::db::Backend::of_url(settings.database.url.expose())
                );
                app.run().await?;
                Ok(())
            })
        }
    }
}
