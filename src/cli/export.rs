//! `fardplan export`

use super::{Ctx, Format, output, store_error, user_error};
use crate::exchange::{csv_long, json};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// json: everything, re-importable as is; csv: one row per answer
    #[arg(long, value_enum)]
    format: Format,
    /// Write to this file instead of standard output
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<()> {
    let store = ctx.open_store()?;
    let bytes = match args.format {
        Format::Json => json::to_string(&json::export(&store).map_err(|e| store_error(ctx.lang, e))?).into_bytes(),
        Format::Csv => {
            let rows = csv_long::rows(&store).map_err(|e| store_error(ctx.lang, e))?;
            let mut buf = Vec::new();
            csv_long::write(&rows, &mut buf)?;
            buf
        }
        other => return Err(user_error(crate::i18n::format_not_here(ctx.lang, other.name(), "json, csv"))),
    };
    output::emit(args.out.as_deref(), &bytes, ctx.lang)
}
