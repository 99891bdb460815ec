//! What both file validators (questionnaires and roadmap catalogues) share: collecting located
//! errors, required texts and ids, uniqueness, and turning the result into `LoadErrors`.

use super::error::{LoadError, LoadErrors, Locator, Problem};
use super::questionnaire::is_valid_id;
use serde::de::DeserializeOwned;
use std::collections::HashMap;
use std::ops::Range;
use toml::Spanned;

pub(super) struct Checker<'a> {
    pub loc: Locator<'a>,
    pub errors: Vec<LoadError>,
}

impl<'a> Checker<'a> {
    /// Parses `src` into the raw serde shape; a syntax error or unknown key is the only error.
    pub fn parse<T: DeserializeOwned>(file: &'a str, src: &'a str) -> Result<(Checker<'a>, T), LoadErrors> {
        let loc = Locator::new(file, src);
        let raw = toml::from_str(src).map_err(|e| LoadErrors(vec![loc.from_toml(&e)]))?;
        Ok((Checker { loc, errors: Vec::new() }, raw))
    }

    /// The validated value, or every recorded error in file order.
    pub fn finish<T>(mut self, value: Option<T>) -> Result<T, LoadErrors> {
        if self.errors.is_empty() {
            // The rule methods only return None after recording an error.
            value.ok_or_else(|| LoadErrors(Vec::new()))
        } else {
            self.errors.sort_by_key(|e| (e.line, e.col));
            Err(LoadErrors(self.errors))
        }
    }

    pub fn err(&mut self, span: Range<usize>, problem: Problem) {
        self.errors.push(self.loc.error(span, problem));
    }

    /// A required, non-empty text; `at` locates the table when the key is missing.
    pub fn text(&mut self, value: Option<Spanned<String>>, key: &'static str, at: Range<usize>) -> Option<String> {
        match value {
            None => {
                self.err(at, Problem::MissingKey { key });
                None
            }
            Some(v) if v.get_ref().trim().is_empty() => {
                self.err(v.span(), Problem::EmptyValue { key });
                None
            }
            Some(v) => Some(v.into_inner()),
        }
    }

    /// A required id of the plain form `is_valid_id` allows, with its span.
    pub fn id(&mut self, value: Option<Spanned<String>>, at: Range<usize>) -> Option<(String, Range<usize>)> {
        let Some(v) = value else {
            self.err(at, Problem::MissingKey { key: "id" });
            return None;
        };
        let span = v.span();
        let id = v.into_inner();
        if !is_valid_id(&id) {
            self.err(span, Problem::BadId { id });
            return None;
        }
        Some((id, span))
    }

    /// Records `id` in `seen` (id → first line), or reports it as a duplicate of that line.
    pub fn unique(&mut self, what: &'static str, id: &str, span: Range<usize>, seen: &mut HashMap<String, usize>) {
        let line = self.loc.line_col(span.start).0;
        if let Some(first_line) = seen.get(id) {
            self.err(span, Problem::DuplicateId { what, id: id.to_string(), first_line: *first_line });
        } else {
            seen.insert(id.to_string(), line);
        }
    }
}
