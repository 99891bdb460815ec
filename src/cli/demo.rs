//! `fardplan demo`

use super::{Ctx, store_error, user_error};
use crate::demo::{fill, skane_demo};
use crate::store::InterviewFilter;

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(ctx: &Ctx, _args: Args) -> anyhow::Result<()> {
    let src = crate::load::find_questionnaire(None)
        .map_err(|e| super::questionnaire::load_error(ctx, &e))?
        .ok_or_else(|| user_error(crate::load::DEFAULT_QUESTIONNAIRE_ID))?;
    let store = ctx.open_store()?;
    let existing = store.interviews(&InterviewFilter::default()).map_err(|e| store_error(ctx.lang, e))?;
    // Example data never mixes with real interviews, and is never added twice.
    if existing.iter().any(|i| !i.demo) {
        return Err(user_error(crate::i18n::demo_refused_real(ctx.lang, &ctx.db.display().to_string())));
    }
    if !existing.is_empty() {
        return Err(user_error(crate::i18n::demo_refused_twice(ctx.lang, &ctx.db.display().to_string())));
    }
    let filled = fill(&store, &src, &skane_demo()).map_err(|e| store_error(ctx.lang, e))?;
    eprintln!("{}", crate::i18n::demo_done(ctx.lang, filled.interviews, filled.answers, &ctx.db.display().to_string()));
    Ok(())
}
