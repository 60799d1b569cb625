//! Tables: columns measured and shared out, cells wrapped, rows drawn with their borders.

use super::*;
use crate::document::glue::{GLUE, runs, unbreakable};

/// A table measured and wrapped, ready to be cut into pages.
pub(super) struct Grid {
    pub(super) header: Row,
    pub(super) rows: Vec<Row>,
    /// The last row is a total, which never starts a page alone.
    pub(super) has_total: bool,
}

impl Grid {
    pub(super) fn new(table: &Table, keep: &[String]) -> Self {
        let width = table.columns.len();
        let titles: Vec<String> = table.columns.iter().map(|c| title(&c.title)).collect();
        let rows: Vec<Vec<String>> = table
            .rows
            .iter()
            .map(|cells| {
                (0..width)
                    .map(|i| cells.get(i).map_or(String::new(), |s| prepared(s, keep)))
                    .collect()
            })
            .collect();
        let total: Option<Vec<String>> = table
            .total_row
            .as_ref()
            .filter(|total| !total.is_empty())
            .map(|total| total.iter().map(|s| prepared(s, keep)).collect());
        let spans = column_spans(&table.columns, &needs(&titles, &rows, total.as_deref()));
        let header = Row::new(
            titles
                .iter()
                .zip(&spans)
                .map(|(title, &span)| (span, title.as_str(), Align::Center))
                .collect(),
            CELL_BOLD,
        );
        let mut body: Vec<Row> = rows
            .iter()
            .map(|cells| {
                let cells = cells
                    .iter()
                    .zip(table.columns.iter().zip(&spans))
                    .map(|(text, (column, &span))| (span, text.as_str(), column.align))
                    .collect();
                Row::new(cells, CELL)
            })
            .collect();
        if let Some(total) = &total {
            let cells = total_cells(total, &table.columns, &spans);
            body.push(Row::new(cells, CELL_BOLD));
        }
        Grid {
            header,
            rows: body,
            has_total: total.is_some(),
        }
    }
}

impl Grid {
    /// Header and every row.
    pub(super) fn height(&self) -> f32 {
        self.header.whole_height() + self.rows.iter().map(Row::whole_height).sum::<f32>()
    }

    /// Shorter than a third of a page: it moves whole rather than split.
    pub(super) fn is_short(&self) -> bool {
        self.height() <= TEXT_HEIGHT_MM / 3.0
    }

    /// The first row of the table's tail: its last two data rows and its total, which never
    /// start a page alone.
    pub(super) fn tail_start(&self) -> usize {
        let data = self.rows.len() - usize::from(self.has_total);
        data.saturating_sub(2)
    }

    /// What must fit on a page for the table to start there: all of a short table; else the
    /// header and two rows (with the total, if they are the last), or, when a row needs more
    /// than a page, the header and that row's first two lines.
    pub(super) fn start_height(&self) -> f32 {
        if self.is_short() {
            return self.height();
        }
        let header = self.header.whole_height();
        let page_room = TEXT_HEIGHT_MM - header;
        let mut height = header;
        let first_two = if self.tail_start() <= 2 {
            self.rows.len()
        } else {
            2
        };
        for row in &self.rows[..first_two.min(self.rows.len())] {
            if height - header + row.whole_height() > page_room {
                return height + row.height(2.min(row.lines));
            }
            height += row.whole_height();
        }
        height
    }
}

/// Header titles up to this wide never break: "Cá nhân", "Hộ gia đình" are one word each.
const SHORT_TITLE_MM: f32 = 23.0;

/// A column title, kept on one line when it is short and has no part in brackets (which may
/// go to a line of its own: "Giá trị / (đồng)").
fn title(text: &str) -> String {
    let text = clean(text);
    if CELL_BOLD.width(&text) <= SHORT_TITLE_MM && !text.contains('(') {
        unbreakable(&text)
    } else {
        text
    }
}

/// What one column's content asks for, cell padding included.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Need {
    /// The widest word: narrower, a word would be cut.
    word: f32,
    /// The widest run that should not break (a name, a place, a short title).
    run: f32,
    /// The widest line unbroken.
    line: f32,
}

/// What each column's content asks for (see [`Need`]).
fn needs(titles: &[String], rows: &[Vec<String>], total: Option<&[String]>) -> Vec<Need> {
    let mut needs = vec![Need::default(); titles.len()];
    let mut measure = |column: usize, text: &str, style: Style| {
        let Some(need) = needs.get_mut(column) else {
            return;
        };
        for segment in text.split('\n') {
            for run in runs(segment) {
                let width = style.width(&run);
                if width > need.run {
                    need.run = width;
                    need.word = need.word.max(if run.contains(' ') {
                        run.split(' ').map(|w| style.width(w)).fold(0.0, f32::max)
                    } else {
                        width
                    });
                }
            }
            need.line = need.line.max(style.width(&segment.replace(GLUE, " ")));
        }
    };
    for (i, title) in titles.iter().enumerate() {
        measure(i, title, CELL_BOLD);
    }
    for row in rows {
        for (i, text) in row.iter().enumerate() {
            measure(i, text, CELL);
        }
    }
    if let Some(total) = total {
        // The first cell spans the columns the row has no cells for.
        let spanned = (titles.len() + 1).saturating_sub(total.len()).max(1);
        for (k, text) in total.iter().enumerate().skip(1) {
            measure(spanned + k - 1, text, CELL_BOLD);
        }
    }
    let pad = 2.0 * CELL_PAD_X_MM;
    needs
        .into_iter()
        .map(|n| Need {
            word: n.word + pad,
            run: n.run + pad,
            line: n.line + pad,
        })
        .collect()
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

/// Where each column goes, sized from its content (`needs`). A fixed column takes its width,
/// or more if a run in it should not break. The fraction columns first get their widest
/// run, so that a name fits on one line where the page allows; then what is left goes to
/// those whose lines are longer, in proportion to how much more they would use; space to
/// spare after that is shared by their fractions. When the runs do not all fit, a column with
/// a run wider than half the text gives way first, then the columns of the narrowest runs
/// (their runs break between words); a table wider
/// than the text even so is scaled down to fit. A narrower table is centred.
pub(super) fn column_spans(columns: &[Column], needs: &[Need]) -> Vec<Span> {
    let need = |i: usize| needs.get(i).copied().unwrap_or_default();
    let floor = |i: usize, least: f32| match columns[i].width {
        Width::Mm(mm) => mm.max(0.0).max(least),
        Width::Fraction(_) => least,
    };
    let mut widths: Vec<f32> = (0..columns.len()).map(|i| floor(i, need(i).run)).collect();
    let mut over: f32 = widths.iter().sum::<f32>() - TEXT_WIDTH_MM;
    if over > 0.0 {
        // A run wider than half the text (a name nobody could keep on one line beside the
        // other columns) gives way before all others; then the narrowest runs.
        let order = |i: usize| {
            let run = need(i).run;
            if run > TEXT_WIDTH_MM / 2.0 {
                (0, -run)
            } else {
                (1, run)
            }
        };
        let mut narrow_first: Vec<usize> = (0..columns.len()).collect();
        narrow_first.sort_by(|&a, &b| {
            let ((ka, ra), (kb, rb)) = (order(a), order(b));
            ka.cmp(&kb).then(ra.total_cmp(&rb))
        });
        for i in narrow_first {
            let give = (widths[i] - floor(i, need(i).word)).min(over).max(0.0);
            widths[i] -= give;
            over -= give;
            if over <= 0.0 {
                break;
            }
        }
    }
    let fractions: Vec<(usize, f32)> = columns
        .iter()
        .enumerate()
        .filter_map(|(i, c)| match c.width {
            Width::Fraction(f) => Some((i, f.max(0.0))),
            Width::Mm(_) => None,
        })
        .collect();
    let mut extra = (TEXT_WIDTH_MM - widths.iter().sum::<f32>()).max(0.0);
    if !fractions.is_empty() && extra > 0.0 {
        let want = |i: usize, widths: &[f32]| (need(i).line - widths[i]).max(0.0);
        let wanted: f32 = fractions.iter().map(|&(i, _)| want(i, &widths)).sum();
        if wanted > extra {
            let wants: Vec<f32> = fractions.iter().map(|&(i, _)| want(i, &widths)).collect();
            for (&(i, _), w) in fractions.iter().zip(wants) {
                widths[i] += extra * w / wanted;
            }
        } else {
            for &(i, _) in &fractions {
                widths[i] += want(i, &widths);
            }
            extra -= wanted;
            let shares: f32 = fractions.iter().map(|&(_, f)| f).sum();
            for &(i, f) in &fractions {
                widths[i] += if shares > 0.0 {
                    extra * f / shares
                } else {
                    extra / fractions.len() as f32
                };
            }
        }
    }
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
    /// `cells` hold cleaned text.
    pub(super) fn new(cells: Vec<(Span, &str, Align)>, style: Style) -> Self {
        let cells: Vec<Cell> = cells
            .into_iter()
            .map(|(span, text, align)| Cell {
                span,
                lines: style.fill(text, span.inset(CELL_PAD_X_MM, CELL_PAD_X_MM)),
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

    pub(super) fn whole_height(&self) -> f32 {
        self.height(self.lines)
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
