//! `fardplan roadmap`: the roadmap PDF of a municipality, a county, or every interviewed
//! municipality; and `fardplan roadmap check FILE...` for catalogues.
//!
//! The default round is the latest round with an interview of the municipality (for
//! `--municipality`), of the county (for `--county`), or of any municipality (for `--all`).

use super::{Ctx, store_error, user_error};
use crate::compare::Selection;
use crate::gather::gather;
use crate::i18n::{self, Lang};
use crate::load::{self, LoadErrors};
use crate::model::roadmap::Catalogue;
use crate::pdf;
use crate::plan::MunicipalityRoadmap;
use crate::register;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Args {
    #[command(subcommand)]
    pub cmd: Option<Cmd>,
    /// The municipality's four-digit code, e.g. 1280 for Malmö
    #[arg(long, value_name = "CODE", conflicts_with_all = ["county", "all"])]
    pub municipality: Option<String>,
    /// A county's two-digit code, e.g. 12 for Skåne: the county roadmap of shared work
    #[arg(long, value_name = "CC", conflicts_with = "all")]
    pub county: Option<String>,
    /// One PDF per interviewed municipality, into --out-dir
    #[arg(long)]
    pub all: bool,
    /// Round, e.g. 2024 (default: the latest round with interviews)
    #[arg(long, value_name = "R")]
    pub round: Option<String>,
    /// The PDF to write (with --municipality or --county)
    #[arg(long, value_name = "FILE.pdf", conflicts_with = "all")]
    pub out: Option<PathBuf>,
    /// The folder to write into (with --all); created if missing
    #[arg(long, value_name = "DIR", required_if_eq("all", "true"))]
    pub out_dir: Option<PathBuf>,
    /// Id of the roadmap catalogue (default: the shipped one, "inriktningar")
    #[arg(long, value_name = "ID")]
    pub catalogue: Option<String>,
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
    if let Some(Cmd::Check { files }) = &args.cmd {
        return check(ctx, files);
    }
    let lang = ctx.lang;
    let target = match (&args.municipality, &args.county, args.all) {
        (Some(code), None, false) => Target::Municipality(code.trim().to_string()),
        (None, Some(cc), false) => Target::County(cc.trim().to_string()),
        (None, None, true) => Target::All,
        _ => return Err(user_error(i18n::roadmap_usage(lang))),
    };
    // Validate names before touching the database.
    match &target {
        Target::Municipality(code) if register::by_code(code).is_none() => {
            return Err(user_error(i18n::unknown_municipality(lang, code)));
        }
        Target::County(cc) if !register::counties().iter().any(|(c, _)| c == cc) => {
            let known: Vec<&str> = register::counties().iter().map(|(c, _)| c.as_str()).collect();
            return Err(user_error(i18n::unknown_county(lang, cc, &known.join(", "))));
        }
        _ => {}
    }
    let out = match (&target, &args.out, &args.out_dir) {
        (Target::All, _, Some(dir)) => Out::Dir(dir.clone()),
        (Target::All, _, None) => return Err(user_error(i18n::roadmap_needs_out_dir(lang))),
        (_, Some(file), _) => Out::File(file.clone()),
        (_, None, _) => return Err(user_error(i18n::roadmap_needs_out(lang))),
    };
    let catalogue = catalogue(ctx, args.catalogue.as_deref())?;
    let store = ctx.open_store()?;
    let selection = target.selection();
    let data = gather(&store, args.round.as_deref().map(str::trim), &selection)
        .map_err(|e| store_error(lang, e))?
        .ok_or_else(|| user_error(i18n::roadmap_no_interviews(lang, &target.describe())))?;
    let round = data.round.clone();
    match (target, out) {
        (Target::Municipality(code), Out::File(path)) => {
            let plans = data.plan(&store, &catalogue, &selection).map_err(|e| store_error(lang, e))?;
            let plan = plans
                .first()
                .ok_or_else(|| user_error(i18n::roadmap_no_interview(lang, &municipality_name(&code), &round)))?;
            let bytes = pdf::municipality_pdf(plan, lang)?;
            write(&path, &bytes, lang)?;
            eprintln!("{}", i18n::roadmap_written(lang, &path.display().to_string(), plan.entries.len()));
            Ok(())
        }
        (Target::County(cc), Out::File(path)) => {
            let county = data.plan_county(&store, &catalogue, &cc).map_err(|e| store_error(lang, e))?;
            let county = county.ok_or_else(|| user_error(i18n::roadmap_no_county_interviews(lang, &cc, &round)))?;
            let bytes = pdf::county_pdf(&county, lang)?;
            write(&path, &bytes, lang)?;
            eprintln!("{}", i18n::roadmap_county_written(lang, &path.display().to_string(), county.shared.len()));
            Ok(())
        }
        (_, Out::Dir(dir)) => {
            let plans = data.plan(&store, &catalogue, &selection).map_err(|e| store_error(lang, e))?;
            if plans.is_empty() {
                return Err(user_error(i18n::roadmap_no_round(lang, &round)));
            }
            std::fs::create_dir_all(&dir)
                .map_err(|e| user_error(i18n::files::cannot_write(lang, &dir.display().to_string(), true, &e)))?;
            let written = super::roadmap_batch::write_all(&plans, &dir, lang)?;
            eprintln!("{}", i18n::roadmap_batch_written(lang, written, &dir.display().to_string()));
            Ok(())
        }
        // The match on (target, out) above builds these pairs only.
        _ => Err(user_error(i18n::roadmap_usage(lang))),
    }
}

enum Target {
    Municipality(String),
    County(String),
    All,
}

impl Target {
    fn selection(&self) -> Selection {
        match self {
            Target::Municipality(code) => Selection::Codes(vec![code.clone()]),
            Target::County(cc) => Selection::County(cc.clone()),
            Target::All => Selection::All,
        }
    }

    fn describe(&self) -> String {
        match self {
            Target::Municipality(code) => municipality_name(code),
            Target::County(cc) => register::county_name(cc).unwrap_or(cc).to_string(),
            Target::All => String::new(),
        }
    }
}

enum Out {
    File(PathBuf),
    Dir(PathBuf),
}

fn municipality_name(code: &str) -> String {
    register::by_code(code).map_or_else(|| code.to_string(), |m| format!("{} ({code})", m.name))
}

/// The catalogue, validated against the available questionnaires.
fn catalogue(ctx: &Ctx, id: Option<&str>) -> anyhow::Result<Catalogue> {
    let load_error = |e: LoadErrors| user_error(e.render(ctx.lang));
    let questionnaires = load::available_questionnaires().map_err(load_error)?;
    let found = load::find_catalogue(id, &questionnaires).map_err(load_error)?;
    let id = id.unwrap_or(load::DEFAULT_CATALOGUE_ID);
    found.map(|c| c.catalogue).ok_or_else(|| user_error(i18n::unknown_catalogue(ctx.lang, id)))
}

/// Writes a PDF so a failed or interrupted run never leaves half of one where the reader expects
/// a whole one, and says plainly why a write failed.
pub fn write(path: &Path, bytes: &[u8], lang: Lang) -> anyhow::Result<()> {
    crate::files::write_atomically(path, bytes)
        .map_err(|e| user_error(i18n::files::cannot_write(lang, &path.display().to_string(), false, &e)))
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

/// A roadmap's file name in a batch: code and name, safe on any file system ("1280-malmo.pdf").
pub fn file_name(plan: &MunicipalityRoadmap) -> String {
    let folded = crate::tui::data::fold(&plan.standing.municipality);
    let slug: String = folded
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    format!("{}-{slug}.pdf", plan.standing.municipality_code)
}
