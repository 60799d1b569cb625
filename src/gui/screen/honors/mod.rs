//! "Khen thưởng": the year's decisions and, for the selected one, the collectives,
//! individuals and households it commends, with their register numbers (số vào sổ). Forms
//! open inline, every change can be undone, recipient lists come in through the shared import
//! preview, and the list attached to a decision is saved as a PDF.

mod draft;
mod recipients;
mod view;

use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;
use iced::Task;
use iced::widget::operation;

pub use draft::RecipientChoice;
use draft::{DecisionDraft, RecipientDraft, next_number};

use super::import::{self, ImportPanel, Outcome};
use crate::domain::commendation::default_achievement;
use crate::domain::{Decision, Recipient};
use crate::gui::data::Snapshot;
use crate::gui::history::{self, History, Timeline};
use crate::gui::records::{self, Records};
use crate::gui::shortcut::{Action, Shortcut, new_and_undo};
use crate::gui::system;
use crate::gui::widget::{Slot, Typed, open_at_top, to_top};
use crate::import::recipients::{KnownRecipients, Recipients};
use crate::storage::commendation::RemovedDecision;
use crate::text::fold;

const DECISION_NUMBER: &str = "decision-number";
pub const RECIPIENT_NAME: &str = "recipient-name";
const PAGE: &str = "honors-page";

#[derive(Debug, Default)]
pub struct Honors {
    /// The decision whose recipients are listed (the first one when none is chosen).
    selected: Option<i64>,
    decision: Option<DecisionDraft>,
    /// The selected decision's recipients: added, edited, removed by the records part.
    recipients: Records<Recipient>,
    /// Decisions' undo steps, beside the recipients' own.
    history: History<Undo>,
    importing: Option<ImportPanel<Recipients>>,
    /// What the last import or list export did, or why it could not.
    note: Option<Result<String, String>>,
}

#[derive(Debug, Clone)]
enum Undo {
    /// A decision added, changed or removed (with its recipients).
    Added(i64),
    Changed(Decision),
    Removed(Box<RemovedDecision>),
}

#[derive(Debug, Clone)]
pub enum Message {
    Select(i64),
    NewDecision,
    EditDecision(i64),
    DecisionEdited(Slot<DecisionDraft>, String),
    SignerTitlePicked(&'static str),
    SaveDecision,
    RemoveDecision(i64),
    /// Ctrl+N: a new recipient in the selected decision (or a new decision when none).
    New,
    Recipients(records::Message<Recipient>),
    Cancel,
    Undo,
    Import,
    ImportFile(Option<PathBuf>),
    Imported(Result<Box<ImportPanel<Recipients>>, String>),
    ImportPanel(import::Message),
    /// The list attached to the selected decision, as a PDF.
    SaveList,
    ListTo(Option<PathBuf>),
    ListSaved(Result<PathBuf, String>),
    DismissNote,
    /// "In giấy khen…" (Ctrl+P): the workspace opens the printing section.
    Print,
}

/// Changes the screen asks the app to write. A recipient with an id other than 0 comes back
/// under its old id and register number (undo).
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    AddDecision(Decision),
    SaveDecision(Decision),
    RemoveDecision(i64),
    RestoreDecision(Box<RemovedDecision>),
    Recipients(records::Event<Recipient>),
    /// Rows (decision number, date, recipient), saved whole after a backup.
    ImportRecipients(Vec<(String, NaiveDate, Recipient)>),
}

type Update = (Task<Message>, Option<Event>);

/// What a keyboard shortcut means on this screen.
pub fn shortcut(shortcut: Shortcut) -> Option<Action<Message>> {
    match shortcut {
        Shortcut::Print => Some(Action::Update(Message::Print)),
        _ => new_and_undo(shortcut, Message::New, Message::Undo),
    }
}

impl Honors {
    /// Escape: close the forms and the import.
    pub fn close(&mut self) {
        self.decision = None;
        self.recipients.close();
        self.importing = None;
    }

    /// The decision shown: the chosen one if it still exists, else the first.
    pub fn current<'a>(&self, data: &'a Snapshot) -> Option<&'a Decision> {
        self.selected
            .and_then(|id| data.decisions.iter().find(|d| d.id == id))
            .or(data.decisions.first())
    }

    pub fn update(&mut self, message: Message, data: &Snapshot, today: NaiveDate) -> Update {
        match message {
            Message::Select(id) => {
                self.selected = Some(id);
                self.recipients.close();
                none()
            }
            Message::NewDecision => {
                self.recipients.close();
                let mut decision =
                    Decision::defaults(&data.unit, &next_number(&data.decisions), today);
                decision.id = 0;
                self.decision = Some(DecisionDraft::of(&decision));
                (open_at_top(PAGE, operation::focus(DECISION_NUMBER)), None)
            }
            Message::EditDecision(id) => {
                let Some(d) = data.decisions.iter().find(|d| d.id == id) else {
                    return none();
                };
                self.recipients.close();
                self.decision = Some(DecisionDraft::of(d));
                (operation::focus(DECISION_NUMBER), None)
            }
            Message::DecisionEdited(slot, raw) => {
                let Some(draft) = self.decision.as_mut() else {
                    return none();
                };
                *slot(draft) = Typed::from_raw(&raw).value;
                draft.error = None;
                none()
            }
            Message::SignerTitlePicked(title) => {
                if let Some(draft) = self.decision.as_mut() {
                    draft.signer_title = title.replace('\n', " / ");
                }
                none()
            }
            Message::SaveDecision => self.save_decision(data),
            Message::RemoveDecision(id) => {
                if self.decision.as_ref().is_some_and(|d| d.id == Some(id)) {
                    self.decision = None;
                }
                self.recipients.close();
                (Task::none(), Some(Event::RemoveDecision(id)))
            }
            Message::New => {
                let Some(decision) = self.current(data) else {
                    return self.update(Message::NewDecision, data, today);
                };
                self.decision = None;
                let focus = self
                    .recipients
                    .start(RecipientDraft::new(decision, data.plan.event.year));
                (open_at_top(PAGE, focus.map(Message::Recipients)), None)
            }
            Message::Recipients(message) => {
                if matches!(message, records::Message::Edit(_)) {
                    self.decision = None;
                }
                let (task, event) = self.recipients.update(message, data);
                (task.map(Message::Recipients), event.map(Event::Recipients))
            }
            Message::Cancel => {
                self.close();
                none()
            }
            Message::Undo => {
                if history::newest(&self.timelines()) == Some(1) {
                    return (Task::none(), self.recipients.undo().map(Event::Recipients));
                }
                let event = match self.history.pop() {
                    Some(Undo::Added(id)) => Event::RemoveDecision(id),
                    Some(Undo::Changed(d)) => Event::SaveDecision(d),
                    Some(Undo::Removed(removed)) => Event::RestoreDecision(removed),
                    None => return none(),
                };
                (Task::none(), Some(event))
            }
            Message::Import => (
                import::choose("Chọn tệp danh sách khen thưởng").map(Message::ImportFile),
                None,
            ),
            Message::ImportFile(None) => none(),
            Message::ImportFile(Some(path)) => {
                let existing = Arc::new(self.known(data, None));
                let load = async move { ImportPanel::load(&path, existing).map(Box::new) };
                (Task::perform(load, Message::Imported), None)
            }
            Message::Imported(Ok(panel)) => {
                self.importing = Some(*panel);
                self.note = None;
                (to_top(PAGE), None)
            }
            Message::Imported(Err(reason)) => {
                self.note = Some(Err(reason));
                none()
            }
            Message::ImportPanel(message) => {
                let Some(panel) = self.importing.as_mut() else {
                    return none();
                };
                match panel.update(message) {
                    Outcome::Stay => none(),
                    Outcome::Close => {
                        self.importing = None;
                        none()
                    }
                    Outcome::Save(rows) => self.import_rows(rows, data),
                }
            }
            Message::SaveList => {
                let Some(decision) = self.current(data) else {
                    return none();
                };
                let name = format!(
                    "danh-sach-kem-quyet-dinh-{}.pdf",
                    decision.number.split('/').next().unwrap_or_default().trim()
                );
                let choose =
                    system::save_as("Lưu danh sách kèm theo quyết định", name, system::PDF);
                (Task::perform(choose, Message::ListTo), None)
            }
            Message::ListTo(None) => none(),
            Message::ListTo(Some(path)) => {
                let Some(decision) = self.current(data).cloned() else {
                    return none();
                };
                let (unit, recipients) = (data.unit.clone(), data.recipients.clone());
                let render = move || {
                    let doc = crate::certificate::decision_list(&unit, &decision, &recipients)
                        .ok_or_else(|| {
                            format!("Quyết định số {} chưa có ai được khen.", decision.number)
                        })?;
                    crate::document::to_pdf(&crate::document::layout(&doc))
                        .map_err(|e| e.to_string())
                };
                (system::write_chosen(path, render, Message::ListSaved), None)
            }
            Message::ListSaved(result) => {
                self.note = Some(result.map(|path| {
                    format!(
                        "Đã lưu danh sách kèm theo quyết định vào “{}”.",
                        path.display()
                    )
                }));
                none()
            }
            Message::Print => none(),
            Message::DismissNote => {
                self.note = None;
                none()
            }
        }
    }

    /// The app reports a row it has just added, so that adding can be undone.
    pub fn added_decision(&mut self, id: i64, label: &str) {
        self.selected = Some(id);
        self.history
            .remember(Undo::Added(id), Some(format!("Đã thêm {label}.")));
    }

    pub fn added_recipient(&mut self, id: i64, label: &str) {
        self.recipients.added(id, label);
    }

    /// The decisions' history and the recipients'.
    fn timelines(&self) -> [&dyn Timeline; 2] {
        [&self.history, self.recipients.timeline()]
    }

    /// The app reports what removing a decision took out (its recipients).
    pub fn removed_decision(&mut self, removed: RemovedDecision) {
        let notice = format!(
            "Đã xóa quyết định số {} cùng {} người được khen.",
            removed.decision.number,
            removed.recipients.len()
        );
        self.history
            .remember(Undo::Removed(Box::new(removed)), Some(notice));
    }

    /// What a list is compared with: the year's decisions and recipients; a row without a
    /// decision number goes to the one `chosen` in the preview while it exists, else to the
    /// selected decision; a row without a form gets the one chosen.
    fn known(&self, data: &Snapshot, chosen: Option<&KnownRecipients>) -> KnownRecipients {
        let decision = chosen
            .and_then(KnownRecipients::default_decision)
            .and_then(|d| data.decisions.iter().find(|x| x.id == d.id))
            .or(self.current(data));
        KnownRecipients {
            decisions: data.decisions.clone(),
            recipients: data.recipients.clone(),
            without_number: decision.map(|d| d.id),
            without_form: chosen.and_then(|k| k.without_form),
        }
    }

    /// The year's data reloaded: an open import preview compares its rows again (with a
    /// decision added for the list, say).
    pub fn refresh(&mut self, data: &Snapshot) {
        if let Some(panel) = &self.importing {
            let known = self.known(data, Some(panel.existing()));
            if let Some(panel) = self.importing.as_mut() {
                panel.refresh(Arc::new(known));
            }
        }
    }

    /// The app reports what an import wrote.
    pub fn imported(&mut self, note: String) {
        self.note = Some(Ok(note));
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo() || self.recipients.can_undo()
    }

    fn save_decision(&mut self, data: &Snapshot) -> Update {
        let Some(draft) = self.decision.as_mut() else {
            return none();
        };
        let decision = match draft.decision() {
            Ok(d) => d,
            Err(message) => {
                draft.error = Some(message);
                return none();
            }
        };
        let key = crate::text::fold(&decision.number);
        if data
            .decisions
            .iter()
            .any(|d| d.id != decision.id && crate::text::fold(&d.number) == key)
        {
            draft.error = Some(format!(
                "Đã có quyết định số {} trong năm này.",
                decision.number
            ));
            return none();
        }
        let event = match draft.id {
            Some(id) => {
                if let Some(before) = data.decisions.iter().find(|d| d.id == id) {
                    self.history.remember(Undo::Changed(before.clone()), None);
                }
                Event::SaveDecision(decision)
            }
            None => Event::AddDecision(decision),
        };
        self.decision = None;
        (Task::none(), Some(event))
    }

    /// Where each row goes: a row without a decision number to the selected decision; a
    /// number the year already has to that decision (its date); a new number with its own
    /// date to a new decision. A new number without a date, or no number and no decision to
    /// put it in, refuses the whole list and names the rows. An empty achievement gets the
    /// year's default text.
    /// `rows`: each with its row number in the file, to name the rows that cannot be placed.
    fn import_rows(
        &mut self,
        rows: Vec<(usize, crate::import::RecipientRow)>,
        data: &Snapshot,
    ) -> Update {
        let current = self.current(data).cloned();
        let mut out = Vec::with_capacity(rows.len());
        let mut without_decision = Vec::new();
        let mut without_date = Vec::new();
        for (line, row) in rows {
            let number = row.decision_number.trim();
            let known = data
                .decisions
                .iter()
                .find(|d| !number.is_empty() && fold(&d.number) == fold(number));
            let (number, date) = match (number, known, row.decision_date, &current) {
                ("", _, _, Some(d)) => (d.number.clone(), d.date),
                ("", _, _, None) => {
                    without_decision.push(line);
                    continue;
                }
                (_, Some(d), _, _) => (d.number.clone(), d.date),
                (n, None, Some(date), _) => (n.to_string(), date),
                (_, None, None, _) => {
                    without_date.push(line);
                    continue;
                }
            };
            let mut r = row.recipient;
            if r.achievement.trim().is_empty() {
                r.achievement = default_achievement(data.plan.event.year);
            }
            out.push((number, date, r));
        }
        let mut reasons = Vec::new();
        if !without_decision.is_empty() {
            reasons.push(format!(
                "{} không có số quyết định: hãy thêm một quyết định trước (các dòng đó sẽ vào quyết định đang chọn), hoặc ghi số, ngày quyết định trong tệp.",
                rows_named(&without_decision)
            ));
        }
        if !without_date.is_empty() {
            reasons.push(format!(
                "{} có số quyết định chưa có trong năm {} nhưng thiếu ngày quyết định: hãy ghi ngày trong tệp.",
                rows_named(&without_date),
                data.plan.event.year
            ));
        }
        if !reasons.is_empty() {
            self.note = Some(Err(format!("Chưa nhập dòng nào. {}", reasons.join(" "))));
            return none();
        }
        self.importing = None;
        (Task::none(), Some(Event::ImportRecipients(out)))
    }
}

/// "Dòng 3", "Các dòng 3, 4 và 7": at most 20 numbers, then how many more.
fn rows_named(rows: &[usize]) -> String {
    let shown: Vec<String> = rows.iter().take(20).map(usize::to_string).collect();
    let text = match shown.as_slice() {
        [one] => format!("Dòng {one}"),
        [init @ .., last] => format!("Các dòng {} và {last}", init.join(", ")),
        [] => String::new(),
    };
    match rows.len() - shown.len() {
        0 => text,
        more => format!("{text} (cùng {more} dòng khác)"),
    }
}

fn none() -> Update {
    (Task::none(), None)
}
