//! The administrative format of Decree 30/2020/NĐ-CP (Appendix I), which programmes, plans and
//! reports follow: A4 portrait, Times-metric serif, the two header blocks side by side (the
//! issuing body left, the national title and motto right), the place-and-date line, the
//! centred document type and summary, a justified body, then the signature with the list of
//! recipients level with it. Page numbers sit centred in the top margin from page 2 on.
//!
//! Here: the public model ([`AdminDocument`] and its blocks), the styles and measures of the
//! format, and [`layout`]. The head of the first page is in `header`, pagination in `flow`,
//! tables in `grid`.

use crate::text::clean_multiline;

use super::fonts::{self, Face, MM_PER_PT};
use super::glue::keep_together;
use super::page::{Document, Page};
use super::wrap::{Align, Breaking, Line, wrap_as};

mod flow;
mod grid;
mod header;

use flow::{Closing, Flow};
use grid::Grid;
use header::{document_title, header, number, title};

pub const PAGE_WIDTH_MM: f32 = 210.0;
pub const PAGE_HEIGHT_MM: f32 = 297.0;
/// The decree allows 30-35 mm left, 15-20 mm right and 20-25 mm top and bottom: the smallest
/// margins keep reports short, and the left one leaves room for binding.
pub const MARGIN_LEFT_MM: f32 = 30.0;
pub const MARGIN_RIGHT_MM: f32 = 15.0;
pub const MARGIN_TOP_MM: f32 = 20.0;
pub const MARGIN_BOTTOM_MM: f32 = 20.0;

const TEXT_WIDTH_MM: f32 = PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM;
const TEXT_BOTTOM_MM: f32 = PAGE_HEIGHT_MM - MARGIN_BOTTOM_MM;
const TEXT_HEIGHT_MM: f32 = TEXT_BOTTOM_MM - MARGIN_TOP_MM;

/// Line pitch as a multiple of the font size.
const LINE_HEIGHT: f32 = 1.2;
const INDENT_MM: f32 = 12.7;
const PARAGRAPH_AFTER_MM: f32 = 6.0 * MM_PER_PT;
/// The decree wants rules under the issuer and the summary 1/3 to 1/2 as long as the text.
const SHORT_RULE: f32 = 0.4;
const RULE_PT: f32 = 0.6;
/// From the bottom of a line box down to the rule under it.
const RULE_GAP_MM: f32 = 1.0;
const BORDER_PT: f32 = 0.5;
const CELL_PAD_X_MM: f32 = 1.5;
const CELL_PAD_Y_MM: f32 = 1.2;
/// From the number / place-and-date row down to the document type.
const TITLE_GAP_MM: f32 = 8.0;
/// Blank space between the signing title and the signer's name, for the signature and seal.
const SIGNATURE_SPACE_MM: f32 = 25.0;
/// Rounding slack when comparing heights.
const EPSILON_MM: f32 = 1e-3;

pub const NATIONAL_TITLE: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
pub const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";
pub const RECIPIENTS_TITLE: &str = "Nơi nhận:";

#[derive(Debug, Clone, Copy, PartialEq)]
struct Style {
    face: Face,
    size_pt: f32,
}

const HEADER: Style = Style::new(Face::Regular, 13.0);
const HEADER_BOLD: Style = Style::new(Face::Bold, 13.0);
const MOTTO_STYLE: Style = Style::new(Face::Bold, 14.0);
const PLACE_DATE: Style = Style::new(Face::Italic, 14.0);
const TITLE: Style = Style::new(Face::Bold, 14.0);
const BODY: Style = Style::new(Face::Regular, 14.0);
const HEADING: Style = Style::new(Face::Bold, 14.0);
const CELL: Style = Style::new(Face::Regular, 12.0);
const CELL_BOLD: Style = Style::new(Face::Bold, 12.0);
const SIGNATURE: Style = Style::new(Face::Bold, 14.0);
const RECIPIENTS_HEAD: Style = Style::new(Face::BoldItalic, 12.0);
const RECIPIENT: Style = Style::new(Face::Regular, 11.0);
const PAGE_NUMBER: Style = Style::new(Face::Regular, 13.0);

impl Style {
    const fn new(face: Face, size_pt: f32) -> Self {
        Style { face, size_pt }
    }

    fn pitch(self) -> f32 {
        self.size_pt * LINE_HEIGHT * MM_PER_PT
    }

    /// From the top of a line box to its baseline: half the leading, then the ascender, so
    /// the ink sits in the middle of the box.
    fn baseline(self) -> f32 {
        let ascent = fonts::ascent_mm(self.face, self.size_pt);
        let descent = fonts::descent_mm(self.face, self.size_pt);
        (self.pitch() - ascent - descent) / 2.0 + ascent
    }

    fn width(self, text: &str) -> f32 {
        fonts::text_width_mm(self.face, self.size_pt, text)
    }

    fn wrap(self, text: &str, first_width_mm: f32, width_mm: f32) -> Vec<Line> {
        self.wrap_as(Breaking::Fill, text, first_width_mm, width_mm)
    }

    fn wrap_as(self, breaking: Breaking, text: &str, first_mm: f32, width_mm: f32) -> Vec<Line> {
        wrap_as(
            breaking,
            text,
            self.face,
            self.size_pt,
            (first_mm, width_mm),
        )
    }

    /// `text` wrapped to `span`, every line the same width, breaking after a comma where
    /// that reads better (ragged lines: cells, headings, lists).
    fn fill(self, text: &str, span: Span) -> Vec<Line> {
        self.wrap_as(Breaking::Phrases, text, span.width, span.width)
    }
}

/// A horizontal stretch of the page that lines are set in.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Span {
    x: f32,
    width: f32,
}

/// The text area between the left and right margins.
const TEXT: Span = Span {
    x: MARGIN_LEFT_MM,
    width: TEXT_WIDTH_MM,
};

impl Span {
    fn center(self) -> f32 {
        self.x + self.width / 2.0
    }

    fn inset(self, left: f32, right: f32) -> Span {
        Span {
            x: self.x + left,
            width: self.width - left - right,
        }
    }
}

/// A document in the administrative format. Strings may come from anywhere: layout cleans
/// them (NFC, no control characters) and sets in capitals what the format writes in capitals.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AdminDocument {
    /// Top left, e.g. "UBND PHƯỜNG CHỢ QUÁN"; may be empty.
    pub parent_body: String,
    /// Top left under the parent body, e.g. "BAN CHỈ ĐẠO"; a short rule goes under it.
    pub issuer: String,
    /// "Số: 05/BC-BCĐ", under the issuer.
    pub number: Option<String>,
    /// "Chợ Quán, ngày 05 tháng 8 năm 2026" (see `text::place_date`), under the motto.
    pub place_date: String,
    /// "BÁO CÁO", "CHƯƠNG TRÌNH", "KẾ HOẠCH".
    pub kind: String,
    /// The trích yếu: what the document is about, under the type.
    pub summary: String,
    /// A line under the summary in italics, e.g. "(Kèm theo Quyết định số …)" on a list
    /// attached to a decision.
    pub summary_note: String,
    pub blocks: Vec<Block>,
    pub signature: Option<Signature>,
    /// A second signature in the left column, level with the first (the maker of a list,
    /// beside its approver). Takes the place of the recipients, which it excludes.
    pub left_signature: Option<Signature>,
    /// "Như trên", "Lưu: VT": each item gets its "- " and its closing ";" (the last one ".").
    pub recipients: Vec<String>,
    /// Names and places the body never breaks across lines wherever they occur (the unit's
    /// head, the delegates, the areas): see `glue::keep_together`. A paper joins what it
    /// builds from a record (a household's name in its cell) itself, with `glue::unbreakable`.
    pub keep: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Signature {
    /// The signing authority and title, e.g. ["TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN"].
    pub authority: Vec<String>,
    pub signer: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A section heading, "I. MỤC ĐÍCH, YÊU CẦU": bold, never alone at the foot of a page.
    Heading(String),
    /// Justified, first line indented; each "\n" starts a new paragraph.
    Paragraph(String),
    Table(Table),
    /// Vertical space in millimetres (dropped at the top of a page).
    Spacer(f32),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    /// One string per column; missing cells are empty, extra ones ignored. "\n" breaks a line.
    pub rows: Vec<Vec<String>>,
    /// Bold. When it has fewer cells than there are columns, its first cell spans the
    /// difference ("Tổng cộng" across the number and name columns).
    pub total_row: Option<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: String,
    pub width: Width,
    pub align: Align,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Width {
    Mm(f32),
    /// A share of what the fixed columns leave, in proportion to the other fractions.
    Fraction(f32),
}

/// NFC, no control characters, no surrounding spaces.
fn clean(s: &str) -> String {
    clean_multiline(s).trim().to_owned()
}

/// Cleaned, with the document's names and places joined.
fn prepared(s: &str, keep: &[String]) -> String {
    keep_together(&clean(s), keep)
}

fn upper(s: &str) -> String {
    clean(s).to_uppercase()
}

/// The two header columns; the signature goes under the right one and the recipients under
/// the left one, as in the decree's templates.
#[derive(Clone, Copy)]
struct Columns {
    left: Span,
    right: Span,
}

impl Columns {
    fn new() -> Self {
        // The national title must fit on one line, with a little air on either side.
        let right_width = (HEADER_BOLD.width(NATIONAL_TITLE) + 6.0).max(TEXT_WIDTH_MM * 0.55);
        Columns {
            left: TEXT.inset(0.0, right_width),
            right: TEXT.inset(TEXT_WIDTH_MM - right_width, 0.0),
        }
    }
}

/// Sets `lines` one under the other from the top `y` within `span`; returns the y under the
/// last one.
fn set(page: &mut Page, lines: &[Line], style: Style, span: Span, y: f32, align: Align) -> f32 {
    for (i, line) in lines.iter().enumerate() {
        set_line(page, line, style, span, y + i as f32 * style.pitch(), align);
    }
    y + lines.len() as f32 * style.pitch()
}

/// Sets one line whose line box starts at `y`.
fn set_line(page: &mut Page, line: &Line, style: Style, span: Span, y: f32, align: Align) {
    let baseline = y + style.baseline();
    for (dx, text) in line.place(align, span.width) {
        if !text.is_empty() {
            page.text(span.x + dx, baseline, style.size_pt, style.face, &text);
        }
    }
}

/// A rule centred under the line box that ends at `y`.
fn rule_under(page: &mut Page, center_x: f32, length: f32, y: f32) -> f32 {
    let y = y + RULE_GAP_MM;
    page.rule(center_x - length / 2.0, center_x + length / 2.0, y, RULE_PT);
    y
}

/// Centred blocks read better with lines of even length: `text` wrapped to the narrowest width
/// that needs no more lines than `width` does, so that a summary a line and a half long
/// becomes two even lines instead of a full line and a stub ("... năm / 2026").
fn balanced(style: Style, text: &str, width: f32) -> Vec<Line> {
    let lines = style.wrap(text, width, width);
    if lines.len() < 2 {
        return lines;
    }
    let longest_word = text
        .split_whitespace()
        .map(|word| style.width(word))
        .fold(0.0, f32::max);
    let (mut low, mut high) = (longest_word.min(width), width);
    for _ in 0..16 {
        let middle = (low + high) / 2.0;
        if style.wrap(text, middle, middle).len() <= lines.len() {
            high = middle;
        } else {
            low = middle;
        }
    }
    style.wrap(text, high, high)
}

fn widest(lines: &[Line]) -> f32 {
    lines.iter().map(|l| l.width_mm).fold(0.0, f32::max)
}

/// Lays the document out on A4 pages.
pub fn layout(doc: &AdminDocument) -> Document {
    let columns = Columns::new();
    let mut flow = Flow::new();
    flow.y = header(&mut flow.page, doc, &columns);
    flow.y = title(&mut flow.page, doc, flow.y);
    let closing = Closing::new(doc, &columns);
    let last = doc.blocks.len().saturating_sub(1);
    for (i, block) in doc.blocks.iter().enumerate() {
        // The block before the signature keeps it company on its page.
        let after = match &closing {
            Some(closing) if i == last => closing.after(),
            _ => 0.0,
        };
        match block {
            Block::Heading(text) => {
                let lines = HEADING.fill(&prepared(text, &doc.keep), TEXT);
                let lead = lead_height(&doc.blocks[i + 1..], &doc.keep);
                flow.keep(lines.len() as f32 * HEADING.pitch() + PARAGRAPH_AFTER_MM + lead);
                flow.lines(&lines, HEADING, (Align::Left, 0.0), 0.0);
                flow.space(PARAGRAPH_AFTER_MM);
            }
            Block::Paragraph(text) => {
                let parts = paragraphs(text, &doc.keep);
                // A short paragraph that leads into a table ("Đoàn thăm: …") goes with it.
                if matches!(doc.blocks.get(i + 1), Some(Block::Table(_))) {
                    flow.keep(lead_height(&doc.blocks[i..], &doc.keep));
                }
                let count = parts.len();
                for (k, lines) in parts.iter().enumerate() {
                    let after = if k + 1 == count { after } else { 0.0 };
                    flow.lines(lines, BODY, (Align::Justify, INDENT_MM), after);
                    flow.space(PARAGRAPH_AFTER_MM);
                }
            }
            Block::Table(table) => {
                flow.table(table, &doc.keep, after);
                flow.space(PARAGRAPH_AFTER_MM);
            }
            Block::Spacer(mm) => flow.space(mm.max(0.0)),
        }
    }
    if let Some(closing) = &closing {
        flow.closing(closing);
    }
    let mut pages = flow.finish();
    for (i, page) in pages.iter_mut().enumerate().skip(1) {
        number(page, i + 1);
    }
    Document {
        title: document_title(doc),
        pages,
    }
}

/// Each line of `text` as a paragraph of its own, wrapped with its first line indented and
/// without a last line of one word.
fn paragraphs(text: &str, keep: &[String]) -> Vec<Vec<Line>> {
    prepared(text, keep)
        .split('\n')
        .map(|part| {
            BODY.wrap_as(
                Breaking::Paragraph,
                part,
                TEXT_WIDTH_MM - INDENT_MM,
                TEXT_WIDTH_MM,
            )
        })
        .filter(|lines| !lines.is_empty())
        .collect()
}

/// What must follow a heading on its page: two lines of a paragraph (all of one of two lines
/// and the start of the table it leads into), the start of a table (see
/// `Grid::start_height`), or a further heading with what must follow it.
fn lead_height(blocks: &[Block], keep: &[String]) -> f32 {
    match blocks.first() {
        Some(Block::Paragraph(text)) => {
            let parts = paragraphs(text, keep);
            match parts.as_slice() {
                // Two lines or less before a table: the table's start follows too.
                [lines] if lines.len() <= 2 && matches!(blocks.get(1), Some(Block::Table(_))) => {
                    lines.len() as f32 * BODY.pitch()
                        + PARAGRAPH_AFTER_MM
                        + lead_height(&blocks[1..], keep)
                }
                _ => parts
                    .first()
                    .map_or(0.0, |lines| lines.len().min(2) as f32 * BODY.pitch()),
            }
        }
        Some(Block::Table(table)) => Grid::new(table, keep).start_height(),
        Some(Block::Heading(text)) => {
            let lines = HEADING.fill(&prepared(text, keep), TEXT);
            lines.len() as f32 * HEADING.pitch()
                + PARAGRAPH_AFTER_MM
                + lead_height(&blocks[1..], keep)
        }
        Some(Block::Spacer(_)) => lead_height(&blocks[1..], keep),
        None => 0.0,
    }
}
