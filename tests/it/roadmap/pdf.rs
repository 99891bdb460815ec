//! The roadmap PDF read back by an independent reader: Swedish letters intact, every selected
//! inriktning present, "Sida n av m" right, every glyph inside the margins even with a
//! 5,000-character note and 40 entries, and the same bytes for the same roadmap.

use super::reader::{self, Glyph};
use super::{catalogue, county_plan, demo_store, municipality_plan, squeeze};
use fardplan::i18n::Lang;
use fardplan::model::SubGoal;
use fardplan::pdf::layout::{LEFT, PAGE_H, PAGE_W, RIGHT, SAFE};
use fardplan::pdf::{county_pdf, municipality_pdf};
use fardplan::plan::{MunicipalityRoadmap, Slot};

fn assert_pages_numbered(pages: &[String], word: &str, of: &str) {
    let n = pages.len();
    assert!(n >= 8, "only {n} pages");
    for (i, text) in pages.iter().enumerate() {
        let expected = format!("{word} {} {of} {n}", i + 1);
        assert!(text.contains(&expected), "page {} lacks {expected:?}", i + 1);
    }
}

#[test]
fn municipality_pdf_reads_back_in_swedish_with_every_entry() {
    let store = demo_store();
    let plan = municipality_plan(&store, "1280", "2022");
    assert!(!plan.entries.is_empty());
    let pdf = municipality_pdf(&plan, Lang::Sv).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let pages = reader::pages(&pdf);
    assert_pages_numbered(&pages, "Sida", "av");
    let all = squeeze(&pages.concat());
    for must in [
        "DigitalfärdplanMalmö",
        "Skånelän",
        "Sammanfattning",
        "Varstårvi?",
        "Detreförstaprioriteringarna",
        "Länetsmedian",
        "Motivtillinriktning",
        "Möjligaåtgärder",
        "Förslagpågenomförandeaktör",
        "Tidslinje",
        "Bilaga:allasvarochanteckningar",
        "Exempeldata",
    ] {
        assert!(all.contains(must), "missing {must}");
    }
    for e in &plan.entries {
        assert!(all.contains(&squeeze(&e.entry.inriktning)), "missing entry {}", e.entry.id);
        for a in &e.entry.atgarder {
            assert!(all.contains(&squeeze(a)), "missing action of {}", e.entry.id);
        }
    }
    for g in SubGoal::ALL {
        assert!(all.contains(&squeeze(g.goal_sentence())), "missing goal sentence of {g}");
    }
    // The summary page names the first priorities.
    let summary = squeeze(&pages[1]);
    for e in plan.certain().take(3) {
        assert!(summary.contains(&squeeze(&e.entry.inriktning)), "summary lacks {}", e.entry.id);
    }
}

#[test]
fn english_pdf_numbers_pages_in_english() {
    let store = demo_store();
    let plan = municipality_plan(&store, "1280", "2018");
    let pages = reader::pages(&municipality_pdf(&plan, Lang::En).unwrap());
    assert_pages_numbered(&pages, "Page", "of");
    assert!(squeeze(&pages[1]).contains("Wheredowestand?"));
}

#[test]
fn county_pdf_lists_the_shared_work_and_its_municipalities() {
    let store = demo_store();
    let county = county_plan(&store, "12", "2022");
    assert!(!county.shared.is_empty());
    let pdf = county_pdf(&county, Lang::Sv).unwrap();
    let pages = reader::pages(&pdf);
    assert_pages_numbered(&pages, "Sida", "av");
    let all = squeeze(&pages.concat());
    assert!(all.contains("LänetsdigitalafärdplanSkånelän"));
    assert!(all.contains("33av33"));
    for s in &county.shared {
        assert!(all.contains(&squeeze(&s.entry.inriktning)), "missing shared entry {}", s.entry.id);
        assert!(all.contains(&format!("Valdesutför{}kommuner", s.count())), "{}", s.entry.id);
    }
    for m in &county.members {
        assert!(all.contains(&squeeze(&m.name)), "missing {}", m.name);
    }
}

/// 40 entries (the catalogue's, cycled), every seventh uncertain, and a 5,000-character note
/// with a 300-character unbreakable token in it, on Malmö's real roadmap.
fn stress_plan() -> (MunicipalityRoadmap, String) {
    let store = demo_store();
    let mut plan = municipality_plan(&store, "1280", "2022");
    let cat = catalogue();
    let template = plan.entries[0].clone();
    plan.entries = (0..40)
        .map(|i| {
            let mut e = template.clone();
            e.entry = cat.entries[i % cat.entries.len()].clone();
            e.priority = i + 1;
            e.uncertain = i % 7 == 0;
            e.slot = Slot::of(e.entry.horizon);
            e
        })
        .collect();
    let mut note = String::from("Lång anteckning: ");
    let sentence = "Kommunen återkommer om e-arkivet, bredbandsplanen och ansvarsfördelningen mellan förvaltningarna. ";
    while note.chars().count() < 2_400 {
        note.push_str(sentence);
    }
    note.push_str(&"ÅÄÖåäö0123456789".repeat(19));
    note.push(' ');
    while note.chars().count() < 5_000 {
        note.push_str(sentence);
    }
    let note: String = note.chars().take(5_000).collect();
    plan.appendix[0].items[0].note = Some(note.clone());
    plan.standing.municipality = "Malmö med ett mycket långt namn som måste kortas i sidhuvudet på varje sida".into();
    (plan, note)
}

fn assert_inside(glyphs: &[Glyph]) {
    assert!(glyphs.len() > 10_000, "only {} glyphs", glyphs.len());
    let tol = 0.5;
    for g in glyphs {
        for (x, y) in g.corners {
            assert!(
                x >= SAFE as f64 - tol && x <= (PAGE_W - SAFE) as f64 + tol,
                "page {}: {:?} at x {x:.1} is outside the margins",
                g.page,
                g.text
            );
            assert!(
                y >= SAFE as f64 - tol && y <= (PAGE_H - SAFE) as f64 + tol,
                "page {}: {:?} at y {y:.1} is outside the margins",
                g.page,
                g.text
            );
            if !g.rotated {
                // Everything but the watermark also keeps to the body's left and right edges.
                assert!(x >= LEFT as f64 - tol && x <= RIGHT as f64 + tol, "page {}: {:?} at x {x:.1}", g.page, g.text);
            }
        }
    }
}

#[test]
fn every_glyph_lies_inside_the_margins_with_a_huge_note_and_40_entries() {
    let (plan, note) = stress_plan();
    let pdf = municipality_pdf(&plan, Lang::Sv).unwrap();
    let glyphs = reader::glyphs(&pdf);
    assert_inside(&glyphs);
    let pages = reader::pages(&pdf);
    assert_pages_numbered(&pages, "Sida", "av");
    let all = squeeze(&pages.concat());
    assert!(all.contains(&squeeze(&note)), "the note is not there in full");
    for e in &plan.entries {
        assert!(all.contains(&squeeze(&e.entry.inriktning)), "{}", e.entry.id);
    }
    assert!(all.contains("(osäker)"));
}

#[test]
fn every_glyph_of_the_county_pdf_lies_inside_the_margins() {
    let store = demo_store();
    let county = county_plan(&store, "12", "2022");
    assert_inside(&reader::glyphs(&county_pdf(&county, Lang::Sv).unwrap()));
}

#[test]
fn the_same_roadmap_gives_the_same_bytes_whatever_came_before() {
    let store = demo_store();
    let malmo = municipality_plan(&store, "1280", "2022");
    let lund = municipality_plan(&store, "1281", "2022");
    let first = municipality_pdf(&malmo, Lang::Sv).unwrap();
    let _ = municipality_pdf(&lund, Lang::Sv).unwrap();
    let again = municipality_pdf(&malmo, Lang::Sv).unwrap();
    assert!(first == again, "bytes differ within one process");
    assert!(first != municipality_pdf(&lund, Lang::Sv).unwrap());
    // The trailer ID is derived from the content: equal documents, equal IDs; no placeholder.
    let text = String::from_utf8_lossy(&first);
    assert!(!text.contains("FARDPLAN-DOCUMENT-ID"));
    assert!(text.contains("/ID"));
}

#[test]
fn the_summary_says_when_the_index_is_uncertain() {
    use fardplan::i18n::pdf_sentences;
    let store = demo_store();
    let mut plan = municipality_plan(&store, "1280", "2022");
    let said = |p: &MunicipalityRoadmap| pdf_sentences::municipality(p, Lang::Sv).join(" ");
    assert!(!said(&plan).contains("osäkert"), "{}", said(&plan));
    plan.standing.index.uncertain = true;
    plan.standing.subgoals[0].uncertain = true;
    plan.standing.subgoals[3].uncertain = true;
    assert!(
        said(&plan)
            .contains("Indexet är osäkert: 2 av 5 delmål saknar poäng eller bygger på mindre än hälften av frågorna."),
        "{}",
        said(&plan)
    );
    let en = pdf_sentences::municipality(&plan, Lang::En).join(" ");
    assert!(en.contains("The index is uncertain: 2 of 5 sub-goals"), "{en}");
}
