//! Loading and validating the product's files: questionnaires and roadmap catalogues.
//! Parsing is pure (`parse_str`); this module adds the embedded defaults and the disk look-up.

mod check;
pub mod error;
pub mod questionnaire;
mod raw;
mod raw_roadmap;
pub mod roadmap;

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

/// A file's name (for error positions) and text; an unreadable file is a located error too.
fn read_text(path: &Path) -> Result<(String, String), LoadErrors> {
    let file = path.display().to_string();
    match std::fs::read_to_string(path) {
        Ok(text) => Ok((file, text)),
        Err(e) => {
            Err(LoadErrors(vec![LoadError { file, line: 1, col: 1, problem: Problem::Io { detail: e.to_string() } }]))
        }
    }
}

pub fn read_questionnaire(path: &Path) -> Result<Source, LoadErrors> {
    let (file, text) = read_text(path)?;
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

/// The shipped roadmap catalogue, embedded like the questionnaire.
pub const DEFAULT_CATALOGUE_FILE: &str = "roadmaps/catalogue.toml";
pub const DEFAULT_CATALOGUE_SRC: &str = include_str!("../../roadmaps/catalogue.toml");
pub const DEFAULT_CATALOGUE_ID: &str = "inriktningar";

/// A roadmap catalogue and the file it came from.
#[derive(Debug, Clone)]
pub struct CatalogueSource {
    pub file: String,
    pub catalogue: crate::model::roadmap::Catalogue,
}

/// Parses catalogue text against the available questionnaires.
pub fn parse_catalogue(file: &str, text: &str, questionnaires: &[Source]) -> Result<CatalogueSource, LoadErrors> {
    let find = |id: &str| questionnaires.iter().find(|s| s.questionnaire.id == id).map(|s| &s.questionnaire);
    let catalogue = roadmap::parse_str(file, text, find)?;
    Ok(CatalogueSource { file: file.to_string(), catalogue })
}

pub fn read_catalogue(path: &Path, questionnaires: &[Source]) -> Result<CatalogueSource, LoadErrors> {
    let (file, text) = read_text(path)?;
    parse_catalogue(&file, &text, questionnaires)
}

pub fn embedded_catalogue(questionnaires: &[Source]) -> Result<CatalogueSource, LoadErrors> {
    parse_catalogue(DEFAULT_CATALOGUE_FILE, DEFAULT_CATALOGUE_SRC, questionnaires)
}

/// Folders searched for catalogues, in increasing priority, as for questionnaires: the user's
/// config folder, then `./roadmaps`.
pub fn catalogue_dirs() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Some(p) = directories::ProjectDirs::from("se", "fardplan", "fardplan") {
        dirs.push(p.config_dir().join("roadmaps"));
    }
    dirs.push(PathBuf::from("roadmaps"));
    dirs
}

/// All available catalogues: the embedded default, overridden (by id) by valid files on disk.
/// As with questionnaires, a broken file on disk is an error the user sees.
pub fn available_catalogues(questionnaires: &[Source]) -> Result<Vec<CatalogueSource>, LoadErrors> {
    let mut out = vec![embedded_catalogue(questionnaires)?];
    let mut errors = Vec::new();
    for dir in catalogue_dirs() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        paths.sort();
        for path in paths {
            match read_catalogue(&path, questionnaires) {
                Ok(src) => {
                    out.retain(|s| s.catalogue.id != src.catalogue.id);
                    out.push(src);
                }
                Err(e) => errors.extend(e.0),
            }
        }
    }
    if errors.is_empty() { Ok(out) } else { Err(LoadErrors(errors)) }
}

/// The catalogue with this id (the default, `inriktningar`, when `id` is None).
pub fn find_catalogue(id: Option<&str>, questionnaires: &[Source]) -> Result<Option<CatalogueSource>, LoadErrors> {
    let id = id.unwrap_or(DEFAULT_CATALOGUE_ID);
    Ok(available_catalogues(questionnaires)?.into_iter().find(|s| s.catalogue.id == id))
}
