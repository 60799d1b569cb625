//! The PDF read back as a viewer reads it (through each font's Unicode map): the text as it
//! went in (NFC, every stacked mark intact), every font embedded, the title and the version.

#[path = "support/pdf.rs"]
mod pdf;

use ngayhoi::document::{
    AdminDocument, Align, Block, Column, Signature, Table, Width, layout, to_pdf,
};
use pdf::Pdf;
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

#[test]
fn the_text_reads_back_as_it_went_in_and_every_font_is_embedded() {
    let laid = layout(&document());
    assert_eq!(laid.pages.len(), 2);
    let pdf = Pdf::from_bytes(&to_pdf(&laid).unwrap());
    assert_eq!(pdf.pages.len(), 2);

    let text = pdf.flat();
    assert!(unicode_normalization::is_nfc(&text));
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
    for page in &pdf.pages {
        assert_eq!(page.flat().matches("Họ và tên").count(), 1);
    }

    let mut names: Vec<&str> = pdf.fonts.iter().map(|f| f.name.as_str()).collect();
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
    for font in &pdf.fonts {
        assert!(font.embedded, "{font:?}");
    }
    // The incremental update that asks for no print scaling is read: its catalog raises the
    // version.
    assert_eq!(pdf.version, "1.6");
    assert_eq!(
        pdf.title.as_deref(),
        Some("Báo cáo kết quả thăm hỏi, tặng quà")
    );
}
