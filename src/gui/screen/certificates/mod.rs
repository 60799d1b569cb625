//! "In giấy khen": printing the year's certificates (all, one decision's, or one spoiled
//! certificate again), the preview of each (the very page the PDF prints, drawn by
//! `gui::preview`), the template editor and the printer profiles with their calibration page.
//!
//! Certificates come in register-number order and text that does not fit is reported before
//! anything is written, as on the command line (`cli::certificates`). What prints is what the
//! preview shows: the template as last validly typed, saved or not.

pub mod editor;
mod editor_view;
pub mod printers;
mod view;
pub mod zoom;

use std::path::PathBuf;

use iced::Task;

use crate::certificate::{
    self, CertificateData, Laid, Mode, Paper, PrinterProfile, Template, render_calibration,
    render_certificates,
};
use crate::domain::{Decision, Form, Recipient};
use crate::gui::data::Snapshot;
use crate::gui::shortcut::{Action, Shortcut};
use crate::gui::system;
use crate::gui::widget::{Pick, Typed};

use editor::{Edit, Editor};
use printers::{PrinterDraft, PrinterField};
use zoom::{Level, Zoom};

/// What to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scope {
    /// Every certificate of the form this year.
    #[default]
    Year,
    /// The certificates of one decision.
    Decision,
    /// The certificate shown in the preview only (to replace a spoiled one).
    One,
}

/// Which panel is open under the print options.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Panel {
    #[default]
    None,
    Template,
    Printers,
}

#[derive(Debug, Clone)]
pub struct Certificates {
    scope: Scope,
    decision: Option<i64>,
    form: Form,
    mode: Mode,
    /// The printer profile's name; `None`: "Không hiệu chỉnh".
    printer: Option<String>,
    /// The recipient shown in the preview.
    selected: Option<i64>,
    /// One editor per form and mode touched, so switching back keeps unsaved edits.
    editors: Vec<Editor>,
    panel: Panel,
    confirm_reset: bool,
    printer_form: PrinterDraft,
    /// Warnings about text that does not fit, waiting for "Vẫn in" or "Quay lại sửa".
    confirm: Option<Vec<String>>,
    saving: bool,
    outcome: Option<Result<PathBuf, String>>,
    /// The shown certificate, laid out.
    laid: Option<Laid>,
    zoom: Level,
}

#[derive(Debug, Clone)]
pub enum Message {
    Scope(Scope),
    /// A decision in the pick list (its id).
    DecisionPicked(Pick<i64>),
    Form(Form),
    Mode(Mode),
    PrinterPicked(PrinterChoice),
    /// A recipient in the preview's pick list (its id): "Số 003 · Ông Nguyễn Văn An".
    Show(Pick<i64>),
    /// ‹ and ›: the previous or next certificate.
    Step(i32),
    Zoom(Zoom),
    Panel(Panel),
    Edit(Edit),
    ChooseBackground,
    BackgroundChosen(Option<PathBuf>),
    SaveTemplate,
    AskReset,
    Reset(bool),
    PrinterEdited(PrinterField, String),
    EditPrinter(String),
    NewPrinter,
    SavePrinter,
    DeletePrinter(i64),
    Calibrate,
    CalibrationChosen(Option<PathBuf>),
    /// "Lưu PDF để in…": warns first if text does not fit.
    Save,
    /// The answer to the warning: true prints anyway.
    Confirm(bool),
    Chosen(Option<PathBuf>),
    Saved(Result<PathBuf, String>),
    Open(PathBuf),
}

/// What the certificates screen asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    SaveTemplate(Template),
    SavePrinter(PrinterProfile),
    DeletePrinter(i64),
    Open(PathBuf),
}

/// A printer profile in the pick list; `None` is "Không hiệu chỉnh".
#[derive(Debug, Clone, PartialEq)]
pub struct PrinterChoice(pub Option<String>);

impl std::fmt::Display for PrinterChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.as_deref().unwrap_or("Không hiệu chỉnh"))
    }
}

/// One certificate to print: its recipient and its texts.
struct Entry<'a> {
    recipient: &'a Recipient,
    data: CertificateData,
}

impl Default for Certificates {
    fn default() -> Self {
        Certificates {
            scope: Scope::Year,
            decision: None,
            form: Form::Certificate,
            mode: Mode::FullPage,
            printer: None,
            selected: None,
            editors: Vec::new(),
            panel: Panel::None,
            confirm_reset: false,
            printer_form: PrinterDraft::default(),
            confirm: None,
            saving: false,
            outcome: None,
            laid: None,
            zoom: Level::default(),
        }
    }
}

/// What a keyboard shortcut means on this screen.
pub fn shortcut(shortcut: Shortcut) -> Option<Action<Message>> {
    match shortcut {
        Shortcut::Print => Some(Action::Update(Message::Save)),
        Shortcut::ZoomIn => Some(Action::Update(Message::Zoom(Zoom::In))),
        Shortcut::ZoomOut => Some(Action::Update(Message::Zoom(Zoom::Out))),
        Shortcut::ZoomFit => Some(Action::Update(Message::Zoom(Zoom::Fit))),
        _ => None,
    }
}

impl Certificates {
    pub fn new(data: &Snapshot) -> Certificates {
        let mut screen = Certificates::default();
        screen.refresh(data);
        screen
    }

    /// The data changed: take saved templates, keep the selection if it still exists.
    pub fn refresh(&mut self, data: &Snapshot) {
        for editor in &mut self.editors {
            let t = &editor.template;
            editor.stored(&stored(data, t.form, t.mode));
        }
        if self
            .printer
            .as_ref()
            .is_some_and(|name| !data.printers.iter().any(|p| &p.name == name))
        {
            self.printer = None;
        }
        if self
            .decision
            .is_none_or(|id| !data.decisions.iter().any(|d| d.id == id))
        {
            self.decision = data.decisions.first().map(|d| d.id);
        }
        self.lay_out(data);
    }

    /// The template in use for the chosen form and mode: the one being edited.
    pub fn template(&self) -> Option<&Template> {
        self.editor().map(|e| &e.template)
    }

    fn editor(&self) -> Option<&Editor> {
        self.editors
            .iter()
            .find(|e| e.template.form == self.form && e.template.mode == self.mode)
    }

    fn editor_mut(&mut self, data: &Snapshot) -> &mut Editor {
        let (form, mode) = (self.form, self.mode);
        let found = self
            .editors
            .iter()
            .position(|e| e.template.form == form && e.template.mode == mode);
        let index = found.unwrap_or_else(|| {
            self.editors.push(Editor::new(stored(data, form, mode)));
            self.editors.len() - 1
        });
        &mut self.editors[index]
    }

    /// The laid-out page of the certificate shown (for tests and the preview).
    pub fn laid(&self) -> Option<&Laid> {
        self.laid.as_ref()
    }

    /// The recipients the preview browses, in register order: the chosen decision's, else
    /// the year's, of the chosen form. Biểu dương has no certificate.
    fn entries<'a>(&self, data: &'a Snapshot) -> Vec<Entry<'a>> {
        let decision = (self.scope == Scope::Decision)
            .then_some(self.decision)
            .flatten();
        entries(data, self.form, decision)
    }

    fn shown<'a>(&self, entries: &'a [Entry<'a>]) -> Option<&'a Entry<'a>> {
        entries
            .iter()
            .find(|e| Some(e.recipient.id) == self.selected)
            .or(entries.first())
    }

    /// What "Lưu PDF" prints, in register order.
    fn to_print(&self, data: &Snapshot) -> Vec<CertificateData> {
        let entries = self.entries(data);
        if self.scope == Scope::One {
            return self
                .shown(&entries)
                .map(|e| vec![e.data.clone()])
                .unwrap_or_default();
        }
        entries.into_iter().map(|e| e.data).collect()
    }

    fn profile(&self, data: &Snapshot) -> PrinterProfile {
        self.printer
            .as_ref()
            .and_then(|name| data.printers.iter().find(|p| &p.name == name))
            .cloned()
            .unwrap_or_default()
    }

    /// Lays out the shown certificate again (after any change); without recipients yet, a
    /// sample, so that a template can be prepared before the decision is entered.
    fn lay_out(&mut self, data: &Snapshot) {
        self.editor_mut(data);
        let entries = self.entries(data);
        let shown = self
            .shown(&entries)
            .map(|e| (e.recipient.id, e.data.clone()));
        self.selected = shown.as_ref().map(|(id, _)| *id);
        let sample = shown.map_or_else(|| sample(data, self.form), |(_, d)| d);
        self.laid = self.template().map(|t| certificate::layout(t, &sample));
    }

    pub fn update(&mut self, message: Message, data: &Snapshot) -> (Task<Message>, Option<Event>) {
        let result = self.handle(message, data);
        self.lay_out(data);
        result
    }

    fn handle(&mut self, message: Message, data: &Snapshot) -> (Task<Message>, Option<Event>) {
        let none = (Task::none(), None);
        match message {
            Message::Scope(scope) => {
                self.scope = scope;
                self.confirm = None;
                none
            }
            Message::DecisionPicked(choice) => {
                self.decision = Some(choice.value);
                self.scope = Scope::Decision;
                none
            }
            Message::Form(form) => {
                self.form = form;
                self.confirm = None;
                self.confirm_reset = false;
                none
            }
            Message::Mode(mode) => {
                self.mode = mode;
                self.confirm = None;
                self.confirm_reset = false;
                none
            }
            Message::PrinterPicked(PrinterChoice(name)) => {
                self.printer = name;
                none
            }
            Message::Show(choice) => {
                self.selected = Some(choice.value);
                none
            }
            Message::Zoom(zoom) => {
                self.zoom = self.zoom.apply(zoom);
                none
            }
            Message::Step(delta) => {
                let entries = self.entries(data);
                if let Some(at) = self.shown(&entries).and_then(|s| {
                    entries
                        .iter()
                        .position(|e| e.recipient.id == s.recipient.id)
                }) {
                    let next = (at as i32 + delta).clamp(0, entries.len() as i32 - 1);
                    self.selected = Some(entries[next as usize].recipient.id);
                }
                none
            }
            Message::Panel(panel) => {
                self.panel = if self.panel == panel {
                    Panel::None
                } else {
                    panel
                };
                self.confirm_reset = false;
                none
            }
            Message::Edit(edit) => {
                self.editor_mut(data).apply(edit);
                none
            }
            Message::ChooseBackground => (
                Task::perform(
                    system::pick("Chọn ảnh quét phôi giấy khen", &[system::IMAGES]),
                    Message::BackgroundChosen,
                ),
                None,
            ),
            Message::BackgroundChosen(None) => none,
            Message::BackgroundChosen(Some(path)) => {
                self.editor_mut(data).apply(Edit::Background(Some(path)));
                none
            }
            Message::SaveTemplate => match self.editor().and_then(Editor::to_save) {
                Some(template) => (Task::none(), Some(Event::SaveTemplate(template))),
                None => none,
            },
            Message::AskReset => {
                self.confirm_reset = true;
                none
            }
            Message::Reset(yes) => {
                self.confirm_reset = false;
                if yes {
                    self.editor_mut(data).apply(Edit::Reset);
                }
                none
            }
            Message::PrinterEdited(field, raw) => {
                self.printer_form.set(field, Typed::from_raw(&raw).value);
                none
            }
            Message::EditPrinter(name) => {
                if let Some(p) = data.printers.iter().find(|p| p.name == name) {
                    self.printer_form = PrinterDraft::of(p);
                }
                none
            }
            Message::NewPrinter => {
                self.printer_form = PrinterDraft::default();
                none
            }
            Message::SavePrinter => match self.printer_form.profile() {
                Ok(profile) => {
                    self.printer = Some(profile.name.clone());
                    (Task::none(), Some(Event::SavePrinter(profile)))
                }
                Err(why) => {
                    self.printer_form.error = Some(why);
                    none
                }
            },
            Message::DeletePrinter(id) => (Task::none(), Some(Event::DeletePrinter(id))),
            Message::Calibrate => {
                let paper = self.template().map_or(Paper::A4Landscape, |t| t.paper);
                let name = format!(
                    "trang-hieu-chinh-{}.pdf",
                    match paper {
                        Paper::A4Landscape => "a4",
                        Paper::A3Landscape => "a3",
                        Paper::Custom { .. } => "kho-khac",
                    }
                );
                (
                    Task::perform(
                        system::save_as("Lưu trang hiệu chỉnh máy in", name, system::PDF),
                        Message::CalibrationChosen,
                    ),
                    None,
                )
            }
            Message::CalibrationChosen(None) | Message::Chosen(None) => none,
            Message::CalibrationChosen(Some(path)) => {
                let paper = self.template().map_or(Paper::A4Landscape, |t| t.paper);
                let profile = self.profile(data);
                self.saving = true;
                let render = move || render_calibration(paper, &profile);
                (system::write_chosen(path, render, Message::Saved), None)
            }
            Message::Save => {
                let list = self.to_print(data);
                if self.saving || list.is_empty() {
                    return none;
                }
                let Some(template) = self.template() else {
                    return none;
                };
                let problems = certificate::overflows(template, &list);
                if !problems.is_empty() {
                    self.confirm = Some(problems.iter().map(|(who, o)| o.message(who)).collect());
                    return none;
                }
                self.choose(data)
            }
            Message::Confirm(print) => {
                self.confirm = None;
                if print {
                    return self.choose(data);
                }
                none
            }
            Message::Chosen(Some(path)) => {
                let list = self.to_print(data);
                let Some(template) = self.template().cloned() else {
                    return none;
                };
                let profile = self.profile(data);
                self.saving = true;
                self.confirm = None;
                let render = move || render_certificates(&template, &list, &profile);
                (system::write_chosen(path, render, Message::Saved), None)
            }
            Message::Saved(result) => {
                self.saving = false;
                self.outcome = Some(result);
                none
            }
            Message::Open(path) => (Task::none(), Some(Event::Open(path))),
        }
    }

    /// Asks where to save the certificates.
    fn choose(&mut self, data: &Snapshot) -> (Task<Message>, Option<Event>) {
        let stem = match self.form {
            Form::Merit => "bang-khen",
            _ => "giay-khen",
        };
        let year = data.plan.event.year;
        let name = match (self.scope, self.selected_register(data)) {
            (Scope::One, Some(n)) => format!("{stem}-{year}-so-{n}.pdf"),
            _ => format!("{stem}-{year}.pdf"),
        };
        (
            Task::perform(
                system::save_as("Lưu giấy khen để in", name, system::PDF),
                Message::Chosen,
            ),
            None,
        )
    }

    fn selected_register(&self, data: &Snapshot) -> Option<u32> {
        data.recipients
            .iter()
            .find(|r| Some(r.id) == self.selected)
            .and_then(|r| r.register_no)
    }
}

/// The recipients of a form with their certificates' texts, in register order (those without
/// a number last), as `ngayhoi export certificates` prints them.
fn entries(data: &Snapshot, form: Form, decision: Option<i64>) -> Vec<Entry<'_>> {
    let decisions: Vec<&Decision> = data
        .decisions
        .iter()
        .filter(|d| decision.is_none_or(|id| d.id == id))
        .collect();
    let mut list: Vec<Entry<'_>> = data
        .recipients
        .iter()
        .filter(|r| r.form == form)
        .filter_map(|r| {
            let d = decisions.iter().find(|d| d.id == r.decision_id)?;
            Some(Entry {
                recipient: r,
                data: CertificateData::new(&data.unit, d, r),
            })
        })
        .collect();
    list.sort_by_key(|e| e.recipient.register_no.unwrap_or(u32::MAX));
    list
}

/// The template for a form and mode among the file's ([`Template::chosen`]).
fn stored(data: &Snapshot, form: Form, mode: Mode) -> Template {
    Template::chosen(&data.templates, form, mode)
}

/// Example texts for a template with nobody to print yet.
fn sample(data: &Snapshot, form: Form) -> CertificateData {
    let decision = Decision::defaults(&data.unit, "…/QĐ-UBND", data.plan.event.date);
    let mut recipient = Recipient::new(
        0,
        crate::domain::RecipientKind::Individual,
        form,
        "Nguyễn Văn A",
    );
    recipient.sex = Some(crate::domain::Sex::Male);
    recipient.position = "Tổ trưởng Tổ dân phố 1".into();
    recipient.achievement = format!(
        "Đã có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ quốc năm {}",
        data.plan.event.year
    );
    recipient.register_no = Some(1);
    CertificateData::new(&data.unit, &decision, &recipient)
}
