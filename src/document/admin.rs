//! The administrative format of Decree 30/2020/NĐ-CP (Appendix I), which programmes, plans and
//! reports follow: A4 portrait, Times-metric serif, the two header blocks side by side (the
//! issuing body left, the national title and motto right), the place-and-date line, the
//! centred document type and summary, a justified body, then the signature with the list of
//! recipients level with it. Page numbers sit centred in the top margin from page 2 on.

use crate::text::clean_multiline;

use super::fonts::{self, Face, MM_PER_PT};
use super::page::{Document, Page};
use super::wrap::{Align, Line};

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
        super::wrap::wrap(text, self.face, self.size_pt, first_width_mm, width_mm)
    }

    /// `text` wrapped to `span`, every line the same width.
    fn fill(self, text: &str, span: Span) -> Vec<Line> {
        self.wrap(text, span.width, span.width)
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
    pub blocks: Vec<Block>,
    pub signature: Option<Signature>,
    /// A second signature in the left column, level with the first (the maker of a list,
    /// beside its approver). Takes the place of the recipients, which it excludes.
    pub left_signature: Option<Signature>,
    /// "Như trên", "Lưu: VT": each item gets its "- " and its closing ";" (the last one ".").
    pub recipients: Vec<String>,
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
    for (i, block) in doc.blocks.iter().enumerate() {
        match block {
            Block::Heading(text) => {
                let lines = HEADING.fill(&clean(text), TEXT);
                let lead = doc.blocks.get(i + 1).map_or(0.0, lead_height);
                flow.keep(lines.len() as f32 * HEADING.pitch() + PARAGRAPH_AFTER_MM + lead);
                flow.lines(&lines, HEADING, Align::Left, 0.0);
                flow.space(PARAGRAPH_AFTER_MM);
            }
            Block::Paragraph(text) => {
                for lines in paragraphs(text) {
                    flow.lines(&lines, BODY, Align::Justify, INDENT_MM);
                    flow.space(PARAGRAPH_AFTER_MM);
                }
            }
            Block::Table(table) => {
                flow.table(table);
                flow.space(PARAGRAPH_AFTER_MM);
            }
            Block::Spacer(mm) => flow.space(mm.max(0.0)),
        }
    }
    flow.closing(doc, &columns);
    let mut pages = flow.finish();
    for (i, page) in pages.iter_mut().enumerate().skip(1) {
        number(page, i + 1);
    }
    Document {
        title: document_title(doc),
        pages,
    }
}

/// Each line of `text` as a paragraph of its own, wrapped with its first line indented.
fn paragraphs(text: &str) -> Vec<Vec<Line>> {
    clean(text)
        .split('\n')
        .map(|part| BODY.wrap(part, TEXT_WIDTH_MM - INDENT_MM, TEXT_WIDTH_MM))
        .filter(|lines| !lines.is_empty())
        .collect()
}

/// What must follow a heading on its page: two lines of a paragraph, or a table's header and
/// first row.
fn lead_height(block: &Block) -> f32 {
    match block {
        Block::Paragraph(text) => paragraphs(text)
            .first()
            .map_or(0.0, |lines| lines.len().min(2) as f32 * BODY.pitch()),
        Block::Table(table) => {
            let grid = Grid::new(table);
            grid.header.height(grid.header.lines)
                + grid.rows.first().map_or(0.0, |row| row.height(row.lines))
        }
        Block::Heading(_) | Block::Spacer(_) => 0.0,
    }
}

/// Both header blocks and the number / place-and-date row; returns the y under them.
fn header(page: &mut Page, doc: &AdminDocument, columns: &Columns) -> f32 {
    let Columns { left, right } = *columns;

    let parent = balanced(HEADER, &upper(&doc.parent_body), left.width);
    let mut left_y = set(page, &parent, HEADER, left, MARGIN_TOP_MM, Align::Center);
    let issuer = balanced(HEADER_BOLD, &upper(&doc.issuer), left.width);
    left_y = set(page, &issuer, HEADER_BOLD, left, left_y, Align::Center);
    if !issuer.is_empty() {
        left_y = rule_under(page, left.center(), widest(&issuer) * SHORT_RULE, left_y);
    }

    let title = HEADER_BOLD.fill(NATIONAL_TITLE, right);
    let mut right_y = set(
        page,
        &title,
        HEADER_BOLD,
        right,
        MARGIN_TOP_MM,
        Align::Center,
    );
    let motto = MOTTO_STYLE.fill(MOTTO, right);
    right_y = set(page, &motto, MOTTO_STYLE, right, right_y, Align::Center);
    right_y = rule_under(page, right.center(), widest(&motto), right_y);

    // The number and the place-and-date line share a row under both blocks, and a baseline.
    let row_y = left_y.max(right_y) + 2.0;
    let number_y = row_y + PLACE_DATE.baseline() - HEADER.baseline();
    let number = HEADER.fill(&doc.number.as_deref().map(clean).unwrap_or_default(), left);
    let place_date = PLACE_DATE.fill(&clean(&doc.place_date), right);
    let left_end = set(page, &number, HEADER, left, number_y, Align::Center);
    let right_end = set(page, &place_date, PLACE_DATE, right, row_y, Align::Center);
    left_end.max(right_end)
}

/// The document type, the summary and the rule under it; returns the y where the body starts.
fn title(page: &mut Page, doc: &AdminDocument, y: f32) -> f32 {
    let kind = TITLE.fill(&upper(&doc.kind), TEXT);
    // A narrower summary reads as a centred block rather than one long line.
    let summary_span = TEXT.inset(INDENT_MM, INDENT_MM);
    let summary = balanced(TITLE, &clean(&doc.summary), summary_span.width);
    if kind.is_empty() && summary.is_empty() {
        return y;
    }
    let mut y = set(page, &kind, TITLE, TEXT, y + TITLE_GAP_MM, Align::Center);
    y = set(page, &summary, TITLE, summary_span, y, Align::Center);
    if !summary.is_empty() {
        y = rule_under(page, TEXT.center(), widest(&summary) * SHORT_RULE, y);
    }
    y + BODY.pitch()
}

/// The page number, centred in the top margin.
fn number(page: &mut Page, n: usize) {
    let text = n.to_string();
    let style = PAGE_NUMBER;
    let ascent = fonts::ascent_mm(style.face, style.size_pt);
    let descent = fonts::descent_mm(style.face, style.size_pt);
    let x = MARGIN_LEFT_MM + (TEXT_WIDTH_MM - style.width(&text)) / 2.0;
    let y = (MARGIN_TOP_MM + ascent - descent) / 2.0;
    page.text(x, y, style.size_pt, style.face, &text);
}

/// "Báo cáo kết quả tổ chức Ngày hội ...", for the viewer's title bar.
fn document_title(doc: &AdminDocument) -> String {
    let kind = clean(&doc.kind).to_lowercase();
    let summary = clean(&doc.summary);
    let mut title = if kind.is_empty() {
        summary
    } else {
        let mut summary_chars = summary.chars();
        let first = summary_chars
            .next()
            .map(|c| c.to_lowercase().collect::<String>());
        format!(
            "{kind} {}{}",
            first.unwrap_or_default(),
            summary_chars.as_str()
        )
    };
    if let Some(first) = title.chars().next() {
        title = format!("{}{}", first.to_uppercase(), &title[first.len_utf8()..]);
    }
    title.trim().to_owned()
}

/// The pages done so far and the free space on the current one.
struct Flow {
    done: Vec<Page>,
    page: Page,
    /// The top of the free space on `page`.
    y: f32,
}

impl Flow {
    fn new() -> Self {
        Flow {
            done: Vec::new(),
            page: Page::new(PAGE_WIDTH_MM, PAGE_HEIGHT_MM),
            y: MARGIN_TOP_MM,
        }
    }

    fn room(&self) -> f32 {
        TEXT_BOTTOM_MM - self.y
    }

    fn at_top(&self) -> bool {
        self.y <= MARGIN_TOP_MM + EPSILON_MM
    }

    fn new_page(&mut self) {
        let page = std::mem::replace(&mut self.page, Page::new(PAGE_WIDTH_MM, PAGE_HEIGHT_MM));
        self.done.push(page);
        self.y = MARGIN_TOP_MM;
    }

    /// Moves to a new page unless `height` fits below, or this page is still empty (then
    /// nothing better can be done).
    fn keep(&mut self, height: f32) {
        if height > self.room() + EPSILON_MM && !self.at_top() {
            self.new_page();
        }
    }

    /// Space at the top of a page would only push the text down, so it is dropped.
    fn space(&mut self, mm: f32) {
        if !self.at_top() {
            self.y += mm;
        }
    }

    /// How many lines of `pitch` fit in the room left.
    fn lines_fitting(&self, pitch: f32) -> usize {
        ((self.room() + EPSILON_MM) / pitch).floor().max(0.0) as usize
    }

    /// Sets a paragraph's lines across as many pages as needed, never leaving its first line
    /// alone at the foot of a page or its last line alone at the top of the next.
    fn lines(&mut self, lines: &[Line], style: Style, align: Align, indent: f32) {
        let mut i = 0;
        while i < lines.len() {
            let rest = lines.len() - i;
            let mut take = self.lines_fitting(style.pitch()).min(rest);
            if take < rest && !self.at_top() {
                if rest - take == 1 && take > 1 {
                    take -= 1;
                }
                if i == 0 && take == 1 {
                    take = 0;
                }
            }
            if self.at_top() {
                take = take.max(1);
            }
            for (j, line) in lines[i..i + take].iter().enumerate() {
                let span = TEXT.inset(if i + j == 0 { indent } else { 0.0 }, 0.0);
                set_line(&mut self.page, line, style, span, self.y, align);
                self.y += style.pitch();
            }
            i += take;
            if i < lines.len() {
                self.new_page();
            }
        }
    }

    /// Rows never split unless one is taller than a page; the header row starts every page
    /// the table reaches.
    fn table(&mut self, table: &Table) {
        if table.columns.is_empty() {
            return;
        }
        let grid = Grid::new(table);
        let header = &grid.header;
        let header_height = header.height(header.lines);
        let page_room = TEXT_HEIGHT_MM - header_height;
        // The header never ends a page alone: the first row follows it, or, when that row
        // needs more than a page anyway, its first two lines.
        let first = grid.rows.first().map_or(0.0, |row| {
            let whole = row.height(row.lines);
            if whole <= page_room {
                whole
            } else {
                row.height(2)
            }
        });
        self.keep(header_height + first);
        self.y += header.draw(&mut self.page, self.y, 0, header.lines);
        let mut fresh = true;
        let last_data_row = grid.rows.len().checked_sub(2).filter(|_| grid.has_total);
        for (index, row) in grid.rows.iter().enumerate() {
            // The last data row goes with the total row, so that a total never stands alone
            // under a repeated header.
            if Some(index) == last_data_row && !fresh {
                let total = &grid.rows[index + 1];
                let both = row.height(row.lines) + total.height(total.lines);
                if both > self.room() && both <= page_room {
                    self.new_page();
                    self.y += header.draw(&mut self.page, self.y, 0, header.lines);
                    fresh = true;
                }
            }
            let mut from = 0;
            while from < row.lines {
                let rest = row.lines - from;
                let fit = row.lines_fitting(self.room());
                let whole_fits_a_page = row.height(rest) <= page_room;
                let mut take = if fit >= rest {
                    rest
                } else if from == 0 && whole_fits_a_page {
                    0
                } else {
                    fit
                };
                if fresh {
                    take = take.max(1);
                }
                if take > 0 {
                    self.y += row.draw(&mut self.page, self.y, from, from + take);
                    from += take;
                    fresh = false;
                }
                if from < row.lines {
                    self.new_page();
                    self.y += header.draw(&mut self.page, self.y, 0, header.lines);
                    fresh = true;
                }
            }
        }
    }

    /// The signature (right) and the recipients (left, level with it), kept on one page.
    fn closing(&mut self, doc: &AdminDocument, columns: &Columns) {
        let Columns { left, right } = *columns;
        let lines = |signature: &Option<Signature>, span: Span| match signature {
            Some(signature) => (
                signature
                    .authority
                    .iter()
                    .flat_map(|line| SIGNATURE.fill(&upper(line), span))
                    .collect(),
                SIGNATURE.fill(&clean(&signature.signer), span),
            ),
            None => (Vec::new(), Vec::new()),
        };
        let (authority, signer) = lines(&doc.signature, right);
        let (left_authority, left_signer) = lines(&doc.left_signature, left);
        let recipients = match doc.left_signature {
            Some(_) => Vec::new(),
            None => recipient_lines(&doc.recipients, left.width),
        };
        if authority.is_empty()
            && signer.is_empty()
            && left_authority.is_empty()
            && recipients.is_empty()
        {
            return;
        }
        let signature_height = (authority.len().max(left_authority.len())
            + signer.len().max(left_signer.len())) as f32
            * SIGNATURE.pitch()
            + SIGNATURE_SPACE_MM;
        // "Nơi nhận:" shares its baseline with the first line of the signature.
        let recipients_top = SIGNATURE.baseline() - RECIPIENTS_HEAD.baseline();
        let recipients_height = if recipients.is_empty() {
            0.0
        } else {
            let items: usize = recipients.iter().map(|(_, lines)| lines.len()).sum();
            recipients_top + RECIPIENTS_HEAD.pitch() + items as f32 * RECIPIENT.pitch()
        };
        self.space(BODY.pitch() - PARAGRAPH_AFTER_MM);
        self.keep(signature_height.max(recipients_height));

        let top = self.y;
        let page = &mut self.page;
        // Both signers' names sit on one line, under the taller of the two titles.
        let names = top
            + authority.len().max(left_authority.len()) as f32 * SIGNATURE.pitch()
            + SIGNATURE_SPACE_MM;
        set(page, &authority, SIGNATURE, right, top, Align::Center);
        set(page, &left_authority, SIGNATURE, left, top, Align::Center);
        let signature_end = set(page, &signer, SIGNATURE, right, names, Align::Center).max(set(
            page,
            &left_signer,
            SIGNATURE,
            left,
            names,
            Align::Center,
        ));

        let mut y = top + recipients_top;
        if !recipients.is_empty() {
            let head = RECIPIENTS_HEAD.fill(RECIPIENTS_TITLE, TEXT);
            y = set(page, &head, RECIPIENTS_HEAD, TEXT, y, Align::Left);
        }
        for (hang, lines) in &recipients {
            for (i, line) in lines.iter().enumerate() {
                let span = left.inset(if i == 0 { 0.0 } else { *hang }, 0.0);
                set_line(page, line, RECIPIENT, span, y, Align::Left);
                y += RECIPIENT.pitch();
            }
        }
        self.y = signature_end.max(y);
    }

    fn finish(mut self) -> Vec<Page> {
        self.done.push(self.page);
        self.done
    }
}

/// Each recipient as "- Như trên;" (the last one ends with "."), wrapped in the left column
/// with its continuation lines hanging under the text; with the hanging indent.
fn recipient_lines(recipients: &[String], width: f32) -> Vec<(f32, Vec<Line>)> {
    let items: Vec<String> = recipients
        .iter()
        .map(|item| {
            clean(item)
                .trim_start_matches(['-', '–', '•', ' '])
                .trim_end_matches([';', '.', ',', ' '])
                .to_owned()
        })
        .filter(|item| !item.is_empty())
        .collect();
    let hang = RECIPIENT.width("- ");
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let end = if i + 1 == items.len() { '.' } else { ';' };
            let lines = RECIPIENT.wrap(&format!("- {item}{end}"), width, width - hang);
            (hang, lines)
        })
        .collect()
}

/// A table measured and wrapped, ready to be cut into pages.
struct Grid {
    header: Row,
    rows: Vec<Row>,
    /// The last row is a total, which never starts a page alone.
    has_total: bool,
}

impl Grid {
    fn new(table: &Table) -> Self {
        let spans = column_spans(&table.columns);
        let titles = table.columns.iter().zip(&spans);
        let header = Row::new(
            titles
                .map(|(column, &span)| (span, column.title.as_str(), Align::Center))
                .collect(),
            CELL_BOLD,
        );
        let mut rows: Vec<Row> = table
            .rows
            .iter()
            .map(|cells| {
                let cell = |i: usize| cells.get(i).map_or("", String::as_str);
                let cells = table
                    .columns
                    .iter()
                    .zip(&spans)
                    .enumerate()
                    .map(|(i, (column, &span))| (span, cell(i), column.align))
                    .collect();
                Row::new(cells, CELL)
            })
            .collect();
        let total = table.total_row.as_ref().filter(|total| !total.is_empty());
        if let Some(total) = total {
            let cells = total_cells(total, &table.columns, &spans);
            rows.push(Row::new(cells, CELL_BOLD));
        }
        Grid {
            header,
            rows,
            has_total: total.is_some(),
        }
    }
}

/// The total row's cells; its first cell spans the columns the row has no cells for.
fn total_cells<'a>(
    total: &'a [String],
    columns: &[Column],
    spans: &[Span],
) -> Vec<(Span, &'a str, Align)> {
    let spanned = (columns.len() + 1).saturating_sub(total.len()).max(1);
    let Some(first) = spans.first() else {
        return Vec::new();
    };
    let first = Span {
        x: first.x,
        width: spans.iter().take(spanned).map(|span| span.width).sum(),
    };
    let mut cells = vec![(first, total[0].as_str(), Align::Center)];
    let rest = columns[spanned..].iter().zip(&spans[spanned..]);
    for (text, (column, &span)) in total[1..].iter().zip(rest) {
        cells.push((span, text.as_str(), column.align));
    }
    cells
}

/// Where each column goes: fixed columns take their width, the fractions share the rest.
/// A table wider than the text is scaled down to fit; a narrower one is centred.
fn column_spans(columns: &[Column]) -> Vec<Span> {
    let fixed: f32 = columns
        .iter()
        .filter_map(|c| match c.width {
            Width::Mm(mm) => Some(mm.max(0.0)),
            Width::Fraction(_) => None,
        })
        .sum();
    let shares: f32 = columns
        .iter()
        .filter_map(|c| match c.width {
            Width::Fraction(f) => Some(f.max(0.0)),
            Width::Mm(_) => None,
        })
        .sum();
    let free = (TEXT_WIDTH_MM - fixed).max(0.0);
    let mut widths: Vec<f32> = columns
        .iter()
        .map(|c| match c.width {
            Width::Mm(mm) => mm.max(0.0),
            Width::Fraction(f) if shares > 0.0 => free * f.max(0.0) / shares,
            Width::Fraction(_) => 0.0,
        })
        .collect();
    let total: f32 = widths.iter().sum();
    if total > TEXT_WIDTH_MM {
        widths.iter_mut().for_each(|w| *w *= TEXT_WIDTH_MM / total);
    }
    let mut x = MARGIN_LEFT_MM + (TEXT_WIDTH_MM - total.min(TEXT_WIDTH_MM)) / 2.0;
    widths
        .into_iter()
        .map(|width| {
            let span = Span { x, width };
            x += width;
            span
        })
        .collect()
}

struct Cell {
    span: Span,
    lines: Vec<Line>,
    align: Align,
}

struct Row {
    cells: Vec<Cell>,
    style: Style,
    /// The most lines of any cell, at least one.
    lines: usize,
}

impl Row {
    fn new(cells: Vec<(Span, &str, Align)>, style: Style) -> Self {
        let cells: Vec<Cell> = cells
            .into_iter()
            .map(|(span, text, align)| Cell {
                span,
                lines: style.fill(&clean(text), span.inset(CELL_PAD_X_MM, CELL_PAD_X_MM)),
                align,
            })
            .collect();
        let lines = cells.iter().map(|c| c.lines.len()).max().unwrap_or(0);
        Row {
            cells,
            style,
            lines: lines.max(1),
        }
    }

    fn height(&self, lines: usize) -> f32 {
        lines as f32 * self.style.pitch() + 2.0 * CELL_PAD_Y_MM
    }

    fn lines_fitting(&self, room: f32) -> usize {
        let inner = room - 2.0 * CELL_PAD_Y_MM + EPSILON_MM;
        (inner / self.style.pitch()).floor().max(0.0) as usize
    }

    /// Draws lines `from..to` of every cell with its borders at `y`; returns the height.
    /// Cells are centred vertically, so a short cell sits level with a tall neighbour.
    fn draw(&self, page: &mut Page, y: f32, from: usize, to: usize) -> f32 {
        let height = self.height(to - from);
        for cell in &self.cells {
            let Span { x, width } = cell.span;
            page.rect(x, y, width, height, BORDER_PT);
            let shown = &cell.lines[from.min(cell.lines.len())..to.min(cell.lines.len())];
            let text_height = shown.len() as f32 * self.style.pitch();
            let top = y + (height - text_height) / 2.0;
            let inner = cell.span.inset(CELL_PAD_X_MM, CELL_PAD_X_MM);
            set(page, shown, self.style, inner, top, cell.align);
        }
        height
    }
}
