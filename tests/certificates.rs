//! Certificates as the chairman signs them, read back from the PDF with poppler: one page per
//! recipient in register order, the text exactly the NFC input, fonts embedded, nothing
//! outside the page, the blank-form mode without fixed headings, the print-scaling flag, and
//! a text too long to fit refused by name unless forced.

#[path = "support/cli.rs"]
mod cli_support;

use std::path::{Path, PathBuf};

use cli_support::{ngayhoi_on as ngayhoi, tool};
use ngayhoi::domain::{Form, Recipient, RecipientKind, Sex};
use ngayhoi::storage::Store;

const STACKED: &str = "Ấấ Ầầ Ẩẩ Ẫẫ Ắắ Ằằ Ẳẳ Ẵẵ Ếế Ềề Ểể Ễễ Ốố Ồồ Ổổ Ỗỗ Ợợ Ựự Ỳỳ Ỹỹ Đđ";

/// The demo with one more recipient whose name carries every stacked mark (typed decomposed).
fn demo(dir: &tempfile::TempDir) -> PathBuf {
    let db = dir.path().join("ngayhoi.sqlite3");
    assert!(ngayhoi(&db, &["demo"]).status.success());
    let mut store = Store::open(&db).unwrap();
    let event = store.event(2026).unwrap().unwrap();
    let decision = store.decisions(event.id).unwrap()[0].clone();
    let mut r = Recipient::new(
        decision.id,
        RecipientKind::Individual,
        Form::Certificate,
        &unicode_normalization::UnicodeNormalization::nfd(STACKED).collect::<String>(),
    );
    r.sex = Some(Sex::Female);
    r.achievement = "Đã có thành tích xuất sắc".into();
    store.add_recipient(&r).unwrap();
    db
}

fn pages(pdf: &Path) -> Vec<String> {
    let count: usize = tool("pdfinfo", &[pdf.to_str().unwrap()])
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    (1..=count)
        .map(|n| {
            let n = n.to_string();
            tool(
                "pdftotext",
                &["-f", &n, "-l", &n, pdf.to_str().unwrap(), "-"],
            )
        })
        .collect()
}

#[test]
fn each_recipient_is_on_exactly_one_page_in_register_order() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(&dir);
    let out = dir.path().join("giay-khen.pdf");
    let output = ngayhoi(
        &db,
        &["export", "certificates", "--out", out.to_str().unwrap()],
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );

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

    let fonts = tool("pdffonts", &[out.to_str().unwrap()]);
    for line in fonts.lines().skip(2) {
        assert!(line.contains("LiberationSerif"), "{line}");
        assert!(line.contains(" yes "), "every font embedded: {line}");
    }
    let info = tool("pdfinfo", &[out.to_str().unwrap()]);
    assert!(
        info.contains("841.89 x 595.276 pts"),
        "A4 landscape: {info}"
    );
    let bytes = std::fs::read(&out).unwrap();
    let raw = String::from_utf8_lossy(&bytes);
    assert!(raw.contains("/ViewerPreferences<</PrintScaling/None>>"));
    // Every glyph is drawn from inside the page: poppler's bounding boxes stay on it.
    let bbox = tool("pdftotext", &["-bbox", out.to_str().unwrap(), "-"]);
    for word in bbox.lines().filter(|l| l.trim_start().starts_with("<word")) {
        let attr = |name: &str| -> f32 {
            let at = word.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
            word[at..].split('"').next().unwrap().parse().unwrap()
        };
        assert!(attr("xMin") >= 0.0 && attr("xMax") <= 841.9, "{word}");
        assert!(attr("yMin") >= 0.0 && attr("yMax") <= 595.3, "{word}");
    }
}

#[test]
fn a_blank_form_prints_only_the_variable_fields() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(&dir);
    let out = dir.path().join("phoi.pdf");
    let output = ngayhoi(
        &db,
        &[
            "export",
            "certificates",
            "--blank-form",
            "--decision",
            "125/QĐ-UBND",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
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
    let dir = tempfile::tempdir().unwrap();
    let db = demo(&dir);
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
    let refused = ngayhoi(
        &db,
        &["export", "certificates", "--out", out.to_str().unwrap()],
    );
    assert_eq!(refused.status.code(), Some(1));
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(err.contains("Tổ tự quản an ninh, trật tự"), "{err}");
    assert!(
        err.contains("không vừa ô “Người, tập thể được khen”"),
        "{err}"
    );
    assert!(!out.exists(), "no file is written");

    let forced = ngayhoi(
        &db,
        &[
            "export",
            "certificates",
            "--force",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(forced.status.success());
    let last = pages(&out).pop().unwrap();
    let flat = last.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(long.trim()),
        "printed whole, never cut: {flat}"
    );
}

#[test]
fn the_list_attached_to_the_decision_and_the_calibration_page() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(&dir);
    let list = dir.path().join("danh-sach.pdf");
    assert!(
        ngayhoi(
            &db,
            &["export", "decision-list", "--out", list.to_str().unwrap()]
        )
        .status
        .success()
    );
    let text = pages(&list).join("\n");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Kèm theo Quyết định số 125/QĐ-UBND, ngày 18 tháng 8 năm 2026"),
        "{flat}"
    );
    assert!(flat.contains("Trần Quốc Toản") && flat.contains("Biểu dương"));

    let cal = dir.path().join("hieu-chinh.pdf");
    assert!(
        ngayhoi(
            &db,
            &["export", "calibration", "--out", cal.to_str().unwrap()]
        )
        .status
        .success()
    );
    let text = pages(&cal).join(" ");
    assert!(text.contains("TRANG HIỆU CHỈNH MÁY IN"));
    let unknown = ngayhoi(
        &db,
        &[
            "export",
            "calibration",
            "--printer",
            "Máy lạ",
            "--out",
            cal.to_str().unwrap(),
        ],
    );
    assert_eq!(unknown.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("chưa có máy in tên “Máy lạ”"));
}
