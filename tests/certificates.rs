//! Certificates as the chairman signs them, read back from the PDF: one page per
//! recipient in register order, the text exactly the NFC input, fonts embedded, nothing
//! outside the page, the blank-form mode without fixed headings, the print-scaling flag, and
//! a text too long to fit refused by name unless forced.

#[path = "support/cli.rs"]
mod cli_support;
#[path = "support/pdf.rs"]
mod pdf;

use std::path::{Path, PathBuf};

use cli_support::{
    assert_says, demo_with_recipient, export, exported, failure, ngayhoi_on as ngayhoi, ok_on,
};
use ngayhoi::domain::{Form, Recipient, RecipientKind, Sex};
use ngayhoi::storage::Store;
use pdf::{Line, Page, Pdf};

const STACKED: &str = "Ấấ Ầầ Ẩẩ Ẫẫ Ắắ Ằằ Ẳẳ Ẵẵ Ếế Ềề Ểể Ễễ Ốố Ồồ Ổổ Ỗỗ Ợợ Ựự Ỳỳ Ỹỹ Đđ";

/// The demo, in a new folder, with one more recipient whose name carries every stacked mark
/// (typed decomposed): the folder and the data file.
fn demo() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = demo_with_recipient(&dir, |decision| {
        let mut r = Recipient::new(
            decision,
            RecipientKind::Individual,
            Form::Certificate,
            &unicode_normalization::UnicodeNormalization::nfd(STACKED).collect::<String>(),
        );
        r.sex = Some(Sex::Female);
        r.achievement = "Đã có thành tích xuất sắc".into();
        r
    });
    (dir, db)
}

/// Each page's words in reading order.
fn pages(pdf: &Path) -> Vec<String> {
    Pdf::read(pdf).pages.iter().map(Page::flat).collect()
}

/// Everything drawn on a page of A4 landscape stays inside the inner line of the frame,
/// 13 mm from each edge (and so inside the page).
fn inside_the_frame(page: &Page, n: usize) {
    assert!(
        (page.width_mm - 297.0).abs() < 0.01 && (page.height_mm - 210.0).abs() < 0.01,
        "A4 landscape"
    );
    let inner = page.cells.iter().any(|c| {
        (c.left - 13.0).abs() < 0.01
            && (c.top - 13.0).abs() < 0.01
            && (c.right - 284.0).abs() < 0.01
            && (c.bottom - 197.0).abs() < 0.01
    });
    assert!(inner, "page {n}: the frame's inner line is 13 mm in");
    for run in &page.runs {
        assert!(
            run.x >= 13.0 && run.end <= 284.0 && run.top >= 13.0 && run.bottom <= 197.0,
            "page {n}: {run:?} outside the frame's inner box"
        );
    }
}

#[test]
fn each_recipient_is_on_exactly_one_page_in_register_order() {
    let (_dir, db) = demo();
    let out = exported(&db, "certificates", "giay-khen.pdf");

    let pages = pages(&out);
    let names = [
        "Ban Chỉ đạo phong trào Toàn dân",
        "Tổ dân phố 12, Khu phố 2",
        "Ông Nguyễn Văn An",
        "Bà Lê Thị Bích Ngọc",
        "Hộ ông Phạm Văn Dũng",
        STACKED,
    ];
    assert_eq!(pages.len(), names.len(), "praise gets no certificate");
    for (n, (page, name)) in pages.iter().zip(names).enumerate() {
        let flat = page.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains(name),
            "page {} should be {name}: {flat}",
            n + 1
        );
        assert!(flat.contains(&format!("Số vào sổ: {:03}", n + 1)), "{flat}");
        assert!(flat.contains("GIẤY KHEN") && flat.contains("TẶNG"));
        assert!(flat.contains("CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG CHỢ QUÁN"));
        assert!(flat.contains("Chợ Quán, ngày 18 tháng 8 năm 2026"));
        for other in names.iter().filter(|o| **o != name) {
            assert!(!flat.contains(other), "{other} is not on page {}", n + 1);
        }
    }
    assert!(!pages.iter().any(|p| p.contains("Trần Quốc Toản")));

    let pdf = Pdf::read(&out);
    assert!(!pdf.fonts.is_empty());
    for font in &pdf.fonts {
        assert!(font.name.starts_with("LiberationSerif"), "{font:?}");
        assert!(font.embedded, "every font embedded: {font:?}");
    }
    for (n, page) in pdf.pages.iter().enumerate() {
        inside_the_frame(page, n + 1);
    }
    let bytes = std::fs::read(&out).unwrap();
    let raw = String::from_utf8_lossy(&bytes);
    assert!(raw.contains("/ViewerPreferences<</PrintScaling/None>>"));
}

#[test]
fn a_blank_form_prints_only_the_variable_fields() {
    let (dir, db) = demo();
    let out = dir.path().join("phoi.pdf");
    ok_on(
        &db,
        &export(
            "certificates",
            &out,
            &["--blank-form", "--decision", "125/QĐ-UBND"],
        ),
    );
    for page in pages(&out) {
        for fixed in ["CỘNG HÒA", "Độc lập", "TẶNG", "GIẤY KHEN"] {
            assert!(!page.contains(fixed), "{fixed} is pre-printed: {page}");
        }
        assert!(page.contains("Số vào sổ"));
    }
}

#[test]
fn a_name_too_long_for_its_box_is_refused_by_name_unless_forced() {
    let (dir, db) = demo();
    let long = "Tổ tự quản an ninh, trật tự và phòng cháy chữa cháy liên gia số 7 ".repeat(5);
    {
        let mut store = Store::open(&db).unwrap();
        let event = store.event(2026).unwrap().unwrap();
        let decision = store.decisions(event.id).unwrap()[0].clone();
        store
            .add_recipient(&Recipient::new(
                decision.id,
                RecipientKind::Collective,
                Form::Certificate,
                &long,
            ))
            .unwrap();
    }
    let out = dir.path().join("dai.pdf");
    let refused = ngayhoi(&db, &export("certificates", &out, &[]));
    let err = failure(&refused, 1);
    assert_says(
        &err,
        &[
            "Tổ tự quản an ninh, trật tự",
            "không vừa ô “Người, tập thể được khen”",
        ],
    );
    assert!(!out.exists(), "no file is written");

    let forced = ngayhoi(&db, &export("certificates", &out, &["--force"]));
    assert!(forced.status.success());
    // The name is the only bold italic text: its lines, top to bottom, give it back whole,
    // its last words on the page like its first.
    let pdf = Pdf::read(&out);
    let last = pdf.pages.last().unwrap();
    let name: Vec<Line> = last
        .lines()
        .into_iter()
        .filter(|l| l.font == "LiberationSerif-BoldItalic")
        .collect();
    assert!(name.len() > 1, "the name wraps: {name:?}");
    let joined = name
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(joined, long.trim(), "printed whole, never cut");
    assert!(name.last().unwrap().text.ends_with("liên gia số 7"));
    for line in &name {
        assert!(
            line.x >= 0.0 && line.end <= 297.0 && line.top >= 0.0 && line.bottom <= 210.0,
            "on the page: {line:?}"
        );
    }
}

/// The lines (top to bottom, one column) that together read `text`.
fn field<'a>(lines: &'a [Line], text: &str) -> Vec<&'a Line> {
    for (i, first) in lines.iter().enumerate() {
        if !text.starts_with(&first.text) {
            continue;
        }
        let mut taken = vec![first];
        let mut read = first.text.clone();
        while read != text {
            let last = taken[taken.len() - 1];
            let next = lines[i + 1..].iter().find(|l| {
                l.y > last.y && l.x < last.end && l.end > last.x && l.y - last.y < 3.0 * last.size
            });
            match next {
                Some(l) if text.starts_with(&format!("{read} {}", l.text)) => {
                    read = format!("{read} {}", l.text);
                    taken.push(l);
                }
                _ => break,
            }
        }
        if read == text {
            return taken;
        }
    }
    panic!("“{text}” is not on the page: {lines:#?}")
}

#[test]
fn a_certificate_reads_in_order_inside_its_frame() {
    let (_dir, db) = demo();
    let store = Store::open(&db).unwrap();
    let event = store.event(2026).unwrap().unwrap();
    let decision = store.decisions(event.id).unwrap()[0].clone();
    assert_eq!(
        decision.date,
        chrono::NaiveDate::from_ymd_opt(2026, 8, 18).unwrap()
    );
    let an = store
        .recipients(event.id)
        .unwrap()
        .into_iter()
        .find(|r| r.name == "Nguyễn Văn An")
        .expect("the demo commends Nguyễn Văn An");
    assert_eq!(an.sex, Some(Sex::Male));
    let out = exported(&db, "certificates", "giay-khen.pdf");

    let pdf = Pdf::read(&out);
    let (n, page) = pdf
        .pages
        .iter()
        .enumerate()
        .find(|(_, p)| p.flat().contains("Ông Nguyễn Văn An"))
        .expect("a page for Nguyễn Văn An");
    inside_the_frame(page, n + 1);
    let lines = page.lines();
    let at = |text: &str| field(&lines, text);
    let title = at("GIẤY KHEN");
    let name = at(&format!("Ông {}", an.name));
    let citation = at(&format!(
        "Quyết định số {}, ngày 18 tháng 8 năm 2026",
        decision.number
    ));
    let date = at("Chợ Quán, ngày 18 tháng 8 năm 2026");
    let signer = at(&decision.signer_name);
    // Reading order: the title, the name, then the two columns at the foot: the citation on
    // the left, the date line over the signer on the right.
    let top = |f: &[&Line]| f[0].y;
    let bottom = |f: &[&Line]| f[f.len() - 1].y;
    assert!(bottom(&title) < top(&name));
    assert!(bottom(&name) < top(&citation) && bottom(&name) < top(&date));
    assert!(bottom(&date) < top(&signer));
    let right_of_citation = citation.iter().map(|l| l.end).fold(0.0, f32::max);
    for line in date.iter().chain(&signer) {
        assert!(
            line.x > right_of_citation,
            "{line:?} is in the right column"
        );
    }
}

#[test]
fn the_list_attached_to_the_decision_and_the_calibration_page() {
    let (_dir, db) = demo();
    let list = exported(&db, "decision-list", "danh-sach.pdf");
    let text = pages(&list).join("\n");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Kèm theo Quyết định số 125/QĐ-UBND, ngày 18 tháng 8 năm 2026"),
        "{flat}"
    );
    assert!(flat.contains("Trần Quốc Toản") && flat.contains("Biểu dương"));

    let cal = exported(&db, "calibration", "hieu-chinh.pdf");
    let text = pages(&cal).join(" ");
    assert!(text.contains("TRANG HIỆU CHỈNH MÁY IN"));
    let unknown = ngayhoi(&db, &export("calibration", &cal, &["--printer", "Máy lạ"]));
    assert_eq!(unknown.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("chưa có máy in tên “Máy lạ”"));
}
