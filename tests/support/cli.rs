//! Running the `ngayhoi` binary and the poppler tools, for the tests of the command line and
//! of the papers it writes.

#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

/// `ngayhoi ARGS`, run to the end.
pub fn ngayhoi(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ngayhoi"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// `ngayhoi --db DB ARGS`, run to the end.
pub fn ngayhoi_on(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ngayhoi"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("the binary runs")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// What a poppler tool (pdftotext, pdffonts, pdfinfo) prints; the test fails with the tool's
/// own message when it cannot run or fails.
pub fn tool(name: &str, args: &[&str]) -> String {
    let output = Command::new(name).args(args).output().unwrap_or_else(|e| {
        panic!("{name} is needed (Debian package poppler-utils, installed by .ci/run): {e}")
    });
    assert!(
        output.status.success(),
        "{name} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}
