//! Typed tables for the analyst exports: one `Sheet` per view, written as CSV or as one Excel
//! workbook. Cells keep their type so numbers stay numbers in both formats.

use rust_xlsxwriter::{Format, FormatBorder, Workbook, XlsxError};
use unicode_width::UnicodeWidthStr;

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    /// A measured value (score, median, change), shown with `decimals` in Excel.
    Num {
        value: f64,
        decimals: usize,
    },
    Int(i64),
    /// A yes/no fact (e.g. "uncertain"): TRUE/FALSE in Excel, in the user's locale; true/false in CSV.
    Bool(bool),
    /// A share 0–1: shown as a percentage in Excel, written as the share itself (0.5625) in CSV.
    Share(f64),
    Empty,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    pub fn num(value: Option<f64>, decimals: usize) -> Cell {
        value.map_or(Cell::Empty, |value| Cell::Num { value, decimals })
    }

    pub fn int(n: usize) -> Cell {
        Cell::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }

    pub fn share(value: Option<f64>) -> Cell {
        value.map_or(Cell::Empty, Cell::Share)
    }

    /// The cell as CSV text. Text is neutralised against spreadsheet formulas; numbers are not,
    /// because "-3.5" is a number to a spreadsheet, and quoting it would turn data into text.
    fn csv(&self) -> String {
        match self {
            Cell::Text(s) => crate::exchange::neutralise(s),
            // Four decimals keep the value recomputable (33.3333) without float noise.
            Cell::Num { value, .. } => trim(*value),
            Cell::Int(n) => n.to_string(),
            Cell::Bool(b) => b.to_string(),
            Cell::Share(v) => trim(*v),
            Cell::Empty => String::new(),
        }
    }

    /// Width in Excel characters, for fitting the column.
    fn width(&self) -> usize {
        match self {
            Cell::Text(s) => s.lines().map(UnicodeWidthStr::width).max().unwrap_or(0),
            Cell::Num { value, decimals } => format!("{value:.decimals$}").len(),
            Cell::Int(n) => n.to_string().len(),
            Cell::Bool(_) => 6,
            Cell::Share(_) => 5,
            Cell::Empty => 0,
        }
    }
}

fn trim(v: f64) -> String {
    let r = (v * 1e4).round() / 1e4;
    // Avoid "-0" for values that round to zero.
    let r = if r == 0.0 { 0.0 } else { r };
    format!("{r}")
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// CSV header: a stable snake_case name scripts can rely on, whatever `--lang` says.
    pub key: String,
    /// Excel header, in the user's language.
    pub head: String,
}

impl Column {
    pub fn new(key: impl Into<String>, head: impl Into<String>) -> Column {
        Column { key: key.into(), head: head.into() }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// Excel sheet name (at most 31 characters).
    pub name: String,
    /// The first row of the Excel sheet: what the sheet shows, and "Exempeldata" for demo data.
    pub title: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    /// Columns kept in view when scrolling sideways (e.g. code and name).
    pub frozen_columns: u16,
    pub demo: bool,
}

/// CSV with the keys as header row, UTF-8.
pub fn to_csv(sheet: &Sheet) -> anyhow::Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(sheet.columns.iter().map(|c| c.key.as_str()))?;
    for row in &sheet.rows {
        w.write_record(row.iter().map(Cell::csv))?;
    }
    Ok(w.into_inner()?)
}

/// The title row, the header row under it, frozen so both stay in view.
const HEADER_ROW: u32 = 1;
const MAX_WIDTH: usize = 60;

/// One workbook, one worksheet per sheet.
pub fn to_xlsx(sheets: &[Sheet], demo_header: &str) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let title = Format::new().set_bold().set_font_size(12);
    let head = Format::new().set_bold().set_border_bottom(FormatBorder::Thin);
    let wrap = Format::new().set_text_wrap();
    let formats: Vec<Format> = (0..=4).map(|d| Format::new().set_num_format(number_format(d))).collect();
    let share = Format::new().set_num_format("0%");
    for sheet in sheets {
        let ws = book.add_worksheet();
        ws.set_name(&sheet.name)?;
        ws.write_string_with_format(0, 0, &sheet.title, &title)?;
        if sheet.demo {
            // Printed on every page, so a printout can never pass for real data.
            ws.set_header(format!("&C{demo_header}"));
        }
        let mut widths: Vec<usize> = sheet.columns.iter().map(|c| c.head.width()).collect();
        for (c, column) in sheet.columns.iter().enumerate() {
            ws.write_string_with_format(HEADER_ROW, col(c), &column.head, &head)?;
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = HEADER_ROW + 1 + u32::try_from(r).unwrap_or(u32::MAX - 2);
            for (c, cell) in row.iter().enumerate() {
                if let Some(w) = widths.get_mut(c) {
                    *w = (*w).max(cell.width());
                }
                // Strings are stored as strings: Excel never evaluates them, so they need no
                // neutralising (unlike CSV cells).
                match cell {
                    Cell::Text(s) if s.width() > MAX_WIDTH => {
                        ws.write_string_with_format(r, col(c), s, &wrap)?;
                    }
                    Cell::Text(s) => {
                        ws.write_string(r, col(c), s)?;
                    }
                    Cell::Num { value, decimals } => {
                        ws.write_number_with_format(r, col(c), *value, &formats[(*decimals).min(4)])?;
                    }
                    Cell::Int(n) => {
                        ws.write_number(r, col(c), *n as f64)?;
                    }
                    Cell::Bool(b) => {
                        ws.write_boolean(r, col(c), *b)?;
                    }
                    Cell::Share(v) => {
                        ws.write_number_with_format(r, col(c), *v, &share)?;
                    }
                    Cell::Empty => {}
                }
            }
        }
        for (c, w) in widths.iter().enumerate() {
            ws.set_column_width(col(c), (w + 2).min(MAX_WIDTH + 2) as f64)?;
        }
        ws.set_freeze_panes(HEADER_ROW + 1, sheet.frozen_columns)?;
    }
    book.save_to_buffer()
}

fn number_format(decimals: usize) -> String {
    if decimals == 0 { "0".into() } else { format!("0.{}", "0".repeat(decimals)) }
}

fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_neutralises_text_but_keeps_negative_numbers() {
        let sheet = Sheet {
            name: "S".into(),
            title: "T".into(),
            columns: vec![Column::new("a", "A"), Column::new("b", "B"), Column::new("c", "C")],
            rows: vec![vec![Cell::text("=SUM(A1)"), Cell::num(Some(-3.25), 1), Cell::share(Some(0.5625))]],
            frozen_columns: 0,
            demo: false,
        };
        let text = String::from_utf8(to_csv(&sheet).unwrap()).unwrap();
        assert_eq!(text, "a,b,c\n'=SUM(A1),-3.25,0.5625\n");
    }

    #[test]
    fn csv_numbers_have_no_float_noise() {
        assert_eq!(trim(100.0 / 3.0), "33.3333");
        assert_eq!(trim(-0.00001), "0");
        assert_eq!(trim(50.0), "50");
    }
}
