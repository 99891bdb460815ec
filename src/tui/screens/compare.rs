//! Compare screen (a pure view): municipalities × the five sub-goals and the index, in cells
//! coloured by maturity band, sortable by any column and filterable by county or SKR group;
//! below it, the selected municipality's scores against its county median as a bar chart, with
//! the change since the previous round.
//!
//! State changes only through the methods here; `render` never changes anything. Bands are
//! shown by colour *and* by a glyph (▁▂▄▆█), so they read under `NO_COLOR` too; an uncertain
//! score carries "?" and is never shown as a plain low score.

use crate::analysis::Dataset;
use crate::compare::{MunicipalityComparison, Selection, Standing, compare_municipalities};
use crate::i18n::analysis::AnalysisTexts;
use crate::register::Municipality;
use crate::score::Band;
use crate::tui::screens::start::truncate;
use crate::tui::theme::Theme;
use crate::tui::widgets::pane;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Widget};
use std::cmp::Ordering;

/// One glyph per band, lowest to highest: the non-colour cue.
pub const BAND_GLYPHS: [char; 5] = ['▁', '▂', '▄', '▆', '█'];

/// A sortable column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortColumn {
    Municipality,
    /// A sub-goal by its index in `SubGoal::ALL`.
    SubGoal(usize),
    Index,
    /// Change of the index since the previous round.
    Change,
}

impl SortColumn {
    /// In on-screen order, for cycling with one key.
    pub const ALL: [SortColumn; 8] = [
        SortColumn::Municipality,
        SortColumn::SubGoal(0),
        SortColumn::SubGoal(1),
        SortColumn::SubGoal(2),
        SortColumn::SubGoal(3),
        SortColumn::SubGoal(4),
        SortColumn::Index,
        SortColumn::Change,
    ];

    /// Names sort A–Ö first; scores sort best first, since that is what an analyst looks for.
    fn default_descending(self) -> bool {
        self != SortColumn::Municipality
    }

    fn label(self, t: &AnalysisTexts) -> &'static str {
        match self {
            SortColumn::Municipality => t.municipality,
            SortColumn::SubGoal(g) => t.tui_goals.get(g).copied().unwrap_or(t.index),
            SortColumn::Index => t.index,
            SortColumn::Change => t.change_short,
        }
    }
}

/// Which municipalities are listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    All,
    /// A county by code.
    County(String),
    /// An SKR municipality group.
    Group(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct CompareState {
    /// Every municipality interviewed in `round` (the whole country); the filter narrows it.
    pub rows: Vec<MunicipalityComparison>,
    pub round: String,
    pub sort: SortColumn,
    pub descending: bool,
    pub filter: Filter,
    /// Index into `visible()`.
    pub selected: usize,
}

impl CompareState {
    pub fn new(rows: Vec<MunicipalityComparison>, round: impl Into<String>) -> CompareState {
        CompareState {
            rows,
            round: round.into(),
            sort: SortColumn::Municipality,
            descending: false,
            filter: Filter::All,
            selected: 0,
        }
    }

    /// The whole country in `round`, or in the latest round when None. None when the store
    /// has no interview (in that round).
    pub fn from_dataset(data: &Dataset, register: &[Municipality], round: Option<&str>) -> Option<CompareState> {
        let round = match round {
            Some(r) => r.to_string(),
            None => data.default_round(&Selection::All, register)?,
        };
        let rows = compare_municipalities(&data.scored, register, &round, &Selection::All);
        (!rows.is_empty()).then(|| CompareState::new(rows, round))
    }

    /// The rows shown: filtered, then sorted (ties by name, so the order is stable).
    pub fn visible(&self) -> Vec<&MunicipalityComparison> {
        let mut out: Vec<&MunicipalityComparison> = self
            .rows
            .iter()
            .filter(|r| match &self.filter {
                Filter::All => true,
                Filter::County(cc) => &r.county_code == cc,
                Filter::Group(g) => &r.skr_group == g,
            })
            .collect();
        out.sort_by(|a, b| self.compare(a, b).then_with(|| a.municipality.cmp(&b.municipality)));
        out
    }

    fn compare(&self, a: &MunicipalityComparison, b: &MunicipalityComparison) -> Ordering {
        let key = |r: &MunicipalityComparison| match self.sort {
            SortColumn::Municipality => None,
            SortColumn::SubGoal(g) => r.subgoals.get(g).and_then(|s| s.score),
            SortColumn::Index => r.index.score,
            SortColumn::Change => r.index.change,
        };
        let ord = match self.sort {
            SortColumn::Municipality => sv_key(&a.municipality).cmp(&sv_key(&b.municipality)),
            // Missing values last in either direction: they are not low, they are absent.
            _ => match (key(a), key(b)) {
                (Some(x), Some(y)) => {
                    let o = x.total_cmp(&y);
                    return if self.descending { o.reverse() } else { o };
                }
                (Some(_), None) => return Ordering::Less,
                (None, Some(_)) => return Ordering::Greater,
                (None, None) => Ordering::Equal,
            },
        };
        if self.descending { ord.reverse() } else { ord }
    }

    pub fn selected_row(&self) -> Option<&MunicipalityComparison> {
        self.visible().get(self.selected).copied()
    }

    /// Sorts by `column`; choosing the current column again reverses the direction. The
    /// selected municipality stays selected.
    pub fn sort_by(&mut self, column: SortColumn) {
        let keep = self.selected_code();
        if self.sort == column {
            self.descending = !self.descending;
        } else {
            self.sort = column;
            self.descending = column.default_descending();
        }
        self.reselect(keep);
    }

    /// Sorts by the next (or previous) column in on-screen order, in its default direction.
    pub fn cycle_sort(&mut self, forward: bool) {
        let n = SortColumn::ALL.len();
        let at = SortColumn::ALL.iter().position(|c| *c == self.sort).unwrap_or(0);
        let next = if forward { (at + 1) % n } else { (at + n - 1) % n };
        self.sort_by(SortColumn::ALL[next]);
    }

    /// The filters offered: all, each county present, each SKR group present.
    pub fn filters(&self) -> Vec<Filter> {
        let mut counties: Vec<&str> = self.rows.iter().map(|r| r.county_code.as_str()).collect();
        counties.sort_unstable();
        counties.dedup();
        let mut groups: Vec<&str> = self.rows.iter().map(|r| r.skr_group.as_str()).filter(|g| !g.is_empty()).collect();
        groups.sort_unstable();
        groups.dedup();
        std::iter::once(Filter::All)
            .chain(counties.into_iter().map(|c| Filter::County(c.to_string())))
            .chain(groups.into_iter().map(|g| Filter::Group(g.to_string())))
            .collect()
    }

    /// Steps through all → counties → SKR groups → all. The selection goes back to the top.
    pub fn cycle_filter(&mut self, forward: bool) {
        let filters = self.filters();
        let n = filters.len();
        let at = filters.iter().position(|f| *f == self.filter).unwrap_or(0);
        let next = if forward { (at + 1) % n } else { (at + n - 1) % n };
        self.filter = filters.get(next).cloned().unwrap_or(Filter::All);
        self.selected = 0;
    }

    /// Moves the selection by `delta` rows, stopping at the ends.
    pub fn move_selection(&mut self, delta: isize) {
        let len = self.visible().len();
        self.selected = if len == 0 { 0 } else { self.selected.saturating_add_signed(delta).min(len - 1) };
    }

    fn selected_code(&self) -> Option<String> {
        self.selected_row().map(|r| r.municipality_code.clone())
    }

    fn reselect(&mut self, code: Option<String>) {
        if let Some(code) = code {
            self.selected = self.visible().iter().position(|r| r.municipality_code == code).unwrap_or(0);
        }
    }

    fn filter_label(&self, t: &AnalysisTexts) -> String {
        match &self.filter {
            Filter::All => t.filter_all.to_string(),
            Filter::County(cc) => self
                .rows
                .iter()
                .find(|r| &r.county_code == cc && !r.county.is_empty())
                .map_or_else(|| cc.clone(), |r| r.county.clone()),
            Filter::Group(g) => t.group_label(g),
        }
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, t: &AnalysisTexts, theme: &Theme) {
        let visible = self.visible();
        let detail_h = if area.height >= 22 { 10 } else { 8 }.min(area.height.saturating_sub(6));
        let [header, table, detail, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(3),
            Constraint::Length(detail_h),
            Constraint::Length(1),
        ])
        .areas(area);
        let demo = visible.iter().any(|r| r.demo);
        let left = format!(
            "{} · {} · {} · {}",
            t.compare_title,
            t.round_title(&self.round),
            self.filter_label(t),
            t.sorted_by(self.sort.label(t), self.descending)
        );
        let right = if demo { t.demo } else { "" };
        header_line(header, buf, &left, right, theme);
        self.render_table(table, buf, &visible, t, theme);
        if let Some(row) = visible.get(self.selected) {
            render_detail(row, detail, buf, t, theme);
        }
        let legend = format!("{} · {}", t.screen_legend, t.compare_keys);
        Line::styled(truncate(&legend, footer.width as usize), theme.dim()).render(footer, buf);
    }

    fn render_table(
        &self,
        area: Rect,
        buf: &mut Buffer,
        rows: &[&MunicipalityComparison],
        t: &AnalysisTexts,
        theme: &Theme,
    ) {
        let block = pane(&format!("{} ({})", t.municipality, rows.len()), true, theme);
        let inner = block.inner(area);
        block.render(area, buf);
        if rows.is_empty() {
            Line::styled(t.empty_selection, theme.dim()).render(inner, buf);
            return;
        }
        // Six score columns of " 100?▆" (6 wide); rank and change when there is room.
        let wide = inner.width >= 64;
        let extra = if wide { 12 } else { 0 };
        let name_w = (inner.width as usize).saturating_sub(36 + extra).max(4);
        // The sorted column's head is shown reversed (the title line names it and its
        // direction), which reads without colour and costs no width.
        let sorted = theme.selected().patch(theme.title());
        let head_style = |c: SortColumn| if self.sort == c { sorted } else { theme.title() };
        let mut head = vec![
            Span::styled(truncate(t.municipality, name_w), head_style(SortColumn::Municipality)),
            Span::raw(" ".repeat(name_w.saturating_sub(unicode_width::UnicodeWidthStr::width(t.municipality)))),
        ];
        for (g, name) in t.tui_goals.iter().enumerate() {
            head.push(Span::raw(" "));
            head.push(Span::styled(format!("{name:>5}"), head_style(SortColumn::SubGoal(g))));
        }
        head.push(Span::raw(" "));
        head.push(Span::styled(format!("{:>5}", t.index), head_style(SortColumn::Index)));
        if wide {
            head.push(Span::styled(format!(" {:>5}", t.rank_short), theme.title()));
            head.push(Span::raw(" "));
            head.push(Span::styled(format!("{:>5}", "+/-"), head_style(SortColumn::Change)));
        }
        let [head_area, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
        Line::from(head).render(head_area, buf);
        let height = body.height as usize;
        let offset = if height == 0 { 0 } else { self.selected.saturating_sub(height - 1) };
        for (i, row) in rows.iter().enumerate().skip(offset).take(height) {
            let mut spans = vec![Span::raw(format!("{:<name_w$}", truncate(&row.municipality, name_w)))];
            for s in row.subgoals.iter().chain(std::iter::once(&row.index)) {
                spans.push(Span::styled(cell(s), band_style(s.band, theme)));
            }
            if wide {
                let rank = row
                    .index
                    .rank_in_county
                    .map_or_else(|| "–".into(), |r| format!("{r}/{}", row.index.ranked_in_county));
                let change = row.index.change.map_or_else(|| "–".into(), |c| t.signed(c, 0));
                spans.push(Span::raw(format!(" {rank:>5} {change:>5}")));
            }
            let mut line = Line::from(spans);
            if i == self.selected {
                line = line.style(theme.selected());
            }
            let y = body.y + (i - offset) as u16;
            line.render(Rect { y, height: 1, ..body }, buf);
        }
    }
}

/// Sort key for Swedish names: å, ä, ö after z, as in a Swedish dictionary.
fn sv_key(name: &str) -> Vec<u32> {
    name.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'å' => 'z' as u32 + 1,
            'ä' | 'æ' => 'z' as u32 + 2,
            'ö' | 'ø' => 'z' as u32 + 3,
            'é' | 'è' => 'e' as u32,
            'ü' => 'y' as u32,
            c => c as u32,
        })
        .collect()
}

/// " 42?▄": the score, "?" when uncertain, the band glyph (`Band::index` is 0–4, so the
/// glyph lookup cannot go out of bounds).
pub fn cell(s: &Standing) -> String {
    match (s.score, s.band) {
        (Some(v), Some(b)) => format!(" {:>3.0}{}{}", v, if s.uncertain { '?' } else { ' ' }, BAND_GLYPHS[b.index()]),
        _ => format!(" {:>3}  ", "–"),
    }
}

fn band_style(band: Option<Band>, theme: &Theme) -> Style {
    band.map_or_else(|| theme.dim(), |b| theme.band(b.index()))
}

fn header_line(area: Rect, buf: &mut Buffer, left: &str, right: &str, theme: &Theme) {
    let right_w = unicode_width::UnicodeWidthStr::width(right) as u16;
    let [l, r] = Layout::horizontal([Constraint::Min(0), Constraint::Length(right_w)]).areas(area);
    Line::styled(truncate(left, l.width as usize), theme.title()).render(l, buf);
    Line::styled(right.to_string(), theme.warn()).render(r, buf);
}

fn render_detail(row: &MunicipalityComparison, area: Rect, buf: &mut Buffer, t: &AnalysisTexts, theme: &Theme) {
    if area.height < 3 {
        return;
    }
    let title = format!("{} – {}", row.municipality, t.detail_title);
    let block = pane(&truncate(&title, area.width.saturating_sub(4) as usize), false, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    let [chart, legend, change] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(1), Constraint::Length(1)]).areas(inner);
    let group_gap = if inner.width >= 60 { 3 } else { 1 };
    // Each group takes 2 × (bar + gap) and groups are `group_gap` apart: solve for the bar.
    let bar_width = ((inner.width.saturating_sub(4 * group_gap + 10)) / 10).clamp(1, 6);
    let groups: Vec<BarGroup> = row
        .subgoals
        .iter()
        .zip(t.tui_goals)
        .map(|(s, name)| {
            let score = s.score.unwrap_or(0.0);
            let median = s.county_median.unwrap_or(0.0);
            let own = Bar::default()
                .value(score.round() as u64)
                .text_value(
                    s.score.map_or_else(|| "–".into(), |v| format!("{v:.0}{}", if s.uncertain { "?" } else { "" })),
                )
                .style(band_style(s.band, theme));
            let med = Bar::default()
                .value(median.round() as u64)
                .text_value(s.county_median.map_or_else(|| "–".into(), |v| format!("{v:.0}")))
                .style(theme.dim());
            BarGroup::default().label(Line::from(name)).bars(&[own, med])
        })
        .collect();
    let mut chart_widget = BarChart::default().max(100).bar_width(bar_width).bar_gap(1).group_gap(group_gap);
    for g in groups {
        chart_widget = chart_widget.data(g);
    }
    chart_widget.render(chart, buf);
    Line::styled(truncate(t.bars_legend, legend.width as usize), theme.dim()).render(legend, buf);
    let text = match &row.previous_round {
        Some(p) => {
            let parts: Vec<String> = row
                .subgoals
                .iter()
                .chain(std::iter::once(&row.index))
                .zip(t.tui_goals.iter().chain(std::iter::once(&t.index)))
                .map(|(s, name)| format!("{name} {}", s.change.map_or_else(|| "–".into(), |c| t.signed(c, 0))))
                .collect();
            format!("{}: {}", t.change_since(p), parts.join(" "))
        }
        None => format!("{}: {}", t.change, t.none_previous),
    };
    Line::styled(truncate(&text, change.width as usize), theme.previous()).render(change, buf);
}
