//! The application: which phase the window is in (cannot open / welcome / workspace), the
//! keyboard shortcuts, and the writer that runs storage jobs in order.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::NaiveDate;
use iced::{Element, Subscription, Task, keyboard};

use super::data::{Db, Done, Job, Outcome, Snapshot, Writer};
use super::opening::{self, Loaded, Loading};
use super::screen::failure::{self, Failure};
use super::screen::unlock::{self, Unlock};
use super::screen::welcome::{self, Welcome};
use super::screen::{certificates, settings};
pub use super::shortcut::Shortcut;
use super::widget;
pub use super::workspace::Section;
use super::workspace::{self, Workspace};
use crate::storage::{Password, Store, StoreError, WindowLock};

/// How often the window asks whether another process (the command line) changed the file.
pub const POLL: Duration = Duration::from_secs(1);

pub struct App {
    db_path: PathBuf,
    /// The day overdue steps are measured against (fixed in tests).
    today: NaiveDate,
    phase: Phase,
    writer: Writer,
    /// This window's hold on the data file: a second window on it is refused.
    lock: Option<WindowLock>,
    /// The password typed on the unlock screen, for opening the file again ("Thử lại").
    password: Option<Password>,
    /// `PRAGMA data_version` when the window last read the file; another value means another
    /// process wrote to it since.
    seen_version: Option<i64>,
}

#[allow(clippy::large_enum_variant)]
enum Phase {
    Failed(Failure),
    /// The file has a password: it is asked for before anything is read.
    Locked(Unlock),
    Welcome {
        db: Db,
        screen: Welcome,
    },
    Ready(Workspace),
}

#[derive(Debug, Clone)]
pub enum Message {
    Failure(failure::Message),
    Unlock(unlock::Message),
    /// The file opened off the UI thread with the password typed ([`App::unlock`]).
    Unlocked(Arc<Loading>),
    Welcome(welcome::Message),
    Workspace(workspace::Message),
    Written(Box<Outcome>),
    Shortcut(Shortcut),
    /// Time to look whether another process changed the file ([`POLL`]).
    Poll,
    /// The file's `data_version` just read (`None`: could not be read now).
    Polled(Option<i64>),
    /// A task has finished: nothing to do but draw the window again (see [`App::update`]).
    Finished,
    /// An input method committed Tab as text ([`committed_tab`]).
    TabCommitted,
}

/// The workspace's messages are the app's (tests and the window send them as such).
impl From<workspace::Message> for Message {
    fn from(message: workspace::Message) -> Message {
        Message::Workspace(message)
    }
}

impl App {
    /// Opens the data file; a file that cannot be opened gives the failure screen.
    pub fn boot(db_path: PathBuf, today: NaiveDate) -> App {
        let opened = open(&db_path, today, None);
        App {
            phase: opened.phase,
            db_path,
            today,
            writer: Writer::default(),
            lock: opened.lock,
            password: None,
            seen_version: opened.version,
        }
    }

    /// The password field has the keyboard when the file asks for its password: she types
    /// it at once, at the start and after each wrong try.
    pub fn focus(&self) -> Task<Message> {
        match &self.phase {
            Phase::Locked(_) => iced::widget::operation::focus(unlock::FIELD),
            _ => Task::none(),
        }
    }

    /// Opens `self.db_path` again (after "Thử lại", another file, a backup put in place),
    /// letting go of this window's lock on the file first.
    fn reopen(&mut self) {
        self.lock = None;
        let opened = open(&self.db_path, self.today, self.password.as_ref());
        self.phase = opened.phase;
        self.lock = opened.lock;
        self.seen_version = opened.version;
    }

    /// Asks, off the UI thread (a writer of another process may hold the file for a moment),
    /// whether another process (the command line, a restore from it) changed the file.
    fn poll(&mut self) -> Task<Message> {
        let Phase::Ready(ws) = &self.phase else {
            return Task::none();
        };
        if self.writer.is_saving() || self.writer.stalled().is_some() {
            return Task::none();
        }
        let db = Arc::clone(&ws.db);
        Task::perform(
            async move {
                let store = db.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                store.data_version().ok()
            },
            Message::Polled,
        )
    }

    /// If the file changed, the data is read again through the writer, after every edit
    /// queued before.
    fn polled(&mut self, version: Option<i64>) -> Task<Message> {
        let Phase::Ready(ws) = &self.phase else {
            return Task::none();
        };
        let Some(version) = version else {
            return Task::none();
        };
        if self.seen_version == Some(version) {
            return Task::none();
        }
        self.seen_version = Some(version);
        let year = Some(ws.data.plan.event.year);
        let job: Job = Box::new(|_| {
            Ok(Done {
                external: true,
                ..Done::default()
            })
        });
        self.writer.push(&ws.db, year, job, written_message)
    }

    pub fn title(&self) -> String {
        const NAME: &str = "Ngày hội Toàn dân bảo vệ ANTQ";
        match &self.phase {
            Phase::Ready(ws) => {
                format!(
                    "{NAME} — {}, năm {}",
                    ws.data.unit.name, ws.data.plan.event.year
                )
            }
            _ => NAME.to_string(),
        }
    }

    pub fn subscription(&self) -> Subscription<Message> {
        Subscription::batch([
            keyboard::listen().filter_map(shortcut),
            iced::event::listen_with(committed_tab),
            Subscription::run(poll_ticks),
        ])
    }

    pub fn update(&mut self, message: Message) -> Task<Message> {
        let task = self.handle(message);
        // iced 0.14 applies a widget operation a task sends (the focus given to a form's first
        // field) without drawing the window again, and a text field asks for the input method
        // only when drawn: the keys typed after Ctrl+N went past IBus and Fcitx until some
        // other event ("Traafn" for "Trần"). A message once the task is done draws it again.
        if task.units() > 0 {
            task.chain(Task::done(Message::Finished))
        } else {
            task
        }
    }

    fn handle(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Finished => Task::none(),
            Message::Written(outcome) => self.written(*outcome),
            Message::Poll => self.poll(),
            Message::Polled(version) => self.polled(version),
            // The field Tab lands in has its text selected, so that typing replaces it (a
            // rank "4" typed over does not become "41").
            Message::Shortcut(Shortcut::NextField) => {
                iced::widget::operation::focus_next().chain(widget::select_text())
            }
            Message::TabCommitted => {
                Task::future(widget::settled()).map(|()| Message::Shortcut(Shortcut::NextField))
            }
            Message::Shortcut(Shortcut::PreviousField) => {
                iced::widget::operation::focus_previous().chain(widget::select_text())
            }
            Message::Failure(message) => {
                let Phase::Failed(screen) = &mut self.phase else {
                    return Task::none();
                };
                let (task, event) = screen.update(message);
                match event {
                    Some(failure::Event::Retry) => self.reopen(),
                    Some(failure::Event::Open(path)) => self.open_other(path),
                    Some(failure::Event::RestoreLatest(backup)) => self.restore_latest(&backup),
                    None => {}
                }
                Task::batch([task.map(Message::Failure), self.focus()])
            }
            Message::Unlock(message) => {
                let Phase::Locked(screen) = &mut self.phase else {
                    return Task::none();
                };
                let (task, event) = screen.update(message);
                match event {
                    Some(unlock::Event::Unlock(password)) => {
                        return Task::batch([task.map(Message::Unlock), self.unlock(password)]);
                    }
                    Some(unlock::Event::Open(path)) => self.open_other(path),
                    None => return task.map(Message::Unlock),
                }
                Task::batch([task.map(Message::Unlock), self.focus()])
            }
            Message::Unlocked(loading) => {
                self.unlocked(&loading);
                self.focus()
            }
            Message::Welcome(message) => {
                let Phase::Welcome { db, screen } = &mut self.phase else {
                    return Task::none();
                };
                let (task, event) = screen.update(message);
                let db = Arc::clone(db);
                let job: Option<Job> = match event {
                    Some(welcome::Event::Create(setup)) => {
                        Some(Box::new(move |store: &mut Store| {
                            let (unit, event) = &*setup;
                            let event = store.initialize(unit, event)?;
                            Ok(Done {
                                year: Some(event.year),
                                ..Done::default()
                            })
                        }))
                    }
                    Some(welcome::Event::UseDemo) => Some(Box::new(|store: &mut Store| {
                        store.fill_demo(&crate::demo::build())?;
                        Ok(Done {
                            year: Some(crate::demo::DEMO_YEAR),
                            ..Done::default()
                        })
                    })),
                    Some(welcome::Event::UseProvinceDemo) => Some(Box::new(|store: &mut Store| {
                        crate::province_demo::fill(store)
                            .map_err(crate::storage::StoreError::Other)?;
                        Ok(Done {
                            year: Some(crate::demo::DEMO_YEAR),
                            ..Done::default()
                        })
                    })),
                    None => None,
                };
                let write = job.map(|job| self.writer.push(&db, None, job, written_message));
                Task::batch([task.map(Message::Welcome), write.unwrap_or_else(Task::none)])
            }
            Message::Shortcut(shortcut) => {
                self.update(Message::Workspace(workspace::Message::Shortcut(shortcut)))
            }
            Message::Workspace(message) => {
                let Phase::Ready(ws) = &mut self.phase else {
                    return Task::none();
                };
                let busy = self.writer.is_saving() || self.writer.stalled().is_some();
                let (task, event) = ws.update(message, busy);
                let task = task.map(Message::Workspace);
                let year = Some(ws.data.plan.event.year);
                let write = match event {
                    Some(workspace::Event::Write(job)) => {
                        self.writer.push(&ws.db, year, job, written_message)
                    }
                    Some(workspace::Event::RetrySave) => {
                        self.writer.retry(&ws.db, year, written_message)
                    }
                    None => return task,
                };
                Task::batch([task, write])
            }
        }
    }

    /// Opens another data file, asking for its own password if it has one.
    fn open_other(&mut self, path: PathBuf) {
        self.db_path = path;
        self.password = None;
        self.reopen();
    }

    /// Tries the password typed on the unlock screen, off the UI thread: deriving its key takes
    /// a moment, during which the screen says the file is being opened. The window keeps its
    /// hold on the file meanwhile.
    fn unlock(&mut self, password: Password) -> Task<Message> {
        let Phase::Locked(screen) = &mut self.phase else {
            return Task::none();
        };
        screen.opening = true;
        self.password = Some(password.clone());
        let path = self.db_path.clone();
        Task::perform(
            async move {
                let loaded = opening::load(&path, Some(&password));
                Arc::new(Loading::new(path, loaded))
            },
            Message::Unlocked,
        )
    }

    /// The file opened with the password tried, or the password was wrong: then the screen
    /// says why and counts the try, and nothing was written to the file.
    fn unlocked(&mut self, loading: &Loading) {
        let Phase::Locked(before) = &self.phase else {
            return;
        };
        let Some(loaded) = loading.take(&self.db_path).filter(|_| before.opening) else {
            return;
        };
        let mut screen = before.clone();
        screen.opening = false;
        let (phase, version) = phase_of(&self.db_path, self.today, loaded);
        if let Phase::Locked(now) = phase {
            screen.refused(now.reason.unwrap_or_default());
            self.phase = Phase::Locked(screen);
            self.password = None;
        } else {
            self.phase = phase;
            self.seen_version = version;
        }
    }

    /// Puts the backup in place of the file that cannot be opened (kept aside), then opens it.
    fn restore_latest(&mut self, backup: &Path) {
        let password = self.password.as_ref();
        match crate::storage::replace_unusable(&self.db_path, backup, password) {
            Ok(recovered) => {
                self.reopen();
                if let Phase::Ready(ws) = &mut self.phase {
                    let mut notice = format!(
                        "Đã mở bản sao lưu lúc {}: {}.",
                        recovered.info.taken_at_text(),
                        recovered.info.summary()
                    );
                    if let Some(aside) = recovered.set_aside {
                        notice.push_str(&format!(
                            " Tệp không mở được được giữ nguyên ở {}.",
                            aside.display()
                        ));
                    }
                    ws.notice = Some(notice);
                }
            }
            Err(e) => {
                if let Phase::Failed(screen) = &mut self.phase {
                    screen.reason = format!("Chưa mở được bản sao lưu: {e}");
                }
            }
        }
    }

    fn written(&mut self, outcome: Outcome) -> Task<Message> {
        match (&mut self.phase, outcome) {
            (Phase::Welcome { db, screen }, result) => {
                let db = Arc::clone(db);
                match result {
                    Ok((Some(data), _)) => {
                        self.phase = Phase::Ready(Workspace::new(db.clone(), data, self.today))
                    }
                    Ok((None, _)) => screen.failed("Chưa lưu được thông tin đơn vị.".into()),
                    Err(message) => screen.failed(message),
                }
                let next = self.writer.finished(&db, None, written_message);
                if self.writer.stalled().is_none() {
                    return next;
                }
                // The form stays filled in: pressing its button again is the retry.
                self.writer.give_up();
                self.writer.finished(&db, None, written_message)
            }
            (Phase::Ready(ws), result) => {
                match result {
                    Ok((Some(data), done)) if done.external => {
                        let changed = data != ws.data;
                        ws.refreshed(data, done);
                        // Every edit of this window was saved before the reload: the
                        // settings form may start again from what the file holds now.
                        if changed && !self.writer.has_queued() {
                            ws.settings = settings::Settings::new(&ws.data);
                        }
                        if changed {
                            ws.notice = Some(
                                "Tệp dữ liệu vừa được thay đổi bên ngoài cửa sổ này (từ dòng lệnh hoặc chương trình khác); màn hình đã cập nhật theo nội dung mới của tệp.".into(),
                            );
                        }
                    }
                    Ok((Some(data), done)) => ws.refreshed(data, done),
                    Ok((None, _)) => {}
                    Err(message) => ws.error = Some(message),
                }
                let year = Some(ws.data.plan.event.year);
                self.writer.finished(&ws.db, year, written_message)
            }
            (Phase::Failed(_) | Phase::Locked(_), _) => Task::none(),
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        match &self.phase {
            Phase::Failed(screen) => screen.view().map(Message::Failure),
            Phase::Locked(screen) => screen.view().map(Message::Unlock),
            Phase::Welcome { screen, .. } => screen.view().map(Message::Welcome),
            Phase::Ready(ws) => ws
                .view(self.today, self.writer.is_saving(), self.writer.stalled())
                .map(Message::Workspace),
        }
    }

    /// True while changes are on their way to the file.
    pub fn is_saving(&self) -> bool {
        self.writer.is_saving()
    }

    /// The workspace's data, for tests and the title.
    pub fn snapshot(&self) -> Option<&Snapshot> {
        match &self.phase {
            Phase::Ready(ws) => Some(&ws.data),
            _ => None,
        }
    }

    /// The certificates screen, for tests of its preview.
    pub fn certificates(&self) -> Option<&certificates::Certificates> {
        match &self.phase {
            Phase::Ready(ws) => Some(&ws.certificates),
            _ => None,
        }
    }

    /// The report screen, for tests of what its text editors hold (an editor's content is not
    /// text a test can find on screen).
    pub fn report(&self) -> Option<&super::screen::report::Report> {
        match &self.phase {
            Phase::Ready(ws) => Some(ws.report()),
            _ => None,
        }
    }

    pub fn section(&self) -> Option<Section> {
        match &self.phase {
            Phase::Ready(ws) => Some(ws.section),
            _ => None,
        }
    }

    /// The sentence shown on the failure screen, or under the welcome form.
    pub fn problem(&self) -> Option<String> {
        match &self.phase {
            Phase::Failed(screen) => Some(screen.reason.clone()),
            Phase::Locked(screen) => screen.reason.clone(),
            Phase::Welcome { screen, .. } => screen.error.clone(),
            Phase::Ready(ws) => ws.error.clone().or_else(|| ws.settings.error.clone()),
        }
    }
}

/// What opening the data file gave the window.
struct Opened {
    phase: Phase,
    lock: Option<WindowLock>,
    version: Option<i64>,
}

fn open(path: &Path, today: NaiveDate, password: Option<&Password>) -> Opened {
    let lock = match WindowLock::acquire(path) {
        Ok(lock) => lock,
        Err(e) => {
            return Opened {
                phase: Phase::Failed(Failure::new(path, &e)),
                lock: None,
                version: None,
            };
        }
    };
    let (phase, version) = phase_of(path, today, opening::load(path, password));
    Opened {
        phase,
        lock: Some(lock),
        version,
    }
}

/// Ticks every [`POLL`] from a thread of its own (the thread-pool executor has no timer).
fn poll_ticks() -> impl iced::futures::Stream<Item = Message> {
    use iced::futures::StreamExt;
    let (mut tx, rx) = iced::futures::channel::mpsc::channel(1);
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(POLL);
            if let Err(e) = tx.try_send(())
                && e.is_disconnected()
            {
                break;
            }
        }
    });
    rx.map(|()| Message::Poll)
}

/// The phase a load of the file at `path` leads to, and the file's `data_version`.
fn phase_of(
    path: &Path,
    today: NaiveDate,
    loaded: Result<Loaded, StoreError>,
) -> (Phase, Option<i64>) {
    let failed = |e: StoreError| (Phase::Failed(Failure::new(path, &e)), None);
    let loaded = match loaded {
        Ok(loaded) => loaded,
        Err(StoreError::NeedsPassword(_)) => return (Phase::Locked(Unlock::new(path)), None),
        Err(e @ StoreError::WrongPassword(_)) => {
            let mut screen = Unlock::new(path);
            screen.reason = Some(e.to_string());
            return (Phase::Locked(screen), None);
        }
        Err(e) => return failed(e),
    };
    let db: Db = Arc::new(Mutex::new(loaded.store));
    let phase = match loaded.data {
        Ok(Some(data)) => {
            let mut workspace = Workspace::new(db, data, today);
            workspace.error = loaded
                .backup
                .map(|e| format!("Chưa tạo được bản sao lưu khi mở ứng dụng: {e}"));
            Phase::Ready(workspace)
        }
        Ok(None) => Phase::Welcome {
            db,
            screen: Welcome::new(today),
        },
        Err(e) => return failed(e),
    };
    (phase, loaded.version)
}

/// The message a key press gives, if it is one of the app's shortcuts
/// ([`super::shortcut::from_key`]).
pub fn shortcut(event: keyboard::Event) -> Option<Message> {
    super::shortcut::from_key(event).map(Message::Shortcut)
}

/// IBus, through XIM, commits Tab pressed inside a word as "\t" *before* the word, as it does
/// Enter, and the key itself never arrives: the field moves on a moment later
/// ([`widget::SETTLE`]), once the word is in the field it was typed in. The field drops the
/// "\t" (`widget::on_enter`).
pub fn committed_tab(
    event: iced::Event,
    _: iced::event::Status,
    _: iced::window::Id,
) -> Option<Message> {
    match event {
        iced::Event::InputMethod(iced::advanced::input_method::Event::Commit(text))
            if text.contains('\t') =>
        {
            Some(Message::TabCommitted)
        }
        _ => None,
    }
}

fn written_message(outcome: Outcome) -> Message {
    Message::Written(Box::new(outcome))
}
