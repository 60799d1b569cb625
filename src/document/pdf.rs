//! The PDF painter: draws a laid-out [`Document`] with printpdf. Each face a document uses is
//! embedded once, from the same bytes layout measured with; every string is its own text
//! object positioned absolutely, so nothing depends on printpdf's (relative) text cursor.

use std::collections::BTreeMap;

use printpdf::{
    FontId, Line, LinePoint, Mm, OffsetDateTime, Op, PaintMode, ParsedFont, PdfDocument,
    PdfFontHandle, PdfPage, PdfParseErrorSeverity, PdfSaveOptions, Point, Pt, Rect, TextItem,
};

use super::fonts::Face;
use super::page::{Document, Item, Page};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocumentError {
    /// Characters the document's font cannot draw: they would print as empty boxes.
    MissingGlyphs(Vec<char>),
    /// A bundled font could not be read (a damaged installation).
    Font(Face),
    /// printpdf failed, or wrote a file this painter cannot finish.
    Pdf(String),
}

impl std::fmt::Display for DocumentError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DocumentError::MissingGlyphs(chars) => {
                let chars: Vec<String> = chars.iter().map(|c| format!("“{c}”")).collect();
                write!(
                    f,
                    "Phông chữ của văn bản không có các ký tự {}. Hãy xóa hoặc thay các ký tự này rồi in lại.",
                    chars.join(", ")
                )
            }
            DocumentError::Font(face) => write!(
                f,
                "Không đọc được phông chữ đi kèm ứng dụng ({face:?}). Hãy cài đặt lại ứng dụng."
            ),
            DocumentError::Pdf(reason) => write!(f, "Không tạo được tệp PDF: {reason}"),
        }
    }
}

impl std::error::Error for DocumentError {}

/// The document as a PDF file that asks viewers not to scale it when printing.
pub fn to_pdf(doc: &Document) -> Result<Vec<u8>, DocumentError> {
    let missing = doc.missing_glyphs();
    if !missing.is_empty() {
        return Err(DocumentError::MissingGlyphs(missing));
    }
    let mut pdf = PdfDocument::new(&doc.title);
    pdf.metadata.info.creator = "Ngày hội".to_owned();
    // printpdf would otherwise date every file 1 January 1970.
    pdf.metadata.info.creation_date = OffsetDateTime::now_utc();
    pdf.metadata.info.modification_date = pdf.metadata.info.creation_date;
    // Font ids belong to one PdfDocument: a face is added to each document afresh.
    let mut fonts = BTreeMap::new();
    for face in doc.faces() {
        let mut parsed = ParsedFont::from_bytes(face.bytes(), 0, &mut Vec::new())
            .ok_or(DocumentError::Font(face))?;
        // Without a name printpdf calls the font by its random resource id, which is what
        // a viewer's font list would show.
        parsed.font_name = Some(postscript_name(face).to_owned());
        // printpdf names the resource with 32 random letters, repeated by every font change
        // on every page; a short stable name keeps a 1,000-page batch small.
        let random = pdf.add_font(&parsed);
        let short = FontId(format!("F{}", fonts.len() + 1));
        if let Some(font) = pdf.resources.fonts.map.remove(&random) {
            pdf.resources.fonts.map.insert(short.clone(), font);
        }
        fonts.insert(face, short);
    }
    let pages = doc
        .pages
        .iter()
        .map(|page| PdfPage::new(Mm(page.width_mm), Mm(page.height_mm), ops(page, &fonts)))
        .collect();
    let mut warnings = Vec::new();
    let bytes = pdf
        .with_pages(pages)
        .save(&PdfSaveOptions::default(), &mut warnings);
    if let Some(error) = warnings
        .iter()
        .find(|w| w.severity == PdfParseErrorSeverity::Error)
    {
        return Err(DocumentError::Pdf(error.msg.clone()));
    }
    without_print_scaling(bytes).ok_or_else(|| {
        DocumentError::Pdf("printpdf đã ghi một tệp có cấu trúc không như dự kiến".to_owned())
    })
}

fn postscript_name(face: Face) -> &'static str {
    match face {
        Face::Regular => "LiberationSerif",
        Face::Bold => "LiberationSerif-Bold",
        Face::Italic => "LiberationSerif-Italic",
        Face::BoldItalic => "LiberationSerif-BoldItalic",
    }
}

/// A position in points, rounded to 1/100 pt (0.0035 mm): shorter numbers in every page's
/// content, far below what a printer can show.
fn point(page: &Page, x_mm: f32, y_mm: f32) -> Point {
    let pt = |mm: f32| Pt((Pt::from(Mm(mm)).0 * 100.0).round() / 100.0);
    Point {
        x: pt(x_mm),
        y: pt(page.height_mm - y_mm),
    }
}

fn ops(page: &Page, fonts: &BTreeMap<Face, FontId>) -> Vec<Op> {
    let mut ops = Vec::new();
    // Font and line width belong to the graphics state, which outlives each text object:
    // set them only when they change.
    let mut font = None;
    let mut stroke = None;
    let mut set_stroke = |ops: &mut Vec<Op>, width_pt: f32| {
        if stroke != Some(width_pt) {
            ops.push(Op::SetOutlineThickness { pt: Pt(width_pt) });
            stroke = Some(width_pt);
        }
    };
    for item in &page.items {
        match item {
            Item::Text {
                x_mm,
                y_mm,
                size_pt,
                face,
                text,
            } => {
                ops.push(Op::StartTextSection);
                if font != Some((*face, *size_pt)) {
                    ops.push(Op::SetFont {
                        font: PdfFontHandle::External(fonts[face].clone()),
                        size: Pt(*size_pt),
                    });
                    font = Some((*face, *size_pt));
                }
                ops.push(Op::SetTextCursor {
                    pos: point(page, *x_mm, *y_mm),
                });
                ops.push(Op::ShowText {
                    items: vec![TextItem::Text(text.clone())],
                });
                ops.push(Op::EndTextSection);
            }
            Item::Line {
                x1_mm,
                y1_mm,
                x2_mm,
                y2_mm,
                width_pt,
            } => {
                set_stroke(&mut ops, *width_pt);
                let ends = [(*x1_mm, *y1_mm), (*x2_mm, *y2_mm)];
                ops.push(Op::DrawLine {
                    line: Line {
                        points: ends
                            .into_iter()
                            .map(|(x, y)| LinePoint {
                                p: point(page, x, y),
                                bezier: false,
                            })
                            .collect(),
                        is_closed: false,
                    },
                });
            }
            Item::Rect {
                x_mm,
                y_mm,
                width_mm,
                height_mm,
                width_pt,
            } => {
                set_stroke(&mut ops, *width_pt);
                let corner = point(page, *x_mm, y_mm + height_mm);
                ops.push(Op::DrawRectangle {
                    rectangle: Rect {
                        x: corner.x,
                        y: corner.y,
                        width: Mm(*width_mm).into(),
                        height: Mm(*height_mm).into(),
                        mode: Some(PaintMode::Stroke),
                        winding_order: None,
                    },
                });
            }
        }
    }
    ops
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// The first `count` unsigned integers of `bytes`, which must start with them (after any
/// whitespace).
fn numbers(bytes: &[u8], count: usize) -> Option<Vec<usize>> {
    let found: Vec<usize> = bytes
        .split(u8::is_ascii_whitespace)
        .filter(|word| !word.is_empty())
        .take(count)
        .map(|word| std::str::from_utf8(word).ok()?.parse().ok())
        .collect::<Option<_>>()?;
    (found.len() == count).then_some(found)
}

/// Adds `/ViewerPreferences << /PrintScaling /None >>` to the catalog, so that viewers print
/// at 100 %: pre-printed certificate blanks need the text exactly where layout put it.
/// printpdf 0.12 cannot set viewer preferences, so this appends a standard incremental update
/// (a new version of the catalog, a one-entry cross-reference section and a trailer pointing
/// back to the original one). printpdf writes a classic cross-reference table with the
/// catalog as a plain object; `None` if the file is not like that.
fn without_print_scaling(mut pdf: Vec<u8>) -> Option<Vec<u8>> {
    let startxref = rfind(&pdf, b"startxref")?;
    let previous_xref = numbers(&pdf[startxref + b"startxref".len()..], 1)?[0];
    let trailer_at = rfind(&pdf[..startxref], b"trailer")?;
    let trailer = &pdf[trailer_at..startxref];
    let trailer = &trailer[find(trailer, b"<<")?..rfind(trailer, b">>")? + 2];
    let root = find(trailer, b"/Root")?;
    let root = numbers(&trailer[root + b"/Root".len()..], 2)?;
    let (object, generation) = (root[0], root[1]);

    let offset = catalog_offset(&pdf, previous_xref, object)?;
    let header = format!("{object} {generation} obj");
    let body_start = offset + header.len();
    if pdf.get(offset..body_start)? != header.as_bytes() {
        return None;
    }
    let body_end = body_start + find(&pdf[body_start..], b"endobj")?;
    let catalog = pdf[body_start..body_end].trim_ascii();
    if !catalog.starts_with(b"<<")
        || !catalog.ends_with(b">>")
        || find(catalog, b"/ViewerPreferences").is_some()
    {
        return None;
    }

    // /PrintScaling came with PDF 1.6; the catalog's /Version raises the header's 1.3.
    let mut update = b"\n".to_vec();
    let new_offset = pdf.len() + update.len();
    update.extend_from_slice(format!("{header}\n").as_bytes());
    update.extend_from_slice(&catalog[..catalog.len() - 2]);
    update.extend_from_slice(b"/Version/1.6/ViewerPreferences<</PrintScaling/None>>>>\nendobj\n");
    let xref_at = pdf.len() + update.len();
    update.extend_from_slice(
        format!("xref\n{object} 1\n{new_offset:010} {generation:05} n \ntrailer\n").as_bytes(),
    );
    update.extend_from_slice(&trailer[..trailer.len() - 2]);
    update.extend_from_slice(
        format!("/Prev {previous_xref}>>\nstartxref\n{xref_at}\n%%EOF\n").as_bytes(),
    );
    pdf.extend_from_slice(&update);
    Some(pdf)
}

/// Where `object` starts, read from the classic cross-reference table at `xref`: subsections
/// of "first count" followed by fixed 20-byte entries "offset generation n".
fn catalog_offset(pdf: &[u8], xref: usize, object: usize) -> Option<usize> {
    let table = pdf.get(xref..)?.strip_prefix(b"xref")?;
    let mut at = table.len() - table.trim_ascii_start().len();
    loop {
        let line_end = at + find(&table[at..], b"\n")?;
        let range = numbers(&table[at..line_end], 2)?;
        let (first, count) = (range[0], range[1]);
        let entries = line_end + 1;
        if (first..first + count).contains(&object) {
            let entry = entries + 20 * (object - first);
            return numbers(table.get(entry..entry + 20)?, 1).map(|n| n[0]);
        }
        at = entries + 20 * count;
        if table.get(at..)?.starts_with(b"trailer") {
            return None;
        }
    }
}
