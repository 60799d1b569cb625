//! The PDF painter: writes a laid-out [`Document`] as PDF directly, byte by byte. Each face a
//! document uses is embedded once and whole, from the same bytes layout measured with,
//! compressed when the program was built; every string is its own text object positioned
//! absolutely.
//!
//! The file is what printpdf 0.12 wrote before (issue 16; `tests/papers_golden.rs` holds the
//! papers to it): the same operators, numbers, glyph codes, widths (`/W`), Unicode maps and
//! font descriptors, so the pages, text, fonts and positions did not change. What changed is
//! the cost: no object model, no font parsing per document, no font compression at run time,
//! and the part of the content that every page repeats (a certificate's frame and headings) is
//! written once and shared by every page's `/Contents` array.

use miniz_oxide::deflate::core::{
    CompressionStrategy, CompressorOxide, TDEFLFlush, TDEFLStatus, compress_to_output,
    create_comp_flags_from_zip_params,
};
use std::fmt::Write as _;

use super::fonts::Face;
use super::page::{Document, Item};
use super::parallel;
use super::shared::{State, common_items};

mod font;
#[cfg(test)]
mod tests;
mod writer;

use font::write_font;
use writer::{Writer, utf16_string};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocumentError {
    /// Characters the document's font cannot draw: they would print as empty boxes.
    MissingGlyphs(Vec<char>),
    /// A bundled font could not be read (a damaged installation).
    Font(Face),
    /// A document without a page.
    Empty,
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
            DocumentError::Empty => f.write_str("Văn bản không có trang nào để in."),
            DocumentError::Font(face) => write!(
                f,
                "Không đọc được phông chữ đi kèm ứng dụng ({face:?}). Hãy cài đặt lại ứng dụng."
            ),
        }
    }
}

impl std::error::Error for DocumentError {}

/// Points per millimetre, as an f32: the factor printpdf used, so positions keep their digits.
const PT_PER_MM: f32 = 2.834_646;

/// zlib level for page content and Unicode maps: 1,000 certificates take 1.64 MB at 1 and
/// 1.55 MB at 6, and 1 writes them about a tenth faster (measured with benches/peer.sh).
const LEVEL: u8 = 1;

/// A content stream shorter than this is written as it is: compressing would not pay.
const COMPRESS_FROM: usize = 64;

/// Shared content shorter than this stays in each page: a second stream per page costs about
/// 20 bytes of references and cross-reference entry.
const SHARE_FROM: usize = 256;

fn mm_to_pt(mm: f32) -> f32 {
    mm * PT_PER_MM
}

/// A position in points, rounded to 1/100 pt (0.0035 mm): shorter numbers in every page's
/// content, far below what a printer can show.
fn rounded_pt(mm: f32) -> f32 {
    (mm_to_pt(mm) * 100.0).round() / 100.0
}

/// One face as embedded: the resource name, and per glyph the character it draws.
struct Embedded {
    face: Face,
    name: String,
    /// Glyph id -> the character last drawn with it (for `/ToUnicode`); 0 = unused.
    used: Vec<u32>,
}

/// The document as a PDF file that asks viewers not to scale it when printing.
pub fn to_pdf(doc: &Document) -> Result<Vec<u8>, DocumentError> {
    let mut fonts: Vec<Embedded> = Vec::new();
    for face in doc.faces() {
        let font = face.ttf();
        fonts.push(Embedded {
            face,
            name: format!("F{}", fonts.len() + 1),
            used: vec![0; usize::from(font.number_of_glyphs())],
        });
    }
    let slot = |face: Face| fonts.iter().position(|f| f.face == face);
    let slots: [Option<usize>; 4] = Face::ALL.map(slot);

    if doc.pages.is_empty() {
        return Err(DocumentError::Empty);
    }
    // Every page's operators, on two threads for long documents. The items every page shares
    // (a certificate's frame and headings) are formatted once, into a stream of their own
    // when it is long enough.
    let shared = common_items(&doc.pages)
        .map(|items| operators(items, doc.pages[0].height_mm, &slots, State::default()));
    let shared = shared.filter(|ops| ops.raw.len() >= SHARE_FROM);
    // Each page compressed as soon as it is formatted, so that its operators are not all held
    // at once.
    let pages = parallel(&doc.pages, |page| {
        let ops = match &shared {
            Some(_) => operators(
                &page.items,
                page.height_mm,
                &slots,
                State::after(&page.shared),
            ),
            None => operators(page.all_items(), page.height_mm, &slots, State::default()),
        };
        (stream_of(&ops.raw), distinct(ops.glyphs), ops.missing)
    });
    // Characters no glyph draws are found while formatting, not by a pass of their own over
    // every character: the document is refused, in order of appearance.
    let mut missing: Vec<char> = Vec::new();
    let found = shared.iter().map(|ops| &ops.missing);
    for &c in found.chain(pages.iter().map(|(_, _, m)| m)).flatten() {
        if !missing.contains(&c) {
            missing.push(c);
        }
    }
    if !missing.is_empty() {
        return Err(DocumentError::MissingGlyphs(missing));
    }
    let glyphs = shared.iter().map(|ops| &ops.glyphs);
    for (slot, gid, c) in glyphs.chain(pages.iter().map(|(_, g, _)| g)).flatten() {
        fonts[*slot].used[usize::from(*gid)] = *c;
    }
    let shared = shared.map(|ops| stream_of(&ops.raw));
    let streams: Vec<Stream> = pages.into_iter().map(|(stream, ..)| stream).collect();

    let mut w = Writer::new();
    // 1 catalog, 2 page tree, 3 information, 4 resources, then fonts (4 objects each), then
    // the shared content, then pages (page, content).
    let font_base = 5;
    let shared_id = font_base + 4 * fonts.len();
    let first_page = shared_id + usize::from(shared.is_some());
    let page_id = |i: usize| first_page + 2 * i;

    w.object(1);
    w.raw(b"<</Type/Catalog/PageLayout/OneColumn/PageMode/UseNone/Pages 2 0 R/Version/1.6/ViewerPreferences<</PrintScaling/None>>>>");
    w.end_object();

    w.object(2);
    let mut kids = String::new();
    for i in 0..doc.pages.len() {
        if i > 0 {
            kids.push(' ');
        }
        write!(kids, "{} 0 R", page_id(i)).unwrap();
    }
    w.raw(format!("<</Type/Pages/Count {}/Kids[{kids}]>>", doc.pages.len()).as_bytes());
    w.end_object();

    w.object(3);
    // printpdf would date every file 1 January 1970; we write now, in UTC.
    let now = chrono::Utc::now().format("D:%Y%m%d%H%M%S+00'00'");
    w.raw(
        format!(
            "<</Title{}/Creator{}/Producer()/CreationDate({now})/ModDate({now})>>",
            utf16_string(&doc.title),
            utf16_string("Ngày hội")
        )
        .as_bytes(),
    );
    w.end_object();

    w.object(4);
    let mut resources = String::from("<</Font<<");
    for (i, font) in fonts.iter().enumerate() {
        write!(resources, "/{} {} 0 R", font.name, font_base + 4 * i).unwrap();
    }
    resources.push_str(">>>>");
    w.raw(resources.as_bytes());
    w.end_object();

    for (i, font) in fonts.iter().enumerate() {
        write_font(&mut w, font, font_base + 4 * i)?;
    }

    if let Some(shared) = &shared {
        w.stream(shared_id, "", shared);
    }
    for (i, (page, own)) in doc.pages.iter().zip(&streams).enumerate() {
        let id = page_id(i);
        let (width, height) = (mm_to_pt(page.width_mm), mm_to_pt(page.height_mm));
        let bx = format!("[0 0 {width} {height}]");
        let contents = match &shared {
            Some(_) => format!("[{shared_id} 0 R {} 0 R]", id + 1),
            None => format!("{} 0 R", id + 1),
        };
        w.object(id);
        w.raw(
            format!(
                "<</Type/Page/MediaBox{bx}/TrimBox{bx}/CropBox{bx}/Parent 2 0 R/Resources 4 0 R/Contents {contents}>>"
            )
            .as_bytes(),
        );
        w.end_object();
        w.stream(id + 1, "", own);
    }
    Ok(w.finish(page_id(doc.pages.len()), 1, 3))
}

/// A page's operators, the glyphs it draws as (font slot, glyph, character), and the
/// characters its fonts cannot draw (that would print as empty boxes).
struct Operators {
    raw: Vec<u8>,
    glyphs: Vec<(usize, u16, u32)>,
    missing: Vec<char>,
}

struct Stream {
    bytes: Vec<u8>,
    deflated: bool,
}

fn stream_of(raw: &[u8]) -> Stream {
    if raw.len() < COMPRESS_FROM {
        return Stream {
            bytes: raw.to_vec(),
            deflated: false,
        };
    }
    Stream {
        bytes: deflate(raw),
        deflated: true,
    }
}

thread_local! {
    /// One compressor per thread, reset between streams: a new one is some 300 KB to allocate
    /// and clear, more than the work of compressing one page's few hundred bytes.
    static COMPRESSOR: std::cell::RefCell<CompressorOxide> =
        std::cell::RefCell::new(CompressorOxide::new(create_comp_flags_from_zip_params(
            LEVEL.into(),
            // Positive window bits: a zlib header and checksum, as `/FlateDecode` wants.
            15,
            CompressionStrategy::Default.into(),
        )));
}

/// `raw` compressed with zlib at [`LEVEL`].
fn deflate(raw: &[u8]) -> Vec<u8> {
    COMPRESSOR.with_borrow_mut(|compressor| {
        compressor.reset();
        let mut out = Vec::with_capacity(raw.len() / 2 + 64);
        let (status, _) = compress_to_output(compressor, raw, TDEFLFlush::Finish, |chunk| {
            out.extend_from_slice(chunk);
            true
        });
        assert_eq!(
            status,
            TDEFLStatus::Done,
            "compressing into memory cannot fail"
        );
        out
    })
}

/// The operators of `items` on a page `height_mm` high, after operators that left `state`
/// set, as printpdf wrote them: font and line width set only when they change; each string
/// its own text object positioned from the page origin.
fn operators<'a>(
    items: impl IntoIterator<Item = &'a Item>,
    height_mm: f32,
    slots: &[Option<usize>; 4],
    state: State,
) -> Operators {
    let items = items.into_iter();
    let mut out = String::with_capacity(64 * items.size_hint().0);
    let mut glyphs = Vec::new();
    let mut missing = Vec::new();
    let mut font = state.font;
    let mut stroke = state.stroke;
    let y = |y_mm: f32| rounded_pt(height_mm - y_mm);
    let mut set_stroke = |out: &mut String, width_pt: f32| {
        if stroke != Some(width_pt) {
            writeln!(out, "{width_pt} w").unwrap();
            stroke = Some(width_pt);
        }
    };
    for item in items {
        match item {
            Item::Text(t) => {
                let slot = slots[t.face as usize].expect("every face drawn is embedded");
                out.push_str("BT\n");
                if font != Some((t.face, t.size_pt)) {
                    writeln!(out, "/F{} {} Tf", slot + 1, t.size_pt).unwrap();
                    font = Some((t.face, t.size_pt));
                }
                writeln!(out, "{} {} Td", rounded_pt(t.x_mm), y(t.y_mm)).unwrap();
                out.push('<');
                for c in t.text.chars() {
                    let gid = t.face.glyph(c).0;
                    match gid {
                        Some(gid) => glyphs.push((slot, gid, u32::from(c))),
                        None if super::fonts::needs_glyph(c) => missing.push(c),
                        None => {}
                    }
                    push_hex4(&mut out, gid.unwrap_or(0));
                }
                out.push_str("> Tj\nET\n");
            }
            Item::Rule(l) => {
                set_stroke(&mut out, l.width_pt);
                let (x1, y1) = (rounded_pt(l.x1_mm), y(l.y1_mm));
                let (x2, y2) = (rounded_pt(l.x2_mm), y(l.y2_mm));
                writeln!(out, "{x1} {y1} m\n{x2} {y2} l\nS").unwrap();
            }
            Item::Rect(r) => {
                set_stroke(&mut out, r.width_pt);
                // PDF rectangles start at their lower-left corner.
                let (x, bottom) = (rounded_pt(r.x_mm), y(r.y_mm + r.height_mm));
                let (width, height) = (mm_to_pt(r.width_mm), mm_to_pt(r.height_mm));
                writeln!(out, "{x} {bottom} {width} {height} re\nS").unwrap();
            }
        }
    }
    Operators {
        raw: out.into_bytes(),
        glyphs,
        missing,
    }
}

/// One entry per glyph, with the character it drew last: a page draws some 600 characters but
/// few distinct ones, and 10,000 pages held every entry until the fonts were written.
fn distinct(mut glyphs: Vec<(usize, u16, u32)>) -> Vec<(usize, u16, u32)> {
    glyphs.reverse();
    glyphs.sort_by_key(|&(slot, gid, _)| (slot, gid));
    glyphs.dedup_by_key(|&mut (slot, gid, _)| (slot, gid));
    glyphs.shrink_to_fit();
    glyphs
}

/// `n` as four upper-case hex digits, as `{:04X}` writes it: one per glyph of every string,
/// where the formatter's generality costs more than the rest of the page.
fn push_hex4(out: &mut String, n: u16) {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    for shift in [12, 8, 4, 0] {
        out.push(char::from(DIGITS[usize::from((n >> shift) & 0xF)]));
    }
}
