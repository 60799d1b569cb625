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

use std::collections::BTreeMap;

use miniz_oxide::deflate::core::{
    CompressionStrategy, CompressorOxide, TDEFLFlush, TDEFLStatus, compress_to_output,
    create_comp_flags_from_zip_params,
};
use std::fmt::Write as _;

use super::fonts::Face;
use super::page::{Document, Item};
use super::parallel;
use super::shared::{State, common_items};

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
            Item::Text {
                x_mm,
                y_mm,
                size_pt,
                face,
                text,
            } => {
                let slot = slots[*face as usize].expect("every face drawn is embedded");
                out.push_str("BT\n");
                if font != Some((*face, *size_pt)) {
                    writeln!(out, "/F{} {size_pt} Tf", slot + 1).unwrap();
                    font = Some((*face, *size_pt));
                }
                writeln!(out, "{} {} Td", rounded_pt(*x_mm), y(*y_mm)).unwrap();
                out.push('<');
                for c in text.chars() {
                    let gid = face.glyph(c).0;
                    match gid {
                        Some(gid) => glyphs.push((slot, gid, u32::from(c))),
                        None if super::fonts::needs_glyph(c) => missing.push(c),
                        None => {}
                    }
                    push_hex4(&mut out, gid.unwrap_or(0));
                }
                out.push_str("> Tj\nET\n");
            }
            Item::Line {
                x1_mm,
                y1_mm,
                x2_mm,
                y2_mm,
                width_pt,
            } => {
                set_stroke(&mut out, *width_pt);
                writeln!(
                    out,
                    "{} {} m\n{} {} l\nS",
                    rounded_pt(*x1_mm),
                    y(*y1_mm),
                    rounded_pt(*x2_mm),
                    y(*y2_mm)
                )
                .unwrap();
            }
            Item::Rect {
                x_mm,
                y_mm,
                width_mm,
                height_mm,
                width_pt,
            } => {
                set_stroke(&mut out, *width_pt);
                writeln!(
                    out,
                    "{} {} {} {} re\nS",
                    rounded_pt(*x_mm),
                    y(y_mm + height_mm),
                    mm_to_pt(*width_mm),
                    mm_to_pt(*height_mm)
                )
                .unwrap();
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

fn postscript_name(face: Face) -> &'static str {
    match face {
        Face::Regular => "LiberationSerif",
        Face::Bold => "LiberationSerif-Bold",
        Face::Italic => "LiberationSerif-Italic",
        Face::BoldItalic => "LiberationSerif-BoldItalic",
    }
}

/// A face as a Type0 font with Identity-H encoding over the whole TrueType program: the font
/// (`id`), its Unicode map (`id + 1`), descriptor (`id + 2`) and program (`id + 3`).
fn write_font(w: &mut Writer, font: &Embedded, id: usize) -> Result<(), DocumentError> {
    let face = font.face;
    let ttf = face.ttf();
    let name = postscript_name(face);
    let upm = ttf.units_per_em();
    let scale = 1000.0 / f32::from(upm);
    let scaled = |v: i16| (f32::from(v) * scale).round() as i64;
    let hhea = ttf
        .raw_face()
        .table(ttf_parser::Tag::from_bytes(b"hhea"))
        .ok_or(DocumentError::Font(face))?;
    let at = |offset: usize| -> Result<i16, DocumentError> {
        let bytes = hhea
            .get(offset..offset + 2)
            .ok_or(DocumentError::Font(face))?;
        Ok(i16::from_be_bytes([bytes[0], bytes[1]]))
    };
    let (ascender, descender) = (at(4)?, at(6)?);
    let (rise, run) = (at(18)?, at(20)?);
    let italic_angle = if rise == 0 {
        0
    } else {
        (-f32::from(run).atan2(f32::from(rise)).to_degrees()).round() as i64
    };
    let flags = 32 | if italic_angle != 0 { 64 } else { 0 };
    let weight = ttf.weight().to_number();
    let stem_v = if weight == 0 {
        80
    } else {
        50 + ((f32::from(weight) / 65.0).powi(2)).round() as i64
    };
    let bbox = ttf.global_bounding_box();

    // Widths in 1/1000 em of the glyphs used, in runs of consecutive glyph ids.
    let mut widths = String::new();
    let mut run_end: Option<usize> = None;
    for (gid, c) in font.used.iter().enumerate() {
        if *c == 0 {
            continue;
        }
        let advance = ttf
            .glyph_hor_advance(ttf_parser::GlyphId(gid as u16))
            .unwrap_or(0);
        let width = (f32::from(advance) * 1000.0 / f32::from(upm)) as i64;
        match run_end {
            Some(end) if end + 1 == gid => write!(widths, " {width}").unwrap(),
            Some(_) => write!(widths, "] {gid}[{width}").unwrap(),
            None => write!(widths, "{gid}[{width}").unwrap(),
        }
        run_end = Some(gid);
    }
    if run_end.is_some() {
        widths.push(']');
    }

    w.object(id);
    w.raw(
        format!(
            "<</Type/Font/Subtype/Type0/BaseFont/{name}/Encoding/Identity-H/ToUnicode {} 0 R/DescendantFonts[<</Type/Font/BaseFont/{name}/Subtype/CIDFontType2/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/W[{widths}]/DW 1000/FontDescriptor {} 0 R/CIDToGIDMap/Identity>>]>>",
            id + 1,
            id + 2
        )
        .as_bytes(),
    );
    w.end_object();

    w.stream(
        id + 1,
        "",
        &stream_of(to_unicode(&font.name, &font.used).as_bytes()),
    );

    w.object(id + 2);
    w.raw(
        format!(
            "<</Type/FontDescriptor/FontName/{name}/Ascent {}/Descent {}/CapHeight {}/ItalicAngle {italic_angle}/Flags {flags}/StemV {stem_v}/FontBBox[{} {} {} {}]/FontFile2 {} 0 R>>",
            scaled(ascender),
            scaled(descender),
            scaled(ascender),
            scaled(bbox.x_min),
            scaled(bbox.y_min),
            scaled(bbox.x_max),
            scaled(bbox.y_max),
            id + 3
        )
        .as_bytes(),
    );
    w.end_object();

    let program = Stream {
        bytes: face.deflated().to_vec(),
        deflated: true,
    };
    w.stream(
        id + 3,
        &format!("/Length1 {}", face.bytes().len()),
        &program,
    );
    Ok(())
}

/// The `/ToUnicode` CMap: each glyph used to the character it was drawn for, in blocks of
/// up to 100 per high byte of the glyph id (the layout printpdf wrote).
fn to_unicode(name: &str, used: &[u32]) -> String {
    let mut out = format!(
        "/CIDInit /ProcSet findresource begin\n\n12 dict begin\n\nbegincmap\n\n%!PS-Adobe-3.0 \
         Resource-CMap\n%%DocumentNeededResources: procset CIDInit\n%%IncludeResource: \
         procset CIDInit\n\n/CIDSystemInfo 3 dict dup begin\n/Registry (FontSpecific) \
         def\n/Ordering ({name}) def\n/Supplement 0 def\nend def\n\n/CMapName /FontSpecific-{name} \
         def\n/CMapVersion 1 def\n/CMapType 2 def\n/WMode 0 def\n\n1 \
         begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
    );
    let mut by_high: BTreeMap<usize, Vec<(usize, u32)>> = BTreeMap::new();
    for (gid, c) in used.iter().enumerate() {
        if *c != 0 {
            by_high.entry(gid >> 8).or_default().push((gid, *c));
        }
    }
    for entries in by_high.values() {
        for chunk in entries.chunks(100) {
            writeln!(out, "{} beginbfchar", chunk.len()).unwrap();
            for (gid, c) in chunk {
                write!(out, "<{gid:04X}> <").unwrap();
                let c = char::from_u32(*c).unwrap_or('\u{FFFD}');
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    write!(out, "{unit:04X}").unwrap();
                }
                out.push_str(">\n");
            }
            out.push_str("endbfchar\n");
        }
    }
    out.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    out
}

/// A text string as UTF-16BE with a byte order mark, in hex: what viewers show for titles.
fn utf16_string(text: &str) -> String {
    let mut out = String::from("<FEFF");
    for unit in text.encode_utf16() {
        write!(out, "{unit:04X}").unwrap();
    }
    out.push('>');
    out
}

/// Objects written in order of their numbers, with their offsets for the cross-reference
/// table.
struct Writer {
    out: Vec<u8>,
    offsets: Vec<usize>,
}

impl Writer {
    fn new() -> Writer {
        let mut out = Vec::with_capacity(1 << 20);
        // The binary comment tells transfer programs the file is not text.
        out.extend_from_slice(b"%PDF-1.6\n%\xbb\xad\xc0\xde\n");
        Writer {
            out,
            offsets: vec![0],
        }
    }

    fn object(&mut self, id: usize) {
        debug_assert_eq!(id, self.offsets.len(), "objects are written in order");
        self.offsets.push(self.out.len());
        self.out
            .extend_from_slice(format!("{id} 0 obj\n").as_bytes());
    }

    fn end_object(&mut self) {
        self.out.extend_from_slice(b"\nendobj\n");
    }

    fn raw(&mut self, bytes: &[u8]) {
        self.out.extend_from_slice(bytes);
    }

    fn stream(&mut self, id: usize, keys: &str, stream: &Stream) {
        self.object(id);
        let filter = if stream.deflated {
            "/Filter/FlateDecode"
        } else {
            ""
        };
        self.raw(format!("<<{keys}/Length {}{filter}>>\nstream\n", stream.bytes.len()).as_bytes());
        self.raw(&stream.bytes);
        self.raw(b"\nendstream");
        self.end_object();
    }

    /// The cross-reference table and trailer; `size` is one more than the last object.
    fn finish(mut self, size: usize, root: usize, info: usize) -> Vec<u8> {
        debug_assert_eq!(size, self.offsets.len());
        let xref = self.out.len();
        let mut table = format!("xref\n0 {size}\n0000000000 65535 f \n");
        for offset in &self.offsets[1..] {
            writeln!(table, "{offset:010} 00000 n ").unwrap();
        }
        write!(
            table,
            "trailer\n<</Size {size}/Root {root} 0 R/Info {info} 0 R>>\nstartxref\n{xref}\n%%EOF\n"
        )
        .unwrap();
        self.out.extend_from_slice(table.as_bytes());
        self.out
    }
}
