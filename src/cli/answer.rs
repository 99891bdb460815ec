//! `fardplan answer set`

use super::{Ctx, current_user, store_error, user_error};
use crate::model::AnswerValue;

#[derive(Debug, clap::Subcommand)]
pub enum Cmd {
    /// Set one answer; it is stored durably before the command returns
    ///
    /// VALUE is an option id; several option ids comma-separated (multi); a level 0–4 (scale);
    /// ja/nej (yes/no); a number; free text; or vet-ej / ej-tillampligt.
    Set {
        /// Interview id (or a unique prefix of at least 8 characters)
        #[arg(long)]
        interview: String,
        /// Question id (see `fardplan questionnaire show`)
        #[arg(long)]
        question: String,
        /// The answer
        #[arg(long, allow_hyphen_values = true)]
        value: String,
        /// A note to keep with the answer (replaces the existing note)
        #[arg(long)]
        note: Option<String>,
    },
}

pub fn run(ctx: &Ctx, cmd: Cmd) -> anyhow::Result<()> {
    let Cmd::Set { interview, question, value, note } = cmd;
    let store = ctx.open_store()?;
    let interview = super::interview::resolve(&store, &interview).map_err(|e| store_error(ctx.lang, e))?;
    let q = store.snapshot(&interview.snapshot_hash).map_err(|e| store_error(ctx.lang, e))?;
    let Some(qq) = q.question(&question) else {
        return Err(user_error(crate::i18n::unknown_question(ctx.lang, &question, &q.id)));
    };
    let parsed = AnswerValue::parse(qq, &value)
        .map_err(|e| user_error(crate::i18n::value_error(ctx.lang, &question, &value, &e)))?;
    let note = match note {
        Some(n) => n,
        None => store
            .answer(&interview.id, &question)
            .map_err(|e| store_error(ctx.lang, e))?
            .map(|a| a.note)
            .unwrap_or_default(),
    };
    store
        .set_answer(&interview.id, &question, Some(&parsed), &note, &current_user())
        .map_err(|e| store_error(ctx.lang, e))?;
    Ok(())
}
