//! Loading and validating the product's files: questionnaires (and, later, roadmap catalogues).
//! Parsing is pure (`parse_str`); this module adds the embedded defaults and the disk look-up.

pub mod error;
pub mod questionnaire;
mod raw;

use crate::model::Questionnaire;
pub use error::{LoadError, LoadErrors, Problem};
use std::path::{Path, PathBuf};

/// The shipped questionnaire, embedded so a single binary works on a fresh machine.
pub const DEFAULT_QUESTIONNAIRE_FILE: &str = "questionnaires/skane-nulage.toml";
pub const DEFAULT_QUESTIONNAIRE_SRC: &str = include_str!("../../questionnaires/skane-nulage.toml");

/// A questionnaire together with the exact text it was parsed from (stored with interviews).
#[derive(Debug, Clone)]
pub struct Source {
    pub file: String,
    pub text: String,
    pub questionnaire: Questionnaire,
}

pub fn read_questionnaire(path: &Path) -> Result<Source, LoadErrors> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| {
        LoadErrors(vec![LoadError {
            file: file.clone(),
            line: 1,
            col: 1,
            problem: Problem::Io { detail: e.to_string() },
        }])
    })?;
    let questionnaire = questionnaire::parse_str(&file, &text)?;
    Ok(Source { file, text, questionnaire })
}

pub fn embedded_questionnaire() -> Result<Source, LoadErrors> {
    let questionnaire = questionnaire::parse_str(DEFAULT_QUESTIONNAIRE_FILE, DEFAULT_QUESTIONNAIRE_SRC)?;
    Ok(Source { file: DEFAULT_QUESTIONNAIRE_FILE.into(), text: DEFAULT_QUESTIONNAIRE_SRC.into(), questionnaire })
}

/// Folders searched for questionnaire files that override or add to the embedded one, in
/// increasing priority: the user's config folder, then `./questionnaires`.
pub fn questionnaire_dirs() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Some(p) = directories::ProjectDirs::from("se", "fardplan", "fardplan") {
        dirs.push(p.config_dir().join("questionnaires"));
    }
    dirs.push(PathBuf::from("questionnaires"));
    dirs
}

/// All available questionnaires: the embedded default, overridden (by id) by valid files on disk.
/// A broken file on disk is an error the user must see, not something to skip silently.
pub fn available_questionnaires() -> Result<Vec<Source>, LoadErrors> {
    let mut out = vec![embedded_questionnaire()?];
    let mut errors = Vec::new();
    for dir in questionnaire_dirs() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        paths.sort();
        for path in paths {
            match read_questionnaire(&path) {
                Ok(src) => {
                    out.retain(|s| s.questionnaire.id != src.questionnaire.id);
                    out.push(src);
                }
                Err(e) => errors.extend(e.0),
            }
        }
    }
    if errors.is_empty() { Ok(out) } else { Err(LoadErrors(errors)) }
}

/// The questionnaire with this id (or the default, `skane-nulage`, when `id` is None).
pub fn find_questionnaire(id: Option<&str>) -> Result<Option<Source>, LoadErrors> {
    let id = id.unwrap_or(DEFAULT_QUESTIONNAIRE_ID);
    Ok(available_questionnaires()?.into_iter().find(|s| s.questionnaire.id == id))
}

pub const DEFAULT_QUESTIONNAIRE_ID: &str = "skane-nulage";
