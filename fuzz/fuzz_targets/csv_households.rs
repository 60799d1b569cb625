//! Any bytes as a CSV file of households: no panic; an error for the file, or every row accepted
//! or rejected with its number.
#![no_main]

#[path = "../../tests/support/import_checks.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use ngayhoi::import::read_bytes;

fuzz_target!(|data: &[u8]| {
    if let Ok(sheet) = read_bytes(data.to_vec(), "csv") {
        common::check_sheet(&sheet);
        common::households(&sheet);
    }
});
