//! "Nothing is ever lost", proved by force: the real binary imports tens of thousands of rows
//! and is killed with SIGKILL at chosen moments, again and again, on the same file. After every
//! kill the file passes `PRAGMA integrity_check` and `foreign_key_check`, holds either all of the
//! import or none of it, opens with `Store::open`, and the backups folder stays bounded.
//!
//! Moments are chosen so that each phase is hit, not hoped for:
//! - a calibration run measures how long an import takes (`total`) and when its copy
//!   (`…-truoc-nhap.sqlite3`, taken just before the write transaction) appears;
//! - stratified rounds: round `i` of `n` kills at `1.2 × total × (i + u) / n`, `u` drawn from a
//!   small PRNG seeded with the round, so the kills sweep from "still reading the file" to
//!   "already finished" (the last strata are past the end of the import);
//! - targeted rounds wait for the copy to appear, then kill part-way through the time the
//!   calibration spent between the copy and the exit (the write transaction), until one of them
//!   is seen holding the write lock (at most [`TARGETED`] tries).
//!
//! The CPU is shared and timings drift, so a phase is classified by what is seen on disk, not by
//! the delay: "none, no copy" (killed while reading), "none, copy taken" (killed after the copy,
//! before the commit), "none, mid-transaction" (the write lock was seen held and the kill left a
//! hot `-journal` holding at least one original page: uncommitted pages were in the data file
//! when the process died, and the next open rolls them back), "all". The test asserts that
//! every phase was seen. A failure prints the round and its seed; `NGAYHOI_CRASH_SEED` changes
//! the seeds.
//!
//! "All or none" is checked by content: after every kill the file holds, table by table and
//! value by value, either exactly the demo file or exactly what the uninterrupted calibration
//! import left. The backups folder holds exactly as many automatic copies as the rotation keeps.
//! The whole test has a hard time limit ([`LIMIT`]) and every wait a deadline.
#![cfg(unix)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use ngayhoi::storage::backup::{KEEP_NEWEST, PARTIAL};
use ngayhoi::storage::{Store, inspect};
use rusqlite::Connection;

#[path = "support/contents.rs"]
mod contents;
use contents::{Contents, column, contents};

const HOUSEHOLDS: usize = 20_000;
const VISITS: usize = 12_000;
/// Stratified rounds per kind of import.
const ROUNDS: usize = 8;
/// At most this many targeted rounds per kind to see a kill inside the write transaction.
const TARGETED: usize = 6;
/// The whole test ends by then, passed or failed (a watchdog ends the process).
const LIMIT: Duration = Duration::from_secs(20 * 60);
/// No single run of the binary may take longer.
const RUN_LIMIT: Duration = Duration::from_secs(180);
/// A journal longer than this holds at least one page besides its header (the header takes
/// one sector, at most 4,096 bytes; a page record takes a page and 8 bytes).
const JOURNAL_HEADER_MAX: u64 = 4096;

/// splitmix64: small, deterministic, good enough to spread delays.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn base_seed() -> u64 {
    std::env::var("NGAYHOI_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x6e67_6179_686f_6931)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Households,
    Visits,
}

impl Kind {
    fn arg(self) -> &'static str {
        match self {
            Kind::Households => "households",
            Kind::Visits => "visits",
        }
    }

    /// (households, visits) a complete import adds.
    fn adds(self) -> (i64, i64) {
        match self {
            Kind::Households => (HOUSEHOLDS as i64, 0),
            // Every row names a household not stored yet: both tables grow in one transaction.
            Kind::Visits => (VISITS as i64, VISITS as i64),
        }
    }
}

fn households_csv() -> String {
    let families = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi"];
    let middle = ["Văn", "Thị", "Ngọc", "Minh", "Hữu"];
    let given = ["An", "Bình", "Cường", "Dũng", "Hằng", "Lan", "Mai", "Tư"];
    let categories = ["Hộ nghèo", "Hộ cận nghèo", "Thương binh", "Khác"];
    let mut out = String::from("STT,Họ và tên,Năm sinh,Địa chỉ,Diện\r\n");
    for i in 0..HOUSEHOLDS {
        out.push_str(&format!(
            "{},{} {} {} {i},{},Tổ {} Khu phố {},{}\r\n",
            i + 1,
            families[i % 8],
            middle[i % 5],
            given[i / 8 % 8],
            1930 + i % 80,
            i % 40,
            i % 7,
            categories[i % 4]
        ));
    }
    out
}

fn visits_csv() -> String {
    let mut out = String::from("STT;Họ và tên;Địa chỉ;Ngày thăm;Quà tặng;Giá trị (đồng)\r\n");
    for i in 0..VISITS {
        out.push_str(&format!(
            "{};Đỗ Thị Khách {i};Ấp {};{:02}/08/2026;Quà Tết;{}.000\r\n",
            i + 1,
            i % 30,
            i % 28 + 1,
            200 + i % 5 * 100
        ));
    }
    out
}

fn ngayhoi(db: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ngayhoi"));
    command
        .arg("--db")
        .arg(db)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

fn spawn_import(db: &Path, kind: Kind, file: &Path) -> Child {
    ngayhoi(db)
        .args(["import", kind.arg()])
        .arg(file)
        .spawn()
        .expect("the binary starts")
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

fn backups_dir(db: &Path) -> PathBuf {
    ngayhoi::storage::paths::backups_dir(db)
}

/// Names of the copies taken before an import.
fn import_copies(db: &Path) -> BTreeSet<String> {
    std::fs::read_dir(backups_dir(db))
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|name| name.contains("truoc-nhap"))
                .collect()
        })
        .unwrap_or_default()
}

/// Waits for `child`, killing it and failing the test if it takes longer than [`RUN_LIMIT`].
fn wait_with_deadline(child: &mut Child, what: &str) -> std::process::ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if start.elapsed() > RUN_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what} did not finish within {RUN_LIMIT:?}");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Integrity and foreign keys checked with SQLite directly (this open rolls back the
/// `-journal` left by a kill mid-transaction), then the (households, visits) counts.
fn check_file(db: &Path, context: &str) -> (i64, i64) {
    let conn = Connection::open(db).unwrap_or_else(|e| panic!("{context}: open: {e}"));
    let integrity: Vec<String> = column(&conn, "PRAGMA integrity_check");
    assert_eq!(integrity, ["ok"], "{context}: integrity_check");
    let broken_keys = conn
        .prepare("PRAGMA foreign_key_check")
        .unwrap()
        .query_map([], |_| Ok(()))
        .unwrap()
        .count();
    assert_eq!(broken_keys, 0, "{context}: foreign_key_check");
    let count = |table: &str| -> i64 {
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    };
    let counts = (count("household"), count("visit"));
    drop(conn);
    // The app itself opens it too, and finds the same rows.
    let store = Store::open(db).unwrap_or_else(|e| panic!("{context}: Store::open: {e}"));
    assert_eq!(
        store.households().unwrap().len() as i64,
        counts.0,
        "{context}"
    );
    counts
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    /// Nothing imported and no copy taken: killed while reading the file.
    NoneBeforeCopy,
    /// Nothing imported, the copy taken, the write lock never seen: killed in the copy or
    /// just before the transaction.
    NoneAfterCopy,
    /// Nothing imported though the import held the write lock: killed inside the write
    /// transaction, before its commit was complete.
    NoneInTransaction,
    All,
}

/// A second connection that asks, without waiting, for the write lock: refused while the import
/// is inside its write transaction (`BEGIN IMMEDIATE`). When it gets the lock it gives it back
/// at once; the import's own `BEGIN IMMEDIATE` waits out that instant (busy timeout).
struct Probe(Connection);

impl Probe {
    fn open(db: &Path) -> Probe {
        let conn = Connection::open(db).unwrap();
        conn.busy_timeout(Duration::ZERO).unwrap();
        Probe(conn)
    }

    fn writer_busy(&self) -> bool {
        match self.0.execute_batch("BEGIN IMMEDIATE; ROLLBACK;") {
            Ok(()) => false,
            Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) => true,
            Err(e) => panic!("probe: {e}"),
        }
    }
}

struct Calibration {
    total: Duration,
    /// When the import took the write lock.
    lock: Duration,
}

/// What a run left: whether the write lock was seen held, how the process ended (`None`:
/// killed), and whether the kill left a hot journal holding original pages.
struct Run {
    lock_seen: bool,
    status: Option<std::process::ExitStatus>,
    hot_journal: bool,
}

/// Runs the import until `kill_at` says when (given the time since the start and whether the
/// write lock has been seen), kills it (a no-op once it has exited) and looks at the journal
/// the kill left, before anything opens the file again.
fn run_and_kill(
    db: &Path,
    kind: Kind,
    file: &Path,
    mut kill_at: impl FnMut(Duration, bool) -> bool,
) -> Run {
    let probe = Probe::open(db);
    let start = Instant::now();
    let mut child = spawn_import(db, kind, file);
    let mut lock_seen = false;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return Run {
                lock_seen,
                status: Some(status),
                hot_journal: false,
            };
        }
        lock_seen |= probe.writer_busy();
        let overdue = start.elapsed() > RUN_LIMIT;
        if kill_at(start.elapsed(), lock_seen) || overdue {
            child.kill().unwrap();
            child.wait().unwrap();
            assert!(!overdue, "{kind:?}: the import ran past {RUN_LIMIT:?}");
            let journal = std::fs::metadata(with_suffix(db, "-journal"));
            return Run {
                lock_seen,
                status: None,
                hot_journal: journal.is_ok_and(|m| m.len() > JOURNAL_HEADER_MAX),
            };
        }
        std::thread::sleep(Duration::from_millis(1));
    }
}

struct Bench {
    db: PathBuf,
    pristine: PathBuf,
    households: PathBuf,
    visits: PathBuf,
    /// What the demo file holds.
    demo: Contents,
    /// What each kind of import, run to the end on the demo file, leaves (from its calibration).
    whole: Vec<(Kind, Contents)>,
    outcomes: Vec<(Kind, Outcome)>,
    /// Every automatic copy ever seen in the backups folder.
    made: BTreeSet<String>,
    /// Copies cut short by a kill (and their journals), seen under their partial names.
    partial_copies: BTreeSet<String>,
}

impl Bench {
    fn file(&self, kind: Kind) -> PathBuf {
        match kind {
            Kind::Households => self.households.clone(),
            Kind::Visits => self.visits.clone(),
        }
    }

    /// One import run to the end, timed, on the demo file; what it leaves is what every later
    /// "all" must hold.
    fn calibrate(&mut self, kind: Kind) -> Calibration {
        let start = Instant::now();
        let mut lock = None;
        let run = run_and_kill(&self.db, kind, &self.file(kind), |elapsed, seen| {
            if seen && lock.is_none() {
                lock = Some(elapsed);
            }
            false
        });
        let total = start.elapsed();
        assert!(
            run.status.unwrap().success(),
            "{kind:?}: the import succeeds"
        );
        let (households, visits) = check_file(&self.db, "calibration");
        let (h, v) = kind.adds();
        let demo = check_file(&self.pristine, "demo");
        assert_eq!((households, visits), (demo.0 + h, demo.1 + v));
        self.whole.push((kind, contents(&self.db)));
        self.check(kind, BTreeSet::new(), &run, "calibration");
        assert_eq!(self.outcomes.pop(), Some((kind, Outcome::All)));
        Calibration {
            total,
            lock: lock.expect("the write lock is seen during a whole import"),
        }
    }

    /// Checks the file after a run and records what it holds.
    fn check(&mut self, kind: Kind, copies: BTreeSet<String>, run: &Run, context: &str) -> Outcome {
        let copied = import_copies(&self.db) != copies;
        let counts = check_file(&self.db, context);
        let now = contents(&self.db);
        let whole = self.whole.iter().find(|(k, _)| *k == kind).map(|(_, c)| c);
        let outcome = if now == self.demo {
            match (copied, run.lock_seen && run.hot_journal) {
                (false, _) => Outcome::NoneBeforeCopy,
                (true, false) => Outcome::NoneAfterCopy,
                (true, true) => Outcome::NoneInTransaction,
            }
        } else if whole == Some(&now) {
            Outcome::All
        } else {
            panic!("{context}: the file holds neither the demo nor the whole import ({counts:?})");
        };
        self.check_backups(outcome, context);
        if outcome == Outcome::All {
            // Back to the demo file, so that every round imports into the same state.
            for suffix in ["-wal", "-shm", "-journal"] {
                let _ = std::fs::remove_file(with_suffix(&self.db, suffix));
            }
            std::fs::copy(&self.pristine, &self.db).unwrap();
        }
        self.outcomes.push((kind, outcome));
        outcome
    }

    /// Every copy in the backups folder is a whole, valid backup; a copy cut short by the kill
    /// only ever has a partial name. The rotation keeps the [`KEEP_NEWEST`] newest automatic
    /// copies (all are of this month): exactly that many once an import has run to the end,
    /// one more at most after a kill between a copy and the rotation that follows it.
    fn check_backups(&mut self, outcome: Outcome, context: &str) {
        let mut kept = 0;
        for entry in std::fs::read_dir(backups_dir(&self.db)).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.ends_with(".sqlite3") {
                kept += 1;
                if let Err(e) = inspect(&path, None) {
                    panic!("{context}: the copy {name} is not a valid backup: {e}");
                }
                self.made.insert(name);
            } else {
                assert!(
                    name.contains(PARTIAL),
                    "{context}: {name} in the backups folder"
                );
                self.partial_copies.insert(name);
            }
        }
        let rotated = self.made.len().min(KEEP_NEWEST);
        if outcome == Outcome::All {
            assert_eq!(kept, rotated, "{context}: copies kept after a whole import");
        } else {
            assert!(
                kept <= rotated + 1,
                "{context}: {kept} copies in the backups folder"
            );
        }
    }

    /// Kills the import `delay` after its start.
    fn round(&mut self, kind: Kind, delay: Duration, context: &str) -> Outcome {
        let copies = import_copies(&self.db);
        let run = run_and_kill(&self.db, kind, &self.file(kind), |elapsed, _| {
            elapsed >= delay
        });
        let outcome = self.check(kind, copies, &run, context);
        eprintln!("{context}: killed at {delay:?}: {outcome:?}");
        outcome
    }

    /// Kills the import `delay` after it took the write lock.
    fn targeted_round(&mut self, kind: Kind, delay: Duration, context: &str) -> Outcome {
        let copies = import_copies(&self.db);
        let mut locked_at = None;
        let run = run_and_kill(&self.db, kind, &self.file(kind), |elapsed, seen| {
            if seen && locked_at.is_none() {
                locked_at = Some(elapsed);
            }
            locked_at.is_some_and(|at| elapsed >= at + delay)
        });
        let outcome = self.check(kind, copies, &run, context);
        eprintln!("{context}: killed {delay:?} after the write lock: {outcome:?}");
        outcome
    }
}

#[test]
fn an_import_killed_at_any_moment_leaves_all_of_it_or_none() {
    let started = Instant::now();
    // A hard limit: a hung child or a wait that never ends fails the test instead of CI.
    std::thread::spawn(|| {
        std::thread::sleep(LIMIT);
        eprintln!("the crash test ran past {LIMIT:?}: stopped");
        std::process::exit(101);
    });
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ngayhoi.sqlite3");
    let mut demo_run = ngayhoi(&db).arg("demo").spawn().unwrap();
    assert!(wait_with_deadline(&mut demo_run, "demo").success());
    assert!(
        !with_suffix(&db, "-wal").exists(),
        "the demo run closed the file"
    );
    let pristine = dir.path().join("demo.sqlite3.orig");
    std::fs::copy(&db, &pristine).unwrap();
    let households = dir.path().join("ho.csv");
    std::fs::write(&households, households_csv()).unwrap();
    let visits = dir.path().join("tham-hoi.csv");
    std::fs::write(&visits, visits_csv()).unwrap();
    check_file(&db, "demo");
    let mut bench = Bench {
        demo: contents(&db),
        db,
        pristine,
        households,
        visits,
        whole: Vec::new(),
        outcomes: Vec::new(),
        made: BTreeSet::new(),
        partial_copies: BTreeSet::new(),
    };

    let seed = base_seed();
    for (k, kind) in [Kind::Households, Kind::Visits].into_iter().enumerate() {
        let calibration = bench.calibrate(kind);
        eprintln!(
            "{kind:?}: the import takes {:?}, its write transaction starts at {:?}",
            calibration.total, calibration.lock
        );
        let span = calibration.total.mul_f64(1.2);
        for i in 0..ROUNDS {
            let round_seed = seed ^ ((k * 100 + i) as u64);
            let u = Rng::new(round_seed).unit();
            let delay = span.mul_f64((i as f64 + u) / ROUNDS as f64);
            bench.round(
                kind,
                delay,
                &format!("{kind:?} round {i} (seed {round_seed})"),
            );
        }
        // The last strata are past the end; should the machine be much slower than during the
        // calibration, one more round is given all the time it needs.
        if !bench.outcomes.contains(&(kind, Outcome::All)) {
            bench.round(kind, span * 10, &format!("{kind:?} late round"));
        }
        // Inside the transaction, unless a stratified round already was.
        let window = calibration.total.saturating_sub(calibration.lock);
        for i in 0..TARGETED {
            if bench.outcomes.contains(&(kind, Outcome::NoneInTransaction)) {
                break;
            }
            let round_seed = seed ^ ((k * 100 + 50 + i) as u64);
            let u = Rng::new(round_seed).unit();
            let delay = window.mul_f64(0.6 * u);
            let context = format!("{kind:?} targeted round {i} (seed {round_seed})");
            bench.targeted_round(kind, delay, &context);
        }
    }

    for kind in [Kind::Households, Kind::Visits] {
        for wanted in [
            Outcome::NoneBeforeCopy,
            Outcome::NoneInTransaction,
            Outcome::All,
        ] {
            assert!(
                bench.outcomes.contains(&(kind, wanted)),
                "{kind:?}: no round ended {wanted:?}: {:?}",
                bench.outcomes
            );
        }
    }
    eprintln!(
        "{} kills in {:?}: {:?}; copies cut short: {:?}",
        bench.outcomes.len(),
        started.elapsed(),
        bench.outcomes,
        bench.partial_copies
    );
}
