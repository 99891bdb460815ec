//! `fardplan merge`

use super::{Ctx, current_user, output, store_error, user_error};
use crate::merge::{MergeError, MergeReport, merge};
use crate::store::Store;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The other interviewer's fardplan database (opened read-only, never changed)
    other: PathBuf,
    /// Show what would happen without writing anything
    #[arg(long)]
    dry_run: bool,
    /// Report format
    #[arg(long, value_enum, default_value = "text")]
    format: ReportFormat,
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<()> {
    // The other file first: if it cannot be merged, this database is not even opened.
    let theirs = Store::open_read_only(&args.other).map_err(|e| {
        let msg = crate::i18n::merge::source_error(ctx.lang, &e);
        if e.is_user_error() { user_error(msg) } else { anyhow::Error::new(e).context(msg) }
    })?;
    let store = ctx.open_store()?;
    let source = args.other.display().to_string();
    let plan = merge(&store, &theirs, &source, &current_user(), args.dry_run).map_err(|e| match e {
        MergeError::SameDatabase => user_error(crate::i18n::merge::same_database(ctx.lang)),
        MergeError::CorruptSnapshot { hash } => user_error(crate::i18n::merge::corrupt_snapshot(ctx.lang, &hash)),
        MergeError::Store(e) => store_error(ctx.lang, e),
    })?;
    let report = MergeReport::new(&plan, args.dry_run);
    let text = match args.format {
        ReportFormat::Json => output::json(&report)?,
        ReportFormat::Text => crate::i18n::merge::report_text(ctx.lang, &report),
    };
    output::stdout(text.as_bytes())
}
