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
//! before the commit; with the write lock seen held: mid-transaction, which leaves a hot
//! `-journal` for the next open to roll back), "all". The test asserts that
//! every phase was seen. A failure prints the round and its seed; `NGAYHOI_CRASH_SEED` changes
//! the seeds.
#![cfg(unix)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use ngayhoi::storage::backup::{KEEP_MONTHS, KEEP_NEWEST, PARTIAL};
use ngayhoi::storage::{Store, inspect};
use rusqlite::Connection;

const HOUSEHOLDS: usize = 20_000;
const VISITS: usize = 12_000;
/// Stratified rounds per kind of import.
const ROUNDS: usize = 8;
/// At most this many targeted rounds per kind to see a kill inside the write transaction.
const TARGETED: usize = 6;

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
    db.with_file_name("sao-luu")
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

/// Integrity and foreign keys checked with SQLite directly (this open rolls back the
/// `-journal` left by a kill mid-transaction), then the (households, visits) counts.
fn check_file(db: &Path, context: &str) -> (i64, i64) {
    let conn = Connection::open(db).unwrap_or_else(|e| panic!("{context}: open: {e}"));
    let integrity: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
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

/// Runs the import until `kill_at` says when (given the time since the start and whether the
/// write lock has been seen), kills it (a no-op once it has exited) and tells whether the lock
/// was seen.
fn run_and_kill(
    db: &Path,
    kind: Kind,
    file: &Path,
    mut kill_at: impl FnMut(Duration, bool) -> bool,
) -> (bool, Option<std::process::ExitStatus>) {
    let probe = Probe::open(db);
    let start = Instant::now();
    let mut child = spawn_import(db, kind, file);
    let mut lock_seen = false;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return (lock_seen, Some(status));
        }
        lock_seen |= probe.writer_busy();
        if kill_at(start.elapsed(), lock_seen) {
            child.kill().unwrap();
            child.wait().unwrap();
            return (lock_seen, None);
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
    demo: (i64, i64),
    /// What the file holds now.
    current: (i64, i64),
    outcomes: Vec<(Kind, Outcome)>,
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

    /// One import run to the end, timed, on the demo file.
    fn calibrate(&mut self, kind: Kind) -> Calibration {
        let start = Instant::now();
        let mut lock = None;
        let (_, status) = run_and_kill(&self.db, kind, &self.file(kind), |elapsed, seen| {
            if seen && lock.is_none() {
                lock = Some(elapsed);
            }
            false
        });
        let total = start.elapsed();
        assert!(status.unwrap().success(), "{kind:?}: the import succeeds");
        self.check(kind, BTreeSet::new(), false, "calibration");
        assert_eq!(self.outcomes.pop(), Some((kind, Outcome::All)));
        Calibration {
            total,
            lock: lock.expect("the write lock is seen during a whole import"),
        }
    }

    /// Checks the file after a run and records what it holds.
    fn check(
        &mut self,
        kind: Kind,
        copies: BTreeSet<String>,
        lock_seen: bool,
        context: &str,
    ) -> Outcome {
        let copied = import_copies(&self.db) != copies;
        let before = self.current;
        let after = check_file(&self.db, context);
        let (h, v) = kind.adds();
        let outcome = if after == before {
            match (copied, lock_seen) {
                (false, _) => Outcome::NoneBeforeCopy,
                (true, false) => Outcome::NoneAfterCopy,
                (true, true) => Outcome::NoneInTransaction,
            }
        } else if after == (before.0 + h, before.1 + v) {
            Outcome::All
        } else {
            panic!("{context}: part of the import landed: {before:?} before, {after:?} after");
        };
        self.check_backups(context);
        if outcome == Outcome::All {
            // Back to the demo file, so that every round imports into the same state.
            for suffix in ["-wal", "-shm", "-journal"] {
                let _ = std::fs::remove_file(with_suffix(&self.db, suffix));
            }
            std::fs::copy(&self.pristine, &self.db).unwrap();
            self.current = self.demo;
        }
        self.outcomes.push((kind, outcome));
        outcome
    }

    /// Every copy in the backups folder is a whole, valid backup and there are at most as many
    /// as the rotation keeps; a copy cut short by the kill only ever has a partial name.
    fn check_backups(&mut self, context: &str) {
        let mut kept = 0;
        for entry in std::fs::read_dir(backups_dir(&self.db)).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.ends_with(".sqlite3") {
                kept += 1;
                if let Err(e) = inspect(&path) {
                    panic!("{context}: the copy {name} is not a valid backup: {e}");
                }
            } else {
                assert!(
                    name.contains(PARTIAL),
                    "{context}: {name} in the backups folder"
                );
                self.partial_copies.insert(name);
            }
        }
        assert!(
            kept <= KEEP_NEWEST + KEEP_MONTHS,
            "{context}: {kept} copies in the backups folder"
        );
    }

    /// Kills the import `delay` after its start.
    fn round(&mut self, kind: Kind, delay: Duration, context: &str) -> Outcome {
        let copies = import_copies(&self.db);
        let (seen, _) = run_and_kill(&self.db, kind, &self.file(kind), |elapsed, _| {
            elapsed >= delay
        });
        let outcome = self.check(kind, copies, seen, context);
        eprintln!("{context}: killed at {delay:?}: {outcome:?}");
        outcome
    }

    /// Kills the import `delay` after it took the write lock.
    fn targeted_round(&mut self, kind: Kind, delay: Duration, context: &str) -> Outcome {
        let copies = import_copies(&self.db);
        let mut locked_at = None;
        let (seen, _) = run_and_kill(&self.db, kind, &self.file(kind), |elapsed, seen| {
            if seen && locked_at.is_none() {
                locked_at = Some(elapsed);
            }
            locked_at.is_some_and(|at| elapsed >= at + delay)
        });
        let outcome = self.check(kind, copies, seen, context);
        eprintln!("{context}: killed {delay:?} after the write lock: {outcome:?}");
        outcome
    }
}

#[test]
fn an_import_killed_at_any_moment_leaves_all_of_it_or_none() {
    let started = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ngayhoi.sqlite3");
    assert!(ngayhoi(&db).arg("demo").status().unwrap().success());
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
    let demo = check_file(&db, "demo");
    let mut bench = Bench {
        db,
        pristine,
        households,
        visits,
        demo,
        current: demo,
        outcomes: Vec::new(),
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
