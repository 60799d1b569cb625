//! Running the `ngayhoi` binary, for the tests of the command line and of the papers it
//! writes.

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
