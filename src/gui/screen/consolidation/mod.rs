//! "Tổng hợp": a unit above the reporting level (a province) takes in the report packages its
//! wards and communes send, sees at a glance who has reported and who has not, and writes the
//! consolidated report. The sidebar shows it only to a unit that consolidates
//! (`Level::consolidates`). The expected units are a list of records; taking packages in,
//! restoring a replaced one and exporting are the screen's own.

mod view;

use std::path::PathBuf;

use iced::Task;
use iced::widget::{Column, row};

use crate::consolidation::table::ExpectedUnit;
use crate::gui::data::{Kind, Snapshot};
use crate::gui::history::Timeline;
use crate::gui::records::{self, Record, Records};
use crate::gui::shortcut::{Action, Shortcut, new_and_undo};
use crate::gui::system;
use crate::gui::widget::submit_field;
use crate::papers::consolidated;

const NAME_INPUT: &str = "expected-unit-name";

#[derive(Debug, Default)]
pub struct UnitReports {
    /// The units expected to report: added, renamed, removed and undone by the records part.
    units: Records<ExpectedUnit>,
    /// What the last batch of files did, one line per file, or why a list could not be read.
    outcome: Option<Result<String, String>>,
    saving: bool,
    saved: Option<Result<PathBuf, String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    Pdf,
    Xlsx,
}

#[derive(Debug, Clone)]
pub enum Message {
    Units(records::Message<ExpectedUnit>),
    /// "Nhận báo cáo…": files chosen in the dialog; "Nhận cả thư mục…": a folder.
    TakeFiles,
    TakeFolder,
    Chosen(Vec<PathBuf>),
    /// "Nhập danh sách đơn vị…": the expected units from a spreadsheet.
    ImportList,
    ListChosen(Option<PathBuf>),
    ListRead(Result<Vec<String>, String>),
    /// A unit that reported without being on the list is added to it.
    AddUnit(String),
    /// Makes a replaced package its unit's current one again.
    Restore(i64),
    Export(Output),
    ExportTo(Output, Option<PathBuf>),
    Saved(Result<PathBuf, String>),
    Open(PathBuf),
    Dismiss,
    Undo,
}

/// Changes the screen asks the app to write.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    Units(records::Event<ExpectedUnit>),
    AddUnits(Vec<String>),
    TakeIn(Vec<PathBuf>),
    Restore(i64),
    Open(PathBuf),
}

type Update = (Task<Message>, Option<Event>);

fn none() -> Update {
    (Task::none(), None)
}

/// What a keyboard shortcut means on this screen.
pub fn shortcut(shortcut: Shortcut) -> Option<Action<Message>> {
    match shortcut {
        Shortcut::Print => Some(Action::Update(Message::Export(Output::Pdf))),
        _ => new_and_undo(
            shortcut,
            Message::Units(records::Message::New),
            Message::Undo,
        ),
    }
}

impl Record for ExpectedUnit {
    type Draft = String;
    type Choice = std::convert::Infallible;
    const KIND: Kind = Kind::ExpectedUnit;
    const FOCUS: &'static str = NAME_INPUT;

    fn list(data: &Snapshot) -> &[Self] {
        data.consolidation
            .as_ref()
            .map_or(&[], |c| c.expected.as_slice())
    }

    fn blank(_data: &Snapshot) -> String {
        String::new()
    }

    fn draft(&self, _data: &Snapshot) -> String {
        self.name.clone()
    }

    fn build(draft: &String, before: Option<&Self>, _data: &Snapshot) -> Result<Self, String> {
        let unit = ExpectedUnit {
            id: before.map_or(0, |b| b.id),
            ..ExpectedUnit::new(draft)
        }
        .cleaned();
        unit.validate().map_err(|invalid| invalid.0)?;
        Ok(unit)
    }

    fn fields(draft: &String) -> Column<'_, records::Message<Self>> {
        Column::new().push(row![submit_field(
            "Đơn vị cấp dưới",
            "Ví dụ: Phường Long Bình",
            draft,
            NAME_INPUT,
            |value| records::Message::Edited(|name| name, value),
            records::Message::Save,
        )])
    }

    fn label(&self) -> String {
        format!("“{}”", self.name)
    }
}

impl UnitReports {
    /// Escape: close the form.
    pub fn close(&mut self) {
        self.units.close();
    }

    pub fn update(&mut self, message: Message, data: &Snapshot) -> Update {
        match message {
            Message::Units(message) => {
                let (task, event) = self.units.update(message, data);
                (task.map(Message::Units), event.map(Event::Units))
            }
            Message::Undo => (Task::none(), self.units.undo().map(Event::Units)),
            Message::TakeFiles => (
                Task::perform(
                    system::pick_many("Chọn các tệp báo cáo", system::XLSX),
                    Message::Chosen,
                ),
                None,
            ),
            Message::TakeFolder => (
                Task::perform(
                    system::pick_folder("Chọn thư mục chứa các tệp báo cáo"),
                    |folder| Message::Chosen(folder.into_iter().collect()),
                ),
                None,
            ),
            Message::Chosen(paths) if paths.is_empty() => none(),
            Message::Chosen(paths) => {
                self.outcome = None;
                (Task::none(), Some(Event::TakeIn(paths)))
            }
            Message::ImportList => (
                Task::perform(
                    system::pick("Chọn danh sách đơn vị", &[system::SPREADSHEETS]),
                    Message::ListChosen,
                ),
                None,
            ),
            Message::ListChosen(None) => none(),
            Message::ListChosen(Some(path)) => (
                Task::perform(
                    async move { crate::consolidation::expected::read_names(&path) },
                    Message::ListRead,
                ),
                None,
            ),
            Message::ListRead(Err(reason)) => {
                self.outcome = Some(Err(reason));
                none()
            }
            Message::ListRead(Ok(names)) => (Task::none(), Some(Event::AddUnits(names))),
            Message::AddUnit(name) => (Task::none(), Some(Event::AddUnits(vec![name]))),
            Message::Restore(id) => (Task::none(), Some(Event::Restore(id))),
            Message::Export(output) => {
                let ready = data
                    .consolidation
                    .as_ref()
                    .is_some_and(|c| c.table.totals.units > 0);
                if !ready || self.saving {
                    return none();
                }
                let (extension, filter) = match output {
                    Output::Pdf => ("pdf", system::PDF),
                    Output::Xlsx => ("xlsx", system::XLSX),
                };
                let name = consolidated::file_name(data.plan.event.year, extension);
                (
                    Task::perform(
                        system::save_as("Lưu báo cáo tổng hợp", name, filter),
                        move |path| Message::ExportTo(output, path),
                    ),
                    None,
                )
            }
            Message::ExportTo(_, None) => none(),
            Message::ExportTo(output, Some(path)) => {
                let Some(c) = data.consolidation.clone() else {
                    return none();
                };
                let edited = data.report.this.edited.clone();
                self.saving = true;
                let render = move || match output {
                    Output::Pdf => {
                        consolidated::render(&c.table, &edited, chrono::Local::now().date_naive())
                    }
                    Output::Xlsx => consolidated::sheet::render(&c.table),
                };
                (system::write_chosen(path, render, Message::Saved), None)
            }
            Message::Saved(result) => {
                self.saving = false;
                self.saved = Some(result);
                none()
            }
            Message::Open(path) => (Task::none(), Some(Event::Open(path))),
            Message::Dismiss => {
                self.outcome = None;
                none()
            }
        }
    }

    /// The app reports an expected unit it has just added, so that adding can be undone.
    pub fn added(&mut self, id: i64, label: &str) {
        self.units.added(id, label);
    }

    /// The app reports what a batch of files (or a list of units) did.
    pub fn noted(&mut self, note: String) {
        self.outcome = Some(Ok(note));
    }

    fn timeline(&self) -> &dyn Timeline {
        self.units.timeline()
    }
}
