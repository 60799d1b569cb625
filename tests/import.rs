//! Imports of awkward real-world files: title rows, STT columns, headers in any case and
//! without accents, ";" and tab separators, BOM, decomposed text, money variants, TCVN3 and
//! VNI text, .xls from Excel 97-2003, and the errors that name the row the user sees.

#[path = "support/files.rs"]
mod files;
#[path = "support/legacy_tables.rs"]
mod legacy_tables;

use chrono::NaiveDate;
use files::{X, corpus, write, xlsx};
use ngayhoi::domain::{
    Category, Form, Household, KnownHouseholds, RecipientKind, Sex, VisitStatus,
};
use ngayhoi::import::recipients::KnownRecipients;
use ngayhoi::import::visits::KnownVisits;
use ngayhoi::import::{
    Field, Format, ImportError, Mapping, Preview, RowError, Stored, households, preview,
    recipients, visits,
};
use ngayhoi::text::Legacy;

const STACKED: &str = "Ấấ Ầầ Ẩẩ Ẫẫ Ắắ Ằằ Ẳẳ Ẵẵ Ếế Ềề Ểể Ễễ Ốố Ồồ Ổổ Ỗỗ Ợợ Ựự Ỳỳ Ỹỹ Đđ";

fn names(p: &Preview<Household>) -> Vec<(usize, &str)> {
    p.rows
        .iter()
        .map(|r| (r.row, r.value.name.as_str()))
        .collect()
}

fn error_rows<T>(p: &Preview<T>) -> Vec<usize> {
    p.errors.iter().map(|e| e.row).collect()
}

fn reason<T>(p: &Preview<T>, row: usize) -> &str {
    &p.errors
        .iter()
        .find(|e| e.row == row)
        .unwrap_or_else(|| panic!("no error on row {row}: {:?}", p.errors))
        .reason
}

fn none() -> KnownHouseholds {
    KnownHouseholds::default()
}

/// One household stored with `id`, as an import finds it.
fn stored(id: i64, name: &str, address: &str) -> Household {
    Household {
        id,
        ..Household::new(name, address, Category::Other)
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn households_from_an_old_xls_with_title_rows_stt_totals_and_bad_rows() {
    let existing = KnownHouseholds::new(&[stored(9, "TRUONG VAN DUC", "Tổ 5, Khu phố 2")]);
    let p = households::preview(&corpus("households.xls"), &existing).unwrap();
    assert_eq!(p.conversion.format, Format::Xls);
    assert_eq!(p.mapping.header_row, Some(3));
    assert_eq!(
        names(&p),
        vec![
            (5, "Nguyễn Thị Hằng"),
            (6, "Trương Văn Đức"),
            (11, "Đặng Thị Mười")
        ]
    );
    assert_eq!(error_rows(&p), vec![7, 8, 9, 10]);
    assert_eq!(
        reason(&p, 7),
        "Năm sinh 1790 không hợp lệ (từ 1880 đến 2026).".replace(
            "2026",
            &chrono::Datelike::year(&chrono::Local::now()).to_string()
        )
    );
    assert_eq!(reason(&p, 8), "Thiếu họ và tên.");
    assert!(
        reason(&p, 9)
            .starts_with("Diện “Cựu chiến binh” không có trong danh sách (nhận: Gia đình liệt sĩ,")
    );
    assert_eq!(
        reason(&p, 10),
        "Trùng với dòng 5 (cùng họ tên, địa chỉ và năm sinh)."
    );
    let first = &p.rows[0].value;
    assert_eq!(first.birth_year, Some(1948));
    assert_eq!(first.sex, Some(Sex::Female));
    assert_eq!(first.category, Category::Martyr);
    assert_eq!(first.phone, "0912345678");
    assert_eq!(first.notes, STACKED);
    assert_eq!(p.rows[2].value.birth_year, Some(1939));
    assert_eq!(p.rows[2].value.category, Category::HeroicMother);
    // Row 6 is the stored household written without accents: found, and its category differs.
    assert_eq!(p.rows[0].stored, Stored::New);
    match &p.rows[1].stored {
        Stored::Changed { update, changes } => {
            assert_eq!(update.id, 9);
            assert_eq!(update.name, "TRUONG VAN DUC", "the stored name is kept");
            assert!(
                changes.iter().any(|c| c.starts_with("Diện: Khác → ")),
                "{changes:?}"
            );
        }
        other => panic!("row 6 should be a change: {other:?}"),
    }
    assert_eq!(
        (p.counts.fresh(), p.counts.same, p.counts.changed),
        (2, 0, 1)
    );
    assert_eq!(
        p.warnings,
        vec![RowError {
            row: 13,
            reason: "Không nhập 1 dòng dưới dòng “Tổng cộng” (chữ ký, ghi chú cuối bảng).".into()
        },]
    );
    assert!(!p.can_save());
    assert_eq!(p.counts.accepted, 3);
    assert_eq!(p.counts.rejected, 4);
    let stt = &p.columns[0];
    assert!(stt.row_number && stt.field.is_none());
    assert_eq!(
        p.columns[1].samples,
        vec!["Nguyễn Thị Hằng", "Trương Văn Đức", "Lê Thị Ánh"]
    );
}

#[test]
fn visits_from_an_old_xls_with_a_numbering_row_dates_and_numbers() {
    let existing = KnownVisits::new(&[stored(4, "Nguyễn Thị Hằng", "Khu phố 3")], &[]);
    let p = visits::preview(&corpus("visits.xls"), &existing).unwrap();
    assert_eq!(p.rows.iter().map(|r| r.row).collect::<Vec<_>>(), vec![4, 5]);
    let a = &p.rows[0].value;
    assert_eq!(a.name, "Nguyễn Thị Hằng");
    assert!(a.known);
    assert_eq!(a.visit.household_id, 4, "the stored household is named");
    assert_eq!(a.visit.date, Some(date(2026, 8, 10)));
    assert_eq!(a.visit.value, 500_000);
    assert_eq!(a.visit.quantity, 1);
    assert_eq!(a.visit.delegation, "Đ/c Bí thư Đảng ủy");
    assert_eq!(a.visit.source, "Ngân sách");
    assert_eq!(a.visit.status, VisitStatus::Done);
    let b = &p.rows[1].value;
    assert_eq!(b.address, "Tổ 5, Khu phố 2");
    assert!(!b.known);
    assert_eq!(b.visit.date, Some(date(2026, 8, 12)));
    assert_eq!(b.visit.value, 300_000);
    assert_eq!(b.visit.status, VisitStatus::Planned);
    assert_eq!(error_rows(&p), vec![6]);
    assert_eq!(
        reason(&p, 6),
        "Ngày thăm “31/02/2026” không phải ngày (ghi ngày/tháng/năm, ví dụ 05/08/2026)."
    );
    assert_eq!(p.warnings.len(), 1);
    assert_eq!(p.warnings[0].row, 5);
}

#[test]
fn a_semicolon_csv_with_bom_title_row_unaccented_headers_and_money_variants() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "\u{FEFF}DANH SÁCH THĂM HỎI NĂM 2026;;;;\r\n\
               ;;;;\r\n\
               stt;ho va ten;dia chi;so tien;ngay tham\r\n\
               1;Nguyễn Văn An;Tổ 1, Khu phố 2;500.000;05/08/2026\r\n\
               2;Nguyễn Văn Bình;Tổ 1;500.000 đ;5/8/2026\r\n\
               3;Nguyễn Văn Cường;Tổ 2;500000;2026-08-05\r\n\
               4;Nguyễn Văn Dũng;Tổ 2;\"500,000\";\r\n\
               5;Nguyễn Văn Đức;Tổ 3;1.500.000đ;\r\n\
               6;Nguyễn Văn Em;Tổ 3;năm trăm;\r\n\
               7;Nguyễn Văn Giang;Tổ 3;1.5;\r\n\
               ;Tổng cộng;;3.500.000;\r\n";
    let path = write(dir.path(), "tham.csv", csv.as_bytes());
    let p = visits::preview(&path, &KnownVisits::default()).unwrap();
    assert!(p.conversion.bom);
    assert_eq!(p.conversion.separator, Some(';'));
    assert_eq!(p.mapping.header_row, Some(2));
    let values: Vec<(usize, &str, i64)> = p
        .rows
        .iter()
        .map(|r| (r.row, r.value.name.as_str(), r.value.visit.value))
        .collect();
    assert_eq!(
        values,
        vec![
            (4, "Nguyễn Văn An", 500_000),
            (5, "Nguyễn Văn Bình", 500_000),
            (6, "Nguyễn Văn Cường", 500_000),
            (7, "Nguyễn Văn Dũng", 500_000),
            (8, "Nguyễn Văn Đức", 1_500_000),
        ]
    );
    assert!(
        p.rows[..3]
            .iter()
            .all(|r| r.value.visit.date == Some(date(2026, 8, 5)))
    );
    assert_eq!(error_rows(&p), vec![9, 10]);
    assert_eq!(
        reason(&p, 9),
        "Giá trị (đồng) “năm trăm” không phải số tiền (ví dụ 500.000)."
    );
    assert_eq!(p.counts.after_total, 1);
    assert!(p.warnings.is_empty());
}

#[test]
fn a_tab_separated_file_with_decomposed_text_and_lower_case_headers() {
    let dir = tempfile::tempdir().unwrap();
    let nfd = "Nguye\u{302}\u{303}n Thi\u{323} Ha\u{306}\u{300}ng";
    let text = format!(
        "họ tên\tđịa chỉ\tdiện\tnăm sinh\tgiới tính\n{nfd}\tKhu phô\u{301} 3\tHô\u{323} nghe\u{300}o\t1950\tnữ\n\
         Trần Văn Hùng\tKhu phố 3\tHộ cận nghèo\t\t\n"
    );
    let path = write(dir.path(), "ho.txt", text.as_bytes());
    let p = households::preview(&path, &none()).unwrap();
    assert_eq!(p.conversion.separator, Some('\t'));
    assert_eq!(p.conversion.nfd_cells, 3);
    assert_eq!(
        names(&p),
        vec![(2, "Nguyễn Thị Hằng"), (3, "Trần Văn Hùng")]
    );
    assert_eq!(p.rows[0].value.address, "Khu phố 3");
    assert_eq!(p.rows[0].value.category, Category::Poor);
    assert_eq!(p.rows[0].value.sex, Some(Sex::Female));
    assert!(p.can_save());
}

fn tcvn3_list() -> Vec<[&'static str; 4]> {
    vec![
        ["STT", "Họ và tên", "Địa chỉ", "Diện"],
        ["1", "Nguyễn Thị Hằng", "Khu phố 3", "Gia đình liệt sĩ"],
        ["2", "Trương Văn Đức", "Tổ 5, Khu phố 2", "Thương binh"],
        ["3", "Phạm Thị Bưởi", "Ấp Mỹ Lợi", "Hộ nghèo"],
        ["4", "Lê Văn Tám", "Khu phố 1", "Cựu chiến binh"],
    ]
}

fn legacy_csv(encode: fn(&str) -> String) -> Vec<u8> {
    let mut bytes = Vec::new();
    for row in tcvn3_list() {
        let line = row.map(|cell| format!("\"{}\"", encode(cell))).join(",");
        bytes.extend(legacy_tables::bytes(&line));
        bytes.extend(b"\r\n");
    }
    bytes
}

fn assert_converted_list(p: &Preview<Household>, legacy: Legacy) {
    assert_eq!(p.conversion.legacy, Some(legacy));
    assert_eq!(
        names(p),
        vec![
            (2, "Nguyễn Thị Hằng"),
            (3, "Trương Văn Đức"),
            (4, "Phạm Thị Bưởi")
        ]
    );
    assert_eq!(p.rows[1].value.address, "Tổ 5, Khu phố 2");
    // TCVN3 has no toned capitals: "Ấ" was typed, and comes back, as "ấ".
    let hamlet = match legacy {
        Legacy::Tcvn3 => "ấp Mỹ Lợi",
        Legacy::Vni => "Ấp Mỹ Lợi",
    };
    assert_eq!(p.rows[2].value.address, hamlet);
    assert_eq!(p.rows[2].value.category, Category::Poor);
    assert_eq!(error_rows(p), vec![5]);
    assert!(reason(p, 5).starts_with("Diện “Cựu chiến binh” không có"));
}

/// The list as a CSV file `name` typed in `legacy` (written with `encode`), read: converted.
fn assert_legacy_csv_converted(name: &str, encode: fn(&str) -> String, legacy: Legacy) {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), name, &legacy_csv(encode));
    let p = households::preview(&path, &none()).unwrap();
    assert!(p.conversion.windows_1252);
    assert_converted_list(&p, legacy);
}

#[test]
fn a_tcvn3_csv_is_converted() {
    assert_legacy_csv_converted("abc.csv", legacy_tables::to_tcvn3, Legacy::Tcvn3);
}

#[test]
fn a_vni_csv_is_converted() {
    assert_legacy_csv_converted("vni.csv", legacy_tables::to_vni, Legacy::Vni);
}

#[test]
fn a_workbook_typed_with_vntime_fonts_is_converted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vntime.xlsx");
    let mut rows = vec![
        vec![X::Owned(legacy_tables::to_tcvn3(
            "DANH SÁCH CÁC HỘ GIA ĐÌNH CHÍNH SÁCH",
        ))],
        vec![],
    ];
    for row in tcvn3_list() {
        rows.push(
            row.iter()
                .map(|c| X::Owned(legacy_tables::to_tcvn3(c)))
                .collect(),
        );
    }
    xlsx(&path, 0, &rows);
    let p = households::preview(&path, &none()).unwrap();
    assert_eq!(p.conversion.legacy, Some(Legacy::Tcvn3));
    assert_eq!(p.mapping.header_row, Some(2));
    let rows: Vec<_> = names(&p);
    assert_eq!(
        rows,
        vec![
            (4, "Nguyễn Thị Hằng"),
            (5, "Trương Văn Đức"),
            (6, "Phạm Thị Bưởi")
        ]
    );
    assert_eq!(error_rows(&p), vec![7]);
    let sheet = ngayhoi::import::read(&path).unwrap();
    assert_eq!(sheet.rows[0][0], "DANH SÁCH CÁC HỘ GIA ĐÌNH CHÍNH SÁCH");
}

#[test]
fn a_unicode_file_with_european_names_is_not_converted() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "Họ và tên,Địa chỉ,Diện\nJosé Müller,Khu phố 1,Khác\nNguyễn Thị Hằng,Khu phố 3,Hộ nghèo\nHoà Toàn,Tổ 1,Khác\n";
    let path = write(dir.path(), "u.csv", csv.as_bytes());
    let p = households::preview(&path, &none()).unwrap();
    assert_eq!(p.conversion.legacy, None);
    assert_eq!(
        names(&p),
        vec![(2, "José Müller"), (3, "Nguyễn Thị Hằng"), (4, "Hoà Toàn")]
    );
}

#[test]
fn an_xlsx_with_numbers_dates_and_cells_starting_lower_down() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tham.xlsx");
    xlsx(
        &path,
        2,
        &[
            vec![
                X::Blank,
                X::S("Họ và tên"),
                X::S("Địa chỉ"),
                X::S("Ngày thăm"),
                X::S("Quà"),
                X::S("Giá trị"),
                X::S("Số lượng"),
            ],
            vec![
                X::Blank,
                X::S("Võ Thị Sáu"),
                X::S("Tổ 1"),
                X::D(2026, 8, 5),
                X::S("Quà"),
                X::N(500000.0),
                X::N(2.0),
            ],
            vec![
                X::Blank,
                X::S("Lý Văn Bảy"),
                X::S("Tổ 2"),
                X::D(2026, 8, 6),
                X::S(""),
                X::N(0.0),
                X::N(0.0),
            ],
        ],
    );
    let p = visits::preview(&path, &KnownVisits::default()).unwrap();
    assert_eq!(p.mapping.header_row, Some(2));
    assert_eq!(p.rows.len(), 1);
    let v = &p.rows[0];
    assert_eq!(v.row, 4);
    assert_eq!(v.value.visit.date, Some(date(2026, 8, 5)));
    assert_eq!(v.value.visit.value, 500_000);
    assert_eq!(v.value.visit.quantity, 2);
    assert_eq!(v.value.visit.total(), 1_000_000);
    assert_eq!(
        p.errors,
        vec![RowError {
            row: 5,
            reason: "Số lượng “0” không hợp lệ (một số nguyên từ 1 trở lên).".into()
        }]
    );
    assert_eq!(p.columns[1].letter, "B");
    assert_eq!(p.columns[3].samples, vec!["05/08/2026", "06/08/2026"]);
    assert_eq!(p.columns[5].samples, vec!["500000", "0"]);
}

#[test]
fn recipients_of_a_decision() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("khen.xlsx");
    let h = |s| X::S(s);
    xlsx(
        &path,
        0,
        &[
            vec![h("DANH SÁCH KHEN THƯỞNG")],
            vec![
                h("STT"),
                h("Hình thức"),
                h("Đối tượng"),
                h("Họ và tên"),
                h("Tên tập thể"),
                h("Giới tính"),
                h("Năm sinh"),
                h("Chức vụ, đơn vị"),
                h("Thành tích"),
                h("Số QĐ"),
                h("Ngày QĐ"),
            ],
            vec![
                X::N(1.0),
                h("Giấy khen"),
                h("Cá nhân"),
                h("Lê Thị Mai"),
                X::Blank,
                h("Nữ"),
                X::N(1980.0),
                h("Tổ trưởng tổ dân phố 5"),
                X::Blank,
                h("123/QĐ-UBND"),
                X::D(2026, 8, 10),
            ],
            vec![
                X::N(2.0),
                h("Bằng khen"),
                X::Blank,
                X::Blank,
                h("Tổ dân phố 5, Khu phố 2"),
                X::Blank,
                X::Blank,
                X::Blank,
                h("Có thành tích xuất sắc"),
                h("123/QĐ-UBND"),
                X::D(2026, 8, 10),
            ],
            vec![
                X::N(3.0),
                h("Biểu dương"),
                h("Hộ gia đình"),
                h("Hộ ông Nguyễn Văn Ba"),
                X::Blank,
                X::Blank,
                X::Blank,
                X::Blank,
                X::Blank,
                X::Blank,
                X::Blank,
            ],
            vec![
                X::N(4.0),
                h("Huân chương"),
                h("Cá nhân"),
                h("Trần Văn Tư"),
                X::Blank,
                h("Nam"),
                X::N(1975.0),
                X::Blank,
                X::Blank,
                X::Blank,
                X::Blank,
            ],
            vec![
                X::N(5.0),
                h("giấy khen"),
                h("cá nhân"),
                h("LÊ THỊ MAI"),
                X::Blank,
                h("Nữ"),
                X::N(1980.0),
                h("Tổ trưởng tổ dân phố 5"),
                X::Blank,
                h("123/QĐ-UBND"),
                X::D(2026, 8, 10),
            ],
            vec![
                X::N(6.0),
                h("Giấy khen"),
                h("Cá nhân"),
                h("=cmd|' /C calc'!A0"),
                X::Blank,
                h("Nam"),
                X::N(1975.0),
                X::Blank,
                X::Blank,
                X::Blank,
                h("32/13/2026"),
            ],
        ],
    );
    let p = recipients::preview(&path, &KnownRecipients::default()).unwrap();
    let got: Vec<(usize, &str, RecipientKind, Form)> = p
        .rows
        .iter()
        .map(|r| {
            (
                r.row,
                r.value.recipient.name.as_str(),
                r.value.recipient.kind,
                r.value.recipient.form,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                3,
                "Lê Thị Mai",
                RecipientKind::Individual,
                Form::Certificate
            ),
            (
                4,
                "Tổ dân phố 5, Khu phố 2",
                RecipientKind::Collective,
                Form::Merit
            ),
            (
                5,
                "Hộ ông Nguyễn Văn Ba",
                RecipientKind::Household,
                Form::Praise
            ),
        ]
    );
    let mai = &p.rows[0].value;
    assert_eq!(mai.decision_number, "123/QĐ-UBND");
    assert_eq!(mai.decision_date, Some(date(2026, 8, 10)));
    assert_eq!(mai.recipient.sex, Some(Sex::Female));
    assert_eq!(mai.recipient.birth_year, Some(1980));
    assert_eq!(mai.recipient.position, "Tổ trưởng tổ dân phố 5");
    assert_eq!(mai.recipient.achievement, "");
    assert_eq!(
        p.rows[1].value.recipient.achievement,
        "Có thành tích xuất sắc"
    );
    assert_eq!(error_rows(&p), vec![6, 7, 8]);
    assert_eq!(
        reason(&p, 6),
        "Hình thức “Huân chương” không rõ (nhận: Giấy khen, Bằng khen, Biểu dương)."
    );
    assert_eq!(
        reason(&p, 7),
        "Trùng với dòng 3 (cùng quyết định, đối tượng, tên và chức vụ, đơn vị)."
    );
    assert!(reason(&p, 8).starts_with("Ngày quyết định “32/13/2026” không phải ngày"));
}

#[test]
fn without_a_header_the_user_maps_the_columns() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "raw.csv",
        "Nguyễn Văn An,Tổ 1,Hộ nghèo\nLê Thị Bé,Tổ 2,Khác\n".as_bytes(),
    );
    let p = households::preview(&path, &none()).unwrap();
    assert_eq!(p.mapping.header_row, None);
    assert_eq!(p.missing, vec![Field::Name, Field::Category]);
    assert!(!p.can_save());
    assert!(p.problems()[0].contains("Họ và tên"));
    assert_eq!(p.columns[0].samples, vec!["Nguyễn Văn An", "Lê Thị Bé"]);
    let mut mapping = Mapping::default();
    mapping.set(Field::Name, Some(0));
    mapping.set(Field::Address, Some(1));
    mapping.set(Field::Category, Some(2));
    let p = households::preview_with(&path, &mapping, &none()).unwrap();
    assert_eq!(names(&p), vec![(1, "Nguyễn Văn An"), (2, "Lê Thị Bé")]);
    assert!(p.can_save());
    // Re-parsing the same sheet after a change, without reading the file again.
    let sheet = ngayhoi::import::read(&path).unwrap();
    mapping.set(Field::Name, Some(1));
    let p = preview::run::<households::Households>(&sheet, Some(&mapping), &none());
    assert_eq!(p.rows[0].value.name, "Tổ 1");
    assert_eq!(p.mapping.column(Field::Address), None);
}

#[test]
fn files_that_cannot_be_read_say_why_in_vietnamese() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let err = |path: std::path::PathBuf| households::preview(&path, &none()).unwrap_err();
    let pdf = err(write(d, "a.pdf", b"%PDF-1.4"));
    assert_eq!(
        pdf.to_string(),
        "Không nhập được tệp “.pdf”: chỉ nhập được tệp Excel (.xlsx, .xls) hoặc CSV (.csv)."
    );
    assert_eq!(err(write(d, "empty.csv", b"")), ImportError::Empty);
    assert_eq!(
        err(write(d, "blank.csv", b";;;\r\n;;\r\n")),
        ImportError::Empty
    );
    assert_eq!(
        err(write(d, "bad.xlsx", b"not a workbook")),
        ImportError::Damaged
    );
    assert_eq!(
        err(write(d, "broken.xlsx", b"PK\x03\x04garbage")),
        ImportError::Damaged
    );
    assert_eq!(
        err(write(
            d,
            "web.xls",
            b"<html><table><tr><td>1</td></tr></table></html>"
        )),
        ImportError::Html
    );
    assert_eq!(err(d.join("missing.csv")), ImportError::NotFound);
    assert_eq!(
        err(d.join("missing.csv")).to_string(),
        "Không tìm thấy tệp."
    );
    let many = "a\n".repeat(200_001);
    let too_many = err(write(d, "many.csv", many.as_bytes()));
    assert_eq!(too_many, ImportError::TooManyRows(200_001));
    assert_eq!(
        too_many.to_string(),
        "Tệp có 200.001 dòng, quá giới hạn 200.000 dòng. Hãy chia thành nhiều tệp nhỏ hơn."
    );
    let empty_book = d.join("empty.xlsx");
    xlsx(&empty_book, 0, &[]);
    assert_eq!(err(empty_book), ImportError::Empty);
}

#[test]
fn a_password_protected_workbook_is_refused_with_the_way_out() {
    let err = households::preview(&corpus("password.xlsx"), &none()).unwrap_err();
    assert_eq!(err, ImportError::Password);
    assert_eq!(
        err.to_string(),
        "Tệp được đặt mật khẩu. Hãy mở bằng Excel, bỏ mật khẩu rồi lưu và nhập lại."
    );
    let dir = tempfile::tempdir().unwrap();
    let renamed = write(
        dir.path(),
        "renamed.xls",
        &std::fs::read(corpus("password.xlsx")).unwrap(),
    );
    assert_eq!(
        households::preview(&renamed, &none()).unwrap_err(),
        ImportError::Password
    );
}

// Found by the fuzz targets (fuzz/README.md): files on which calamine 0.31 ended the process
// by asking for terabytes of memory, or panicked. Each is now an ordinary "damaged" answer.

/// `households.xls` with one byte changed.
fn damaged_xls(at: usize, value: u8) -> Vec<u8> {
    let mut bytes = std::fs::read(corpus("households.xls")).unwrap();
    bytes[at] = value;
    bytes
}

#[test]
fn a_damaged_xls_is_refused_instead_of_ending_the_app() {
    let cases = [
        // The OLE header claims 2^32 directory sectors: calamine reserved 2 TB.
        (43, 0xFF),
        // A sheet's DIMENSIONS record claims a range past the end: calamine reserved 1.3 TB.
        (2561, 0xFF),
        // The workbook's first record (BOF) said to be empty: calamine sliced past its end (a
        // panic, caught).
        (514, 0x00),
    ];
    for (at, value) in cases {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "ho.xls", &damaged_xls(at, value));
        assert_eq!(
            ngayhoi::import::read(&path).map(|s| s.rows.len()),
            Err(ImportError::Damaged),
            "byte {at} set to {value:#x}"
        );
    }
    // A chain of directory sectors that loops back on itself: calamine followed it forever.
    let mut bytes = std::fs::read(corpus("households.xls")).unwrap();
    let fat_sector = u32::from_le_bytes(bytes[76..80].try_into().unwrap()) as usize;
    let dir_start = u32::from_le_bytes(bytes[48..52].try_into().unwrap()) as usize;
    let entry = 512 + fat_sector * 512 + dir_start * 4;
    bytes[entry..entry + 4].copy_from_slice(&(dir_start as u32).to_le_bytes());
    assert_eq!(
        ngayhoi::import::read_bytes(bytes, "xls").map(|s| s.rows.len()),
        Err(ImportError::Damaged)
    );
}

#[test]
fn a_value_typed_far_away_in_an_xlsx_does_not_take_all_the_memory() {
    let dir = tempfile::tempdir().unwrap();
    let far = |row: u32, col: u16| {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for (c, header) in ["Họ và tên", "Địa chỉ", "Diện"].into_iter().enumerate() {
            sheet.write_string(0, c as u16, header).unwrap();
        }
        for (c, cell) in ["Lê Văn Tám", "Tổ 3", "Hộ nghèo"].into_iter().enumerate() {
            sheet.write_string(1, c as u16, cell).unwrap();
        }
        sheet.write_string(row, col, "x").unwrap();
        book.save_to_buffer().unwrap()
    };
    // calamine's dense grid from A1 to XFD1048576 would be 17 billion cells.
    let path = write(dir.path(), "xa.xlsx", &far(1_048_575, 16_383));
    assert_eq!(
        ngayhoi::import::read(&path).map(|s| s.rows.len()),
        Err(ImportError::TooManyRows(1_048_576))
    );
    // Far to the right on one row: read, the stray cell is an unmapped column.
    let path = write(dir.path(), "phai.xlsx", &far(5, 16_383));
    let preview = households::preview(&path, &none()).unwrap();
    assert_eq!(names(&preview), [(2, "Lê Văn Tám")]);
    assert!(preview.can_save());
}
