//! The five maturity bands a 0–100 score falls into.

use crate::i18n::{self, Lang};
use serde::{Deserialize, Serialize};

/// A maturity band of 20 points. The cut points are chosen so that a whole rubric level lands in
/// the band whose name echoes the rubric wording: all questions at level 0 (score 0) is
/// `Startlage`, 1 (25) `Paborjad`, 2 (50) `Etablerad`, 3 (75) `Utvecklad`, 4 (100) `Ledande`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    /// 0 ≤ score < 20.
    Startlage,
    /// 20 ≤ score < 40.
    Paborjad,
    /// 40 ≤ score < 60.
    Etablerad,
    /// 60 ≤ score < 80.
    Utvecklad,
    /// 80 ≤ score ≤ 100.
    Ledande,
}

impl Band {
    pub const ALL: [Band; 5] = [Band::Startlage, Band::Paborjad, Band::Etablerad, Band::Utvecklad, Band::Ledande];

    /// The band of a score. Uses the exact score, not a rounded display value, so 19.97 is
    /// `Startlage` even if a screen shows it as "20,0"; docs/scoring.md says so.
    pub fn of(score: f64) -> Band {
        if score >= 80.0 {
            Band::Ledande
        } else if score >= 60.0 {
            Band::Utvecklad
        } else if score >= 40.0 {
            Band::Etablerad
        } else if score >= 20.0 {
            Band::Paborjad
        } else {
            Band::Startlage
        }
    }

    /// The lowest score in the band (0, 20, 40, 60, 80).
    pub fn lower(self) -> f64 {
        20.0 * self.index() as f64
    }

    /// 0 for `Startlage` … 4 for `Ledande`; colour scales index by this.
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn name(self, lang: Lang) -> &'static str {
        i18n::bands::name(self, lang)
    }

    pub fn description(self, lang: Lang) -> &'static str {
        i18n::bands::description(self, lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_belong_to_the_upper_band() {
        assert_eq!(Band::of(0.0), Band::Startlage);
        assert_eq!(Band::of(19.99), Band::Startlage);
        assert_eq!(Band::of(20.0), Band::Paborjad);
        assert_eq!(Band::of(39.9), Band::Paborjad);
        assert_eq!(Band::of(40.0), Band::Etablerad);
        assert_eq!(Band::of(60.0), Band::Utvecklad);
        assert_eq!(Band::of(79.99), Band::Utvecklad);
        assert_eq!(Band::of(80.0), Band::Ledande);
        assert_eq!(Band::of(100.0), Band::Ledande);
    }

    #[test]
    fn whole_rubric_levels_land_in_the_matching_band() {
        let by_level: Vec<Band> = (0..=4).map(|l| Band::of(25.0 * f64::from(l))).collect();
        assert_eq!(by_level, Band::ALL.to_vec());
    }

    #[test]
    fn names_exist_in_both_languages() {
        for b in Band::ALL {
            assert!(!b.name(Lang::Sv).is_empty() && !b.name(Lang::En).is_empty());
            assert_eq!(Band::of(b.lower()), b);
        }
        assert_eq!(Band::Startlage.name(Lang::Sv), "Startläge");
        assert_eq!(Band::Ledande.name(Lang::En), "Leading");
    }
}
