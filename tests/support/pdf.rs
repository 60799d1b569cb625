//! The papers read back as a reader sees them, with lopdf and nothing installed: the pages and
//! their size, every string drawn with its position (mm from the page's top-left corner) and
//! its text through the font's `/ToUnicode` map, the rectangles drawn (table cells, the
//! certificate's frame), the fonts and whether they are embedded, the title and the version.
//!
//! It reads what `src/document/pdf.rs` writes (Type0/Identity-H fonts, one `BT … Td … Tj ET`
//! per string) and refuses anything else loudly, so a change of the writer cannot make a check
//! read nothing and pass.

#![allow(dead_code)]

use std::collections::HashMap;
use std::path::Path;

use lopdf::{Dictionary, Document, Object, ObjectId};

pub const MM_PER_PT: f32 = 25.4 / 72.0;

/// One string as drawn: the left end of its baseline and its right end, the top and bottom of
/// its line box (the font's ascent and descent), its size; all in mm, y from the top.
#[derive(Debug, Clone)]
pub struct Run {
    pub x: f32,
    pub y: f32,
    pub end: f32,
    pub top: f32,
    pub bottom: f32,
    pub size: f32,
    /// The font's name ("LiberationSerif-BoldItalic").
    pub font: String,
    pub text: String,
}

/// A rectangle drawn (a table cell, a frame), mm from the page's top-left corner.
#[derive(Debug, Clone, Copy)]
pub struct Cell {
    pub left: f32,
    pub top: f32,
    pub right: f32,
    pub bottom: f32,
}

/// A line as a reader sees it: runs on one baseline close together, not parted by a border,
/// as one run (its font is its first run's).
pub type Line = Run;

#[derive(Debug, Clone)]
pub struct Page {
    pub width_mm: f32,
    pub height_mm: f32,
    /// In the order drawn.
    pub runs: Vec<Run>,
    pub cells: Vec<Cell>,
}

/// A font as a file lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Font {
    pub name: String,
    pub embedded: bool,
    /// The name carries a subset tag ("ABCDEF+").
    pub subset: bool,
}

#[derive(Debug, Clone)]
pub struct Pdf {
    pub pages: Vec<Page>,
    /// Each font object once.
    pub fonts: Vec<Font>,
    /// The catalog's `/Version` when it has one (it raises the header's), else the header's.
    pub version: String,
    pub title: Option<String>,
}

/// A font's glyph codes to text, their widths in 1/1000 em, its ascent and descent.
struct Decoder {
    name: String,
    chars: HashMap<u16, String>,
    widths: HashMap<u16, f32>,
    default_width: f32,
    ascent: f32,
    descent: f32,
}

fn number(o: &Object) -> f32 {
    match o {
        Object::Integer(i) => *i as f32,
        Object::Real(r) => *r,
        other => panic!("a number expected, found {other:?}"),
    }
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => doc.get_object(*id).expect("the reference resolves"),
        other => other,
    }
}

fn name(o: &Object) -> String {
    match o {
        Object::Name(n) => String::from_utf8_lossy(n).into_owned(),
        other => panic!("a name expected, found {other:?}"),
    }
}

/// A PDF text string: UTF-16BE after a byte order mark, else PDFDocEncoding (ASCII here).
fn text_string(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => {
            let units: Vec<u16> = utf16
                .chunks(2)
                .map(|p| u16::from_be_bytes([p[0], p[1]]))
                .collect();
            String::from_utf16(&units).expect("the title is UTF-16")
        }
        None => String::from_utf8_lossy(bytes).into_owned(),
    }
}

fn stream_text(doc: &Document, o: &Object) -> String {
    let Object::Stream(s) = deref(doc, o) else {
        panic!("a stream expected");
    };
    let data = s
        .decompressed_content()
        .unwrap_or_else(|_| s.content.clone());
    String::from_utf8_lossy(&data).into_owned()
}

/// The `bfchar` entries of a `/ToUnicode` CMap (the only kind the writer makes).
fn to_unicode(cmap: &str) -> HashMap<u16, String> {
    assert!(
        !cmap.contains("beginbfrange"),
        "the reader knows bfchar maps only"
    );
    let mut chars = HashMap::new();
    let mut inside = false;
    for line in cmap.lines().map(str::trim) {
        if line.ends_with("beginbfchar") {
            inside = true;
        } else if line == "endbfchar" {
            inside = false;
        } else if inside {
            let hexes: Vec<&str> = line
                .split(['<', '>'])
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect();
            let [code, units] = hexes[..] else {
                panic!("a bfchar entry is two hex strings: {line}");
            };
            let units: Vec<u16> = (0..units.len())
                .step_by(4)
                .map(|i| u16::from_str_radix(&units[i..i + 4], 16).unwrap())
                .collect();
            chars.insert(
                u16::from_str_radix(code, 16).unwrap(),
                String::from_utf16(&units).expect("the map gives UTF-16"),
            );
        }
    }
    chars
}

/// The CID font under a Type0 font.
fn descendant<'a>(doc: &'a Document, font: &'a Dictionary) -> &'a Dictionary {
    let Ok(Object::Array(list)) = font.get(b"DescendantFonts").map(|o| deref(doc, o)) else {
        panic!("a Type0 font has its descendant");
    };
    deref(doc, &list[0])
        .as_dict()
        .expect("the descendant is a dictionary")
}

fn descriptor<'a>(doc: &'a Document, font: &'a Dictionary) -> Option<&'a Dictionary> {
    let font = match font.get(b"Subtype").map(name).as_deref() {
        Ok("Type0") => descendant(doc, font),
        _ => font,
    };
    font.get(b"FontDescriptor").ok().map(|d| {
        deref(doc, d)
            .as_dict()
            .expect("a descriptor is a dictionary")
    })
}

fn decoder(doc: &Document, font: &Dictionary) -> Decoder {
    let subtype = font.get(b"Subtype").map(name).unwrap_or_default();
    assert_eq!(subtype, "Type0", "the reader knows Type0 fonts only");
    assert_eq!(
        font.get(b"Encoding").map(name).unwrap_or_default(),
        "Identity-H"
    );
    let chars = to_unicode(&stream_text(
        doc,
        font.get(b"ToUnicode").expect("every font maps to Unicode"),
    ));
    let cid = descendant(doc, font);
    let default_width = cid.get(b"DW").map(number).unwrap_or(1000.0);
    let mut widths = HashMap::new();
    if let Ok(Object::Array(w)) = cid.get(b"W").map(|o| deref(doc, o)) {
        let mut i = 0;
        while i + 1 < w.len() {
            let first = number(&w[i]) as u16;
            if let Object::Array(list) = deref(doc, &w[i + 1]) {
                for (k, width) in list.iter().enumerate() {
                    widths.insert(first + k as u16, number(width));
                }
                i += 2;
            } else {
                let last = number(&w[i + 1]) as u16;
                for code in first..=last {
                    widths.insert(code, number(&w[i + 2]));
                }
                i += 3;
            }
        }
    }
    let d = descriptor(doc, font).expect("a font has its descriptor");
    Decoder {
        name: font.get(b"BaseFont").map(name).unwrap_or_default(),
        chars,
        widths,
        default_width,
        ascent: d.get(b"Ascent").map(number).unwrap_or(1000.0),
        descent: d.get(b"Descent").map(number).unwrap_or(0.0),
    }
}

fn listed(doc: &Document, font: &Dictionary) -> Font {
    let name = font.get(b"BaseFont").map(name).unwrap_or_default();
    let embedded = descriptor(doc, font).is_some_and(|d| {
        [&b"FontFile"[..], b"FontFile2", b"FontFile3"]
            .iter()
            .any(|k| d.has(k))
    });
    let subset = name.len() > 7
        && name.as_bytes()[6] == b'+'
        && name[..6].bytes().all(|b| b.is_ascii_uppercase());
    Font {
        name,
        embedded,
        subset,
    }
}

fn page(doc: &Document, id: ObjectId, decoders: &mut HashMap<ObjectId, Decoder>) -> Page {
    let dict = doc.get_dictionary(id).unwrap();
    let Ok(Object::Array(media)) = dict.get(b"MediaBox").map(|o| deref(doc, o)) else {
        panic!("every page has its MediaBox");
    };
    let [x0, y0, x1, y1] = [0, 1, 2, 3].map(|i| number(&media[i]) * MM_PER_PT);
    let (width_mm, height_mm) = (x1 - x0, y1 - y0);
    let resources = dict
        .get(b"Resources")
        .map(|o| deref(doc, o).as_dict().unwrap())
        .expect("the page has its resources");
    let mut fonts: HashMap<Vec<u8>, ObjectId> = HashMap::new();
    if let Ok(f) = resources.get(b"Font") {
        for (key, value) in deref(doc, f).as_dict().unwrap() {
            let Object::Reference(font_id) = value else {
                panic!("the writer refers to its fonts");
            };
            fonts.insert(key.clone(), *font_id);
            decoders
                .entry(*font_id)
                .or_insert_with(|| decoder(doc, doc.get_dictionary(*font_id).expect("a font")));
        }
    }
    let content = lopdf::content::Content::decode(&doc.get_page_content(id)).unwrap();
    let (mut runs, mut cells) = (Vec::new(), Vec::new());
    let (mut font, mut size, mut at) = (None, 0.0, (0.0, 0.0));
    for op in &content.operations {
        let o = &op.operands;
        match op.operator.as_str() {
            "BT" => at = (0.0, 0.0),
            "Tf" => {
                let Object::Name(n) = &o[0] else {
                    panic!("Tf names its font");
                };
                font = Some(fonts[n]);
                size = number(&o[1]);
            }
            "Td" => at = (at.0 + number(&o[0]), at.1 + number(&o[1])),
            "Tj" => {
                let Object::String(bytes, _) = &o[0] else {
                    panic!("Tj draws a string");
                };
                let decoder = &decoders[&font.expect("a font is set before Tj")];
                let (mut text, mut width) = (String::new(), 0.0);
                for pair in bytes.chunks(2) {
                    let code = u16::from_be_bytes([pair[0], pair[1]]);
                    let c = decoder.chars.get(&code);
                    text.push_str(c.map_or("\u{fffd}", |s| s));
                    width += decoder
                        .widths
                        .get(&code)
                        .copied()
                        .unwrap_or(decoder.default_width);
                }
                let (x, baseline) = (at.0 * MM_PER_PT - x0, height_mm - at.1 * MM_PER_PT + y0);
                let em = size * MM_PER_PT;
                runs.push(Run {
                    x,
                    y: baseline,
                    end: x + width / 1000.0 * em,
                    top: baseline - decoder.ascent / 1000.0 * em,
                    bottom: baseline - decoder.descent / 1000.0 * em,
                    size: em,
                    font: decoder.name.clone(),
                    text,
                });
            }
            "re" => {
                let [x, y, w, h] = [0, 1, 2, 3].map(|i| number(&o[i]) * MM_PER_PT);
                cells.push(Cell {
                    left: x - x0,
                    top: height_mm - y - h + y0,
                    right: x + w - x0,
                    bottom: height_mm - y + y0,
                });
            }
            "TJ" | "'" | "\"" | "Tm" | "TD" | "T*" | "cm" | "Tz" | "Ts" | "Tc" | "Tw" => {
                panic!(
                    "the reader does not know {} (the writer changed?)",
                    op.operator
                )
            }
            _ => {}
        }
    }
    Page {
        width_mm,
        height_mm,
        runs,
        cells,
    }
}

impl Pdf {
    pub fn read(path: &Path) -> Pdf {
        Pdf::from_bytes(&std::fs::read(path).expect("the PDF is written"))
    }

    pub fn from_bytes(bytes: &[u8]) -> Pdf {
        let doc = Document::load_mem(bytes).expect("the PDF reads back");
        let mut decoders = HashMap::new();
        let pages = doc
            .get_pages()
            .into_values()
            .map(|id| page(&doc, id, &mut decoders))
            .collect();
        let mut ids: Vec<&ObjectId> = decoders.keys().collect();
        ids.sort();
        let fonts = ids
            .into_iter()
            .map(|id| listed(&doc, doc.get_dictionary(*id).unwrap()))
            .collect();
        let catalog = doc.catalog().expect("the file has its catalog");
        let version = catalog
            .get(b"Version")
            .map(name)
            .unwrap_or_else(|_| doc.version.clone());
        let title = doc.trailer.get(b"Info").ok().and_then(|info| {
            let info = deref(&doc, info).as_dict().ok()?;
            match info.get(b"Title").ok()? {
                Object::String(bytes, _) => Some(text_string(bytes)),
                _ => None,
            }
        });
        Pdf {
            pages,
            fonts,
            version,
            title,
        }
    }

    /// Every page's rows, a page after another.
    pub fn rows(&self) -> Vec<String> {
        self.pages.iter().flat_map(Page::rows).collect()
    }

    /// The whole text, its words parted by single spaces (lines and pages too).
    pub fn flat(&self) -> String {
        flat(&self.rows().join(" "))
    }
}

/// Words parted by single spaces.
pub fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Runs in reading order: top to bottom by baseline (to 0.1 mm), then left to right.
fn reading_order(runs: &mut [Run]) {
    runs.sort_by(|a, b| {
        (a.y * 10.0)
            .round()
            .total_cmp(&(b.y * 10.0).round())
            .then(a.x.total_cmp(&b.x))
    });
}

impl Page {
    /// The text across the page, row by row, top to bottom: a row is the runs whose baselines
    /// lie within a quarter of their size of the row's first, left to right (the two header
    /// blocks of an administrative paper share their rows, though their sizes differ).
    pub fn rows(&self) -> Vec<String> {
        let mut runs = self.runs.clone();
        reading_order(&mut runs);
        let mut rows: Vec<Vec<Run>> = Vec::new();
        for run in runs {
            match rows.last_mut() {
                Some(row) if (row[0].y - run.y).abs() < 0.25 * run.size => row.push(run),
                _ => rows.push(vec![run]),
            }
        }
        rows.into_iter()
            .map(|mut row| {
                row.sort_by(|a, b| a.x.total_cmp(&b.x));
                let texts: Vec<&str> = row.iter().map(|r| r.text.as_str()).collect();
                flat(&texts.join(" "))
            })
            .collect()
    }

    /// The page's words parted by single spaces, in reading order.
    pub fn flat(&self) -> String {
        flat(&self.rows().join(" "))
    }

    /// Runs joined into lines: same baseline, less than 6 mm apart, same size, no cell border
    /// between them (a justified line is drawn word by word; table cells are not one line).
    pub fn lines(&self) -> Vec<Line> {
        let mut runs = self.runs.clone();
        reading_order(&mut runs);
        let border_between = |y: f32, from: f32, to: f32| {
            self.cells.iter().any(|c| {
                c.top <= y
                    && y <= c.bottom
                    && [c.left, c.right]
                        .iter()
                        .any(|&x| x > from - 0.01 && x < to + 0.01)
            })
        };
        let mut out: Vec<Line> = Vec::new();
        for run in runs {
            if let Some(last) = out.last_mut()
                && (last.y - run.y).abs() < 0.3
                && run.x >= last.end - 0.5
                && run.x - last.end < 6.0
                && (last.size - run.size).abs() < 0.01
                && !border_between(run.y, last.end, run.x)
            {
                last.text.push(' ');
                last.text.push_str(&run.text);
                last.end = run.end;
                last.top = last.top.min(run.top);
                last.bottom = last.bottom.max(run.bottom);
                continue;
            }
            out.push(run);
        }
        out
    }
}

/// The margins of Decree 30/2020/NĐ-CP (Appendix I) for administrative papers on A4, in mm
/// from the paper's edges: top 20–25, bottom 20–25, left 30–35, right 15–20. No text of any
/// page is in the widest margins (only the page number sits above, from page 2 on), and the
/// text block of all the papers together reaches into the narrowest: it starts 30 to 35 mm
/// from the left edge and 20 to 25 mm from the top, its longest line ends 15 to 20 mm from the
/// right edge and its fullest page 20 to 25 mm from the bottom (a paper whose every page
/// breaks early, before a block kept whole, cannot show that alone). Positions are written to
/// 1/100 pt, so they are compared to 1/100 mm.
pub fn decree_30_margins(papers: &[(&str, Pdf)]) {
    const E: f32 = 0.01;
    let (mut left, mut right) = (f32::MAX, 0.0f32);
    let (mut top, mut bottom) = (f32::MAX, 0.0f32);
    for (name, pdf) in papers {
        for (n, page) in pdf.pages.iter().enumerate() {
            let p = n + 1;
            assert_eq!(
                (page.width_mm.round(), page.height_mm.round()),
                (210.0, 297.0),
                "{name}: A4"
            );
            for run in &page.runs {
                if run.top < 20.0 {
                    assert!(
                        p > 1 && run.text == p.to_string(),
                        "{name} p{p}: {run:?} in the top margin"
                    );
                    continue;
                }
                assert!(run.x >= 30.0 - E, "{name} p{p}: {run:?} in the left margin");
                assert!(
                    run.end <= 195.0 + E,
                    "{name} p{p}: {run:?} in the right margin"
                );
                assert!(
                    run.bottom <= 277.0 + E,
                    "{name} p{p}: {run:?} in the bottom margin"
                );
                (left, right) = (left.min(run.x), right.max(run.end));
                (top, bottom) = (top.min(run.top), bottom.max(run.bottom));
            }
        }
    }
    assert!(left <= 35.0, "the text starts {left} mm from the left edge");
    assert!(
        right >= 190.0,
        "the text ends {right} mm from the left edge"
    );
    assert!(top <= 25.0, "the text starts {top} mm from the top edge");
    assert!(
        bottom >= 272.0,
        "the text ends {bottom} mm from the top edge"
    );
}
