//! The municipality register: the 290 kommuner with SCB codes, counties, SKR groups (2017) and
//! population (2019). Embedded from `data/municipalities.csv`; see `data/SOURCES.md`.

use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

const CSV: &str = include_str!("../data/municipalities.csv");

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Municipality {
    /// Four-digit SCB code, kept as a string so `0114` keeps its zero.
    pub code: String,
    pub name: String,
    pub county_code: String,
    pub county_name: String,
    pub skr_group: String,
    pub population: u32,
    pub population_year: u16,
}

#[derive(Debug, thiserror::Error)]
#[error("municipality register, row {row}: {detail}")]
pub struct RegisterError {
    pub row: usize,
    pub detail: String,
}

/// Parses a register in the shipped CSV layout.
pub fn parse(csv_text: &str) -> Result<Vec<Municipality>, RegisterError> {
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let mut out = Vec::new();
    for (i, row) in reader.deserialize::<Municipality>().enumerate() {
        // Row numbers count the header as row 1, as a spreadsheet does.
        let m = row.map_err(|e| RegisterError { row: i + 2, detail: e.to_string() })?;
        if m.code.len() != 4 || !m.code.chars().all(|c| c.is_ascii_digit()) || !m.code.starts_with(&m.county_code) {
            return Err(RegisterError { row: i + 2, detail: format!("bad code {:?}", m.code) });
        }
        out.push(m);
    }
    Ok(out)
}

/// The embedded register, parsed once.
pub fn all() -> &'static [Municipality] {
    static REGISTER: OnceLock<Vec<Municipality>> = OnceLock::new();
    REGISTER.get_or_init(|| {
        // The embedded file is checked by the `embedded_register_is_complete` test; a failure
        // here can only come from a broken build, never from user input.
        parse(CSV).unwrap_or_default()
    })
}

pub fn by_code(code: &str) -> Option<&'static Municipality> {
    all().iter().find(|m| m.code == code)
}

/// Counties as (code, name), in code order; built once, since the start screen reads them on
/// every frame.
pub fn counties() -> &'static [(String, String)] {
    static COUNTIES: OnceLock<Vec<(String, String)>> = OnceLock::new();
    COUNTIES.get_or_init(|| {
        let mut out: Vec<(String, String)> = Vec::new();
        for m in all() {
            if !out.iter().any(|(c, _)| c == &m.county_code) {
                out.push((m.county_code.clone(), m.county_name.clone()));
            }
        }
        out.sort();
        out
    })
}

/// The name of the county with this two-digit code, if the register has it.
pub fn county_name(county_code: &str) -> Option<&'static str> {
    counties().iter().find(|(c, _)| c == county_code).map(|(_, name)| name.as_str())
}

pub fn in_county(county_code: &str) -> impl Iterator<Item = &'static Municipality> + '_ {
    all().iter().filter(move |m| m.county_code == county_code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_register_is_complete() {
        let all = parse(CSV).expect("embedded register parses");
        assert_eq!(all.len(), 290);
        assert_eq!(by_code("0114").map(|m| m.name.as_str()), Some("Upplands Väsby"));
        assert_eq!(in_county("12").count(), 33);
        assert_eq!(in_county("25").count(), 14);
        assert_eq!(counties().len(), 21);
        let total: u64 = all.iter().map(|m| u64::from(m.population)).sum();
        assert_eq!(total, 10_327_589);
    }

    #[test]
    fn bad_rows_are_reported_with_their_row_number() {
        let bad = "code,name,county_code,county_name,skr_group,population,population_year\n0114,A,01,S,A2,1,2019\n114,B,01,S,A2,x,2019\n";
        let err = parse(bad).unwrap_err();
        assert_eq!(err.row, 3);
    }
}
