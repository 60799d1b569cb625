//! "Cài đặt": the organising unit (with how its register numbers print) and the selected
//! year's event, saved as the secretary types (a value that breaks a rule is shown, not
//! saved), with undo of whole field edits.

use iced::widget::{button, column, container, pick_list, row, scrollable, text, text_editor};
use std::path::PathBuf;

use chrono::NaiveTime;

use iced::{Alignment, Element, Length, Task};

use super::backups::{self, Backups};
use super::password::{self, PasswordCard};
use crate::domain::{Level, RegisterDigits, Unit, YearEvent};
use crate::gui::data::Snapshot;
use crate::gui::shortcut::{Action, Shortcut};
use crate::gui::widget::{
    Typed, card, choice, field, labelled, page_header, secondary_button, typed_date,
};
use crate::gui::{font, theme};
use crate::storage::paths;
use crate::text::date_short;

#[derive(Debug, Clone)]
pub struct Settings {
    form: SettingsDraft,
    /// The form before each group of edits; most recent last.
    undo: Vec<SettingsDraft>,
    /// Consecutive keystrokes in one field make one undo step.
    last_field: Option<Field>,
    pub error: Option<String>,
    event_id: i64,
    year: i32,
    /// Edited on the ceremony screen; kept as it is here.
    program_start: NaiveTime,
    /// The residential areas, one per line (mirrors `form.areas`).
    areas: text_editor::Content,
    /// The "Sao lưu và khôi phục" card.
    pub backups: Backups,
    /// The "Mật khẩu tệp dữ liệu" card.
    pub password: PasswordCard,
    /// The unit and the event as this form last loaded or saved them: a save writes only the
    /// fields that differ from these, so a change made elsewhere to another field stays.
    base_unit: Unit,
    base_event: YearEvent,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct SettingsDraft {
    name: String,
    level: Level,
    province: String,
    place: String,
    committee: String,
    symbol: String,
    head_name: String,
    secretary_name: String,
    register_digits: RegisterDigits,
    date: String,
    window_start: String,
    window_end: String,
    theme: String,
    /// Residential areas, one per line.
    areas: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name,
    Level,
    Province,
    Place,
    Committee,
    Symbol,
    Head,
    Secretary,
    RegisterDigits,
    Date,
    WindowStart,
    WindowEnd,
    Theme,
    Areas,
}

impl Field {
    fn is_event(self) -> bool {
        matches!(
            self,
            Field::Date | Field::WindowStart | Field::WindowEnd | Field::Theme
        )
    }
}

#[derive(Debug, Clone)]
pub enum Message {
    Edited(Field, String),
    LevelPicked(Level),
    /// "Số chữ số của số vào sổ" chosen.
    DigitsPicked(RegisterDigits),
    AreasEdited(text_editor::Action),
    Undo,
    /// Show a folder (data or backups) in the file manager.
    Reveal(PathBuf),
    Backup(backups::Message),
    Password(password::Message),
}

// Short-lived (one per keystroke, consumed at once): its size does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// Save the fields of `unit` that differ from `base`.
    SaveUnit {
        base: Unit,
        unit: Unit,
    },
    SaveAreas(Vec<String>),
    /// Save the fields of `event` that differ from `base`.
    SaveEvent {
        base: YearEvent,
        event: YearEvent,
    },
    Reveal(PathBuf),
    Backup(backups::Event),
    Password(password::Event),
}

/// Which one file to copy, and when copying it is safe (docs/reliability.md, promise 1).
pub fn copy_advice(path: &std::path::Path) -> String {
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    format!(
        "Toàn bộ dữ liệu nằm trong một tệp duy nhất: {name}. Muốn mang đi (USB, thư điện tử) chỉ cần chép tệp này; chép ngay cả khi ứng dụng đang mở cũng an toàn, miễn là thanh bên đã hiện “✓ Đã lưu”. Cách nên dùng vẫn là “Sao lưu ngay” bên dưới: bản sao được kiểm tra và có ghi ngày giờ."
    )
}

/// What a keyboard shortcut means on this screen.
pub fn shortcut(shortcut: Shortcut) -> Option<Action<Message>> {
    match shortcut {
        Shortcut::Undo => Some(Action::Update(Message::Undo)),
        _ => None,
    }
}

impl Settings {
    pub fn new(data: &Snapshot) -> Settings {
        let (unit, event) = (&data.unit, &data.plan.event);
        Settings {
            form: SettingsDraft {
                name: unit.name.clone(),
                level: unit.level,
                province: unit.province.clone(),
                place: unit.place.clone(),
                committee: unit.committee.clone(),
                symbol: unit.symbol.clone(),
                head_name: unit.head_name.clone(),
                secretary_name: unit.secretary_name.clone(),
                register_digits: unit.register_digits,
                date: date_short(event.date),
                window_start: date_short(event.window_start),
                window_end: date_short(event.window_end),
                theme: event.theme.clone(),
                areas: data.areas.join("\n"),
            },
            undo: Vec::new(),
            last_field: None,
            error: None,
            event_id: event.id,
            year: event.year,
            program_start: event.program_start,
            areas: text_editor::Content::with_text(&data.areas.join("\n")),
            backups: Backups::new(&data.path),
            password: PasswordCard::new(data.password),
            base_unit: unit.clone(),
            base_event: event.clone(),
        }
    }

    /// The event this form edits (the app rebuilds the form when the year changes).
    pub fn event_id(&self) -> i64 {
        self.event_id
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn update(&mut self, message: Message) -> (Task<Message>, Option<Event>) {
        let event = match message {
            Message::Edited(which, raw) => {
                let value = Typed::from_raw(&raw).value;
                self.edit(which, |form| *form.text_mut(which) = value)
            }
            Message::LevelPicked(level) => self.edit(Field::Level, |form| form.level = level),
            Message::DigitsPicked(digits) => self.edit(Field::RegisterDigits, |form| {
                form.register_digits = digits;
            }),
            Message::AreasEdited(action) => {
                let is_edit = action.is_edit();
                self.areas.perform(action);
                if !is_edit {
                    return (Task::none(), None);
                }
                let text = self.areas.text();
                self.edit(Field::Areas, |form| form.areas = text)
            }
            Message::Reveal(dir) => Some(Event::Reveal(dir)),
            Message::Backup(message) => {
                let (task, event) = self.backups.update(message);
                return (task.map(Message::Backup), event.map(Event::Backup));
            }
            Message::Password(message) => {
                let (task, event) = self.password.update(message);
                return (task.map(Message::Password), event.map(Event::Password));
            }
            Message::Undo => {
                let Some(before) = self.undo.pop() else {
                    return (Task::none(), None);
                };
                let base = &self.base_unit;
                let which = if self.form.unit_part(base) != before.unit_part(base) {
                    Field::Name
                } else if self.form.areas != before.areas {
                    self.areas = text_editor::Content::with_text(&before.areas);
                    Field::Areas
                } else {
                    Field::Date
                };
                self.form = before;
                self.last_field = None;
                self.save(which)
            }
        };
        (Task::none(), event)
    }

    fn edit(&mut self, which: Field, change: impl FnOnce(&mut SettingsDraft)) -> Option<Event> {
        let before = self.form.clone();
        change(&mut self.form);
        if self.form == before {
            return None;
        }
        if self.last_field != Some(which) {
            self.undo.push(before);
            self.last_field = Some(which);
        }
        self.save(which)
    }

    /// Builds what changed and asks for it to be saved, or explains why it cannot be.
    fn save(&mut self, which: Field) -> Option<Event> {
        let result = if which == Field::Areas {
            Ok(Event::SaveAreas(
                self.form.areas.lines().map(str::to_string).collect(),
            ))
        } else if which.is_event() {
            self.form
                .event(self.event_id, self.year, self.program_start)
                .map(|event| Event::SaveEvent {
                    base: std::mem::replace(&mut self.base_event, event.clone()),
                    event,
                })
        } else {
            self.form
                .unit(self.year, &self.base_unit)
                .map(|unit| Event::SaveUnit {
                    base: std::mem::replace(&mut self.base_unit, unit.clone()),
                    unit,
                })
        };
        match result {
            Ok(event) => {
                self.error = None;
                Some(event)
            }
            Err(message) => {
                self.error = Some(message);
                None
            }
        }
    }

    pub fn view<'a>(&'a self, data: &'a Snapshot, saving: bool) -> Element<'a, Message> {
        let form = &self.form;
        let edit = |which| move |value| Message::Edited(which, value);
        let status: Element<'a, Message> = match (&self.error, saving) {
            (Some(error), _) => text(format!("Chưa lưu: {error}"))
                .style(theme::danger_text)
                .into(),
            (None, true) => text("Đang lưu…").style(theme::muted).into(),
            (None, false) => text("✓ Mọi thay đổi đã được lưu")
                .style(theme::success_text)
                .into(),
        };
        let undo = secondary_button("Hoàn tác (Ctrl+Z)", [8, 14])
            .on_press_maybe(self.can_undo().then_some(Message::Undo));

        let unit = column![
            row![
                field(
                    "Tên đơn vị",
                    "Ví dụ: Phường Chợ Quán",
                    &form.name,
                    "settings-name",
                    edit(Field::Name)
                ),
                labelled(
                    "Cấp",
                    pick_list(Level::ALL, Some(form.level), Message::LevelPicked)
                        .padding(8)
                        .width(Length::Fill)
                ),
            ]
            .spacing(12),
            row![
                field(
                    "Tỉnh/thành phố",
                    "",
                    &form.province,
                    "settings-province",
                    edit(Field::Province)
                ),
                field(
                    "Địa danh ghi ở dòng ngày tháng",
                    "",
                    &form.place,
                    "settings-place",
                    edit(Field::Place)
                ),
            ]
            .spacing(12),
            field(
                "Tên Ban Chỉ đạo",
                "",
                &form.committee,
                "settings-committee",
                edit(Field::Committee)
            ),
            row![
                field(
                    "Ký hiệu văn bản",
                    "BCĐ",
                    &form.symbol,
                    "settings-symbol",
                    edit(Field::Symbol)
                ),
                field(
                    "Trưởng Ban Chỉ đạo",
                    "Họ và tên",
                    &form.head_name,
                    "settings-head",
                    edit(Field::Head)
                ),
                field(
                    "Thư ký",
                    "Họ và tên",
                    &form.secretary_name,
                    "settings-secretary",
                    edit(Field::Secretary)
                ),
            ]
            .spacing(12),
        ]
        .spacing(12);

        let event = column![
            row![
                field(
                    "Ngày tổ chức",
                    "dd/mm/yyyy",
                    &form.date,
                    "settings-date",
                    edit(Field::Date)
                ),
                field(
                    "Đợt từ ngày",
                    "dd/mm/yyyy",
                    &form.window_start,
                    "settings-window-start",
                    edit(Field::WindowStart)
                ),
                field(
                    "Đến ngày",
                    "dd/mm/yyyy",
                    &form.window_end,
                    "settings-window-end",
                    edit(Field::WindowEnd)
                ),
            ]
            .spacing(12),
            field(
                "Chủ đề",
                "",
                &form.theme,
                "settings-theme",
                edit(Field::Theme)
            ),
        ]
        .spacing(12);

        let portable = data
            .path
            .parent()
            .and_then(|dir| dir.file_name())
            .is_some_and(|name| name == paths::PORTABLE_DIR);
        let data_dir = data.path.parent().map(PathBuf::from).unwrap_or_default();
        let open = |dir: PathBuf| {
            button(text("Mở thư mục").size(theme::SMALL))
                .style(theme::secondary)
                .padding([4, 10])
                .on_press(Message::Reveal(dir))
        };
        let files = column![
            row![
                labelled("Tệp dữ liệu", text(data.path.display().to_string()).font(font::SEMIBOLD)),
                open(data_dir),
            ]
            .spacing(12)
            .align_y(Alignment::End),
            text(copy_advice(&data.path))
                .size(theme::SMALL),
            text(if portable {
                "Chế độ di động: dữ liệu nằm trong thư mục ngayhoi-data cạnh chương trình (ví dụ trên USB)."
            } else {
                "Muốn mang dữ liệu theo USB: tạo thư mục ngayhoi-data cạnh tệp chương trình và chép tệp dữ liệu vào đó."
            })
            .size(theme::SMALL)
            .style(theme::muted),
        ]
        .spacing(10);

        let header = page_header(
            "Cài đặt",
            "Thông tin được lưu ngay khi bạn gõ.",
            [undo.into()],
        );

        let content = column![
            header,
            container(status).padding([0, 2]),
            card("Đơn vị tổ chức", unit),
            card(
                "Số vào sổ khen thưởng",
                register_digits(form.register_digits)
            ),
            card(format!("Ngày hội năm {}", self.year), event),
            card(
                "Khu dân cư (thôn, tổ dân phố, khu phố)",
                column![
                    text("Mỗi dòng một tên. Các hoạt động phần hội mới có mỗi khu dân cư một đội.")
                        .size(theme::SMALL)
                        .style(theme::muted),
                    text_editor(&self.areas)
                        .id("settings-areas")
                        .on_action(Message::AreasEdited)
                        .height(Length::Fixed(140.0))
                        .padding(8),
                ]
                .spacing(8)
            ),
            card("Nơi lưu dữ liệu", files),
            self.backups.view().map(Message::Backup),
            self.password.view().map(Message::Password),
        ]
        .spacing(16)
        .padding(24)
        .max_width(1000);
        scrollable(content).height(Length::Fill).into()
    }
}

/// "Số chữ số của số vào sổ": the zeros in front that the unit's register writes. Each choice
/// reads as the number it prints ("3 chữ số (007)"), so the secretary picks what her register
/// looks like; the example below follows the choice.
fn register_digits<'a>(digits: RegisterDigits) -> Element<'a, Message> {
    let choices = RegisterDigits::ALL
        .into_iter()
        .fold(row![].spacing(8), |line, d| {
            line.push(choice(d.to_string(), d, digits, Message::DigitsPicked))
        });
    column![
        labelled("Số chữ số của số vào sổ", choices.wrap()),
        text(format!("Ví dụ: Số vào sổ: {}", digits.number(7))).font(font::SEMIBOLD),
        text("Số vào sổ in trên giấy khen, bằng khen và danh sách kèm theo quyết định được thêm số 0 phía trước cho đủ số chữ số, như sổ khen thưởng của đơn vị. Số dài hơn vẫn in đủ.")
            .size(theme::SMALL)
            .style(theme::muted),
    ]
    .spacing(10)
    .into()
}

impl SettingsDraft {
    fn text_mut(&mut self, which: Field) -> &mut String {
        match which {
            // Chosen, not typed: never edited as text.
            Field::Name | Field::Level | Field::RegisterDigits => &mut self.name,
            Field::Province => &mut self.province,
            Field::Place => &mut self.place,
            Field::Committee => &mut self.committee,
            Field::Symbol => &mut self.symbol,
            Field::Head => &mut self.head_name,
            Field::Secretary => &mut self.secretary_name,
            Field::Date => &mut self.date,
            Field::WindowStart => &mut self.window_start,
            Field::WindowEnd => &mut self.window_end,
            Field::Theme => &mut self.theme,
            Field::Areas => &mut self.areas,
        }
    }

    /// The unit as the form has it; what the form does not edit (the report's choice of
    /// rows) stays as `base` has it.
    fn unit_part(&self, base: &Unit) -> Unit {
        Unit {
            name: self.name.clone(),
            level: self.level,
            province: self.province.clone(),
            place: self.place.clone(),
            committee: self.committee.clone(),
            symbol: self.symbol.clone(),
            head_name: self.head_name.clone(),
            secretary_name: self.secretary_name.clone(),
            register_digits: self.register_digits,
            ..base.clone()
        }
    }

    fn unit(&self, year: i32, base: &Unit) -> Result<Unit, String> {
        let unit = self.unit_part(base).cleaned();
        unit.validate().map_err(|e| e.0)?;
        if !unit.level.allowed_in(year) {
            return Err(format!(
                "Từ ngày 01/7/2025 không còn cấp huyện; năm {year} không thể chọn cấp này."
            ));
        }
        Ok(unit)
    }

    fn event(&self, id: i64, year: i32, program_start: NaiveTime) -> Result<YearEvent, String> {
        let event = YearEvent {
            id,
            year,
            date: typed_date(&self.date, "Ngày tổ chức")?,
            window_start: typed_date(&self.window_start, "Ngày bắt đầu đợt")?,
            window_end: typed_date(&self.window_end, "Ngày kết thúc đợt")?,
            theme: self.theme.clone(),
            program_start,
        }
        .cleaned();
        event.validate().map_err(|e| e.0)?;
        Ok(event)
    }
}
