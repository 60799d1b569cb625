//! The text of a PDF the app wrote, read back with lopdf: each page's runs in the order they
//! were drawn, decoded through the fonts' ToUnicode maps.

use std::collections::BTreeMap;
use std::path::Path;

use lopdf::{Document, Encoding, Object};

/// Each page's text as drawn, one run after another, spaces between runs.
pub fn pages(pdf: &Path) -> Vec<String> {
    let doc = Document::load(pdf).expect("the PDF reads back");
    doc.get_pages()
        .into_values()
        .map(|id| {
            let encodings: BTreeMap<Vec<u8>, Encoding> = doc
                .get_page_fonts(id)
                .unwrap()
                .into_iter()
                .map(|(name, font)| (name, font.get_font_encoding(&doc).unwrap()))
                .collect();
            let content = lopdf::content::Content::decode(&doc.get_page_content(id)).unwrap();
            let mut font = None;
            let mut runs = Vec::new();
            for op in &content.operations {
                match (op.operator.as_str(), op.operands.as_slice()) {
                    ("Tf", [Object::Name(name), ..]) => font = encodings.get(name),
                    ("Tj", [Object::String(bytes, _)]) => runs
                        .push(Document::decode_text(font.expect("a font is set"), bytes).unwrap()),
                    _ => {}
                }
            }
            runs.join(" ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}
