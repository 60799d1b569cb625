//! The annex on landscape A4 pages: the administrative layout (`document::admin`) sets
//! portrait pages only, and a table of a dozen figures per unit does not fit across one.
//! These pages are painted here with the same fonts, wrapping and cell style (12/11 pt, the
//! header repeated on every page, the total row bold), and numbered after the report's pages.

use crate::document::fonts::{self, Face, MM_PER_PT};
use crate::document::wrap::{Line, wrap};
use crate::document::{Align, Page, Table, Width};

const WIDTH_MM: f32 = 297.0;
const HEIGHT_MM: f32 = 210.0;
const LEFT_MM: f32 = 20.0;
const RIGHT_MM: f32 = 15.0;
const TOP_MM: f32 = 20.0;
const BOTTOM_MM: f32 = 15.0;
const TEXT_WIDTH_MM: f32 = WIDTH_MM - LEFT_MM - RIGHT_MM;
const CELL_PT: f32 = 10.5;
const TITLE_PT: f32 = 13.0;
const PAD_X_MM: f32 = 1.2;
const PAD_Y_MM: f32 = 1.0;
const BORDER_PT: f32 = 0.5;
const LINE_HEIGHT: f32 = 1.2;

fn pitch(size_pt: f32) -> f32 {
    size_pt * LINE_HEIGHT * MM_PER_PT
}

/// Sets `lines` from the top `y` in the box [x, x + width]; returns the y under them.
fn set(
    page: &mut Page,
    lines: &[Line],
    (face, size): (Face, f32),
    (x, width): (f32, f32),
    y: f32,
    align: Align,
) -> f32 {
    let ascent = fonts::ascent_mm(face, size);
    let descent = fonts::descent_mm(face, size);
    let baseline = (pitch(size) - ascent - descent) / 2.0 + ascent;
    for (i, line) in lines.iter().enumerate() {
        for (dx, text) in line.place(align, width) {
            page.text(
                x + dx,
                y + i as f32 * pitch(size) + baseline,
                size,
                face,
                &text,
            );
        }
    }
    y + lines.len() as f32 * pitch(size)
}

/// Column widths: fixed ones as given, fractions sharing what is left.
fn widths(table: &Table) -> Vec<f32> {
    let (mut fixed, mut shares) = (0.0, 0.0);
    for column in &table.columns {
        match column.width {
            Width::Mm(mm) => fixed += mm,
            Width::Fraction(f) => shares += f,
        }
    }
    let free = (TEXT_WIDTH_MM - fixed).max(0.0);
    table
        .columns
        .iter()
        .map(|c| match c.width {
            Width::Mm(mm) => mm,
            Width::Fraction(f) if shares > 0.0 => free * f / shares,
            Width::Fraction(_) => 0.0,
        })
        .collect()
}

/// One row's cells: (x, width, lines, align), and its height.
struct Row {
    cells: Vec<(f32, f32, Vec<Line>, Align)>,
    face: Face,
    height: f32,
}

impl Row {
    fn new(cells: Vec<(f32, f32, &str, Align)>, face: Face) -> Row {
        let cells: Vec<_> = cells
            .into_iter()
            .map(|(x, w, text, align)| {
                let inner = (w - 2.0 * PAD_X_MM).max(1.0);
                (x, w, wrap(text, face, CELL_PT, inner, inner), align)
            })
            .collect();
        let lines = cells.iter().map(|c| c.2.len()).max().unwrap_or(1).max(1);
        Row {
            cells,
            face,
            height: lines as f32 * pitch(CELL_PT) + 2.0 * PAD_Y_MM,
        }
    }

    fn draw(&self, page: &mut Page, y: f32) {
        for (x, w, lines, align) in &self.cells {
            page.rect(*x, y, *w, self.height, BORDER_PT);
            let inner = w - 2.0 * PAD_X_MM;
            set(
                page,
                lines,
                (self.face, CELL_PT),
                (x + PAD_X_MM, inner),
                y + PAD_Y_MM,
                *align,
            );
        }
    }
}

fn page_number(page: &mut Page, n: usize) {
    let text = n.to_string();
    let size = 13.0;
    let x = LEFT_MM + (TEXT_WIDTH_MM - fonts::text_width_mm(Face::Regular, size, &text)) / 2.0;
    page.text(x, TOP_MM / 2.0 + 1.5, size, Face::Regular, &text);
}

/// The annex's pages: `titles` (centred; the first two bold, the others italic) above the table, page
/// numbers from `first_number`.
pub fn pages(titles: &[String], table: &Table, first_number: usize) -> Vec<Page> {
    let widths = widths(table);
    let xs: Vec<f32> = widths
        .iter()
        .scan(LEFT_MM, |x, w| {
            let at = *x;
            *x += w;
            Some(at)
        })
        .collect();
    let header = Row::new(
        table
            .columns
            .iter()
            .enumerate()
            .map(|(i, c)| (xs[i], widths[i], c.title.as_str(), Align::Center))
            .collect(),
        Face::Bold,
    );
    let body = |cells: &Vec<String>, face| {
        Row::new(
            table
                .columns
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    (
                        xs[i],
                        widths[i],
                        cells.get(i).map_or("", String::as_str),
                        c.align,
                    )
                })
                .collect(),
            face,
        )
    };
    let mut rows: Vec<Row> = table.rows.iter().map(|r| body(r, Face::Regular)).collect();
    if let Some(total) = &table.total_row {
        // The first cell spans the columns the total has no cell for.
        let spanned = (table.columns.len() + 1).saturating_sub(total.len()).max(1);
        let span_width: f32 = widths[..spanned].iter().sum();
        let mut cells = vec![(xs[0], span_width, total[0].as_str(), Align::Center)];
        for (j, text) in total.iter().enumerate().skip(1) {
            let i = spanned + j - 1;
            if i < widths.len() {
                cells.push((xs[i], widths[i], text.as_str(), table.columns[i].align));
            }
        }
        rows.push(Row::new(cells, Face::Bold));
    }

    let mut pages = Vec::new();
    let mut page = Page::new(WIDTH_MM, HEIGHT_MM);
    let mut y = TOP_MM;
    for (i, title) in titles.iter().enumerate() {
        let face = if i < 2 { Face::Bold } else { Face::Italic };
        let lines = wrap(title, face, TITLE_PT, TEXT_WIDTH_MM, TEXT_WIDTH_MM);
        y = set(
            &mut page,
            &lines,
            (face, TITLE_PT),
            (LEFT_MM, TEXT_WIDTH_MM),
            y,
            Align::Center,
        );
    }
    y += 4.0;
    header.draw(&mut page, y);
    y += header.height;
    for row in &rows {
        if y + row.height > HEIGHT_MM - BOTTOM_MM {
            pages.push(std::mem::replace(&mut page, Page::new(WIDTH_MM, HEIGHT_MM)));
            y = TOP_MM;
            header.draw(&mut page, y);
            y += header.height;
        }
        row.draw(&mut page, y);
        y += row.height;
    }
    pages.push(page);
    for (i, page) in pages.iter_mut().enumerate() {
        page_number(page, first_number + i);
    }
    pages
}
