//! `fardplan questionnaire check|show`

use super::{Ctx, Format, output, user_error};
use crate::load::{self, LoadErrors, Source};
use crate::model::{Question, QuestionKind, Questionnaire};
use serde::Serialize;
use std::path::PathBuf;

#[derive(Debug, clap::Subcommand)]
pub enum Cmd {
    /// Validate questionnaire files; errors are printed as FILE:LINE:COL: message
    Check {
        /// Files to check
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Show a questionnaire (the default one when no file is given)
    Show {
        /// File to show
        file: Option<PathBuf>,
        /// Output format
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
}

pub fn run(ctx: &Ctx, cmd: Cmd) -> anyhow::Result<()> {
    match cmd {
        Cmd::Check { files } => check(ctx, &files),
        Cmd::Show { file, format } => {
            let src = match file {
                Some(f) => load::read_questionnaire(&f).map_err(|e| load_error(ctx, &e))?,
                None => load::find_questionnaire(None)
                    .map_err(|e| load_error(ctx, &e))?
                    .ok_or_else(|| user_error(load::DEFAULT_QUESTIONNAIRE_ID))?,
            };
            let text = match format {
                Format::Json => output::json(&ShowJson::from(&src.questionnaire))?,
                Format::Text | Format::Table => render_text(ctx, &src),
                other => return Err(user_error(crate::i18n::format_not_here(ctx.lang, other.name(), "text, json"))),
            };
            output::stdout(text.as_bytes())
        }
    }
}

pub fn load_error(ctx: &Ctx, e: &LoadErrors) -> anyhow::Error {
    user_error(e.render(ctx.lang))
}

fn check(ctx: &Ctx, files: &[PathBuf]) -> anyhow::Result<()> {
    let mut all = Vec::new();
    for f in files {
        if let Err(e) = load::read_questionnaire(f) {
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

fn render_text(ctx: &Ctx, src: &Source) -> String {
    let t = ctx.lang.texts();
    let q = &src.questionnaire;
    let mut out = format!("{} ({} {})\n", q.title, q.id, q.version);
    let mut n = 0;
    for s in &q.sections {
        out += &format!("\n== {} ==\n", s.title);
        if let Some(intro) = &s.intro {
            out += &format!("{intro}\n");
        }
        for question in &s.questions {
            n += 1;
            let mut flags = vec![question.kind.name().to_string()];
            if question.required {
                flags.push(t.required_mark.into());
            }
            if let Some(sc) = question.scoring {
                flags.push(format!("{} ×{}", sc.subgoal.display(), sc.weight));
            }
            if let Some(c) = &question.show_if {
                flags.push(format!("{} {} = {}", t.shown_if, c.question, c.any_of.join("|")));
            }
            out += &format!("\n{n}. [{}] {}\n   ({})\n", question.id, question.text, flags.join(", "));
            for c in question.choices() {
                let level = c.level.map(|l| format!(" [{l}]")).unwrap_or_default();
                out += &format!("   - {}: {}{level}\n", c.id, c.label);
            }
            if let QuestionKind::Number { unit, thresholds, .. } = &question.kind {
                for th in thresholds {
                    out += &format!("   ≥ {} {} → {}\n", th.at_least, unit.as_deref().unwrap_or(""), th.level);
                }
            }
            if let Some(h) = &question.help {
                out += &format!("   {}: {h}\n", t.help_label);
            }
        }
    }
    out
}

/// The JSON contract of `questionnaire show --format json`; keys are stable for scripts.
#[derive(Serialize)]
struct ShowJson<'a> {
    id: &'a str,
    version: &'a str,
    title: &'a str,
    language: &'a str,
    questions: Vec<QuestionJson<'a>>,
}

#[derive(Serialize)]
struct QuestionJson<'a> {
    id: &'a str,
    kind: &'static str,
    section: &'a str,
    text: &'a str,
    help: Option<&'a str>,
    required: bool,
    allow_na: bool,
    options: Vec<OptionJson>,
    subgoal: Option<&'static str>,
    weight: Option<f64>,
    show_if: Option<&'a crate::model::questionnaire::ShowIf>,
    unit: Option<&'a str>,
    min: Option<f64>,
    max: Option<f64>,
    thresholds: Vec<&'a crate::model::questionnaire::Threshold>,
}

#[derive(Serialize)]
struct OptionJson {
    id: String,
    label: String,
    level: Option<u8>,
}

impl<'a> From<&'a Questionnaire> for ShowJson<'a> {
    fn from(q: &'a Questionnaire) -> Self {
        let questions = q
            .sections
            .iter()
            .flat_map(|s| s.questions.iter().map(move |question| question_json(&s.id, question)))
            .collect();
        ShowJson { id: &q.id, version: &q.version, title: &q.title, language: &q.language, questions }
    }
}

fn question_json<'a>(section: &'a str, q: &'a Question) -> QuestionJson<'a> {
    let (unit, min, max, thresholds) = match &q.kind {
        QuestionKind::Number { unit, min, max, thresholds } => {
            (unit.as_deref(), *min, *max, thresholds.iter().collect())
        }
        _ => (None, None, None, Vec::new()),
    };
    QuestionJson {
        id: &q.id,
        kind: q.kind.name(),
        section,
        text: &q.text,
        help: q.help.as_deref(),
        required: q.required,
        allow_na: q.allow_na,
        options: q.choices().into_iter().map(|c| OptionJson { id: c.id, label: c.label, level: c.level }).collect(),
        subgoal: q.scoring.map(|s| s.subgoal.id()),
        weight: q.scoring.map(|s| s.weight),
        show_if: q.show_if.as_ref(),
        unit,
        min,
        max,
        thresholds,
    }
}
