//! The secretary's file handling, with the real write queue and the real binary: after
//! "✓ Đã lưu" the data file alone holds everything saved (while the window is open and after
//! it was ended with SIGTERM); one window per file, and an edit made by one process is never
//! lost through another. See docs/reliability.md, promises 1 and 6.

#[path = "support/cli.rs"]
mod cli_support;
mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use cli_support::ok_on;
use common::*;
use iced::Task;
use iced::futures::StreamExt;
use iced_test::runtime::{Action, task};
use ngayhoi::domain::ChecklistItem;
use ngayhoi::gui::data::{Db, Outcome, Writer};
use ngayhoi::gui::screen::{overview, settings};
use ngayhoi::gui::workspace::Message as Ws;
use ngayhoi::gui::{App, Message, Section, jobs};
use ngayhoi::storage::Store;
use rusqlite::Connection;

const OPEN_ELSEWHERE: &str = "đang được mở trong một cửa sổ Ngày hội khác";

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_ngayhoi"))
}

/// Runs a task of the write queue to its end and returns what it reported.
fn run<M: Send + 'static>(first: Task<M>) -> Vec<M> {
    let Some(stream) = task::into_stream(first) else {
        return Vec::new();
    };
    let actions: Vec<Action<M>> = iced::futures::executor::block_on(stream.collect());
    actions
        .into_iter()
        .filter_map(|action| match action {
            Action::Output(message) => Some(message),
            _ => None,
        })
        .collect()
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// Copies the data file alone, as onto a USB stick, and opens the copy.
fn copy_alone(path: &Path, to: &Path) -> Connection {
    std::fs::copy(path, to).unwrap();
    Connection::open(to).unwrap()
}

fn count(conn: &Connection, table: &str) -> i64 {
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_step_saved_through_the_write_queue_is_in_a_copy_of_the_data_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = db(&dir);
    ok_on(&path, &["demo"]);
    let store = Store::open(&path).unwrap();
    let event_id = store.event(2026).unwrap().unwrap().id;
    let db: Db = Arc::new(Mutex::new(store));
    let mut writer = Writer::default();
    let step = ChecklistItem {
        id: 0,
        title: "Mượn loa của nhà văn hóa khu phố 3".into(),
        offset_days: -3,
        done: false,
        note: String::new(),
    };
    let job = jobs::record(event_id, overview::Event::Add(step));
    let outcomes: Vec<Outcome> = run(writer.push(&db, Some(2026), job, |o| o));
    let (snapshot, _) = outcomes[0].clone().expect("saved");
    assert!(run(writer.finished(&db, Some(2026), |o: Outcome| o)).is_empty());
    assert!(!writer.is_saving(), "✓ Đã lưu");
    assert!(
        snapshot
            .unwrap()
            .plan
            .checklist
            .iter()
            .any(|s| s.title.starts_with("Mượn loa"))
    );

    // The connection is still open; only the one file is copied.
    let copy = copy_alone(&path, &dir.path().join("usb.sqlite3"));
    let found: i64 = copy
        .query_row(
            "SELECT count(*) FROM checklist_item WHERE title = 'Mượn loa của nhà văn hóa khu phố 3'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(found, 1, "the copy holds the step");
    for extra in ["-wal", "-journal"] {
        assert!(
            !with_suffix(&path, extra).exists(),
            "{extra} beside the file"
        );
    }
    drop(db);
}

/// Waits for `done`, up to `limit`.
fn wait_for(limit: Duration, mut done: impl FnMut() -> bool) -> bool {
    let started = Instant::now();
    while started.elapsed() < limit {
        if done() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    done()
}

#[test]
fn a_second_start_on_the_same_file_is_refused_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let path = db(&dir);
    let app = demo_app(&dir);
    assert!(app.snapshot().is_some());

    // The same app a second time in this process: refused, nothing read or written.
    let second = App::boot(path.clone(), today());
    assert!(second.snapshot().is_none());
    assert!(second.problem().unwrap().contains(OPEN_ELSEWHERE));
    drop(second);

    // The real program started again (no display here: it says why on the console first).
    let output = bin()
        .arg("--db")
        .arg(&path)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(OPEN_ELSEWHERE), "{stderr}");

    drop(app);
    // Another test of this process may be starting a program at this very moment: the child
    // holds a copy of every descriptor, the lock's too, until it runs its program (a few
    // milliseconds). A second start a moment later is what a secretary does anyway.
    let free = (0..50).any(|_| {
        let again = App::boot(path.clone(), today());
        let ok = again.snapshot().is_some();
        if !ok {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        ok
    });
    assert!(free, "free once the first window closed");
}

/// `field` typed as `text` on the window's settings form; the unit as the file then holds it.
fn edit_setting(
    app: &mut App,
    path: &Path,
    field: settings::Field,
    text: &str,
) -> ngayhoi::domain::Unit {
    send(
        app,
        Ws::Settings(settings::Message::Edited(field, text.into())),
    );
    reopen(path).unit().unwrap().unwrap()
}

#[test]
fn an_edit_in_the_window_never_overwrites_what_the_command_line_wrote() {
    let dir = tempfile::tempdir().unwrap();
    let path = db(&dir);
    let mut app = demo_app(&dir);
    send(&mut app, Ws::Navigate(Section::Settings));
    let before = app.snapshot().unwrap().unit.clone();

    // A backup with another secretary, restored from the command line while the window is open.
    let elsewhere = dir.path().join("khac");
    std::fs::create_dir(&elsewhere).unwrap();
    let backup = elsewhere.join("ban-sao.sqlite3");
    reopen(&path).backup_to(&backup).unwrap();
    {
        let mut store = Store::open(&backup).unwrap();
        let mut unit = store.unit().unwrap().unwrap();
        unit.secretary_name = "Lê Thị Thu".into();
        store.save_unit(&unit).unwrap();
    }
    ok_on(&path, &["restore", backup.to_str().unwrap()]);

    // The window had loaded the unit before: its edit of another field keeps the restored one.
    let unit = edit_setting(&mut app, &path, settings::Field::Head, "Nguyễn Văn Trưởng");
    assert_eq!(unit.head_name, "Nguyễn Văn Trưởng");
    assert_eq!(
        unit.secretary_name, "Lê Thị Thu",
        "the command line's change stays"
    );
    assert_ne!(before.secretary_name, "Lê Thị Thu");

    // The window notices the change on its next look at the file and shows it.
    let import = saved(
        &dir,
        "ho.csv",
        "STT,Họ và tên,Năm sinh,Địa chỉ,Diện\r\n1,Trương Văn Mới,1950,Tổ 9 Khu phố 9,Hộ nghèo\r\n",
    );
    let households = app.snapshot().unwrap().households.roster.len();
    ok_on(&path, &["import", "households", import.to_str().unwrap()]);
    send(&mut app, Message::Poll);
    let data = app.snapshot().unwrap();
    assert_eq!(data.unit.secretary_name, "Lê Thị Thu");
    assert_eq!(data.households.roster.len(), households + 1);
    assert!(shows(&app, "Lê Thị Thu"), "the settings form shows it too");
    // The settings form started again from the file: a later edit keeps everything.
    let unit = edit_setting(&mut app, &path, settings::Field::Symbol, "BCĐ-P");
    assert_eq!(
        (unit.symbol.as_str(), unit.secretary_name.as_str()),
        ("BCĐ-P", "Lê Thị Thu")
    );
}

/// A virtual X screen for the real window; `None` where Xvfb is not installed.
#[cfg(unix)]
struct Xvfb {
    child: std::process::Child,
    display: String,
}

#[cfg(unix)]
impl Xvfb {
    fn start() -> Option<Xvfb> {
        for n in 91..140 {
            let socket = PathBuf::from(format!("/tmp/.X11-unix/X{n}"));
            if socket.exists() || Path::new(&format!("/tmp/.X{n}-lock")).exists() {
                continue;
            }
            let child = Command::new("Xvfb")
                .arg(format!(":{n}"))
                .args(["-screen", "0", "1366x768x24", "-nolisten", "tcp"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .ok()?;
            let mut xvfb = Xvfb {
                child,
                display: format!(":{n}"),
            };
            if wait_for(Duration::from_secs(10), || socket.exists()) {
                return Some(xvfb);
            }
            let _ = xvfb.child.kill();
        }
        None
    }
}

#[cfg(unix)]
impl Drop for Xvfb {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[cfg(unix)]
fn start_copies(path: &Path) -> usize {
    std::fs::read_dir(ngayhoi::storage::paths::backups_dir(path))
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|name| {
                    name.starts_with("ngayhoi-")
                        && name.ends_with(".sqlite3")
                        && !name.contains("truoc-")
                })
                .count()
        })
        .unwrap_or(0)
}

#[cfg(unix)]
fn window(path: &Path, display: &str, stderr: &Path) -> std::process::Child {
    bin()
        .arg("--db")
        .arg(path)
        .env("DISPLAY", display)
        .env_remove("WAYLAND_DISPLAY")
        .env("ICED_BACKEND", "tiny-skia")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(stderr).unwrap())
        .spawn()
        .unwrap()
}

#[cfg(unix)]
#[test]
fn with_the_real_window_open_and_after_sigterm_the_data_file_alone_holds_every_change() {
    // tests/install-tools.sh installs Xvfb: a test that passes without running is no test.
    let xvfb = Xvfb::start().expect("Xvfb is not installed: run sh tests/install-tools.sh");
    let dir = tempfile::tempdir().unwrap();
    let path = db(&dir);
    ok_on(&path, &["demo"]);
    let households = count(&Connection::open(&path).unwrap(), "household");

    // The window opens the file: it holds the window lock and takes its start-up copy.
    let copies = start_copies(&path);
    let mut first = window(&path, &xvfb.display, &dir.path().join("first.txt"));
    let lock = with_suffix(&path, "-lock");
    let pid = first.id().to_string();
    let ready = wait_for(Duration::from_secs(90), || {
        start_copies(&path) > copies
            && std::fs::read_to_string(&lock).is_ok_and(|text| text.trim() == pid)
    });
    assert!(ready, "the window opened the file");

    // A second window on the same file is refused and says so; it takes no copy.
    let second_err = dir.path().join("second.txt");
    let mut second = window(&path, &xvfb.display, &second_err);
    let refused = wait_for(Duration::from_secs(60), || {
        std::fs::read_to_string(&second_err).is_ok_and(|text| text.contains(OPEN_ELSEWHERE))
    });
    let _ = second.kill();
    let _ = second.wait();
    assert!(refused, "the second start says the file is open elsewhere");
    assert_eq!(start_copies(&path), copies + 1);

    // The command line writes while the window holds the file ("Đã nhập").
    let list = saved(
        &dir,
        "ho.csv",
        "STT,Họ và tên,Năm sinh,Địa chỉ,Diện\r\n1,Trương Văn Một,1950,Tổ 9,Hộ nghèo\r\n2,Trương Thị Hai,1952,Tổ 9,Hộ nghèo\r\n3,Trương Văn Ba,1954,Tổ 9,Hộ nghèo\r\n",
    );
    ok_on(&path, &["import", "households", list.to_str().unwrap()]);
    let open_copy = copy_alone(&path, &dir.path().join("usb-open.sqlite3"));
    assert_eq!(count(&open_copy, "household"), households + 3);

    // Ended as at logoff or shutdown.
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    let ended = wait_for(Duration::from_secs(30), || {
        first.try_wait().ok().flatten().is_some()
    });
    if !ended {
        let _ = first.kill();
    }
    let _ = first.wait();
    for extra in ["-wal", "-journal"] {
        assert!(
            !with_suffix(&path, extra).exists(),
            "{extra} beside the file"
        );
    }
    let copy = copy_alone(&path, &dir.path().join("usb.sqlite3"));
    assert_eq!(count(&copy, "household"), households + 3);
    let integrity: String = copy
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
}
