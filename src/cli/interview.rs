//! `fardplan interview new|list|show|complete|reopen`

use super::{Ctx, Format, current_user, output, store_error, user_error};
use crate::model::visibility::{Answers, progress};
use crate::register;
use crate::store::{Interview, InterviewFilter, NewInterview, Store};
use serde::Serialize;

#[derive(Debug, clap::Subcommand)]
pub enum Cmd {
    /// Start a new interview and print its id
    New {
        /// Municipality code (four digits, e.g. 1280 for Malmö)
        #[arg(long, value_name = "CODE")]
        municipality: String,
        /// Interview round, e.g. 2026
        #[arg(long, value_name = "R")]
        round: String,
        /// Who conducts the interview
        #[arg(long, value_name = "NAME")]
        interviewer: Option<String>,
        /// The respondents' roles (not names), e.g. "IT-chef, kommundirektör"
        #[arg(long, value_name = "ROLES", default_value = "")]
        respondents: String,
        /// Questionnaire id (default: skane-nulage)
        #[arg(long, value_name = "ID")]
        questionnaire: Option<String>,
    },
    /// List interviews
    List {
        /// Only this municipality
        #[arg(long, value_name = "CODE")]
        municipality: Option<String>,
        /// Only this round
        #[arg(long, value_name = "R")]
        round: Option<String>,
        /// Output format
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// Show one interview with its answers
    Show {
        /// Interview id
        id: String,
        /// Output format
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Mark an interview completed (it becomes read-only)
    Complete {
        /// Interview id
        id: String,
    },
    /// Reopen a completed interview; the reason is kept in the history
    Reopen {
        /// Interview id
        id: String,
        /// Why it is reopened
        #[arg(long)]
        reason: String,
    },
}

pub fn run(ctx: &Ctx, cmd: Cmd) -> anyhow::Result<()> {
    match cmd {
        Cmd::New { municipality, round, interviewer, respondents, questionnaire } => {
            if register::by_code(&municipality).is_none() {
                return Err(user_error(crate::i18n::unknown_municipality(ctx.lang, &municipality)));
            }
            if round.trim().is_empty() {
                return Err(user_error(crate::i18n::empty_round(ctx.lang)));
            }
            let src = crate::load::find_questionnaire(questionnaire.as_deref())
                .map_err(|e| super::questionnaire::load_error(ctx, &e))?
                .ok_or_else(|| {
                    user_error(crate::i18n::unknown_questionnaire(ctx.lang, questionnaire.as_deref().unwrap_or("")))
                })?;
            let store = ctx.open_store()?;
            let new = NewInterview {
                municipality_code: municipality,
                round: round.trim().to_string(),
                interviewer: interviewer.unwrap_or_else(current_user),
                respondents,
                ..Default::default()
            };
            let interview = store.create_interview(&src, &new).map_err(|e| store_error(ctx.lang, e))?;
            println!("{}", interview.id);
            Ok(())
        }
        Cmd::List { municipality, round, format } => {
            let store = ctx.open_store()?;
            let rows = list_rows(&store, &InterviewFilter { municipality_code: municipality, round })
                .map_err(|e| store_error(ctx.lang, e))?;
            let t = ctx.lang.texts();
            let text = match format {
                Format::Json => output::json(&rows)?,
                Format::Csv => output::csv(
                    &[
                        "interview_id",
                        "municipality_code",
                        "municipality",
                        "round",
                        "interviewer",
                        "status",
                        "answered",
                        "visible",
                        "started_at",
                    ],
                    rows.iter()
                        .map(|r| {
                            vec![
                                r.id.clone(),
                                r.municipality_code.clone(),
                                r.municipality.clone(),
                                r.round.clone(),
                                r.interviewer.clone(),
                                r.status.clone(),
                                r.answered.to_string(),
                                r.visible.to_string(),
                                r.started_at.clone(),
                            ]
                        })
                        .collect(),
                )?,
                _ => output::table(
                    &[t.col_id, t.col_municipality, t.col_round, t.col_status, t.col_answered],
                    rows.iter()
                        .map(|r| {
                            let status =
                                if r.status == "completed" { t.status_completed } else { t.status_in_progress };
                            vec![
                                r.id[..8.min(r.id.len())].to_string(),
                                format!("{} {}", r.municipality_code, r.municipality),
                                r.round.clone(),
                                status.to_string(),
                                format!("{}/{}", r.answered, r.visible),
                            ]
                        })
                        .collect(),
                ),
            };
            output::stdout(text.as_bytes())
        }
        Cmd::Show { id, format } => {
            let store = ctx.open_store()?;
            let interview = resolve(&store, &id).map_err(|e| store_error(ctx.lang, e))?;
            let text = show(ctx, &store, &interview, format).map_err(|e| store_error(ctx.lang, e))?;
            output::stdout(text.as_bytes())
        }
        Cmd::Complete { id } => {
            let store = ctx.open_store()?;
            let interview = resolve(&store, &id).map_err(|e| store_error(ctx.lang, e))?;
            store.complete(&interview.id, &current_user()).map_err(|e| store_error(ctx.lang, e))?;
            Ok(())
        }
        Cmd::Reopen { id, reason } => {
            if reason.trim().is_empty() {
                return Err(user_error(crate::i18n::reason_needed(ctx.lang)));
            }
            let store = ctx.open_store()?;
            let interview = resolve(&store, &id).map_err(|e| store_error(ctx.lang, e))?;
            store.reopen(&interview.id, &current_user(), reason.trim()).map_err(|e| store_error(ctx.lang, e))?;
            Ok(())
        }
    }
}

/// Accepts a full id or a unique prefix of at least 8 characters (as `interview list` shows).
pub fn resolve(store: &Store, id: &str) -> crate::store::Result<Interview> {
    if let Ok(i) = store.interview(id) {
        return Ok(i);
    }
    if id.len() >= 8 {
        let matches: Vec<Interview> =
            store.interviews(&InterviewFilter::default())?.into_iter().filter(|i| i.id.starts_with(id)).collect();
        if let [one] = matches.as_slice() {
            return Ok(one.clone());
        }
    }
    Err(crate::store::StoreError::UnknownInterview(id.to_string()))
}

#[derive(Serialize)]
struct ListRow {
    id: String,
    municipality_code: String,
    municipality: String,
    round: String,
    interviewer: String,
    status: String,
    answered: usize,
    visible: usize,
    started_at: String,
    completed_at: Option<String>,
}

fn list_rows(store: &Store, filter: &InterviewFilter) -> crate::store::Result<Vec<ListRow>> {
    let mut out = Vec::new();
    for i in store.interviews(filter)? {
        let q = store.snapshot(&i.snapshot_hash)?;
        let answers = answer_map(store, &i.id)?;
        let (answered, visible) = progress(&q, &answers);
        out.push(ListRow {
            municipality: register::by_code(&i.municipality_code).map(|m| m.name.clone()).unwrap_or_default(),
            id: i.id,
            municipality_code: i.municipality_code,
            round: i.round,
            interviewer: i.interviewer,
            status: i.status.as_str().into(),
            answered,
            visible,
            started_at: i.started_at,
            completed_at: i.completed_at,
        });
    }
    Ok(out)
}

/// Answers with a value (note-only rows do not count as answered).
pub fn answer_map(store: &Store, interview_id: &str) -> crate::store::Result<Answers> {
    Ok(store.answers(interview_id)?.into_iter().filter_map(|a| a.value.map(|v| (a.question_id, v))).collect())
}

fn show(ctx: &Ctx, store: &Store, i: &Interview, format: Format) -> crate::store::Result<String> {
    let q = store.snapshot(&i.snapshot_hash)?;
    let answers = store.answers(&i.id)?;
    if format == Format::Json {
        #[derive(Serialize)]
        struct Show<'a> {
            interview: &'a Interview,
            questionnaire_id: &'a str,
            questionnaire_version: &'a str,
            answers: &'a [crate::store::StoredAnswer],
        }
        let show = Show { interview: i, questionnaire_id: &q.id, questionnaire_version: &q.version, answers: &answers };
        return Ok(serde_json::to_string_pretty(&show).unwrap_or_default() + "\n");
    }
    let t = ctx.lang.texts();
    let name = register::by_code(&i.municipality_code).map(|m| m.name.as_str()).unwrap_or("");
    let status = if i.status.as_str() == "completed" { t.status_completed } else { t.status_in_progress };
    let mut out = format!(
        "{} {name} · {} {} · {} · {} {}\n{}: {}\n",
        i.municipality_code, t.col_round, i.round, status, t.col_interviewer, i.interviewer, t.col_id, i.id
    );
    for (n, question) in q.questions().enumerate() {
        let Some(a) = answers.iter().find(|a| a.question_id == question.id) else { continue };
        let value = a.value.as_ref().map(|v| v.describe(question)).unwrap_or_default();
        out += &format!("\n{}. {}\n   → {value}\n", n + 1, question.text);
        if !a.note.is_empty() {
            out += &format!("   ✎ {}\n", a.note);
        }
    }
    Ok(out)
}
