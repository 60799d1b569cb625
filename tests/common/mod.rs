//! The harness the UI tests share: the whole app driven headless (iced_test, tiny-skia), its
//! storage tasks run to the end after every interaction, as in the real window.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use iced::futures::StreamExt;
use iced::{Point, Rectangle, Task, keyboard};
use iced_test::runtime::{Action, task};
use iced_test::selector::{Candidate, Target, id};
use iced_test::{Error, Simulator};
use ngayhoi::gui::{self, App, Message};
use ngayhoi::storage::Store;

/// A fixed "today": after the 2026 demo event, before its report was sent.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 8, 20).unwrap()
}

/// Runs the tasks an update returned, feeding their messages back, until nothing is left.
pub fn settle(app: &mut App, first: Task<Message>) {
    run(app, first);
    assert!(!app.is_saving(), "every change has reached the file");
}

/// [`settle`] without asking that every change has reached the file: for what is done while
/// a save is held back ([`act_before_saved`]).
pub fn run(app: &mut App, first: Task<Message>) {
    let mut pending = vec![first];
    while let Some(next) = pending.pop() {
        let Some(stream) = task::into_stream(next) else {
            continue;
        };
        let actions: Vec<Action<Message>> = iced::futures::executor::block_on(stream.collect());
        for action in actions {
            if let Action::Output(message) = action {
                pending.push(app.update(message));
            }
        }
    }
}

/// Clicks the text `label` (a button, a section, a tab) as a person does, and applies what
/// that did.
pub fn click(app: &mut App, label: &str) {
    interact(app, |ui| ui.click(label).map(drop));
}

/// Turns the mouse wheel to the end of the content and clicks the text `label` there, as one
/// does for a button below the fold.
pub fn click_at_end(app: &mut App, label: &str) {
    interact(app, |ui| {
        scroll_down(ui);
        ui.click(label).map(drop)
    });
}

/// Scrolls until the text `label` is in view and clicks it.
pub fn click_in_view(app: &mut App, label: &str) {
    interact(app, |ui| {
        scroll_to(ui, label);
        ui.click(label).map(drop)
    });
}

/// Clicks `button` (a "+ Thêm …", a "Sửa"), then the field `field` of the form it opens, and
/// lets `act` type there and go on, as a person would.
pub fn open_form(
    app: &mut App,
    button: &str,
    field: &str,
    act: impl FnOnce(&mut Simulator<'_, Message>) -> Result<(), Error>,
) {
    click(app, button);
    interact(app, |ui| {
        ui.click(id(field.to_string()))?;
        act(ui)
    });
}

pub fn send(app: &mut App, message: impl Into<Message>) {
    let task = app.update(message.into());
    settle(app, task);
}

/// Lets `act` use the window as a person would, then applies what it produced.
pub fn interact(app: &mut App, act: impl FnOnce(&mut Simulator<'_, Message>) -> Result<(), Error>) {
    let messages: Vec<Message> = {
        let mut ui = simulator(app);
        act(&mut ui).expect("the interaction succeeds");
        produced(ui)
    };
    for message in messages {
        send(app, message);
    }
}

/// What an interaction produced, a moment later: Enter's submit waits for the input method's
/// last commit (`widget::SETTLE`) and goes when the window is next drawn.
pub fn produced<M>(mut ui: Simulator<'_, M>) -> Vec<M> {
    let _ = ui.simulate([redraw_after(ngayhoi::gui::widget::SETTLE * 2)]);
    ui.into_messages().collect()
}

/// The window drawn `wait` from now.
pub fn redraw_after(wait: std::time::Duration) -> iced::Event {
    iced::Event::Window(iced::window::Event::RedrawRequested(
        iced::time::Instant::now() + wait,
    ))
}

/// The window at its default size, as on a 1366×768 laptop.
pub fn simulator(app: &App) -> Simulator<'_, Message> {
    Simulator::with_size(gui::settings(), gui::WINDOW_SIZE, app.view())
}

pub fn shows(app: &App, text: &str) -> bool {
    let mut ui = simulator(app);
    ui.find(text).is_ok()
}

pub fn db(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("ngayhoi.sqlite3")
}

/// A file `name` in the test's folder holding `text`: a list as the secretary saved it.
pub fn saved(dir: &tempfile::TempDir, name: &str, text: &str) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

pub fn reopen(path: &Path) -> Store {
    Store::open(path).unwrap()
}

/// What the data file holds for the 2026 event, read with `read` (`Store::activities`...).
pub fn of_2026<T>(
    dir: &tempfile::TempDir,
    read: impl FnOnce(&Store, i64) -> ngayhoi::storage::Result<T>,
) -> T {
    let store = reopen(&db(dir));
    let event = store.event(2026).unwrap().expect("the 2026 event");
    read(&store, event.id).unwrap()
}

/// The rows `read` gives for the 2026 event, each as `label` names it (its title, its name).
pub fn labels_of_2026<T>(
    dir: &tempfile::TempDir,
    read: impl FnOnce(&Store, i64) -> ngayhoi::storage::Result<Vec<T>>,
    label: impl FnMut(T) -> String,
) -> Vec<String> {
    of_2026(dir, read).into_iter().map(label).collect()
}

pub fn demo_app(dir: &tempfile::TempDir) -> App {
    let mut app = App::boot(db(dir), today());
    click(&mut app, "Dùng dữ liệu mẫu");
    app
}

/// A new unit's first year (no year before it), set up on the welcome screen: its report has
/// rows with no figure at all.
pub fn first_year_app(dir: &tempfile::TempDir) -> App {
    let mut app = App::boot(db(dir), today());
    welcome(&mut app, "Phường Hòa Hưng", "Thành phố Hồ Chí Minh", None);
    app
}

/// On the welcome screen: the unit's name and province typed, and its head's name if given,
/// then "Bắt đầu lập kế hoạch".
pub fn welcome(app: &mut App, name: &str, province: &str, head: Option<&str>) {
    interact(app, |ui| {
        ui.click(iced_test::selector::id("welcome-name"))?;
        let _ = ui.typewrite(name);
        ui.click(iced_test::selector::id("welcome-province"))?;
        let _ = ui.typewrite(province);
        if let Some(head) = head {
            ui.click(iced_test::selector::id("welcome-head"))?;
            let _ = ui.typewrite(head);
        }
        ui.click("Bắt đầu lập kế hoạch").map(drop)
    });
}

/// How many pages the paper shown has ("Trang 1 / n" under the preview; 0 if none).
pub fn preview_pages(app: &App) -> usize {
    let mut ui = simulator(app);
    (1..=9)
        .rev()
        .find(|n| ui.find(format!("Trang 1 / {n}")).is_ok())
        .unwrap_or(0)
}

/// The sidebar's labels of the sections the tests open from it.
const SIDEBAR: [(gui::Section, &str); 7] = [
    (gui::Section::Ceremony, "Phần lễ"),
    (gui::Section::Guests, "Đại biểu và điểm"),
    (gui::Section::Festival, "Phần hội"),
    (gui::Section::Visits, "Thăm hỏi"),
    (gui::Section::Honors, "Khen thưởng"),
    (gui::Section::Report, "Báo cáo"),
    (gui::Section::Settings, "Cài đặt"),
];

/// The demo, open on the sidebar's `section` (its label clicked, as a person does).
pub fn demo_app_on(dir: &tempfile::TempDir, section: gui::Section) -> App {
    let (_, label) = SIDEBAR
        .iter()
        .find(|(s, _)| *s == section)
        .unwrap_or_else(|| panic!("{section:?} has no label in the tests' sidebar"));
    let mut app = demo_app(dir);
    click(&mut app, label);
    assert_eq!(app.section(), Some(section));
    app
}

/// A new folder with the demo in it, open on `section`: the folder (kept while the test reads
/// its file) and the app.
pub fn demo_in_new_folder(section: gui::Section) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let app = demo_app_on(&dir, section);
    (dir, app)
}

/// "+ Năm mới", then "Lập kế hoạch năm 2027": the year after the demo's, planned from it.
pub fn plan_2027(app: &mut App) {
    click(app, "+ Năm mới");
    click(app, "Lập kế hoạch năm 2027");
}

/// On "Khen thưởng": "+ Quyết định mới", saved as the form proposes it.
pub fn add_proposed_decision(app: &mut App) {
    click(app, "+ Quyết định mới");
    click(app, "Lưu quyết định");
}

/// On "Khen thưởng": "+ Quyết định mới" with the number `number` typed, saved.
pub fn add_decision_numbered(app: &mut App, number: &str) {
    open_form(app, "+ Quyết định mới", "decision-number", |ui| {
        let _ = ui.typewrite(number);
        ui.click("Lưu quyết định").map(drop)
    });
}

/// Turns the mouse wheel over the content, as one does to reach the end of the list.
pub fn scroll_down(ui: &mut Simulator<'_, Message>) {
    ui.point_at(iced::Point::new(700.0, 400.0));
    let _ = ui.simulate([iced::Event::Mouse(iced::mouse::Event::WheelScrolled {
        delta: iced::mouse::ScrollDelta::Lines { x: 0.0, y: -20.0 },
    })]);
}

/// A key press with its modifiers, as the window reports it.
pub fn press(key: keyboard::Key, modifiers: keyboard::Modifiers) -> keyboard::Event {
    keyboard::Event::KeyPressed {
        key: key.clone(),
        modified_key: key,
        physical_key: keyboard::key::Physical::Unidentified(
            keyboard::key::NativeCode::Unidentified,
        ),
        location: keyboard::Location::Standard,
        modifiers,
        text: None,
        repeat: false,
    }
}

/// Ctrl and a letter ("z" for Ctrl+Z).
pub fn ctrl(key: &str) -> keyboard::Event {
    press(
        keyboard::Key::Character(key.into()),
        keyboard::Modifiers::CTRL,
    )
}

/// A named key (Escape, Tab, an arrow...) with its modifiers.
pub fn key(named: keyboard::key::Named, modifiers: keyboard::Modifiers) -> keyboard::Event {
    press(keyboard::Key::Named(named), modifiers)
}

/// Ctrl+A in the focused field, as a person types it (Ctrl held, A, Ctrl let go): selects
/// what the field holds, so that typing replaces it.
pub fn select_all<M>(ui: &mut Simulator<'_, M>) {
    let ctrl = keyboard::Modifiers::CTRL;
    let _ = ui.simulate([
        iced::Event::Keyboard(keyboard::Event::ModifiersChanged(ctrl)),
        iced::Event::Keyboard(press(keyboard::Key::Character("a".into()), ctrl)),
        iced::Event::Keyboard(keyboard::Event::ModifiersChanged(
            keyboard::Modifiers::empty(),
        )),
    ]);
}

/// The window shows each of `texts`, whole.
pub fn assert_shows(app: &App, texts: &[&str]) {
    for text in texts {
        assert!(shows(app, text), "the window shows “{text}”");
    }
}

/// True if some text on screen contains `part` (long sentences hold paths, dates, names).
pub fn shows_part(app: &App, part: &str) -> bool {
    let mut ui = simulator(app);
    ui.find(
        |candidate: iced_test::selector::Candidate<'_>| match candidate {
            iced_test::selector::Candidate::Text { content, .. } if content.contains(part) => {
                Some(())
            }
            _ => None,
        },
    )
    .is_ok()
}

/// Uses the window as a person would, faster than the file: every message is applied, and the
/// storage tasks it started are handed back instead of being run to the end (`settle` them).
pub fn act_before_saved(
    app: &mut App,
    act: impl FnOnce(&mut Simulator<'_, Message>) -> Result<(), Error>,
) -> Vec<Task<Message>> {
    let messages: Vec<Message> = {
        let mut ui = simulator(app);
        act(&mut ui).expect("the interaction succeeds");
        produced(ui)
    };
    messages.into_iter().map(|m| app.update(m)).collect()
}

/// On the settings screen: " Mới" typed after the unit's name, its save held back (settle the
/// tasks returned to let it reach the file). The name then reads "Phường Chợ Quán Mới".
pub fn rename_unit_held(app: &mut App) -> Vec<Task<Message>> {
    let held = act_before_saved(app, |ui| {
        ui.click(iced_test::selector::id("settings-name"))?;
        let _ = ui.typewrite(" Mới");
        Ok(())
    });
    assert!(app.is_saving(), "the new name is on its way to the file");
    held
}

/// What the text field `field` shows.
pub fn field(app: &App, field: &str) -> String {
    match simulator(app).find(id(field.to_string())) {
        Ok(Target::TextInput { content, .. }) => content,
        other => panic!("{field} is not a text field: {other:?}"),
    }
}

/// True if the window shows the field `field` (a form is open).
pub fn has_field(app: &App, field: &str) -> bool {
    simulator(app).find(id(field.to_string())).is_ok()
}

/// Scrolls to a field, clicks it, selects what it holds (Ctrl+A) and types over it (empty:
/// erases it).
pub fn retype<M>(ui: &mut Simulator<'_, M>, field: &str, text: &str) -> Result<(), Error> {
    click_field(ui, field);
    select_all(ui);
    if text.is_empty() {
        let _ = ui.tap_key(keyboard::key::Named::Backspace);
    } else {
        let _ = ui.typewrite(text);
    }
    Ok(())
}

/// What an input method commits in the focused field (IBus commits Enter as "\r" with the
/// word it was composing).
pub fn commit<M>(ui: &mut Simulator<'_, M>, text: &str) {
    let _ = ui.simulate([iced::Event::InputMethod(
        iced_test::core::input_method::Event::Commit(text.into()),
    )]);
}

/// Where on screen a text is, if it is visible.
pub fn visible<M>(ui: &mut Simulator<'_, M>, wanted: &str) -> Option<Rectangle> {
    ui.find(|candidate: Candidate<'_>| match candidate {
        Candidate::Text {
            content,
            visible_bounds,
            ..
        } if content == wanted => visible_bounds,
        _ => None,
    })
    .ok()
}

/// Where on screen the field with this id is, if it is visible.
pub fn visible_field<M>(ui: &mut Simulator<'_, M>, wanted: &str) -> Option<Rectangle> {
    ui.find(id(wanted.to_string()))
        .ok()
        .and_then(|target| target.visible_bounds())
}

/// Turns the mouse wheel down over the page until `look` sees what it looks for, as one
/// does when something is below the fold.
pub fn reveal<M>(
    ui: &mut Simulator<'_, M>,
    what: &str,
    mut look: impl FnMut(&mut Simulator<'_, M>) -> Option<Rectangle>,
) -> Rectangle {
    for _ in 0..20 {
        if let Some(bounds) = look(ui) {
            return bounds;
        }
        ui.point_at(Point::new(700.0, 400.0));
        let _ = ui.simulate([iced::Event::Mouse(iced::mouse::Event::WheelScrolled {
            delta: iced::mouse::ScrollDelta::Lines { x: 0.0, y: -3.0 },
        })]);
    }
    panic!("“{what}” never came into view");
}

/// Scrolls until the text `wanted` is in view; where it is.
pub fn scroll_to<M>(ui: &mut Simulator<'_, M>, wanted: &str) -> Rectangle {
    reveal(ui, wanted, |ui| visible(ui, wanted))
}

pub fn click_at<M>(ui: &mut Simulator<'_, M>, point: Point) {
    ui.point_at(point);
    let _ = ui.simulate(iced_test::simulator::click());
}

/// Scrolls to the field with this id and clicks it.
pub fn click_field<M>(ui: &mut Simulator<'_, M>, wanted: &str) {
    let bounds = reveal(ui, wanted, |ui| visible_field(ui, wanted));
    click_at(ui, bounds.center());
}

/// Where the text `label` is on the line that shows `row` (scrolled to): the first such text
/// level with it.
fn in_row<M>(ui: &mut Simulator<'_, M>, row: &str, label: &str) -> Result<Rectangle, Error> {
    let line = scroll_to(ui, row);
    ui.find(|candidate: Candidate<'_>| match candidate {
        Candidate::Text {
            content,
            visible_bounds: Some(bounds),
            ..
        } if content == label
            && bounds.y < line.y + line.height
            && line.y < bounds.y + bounds.height =>
        {
            Some(bounds)
        }
        _ => None,
    })
}

/// Clicks the text `label` (a "Sửa", a "Xóa") on the line that shows `row`, and applies what
/// that did.
pub fn click_row(app: &mut App, row: &str, label: &str) {
    interact(app, |ui| click_in_row(ui, row, label));
}

/// Clicks the text `label` (a "Sửa", a "Xóa") on the line that shows `row`.
pub fn click_in_row<M>(ui: &mut Simulator<'_, M>, row: &str, label: &str) -> Result<(), Error> {
    let target = in_row(ui, row, label)?;
    click_at(ui, target.center());
    Ok(())
}

/// Opens the pick list labelled `label` (in a form's row, beside the field `beside`) and clicks
/// its option number `index` of `count`, as a person does. The list draws its options itself
/// (no text to find), so they are where iced puts them: one line of the default text size and
/// the list's padding (8 above and below) each, below the list, or above it when there is more
/// room there.
pub fn pick<M>(
    ui: &mut Simulator<'_, M>,
    label: &str,
    beside: &str,
    index: usize,
    count: usize,
) -> Result<(), Error> {
    let field = reveal(ui, beside, |ui| visible_field(ui, beside));
    // The label stands right above the list, whose top is the field's top.
    let label = ui.find(|candidate: Candidate<'_>| match candidate {
        Candidate::Text {
            content,
            visible_bounds: Some(bounds),
            ..
        } if content == label && (bounds.y + bounds.height - field.y).abs() < 8.0 => Some(bounds),
        _ => None,
    })?;
    let line = ngayhoi::gui::theme::TEXT_SIZE * 1.3 + 16.0;
    let x = label.x + 20.0;
    click_at(ui, Point::new(x, field.y + line / 2.0));
    let below = gui::WINDOW_SIZE.height - (field.y + line) > field.y;
    let first = if below {
        field.y + line
    } else {
        field.y - line * count as f32
    };
    let option = Point::new(x, first + line * (index as f32 + 0.5));
    ui.point_at(option);
    let _ = ui.simulate([iced::Event::Mouse(iced::mouse::Event::CursorMoved {
        position: option,
    })]);
    let _ = ui.simulate(iced_test::simulator::click());
    Ok(())
}

/// Ctrl and `key` ("p" for Ctrl+P), as the window hands the shortcut to the app.
pub fn ctrl_key(app: &mut App, key: &str) {
    let shortcut = gui::app::shortcut(ctrl(key))
        .unwrap_or_else(|| panic!("Ctrl+{} is a shortcut", key.to_uppercase()));
    send(app, shortcut);
}

/// Ctrl+Z, as the window hands it to the app.
pub fn undo(app: &mut App) {
    ctrl_key(app, "z");
}

/// Another process (the command line) writes to the file; the window notices it at its next
/// poll. The poll is a subscription's tick, which no click sends: it is sent as the tick would.
pub fn outside(app: &mut App, path: &Path, write: impl FnOnce(&mut Store)) {
    let mut store = reopen(path);
    write(&mut store);
    drop(store);
    send(app, Message::Poll);
}

/// What an interaction asks of the app, not applied: for a button that opens one of the
/// system's file dialogs, which cannot be answered headless. The test checks the button asked
/// for the dialog, then sends the dialog's answer as the dialog would.
pub fn asked(
    app: &App,
    act: impl FnOnce(&mut Simulator<'_, Message>) -> Result<(), Error>,
) -> Vec<Message> {
    let mut ui = simulator(app);
    act(&mut ui).expect("the interaction succeeds");
    produced(ui)
}

/// True if the line that shows `row` also shows the text `wanted` (a section's status).
pub fn shows_in_row(app: &App, row: &str, wanted: &str) -> bool {
    in_row(&mut simulator(app), row, wanted).is_ok()
}

/// Clicks `button`, which opens one of the system's file dialogs: checks that the click is
/// the one `asks` expects and that the app, given it, asks for a dialog; then sends the dialog's
/// `answer` as the dialog would. A system dialog cannot be answered headless, so the task that
/// would open it is never run; everything before and after it is the app's own.
pub fn through_dialog(
    app: &mut App,
    button: &str,
    asks: impl Fn(&Message) -> bool,
    answer: impl Into<Message>,
) {
    let clicked = asked(app, |ui| {
        scroll_to(ui, button);
        ui.click(button).map(drop)
    });
    let [message] = <[Message; 1]>::try_from(clicked)
        .unwrap_or_else(|clicked| panic!("“{button}” gives one message: {clicked:?}"));
    assert!(
        asks(&message),
        "“{button}” asks for the file dialog: {message:?}"
    );
    let dialog = app.update(message);
    assert!(dialog.units() > 0, "“{button}” opens the dialog");
    drop(dialog);
    send(app, answer);
}

/// "Nhập danh sách…" on "Khen thưởng", the file dialog answered with `file`.
pub fn import_recipients(app: &mut App, file: &Path) {
    use ngayhoi::gui::screen::honors::Message as Honors;
    use ngayhoi::gui::workspace::Message as Ws;
    through_dialog(
        app,
        "Nhập danh sách…",
        |m| matches!(m, Message::Workspace(Ws::Honors(Honors::Import))),
        Ws::Honors(Honors::ImportFile(Some(file.to_path_buf()))),
    );
}

/// "Nhập danh sách hộ…" on "Thăm hỏi", the file dialog answered with `file`.
pub fn import_households(app: &mut App, file: &Path) {
    use ngayhoi::gui::screen::visits::{ImportList, Message as Visits};
    use ngayhoi::gui::workspace::Message as Ws;
    through_dialog(
        app,
        "Nhập danh sách hộ…",
        |m| {
            matches!(
                m,
                Message::Workspace(Ws::Visits(Visits::Import(ImportList::Households)))
            )
        },
        Ws::Visits(Visits::ImportFile(
            ImportList::Households,
            Some(file.to_path_buf()),
        )),
    );
}
