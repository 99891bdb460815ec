//! The pure domain model: sub-goals, questionnaires, answers, visibility. No I/O.

pub mod answer;
pub mod questionnaire;
pub mod roadmap;
mod subgoal;
pub mod visibility;

pub use answer::AnswerValue;
pub use questionnaire::{ChoiceOption, Level, Question, QuestionKind, Questionnaire, Section};
pub use subgoal::SubGoal;
