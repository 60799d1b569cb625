//! Properties of the import engine on arbitrary input: the legacy converters, detection, CSV
//! reading and the row parsers never panic, and every data row ends up either accepted or
//! rejected with its number and a reason.

#[path = "support/files.rs"]
mod files;
#[path = "support/import_checks.rs"]
mod import_checks;
#[path = "support/legacy_tables.rs"]
mod legacy_tables;

use ngayhoi::domain::KnownHouseholds;
use ngayhoi::import::households::Households;
use ngayhoi::import::preview::run;
use ngayhoi::import::recipients::KnownRecipients;
use ngayhoi::import::recipients::Recipients;
use ngayhoi::import::visits::KnownVisits;
use ngayhoi::import::visits::Visits;
use ngayhoi::import::{Conversion, Field, Format, Mapping, Sheet, csv_text, read_bytes};
use ngayhoi::text::Legacy;
use ngayhoi::text::legacy::{convert, detect};
use proptest::prelude::*;

const VIETNAMESE: &str =
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ";

fn vietnamese_text() -> impl Strategy<Value = String> {
    let letters: Vec<char> = VIETNAMESE.chars().chain([' ', ',', '5']).collect();
    proptest::collection::vec(proptest::sample::select(letters), 0..40)
        .prop_map(|chars| chars.into_iter().collect())
}

fn sheet_of(rows: Vec<Vec<String>>) -> Option<Sheet> {
    Sheet::from_raw(rows, Conversion::new(Format::Csv)).ok()
}

fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        Just(String::new()),
        "[0-9./ ,đ-]{0,12}",
        vietnamese_text(),
        proptest::sample::select(vec![
            "Họ và tên",
            "Địa chỉ",
            "Diện",
            "Năm sinh",
            "Giá trị",
            "Ngày thăm",
            "Hình thức",
            "Tổng cộng",
            "STT",
            "Hộ nghèo",
            "Giấy khen",
            "Nữ",
            "1950",
            "05/08/2026",
            "500.000",
        ])
        .prop_map(String::from),
    ]
}

fn grid() -> impl Strategy<Value = Vec<Vec<String>>> {
    proptest::collection::vec(proptest::collection::vec(cell(), 0..8), 0..25)
}

proptest! {
    #[test]
    fn converters_never_panic_and_give_nfc(s in any::<String>()) {
        for legacy in Legacy::ALL {
            let out = convert(legacy, &s);
            prop_assert!(ngayhoi::text::is_nfc(&out));
        }
    }

    #[test]
    fn latin1_text_converts_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
        let text: String = bytes.iter().map(|&b| char::from(b)).collect();
        for legacy in Legacy::ALL {
            convert(legacy, &text);
        }
        let _ = detect(std::iter::once(text.as_str()));
    }

    #[test]
    fn legacy_text_comes_back(s in vietnamese_text()) {
        prop_assert_eq!(convert(Legacy::Tcvn3, &legacy_tables::to_tcvn3(&s)), s.clone());
        prop_assert_eq!(convert(Legacy::Vni, &legacy_tables::to_vni(&s)), s);
    }

    #[test]
    fn ascii_and_unicode_vietnamese_are_never_detected(
        ascii in proptest::collection::vec("[ -~]{0,30}", 0..20),
        words in proptest::collection::vec(vietnamese_text(), 0..20),
    ) {
        prop_assert_eq!(detect(ascii.iter().map(String::as_str)), None);
        // Unicode lists always hold some letters no legacy text has.
        let mut cells = words;
        cells.extend(["Nguyễn Văn Đức", "Trương Thị Hằng", "Phạm Ngọc Thạch"].map(String::from));
        cells.extend(cells.clone());
        prop_assert_eq!(detect(cells.iter().map(String::as_str)), None);
    }

    #[test]
    fn csv_bytes_give_rows_or_an_error(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        match csv_text::read(&bytes) {
            Ok(sheet) => {
                for cell in sheet.rows.iter().flatten() {
                    prop_assert!(ngayhoi::text::is_nfc(cell));
                    prop_assert!(!cell.chars().any(char::is_control));
                    prop_assert_eq!(cell.trim(), cell.as_str());
                }
            }
            Err(error) => told_in_vietnamese(&error.to_string()),
        }
    }

    #[test]
    fn every_data_row_is_accepted_or_rejected_with_its_number(rows in grid()) {
        let Some(sheet) = sheet_of(rows) else { return Ok(()) };
        let n = sheet.rows.len();
        let h = run::<Households>(&sheet, None, &KnownHouseholds::default());
        let v = run::<Visits>(&sheet, None, &KnownVisits::default());
        let r = run::<Recipients>(&sheet, None, &KnownRecipients::default());
        for (missing, counts, errors) in [
            (h.missing.is_empty(), h.counts, h.errors.iter().map(|e| (e.row, e.reason.clone())).collect::<Vec<_>>()),
            (v.missing.is_empty(), v.counts, v.errors.iter().map(|e| (e.row, e.reason.clone())).collect()),
            (r.missing.is_empty(), r.counts, r.errors.iter().map(|e| (e.row, e.reason.clone())).collect()),
        ] {
            if missing {
                prop_assert_eq!(counts.accepted + counts.rejected, counts.data_rows);
            }
            for (row, reason) in errors {
                prop_assert!((1..=n).contains(&row));
                prop_assert!(!reason.is_empty());
            }
        }
    }

    #[test]
    fn any_mapping_parses_without_panic(rows in grid(), columns in proptest::collection::vec(0usize..8, 7)) {
        let Some(sheet) = sheet_of(rows) else { return Ok(()) };
        let mut mapping = Mapping::default();
        for (field, col) in [Field::Name, Field::Address, Field::Category, Field::BirthYear, Field::Value, Field::VisitDate, Field::Form].into_iter().zip(columns) {
            mapping.set(field, Some(col));
        }
        let h = run::<Households>(&sheet, Some(&mapping), &KnownHouseholds::default());
        if h.missing.is_empty() {
            prop_assert_eq!(h.counts.accepted + h.counts.rejected, h.counts.data_rows);
        } else {
            prop_assert!(h.rows.is_empty() && !h.can_save());
        }
        for p in &h.rows {
            prop_assert!(!p.value.name.is_empty());
        }
        let _ = run::<Visits>(&sheet, Some(&mapping), &KnownVisits::default());
        let _ = run::<Recipients>(&sheet, Some(&mapping), &KnownRecipients::default());
    }
}

/// Every importer over a sheet read from any file: the promises of `import_checks`.
/// A list read goes through every importer; a list refused must say why in Vietnamese. Either
/// way the case checks something, even when every generated file is refused.
fn read_or_told(read: Result<Sheet, ngayhoi::import::ImportError>) {
    match read {
        Ok(sheet) => every_importer(&sheet),
        Err(error) => told_in_vietnamese(&error.to_string()),
    }
}

/// A sentence with Vietnamese letters that ends as a sentence does.
fn told_in_vietnamese(message: &str) {
    let vietnamese = message
        .chars()
        .any(|c| "ăâđêôơưĂÂĐÊÔƠƯ".contains(c) || ('\u{1EA0}'..='\u{1EF9}').contains(&c));
    assert!(
        vietnamese && message.trim_end().ends_with(['.', ')', '”']),
        "not a reason in Vietnamese: {message:?}"
    );
}

fn every_importer(sheet: &Sheet) {
    import_checks::check_sheet(sheet);
    import_checks::households(sheet);
    import_checks::visits(sheet);
    import_checks::recipients(sheet);
}

/// The bytes of an .xlsx holding `rows` as text (numbers as numbers).
fn xlsx_bytes(rows: &[Vec<String>]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match cell.parse::<f64>() {
                Ok(n) if n.is_finite() => drop(sheet.write_number(r, c, n).unwrap()),
                _ => drop(sheet.write_string(r, c, cell).unwrap()),
            }
        }
    }
    book.save_to_buffer().unwrap()
}

/// A file damaged the ways files are: cut short, bytes overwritten.
#[derive(Debug, Clone)]
struct Damage {
    cut: Option<usize>,
    flips: Vec<(usize, u8)>,
}

fn damage() -> impl Strategy<Value = Damage> {
    (
        proptest::option::of(any::<usize>()),
        proptest::collection::vec((any::<usize>(), any::<u8>()), 0..6),
    )
        .prop_map(|(cut, flips)| Damage { cut, flips })
}

impl Damage {
    fn apply(&self, mut bytes: Vec<u8>) -> Vec<u8> {
        if let Some(cut) = self.cut {
            bytes.truncate(cut % (bytes.len() + 1));
        }
        let len = bytes.len();
        for &(at, value) in &self.flips {
            if len > 0 {
                bytes[at % len] = value;
            }
        }
        bytes
    }
}

proptest! {
    // Each case reads through the file system (import::read) and writes an .xlsx.
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_csv_file_gives_each_importer_rows_or_per_row_errors(
        bytes in proptest::collection::vec(any::<u8>(), 0..600),
        extension in proptest::sample::select(vec!["csv", "txt", "tsv"]),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = files::write(dir.path(), &format!("danh-sach.{extension}"), &bytes);
        read_or_told(ngayhoi::import::read(&path));
    }

    #[test]
    fn a_csv_list_with_a_header_gives_each_importer_rows_or_per_row_errors(rows in grid(), separator in proptest::sample::select(vec![',', ';', '\t'])) {
        let mut text = String::from("STT,Họ và tên,Địa chỉ,Diện,Năm sinh,Giá trị,Ngày thăm,Hình thức\n");
        for row in &rows {
            text.push_str(&ngayhoi::export::csv_line(row, separator));
        }
        let text = text.replace(',', &separator.to_string());
        read_or_told(read_bytes(text.into_bytes(), "csv"));
    }

    #[test]
    fn any_bytes_named_as_a_workbook_are_refused_or_read(
        magic in proptest::sample::select(vec![&b""[..], b"PK\x03\x04", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", b"<html>"]),
        bytes in proptest::collection::vec(any::<u8>(), 0..400),
        extension in proptest::sample::select(vec!["xlsx", "xlsm", "xls"]),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = files::write(dir.path(), &format!("danh-sach.{extension}"), &[magic, &bytes].concat());
        read_or_told(ngayhoi::import::read(&path));
    }

    #[test]
    fn a_damaged_xlsx_is_refused_or_read_whole(rows in grid(), damage in damage()) {
        let bytes = damage.apply(xlsx_bytes(&rows));
        read_or_told(read_bytes(bytes, "xlsx"));
    }

    #[test]
    fn an_xls_with_bytes_overwritten_is_refused_or_read(damage in damage()) {
        for name in ["households.xls", "visits.xls"] {
            let bytes = damage.apply(std::fs::read(files::corpus(name)).unwrap());
            read_or_told(read_bytes(bytes, "xls"));
        }
    }
}

/// Found by the `legacy` fuzz target: text left unconverted because it already holds Unicode
/// letters ("O" and a combining grave) came back as it was, decomposed, where `convert`
/// promises NFC.
#[test]
fn text_left_unconverted_still_comes_back_composed() {
    let found: &[u8] =
        b"C\xe9ng ho\xb5 x\xb7 h\xe9i ch\xf1 nC\x17\xc2\xb1\xc3\x81\xc3\x95HO\xcc\x80m, \
        C\xe9NG HO\xb5,(N1uy\xd4n Th\xde H\xad\xean";
    let text = String::from_utf8_lossy(found);
    for legacy in Legacy::ALL {
        prop_assert_nfc(&convert(legacy, &text));
        prop_assert_nfc(&convert(legacy, "HO\u{300}m"));
    }
    assert_eq!(convert(Legacy::Tcvn3, "Lê Văn O\u{300}"), "Lê Văn Ò");
    // The preview still says the cell was decomposed.
    let mut rows = vec![vec!["Céng hoµ x· héi chñ nghÜa ViÖt Nam".to_string()]; 6];
    rows.push(vec!["Lê O\u{300}".into()]);
    let sheet = Sheet::from_raw(rows, Conversion::new(Format::Csv)).unwrap();
    assert_eq!(sheet.conversion.legacy, Some(Legacy::Tcvn3));
    assert_eq!(sheet.conversion.nfd_cells, 1);
    assert_eq!(sheet.rows[0][0], "Cộng hoà xã hội chủ nghĩa Việt Nam");
    assert_eq!(sheet.rows[6][0], "Lê Ò");
}

fn prop_assert_nfc(s: &str) {
    assert!(ngayhoi::text::is_nfc(s), "{s:?}");
}
