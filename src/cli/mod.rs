//! The command line: one file per subcommand (an `Args` struct and a `run`), help text from doc
//! comments. Data goes to stdout, messages to stderr; exit 0 ok, 1 user error, 2 internal error.

mod answer;
mod backup;
mod compare;
mod conflicts;
mod demo;
mod export;
mod import;
mod interview;
mod licenses;
mod merge;
mod municipalities;
mod output;
mod questionnaire;
mod report;
mod roadmap;
mod roadmap_batch;
mod score;
mod sheet;
mod views;

use crate::i18n::Lang;
use crate::store::{Store, StoreError};
use clap::{Parser, Subcommand};
use std::path::PathBuf;

pub use output::Format;

/// Status interviews with municipalities, scored against the five sub-goals of the national
/// digitalisation strategy, compared, and turned into digital roadmaps ("färdplaner").
///
/// Without a subcommand, opens the interview screen.
#[derive(Debug, Parser)]
#[command(name = "fardplan", version, about, long_about)]
pub struct Cli {
    /// Database file (default: fardplan.db in your data folder)
    #[arg(long, global = true, env = "FARDPLAN_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Language of messages and screens
    #[arg(long, global = true, env = "FARDPLAN_LANG", value_enum)]
    pub lang: Option<Lang>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check or show questionnaire files
    #[command(subcommand)]
    Questionnaire(questionnaire::Cmd),
    /// List the municipalities of the register
    Municipalities(municipalities::Args),
    /// Create, list and show interviews
    #[command(subcommand)]
    Interview(interview::Cmd),
    /// Set answers
    #[command(subcommand)]
    Answer(answer::Cmd),
    /// Export all interviews and answers
    Export(export::Args),
    /// Import a JSON export or a long CSV; all or nothing
    Import(import::Args),
    /// Fill a database with fictitious example data ("Exempeldata") to try every screen
    ///
    /// 33 Skåne municipalities, rounds 2018 and 2022. Refuses a database that holds real
    /// interviews: use a file of its own, e.g. `fardplan demo --db exempel.db`.
    Demo(demo::Args),
    /// Scores of one municipality: five sub-goals and the index, against its county
    ///
    /// Score, coverage, maturity band, rank and median in the county, and change since the
    /// previous round. A score with coverage below 50 % is uncertain: "42?" in the table,
    /// `uncertain` in CSV and JSON. Example data is labelled "Exempeldata".
    Score(score::Args),
    /// Compare municipalities of a county, an SKR group, a list or the whole country
    ///
    /// Without --county, --group or --municipalities the whole country is compared. Ranks and
    /// medians are always taken over the whole county. Uncertain scores (coverage below 50 %)
    /// read "42?" in the table and `true` in the `*_uncertain` CSV columns. CSV has one row per
    /// municipality with stable English column names; xlsx has the sheets "Poäng" and
    /// "Statistik". xlsx is written to --out, or to standard output only when that is a file
    /// or a pipe, never to a terminal. Example data is labelled "Exempeldata".
    Compare(compare::Args),
    /// The Skåne-style status report of a county: distributions, free text, visited
    ///
    /// For every choice question, how many of the interviewed municipalities gave each answer,
    /// in count and percent — always of the interviewed municipalities, and the output says
    /// so. Then the free-text answers and notes per question with the municipality's name, and
    /// the visited municipalities. CSV is one long table whose `part` column says
    /// distribution, free_text or visited; xlsx has the sheets "Fördelningar", "Fritext" and
    /// "Besökta" and is written to --out, or to standard output only when that is a file or a
    /// pipe, never to a terminal. Example data is labelled "Exempeldata".
    Report(report::Args),
    /// Digital roadmaps as PDF, and checks of roadmap catalogues
    ///
    /// `roadmap --municipality CODE --out FILE.pdf` writes a municipality's roadmap,
    /// `roadmap --county CC --out FILE.pdf` the county's roadmap of shared work, and
    /// `roadmap --all --out-dir DIR` one PDF per interviewed municipality. Without --round, the
    /// latest round with interviews is used.
    Roadmap(roadmap::Args),
    /// Licence notices of the fonts embedded in the program and its PDFs
    Licenses(licenses::Args),
    /// Bring in another interviewer's database without losing or overwriting anything
    ///
    /// New interviews are copied whole; an answer changed only in the other database is taken;
    /// one changed in both becomes a conflict that keeps both values (see `fardplan conflicts`).
    /// Interviews of the same municipality and round are both kept and reported. The other file
    /// is opened read-only and never changed; the merge lands whole or not at all, and merging
    /// the same file again changes nothing.
    Merge(merge::Args),
    /// List open conflicts from merges, or resolve one with `conflicts resolve`
    Conflicts(conflicts::Args),
    /// Make a consistent copy of the database, safe while the interview screen is open
    Backup(backup::Args),
}

/// A mistake in what the user gave us: explained, exit code 1.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UserError(pub String);

pub fn user_error(msg: impl Into<String>) -> anyhow::Error {
    UserError(msg.into()).into()
}

/// What every subcommand needs from the global options.
pub struct Ctx {
    pub lang: Lang,
    pub db: PathBuf,
}

impl Ctx {
    pub fn open_store(&self) -> anyhow::Result<Store> {
        Store::open(&self.db).map_err(|e| store_error(self.lang, e))
    }
}

/// Wraps store errors so user-caused ones (foreign file, unknown interview…) exit with 1.
pub fn store_error(lang: Lang, e: StoreError) -> anyhow::Error {
    let msg = crate::i18n::store_error(lang, &e);
    if e.is_user_error() { user_error(msg) } else { anyhow::Error::new(e).context(msg) }
}

/// The interviewer name from the config file, if any (set once at start-up).
static DEFAULT_INTERVIEWER: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// Parses arguments, runs, prints errors, and returns the process exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => 0,
                _ => 1,
            };
        }
    };
    let config = match crate::config::load() {
        Ok(c) => c,
        Err((place, detail)) => {
            let lang = cli.lang.unwrap_or_default();
            eprintln!("{}: {}", lang.texts().error_prefix, crate::i18n::config_error(lang, &place, &detail));
            return 1;
        }
    };
    let lang = cli.lang.or(config.lang).unwrap_or_default();
    if let Some(name) = &config.interviewer {
        DEFAULT_INTERVIEWER.get_or_init(|| name.clone());
    }
    match run(cli, lang) {
        Ok(()) => 0,
        Err(e) => report(lang, &e),
    }
}

fn report(lang: Lang, e: &anyhow::Error) -> i32 {
    let t = lang.texts();
    if let Some(u) = e.downcast_ref::<UserError>() {
        eprintln!("{}: {u}", t.error_prefix);
        1
    } else {
        eprintln!("{}: {}: {e:#}", t.error_prefix, t.internal_error);
        2
    }
}

pub fn run(cli: Cli, lang: Lang) -> anyhow::Result<()> {
    let ctx = Ctx { lang, db: cli.db.unwrap_or_else(crate::store::default_path) };
    match cli.command {
        None => open_tui(&ctx),
        Some(Command::Questionnaire(cmd)) => questionnaire::run(&ctx, cmd),
        Some(Command::Municipalities(args)) => municipalities::run(&ctx, args),
        Some(Command::Interview(cmd)) => interview::run(&ctx, cmd),
        Some(Command::Answer(cmd)) => answer::run(&ctx, cmd),
        Some(Command::Export(args)) => export::run(&ctx, args),
        Some(Command::Import(args)) => import::run(&ctx, args),
        Some(Command::Demo(args)) => demo::run(&ctx, args),
        Some(Command::Score(args)) => score::run(&ctx, args),
        Some(Command::Compare(args)) => compare::run(&ctx, args),
        Some(Command::Report(args)) => report::run(&ctx, args),
        Some(Command::Roadmap(args)) => roadmap::run(&ctx, args),
        Some(Command::Licenses(args)) => licenses::run(&ctx, args),
        Some(Command::Merge(args)) => merge::run(&ctx, args),
        Some(Command::Conflicts(args)) => conflicts::run(&ctx, args),
        Some(Command::Backup(args)) => backup::run(&ctx, args),
    }
}

/// Opens the TUI on the database, with the default questionnaire for new interviews.
fn open_tui(ctx: &Ctx) -> anyhow::Result<()> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() {
        return Err(user_error(crate::i18n::needs_terminal(ctx.lang)));
    }
    let source = crate::load::find_questionnaire(None)
        .map_err(|e| questionnaire::load_error(ctx, &e))?
        .ok_or_else(|| user_error(crate::load::DEFAULT_QUESTIONNAIRE_ID))?;
    let store = ctx.open_store()?;
    let app = crate::tui::App::new(store, source, ctx.lang, crate::tui::theme::Theme::from_env())
        .map_err(|e| store_error(ctx.lang, e))?;
    crate::tui::run(app)
}

/// The name recorded as "who" in the history when the CLI changes something.
pub fn current_user() -> String {
    // The language is `LANG`-independent on purpose: the users are Swedish civil servants whose
    // machines often run an English locale; `--lang`, `FARDPLAN_LANG` or the config decide.
    std::env::var("FARDPLAN_USER")
        .ok()
        .or_else(|| DEFAULT_INTERVIEWER.get().cloned())
        .or_else(|| std::env::var("USER").ok())
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| crate::i18n::unknown_user(Lang::Sv).into())
}
