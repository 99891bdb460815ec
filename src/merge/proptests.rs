//! Properties of merging over generated databases that share an ancestor and then diverge:
//! random answer edits, notes, completes, reopens, new (possibly duplicate) interviews, and
//! merges from a third database with conflict resolutions in between, and conflicts already in the
//! common ancestor.

use super::tests::{fork, new_interview};
use super::*;
use crate::model::AnswerValue;
use crate::store::{ConflictSide, InterviewFilter, Resolution};
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashSet};

const QUESTIONS: [&str; 3] = ["strategi_status", "strategisk_funktion", "utmaningar"];
const CODES: [&str; 2] = ["1280", "0114"];

#[derive(Debug, Clone)]
enum Op {
    Set {
        iv: usize,
        q: usize,
        v: u8,
    },
    Clear {
        iv: usize,
        q: usize,
    },
    Complete {
        iv: usize,
    },
    Reopen {
        iv: usize,
    },
    New {
        m: usize,
    },
    Resolve {
        iv: usize,
        q: usize,
        theirs: bool,
    },
    /// Merge the third database into this one (ignored in the third one itself).
    MergeThird,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        8 => (0..4usize, 0..3usize, 0..6u8).prop_map(|(iv, q, v)| Op::Set { iv, q, v }),
        1 => (0..4usize, 0..3usize).prop_map(|(iv, q)| Op::Clear { iv, q }),
        2 => (0..4usize).prop_map(|iv| Op::Complete { iv }),
        2 => (0..4usize).prop_map(|iv| Op::Reopen { iv }),
        1 => (0..2usize).prop_map(|m| Op::New { m }),
        1 => (0..4usize, 0..3usize, any::<bool>()).prop_map(|(iv, q, theirs)| Op::Resolve { iv, q, theirs }),
        1 => Just(Op::MergeThird),
    ]
}

/// A value and note from a small alphabet, so both sides often write the same or different ones.
fn state(v: u8) -> (AnswerValue, &'static str) {
    let value = if v < 4 { AnswerValue::Number(v as f64) } else { AnswerValue::DontKnow };
    (value, if v % 3 == 0 { "anteckning" } else { "" })
}

/// Applies ops as an interviewer would; refused ones (editing a completed interview, reopening
/// one in progress…) are simply refused, as in real use.
fn run(store: &Store, ops: &[Op], by: &str, third: Option<&Store>) {
    for op in ops {
        let ivs = store.interviews(&InterviewFilter::default()).unwrap();
        let pick = |i: usize| ivs[i % ivs.len()].id.clone();
        let _ = match op {
            Op::Set { iv, q, v } => {
                let (value, note) = state(*v);
                store.set_answer(&pick(*iv), QUESTIONS[*q], Some(&value), note, by).map(drop)
            }
            Op::Clear { iv, q } => store.set_answer(&pick(*iv), QUESTIONS[*q], None, "", by).map(drop),
            Op::Complete { iv } => store.complete(&pick(*iv), by).map(drop),
            Op::Reopen { iv } => store.reopen(&pick(*iv), by, "komplettering").map(drop),
            Op::New { m } => {
                new_interview(store, CODES[*m], "2026", by);
                Ok(())
            }
            Op::Resolve { iv, q, theirs } => {
                let how = if *theirs { Resolution::Theirs } else { Resolution::Ours };
                store.resolve_conflict(&pick(*iv), QUESTIONS[*q], &how, by).map(drop)
            }
            Op::MergeThird => {
                if let Some(t) = third {
                    merge(store, t, "tredje.db", by, false).unwrap();
                }
                Ok(())
            }
        };
    }
}

type Answer = (Option<String>, String);

fn key(side: &ConflictSide) -> Answer {
    (side.value.as_ref().map(|v| format!("{v:?}")), side.note.clone())
}

/// What must be equal whichever way round two databases are merged: interviews with status,
/// settled answers, the open conflicts as unordered pairs, and the history by change id.
#[derive(Debug, PartialEq)]
struct Canonical {
    interviews: BTreeMap<String, (String, Option<String>)>,
    settled: BTreeMap<(String, String), Answer>,
    open: BTreeMap<(String, String), BTreeSet<BTreeSet<Answer>>>,
    history: BTreeSet<String>,
}

fn canonical(store: &Store) -> Canonical {
    let mut c = Canonical {
        interviews: BTreeMap::new(),
        settled: BTreeMap::new(),
        open: BTreeMap::new(),
        history: BTreeSet::new(),
    };
    for conflict in store.all_open_conflicts().unwrap() {
        let pair: BTreeSet<Answer> = [key(&conflict.ours), key(&conflict.theirs)].into();
        c.open.entry((conflict.interview_id, conflict.question_id)).or_default().insert(pair);
    }
    for iv in store.interviews(&InterviewFilter::default()).unwrap() {
        for a in store.answers(&iv.id).unwrap() {
            let k = (iv.id.clone(), a.question_id.clone());
            let answer = key(&ConflictSide::of(Some(&a)));
            // A cleared answer row and no row are the same state to the merge.
            if !c.open.contains_key(&k) && answer != (None, String::new()) {
                c.settled.insert(k, answer);
            }
        }
        c.history.extend(store.history(&iv.id).unwrap().into_iter().map(|h| h.change_id));
        c.interviews.insert(iv.id, (iv.status.as_str().to_string(), iv.completed_at));
    }
    c
}

/// Change ids of history rows, per (interview, question) for answers and per interview for status.
type AnswerChanges = BTreeMap<(String, String), HashSet<String>>;
type StatusChanges = BTreeMap<String, HashSet<String>>;

/// The change ids of `store`'s answer rows per (interview, question), and of its status rows.
fn changes(store: &Store) -> (AnswerChanges, StatusChanges) {
    let (mut answers, mut status) = (BTreeMap::new(), BTreeMap::new());
    for iv in store.interviews(&InterviewFilter::default()).unwrap() {
        for h in store.history(&iv.id).unwrap() {
            match h.question_id {
                Some(q) if h.event == "answer" || h.event == "resolve" => {
                    answers.entry((iv.id.clone(), q)).or_insert_with(HashSet::new).insert(h.change_id);
                }
                _ => {
                    status.entry(iv.id.clone()).or_insert_with(HashSet::new).insert(h.change_id);
                }
            }
        }
    }
    (answers, status)
}

/// Every answer of `side` is in `merged`: as its answer or a side of an open conflict if `side`
/// changed it since the common history, and at least in the history otherwise.
fn check_kept(side: &Store, other: &Store, merged: &Store) -> Result<(), TestCaseError> {
    let (side_changes, _) = changes(side);
    let (other_changes, _) = changes(other);
    for iv in side.interviews(&InterviewFilter::default()).unwrap() {
        let history = merged.history(&iv.id).unwrap();
        let in_history: HashSet<Answer> = history
            .iter()
            .flat_map(|h| {
                [
                    (h.new_value.as_ref().map(|v| format!("{v:?}")), h.new_note.clone().unwrap_or_default()),
                    (h.old_value.as_ref().map(|v| format!("{v:?}")), h.old_note.clone().unwrap_or_default()),
                ]
            })
            .collect();
        let open = merged.open_conflicts(&iv.id).unwrap();
        for a in side.answers(&iv.id).unwrap() {
            let wanted = key(&ConflictSide::of(Some(&a)));
            let now = key(&ConflictSide::of(merged.answer(&iv.id, &a.question_id).unwrap().as_ref()));
            let in_conflict = open
                .iter()
                .filter(|c| c.question_id == a.question_id)
                .any(|c| key(&c.ours) == wanted || key(&c.theirs) == wanted);
            let k = (iv.id.clone(), a.question_id.clone());
            let mine = side_changes.get(&k).cloned().unwrap_or_default();
            let theirs = other_changes.get(&k).cloned().unwrap_or_default();
            let changed_here = !mine.is_subset(&theirs);
            if changed_here {
                prop_assert!(now == wanted || in_conflict, "{k:?}: {wanted:?} lost; now {now:?}");
            }
            prop_assert!(now == wanted || in_conflict || in_history.contains(&wanted), "{k:?}: {wanted:?} gone");
        }
    }
    Ok(())
}

/// An interview `side` completed on its own (status rows the other lacks) that stays completed
/// after the merge keeps exactly `side`'s answers when merged into `side`.
fn check_completed_untouched(side: &Store, other: &Store, merged: &Store) -> Result<(), TestCaseError> {
    let (_, side_status) = changes(side);
    let (_, other_status) = changes(other);
    for iv in side.interviews(&InterviewFilter::default()).unwrap() {
        let mine = side_status.get(&iv.id).cloned().unwrap_or_default();
        let theirs = other_status.get(&iv.id).cloned().unwrap_or_default();
        let completed_here = iv.status == InterviewStatus::Completed && !mine.is_subset(&theirs);
        if completed_here && merged.interview(&iv.id).unwrap().status == InterviewStatus::Completed {
            prop_assert_eq!(merged.answers(&iv.id).unwrap(), side.answers(&iv.id).unwrap());
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn merging_keeps_everything_is_idempotent_and_symmetric(
        interviews in 1..3usize,
        common in prop::collection::vec(op(), 0..8),
        early_ops in prop::collection::vec(op(), 0..6),
        third_ops in prop::collection::vec(op(), 0..6),
        a_ops in prop::collection::vec(op(), 0..12),
        b_ops in prop::collection::vec(op(), 0..12),
    ) {
        let base = Store::open_in_memory().unwrap();
        for i in 0..interviews {
            new_interview(&base, CODES[i % 2], "2026", "start");
        }
        // A branch merged back before the fork, so both sides may share conflicts and resolve
        // them differently.
        let early = fork(&base);
        run(&base, &common, "start", None);
        run(&early, &early_ops, "dan", None);
        merge(&base, &early, "tidig.db", "start", false).unwrap();
        let third = fork(&base);
        run(&third, &third_ops, "cia", None);
        let (a, b) = (fork(&base), fork(&base));
        run(&a, &a_ops, "anna", Some(&third));
        run(&b, &b_ops, "bo", Some(&third));

        let a_into = fork(&a);
        merge(&a_into, &b, "b.db", "x", false).unwrap();
        let b_into = fork(&b);
        merge(&b_into, &a, "a.db", "x", false).unwrap();

        // Both histories preserved: exactly their union.
        let union: BTreeSet<String> = canonical(&a).history.union(&canonical(&b).history).cloned().collect();
        prop_assert_eq!(&canonical(&a_into).history, &union);
        // Nothing either side answered is lost.
        check_kept(&a, &b, &a_into)?;
        check_kept(&b, &a, &a_into)?;
        check_kept(&a, &b, &b_into)?;
        check_kept(&b, &a, &b_into)?;
        check_completed_untouched(&a, &b, &a_into)?;
        check_completed_untouched(&b, &a, &b_into)?;
        // Idempotent: the same file again finds nothing to do.
        prop_assert!(plan(&a_into, &b, "b.db").unwrap().is_empty());
        prop_assert!(plan(&b_into, &a, "a.db").unwrap().is_empty());
        // Symmetric: A into B and B into A hold the same answers, conflicts and history.
        prop_assert_eq!(canonical(&a_into), canonical(&b_into));
    }
}
