//! Any bytes as an .xlsx/.xls file (zip and OLE containers are recognised by their content):
//! no panic; an error for the file, or a clean sheet whose every row each importer accepts or
//! rejects with its number.
#![no_main]

#[path = "../../tests/support/import_checks.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use ngayhoi::import::read_bytes;

/// Crates of calamine's readers: their panics on damaged files are caught by
/// `import::workbook` and become "damaged"; any other panic is a finding.
const CAUGHT: [&str; 3] = ["/calamine-", "/zip-", "/quick-xml-"];

fuzz_target!(
    init: {
        // libfuzzer-sys aborts on every panic, even a caught one.
        let abort = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let file = info.location().map_or("", |l| l.file());
            if !CAUGHT.iter().any(|c| file.contains(c)) {
                abort(info);
            }
        }));
    },
    |data: &[u8]| {
        if let Ok(sheet) = read_bytes(data.to_vec(), "xlsx") {
            common::check_sheet(&sheet);
            common::households(&sheet);
            common::visits(&sheet);
            common::recipients(&sheet);
        }
    }
);
