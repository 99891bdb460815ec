//! Saving from the interview screen: every change is committed to the store before the status
//! line says "Sparat"; a refused write is kept on screen as unsaved and can be retried.

use super::screens::interview::{AnswerState, Focus, InterviewState, Mode, Pending, PromptKind};
use super::widgets::Status;
use crate::model::AnswerValue;
use crate::store::Store;

/// What a save needs besides the interview state.
pub(super) struct Saver<'a> {
    pub store: &'a Store,
    pub status: &'a mut Status,
    pub clock: fn() -> String,
    pub lang: crate::i18n::Lang,
    pub by: String,
}

impl Saver<'_> {
    /// Commits a full answer state; only after the commit does the status say "Sparat".
    fn save(&mut self, s: &mut InterviewState, qid: &str, new: AnswerState, record_undo: bool) {
        let t = self.lang.tui();
        if s.read_only() {
            *self.status = Status::Info(t.read_only.into());
            return;
        }
        let before = s.stored.get(qid).cloned().unwrap_or_default();
        match self.store.set_answer(&s.interview.id, qid, new.value.as_ref(), &new.note, &self.by) {
            Ok(_) => {
                s.pending.retain(|p| p.question_id != qid);
                if record_undo && before != new {
                    s.undo.push((qid.to_string(), before));
                }
                s.stored.insert(qid.to_string(), new);
                *self.status = Status::Saved(t.saved_at(&(self.clock)()));
            }
            Err(e) => {
                let error = crate::i18n::store_error(self.lang, &e);
                s.pending.retain(|p| p.question_id != qid);
                s.pending.push(Pending { question_id: qid.to_string(), state: new, error: error.clone() });
                *self.status = Status::Error(t.save_failed(&error));
            }
        }
    }

    pub(super) fn set_value(&mut self, s: &mut InterviewState, value: Option<AnswerValue>) {
        let qid = s.question_id().to_string();
        let note = s.effective(&qid).note;
        self.save(s, &qid, AnswerState { value, note }, true);
        if let Some(v) = &s.effective(&qid).value
            && !matches!(v, AnswerValue::Number(_))
        {
            s.load_editors();
        }
    }

    pub(super) fn save_number(&mut self, s: &mut InterviewState) {
        let question = s.question().clone();
        let raw = s.number.value().to_string();
        if raw.trim().is_empty() {
            return;
        }
        match AnswerValue::parse(&question, &raw) {
            Ok(v) => self.set_value(s, Some(v)),
            Err(e) => *self.status = Status::Error(crate::i18n::value_error(self.lang, &question.id, &raw, &e)),
        }
    }

    /// Saves the note or text answer being edited, if it changed.
    pub(super) fn flush(&mut self, s: &mut InterviewState) {
        let qid = s.question_id().to_string();
        let current = s.effective(&qid);
        match s.focus {
            Focus::Note if s.note_dirty => {
                let note = s.note_text();
                if note != current.note {
                    self.save(s, &qid, AnswerState { value: current.value, note }, true);
                }
                s.note_dirty = false;
            }
            Focus::AnswerText => {
                let text = s.text_answer_text();
                let value = if text.is_empty() { None } else { Some(AnswerValue::Text(text)) };
                let keep_special =
                    current.value.as_ref().is_some_and(AnswerValue::is_dont_know_or_na) && value.is_none();
                if value != current.value && !keep_special {
                    self.save(s, &qid, AnswerState { value, note: current.note }, true);
                }
            }
            _ => {}
        }
    }

    /// Resolves the current question's merge conflict; the choice lands in the history.
    pub(super) fn resolve(&mut self, s: &mut InterviewState, resolution: crate::store::Resolution) {
        let qid = s.question_id().to_string();
        if !s.conflicts.iter().any(|c| c.question_id == qid) {
            return;
        }
        match self.store.resolve_conflict(&s.interview.id, &qid, &resolution, &self.by) {
            Ok(_) => {
                s.conflicts.retain(|c| c.question_id != qid);
                if let Ok(Some(a)) = self.store.answer(&s.interview.id, &qid) {
                    s.stored.insert(qid, AnswerState { value: a.value, note: a.note });
                }
                s.load_editors();
                *self.status = Status::Saved(self.lang.tui().conflict_resolved.into());
            }
            Err(e) => *self.status = Status::Error(crate::i18n::store_error(self.lang, &e)),
        }
    }

    pub(super) fn undo(&mut self, s: &mut InterviewState) {
        let t = self.lang.tui();
        let Some((qid, before)) = s.undo.pop() else {
            *self.status = Status::Info(t.nothing_to_undo.into());
            return;
        };
        self.save(s, &qid, before, false);
        if let Some(i) = s.q.position(&qid) {
            s.go_to(i);
        }
    }

    pub(super) fn retry(&mut self, s: &mut InterviewState) {
        if s.pending.is_empty() {
            *self.status = Status::Info(self.lang.tui().retry_nothing.into());
            return;
        }
        for p in std::mem::take(&mut s.pending) {
            // Keep the undo entry of the original attempt semantics: the retry is the same change.
            self.save(s, &p.question_id, p.state, true);
        }
    }

    pub(super) fn complete(&mut self, s: &mut InterviewState) {
        let t = self.lang.tui();
        if s.read_only() {
            *self.status = Status::Info(t.completed_info.into());
            return;
        }
        if !s.missing_required().is_empty() {
            *self.status = Status::Info(t.required_missing.into());
            return;
        }
        match self.store.complete(&s.interview.id, &self.by) {
            Ok(iv) => {
                s.interview = iv;
                *self.status = Status::Saved(t.marked_completed.into());
            }
            Err(e) => *self.status = Status::Error(crate::i18n::store_error(self.lang, &e)),
        }
    }

    pub(super) fn reopen(&mut self, s: &mut InterviewState, reason: &str) {
        let t = self.lang.tui();
        if reason.is_empty() {
            *self.status = Status::Info(t.reason_needed.into());
            s.prompt = Some((PromptKind::Reopen, Default::default()));
            return;
        }
        match self.store.reopen(&s.interview.id, &self.by, reason) {
            Ok(iv) => {
                s.interview = iv;
                s.mode = Mode::Questions;
                *self.status = Status::Saved(t.reopened.into());
            }
            Err(e) => *self.status = Status::Error(crate::i18n::store_error(self.lang, &e)),
        }
    }
}
