//! Tables: columns measured and shared out, cells wrapped, rows drawn with their borders.

use super::*;

/// A table measured and wrapped, ready to be cut into pages.
pub(super) struct Grid {
    pub(super) header: Row,
    pub(super) rows: Vec<Row>,
    /// The last row is a total, which never starts a page alone.
    pub(super) has_total: bool,
}

impl Grid {
    pub(super) fn new(table: &Table) -> Self {
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
pub(super) fn total_cells<'a>(
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
pub(super) fn column_spans(columns: &[Column]) -> Vec<Span> {
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

pub(super) struct Cell {
    pub(super) span: Span,
    pub(super) lines: Vec<Line>,
    pub(super) align: Align,
}

pub(super) struct Row {
    pub(super) cells: Vec<Cell>,
    pub(super) style: Style,
    /// The most lines of any cell, at least one.
    pub(super) lines: usize,
}

impl Row {
    pub(super) fn new(cells: Vec<(Span, &str, Align)>, style: Style) -> Self {
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

    pub(super) fn height(&self, lines: usize) -> f32 {
        lines as f32 * self.style.pitch() + 2.0 * CELL_PAD_Y_MM
    }

    pub(super) fn lines_fitting(&self, room: f32) -> usize {
        let inner = room - 2.0 * CELL_PAD_Y_MM + EPSILON_MM;
        (inner / self.style.pitch()).floor().max(0.0) as usize
    }

    /// Draws lines `from..to` of every cell with its borders at `y`; returns the height.
    /// Cells are centred vertically, so a short cell sits level with a tall neighbour.
    pub(super) fn draw(&self, page: &mut Page, y: f32, from: usize, to: usize) -> f32 {
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
