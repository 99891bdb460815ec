//! `fardplan import`

use super::{Ctx, current_user, store_error, user_error};
use crate::exchange::import::{ImportError, import};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A JSON export or a long-format CSV file
    file: PathBuf,
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(&args.file).map_err(|e| user_error(format!("{}: {e}", args.file.display())))?;
    let src = crate::load::find_questionnaire(None)
        .map_err(|e| super::questionnaire::load_error(ctx, &e))?
        .ok_or_else(|| user_error(crate::load::DEFAULT_QUESTIONNAIRE_ID))?;
    let store = ctx.open_store()?;
    match import(&store, &text, &src, &current_user()) {
        Ok(summary) => {
            eprintln!("{}", crate::i18n::import_done(ctx.lang, summary.interviews_created, summary.answers_written));
            Ok(())
        }
        Err(ImportError::Store(e)) => Err(store_error(ctx.lang, e)),
        Err(ImportError::Rejected(errors)) => {
            let file = args.file.display().to_string();
            let lines: Vec<String> = errors.iter().map(|e| crate::i18n::import_row_error(ctx.lang, &file, e)).collect();
            Err(user_error(format!("{}\n{}", lines.join("\n"), crate::i18n::import_rejected(ctx.lang, errors.len()))))
        }
    }
}
