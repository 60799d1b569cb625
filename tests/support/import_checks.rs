//! What every importer promises on any input: no panic, and either an error for the whole
//! file or a sheet of clean cells whose every data row is accepted or rejected with its row
//! number and a Vietnamese reason. Shared by tests/import_props.rs and the fuzz targets.

#![allow(dead_code)]

use std::collections::BTreeSet;

use ngayhoi::domain::KnownHouseholds;
use ngayhoi::import::households::Households;
use ngayhoi::import::preview::run;
use ngayhoi::import::recipients::KnownRecipients;
use ngayhoi::import::recipients::Recipients;
use ngayhoi::import::visits::KnownVisits;
use ngayhoi::import::visits::Visits;
use ngayhoi::import::{Preview, Sheet};

/// Clean NFC single-line text in every cell.
pub fn check_sheet(sheet: &Sheet) {
    assert!(!sheet.rows.is_empty());
    for cell in sheet.rows.iter().flatten() {
        assert!(ngayhoi::text::is_nfc(cell), "{cell:?}");
        assert!(!cell.chars().any(char::is_control), "{cell:?}");
        assert_eq!(cell.trim(), cell.as_str());
    }
    let _ = sheet.conversion.notes();
}

/// Each data row is accepted or rejected, once, with a row number of the sheet.
pub fn check_preview<T>(sheet: &Sheet, preview: &Preview<T>) {
    let n = sheet.rows.len();
    let mut seen = BTreeSet::new();
    for row in preview
        .rows
        .iter()
        .map(|p| p.row)
        .chain(preview.errors.iter().map(|e| e.row))
    {
        assert!((1..=n).contains(&row), "row {row} of {n}");
        assert!(
            seen.insert(row),
            "row {row} both accepted and rejected, or twice"
        );
    }
    for message in preview.errors.iter().chain(&preview.warnings) {
        assert!((1..=n).contains(&message.row));
        assert!(!message.reason.trim().is_empty());
    }
    if preview.missing.is_empty() {
        let counts = preview.counts;
        assert_eq!(counts.accepted + counts.rejected, counts.data_rows);
        assert_eq!(counts.accepted, preview.rows.len());
        assert_eq!(counts.rejected, preview.errors.len());
    } else {
        assert!(preview.rows.is_empty() && !preview.can_save());
    }
    let _ = preview.problems();
}

pub fn households(sheet: &Sheet) {
    let preview = run::<Households>(sheet, None, &KnownHouseholds::default());
    check_preview(sheet, &preview);
    for row in &preview.rows {
        assert!(!row.value.name.is_empty());
    }
    // The user remaps a column: the same promises hold.
    let mut mapping = preview.mapping.clone();
    mapping.set(
        ngayhoi::import::Field::Address,
        Some(sheet.width().saturating_sub(1)),
    );
    check_preview(
        sheet,
        &run::<Households>(sheet, Some(&mapping), &KnownHouseholds::default()),
    );
}

pub fn visits(sheet: &Sheet) {
    let preview = run::<Visits>(sheet, None, &KnownVisits::default());
    check_preview(sheet, &preview);
    for row in &preview.rows {
        assert!(!row.value.name.is_empty());
        let _ = row.value.household();
    }
}

pub fn recipients(sheet: &Sheet) {
    check_preview(
        sheet,
        &run::<Recipients>(sheet, None, &KnownRecipients::default()),
    );
}
