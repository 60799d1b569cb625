//! The PDF read back by other programs: poppler's `pdftotext` must give back the text as it
//! went in (NFC, every stacked mark intact) and `pdffonts` must list every font as embedded.
//! Needs poppler-utils; without it the test says so and passes.

use std::io::ErrorKind;
use std::process::Command;

use ngayhoi::document::{
    AdminDocument, Align, Block, Column, Signature, Table, Width, layout, to_pdf,
};
use unicode_normalization::UnicodeNormalization;

const STACKED: &str = "Ấấ Ầầ Ẩẩ Ẫẫ Ắắ Ằằ Ẳẳ Ẵẵ Ếế Ềề Ểể Ễễ Ốố Ồồ Ổổ Ỗỗ Ợợ Ựự Ỳỳ Ỹỹ Đđ";
const NARRATIVE: &str = "Các khu dân cư, cơ quan, doanh nghiệp và nhà trường đồng loạt tổ chức \
    Ngày hội toàn dân bảo vệ an ninh Tổ quốc; người dân hưởng ứng phong trào với tinh thần \
    trách nhiệm cao, phát hiện và cung cấp nhiều nguồn tin có giá trị cho lực lượng Công an.";

fn document() -> AdminDocument {
    let rows = (1..=45)
        .map(|n| {
            vec![
                n.to_string(),
                format!("Hộ ông Nguyễn Văn Đức số {n}"),
                "Đạt".to_owned(),
            ]
        })
        .collect();
    AdminDocument {
        parent_body: "UBND phường Chợ Quán".to_owned(),
        issuer: "Ban Chỉ đạo".to_owned(),
        number: Some("Số: 07/BC-BCĐ".to_owned()),
        place_date: "Chợ Quán, ngày 19 tháng 8 năm 2026".to_owned(),
        kind: "Báo cáo".to_owned(),
        summary_note: String::new(),
        summary: "Kết quả thăm hỏi, tặng quà".to_owned(),
        blocks: vec![
            Block::Heading("I. KẾT QUẢ".to_owned()),
            // Decomposed, as some keyboards type it: the PDF must hold the composed form.
            Block::Paragraph(NARRATIVE.nfd().collect()),
            Block::Paragraph(format!("Kiểm tra phông chữ: {STACKED}.")),
            Block::Table(Table {
                columns: vec![
                    Column {
                        title: "STT".to_owned(),
                        width: Width::Mm(14.0),
                        align: Align::Center,
                    },
                    Column {
                        title: "Họ và tên".to_owned(),
                        width: Width::Fraction(1.0),
                        align: Align::Left,
                    },
                    Column {
                        title: "Kết quả".to_owned(),
                        width: Width::Mm(30.0),
                        align: Align::Center,
                    },
                ],
                rows,
                total_row: None,
            }),
        ],
        signature: Some(Signature {
            authority: vec!["TM. Ban Chỉ đạo".to_owned(), "Trưởng ban".to_owned()],
            signer: "Trần Thị Ỹ".to_owned(),
        }),
        left_signature: None,
        recipients: vec!["Như trên".to_owned(), "Lưu: VT".to_owned()],
        keep: Vec::new(),
    }
}

/// The program's standard output, or `None` when it is not installed.
fn run(program: &str, args: &[&str]) -> Option<String> {
    match Command::new(program).args(args).output() {
        Ok(output) => {
            assert!(output.status.success(), "{program} failed: {output:?}");
            Some(String::from_utf8(output.stdout).expect("UTF-8 output"))
        }
        Err(error) if error.kind() == ErrorKind::NotFound => {
            eprintln!("{program} is not installed (Debian: poppler-utils): check skipped");
            None
        }
        Err(error) => panic!("{program}: {error}"),
    }
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn poppler_reads_back_the_text_and_finds_every_font_embedded() {
    let laid = layout(&document());
    assert_eq!(laid.pages.len(), 2);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("báo cáo.pdf");
    std::fs::write(&path, to_pdf(&laid).unwrap()).unwrap();
    let path = path.to_str().unwrap();

    let Some(text) = run("pdftotext", &["-layout", "-enc", "UTF-8", path, "-"]) else {
        return;
    };
    assert!(unicode_normalization::is_nfc(&text));
    let text = collapse(&text);
    for expected in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "UBND PHƯỜNG CHỢ QUÁN",
        "Số: 07/BC-BCĐ",
        "Chợ Quán, ngày 19 tháng 8 năm 2026",
        "BÁO CÁO",
        "Kết quả thăm hỏi, tặng quà",
        "I. KẾT QUẢ",
        NARRATIVE,
        &format!("Kiểm tra phông chữ: {STACKED}."),
        "Hộ ông Nguyễn Văn Đức số 45",
        "Nơi nhận:",
        "- Như trên;",
        "- Lưu: VT.",
        "Trần Thị Ỹ",
    ] {
        assert!(text.contains(expected), "missing “{expected}” in:\n{text}");
    }
    // The table header is printed again on the second page.
    assert_eq!(text.matches("Họ và tên").count(), 2);

    let Some(fonts) = run("pdffonts", &[path]) else {
        return;
    };
    // Two header lines, then one line per font: name, type, encoding, emb, sub, uni, ...
    let rows: Vec<Vec<&str>> = fonts
        .lines()
        .skip(2)
        .map(|line| line.split_whitespace().collect())
        .collect();
    assert_eq!(rows.len(), 4, "{fonts}");
    for row in &rows {
        let emb = row[row.len() - 5];
        assert_eq!(emb, "yes", "{fonts}");
    }
    let mut names: Vec<&str> = rows.iter().map(|row| row[0]).collect();
    names.sort();
    assert_eq!(
        names,
        [
            "LiberationSerif",
            "LiberationSerif-Bold",
            "LiberationSerif-BoldItalic",
            "LiberationSerif-Italic"
        ]
    );

    let Some(info) = run("pdfinfo", &[path]) else {
        return;
    };
    assert!(info.contains("Pages:           2"), "{info}");
    // The incremental update that asks for no print scaling is read: its catalog raises the
    // version.
    assert!(info.contains("PDF version:     1.6"), "{info}");
    assert!(
        info.contains("Title:           Báo cáo kết quả thăm hỏi, tặng quà"),
        "{info}"
    );
}
