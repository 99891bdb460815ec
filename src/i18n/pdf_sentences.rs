//! "Where we stand", written out from the figures in plain sentences a politician reads in two
//! minutes, in Swedish and English.

use super::Lang;
use crate::compare::Standing;
use crate::model::SubGoal;
use crate::plan::{CountyRoadmap, MunicipalityRoadmap};

fn sv(lang: Lang) -> bool {
    lang == Lang::Sv
}

/// "A, B och C" / "A, B and C"
pub fn and_list(items: &[String], lang: Lang) -> String {
    let and = if sv(lang) { "och" } else { "and" };
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}

fn names(goals: &[SubGoal]) -> Vec<String> {
    goals.iter().map(|g| g.display().to_string()).collect()
}

/// The municipality's standing in four or five sentences.
pub fn municipality(r: &MunicipalityRoadmap, lang: Lang) -> Vec<String> {
    let s = &r.standing;
    let mut out = Vec::new();
    let name = &s.municipality;
    match (s.index.score, s.index.band) {
        (Some(idx), Some(band)) => {
            let median = s.index.county_median.map(|m| format!("{m:.0}"));
            out.push(match (sv(lang), median) {
                (true, Some(m)) => format!(
                    "{name} har ett samlat index på {idx:.0} av 100, nivån {}. Länets median är {m}.",
                    band.name(lang)
                ),
                (true, None) => format!("{name} har ett samlat index på {idx:.0} av 100, nivån {}.", band.name(lang)),
                (false, Some(m)) => format!(
                    "{name} has an overall index of {idx:.0} out of 100, level {}. The county median is {m}.",
                    band.name(lang)
                ),
                (false, None) => {
                    format!("{name} has an overall index of {idx:.0} out of 100, level {}.", band.name(lang))
                }
            });
        }
        _ => out.push(if sv(lang) {
            format!("Intervjun med {name} räcker inte för ett samlat index.")
        } else {
            format!("The interview with {name} is not enough for an overall index.")
        }),
    }
    let weak = s.subgoals.iter().filter(|g| g.uncertain).count();
    if s.index.score.is_some() && s.index.uncertain && weak > 0 {
        out.push(if sv(lang) {
            format!("Indexet är osäkert: {weak} av 5 delmål saknar poäng eller bygger på mindre än hälften av frågorna.")
        } else {
            format!("The index is uncertain: {weak} of 5 sub-goals have no score or rest on less than half of the questions.")
        });
    }
    let scored: Vec<&Standing> = s.subgoals.iter().filter(|g| g.score.is_some()).collect();
    let value = |g: &Standing| g.score.unwrap_or(0.0);
    let best = scored.iter().copied().max_by(|a, b| value(a).total_cmp(&value(b)));
    let worst = scored.iter().copied().min_by(|a, b| value(a).total_cmp(&value(b)));
    if let (Some(b), Some(w)) = (best, worst)
        && scored.len() >= 2
    {
        let (bn, wn) = (goal(b), goal(w));
        out.push(if sv(lang) {
            format!("Starkast är {bn} ({:.0}) och svagast {wn} ({:.0}).", value(b), value(w))
        } else {
            format!("Strongest is {bn} ({:.0}) and weakest {wn} ({:.0}).", value(b), value(w))
        });
    }
    let below: Vec<SubGoal> = s
        .subgoals
        .iter()
        .filter(|g| g.from_county_median.is_some_and(|d| d < -0.5))
        .filter_map(|g| g.subgoal)
        .collect();
    out.push(match (below.is_empty(), sv(lang)) {
        (true, true) => "Kommunen ligger på eller över länets median i alla delmål som har poäng.".into(),
        (true, false) => "The municipality is at or above the county median in every sub-goal with a score.".into(),
        (false, true) => format!("Under länets median ligger {}.", and_list(&names(&below), lang)),
        (false, false) => format!("Below the county median: {}.", and_list(&names(&below), lang)),
    });
    let uncertain: Vec<SubGoal> =
        s.subgoals.iter().filter(|g| g.score.is_some() && g.uncertain).filter_map(|g| g.subgoal).collect();
    if !uncertain.is_empty() {
        let list = and_list(&names(&uncertain), lang);
        out.push(if sv(lang) {
            format!("Poängen i {list} bygger på mindre än hälften av frågorna och är osäker.")
        } else {
            format!("The score of {list} rests on less than half of the questions and is uncertain.")
        });
    }
    let n = r.entries.len();
    let u = r.entries.iter().filter(|e| e.uncertain).count();
    out.push(match (sv(lang), u) {
        (true, 0) => format!("Färdplanen föreslår {n} inriktningar."),
        (true, u) => format!("Färdplanen föreslår {n} inriktningar; {u} av dem är osäkra och bör undersökas vidare."),
        (false, 0) => format!("The roadmap proposes {n} directions."),
        (false, u) => format!("The roadmap proposes {n} directions; {u} of them are uncertain and need a closer look."),
    });
    out
}

fn goal(s: &Standing) -> &'static str {
    s.subgoal.map_or("", SubGoal::display)
}

/// The county's standing: coverage of the round, strongest and weakest sub-goal, shared work.
pub fn county(c: &CountyRoadmap, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    let (n, m, county, round) = (c.summary.interviewed, c.summary.members, &c.county, &c.round);
    out.push(if sv(lang) {
        format!("{n} av {m} kommuner i {county} intervjuades i omgång {round}.")
    } else {
        format!("{n} of {m} municipalities in {county} were interviewed in round {round}.")
    });
    let medians: Vec<(SubGoal, f64)> =
        SubGoal::ALL.into_iter().filter_map(|g| c.summary.subgoals[g.index()].median.map(|v| (g, v))).collect();
    let best = medians.iter().max_by(|a, b| a.1.total_cmp(&b.1));
    let worst = medians.iter().min_by(|a, b| a.1.total_cmp(&b.1));
    if let (Some((bg, bv)), Some((wg, wv))) = (best, worst)
        && medians.len() >= 2
    {
        out.push(if sv(lang) {
            format!("Högst median har {} ({bv:.0}) och lägst {} ({wv:.0}).", bg.display(), wg.display())
        } else {
            format!("{} has the highest median ({bv:.0}) and {} the lowest ({wv:.0}).", bg.display(), wg.display())
        });
    }
    out.push(match (c.shared.first(), sv(lang)) {
        (None, true) => "Ingen inriktning valdes ut för minst två kommuner.".into(),
        (None, false) => "No direction was selected for two or more municipalities.".into(),
        (Some(first), true) => format!(
            "{} inriktningar valdes ut för minst två kommuner och föreslås som gemensamt arbete. Den vanligaste, ”{}”, gäller {} kommuner.",
            c.shared.len(),
            first.entry.inriktning,
            first.count()
        ),
        (Some(first), false) => format!(
            "{} directions were selected for two or more municipalities and are proposed as joint work. The most common, “{}”, concerns {} municipalities.",
            c.shared.len(),
            first.entry.inriktning,
            first.count()
        ),
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_join_with_the_right_word() {
        let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(and_list(&v(&["A"]), Lang::Sv), "A");
        assert_eq!(and_list(&v(&["A", "B", "C"]), Lang::Sv), "A, B och C");
        assert_eq!(and_list(&v(&["A", "B"]), Lang::En), "A and B");
    }
}
