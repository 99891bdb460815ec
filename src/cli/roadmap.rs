//! `fardplan roadmap check FILE...`: validate roadmap catalogues against their questionnaire.

use super::{Ctx, user_error};
use crate::load::{self, LoadErrors};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Args {
    #[command(subcommand)]
    pub cmd: Option<Cmd>,
}

#[derive(Debug, clap::Subcommand)]
pub enum Cmd {
    /// Validate roadmap catalogues; errors are printed as FILE:LINE:COL: message
    Check {
        /// Files to check
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<()> {
    match args.cmd {
        Some(Cmd::Check { files }) => check(ctx, &files),
        None => Err(user_error(crate::i18n::roadmap_usage(ctx.lang))),
    }
}

fn check(ctx: &Ctx, files: &[PathBuf]) -> anyhow::Result<()> {
    let questionnaires = load::available_questionnaires().map_err(|e| user_error(e.render(ctx.lang)))?;
    let mut all = Vec::new();
    for f in files {
        if let Err(e) = load::read_catalogue(f, &questionnaires) {
            all.extend(e.0);
        }
    }
    if all.is_empty() {
        eprintln!("{}", ctx.lang.texts().files_valid(files.len()));
        Ok(())
    } else {
        Err(user_error(LoadErrors(all).render(ctx.lang)))
    }
}
