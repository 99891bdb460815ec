//! Interview screen state: the current question, what is stored, what is pending, the editors.
//! Pure: saving goes through `App`, which owns the store.

use crate::model::visibility::{Answers, visible_ids};
use crate::model::{AnswerValue, Question, QuestionKind, Questionnaire};
use crate::store::{Interview, InterviewStatus, StoredAnswer};
use ratatui_textarea::TextArea;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use tui_input::Input;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Sections,
    Question,
    Note,
    AnswerText,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Questions,
    Review,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    Jump,
    Reopen,
}

/// The full state of one answer, as saved: value and note together.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AnswerState {
    pub value: Option<AnswerValue>,
    pub note: String,
}

/// A change the store refused (disk full, locked, removed): shown on screen until retried.
#[derive(Debug, Clone, PartialEq)]
pub struct Pending {
    pub question_id: String,
    pub state: AnswerState,
    pub error: String,
}

pub struct InterviewState {
    pub interview: Interview,
    pub municipality: String,
    pub q: Arc<Questionnaire>,
    pub stored: HashMap<String, AnswerState>,
    pub pending: Vec<Pending>,
    /// Index into `q.questions()` of the current question; always a visible one.
    pub current: usize,
    pub cursor: usize,
    pub focus: Focus,
    pub section_cursor: usize,
    pub mode: Mode,
    pub review_cursor: usize,
    pub prompt: Option<(PromptKind, Input)>,
    pub note: TextArea<'static>,
    pub note_dirty: bool,
    pub text_answer: TextArea<'static>,
    pub number: Input,
    /// (question id, state before the change), newest last.
    pub undo: Vec<(String, AnswerState)>,
    /// Question id → "2018: Ja – vi har en" from the municipality's previous round.
    pub previous: HashMap<String, String>,
    /// Open merge conflicts of this interview (both sides kept until someone chooses).
    pub conflicts: Vec<crate::store::Conflict>,
    /// Cached: every question id in interview order.
    order: Vec<String>,
}

impl InterviewState {
    pub fn new(
        interview: Interview,
        municipality: String,
        q: Arc<Questionnaire>,
        answers: Vec<StoredAnswer>,
        previous: HashMap<String, String>,
    ) -> Self {
        let order = q.questions().map(|x| x.id.clone()).collect();
        let stored =
            answers.into_iter().map(|a| (a.question_id, AnswerState { value: a.value, note: a.note })).collect();
        let mut s = InterviewState {
            interview,
            municipality,
            q,
            stored,
            pending: Vec::new(),
            current: 0,
            cursor: 0,
            focus: Focus::Question,
            section_cursor: 0,
            mode: Mode::Questions,
            review_cursor: 0,
            prompt: None,
            note: TextArea::default(),
            note_dirty: false,
            text_answer: TextArea::default(),
            number: Input::default(),
            undo: Vec::new(),
            previous,
            conflicts: Vec::new(),
            order,
        };
        s.current = s.resume_position();
        s.load_editors();
        s
    }

    pub fn read_only(&self) -> bool {
        self.interview.status == InterviewStatus::Completed
    }

    pub fn question_at(&self, index: usize) -> Option<&Question> {
        self.q.questions().nth(index)
    }

    pub fn question(&self) -> &Question {
        // `current` always indexes an existing question: it is only set from positions of
        // `order`, and a validated questionnaire has at least one question.
        self.q.questions().nth(self.current).or_else(|| self.q.questions().next()).expect("questionnaire has questions")
    }

    pub fn question_id(&self) -> &str {
        self.order.get(self.current).map(String::as_str).unwrap_or("")
    }

    /// What the screen shows for a question: a pending (unsaved) state wins over the stored one.
    pub fn effective(&self, qid: &str) -> AnswerState {
        if let Some(p) = self.pending.iter().rev().find(|p| p.question_id == qid) {
            return p.state.clone();
        }
        self.stored.get(qid).cloned().unwrap_or_default()
    }

    pub fn is_pending(&self, qid: &str) -> bool {
        self.pending.iter().any(|p| p.question_id == qid)
    }

    /// Answers as shown, for `show_if`: hiding follows the screen, even before a retry succeeds.
    pub fn values(&self) -> Answers {
        let mut out: Answers =
            self.stored.iter().filter_map(|(k, v)| v.value.clone().map(|v| (k.clone(), v))).collect();
        for p in &self.pending {
            match &p.state.value {
                Some(v) => out.insert(p.question_id.clone(), v.clone()),
                None => out.remove(&p.question_id),
            };
        }
        out
    }

    pub fn visible(&self) -> HashSet<String> {
        visible_ids(&self.q, &self.values())
    }

    /// Indices of the visible questions, in order.
    pub fn visible_order(&self) -> Vec<usize> {
        let visible = self.visible();
        (0..self.order.len()).filter(|i| visible.contains(&self.order[*i])).collect()
    }

    /// Where a resumed interview lands: the first visible question without an answer.
    pub fn resume_position(&self) -> usize {
        let values = self.values();
        let visible = visible_ids(&self.q, &values);
        (0..self.order.len())
            .find(|i| visible.contains(&self.order[*i]) && !values.contains_key(&self.order[*i]))
            .or_else(|| (0..self.order.len()).find(|i| visible.contains(&self.order[*i])))
            .unwrap_or(0)
    }

    pub fn progress(&self) -> (usize, usize) {
        let values = self.values();
        let visible = visible_ids(&self.q, &values);
        (visible.iter().filter(|id| values.contains_key(*id)).count(), visible.len())
    }

    /// (title, answered, visible) per section.
    pub fn section_progress(&self) -> Vec<(String, usize, usize)> {
        let values = self.values();
        let visible = visible_ids(&self.q, &values);
        self.q
            .sections
            .iter()
            .map(|s| {
                let vis: Vec<_> = s.questions.iter().filter(|x| visible.contains(&x.id)).collect();
                let answered = vis.iter().filter(|x| values.contains_key(&x.id)).count();
                (s.title.clone(), answered, vis.len())
            })
            .collect()
    }

    pub fn section_index_of(&self, question_index: usize) -> usize {
        let mut n = 0;
        for (i, s) in self.q.sections.iter().enumerate() {
            n += s.questions.len();
            if question_index < n {
                return i;
            }
        }
        0
    }

    /// The first visible question of a section, if any.
    pub fn first_visible_in_section(&self, section: usize) -> Option<usize> {
        let start: usize = self.q.sections.iter().take(section).map(|s| s.questions.len()).sum();
        let len = self.q.sections.get(section)?.questions.len();
        self.visible_order().into_iter().find(|i| (start..start + len).contains(i))
    }

    pub fn go_to(&mut self, index: usize) {
        self.current = index.min(self.order.len().saturating_sub(1));
        self.cursor = self.initial_cursor();
        self.section_cursor = self.section_index_of(self.current);
        self.load_editors();
    }

    /// Moves to the next (or previous) visible question; false at the ends.
    pub fn step(&mut self, forward: bool) -> bool {
        let order = self.visible_order();
        let next = if forward {
            order.into_iter().find(|i| *i > self.current)
        } else {
            order.into_iter().rev().find(|i| *i < self.current)
        };
        match next {
            Some(i) => {
                self.go_to(i);
                true
            }
            None => false,
        }
    }

    /// The cursor starts on the chosen option, so Enter does not change a given answer by accident.
    fn initial_cursor(&self) -> usize {
        let question = self.question();
        let state = self.effective(&question.id);
        let chosen = state.value.as_ref().map(|v| v.chosen().to_vec()).unwrap_or_default();
        question.choices().iter().position(|c| chosen.first() == Some(&c.id)).unwrap_or(0)
    }

    /// Puts the current question's note, text and number into the editors.
    pub fn load_editors(&mut self) {
        let qid = self.question_id().to_string();
        let state = self.effective(&qid);
        self.note = TextArea::new(lines(&state.note));
        self.note_dirty = false;
        let text = match &state.value {
            Some(AnswerValue::Text(t)) => t.clone(),
            _ => String::new(),
        };
        self.text_answer = TextArea::new(lines(&text));
        self.number = match &state.value {
            Some(v @ AnswerValue::Number(_)) => Input::new(v.to_string()),
            _ => Input::default(),
        };
    }

    pub fn note_text(&self) -> String {
        self.note.lines().join("\n").trim_end().to_string()
    }

    pub fn text_answer_text(&self) -> String {
        self.text_answer.lines().join("\n").trim().to_string()
    }

    pub fn option_count(&self) -> usize {
        self.question().choices().len()
    }

    /// The new value when option `index` is picked: set for single choices, toggled for multi.
    pub fn picked_value(&self, index: usize) -> Option<Option<AnswerValue>> {
        let question = self.question();
        let choices = question.choices();
        let id = choices.get(index)?.id.clone();
        if !question.is_multi() {
            return Some(Some(AnswerValue::Choice(vec![id])));
        }
        let current = self.effective(&question.id).value;
        let mut chosen: Vec<String> = current.as_ref().map(|v| v.chosen().to_vec()).unwrap_or_default();
        if let Some(pos) = chosen.iter().position(|c| *c == id) {
            chosen.remove(pos);
        } else {
            chosen.push(id);
        }
        // Keep questionnaire order so the stored value is canonical.
        chosen.sort_by_key(|c| choices.iter().position(|o| &o.id == c));
        Some(if chosen.is_empty() { None } else { Some(AnswerValue::Choice(chosen)) })
    }

    /// Number keys: options are numbered from 1, scale levels from 0.
    pub fn pick_index(&self, digit: u8) -> Option<usize> {
        match self.question().kind {
            QuestionKind::Scale { .. } => (digit <= 4).then_some(digit as usize),
            _ => (digit >= 1 && (digit as usize) <= self.option_count()).then(|| digit as usize - 1),
        }
    }

    /// Required visible questions without an answer, as indices.
    pub fn missing_required(&self) -> Vec<usize> {
        let values = self.values();
        let visible = visible_ids(&self.q, &values);
        self.q
            .questions()
            .enumerate()
            .filter(|(_, x)| x.required && visible.contains(&x.id) && !values.contains_key(&x.id))
            .map(|(i, _)| i)
            .collect()
    }
}

fn lines(s: &str) -> Vec<String> {
    if s.is_empty() { vec![String::new()] } else { s.lines().map(String::from).collect() }
}
