//! The roadmap's timeline: three years, the first in quarters.
//!
//! Months count from 0 at the start of the roadmap. The periods are Q1–Q4 of year 1 (months
//! 0–3, 3–6, 6–9, 9–12), year 2 (12–24) and year 3 (24–36). An entry's horizon is a span of
//! months, and it occupies every period that span overlaps:
//!
//! | horizon | months | periods                                  |
//! |---------|--------|------------------------------------------|
//! | 0-6     | 0–6    | Q1, Q2 of year 1                         |
//! | 6-18    | 6–18   | Q3, Q4 of year 1 and the first half of year 2 |
//! | 18-36   | 18–36  | the second half of year 2 and year 3     |
//!
//! Charts draw the exact months, so a 6–18 bar ends in the middle of year 2 and an 18–36 bar
//! starts there.

use crate::model::roadmap::Horizon;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Period {
    Q1,
    Q2,
    Q3,
    Q4,
    Year2,
    Year3,
}

impl Period {
    pub const ALL: [Period; 6] = [Period::Q1, Period::Q2, Period::Q3, Period::Q4, Period::Year2, Period::Year3];

    /// [start, end) in months.
    pub fn months(self) -> (u32, u32) {
        match self {
            Period::Q1 => (0, 3),
            Period::Q2 => (3, 6),
            Period::Q3 => (6, 9),
            Period::Q4 => (9, 12),
            Period::Year2 => (12, 24),
            Period::Year3 => (24, 36),
        }
    }
}

/// Where an entry lies on the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Slot {
    pub horizon: Horizon,
    pub start_month: u32,
    pub end_month: u32,
}

impl Slot {
    pub fn of(horizon: Horizon) -> Slot {
        let (start_month, end_month) = horizon.months();
        Slot { horizon, start_month, end_month }
    }

    /// The periods the slot overlaps, in order.
    pub fn periods(&self) -> Vec<Period> {
        Period::ALL
            .into_iter()
            .filter(|p| {
                let (a, b) = p.months();
                a < self.end_month && self.start_month < b
            })
            .collect()
    }
}

/// Where month `m` (0–36) lies on a chart axis of width 1 with six equal columns, one per
/// period: a quarter of year 1 gets as much room as a whole later year, because the first year
/// is planned in most detail.
pub fn axis_position(month: u32) -> f32 {
    let m = month.min(36) as f32;
    let column = 1.0 / 6.0;
    if m <= 12.0 { m / 3.0 * column } else { 4.0 * column + (m - 12.0) / 12.0 * column }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn horizons_occupy_the_documented_periods() {
        use Period::*;
        assert_eq!(Slot::of(Horizon::Short).periods(), vec![Q1, Q2]);
        assert_eq!(Slot::of(Horizon::Medium).periods(), vec![Q3, Q4, Year2]);
        assert_eq!(Slot::of(Horizon::Long).periods(), vec![Year2, Year3]);
    }

    #[test]
    fn the_axis_gives_year_one_four_columns() {
        assert_eq!(axis_position(0), 0.0);
        assert!((axis_position(6) - 2.0 / 6.0).abs() < 1e-6);
        assert!((axis_position(12) - 4.0 / 6.0).abs() < 1e-6);
        // Month 18 is the middle of the year-2 column.
        assert!((axis_position(18) - 4.5 / 6.0).abs() < 1e-6);
        assert!((axis_position(36) - 1.0).abs() < 1e-6);
        assert!((axis_position(99) - 1.0).abs() < 1e-6);
    }
}
