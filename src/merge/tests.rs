//! One test per merge case, on in-memory databases forked from a common ancestor.

use super::decide::{AnswerFacts, Decision, decide};
use super::*;
use crate::model::AnswerValue;
use crate::store::{ConflictReason, ConflictStatus, Interview, NewInterview, Resolution};

const Q: &str = "strategi_status";

pub(super) fn choice(id: &str) -> AnswerValue {
    AnswerValue::Choice(vec![id.into()])
}

pub(super) fn new_interview(store: &Store, code: &str, round: &str, by: &str) -> Interview {
    let src = crate::load::embedded_questionnaire().expect("shipped questionnaire loads");
    let new = NewInterview {
        municipality_code: code.into(),
        round: round.into(),
        interviewer: by.into(),
        ..Default::default()
    };
    store.create_interview(&src, &new).unwrap()
}

/// A copy of a database (same interview ids and history): where two interviewers' laptops
/// start from after syncing.
pub(super) fn fork(store: &Store) -> Store {
    let mut conn = rusqlite::Connection::open_in_memory().unwrap();
    rusqlite::backup::Backup::new(store.conn(), &mut conn).unwrap().step(-1).unwrap();
    Store::init(conn, None).unwrap()
}

fn set(store: &Store, id: &str, q: &str, v: &str, by: &str) {
    store.set_answer(id, q, Some(&choice(v)), "", by).unwrap();
}

fn merged(ours: &Store, theirs: &Store) -> MergePlan {
    merge(ours, theirs, "andra.db", "samordnare", false).unwrap()
}

fn value(store: &Store, id: &str, q: &str) -> Option<AnswerValue> {
    store.answer(id, q).unwrap().and_then(|a| a.value)
}

fn change_ids(store: &Store, id: &str) -> Vec<String> {
    let mut ids: Vec<String> = store.history(id).unwrap().into_iter().map(|h| h.change_id).collect();
    ids.sort();
    ids
}

/// An ancestor with one interview and one answer, and two forks of it.
fn ancestor() -> (Store, Store, String) {
    let base = Store::open_in_memory().unwrap();
    let iv = new_interview(&base, "1280", "2026", "anna");
    set(&base, &iv.id, Q, "nej", "anna");
    let (a, b) = (fork(&base), fork(&base));
    (a, b, iv.id)
}

#[test]
fn the_rule_table() {
    let f = |ours_changed, theirs_changed, same, ours_locked, theirs_locked| {
        decide(AnswerFacts { ours_changed, theirs_changed, same, ours_locked, theirs_locked })
    };
    assert_eq!(f(true, true, true, false, false), Decision::Keep);
    assert_eq!(f(false, false, true, true, true), Decision::Keep);
    assert_eq!(f(true, false, false, false, false), Decision::Keep);
    assert_eq!(f(false, true, false, false, false), Decision::TakeTheirs);
    assert_eq!(f(true, true, false, false, false), Decision::Conflict(ConflictReason::BothChanged));
    assert_eq!(f(false, true, false, true, false), Decision::Conflict(ConflictReason::AfterCompletion));
    assert_eq!(f(true, false, false, false, true), Decision::Conflict(ConflictReason::AfterCompletion));
    assert_eq!(f(false, false, false, false, false), Decision::Conflict(ConflictReason::Unexplained));
}

#[test]
fn identical_databases_merge_to_nothing() {
    let (a, b, _) = ancestor();
    let plan = merged(&a, &b);
    assert!(plan.is_empty());
    let merges: i64 = a.conn().query_row("SELECT count(*) FROM merges", [], |r| r.get(0)).unwrap();
    assert_eq!(merges, 0, "a merge with nothing to do leaves no trace");
}

#[test]
fn an_answer_changed_only_there_is_taken_with_its_history() {
    let (a, b, id) = ancestor();
    set(&b, &id, Q, "beslutad", "bo");
    let plan = merged(&a, &b);
    assert_eq!(plan.counts().answers_taken, 1);
    assert_eq!(plan.counts().conflicts, 0);
    assert_eq!(value(&a, &id, Q), Some(choice("beslutad")));
    assert_eq!(a.answer(&id, Q).unwrap().unwrap().updated_by, "bo", "taken as it was given there");
    assert_eq!(change_ids(&a, &id), change_ids(&b, &id));
    assert!(merged(&a, &b).is_empty(), "merging the same database again changes nothing");
}

#[test]
fn an_answer_changed_only_here_is_kept() {
    let (a, b, id) = ancestor();
    set(&a, &id, Q, "ja", "anna");
    assert!(merged(&a, &b).is_empty());
    assert_eq!(value(&a, &id, Q), Some(choice("ja")));
    // The other way round, ours is what they take.
    merged(&b, &a);
    assert_eq!(value(&b, &id, Q), Some(choice("ja")));
}

#[test]
fn the_same_change_on_both_sides_is_no_conflict_but_both_histories_stay() {
    let (a, b, id) = ancestor();
    set(&a, &id, Q, "ja", "anna");
    set(&b, &id, Q, "ja", "bo");
    let plan = merged(&a, &b);
    assert_eq!(plan.counts().conflicts, 0);
    assert_eq!(plan.counts().history_added, 1);
    assert_eq!(a.history(&id).unwrap().len(), 3);
}

#[test]
fn different_changes_on_both_sides_are_a_conflict_that_keeps_both() {
    let (a, b, id) = ancestor();
    set(&a, &id, Q, "ja", "anna");
    b.set_answer(&id, Q, Some(&choice("beslutad")), "KF 2025", "bo").unwrap();
    let plan = merged(&a, &b);
    assert_eq!(plan.counts().conflicts, 1);
    assert_eq!(value(&a, &id, Q), Some(choice("ja")), "our answer stays until someone chooses");
    let open = a.open_conflicts(&id).unwrap();
    assert_eq!(open.len(), 1);
    let c = &open[0];
    assert_eq!((c.question_id.as_str(), c.reason), (Q, ConflictReason::BothChanged));
    assert_eq!((c.ours.value.clone(), c.ours.changed_by.as_deref()), (Some(choice("ja")), Some("anna")));
    assert_eq!((c.theirs.value.clone(), c.theirs.note.as_str()), (Some(choice("beslutad")), "KF 2025"));
    assert_eq!(c.theirs.changed_by.as_deref(), Some("bo"));
    assert!(c.theirs.changed_at.is_some());
    let report = MergeReport::new(&plan, false);
    assert_eq!(report.conflicts.len(), 1);
    assert_eq!(report.conflicts[0].municipality, "Malmö");
    // Both histories are kept whole.
    assert_eq!(a.history(&id).unwrap().len(), 3);
    assert!(merged(&a, &b).is_empty(), "the same conflict is not recorded twice");

    // Resolving records the choice in the history and closes the conflict.
    let chosen = a.resolve_conflict(&id, Q, &Resolution::Theirs, "samordnare").unwrap();
    assert_eq!((chosen.value, chosen.note.as_str()), (Some(choice("beslutad")), "KF 2025"));
    assert!(a.open_conflicts(&id).unwrap().is_empty());
    let last = a.history(&id).unwrap().pop().unwrap();
    assert_eq!((last.event.as_str(), last.reason.as_deref()), ("resolve", Some("theirs")));
    assert_eq!((last.old_value, last.new_value), (Some(choice("ja")), Some(choice("beslutad"))));
    let all = a.all_conflicts().unwrap();
    assert_eq!(all[0].status, ConflictStatus::Resolved);
    assert_eq!(all[0].resolved_change_id.as_deref(), Some(last.change_id.as_str()));
    assert!(a.conn().execute("DELETE FROM conflicts", []).is_err(), "conflicts are kept");

    // The resolution travels: the other side takes it, and its copy of the conflict is closed.
    assert!(merged(&a, &b).is_empty());
    merged(&b, &a);
    assert_eq!(value(&b, &id, Q), Some(choice("beslutad")));
    assert!(b.all_open_conflicts().unwrap().is_empty());
    assert_eq!(b.all_conflicts().unwrap().len(), 1);
}

#[test]
fn resolving_refuses_what_it_cannot_decide() {
    let (a, b, id) = ancestor();
    let c = fork(&a);
    set(&a, &id, Q, "ja", "anna");
    set(&b, &id, Q, "beslutad", "bo");
    set(&c, &id, Q, "revideras", "cia");
    let err = a.resolve_conflict(&id, Q, &Resolution::Ours, "x").unwrap_err();
    assert!(matches!(err, StoreError::NoOpenConflict { .. }));
    merged(&a, &b);
    merged(&a, &c);
    assert_eq!(a.open_conflicts(&id).unwrap().len(), 2);
    let err = a.resolve_conflict(&id, Q, &Resolution::Theirs, "x").unwrap_err();
    assert!(matches!(err, StoreError::AmbiguousConflict { open: 2, .. }));
    // Keeping ours closes both and still records the choice.
    let before = a.history(&id).unwrap().len();
    a.resolve_conflict(&id, Q, &Resolution::Ours, "x").unwrap();
    assert_eq!(value(&a, &id, Q), Some(choice("ja")));
    assert_eq!(a.history(&id).unwrap().len(), before + 1);
    assert!(a.open_conflicts(&id).unwrap().is_empty());
}

#[test]
fn a_new_interview_is_copied_whole() {
    let (a, b, _) = ancestor();
    let fresh = Store::open_in_memory().unwrap();
    let iv = new_interview(&b, "0114", "2026", "bo");
    set(&b, &iv.id, Q, "ja", "bo");
    b.complete(&iv.id, "bo").unwrap();
    let plan = merged(&fresh, &b);
    assert_eq!(plan.counts().new_interviews, 2);
    assert_eq!(plan.snapshots.len(), 1, "the questionnaire text comes along once");
    assert_eq!(fresh.interview(&iv.id).unwrap(), b.interview(&iv.id).unwrap());
    assert_eq!(fresh.answers(&iv.id).unwrap(), b.answers(&iv.id).unwrap());
    assert_eq!(fresh.history(&iv.id).unwrap(), b.history(&iv.id).unwrap());
    assert_eq!(fresh.snapshot_source(&iv.snapshot_hash).unwrap(), b.snapshot_source(&iv.snapshot_hash).unwrap());
    // Into a database that already has the snapshot, only the interview comes.
    let plan = merged(&a, &b);
    assert_eq!((plan.counts().new_interviews, plan.snapshots.len()), (1, 0));
}

#[test]
fn two_interviews_of_the_same_municipality_and_round_are_both_kept_and_reported() {
    let a = Store::open_in_memory().unwrap();
    let b = Store::open_in_memory().unwrap();
    let mine = new_interview(&a, "1280", "2026", "anna");
    let theirs = new_interview(&b, "1280", "2026", "bo");
    let plan = merged(&a, &b);
    assert_eq!(plan.duplicates.len(), 1);
    let d = &plan.duplicates[0];
    assert_eq!((d.interview_id.as_str(), d.other_id.as_str()), (theirs.id.as_str(), mine.id.as_str()));
    assert_eq!((d.interviewer.as_str(), d.other_interviewer.as_str()), ("bo", "anna"));
    assert_eq!(a.interviews(&Default::default()).unwrap().len(), 2);
    assert!(merged(&a, &b).duplicates.is_empty(), "reported when it arrives, not on every merge");
}

#[test]
fn a_completed_interview_is_not_changed_by_a_late_answer_from_the_other_side() {
    let (a, b, id) = ancestor();
    a.complete(&id, "anna").unwrap();
    set(&b, &id, Q, "beslutad", "bo");
    let plan = merged(&a, &b);
    assert_eq!(plan.counts().answers_taken, 0);
    assert_eq!(value(&a, &id, Q), Some(choice("nej")));
    assert_eq!(a.interview(&id).unwrap().status, InterviewStatus::Completed);
    let open = a.open_conflicts(&id).unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].reason, ConflictReason::AfterCompletion);
    // A new value would edit a completed interview; choosing a recorded side does not.
    let err = a
        .resolve_conflict(&id, Q, &Resolution::Value { value: Some(choice("ja")), note: String::new() }, "x")
        .unwrap_err();
    assert!(matches!(err, StoreError::Completed(_)));
    a.resolve_conflict(&id, Q, &Resolution::Theirs, "x").unwrap();
    assert_eq!(value(&a, &id, Q), Some(choice("beslutad")));
    // The other way round: their completion comes here, our late answer becomes the conflict.
    let (a, b, id) = ancestor();
    a.complete(&id, "anna").unwrap();
    set(&b, &id, Q, "beslutad", "bo");
    merged(&b, &a);
    let done = b.interview(&id).unwrap();
    assert_eq!(
        (done.status, done.completed_at.clone()),
        (InterviewStatus::Completed, a.interview(&id).unwrap().completed_at)
    );
    assert_eq!(b.open_conflicts(&id).unwrap()[0].reason, ConflictReason::AfterCompletion);
}

#[test]
fn a_completion_there_comes_here_with_its_answers() {
    let (a, b, id) = ancestor();
    set(&b, &id, Q, "beslutad", "bo");
    b.complete(&id, "bo").unwrap();
    let plan = merged(&a, &b);
    assert_eq!(plan.counts().status_changes, 1);
    assert_eq!(value(&a, &id, Q), Some(choice("beslutad")));
    assert_eq!(a.interview(&id).unwrap(), b.interview(&id).unwrap());
    assert!(a.all_open_conflicts().unwrap().is_empty());
}

#[test]
fn a_reopened_interview_carries_its_reason_across() {
    let (a, b, id) = {
        let base = Store::open_in_memory().unwrap();
        let iv = new_interview(&base, "1280", "2026", "anna");
        base.complete(&iv.id, "anna").unwrap();
        (fork(&base), fork(&base), iv.id)
    };
    b.reopen(&id, "bo", "Kommunen kompletterade").unwrap();
    set(&b, &id, Q, "ja", "bo");
    merged(&a, &b);
    assert_eq!(a.interview(&id).unwrap().status, InterviewStatus::InProgress);
    let reopen = a.history(&id).unwrap().into_iter().find(|h| h.event == "reopen").unwrap();
    assert_eq!((reopen.reason.as_deref(), reopen.changed_by.as_str()), (Some("Kommunen kompletterade"), "bo"));
    assert_eq!(value(&a, &id, Q), Some(choice("ja")));
}

#[test]
fn completed_on_one_side_and_reopened_on_the_other_stays_open_and_is_reported() {
    let (a, b, id) = {
        let base = Store::open_in_memory().unwrap();
        let iv = new_interview(&base, "1280", "2026", "anna");
        base.complete(&iv.id, "anna").unwrap();
        base.reopen(&iv.id, "anna", "Fler svar").unwrap();
        (fork(&base), fork(&base), iv.id)
    };
    a.complete(&id, "anna").unwrap();
    b.complete(&id, "bo").unwrap();
    b.reopen(&id, "bo", "Fel kommun i anteckningen").unwrap();
    let plan = merged(&a, &b);
    assert!(plan.updates[0].status_disagreement);
    assert_eq!(a.interview(&id).unwrap().status, InterviewStatus::InProgress);
    assert_eq!(a.interview(&id).unwrap().completed_at, None);
}

#[test]
fn a_dry_run_writes_nothing() {
    let (a, b, id) = ancestor();
    set(&b, &id, Q, "ja", "bo");
    new_interview(&b, "0114", "2026", "bo");
    let before = crate::exchange::json::to_string(&crate::exchange::json::export(&a).unwrap());
    let plan = merge(&a, &b, "andra.db", "x", true).unwrap();
    assert_eq!((plan.counts().new_interviews, plan.counts().answers_taken), (1, 1));
    assert_eq!(crate::exchange::json::to_string(&crate::exchange::json::export(&a).unwrap()), before);
}

#[test]
fn a_merge_that_fails_halfway_writes_nothing() {
    let fresh = Store::open_in_memory().unwrap();
    let (_, b, _) = ancestor();
    let mut plan = plan(&fresh, &b, "andra.db").unwrap();
    // Without its questionnaire snapshot the interview row violates its foreign key, after the
    // merge record and before the answers: everything written so far must roll back.
    plan.snapshots.clear();
    assert!(apply(&fresh, &plan, "x").is_err());
    let count = |table: &str| -> i64 {
        fresh.conn().query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap()
    };
    assert_eq!((count("merges"), count("interviews"), count("history")), (0, 0, 0));
}

#[test]
fn conflicts_found_elsewhere_travel_with_the_merge() {
    let (a, b, id) = ancestor();
    let c = fork(&b);
    set(&b, &id, Q, "ja", "bo");
    set(&c, &id, Q, "beslutad", "cia");
    merged(&b, &c);
    let theirs_conflict = b.open_conflicts(&id).unwrap().remove(0);
    merged(&a, &b);
    let here = a.open_conflicts(&id).unwrap();
    assert_eq!(here, vec![theirs_conflict.clone()], "copied as it is, same id");
    assert_eq!(value(&a, &id, Q), Some(choice("ja")), "b's side, which b's answer holds");
    // Resolved here, the resolution closes it in b on the next merge.
    a.resolve_conflict(&id, Q, &Resolution::Theirs, "samordnare").unwrap();
    merged(&b, &a);
    assert!(b.open_conflicts(&id).unwrap().is_empty());
    assert_eq!(value(&b, &id, Q), Some(choice("beslutad")));
}

#[test]
fn a_database_is_not_merged_into_itself() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.db");
    let store = Store::open(&path).unwrap();
    let again = Store::open_read_only(&path).unwrap();
    assert!(matches!(merge(&store, &again, "f.db", "x", false), Err(MergeError::SameDatabase)));
}

#[test]
fn different_answers_no_history_explains_are_a_conflict_not_a_guess() {
    let (a, b, id) = ancestor();
    // A row written without history, as a hand-edited or foreign-tool database might hold.
    b.conn()
        .execute(
            "UPDATE answers SET value = 'ja', updated_by = 'okänt verktyg' WHERE interview_id = ?1 AND question_id = ?2",
            [&id, Q],
        )
        .unwrap();
    let plan = merged(&a, &b);
    assert_eq!(plan.updates[0].conflicts[0].reason, ConflictReason::Unexplained);
    assert_eq!(value(&a, &id, Q), Some(choice("nej")));
    assert!(merged(&a, &b).is_empty(), "recorded once, not on every merge");
}

#[test]
fn completed_again_there_moves_the_completion_time_and_says_so() {
    let (a, b, id) = {
        let base = Store::open_in_memory().unwrap();
        let iv = new_interview(&base, "1280", "2026", "anna");
        base.complete(&iv.id, "anna").unwrap();
        (fork(&base), fork(&base), iv.id)
    };
    b.reopen(&id, "bo", "Komplettering").unwrap();
    set(&b, &id, Q, "ja", "bo");
    std::thread::sleep(std::time::Duration::from_millis(2));
    let done = b.complete(&id, "bo").unwrap();
    let plan = merged(&a, &b);
    assert_eq!(a.interview(&id).unwrap().completed_at, done.completed_at);
    assert_eq!(value(&a, &id, Q), Some(choice("ja")));
    let text = crate::i18n::merge::report_text(crate::i18n::Lang::Sv, &MergeReport::new(&plan, false));
    assert!(text.contains("avslutad på nytt"), "{text}");
    assert!(text.contains("tagna svar: 1"), "{text}");
}
