//! One way to edit a list of records: the part every list screen embeds for its plain list
//! editing (checklist steps, delegates, points, activities, recipients...).
//!
//! It owns the draft of the row being added or edited, its inline form (on the one form shell,
//! [`inline_form`]), add, edit and remove, and the undo history, where a removed row comes
//! back under its id. It has its own [`Message`] and [`Event`]: the screen maps its view and
//! hands its events to the app, which writes them with the one generic job,
//! `gui::jobs::record`. What a record has of its own (the draft, its fields, building the row
//! from the draft with a Vietnamese reason when that fails) is the [`Record`] trait.
//!
//! The special parts of a screen (the festival's results grid, filters, reordering, batches)
//! stay in the screen; a screen that has its own undo steps besides keeps its own `History`
//! and undoes whichever is newest (`history::newest`).

use std::fmt::Debug;

use iced::widget::{Column, operation};
use iced::{Element, Task};

use super::data::{Kind, Snapshot};
use super::history::{History, Timeline};
use super::widget::{Slot, Typed, danger_link, inline_form, link};

/// What a kind of row has of its own, for the records part (its id and how it is written
/// come from `storage::record::Record`).
pub trait Record:
    crate::storage::record::Record + Clone + Debug + PartialEq + Send + 'static
{
    /// The form's content as typed.
    type Draft: Debug;
    /// A change to the form other than typing (a kind picked from a list, a box ticked).
    /// `std::convert::Infallible` for forms of text fields only.
    type Choice: Clone + Debug + Send + 'static;

    /// What the job that creates one reports, so that its id reaches this list.
    const KIND: Kind;
    /// The id of the field focused when the form opens.
    const FOCUS: &'static str;

    /// The rows of the selected year.
    fn list(data: &Snapshot) -> &[Self];
    /// A new row's form.
    fn blank(data: &Snapshot) -> Self::Draft;
    /// The form of a stored row.
    fn draft(&self, data: &Snapshot) -> Self::Draft;
    /// Forms of text fields only have no choices to make.
    fn choose(draft: &mut Self::Draft, choice: Self::Choice) {
        let _ = (draft, choice);
    }
    /// The row the form describes, cleaned and valid, or the reason it cannot be saved, in
    /// Vietnamese. `before` is the row being edited (its id is kept), `None` for a new one.
    fn build(draft: &Self::Draft, before: Option<&Self>, data: &Snapshot) -> Result<Self, String>;
    /// The form's fields (the shell adds the reason, "Lưu" and "Hủy").
    fn fields(draft: &Self::Draft) -> Column<'_, Message<Self>>;
    /// What the undo notices call the row ("đại biểu Lê Văn A", "“Họp Ban Chỉ đạo”"):
    /// "Đã thêm …." once a new row has its id (the job that creates it reports this),
    /// "Đã xóa …." once removed.
    fn label(&self) -> String;
    /// The notice once a row is removed.
    fn removed_notice(&self) -> String {
        format!("Đã xóa {}.", self.label())
    }
}

#[derive(Debug)]
pub enum Message<R: Record> {
    New,
    Edit(i64),
    Edited(Slot<R::Draft>, String),
    Chosen(R::Choice),
    Save,
    Cancel,
    Remove(i64),
    Undo,
}

// Written out: a derived `Clone` would ask the draft to be `Clone` for the slot in `Edited`.
impl<R: Record> Clone for Message<R> {
    fn clone(&self) -> Self {
        match self {
            Message::New => Message::New,
            Message::Edit(id) => Message::Edit(*id),
            Message::Edited(slot, value) => Message::Edited(*slot, value.clone()),
            Message::Chosen(choice) => Message::Chosen(choice.clone()),
            Message::Save => Message::Save,
            Message::Cancel => Message::Cancel,
            Message::Remove(id) => Message::Remove(*id),
            Message::Undo => Message::Undo,
        }
    }
}

/// Changes the list asks the app to write. An `Add` with an id other than 0 puts a removed
/// row back under its id.
#[derive(Debug, Clone, PartialEq)]
pub enum Event<R> {
    Add(R),
    Save(R),
    Remove(i64),
}

#[derive(Debug)]
pub struct Records<R: Record> {
    draft: Option<Draft<R>>,
    history: History<Undo<R>>,
}

impl<R: Record> Default for Records<R> {
    fn default() -> Self {
        Records {
            draft: None,
            history: History::default(),
        }
    }
}

#[derive(Debug)]
struct Draft<R: Record> {
    /// `None` for a new row.
    id: Option<i64>,
    form: R::Draft,
    error: Option<String>,
}

#[derive(Debug, Clone)]
enum Undo<R> {
    /// Put back a removed row (same id).
    Removed(R),
    /// Return a row to how it was.
    Changed(R),
    /// Take away a row that was added.
    Added(i64),
}

type Update<R> = (Task<Message<R>>, Option<Event<R>>);

fn none<R: Record>() -> Update<R> {
    (Task::none(), None)
}

impl<R: Record> Records<R> {
    pub fn update(&mut self, message: Message<R>, data: &Snapshot) -> Update<R> {
        self.update_with(message, R::list(data), data)
    }

    /// Like [`Records::update`], on rows as the screen shows them (the festival lays the
    /// results being typed over the snapshot's activities).
    pub fn update_with(&mut self, message: Message<R>, rows: &[R], data: &Snapshot) -> Update<R> {
        let find = |id: i64| rows.iter().find(|r| r.id() == id).cloned();
        // The row being edited is gone (removed by undo, or by another window).
        if let Some(id) = self.draft.as_ref().and_then(|d| d.id)
            && find(id).is_none()
        {
            self.close();
        }
        match message {
            Message::New => (self.start(R::blank(data)), None),
            Message::Edit(id) => {
                let Some(row) = find(id) else { return none() };
                self.draft = Some(Draft {
                    id: Some(id),
                    form: row.draft(data),
                    error: None,
                });
                (operation::focus(R::FOCUS), None)
            }
            Message::Edited(slot, raw) => {
                self.edit(|form| *slot(form) = Typed::from_raw(&raw).value)
            }
            Message::Chosen(choice) => self.edit(|form| R::choose(form, choice)),
            Message::Save => self.save(rows, data),
            Message::Cancel => {
                self.close();
                none()
            }
            Message::Remove(id) => {
                let Some(row) = find(id) else { return none() };
                let notice = row.removed_notice();
                self.history.remember(Undo::Removed(row), Some(notice));
                if self.is_editing(id) {
                    self.draft = None;
                }
                (Task::none(), Some(Event::Remove(id)))
            }
            Message::Undo => (Task::none(), self.undo()),
        }
    }

    /// A change to the open form; the reason it could not be saved no longer applies.
    fn edit(&mut self, change: impl FnOnce(&mut R::Draft)) -> Update<R> {
        if let Some(draft) = self.draft.as_mut() {
            change(&mut draft.form);
            draft.error = None;
        }
        none()
    }

    fn save(&mut self, rows: &[R], data: &Snapshot) -> Update<R> {
        let Some(draft) = self.draft.as_mut() else {
            return none();
        };
        let before = draft.id.and_then(|id| rows.iter().find(|r| r.id() == id));
        let row = match R::build(&draft.form, before, data) {
            Ok(row) => row,
            Err(reason) => {
                draft.error = Some(reason);
                return none();
            }
        };
        self.draft = None;
        let event = match before {
            // Saved as it was: nothing to write, nothing to undo.
            Some(before) if *before == row => return none(),
            Some(before) => {
                self.history.remember(Undo::Changed(before.clone()), None);
                Event::Save(row)
            }
            None => Event::Add(row),
        };
        (Task::none(), Some(event))
    }

    /// Opens the form of a new row the screen has filled in (the decision a recipient goes
    /// into).
    pub fn start(&mut self, form: R::Draft) -> Task<Message<R>> {
        self.draft = Some(Draft {
            id: None,
            form,
            error: None,
        });
        operation::focus(R::FOCUS)
    }

    /// Takes back the newest change, as the event that does it.
    pub fn undo(&mut self) -> Option<Event<R>> {
        Some(match self.history.pop()? {
            Undo::Removed(row) => Event::Add(row),
            Undo::Changed(row) => Event::Save(row),
            Undo::Added(id) => Event::Remove(id),
        })
    }

    /// A change made outside the form (a box ticked in the row): remembered for undo, silently.
    /// Nothing when the row is gone.
    pub fn change(
        &mut self,
        id: i64,
        data: &Snapshot,
        edit: impl FnOnce(&mut R),
    ) -> Option<Event<R>> {
        let before = R::list(data).iter().find(|r| r.id() == id)?.clone();
        let mut after = before.clone();
        edit(&mut after);
        self.history.remember(Undo::Changed(before), None);
        Some(Event::Save(after))
    }

    /// The app reports the id of a row it has just added (and its label), so that adding can
    /// be undone.
    pub fn added(&mut self, id: i64, label: &str) {
        self.history
            .remember(Undo::Added(id), Some(format!("Đã thêm {label}.")));
    }

    /// The form, if it is open for this row (`None`: a new row).
    pub fn form(&self, id: Option<i64>) -> Option<Element<'_, Message<R>>> {
        let draft = self.draft.as_ref().filter(|d| d.id == id)?;
        Some(inline_form(
            R::fields(&draft.form),
            draft.error.as_deref(),
            "Lưu",
            Message::Save,
            Message::Cancel,
        ))
    }

    /// The row's form while it is open, else the row `draw` makes; `wrap` maps the form's
    /// messages to the screen's.
    pub fn row_or_form<'a, M: 'a>(
        &'a self,
        id: i64,
        wrap: fn(Message<R>) -> M,
        draw: impl FnOnce() -> Element<'a, M>,
    ) -> Element<'a, M> {
        match self.form(Some(id)) {
            Some(form) => form.map(wrap),
            None => draw(),
        }
    }

    /// Closes the form without saving (Escape).
    pub fn close(&mut self) {
        self.draft = None;
    }

    /// True while the form is open (for a new row or a stored one).
    pub fn is_open(&self) -> bool {
        self.draft.is_some()
    }

    pub fn is_editing(&self, id: i64) -> bool {
        self.draft.as_ref().is_some_and(|d| d.id == Some(id))
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// The history, among the screen's others.
    pub fn timeline(&self) -> &dyn Timeline {
        &self.history
    }
}

/// "Sửa" and "Xóa" for a row of a list; `wrap` maps them to the screen's messages.
pub fn actions<'a, R: Record, M: Clone + 'a>(id: i64, wrap: fn(Message<R>) -> M) -> Element<'a, M> {
    iced::widget::row![
        link("Sửa", wrap(Message::Edit(id))),
        danger_link("Xóa", wrap(Message::Remove(id))),
    ]
    .into()
}
