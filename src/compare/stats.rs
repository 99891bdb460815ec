//! Order statistics and ranks over scores.

use crate::model::SubGoal;
use serde::Serialize;

/// Scores closer than this are equal when ranking. Scores are ratios of small sums, and the
/// same ratio reached through different sums can differ in the last bits of a float.
pub const TIE_TOLERANCE: f64 = 1e-9;

/// Summary statistics of one score (a sub-goal or the index) over a set of municipalities.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// None for the index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subgoal: Option<SubGoal>,
    /// Scores included (interviewed municipalities with a score).
    pub n: usize,
    /// How many of the included scores are uncertain (coverage below 50 %). They are included in
    /// every figure; this count says how much to trust them.
    pub uncertain: usize,
    /// Interviewed municipalities without a score here (nothing answered with a level).
    pub missing: usize,
    pub min: Option<f64>,
    pub lower_quartile: Option<f64>,
    pub median: Option<f64>,
    pub upper_quartile: Option<f64>,
    pub max: Option<f64>,
}

/// Statistics of `(score, uncertain)` pairs, plus the number of interviewed municipalities that
/// have no score.
pub fn stats(subgoal: Option<SubGoal>, values: &[(f64, bool)], missing: usize) -> Stats {
    let mut sorted: Vec<f64> = values.iter().map(|(v, _)| *v).collect();
    sorted.sort_by(f64::total_cmp);
    Stats {
        subgoal,
        n: sorted.len(),
        uncertain: values.iter().filter(|(_, u)| *u).count(),
        missing,
        min: sorted.first().copied(),
        lower_quartile: quantile(&sorted, 0.25),
        median: quantile(&sorted, 0.5),
        upper_quartile: quantile(&sorted, 0.75),
        max: sorted.last().copied(),
    }
}

/// The `p`-quantile (0 ≤ p ≤ 1) of ascending values, by linear interpolation between closest
/// ranks: h = (n − 1)·p, q = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]) with 0-based x. This is
/// R's type 7, numpy's default and Excel's QUARTILE.INC / KVARTIL.INK, so analysts get the same
/// figures in a spreadsheet. None for no values.
pub fn quantile(sorted: &[f64], p: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let h = last as f64 * p.clamp(0.0, 1.0);
    // h lies in 0..=last, so both indices are in bounds.
    let lo = (h.floor() as usize).min(last);
    let hi = (lo + 1).min(last);
    Some(sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo]))
}

/// The median of values in any order: the middle value, or the mean of the two middle values.
pub fn median(values: &[f64]) -> Option<f64> {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    quantile(&sorted, 0.5)
}

/// Competition ranks ("1224"), highest score first: a score's rank is 1 + the number of scores
/// strictly higher, so tied scores share a rank and the next rank is skipped. None stays None.
pub fn competition_ranks(values: &[Option<f64>]) -> Vec<Option<usize>> {
    values
        .iter()
        .map(|v| {
            let v = (*v)?;
            Some(1 + values.iter().flatten().filter(|w| **w > v + TIE_TOLERANCE).count())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even_sets() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[42.0]), Some(42.0));
        assert_eq!(median(&[50.0, 10.0, 30.0]), Some(30.0));
        // (30 + 50) / 2
        assert_eq!(median(&[50.0, 10.0, 30.0, 70.0]), Some(40.0));
    }

    #[test]
    fn quartiles_interpolate_between_closest_ranks() {
        // n = 4: h(0.25) = 0.75 → 10 + 0.75·(20 − 10); h(0.75) = 2.25 → 40 + 0.25·(80 − 40).
        let x = [10.0, 20.0, 40.0, 80.0];
        assert_eq!(quantile(&x, 0.25), Some(17.5));
        assert_eq!(quantile(&x, 0.5), Some(30.0));
        assert_eq!(quantile(&x, 0.75), Some(50.0));
        assert_eq!(quantile(&x, 0.0), Some(10.0));
        assert_eq!(quantile(&x, 1.0), Some(80.0));
        // n = 5: h(0.25) = 1 and h(0.75) = 3 fall on values.
        let y = [0.0, 25.0, 50.0, 60.0, 100.0];
        assert_eq!((quantile(&y, 0.25), quantile(&y, 0.75)), (Some(25.0), Some(60.0)));
        assert_eq!(quantile(&[7.0], 0.25), Some(7.0));
        assert_eq!(quantile(&[], 0.5), None);
    }

    #[test]
    fn ranks_share_ties_and_skip() {
        let r = competition_ranks(&[Some(50.0), Some(75.0), None, Some(50.0), Some(25.0), Some(75.0)]);
        assert_eq!(r, vec![Some(3), Some(1), None, Some(3), Some(5), Some(1)]);
        // The same ratio reached through different float sums is a tie.
        let a = 25.0 * (0.1 + 0.2) / 0.3;
        assert_eq!(competition_ranks(&[Some(a), Some(25.0)]), vec![Some(1), Some(1)]);
    }

    #[test]
    fn stats_count_uncertain_and_missing() {
        let s = stats(Some(SubGoal::Ledning), &[(80.0, false), (20.0, true), (50.0, false)], 2);
        assert_eq!((s.n, s.uncertain, s.missing), (3, 1, 2));
        assert_eq!((s.min, s.median, s.max), (Some(20.0), Some(50.0), Some(80.0)));
        // h = 0.5 → 20 + 0.5·30; h = 1.5 → 50 + 0.5·30
        assert_eq!((s.lower_quartile, s.upper_quartile), (Some(35.0), Some(65.0)));
        let empty = stats(None, &[], 1);
        assert_eq!((empty.n, empty.median, empty.min), (0, None, None));
    }
}
