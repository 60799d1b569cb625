//! "Báo cáo": the report to the province. The figures the app computes (read-only, with the
//! previous year beside them), the figures only the committee knows (typed in, the previous
//! year beside them, x of y with its percentage), and the narrative sections, pre-filled with
//! sentences built from the figures and edited in place. Everything saves as it is typed;
//! Ctrl+Z undoes one field's group of keystrokes at a time. "Xuất báo cáo…" shows the paper
//! as it will print and saves it as PDF or its tables as .xlsx.
//!
//! The screen is the source of truth for what is being typed: a reload of the data (after any
//! job, possibly an older one) never overwrites a field or an edited section. Sections still at
//! their default follow the figures as they change.

mod view;

use std::collections::BTreeMap;
use std::path::PathBuf;

use iced::Task;
use iced::widget::text_editor;

use crate::document::{Document, layout};
use crate::domain::Unit;
use crate::domain::report::{Entered, Figure, Section, parse_figure};
use crate::gui::data::Snapshot;
use crate::gui::history::History;
use crate::gui::shortcut::{Action, Shortcut};
use crate::gui::system;
use crate::gui::widget::Typed;
use crate::papers::report::{self as paper, sheet};

/// One section's editor and whether it holds the secretary's own text.
#[derive(Debug)]
struct Editor {
    content: text_editor::Content,
    edited: bool,
}

/// How to undo one group of edits.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    /// The field's text before the group, and the figures saved along with it (an "x of y"
    /// partner that was waiting) with the values they had stored before.
    Figure(Figure, String, Vec<(Figure, Option<u32>)>),
    /// The section's text before the group; `None`: it was the default.
    Section(Section, Option<String>),
}

/// The field edited last: its next keystrokes join the same undo step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Figure(Figure),
    Section(Section),
}

/// Which file "Xuất báo cáo…" writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    Pdf,
    Xlsx,
    /// "Gửi báo cáo lên cấp trên": the package the province takes in.
    Package,
}

#[derive(Debug)]
pub struct Report {
    event_id: i64,
    /// What is typed in each figure's field, valid or not.
    inputs: BTreeMap<Figure, String>,
    /// Fields waiting to be saved, with why their text was not (empty: restored by undo,
    /// saved with the figure undone).
    invalid: BTreeMap<Figure, String>,
    /// What the screen last asked to store for each figure.
    saved: BTreeMap<Figure, Option<u32>>,
    editors: BTreeMap<Section, Editor>,
    history: History<Step>,
    last_field: Option<Field>,
    /// The paper as it will print, while "Xuất báo cáo…" is open.
    preview: Option<Result<Document, String>>,
    saving: bool,
    outcome: Option<Result<PathBuf, String>>,
    /// "In cả dòng chưa có số liệu": the PDF keeps the rows of figures never entered. The
    /// unit remembers it; the screen holds what was last ticked, whatever a reload brings.
    empty_rows: paper::EmptyRows,
}

#[derive(Debug, Clone)]
pub enum Message {
    FigureEdited(Figure, String),
    SectionEdited(Section, text_editor::Action),
    /// "Khôi phục đoạn văn mặc định".
    ResetSection(Section),
    Undo,
    /// "Xuất báo cáo…": show the paper.
    Export,
    /// Back from the paper to the figures.
    CloseExport,
    /// "In cả dòng chưa có số liệu" ticked or not.
    KeepEmptyRows(bool),
    Save(Output),
    Chosen(Output, Option<PathBuf>),
    Saved(Result<PathBuf, String>),
    Open(PathBuf),
}

/// What the report screen asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// The figure just typed, with any other figure that was waiting for it ("x of y").
    SetFigures(Vec<(Figure, Option<u32>)>),
    /// `None`: back to the default text.
    SetSection(Section, Option<String>),
    /// Remember "In cả dòng chưa có số liệu": the unit's fields of `unit` that differ from
    /// `base` (only its choice of rows).
    SaveUnit {
        base: Box<Unit>,
        unit: Box<Unit>,
    },
    Open(PathBuf),
}

/// What a keyboard shortcut means on this screen.
pub fn shortcut(shortcut: Shortcut) -> Option<Action<Message>> {
    match shortcut {
        Shortcut::Print => Some(Action::Update(Message::Export)),
        Shortcut::Undo => Some(Action::Update(Message::Undo)),
        _ => None,
    }
}

impl Report {
    pub fn new(data: &Snapshot) -> Report {
        let report = &data.report;
        let inputs = Figure::ALL
            .into_iter()
            .map(|f| {
                let typed = report.this.entered.get(f).map(|v| v.to_string());
                (f, typed.unwrap_or_default())
            })
            .collect();
        let editors = Section::ALL
            .into_iter()
            .map(|s| {
                let editor = Editor {
                    content: text_editor::Content::with_text(&report.text(s)),
                    edited: report.is_edited(s),
                };
                (s, editor)
            })
            .collect();
        Report {
            event_id: data.plan.event.id,
            saved: Figure::ALL
                .into_iter()
                .map(|f| (f, report.this.entered.get(f)))
                .collect(),
            inputs,
            invalid: BTreeMap::new(),
            editors,
            history: History::default(),
            last_field: None,
            preview: None,
            saving: false,
            outcome: None,
            empty_rows: data.unit.empty_rows,
        }
    }

    /// The event this screen edits (the app rebuilds it when the year changes).
    pub fn event_id(&self) -> i64 {
        self.event_id
    }

    /// New data: sections at their default follow the figures; the paper is laid out again.
    pub fn refresh(&mut self, data: &Snapshot) {
        for (section, editor) in &mut self.editors {
            if editor.edited {
                continue;
            }
            let default = data.report.default_text(*section);
            if editor.content.text() != default {
                editor.content = text_editor::Content::with_text(&default);
            }
        }
        if self.preview.is_some() {
            self.preview = Some(Ok(layout(&paper::build(&data.report, self.empty_rows))));
        }
    }

    pub fn input(&self, figure: Figure) -> &str {
        self.inputs.get(&figure).map_or("", String::as_str)
    }

    pub fn section_text(&self, section: Section) -> String {
        self.editors[&section].content.text()
    }

    pub fn is_edited(&self, section: Section) -> bool {
        self.editors[&section].edited
    }

    pub fn update(&mut self, message: Message, data: &Snapshot) -> (Task<Message>, Option<Event>) {
        match message {
            Message::FigureEdited(figure, raw) => {
                let typed = Typed::from_raw(&raw).value;
                if typed == self.input(figure) {
                    return (Task::none(), None);
                }
                self.group(
                    Field::Figure(figure),
                    Step::Figure(figure, self.input(figure).to_string(), Vec::new()),
                );
                self.inputs.insert(figure, typed);
                (Task::none(), self.save_figure(figure))
            }
            Message::SectionEdited(section, action) => {
                let is_edit = action.is_edit();
                let editor = self.editors.get_mut(&section).expect("every section");
                let before = editor.content.text();
                let was_edited = editor.edited;
                editor.content.perform(action);
                if !is_edit {
                    return (Task::none(), None);
                }
                let after = crate::text::clean_multiline(&editor.content.text());
                if after == before {
                    return (Task::none(), None);
                }
                editor.edited = true;
                self.group(
                    Field::Section(section),
                    Step::Section(section, was_edited.then_some(before)),
                );
                (Task::none(), Some(Event::SetSection(section, Some(after))))
            }
            Message::ResetSection(section) => {
                let editor = self.editors.get_mut(&section).expect("every section");
                if !editor.edited {
                    return (Task::none(), None);
                }
                let before = editor.content.text();
                editor.edited = false;
                editor.content =
                    text_editor::Content::with_text(&data.report.default_text(section));
                self.history.remember(
                    Step::Section(section, Some(before)),
                    Some(format!(
                        "Đã khôi phục đoạn văn mặc định của mục “{}”.",
                        section.label()
                    )),
                );
                self.last_field = None;
                (Task::none(), Some(Event::SetSection(section, None)))
            }
            Message::Undo => {
                self.last_field = None;
                let event = match self.history.pop() {
                    Some(Step::Figure(figure, text, partners)) => {
                        self.inputs.insert(figure, text);
                        for (partner, value) in &partners {
                            let text = value.map(|v| v.to_string()).unwrap_or_default();
                            self.inputs.insert(*partner, text);
                            // Marked waiting, so that it is saved with the figure.
                            self.invalid.insert(*partner, String::new());
                        }
                        self.save_figure(figure)
                    }
                    Some(Step::Section(section, text)) => {
                        let editor = self.editors.get_mut(&section).expect("every section");
                        editor.edited = text.is_some();
                        let shown = text
                            .clone()
                            .unwrap_or_else(|| data.report.default_text(section));
                        editor.content = text_editor::Content::with_text(&shown);
                        Some(Event::SetSection(section, text))
                    }
                    None => None,
                };
                (Task::none(), event)
            }
            Message::Export => {
                self.outcome = None;
                self.preview = Some(Ok(layout(&paper::build(&data.report, self.empty_rows))));
                (Task::none(), None)
            }
            Message::KeepEmptyRows(keep) => {
                let before = self.empty_rows;
                self.empty_rows = if keep {
                    paper::EmptyRows::Keep
                } else {
                    paper::EmptyRows::Omit
                };
                if before == self.empty_rows {
                    return (Task::none(), None);
                }
                if self.preview.is_some() {
                    self.preview = Some(Ok(layout(&paper::build(&data.report, self.empty_rows))));
                }
                // Based on the screen's own last choice, not the data (which may not have
                // reloaded yet), so that a quick second click is saved too.
                let unit = |empty_rows| {
                    Box::new(Unit {
                        empty_rows,
                        ..data.unit.clone()
                    })
                };
                let event = Event::SaveUnit {
                    base: unit(before),
                    unit: unit(self.empty_rows),
                };
                (Task::none(), Some(event))
            }
            Message::CloseExport => {
                self.preview = None;
                (Task::none(), None)
            }
            Message::Save(output) => {
                if self.saving {
                    return (Task::none(), None);
                }
                let name = match output {
                    Output::Package => crate::export::package::file_name(
                        data.plan.event.year,
                        &data.report.unit.name,
                    ),
                    _ => paper::file_name(data.plan.event.year, extension(output)),
                };
                (
                    Task::perform(choose_target(output, name), move |path| {
                        Message::Chosen(output, path)
                    }),
                    None,
                )
            }
            Message::Chosen(_, None) => (Task::none(), None),
            Message::Chosen(output, Some(path)) => {
                self.saving = true;
                let report = (*data.report).clone();
                let empty_rows = self.empty_rows;
                let write = async move {
                    match output {
                        Output::Pdf => crate::papers::output::save(
                            &path,
                            &paper::render(&report, empty_rows)?,
                            crate::papers::output::Access::Usual,
                        )?,
                        Output::Xlsx => {
                            sheet::save(&path, &report, crate::papers::output::Access::Usual)?
                        }
                        Output::Package => crate::export::package::save(
                            &path,
                            &report,
                            chrono::Local::now().naive_local(),
                            crate::papers::output::Access::Usual,
                        )?,
                    }
                    Ok(path)
                };
                (Task::perform(write, Message::Saved), None)
            }
            Message::Saved(result) => {
                self.saving = false;
                self.outcome = Some(result);
                (Task::none(), None)
            }
            Message::Open(path) => (Task::none(), Some(Event::Open(path))),
        }
    }

    /// Starts a new undo step unless the keystroke continues the last field's group.
    fn group(&mut self, field: Field, step: Step) {
        if self.last_field != Some(field) {
            self.history.remember(step, None);
            self.last_field = Some(field);
        }
    }

    /// Saves the field's text if it is a number (or empty) and "x of y" holds; a field that
    /// was waiting for this one (x typed before y) is saved with it.
    fn save_figure(&mut self, figure: Figure) -> Option<Event> {
        let value = match parse_figure(self.input(figure)) {
            Ok(value) => value,
            Err(invalid) => {
                self.invalid.insert(figure, invalid.0);
                return None;
            }
        };
        let mut entered = Entered::default();
        for f in Figure::ALL {
            entered.set(f, parse_figure(self.input(f)).ok().flatten());
        }
        entered.set(figure, value);
        if let Err(invalid) = entered.validate() {
            self.invalid.insert(figure, invalid.0);
            return None;
        }
        let mut changes = vec![(figure, value)];
        let waiting: Vec<Figure> = self.invalid.keys().copied().collect();
        for other in waiting {
            if other != figure
                && let Ok(v) = parse_figure(self.input(other))
            {
                changes.push((other, v));
                self.invalid.remove(&other);
                // Undoing this edit puts the partner back as it was stored.
                let before = self.saved.get(&other).copied().flatten();
                if let Some(Step::Figure(f, _, partners)) = self.history.last_mut()
                    && *f == figure
                    && !partners.iter().any(|(p, _)| *p == other)
                {
                    partners.push((other, before));
                }
            }
        }
        self.invalid.remove(&figure);
        for (f, v) in &changes {
            self.saved.insert(*f, *v);
        }
        Some(Event::SetFigures(changes))
    }

    /// Why a figure's text was not saved.
    pub fn invalid(&self, figure: Figure) -> Option<&str> {
        self.invalid
            .get(&figure)
            .map(String::as_str)
            .filter(|message| !message.is_empty())
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }
}

fn extension(output: Output) -> &'static str {
    match output {
        Output::Pdf => "pdf",
        Output::Xlsx | Output::Package => "xlsx",
    }
}

/// Asks where to save, with the system's own dialog.
async fn choose_target(output: Output, name: String) -> Option<PathBuf> {
    match output {
        Output::Pdf => system::save_as("Lưu báo cáo PDF", name, system::PDF).await,
        Output::Xlsx => system::save_as("Lưu bảng số liệu Excel", name, system::XLSX).await,
        Output::Package => {
            system::save_as("Lưu gói báo cáo gửi cấp trên", name, system::XLSX).await
        }
    }
}
