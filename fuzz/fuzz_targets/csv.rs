//! Any bytes as a CSV file: no panic; an error for the file, or a clean sheet whose every row
//! each importer (households, visits, recipients) accepts or rejects with its number.
#![no_main]

#[path = "../../tests/support/import_checks.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use ngayhoi::import::read_bytes;

fuzz_target!(|data: &[u8]| {
    if let Ok(sheet) = read_bytes(data.to_vec(), "csv") {
        common::check_sheet(&sheet);
        common::households(&sheet);
        common::visits(&sheet);
        common::recipients(&sheet);
    }
});
