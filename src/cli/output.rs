//! Shared output helpers: formats and tables that fit an 80-column terminal.

use comfy_table::{ContentArrangement, Table, presets::UTF8_BORDERS_ONLY};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Text,
    Csv,
    Json,
    Xlsx,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Text => "text",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Xlsx => "xlsx",
        }
    }
}

pub fn table(header: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut t = Table::new();
    t.load_preset(UTF8_BORDERS_ONLY).set_content_arrangement(ContentArrangement::Dynamic).set_width(80);
    t.set_header(header.iter().copied());
    for r in rows {
        t.add_row(r);
    }
    format!("{t}\n")
}

pub fn json<T: serde::Serialize>(value: &T) -> anyhow::Result<String> {
    Ok(serde_json::to_string_pretty(value)? + "\n")
}

/// CSV with a header row; every cell neutralised against spreadsheet formulas.
pub fn csv(header: &[&str], rows: Vec<Vec<String>>) -> anyhow::Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header)?;
    for r in rows {
        w.write_record(r.iter().map(|c| crate::exchange::neutralise(c)))?;
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}

/// Writes to a file (whole or not at all) or stdout.
pub fn emit(out: Option<&std::path::Path>, bytes: &[u8], lang: crate::i18n::Lang) -> anyhow::Result<()> {
    match out {
        Some(path) => crate::files::write_atomically(path, bytes).map_err(|e| {
            super::user_error(crate::i18n::files::cannot_write(lang, &path.display().to_string(), false, &e))
        }),
        None => stdout(bytes),
    }
}

/// Writes to stdout and flushes, so a closed pipe is reported rather than lost.
pub fn stdout(bytes: &[u8]) -> anyhow::Result<()> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(bytes)?;
    stdout.flush()?;
    Ok(())
}
