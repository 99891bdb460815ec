//! `fardplan conflicts` and `fardplan conflicts resolve`

use super::{Ctx, current_user, output, store_error, user_error};
use crate::i18n::merge as t;
use crate::model::AnswerValue;
use crate::register;
use crate::store::{Conflict, Resolution, Store};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Side {
    /// This database's answer
    Ours,
    /// The other database's answer
    Theirs,
}

#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Args {
    #[command(subcommand)]
    cmd: Option<Cmd>,
    /// Only this interview (id, or a unique prefix of at least 8 characters)
    #[arg(long)]
    interview: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value = "table")]
    format: ListFormat,
}

#[derive(Debug, clap::Subcommand)]
pub enum Cmd {
    /// Resolve the open conflict of one answer; the choice is recorded in the history
    Resolve {
        /// Interview id (or a unique prefix of at least 8 characters)
        #[arg(long)]
        interview: String,
        /// Question id
        #[arg(long)]
        question: String,
        /// Keep this database's answer (ours) or take the other database's (theirs)
        #[arg(long, value_enum, conflicts_with = "value", required_unless_present = "value")]
        take: Option<Side>,
        /// A new answer instead, written as for `answer set --value`
        #[arg(long, allow_hyphen_values = true)]
        value: Option<String>,
        /// With --value: the note to keep (default: the current note)
        #[arg(long, requires = "value")]
        note: Option<String>,
    },
}

/// A conflict with the municipality and round it belongs to, for people and scripts.
#[derive(Serialize)]
struct Row {
    municipality_code: String,
    municipality: String,
    round: String,
    #[serde(flatten)]
    conflict: Conflict,
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<()> {
    let store = ctx.open_store()?;
    match args.cmd {
        Some(Cmd::Resolve { interview, question, take, value, note }) => {
            resolve(ctx, &store, &interview, &question, take, value, note)
        }
        None => list(ctx, &store, args.interview.as_deref(), args.format),
    }
}

fn list(ctx: &Ctx, store: &Store, interview: Option<&str>, format: ListFormat) -> anyhow::Result<()> {
    let err = |e| store_error(ctx.lang, e);
    let conflicts = match interview {
        Some(id) => {
            let iv = super::interview::resolve(store, id).map_err(err)?;
            store.open_conflicts(&iv.id).map_err(err)?
        }
        None => store.all_open_conflicts().map_err(err)?,
    };
    let mut rows = Vec::new();
    for c in conflicts {
        let iv = store.interview(&c.interview_id).map_err(err)?;
        rows.push(Row {
            municipality: register::by_code(&iv.municipality_code).map(|m| m.name.clone()).unwrap_or_default(),
            municipality_code: iv.municipality_code,
            round: iv.round,
            conflict: c,
        });
    }
    if format == ListFormat::Json {
        return output::stdout(output::json(&rows)?.as_bytes());
    }
    if rows.is_empty() {
        eprintln!("{}", t::no_open_conflicts(ctx.lang));
        return Ok(());
    }
    let table = output::table(
        &t::conflict_columns(ctx.lang),
        rows.iter()
            .map(|r| {
                let id = &r.conflict.interview_id;
                vec![
                    format!("{} {}\n{} · {}", r.municipality_code, r.municipality, r.round, id.get(..8).unwrap_or(id)),
                    r.conflict.question_id.clone(),
                    t::side_cell(ctx.lang, &r.conflict.ours),
                    t::side_cell(ctx.lang, &r.conflict.theirs),
                ]
            })
            .collect(),
    );
    output::stdout(table.as_bytes())
}

fn resolve(
    ctx: &Ctx,
    store: &Store,
    interview: &str,
    question: &str,
    take: Option<Side>,
    value: Option<String>,
    note: Option<String>,
) -> anyhow::Result<()> {
    let err = |e| store_error(ctx.lang, e);
    let iv = super::interview::resolve(store, interview).map_err(err)?;
    let resolution = match (take, value) {
        (Some(Side::Ours), _) => Resolution::Ours,
        (Some(Side::Theirs), _) => Resolution::Theirs,
        (None, Some(raw)) => {
            let q = store.snapshot(&iv.snapshot_hash).map_err(err)?;
            let Some(qq) = q.question(question) else {
                return Err(user_error(crate::i18n::unknown_question(ctx.lang, question, &q.id)));
            };
            let parsed = AnswerValue::parse(qq, &raw)
                .map_err(|e| user_error(crate::i18n::value_error(ctx.lang, question, &raw, &e)))?;
            let note = match note {
                Some(n) => n,
                None => store.answer(&iv.id, question).map_err(err)?.map(|a| a.note).unwrap_or_default(),
            };
            Resolution::Value { value: Some(parsed), note }
        }
        // clap requires --take or --value.
        (None, None) => return Err(user_error(t::no_open_conflict(ctx.lang, &iv.id, question))),
    };
    store.resolve_conflict(&iv.id, question, &resolution, &current_user()).map_err(err)?;
    eprintln!("{}", t::resolved(ctx.lang, question));
    Ok(())
}
