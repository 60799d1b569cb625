//! "Khen thưởng": the year's decisions and the recipients of the selected one, with their
//! register numbers (số vào sổ), the year's totals, and importing a list of recipients.
//!
//! Unlike the other screens, the forms here stay open until the file has answered: a register
//! number typed by hand may already be taken, and only storage can say so for sure (registers
//! run per issuer and year, across decisions). The refusal comes back as `Done::answer` and is
//! shown under the form, with everything typed still there.
//!
//! Printing certificates will hang off the selected decision (its recipients with a
//! certificate) once the certificate engine exists; nothing here needs to change for it but a
//! button and an event.

mod draft;
mod view;

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use iced::Task;
use iced::widget::operation;

use draft::{DecisionDraft, RecipientDraft};
pub use draft::{DecisionField, RecipientField};

use super::import::{self, ImportPanel, Outcome};
use crate::domain::commendation::default_achievement;
use crate::domain::{Decision, Form, Recipient, RecipientKind, Sex};
use crate::gui::data::Snapshot;
use crate::gui::history::History;
use crate::gui::widget::Typed;
use crate::import::recipients::{RecipientRow, Recipients};
use crate::storage::commendation::RemovedDecision;
use crate::text::fold;

pub const DECISION_NUMBER: &str = "decision-number";
pub const RECIPIENT_NAME: &str = "recipient-name";
pub const REGISTER_NO: &str = "recipient-register-no";
const PAGE: &str = "honors-page";

#[derive(Debug, Clone, Default)]
pub struct Honors {
    /// The decision whose recipients are listed; the year's latest when not chosen.
    selected: Option<i64>,
    decision: Option<DecisionDraft>,
    recipient: Option<RecipientDraft>,
    history: History<Undo>,
    importing: Option<ImportPanel<Recipients>>,
    /// What the last import did, or why a list could not be read or saved.
    import_note: Option<Result<String, String>>,
}

#[derive(Debug, Clone)]
enum Undo {
    AddedDecision(i64),
    ChangedDecision(Decision),
    RemovedDecision(Box<RemovedDecision>),
    AddedRecipient(i64),
    ChangedRecipient(Recipient),
    RemovedRecipient(Recipient),
}

#[derive(Debug, Clone)]
pub enum Message {
    Select(i64),
    NewDecision,
    EditDecision(i64),
    DecisionEdited(DecisionField, String),
    TitlePicked(String, String),
    SaveDecision,
    RemoveDecision(i64),
    NewRecipient,
    EditRecipient(i64),
    RecipientEdited(RecipientField, String),
    KindPicked(RecipientKind),
    FormPicked(Form),
    SexPicked(Option<Sex>),
    SaveRecipient,
    RemoveRecipient(i64),
    /// Ctrl+N: a recipient of the selected decision, or the first decision.
    New,
    Cancel,
    Undo,
    Import,
    ImportFile(Option<PathBuf>),
    Imported(Result<Box<ImportPanel<Recipients>>, String>),
    ImportPanel(import::Message),
    DismissImportNote,
}

/// Changes the screen asks the app to write.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// A form's save: the answer comes back through [`Honors::answered`].
    AddDecision(Decision),
    SaveDecision(Decision),
    /// Removed for good by the secretary: what it took out comes back for undo.
    RemoveDecision(i64),
    /// Undoing an added decision.
    DiscardDecision(i64),
    RestoreDecision(Box<RemovedDecision>),
    /// A form's save (id 0), or a removed recipient brought back with its id and number.
    AddRecipient(Recipient),
    SaveRecipient(Recipient),
    RemoveRecipient(i64),
    /// Saved whole or not at all, after a backup; `defaults` makes a decision named by a row.
    Import {
        defaults: Decision,
        rows: Vec<(String, NaiveDate, Recipient)>,
    },
}

impl Event {
    /// Whether a form waits for this event's answer.
    pub fn from_form(&self) -> bool {
        match self {
            Event::AddDecision(_) | Event::SaveDecision(_) | Event::SaveRecipient(_) => true,
            Event::AddRecipient(r) => r.id == 0,
            _ => false,
        }
    }
}

type Update = (Task<Message>, Option<Event>);

impl Honors {
    pub fn update(&mut self, message: Message, data: &Snapshot, today: NaiveDate) -> Update {
        match message {
            Message::Select(id) => {
                self.selected = Some(id);
                if self.recipient.as_ref().is_some_and(|d| d.decision_id != id) {
                    self.recipient = None;
                }
                none()
            }
            Message::NewDecision => {
                self.recipient = None;
                // Decisions of another year than this one are dated on the year's day.
                let date = if today.year() == data.event.year {
                    today
                } else {
                    data.event.date
                };
                self.decision = Some(DecisionDraft::new(&data.unit, &data.decisions, date));
                (
                    Task::batch([
                        operation::snap_to(PAGE, operation::RelativeOffset::START),
                        operation::focus(DECISION_NUMBER),
                    ]),
                    None,
                )
            }
            Message::EditDecision(id) => {
                let Some(d) = data.decisions.iter().find(|d| d.id == id) else {
                    return none();
                };
                self.recipient = None;
                self.decision = Some(DecisionDraft::of(d));
                (operation::focus(DECISION_NUMBER), None)
            }
            Message::DecisionEdited(which, raw) => {
                let Some(draft) = self.decision.as_mut().filter(|d| !d.saving) else {
                    return none();
                };
                let typed = Typed::from_raw(&raw);
                *draft.field(which) = typed.value;
                draft.error = None;
                if typed.submit {
                    return self.save_decision(data);
                }
                none()
            }
            Message::TitlePicked(first, second) => {
                if let Some(draft) = self.decision.as_mut().filter(|d| !d.saving) {
                    draft.title_first = first;
                    draft.title_second = second;
                }
                none()
            }
            Message::SaveDecision => self.save_decision(data),
            Message::RemoveDecision(id) => {
                if self.decision.as_ref().is_some_and(|d| d.id == Some(id)) {
                    self.decision = None;
                }
                if self.recipient.as_ref().is_some_and(|d| d.decision_id == id) {
                    self.recipient = None;
                }
                (Task::none(), Some(Event::RemoveDecision(id)))
            }
            Message::New => match self.current(data) {
                Some(_) => self.update(Message::NewRecipient, data, today),
                None => self.update(Message::NewDecision, data, today),
            },
            Message::NewRecipient => {
                let Some(decision) = self.current(data) else {
                    return none();
                };
                self.selected = Some(decision.id);
                self.decision = None;
                self.recipient = Some(RecipientDraft::new(decision.id, data.event.year));
                (
                    Task::batch([
                        operation::snap_to(PAGE, operation::RelativeOffset::START),
                        operation::focus(RECIPIENT_NAME),
                    ]),
                    None,
                )
            }
            Message::EditRecipient(id) => {
                let Some(r) = data.recipients.iter().find(|r| r.id == id) else {
                    return none();
                };
                self.decision = None;
                self.recipient = Some(RecipientDraft::of(r));
                (operation::focus(RECIPIENT_NAME), None)
            }
            Message::RecipientEdited(which, raw) => {
                let Some(draft) = self.recipient.as_mut().filter(|d| !d.saving) else {
                    return none();
                };
                let typed = Typed::from_raw(&raw);
                *draft.field(which) = typed.value;
                draft.error = None;
                if typed.submit {
                    return self.save_recipient(data);
                }
                none()
            }
            Message::KindPicked(kind) => self.edit_recipient(|d| d.kind = kind),
            Message::FormPicked(form) => self.edit_recipient(|d| d.form = form),
            Message::SexPicked(sex) => self.edit_recipient(|d| d.sex = sex),
            Message::SaveRecipient => self.save_recipient(data),
            Message::RemoveRecipient(id) => {
                let Some(r) = data.recipients.iter().find(|r| r.id == id) else {
                    return none();
                };
                let notice = match r.register_no {
                    Some(n) => format!("Đã xóa {} (số vào sổ {n}).", r.display_name()),
                    None => format!("Đã xóa {}.", r.display_name()),
                };
                self.history
                    .remember(Undo::RemovedRecipient(r.clone()), Some(notice));
                if self.recipient.as_ref().is_some_and(|d| d.id == Some(id)) {
                    self.recipient = None;
                }
                (Task::none(), Some(Event::RemoveRecipient(id)))
            }
            Message::Cancel => {
                self.decision = None;
                self.recipient = None;
                self.importing = None;
                none()
            }
            Message::Undo => {
                let event = match self.history.pop() {
                    Some(Undo::AddedDecision(id)) => Event::DiscardDecision(id),
                    Some(Undo::ChangedDecision(d)) => Event::SaveDecision(d),
                    Some(Undo::RemovedDecision(removed)) => {
                        self.selected = Some(removed.decision.id);
                        Event::RestoreDecision(removed)
                    }
                    Some(Undo::AddedRecipient(id)) => Event::RemoveRecipient(id),
                    Some(Undo::ChangedRecipient(r)) => Event::SaveRecipient(r),
                    Some(Undo::RemovedRecipient(r)) => Event::AddRecipient(r),
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
                let load = async move { ImportPanel::load(&path, Arc::new(())).map(Box::new) };
                (Task::perform(load, Message::Imported), None)
            }
            Message::Imported(Ok(panel)) => {
                self.importing = Some(*panel);
                self.import_note = None;
                (
                    operation::snap_to(PAGE, operation::RelativeOffset::START),
                    None,
                )
            }
            Message::Imported(Err(reason)) => {
                self.import_note = Some(Err(reason));
                none()
            }
            Message::ImportPanel(message) => {
                let Some(panel) = self.importing.as_mut() else {
                    return none();
                };
                let numbers: Vec<usize> = panel.preview.rows.iter().map(|p| p.row).collect();
                match panel.update(message) {
                    Outcome::Stay => none(),
                    Outcome::Close => {
                        self.importing = None;
                        none()
                    }
                    Outcome::Save(rows) => {
                        match self.import_rows(data, &numbers, rows) {
                            Ok(rows) => {
                                self.importing = None;
                                self.import_note = None;
                                let defaults = Decision::defaults(&data.unit, "", today);
                                (Task::none(), Some(Event::Import { defaults, rows }))
                            }
                            // The preview stays open: the file can be fixed, or a decision
                            // chosen, and the list opened again.
                            Err(reason) => {
                                self.import_note = Some(Err(reason));
                                none()
                            }
                        }
                    }
                }
            }
            Message::DismissImportNote => {
                self.import_note = None;
                none()
            }
        }
    }

    /// The app reports a decision it has just added: it becomes the selected one.
    pub fn added_decision(&mut self, id: i64, number: &str) {
        self.selected = Some(id);
        self.history.remember(
            Undo::AddedDecision(id),
            Some(format!("Đã thêm Quyết định số {number}.")),
        );
    }

    /// The app reports a recipient it has just added, with the snapshot holding its number.
    pub fn added_recipient(&mut self, id: i64, data: &Snapshot) {
        let Some(r) = data.recipients.iter().find(|r| r.id == id) else {
            return;
        };
        let notice = match r.register_no {
            Some(n) => format!("Đã thêm {}: số vào sổ {n}.", r.display_name()),
            None => format!("Đã thêm {} (biểu dương, không cấp số).", r.display_name()),
        };
        self.history
            .remember(Undo::AddedRecipient(id), Some(notice));
    }

    /// The app reports what removing a decision took out.
    pub fn removed_decision(&mut self, removed: RemovedDecision) {
        let notice = match removed.recipients.len() {
            0 => format!("Đã xóa Quyết định số {}.", removed.decision.number),
            n => format!(
                "Đã xóa Quyết định số {} cùng {n} người được khen.",
                removed.decision.number
            ),
        };
        self.history
            .remember(Undo::RemovedDecision(Box::new(removed)), Some(notice));
    }

    /// The file's answer to a save: the waiting form closes when saved (a new recipient's
    /// form opens again blank, for the next name of the list) and shows the reason when
    /// refused. A refusal no form waits for (an undo) is handed back to be shown at the top.
    pub fn answered(&mut self, answer: Result<(), String>) -> Option<String> {
        if let Some(draft) = self.decision.as_mut().filter(|d| d.saving) {
            match answer {
                Ok(()) => self.decision = None,
                Err(reason) => {
                    draft.saving = false;
                    draft.error = Some(reason);
                }
            }
        } else if let Some(draft) = self.recipient.as_mut().filter(|d| d.saving) {
            match answer {
                Ok(()) if draft.id.is_none() => *draft = draft.next(),
                Ok(()) => self.recipient = None,
                Err(reason) => {
                    draft.saving = false;
                    draft.error = Some(reason);
                }
            }
        } else {
            return answer.err();
        }
        None
    }

    /// The app reports what an import wrote.
    pub fn imported(&mut self, note: String) {
        self.import_note = Some(Ok(note));
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// The decision whose recipients are shown.
    fn current<'a>(&self, data: &'a Snapshot) -> Option<&'a Decision> {
        self.selected
            .and_then(|id| data.decisions.iter().find(|d| d.id == id))
            .or_else(|| data.decisions.last())
    }

    fn edit_recipient(&mut self, change: impl FnOnce(&mut RecipientDraft)) -> Update {
        if let Some(draft) = self.recipient.as_mut().filter(|d| !d.saving) {
            change(draft);
            draft.error = None;
        }
        none()
    }

    fn save_decision(&mut self, data: &Snapshot) -> Update {
        let Some(draft) = self.decision.as_mut().filter(|d| !d.saving) else {
            return none();
        };
        let decision = match draft.decision() {
            Ok(d) => d,
            Err(message) => {
                draft.error = Some(message);
                return none();
            }
        };
        draft.saving = true;
        let event = match draft.id {
            Some(id) => {
                if let Some(before) = data.decisions.iter().find(|d| d.id == id) {
                    self.history
                        .remember(Undo::ChangedDecision(before.clone()), None);
                }
                Event::SaveDecision(decision)
            }
            None => Event::AddDecision(decision),
        };
        (Task::none(), Some(event))
    }

    fn save_recipient(&mut self, data: &Snapshot) -> Update {
        let Some(draft) = self.recipient.as_mut().filter(|d| !d.saving) else {
            return none();
        };
        let recipient = match draft.recipient(data.event.year) {
            Ok(r) => r,
            Err(message) => {
                draft.error = Some(message);
                return none();
            }
        };
        draft.saving = true;
        let event = match draft.id {
            Some(id) => {
                if let Some(before) = data.recipients.iter().find(|r| r.id == id) {
                    self.history
                        .remember(Undo::ChangedRecipient(before.clone()), None);
                }
                Event::SaveRecipient(recipient)
            }
            None => Event::AddRecipient(recipient),
        };
        (Task::none(), Some(event))
    }

    /// The rows of a list with their decisions: a row without a decision number goes to the
    /// selected decision; a number already in the year takes that decision's date; a new
    /// number needs its date. An empty achievement gets the year's default text. `numbers`:
    /// each row's number in the file, to name the rows that cannot go anywhere.
    fn import_rows(
        &self,
        data: &Snapshot,
        numbers: &[usize],
        rows: Vec<RecipientRow>,
    ) -> Result<Vec<(String, NaiveDate, Recipient)>, String> {
        let selected = self.current(data);
        let mut out = Vec::with_capacity(rows.len());
        let mut without_decision = Vec::new();
        let mut without_date = Vec::new();
        for (i, row) in rows.into_iter().enumerate() {
            let line = numbers.get(i).copied().unwrap_or(i + 1);
            let number = row.decision_number.trim();
            let known = (!number.is_empty())
                .then(|| {
                    data.decisions
                        .iter()
                        .find(|d| fold(&d.number) == fold(number))
                })
                .flatten();
            let (number, date) = match (number, known, row.decision_date, selected) {
                ("", _, _, Some(d)) => (d.number.clone(), d.date),
                ("", _, _, None) => {
                    without_decision.push(line);
                    continue;
                }
                (_, Some(d), _, _) => (d.number.clone(), d.date),
                (number, None, Some(date), _) => (number.to_string(), date),
                (_, None, None, _) => {
                    without_date.push(line);
                    continue;
                }
            };
            let mut recipient = row.recipient;
            if recipient.achievement.trim().is_empty() {
                recipient.achievement = default_achievement(data.event.year);
            }
            out.push((number, date, recipient));
        }
        let mut reasons = Vec::new();
        if !without_decision.is_empty() {
            reasons.push(format!(
                "{} không ghi số quyết định và năm {} chưa có quyết định nào để đưa vào. Hãy thêm quyết định (“+ Quyết định mới”) rồi bấm nhập lại, hoặc ghi số và ngày quyết định trong tệp.",
                rows_named(&without_decision),
                data.event.year
            ));
        }
        if !without_date.is_empty() {
            reasons.push(format!(
                "{} có số quyết định chưa có trong năm nhưng thiếu ngày quyết định; hãy ghi ngày trong tệp.",
                rows_named(&without_date)
            ));
        }
        if reasons.is_empty() {
            Ok(out)
        } else {
            Err(format!("Chưa nhập dòng nào: {}", reasons.join(" ")))
        }
    }
}

/// "Dòng 3, 4 và 7", at most 20 numbers.
fn rows_named(rows: &[usize]) -> String {
    let shown: Vec<String> = rows.iter().take(20).map(usize::to_string).collect();
    let mut text = match shown.as_slice() {
        [one] => format!("Dòng {one}"),
        [init @ .., last] => format!("Các dòng {} và {last}", init.join(", ")),
        [] => String::new(),
    };
    if rows.len() > shown.len() {
        text = format!("{text} (cùng {} dòng khác)", rows.len() - shown.len());
    }
    text
}

fn none() -> Update {
    (Task::none(), None)
}
