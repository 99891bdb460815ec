//! What `score` and `compare` share: the selection options, score cells that always mark
//! uncertainty, the standings and statistics as typed sheets, and writing the result out.

use super::sheet::{Cell, Column, Sheet};
use super::{Ctx, Format, output, user_error};
use crate::compare::{MunicipalityComparison, Selection, SetSummary, Standing, Stats};
use crate::i18n::analysis::AnalysisTexts;
use crate::model::SubGoal;
use crate::register;
use std::path::Path;

/// A score for a table: rounded, with "?" when uncertain so it never reads as a plain low
/// score, and "–" when there is none.
pub fn score_text(t: &AnalysisTexts, score: Option<f64>, uncertain: bool, decimals: usize) -> String {
    match score {
        Some(s) => format!("{}{}", t.num(s, decimals), if uncertain { "?" } else { "" }),
        None => t.no_score.to_string(),
    }
}

pub fn standing_text(t: &AnalysisTexts, s: &Standing, decimals: usize) -> String {
    score_text(t, s.score, s.uncertain, decimals)
}

/// "Skåne län", "kommungrupp B4", "3 valda kommuner", "hela landet".
pub fn selection_label(t: &AnalysisTexts, selection: &Selection) -> String {
    match selection {
        Selection::All => t.whole_country.to_string(),
        Selection::County(cc) => register::county_name(cc).map_or_else(|| cc.clone(), |name| t.county_label(name)),
        Selection::Group(g) => t.group_label(g),
        Selection::Codes(codes) => t.chosen_label(codes.len()),
    }
}

/// The title line every view starts with; demo data says so in it.
pub fn title(t: &AnalysisTexts, what: &str, round: &str, demo: bool) -> String {
    let mut s = format!("{what}, {}", t.round_title(round));
    if demo {
        s.push_str(" · ");
        s.push_str(t.demo);
    }
    s
}

/// Checks a county code, an SKR group or a list of codes against the register.
pub fn selection(
    ctx: &Ctx,
    county: Option<String>,
    group: Option<String>,
    codes: Option<Vec<String>>,
) -> anyhow::Result<Selection> {
    let t = ctx.lang.analysis();
    if let Some(cc) = county {
        return county_selection(ctx, &cc);
    }
    if let Some(g) = group {
        let mut groups: Vec<&str> = register::all().iter().map(|m| m.skr_group.as_str()).collect();
        groups.sort_unstable();
        groups.dedup();
        if !groups.contains(&g.as_str()) {
            return Err(user_error(t.unknown_group(&g, &groups.join(", "))));
        }
        return Ok(Selection::Group(g));
    }
    if let Some(codes) = codes {
        let codes: Vec<String> = codes.into_iter().map(|c| c.trim().to_string()).filter(|c| !c.is_empty()).collect();
        if codes.is_empty() {
            return Err(user_error(t.empty_list()));
        }
        if let Some(bad) = codes.iter().find(|c| register::by_code(c).is_none()) {
            return Err(user_error(crate::i18n::unknown_municipality(ctx.lang, bad)));
        }
        return Ok(Selection::Codes(codes));
    }
    Ok(Selection::All)
}

pub fn county_selection(ctx: &Ctx, cc: &str) -> anyhow::Result<Selection> {
    let counties = register::counties();
    if !counties.iter().any(|(c, _)| c == cc) {
        let known = counties.iter().map(|(c, _)| c.as_str()).collect::<Vec<_>>().join(", ");
        return Err(user_error(crate::i18n::unknown_county(ctx.lang, cc, &known)));
    }
    Ok(Selection::County(cc.to_string()))
}

/// The format name as the user typed it, for error messages.
pub fn format_name(f: Format) -> &'static str {
    match f {
        Format::Table => "table",
        Format::Text => "text",
        Format::Csv => "csv",
        Format::Json => "json",
        Format::Xlsx => "xlsx",
    }
}

/// Writes the bytes to `--out` or stdout. Excel bytes go to stdout only when it is not a
/// terminal (a pipe or a redirect), where binary output cannot garble the screen.
pub fn write(ctx: &Ctx, format: Format, out: Option<&Path>, bytes: &[u8]) -> anyhow::Result<()> {
    use std::io::IsTerminal;
    if format == Format::Xlsx && out.is_none() && std::io::stdout().is_terminal() {
        return Err(user_error(ctx.lang.analysis().xlsx_needs_out()));
    }
    output::emit(out, bytes, ctx.lang)
}

const METRIC_KEYS: [&str; 6] = ["kompetens", "trygghet", "innovation", "ledning", "infrastruktur", "index"];

fn metric_head(t: &AnalysisTexts, m: usize) -> &'static str {
    SubGoal::ALL.get(m).map_or(t.index, |g| g.display())
}

fn standings(row: &MunicipalityComparison) -> impl Iterator<Item = &Standing> {
    row.subgoals.iter().chain(std::iter::once(&row.index))
}

/// One row per municipality, every figure of every sub-goal and the index.
pub fn scores_sheet(t: &AnalysisTexts, rows: &[MunicipalityComparison], title: String) -> Sheet {
    let mut columns = vec![
        Column::new("municipality_code", t.code),
        Column::new("municipality", t.municipality),
        Column::new("county_code", format!("{} ({})", t.county, t.code.to_lowercase())),
        Column::new("county", t.county),
        Column::new("skr_group", t.group),
        Column::new("round", t.round),
        Column::new("previous_round", t.previous_round),
    ];
    for (m, key) in METRIC_KEYS.iter().enumerate() {
        let head = metric_head(t, m);
        let lower = |s: &str| s.to_lowercase();
        columns.push(Column::new(format!("{key}_score"), format!("{head} {}", lower(t.score))));
        if m < 5 {
            columns.push(Column::new(format!("{key}_coverage"), format!("{head} {}", lower(t.coverage))));
        }
        columns.push(Column::new(format!("{key}_uncertain"), format!("{head} {}", lower(t.uncertain))));
        columns.push(Column::new(format!("{key}_band"), format!("{head} {}", lower(t.band))));
        columns.push(Column::new(format!("{key}_rank"), format!("{head} {}", lower(t.rank_in_county))));
        columns.push(Column::new(format!("{key}_ranked"), format!("{head} {}", lower(t.count))));
        columns.push(Column::new(format!("{key}_county_median"), format!("{head} {}", lower(t.county_median))));
        columns.push(Column::new(format!("{key}_change"), format!("{head} {}", lower(t.change))));
    }
    columns.push(Column::new("interview_id", "Id"));
    columns.push(Column::new("exempeldata", t.demo));
    let body = rows
        .iter()
        .map(|r| {
            let mut cells = vec![
                Cell::text(&r.municipality_code),
                Cell::text(&r.municipality),
                Cell::text(&r.county_code),
                Cell::text(&r.county),
                Cell::text(&r.skr_group),
                Cell::text(&r.round),
                r.previous_round.as_ref().map_or(Cell::Empty, Cell::text),
            ];
            for s in standings(r) {
                cells.push(Cell::num(s.score, 1));
                if s.subgoal.is_some() {
                    cells.push(Cell::share(s.coverage));
                }
                cells.push(Cell::Bool(s.uncertain));
                cells.push(s.band.map_or(Cell::Empty, |b| Cell::text(b.name(t.lang))));
                cells.push(s.rank_in_county.map_or(Cell::Empty, Cell::int));
                cells.push(Cell::int(s.ranked_in_county));
                cells.push(Cell::num(s.county_median, 1));
                cells.push(Cell::num(s.change, 1));
            }
            cells.push(Cell::text(&r.interview_id));
            cells.push(demo_cell(t, r.demo));
            cells
        })
        .collect();
    let demo = rows.iter().any(|r| r.demo);
    Sheet { name: t.sheet_scores.into(), title, columns, rows: body, frozen_columns: 2, demo }
}

/// "Exempeldata" on every row of example data, empty otherwise: the label survives any
/// filtering or copying of rows in a spreadsheet.
pub fn demo_cell(t: &AnalysisTexts, demo: bool) -> Cell {
    if demo { Cell::text(t.demo) } else { Cell::Empty }
}

fn stats_of(summary: &SetSummary) -> impl Iterator<Item = &Stats> {
    summary.subgoals.iter().chain(std::iter::once(&summary.index))
}

/// Median, quartiles, min and max of each sub-goal and the index over the set.
pub fn stats_sheet(t: &AnalysisTexts, summary: &SetSummary, title: String) -> Sheet {
    let columns = vec![
        Column::new("metric", t.subgoal),
        Column::new("n", t.count),
        Column::new("uncertain", t.uncertain_count),
        Column::new("missing", t.missing_count),
        Column::new("min", t.min),
        Column::new("lower_quartile", t.lower_quartile),
        Column::new("median", t.median),
        Column::new("upper_quartile", t.upper_quartile),
        Column::new("max", t.max),
    ];
    let rows = stats_of(summary)
        .enumerate()
        .map(|(m, s)| {
            vec![
                Cell::text(metric_head(t, m)),
                Cell::int(s.n),
                Cell::int(s.uncertain),
                Cell::int(s.missing),
                Cell::num(s.min, 1),
                Cell::num(s.lower_quartile, 1),
                Cell::num(s.median, 1),
                Cell::num(s.upper_quartile, 1),
                Cell::num(s.max, 1),
            ]
        })
        .collect();
    Sheet { name: t.sheet_stats.into(), title, columns, rows, frozen_columns: 1, demo: summary.demo }
}

/// The statistics as an 80-column table: measures down, sub-goals across.
pub fn stats_table(t: &AnalysisTexts, summary: &SetSummary) -> String {
    let mut header = vec![t.stat];
    header.extend(t.short_goals);
    header.push(t.index);
    let stats: Vec<&Stats> = stats_of(summary).collect();
    let figure = |f: &dyn Fn(&Stats) -> Option<f64>| -> Vec<String> {
        stats.iter().map(|s| f(s).map_or_else(|| t.no_score.to_string(), |v| t.num(v, 0))).collect()
    };
    let count = |f: &dyn Fn(&Stats) -> usize| -> Vec<String> { stats.iter().map(|s| f(s).to_string()).collect() };
    let rows: Vec<(&str, Vec<String>)> = vec![
        (t.median, figure(&|s| s.median)),
        (t.lower_quartile, figure(&|s| s.lower_quartile)),
        (t.upper_quartile, figure(&|s| s.upper_quartile)),
        (t.min, figure(&|s| s.min)),
        (t.max, figure(&|s| s.max)),
        (t.count, count(&|s| s.n)),
        (t.uncertain_count, count(&|s| s.uncertain)),
    ];
    table(
        &header,
        rows.into_iter().map(|(label, cells)| std::iter::once(label.to_string()).chain(cells).collect()).collect(),
        1,
    )
}

/// Appends `text` word-wrapped to `width` columns, each line ending in a newline.
pub fn push_wrapped(out: &mut String, text: &str, width: usize) {
    for line in crate::tui::widgets::wrap(text, width) {
        out.push_str(&line);
        out.push('\n');
    }
}

/// Only a rule under the header: two spaces between columns leave the most room for data in
/// 80 columns (borders would cost a municipality name its last letters).
const RULE_UNDER_HEADER: &str = "     ──            ";

/// An 80-column table whose columns from `numeric_from` on are right-aligned figures.
pub fn table(header: &[&str], rows: Vec<Vec<String>>, numeric_from: usize) -> String {
    use comfy_table::{CellAlignment, ColumnConstraint, ContentArrangement, Table};
    let mut t = Table::new();
    t.load_preset(RULE_UNDER_HEADER).set_content_arrangement(ContentArrangement::Dynamic).set_width(80);
    t.set_header(header.iter().copied());
    for r in rows {
        t.add_row(r);
    }
    for (i, column) in t.column_iter_mut().enumerate() {
        // One space of padding on the right only: with the blank separator, two between columns.
        column.set_padding((0, 1));
        if i >= numeric_from {
            column.set_cell_alignment(CellAlignment::Right);
            // Figures keep their width; only text columns wrap when space runs out.
            column.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
    // comfy-table pads lines to the full width; trailing blanks only get in the way of diffs.
    let mut out: String = t.to_string().lines().map(|l| l.trim_end().to_string() + "\n").collect();
    if out.is_empty() {
        out.push('\n');
    }
    out
}
