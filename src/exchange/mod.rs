//! Data exchange: full-fidelity JSON, the long CSV format, and all-or-nothing import.

pub mod csv_long;
pub mod import;
pub mod json;

/// Makes a CSV cell safe to open in a spreadsheet: a cell starting with `=`, `+`, `-`, `@`, tab
/// or carriage return would be evaluated as a formula, so it gets a leading apostrophe.
/// `unneutralise` undoes it on import.
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

pub fn unneutralise(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if matches!(rest.chars().next(), Some('=' | '+' | '-' | '@' | '\t' | '\r')) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised_and_restored() {
        for cell in ["=SUM(A1)", "+46", "-5", "@x", "\tx", "\rx"] {
            let safe = neutralise(cell);
            assert!(safe.starts_with('\''), "{cell:?}");
            assert_eq!(unneutralise(&safe), cell);
        }
        assert_eq!(neutralise("Malmö"), "Malmö");
        assert_eq!(unneutralise("'quoted"), "'quoted");
    }
}
