//! `App::update` for the analyst's screens: compare, report and roadmap.

use super::action::Action;
use super::app::{App, Screen};
use super::screens::compare::CompareState;
use super::screens::report::ReportState;
use super::screens::roadmap::RoadmapView;
use super::widgets::Status;

impl App {
    pub(super) fn open_compare(&mut self) {
        let data = match crate::analysis::Dataset::load(&self.store) {
            Ok(d) => d,
            Err(e) => {
                self.status = Status::Error(crate::i18n::store_error(self.lang, &e));
                return;
            }
        };
        match CompareState::from_dataset(&data, crate::register::all(), None) {
            Some(c) => self.screen = Screen::Compare(Box::new(c)),
            None => self.status = Status::Info(self.lang.tui().no_interviews_yet.into()),
        }
    }

    /// Opens the county report; `back` is the compare screen to return to.
    pub(super) fn open_report(&mut self, county: &str, back: Option<Box<CompareState>>) {
        let reg = crate::register::all();
        let selection = crate::compare::Selection::County(county.to_string());
        let round = back.as_ref().map(|c| c.round.clone());
        match crate::analysis::ReportData::load(&self.store, round.as_deref(), &selection, reg) {
            Ok(Some(data)) => {
                let report = crate::compare::skane_report(&data.inputs(), reg);
                let name = crate::register::county_name(county).unwrap_or(county).to_string();
                self.screen = Screen::Report(Box::new(ReportState::new(report, name, data.round)), back);
            }
            Ok(None) => {
                self.status = Status::Info(self.lang.tui().no_interviews_yet.into());
                if let Some(c) = back {
                    self.screen = Screen::Compare(c);
                }
            }
            Err(e) => self.status = Status::Error(crate::i18n::store_error(self.lang, &e)),
        }
    }

    pub(super) fn update_analysis(&mut self, action: Action) {
        let area = self.size;
        let t = self.lang.analysis();
        match std::mem::replace(&mut self.screen, Screen::Start) {
            Screen::Compare(mut c) => {
                let page = area.height.saturating_sub(14).max(1) as isize;
                match action {
                    Action::Up | Action::ScrollUp => c.move_selection(-1),
                    Action::Down | Action::ScrollDown => c.move_selection(1),
                    Action::PageUp => c.move_selection(-page),
                    Action::PageDown => c.move_selection(page),
                    Action::SortNext => c.cycle_sort(true),
                    Action::SortPrev => c.cycle_sort(false),
                    Action::FilterNext => c.cycle_filter(true),
                    Action::FilterPrev => c.cycle_filter(false),
                    Action::OpenReport => {
                        if let Some(cc) = c.selected_row().map(|r| r.county_code.clone()) {
                            self.open_report(&cc, Some(c));
                            return;
                        }
                    }
                    Action::OpenRoadmap => {
                        if let Some(code) = c.selected_row().map(|r| r.municipality_code.clone()) {
                            let round = c.round.clone();
                            self.open_roadmap(&code, Some(round), Some(c));
                            return;
                        }
                    }
                    Action::Back => {
                        self.refresh_overview();
                        return;
                    }
                    _ => {}
                }
                self.screen = Screen::Compare(c);
            }
            Screen::Report(mut r, back) => {
                match action {
                    Action::Up | Action::ScrollUp => r.scroll_by(-1, area, t),
                    Action::Down | Action::ScrollDown => r.scroll_by(1, area, t),
                    Action::PageUp => r.page(false, area, t),
                    Action::PageDown => r.page(true, area, t),
                    Action::Back => {
                        self.screen = match back {
                            Some(c) => Screen::Compare(c),
                            None => Screen::Start,
                        };
                        return;
                    }
                    _ => {}
                }
                self.screen = Screen::Report(r, back);
            }
            Screen::Roadmap(mut r, back) => {
                let rt = self.lang.tui_roadmap();
                let page = area.height.saturating_sub(3).max(1) as i32;
                match action {
                    Action::Up | Action::ScrollUp => r.scroll_by(-1, area, rt, &self.theme),
                    Action::Down | Action::ScrollDown => r.scroll_by(1, area, rt, &self.theme),
                    Action::PageUp => r.scroll_by(-page, area, rt, &self.theme),
                    Action::PageDown => r.scroll_by(page, area, rt, &self.theme),
                    Action::ExportPdf => r.status = Some(export_pdf(&r, self.lang, &self.export_dir)),
                    Action::Back => {
                        self.screen = match back {
                            Some(c) => Screen::Compare(c),
                            None => Screen::Start,
                        };
                        return;
                    }
                    _ => {}
                }
                self.screen = Screen::Roadmap(r, back);
            }
            other => self.screen = other,
        }
    }

    /// Plans a municipality's roadmap from the store (its latest round unless given).
    pub(super) fn open_roadmap(&mut self, code: &str, round: Option<String>, back: Option<Box<CompareState>>) {
        let rt = self.lang.tui_roadmap();
        let restore = |app: &mut App, back: Option<Box<CompareState>>| {
            if let Some(c) = back {
                app.screen = Screen::Compare(c);
            }
        };
        let catalogue =
            match crate::load::available_questionnaires().and_then(|qs| crate::load::find_catalogue(None, &qs)) {
                Ok(Some(c)) => c.catalogue,
                Ok(None) => {
                    self.status = Status::Error(crate::load::DEFAULT_CATALOGUE_ID.to_string());
                    return restore(self, back);
                }
                Err(e) => {
                    self.status = Status::Error(e.render(self.lang));
                    return restore(self, back);
                }
            };
        let selection = crate::compare::Selection::Codes(vec![code.to_string()]);
        let planned = crate::gather::gather(&self.store, round.as_deref(), &selection).and_then(|data| match data {
            Some(data) => Ok(data.plan(&self.store, &catalogue, &selection)?.into_iter().next()),
            None => Ok(None),
        });
        match planned {
            Ok(Some(plan)) => self.screen = Screen::Roadmap(Box::new(RoadmapView::new(plan)), back),
            Ok(None) => {
                self.status = Status::Info(rt.no_roadmap().into());
                restore(self, back);
            }
            Err(e) => {
                self.status = Status::Error(crate::i18n::store_error(self.lang, &e));
                restore(self, back);
            }
        }
    }
}

/// Writes the roadmap PDF into `dir` and says where; a failure is said just as plainly.
fn export_pdf(r: &RoadmapView, lang: crate::i18n::Lang, dir: &std::path::Path) -> String {
    let rt = lang.tui_roadmap();
    let plan = &r.roadmap;
    let name: String =
        plan.standing.municipality.chars().map(|c| if c.is_alphanumeric() || c == '-' { c } else { '-' }).collect();
    let path = dir.join(format!("fardplan-{}-{name}-{}.pdf", plan.standing.municipality_code, plan.standing.round));
    let shown = path.display().to_string();
    let written =
        crate::pdf::municipality_pdf(plan, lang).map_err(|e| rt.pdf_failed(&e.to_string())).and_then(|bytes| {
            crate::files::write_atomically(&path, &bytes)
                .map_err(|e| crate::i18n::files::cannot_write(lang, &shown, false, &e))
        });
    match written {
        Ok(()) => rt.pdf_written(&shown),
        // The CLI prints these after "fel:"; alone in a status line they start a sentence.
        Err(message) => {
            let mut chars = message.chars();
            chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
        }
    }
}
