//! The PDF the sample report paints: each font face embedded once, nothing scaled, and a
//! character no bundled font can draw refused rather than drawn as a box.

use crate::document::tests::sample;
use crate::document::*;

/// Dictionaries ("/Type/Page...", "/FontFile2") are written uncompressed.
fn count(bytes: &[u8], needle: &[u8]) -> usize {
    bytes.windows(needle.len()).filter(|w| w == &needle).count()
}

#[test]
fn the_pdf_embeds_each_face_once_and_asks_not_to_scale() {
    let doc = layout(&sample());
    let pdf = to_pdf(&doc).unwrap();
    if let Some(path) = std::env::var_os("NGAYHOI_SAMPLE_PDF") {
        std::fs::write(path, &pdf).unwrap();
    }
    assert!(pdf.starts_with(b"%PDF-1.6\n"));
    assert!(pdf.ends_with(b"%%EOF\n"));
    assert_eq!(count(&pdf, b"/Type/Page/"), 3);
    assert_eq!(count(&pdf, b"/Count 3"), 1);
    // Regular, bold, italic (place and date) and bold italic ("Nơi nhận:"), once each.
    assert_eq!(doc.faces().len(), 4);
    assert_eq!(count(&pdf, b"/FontFile2"), 4);
    assert!(pdf.len() < 1_500_000, "{} bytes", pdf.len());
    assert_eq!(count(&pdf, b"/ViewerPreferences<</PrintScaling/None>>"), 1);

    // Every entry of the cross-reference table points at its object.
    let text = String::from_utf8_lossy(&pdf);
    let xref: usize = text
        .rsplit("startxref\n")
        .next()
        .unwrap()
        .trim_end_matches("%%EOF\n")
        .trim()
        .parse()
        .unwrap();
    assert!(pdf[xref..].starts_with(b"xref\n0 "));
    // The table is ASCII; `text` is not byte for byte the file (binary streams were replaced).
    let table = std::str::from_utf8(&pdf[xref..]).unwrap();
    let size: usize = table.lines().nth(1).unwrap()[2..].parse().unwrap();
    for (object, line) in table.lines().skip(3).take(size - 1).enumerate() {
        let offset: usize = line[..10].parse().unwrap();
        let header = format!("{} 0 obj\n", object + 1);
        assert!(pdf[offset..].starts_with(header.as_bytes()), "{header}");
    }
    assert!(table.contains(&format!("/Size {size}/Root 1 0 R")));

    // printpdf, which painted the papers before, reads the file back.
    let read = printpdf::PdfDocument::parse(&pdf, &Default::default(), &mut Vec::new()).unwrap();
    assert_eq!(read.pages.len(), 3);
    assert_eq!(read.metadata.info.document_title, doc.title);

    let parsed = lopdf::Document::load_mem(&pdf).unwrap();
    assert_eq!(parsed.get_pages().len(), 3);
    let info = parsed.trailer.get(b"Info").unwrap().as_reference().unwrap();
    let title = parsed.get_dictionary(info).unwrap().get(b"Title").unwrap();
    let title = lopdf::decode_text_string(title).unwrap();
    assert_eq!(title, doc.title);
}

#[test]
fn a_character_without_a_glyph_is_refused() {
    let doc = AdminDocument {
        blocks: vec![Block::Paragraph("Chúc mừng 🎉".to_owned())],
        ..AdminDocument::default()
    };
    let error = to_pdf(&layout(&doc)).unwrap_err();
    assert_eq!(error, DocumentError::MissingGlyphs(vec!['🎉']));
    assert!(error.to_string().contains("“🎉”"));
}

#[test]
fn characters_without_a_glyph_are_named_once_in_order_of_appearance_across_pages() {
    let page = |text: &str| {
        let mut page = Page::new(210.0, 297.0);
        page.text(30.0, 30.0, 14.0, Face::Regular, text);
        page
    };
    let doc = Document {
        title: "Thử".into(),
        pages: (0..70)
            .map(|i| match i {
                3 => page("Lễ 🎉 mừng"),
                50 => page("Chữ 漢 và 🎉"),
                _ => page("Ngày hội"),
            })
            .collect(),
    };
    assert_eq!(
        to_pdf(&doc).unwrap_err(),
        DocumentError::MissingGlyphs(vec!['🎉', '漢'])
    );
}
