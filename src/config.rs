//! The optional settings file: `config.toml` in the user's config folder (on Linux
//! `~/.config/fardplan/config.toml`), or the file named by `FARDPLAN_CONFIG`.
//!
//! ```toml
//! lang = "en"            # sv (default) or en
//! interviewer = "Anna"   # default interviewer name for new interviews
//! ```

use crate::i18n::Lang;
use serde::Deserialize;
use std::path::PathBuf;

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub lang: Option<Lang>,
    pub interviewer: Option<String>,
}

pub fn path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("FARDPLAN_CONFIG") {
        return Some(PathBuf::from(p));
    }
    directories::ProjectDirs::from("se", "fardplan", "fardplan").map(|d| d.config_dir().join("config.toml"))
}

/// A missing file is an empty config; a broken one is an error naming the file and position.
pub fn load() -> Result<Config, (String, String)> {
    let Some(path) = path() else { return Ok(Config::default()) };
    let shown = path.display().to_string();
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
        Err(e) => return Err((shown, e.to_string())),
    };
    toml::from_str(&text).map_err(|e| {
        let (line, col) = crate::load::error::Locator::new(&shown, &text).line_col(e.span().map_or(0, |s| s.start));
        (format!("{shown}:{line}:{col}"), e.message().trim().to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_language_and_rejects_unknown_keys() {
        let c: Config = toml::from_str("lang = \"en\"\ninterviewer = \"Anna\"").unwrap();
        assert_eq!(c.lang, Some(Lang::En));
        assert!(toml::from_str::<Config>("colour = 1").is_err());
    }
}
