//! A table whose columns are declared once: heading, width and what a row shows there, so
//! that the header and the rows cannot disagree about a width.

use iced::widget::{container, row};
use iced::{Alignment, Element, Length, Padding};

use super::table_header;
use crate::gui::theme;

/// The columns of a table of `T`s (a row's item: `&Delegate`, or `(number, &Recipient)`).
pub struct Table<'a, T, M> {
    columns: Vec<Column<'a, T, M>>,
}

struct Column<'a, T, M> {
    heading: &'a str,
    width: Length,
    cell: Box<dyn Fn(T) -> Element<'a, M> + 'a>,
}

impl<'a, T, M> Default for Table<'a, T, M> {
    fn default() -> Self {
        Table {
            columns: Vec::new(),
        }
    }
}

impl<'a, T: Copy, M: 'a> Table<'a, T, M> {
    /// A column: its heading, its width, and what a row shows in it (a cell that must fill
    /// the column, a button say, says so with its own width).
    pub fn column<E: Into<Element<'a, M>>>(
        mut self,
        heading: &'a str,
        width: Length,
        cell: impl Fn(T) -> E + 'a,
    ) -> Self {
        self.columns.push(Column {
            heading,
            width,
            cell: Box::new(move |item| cell(item).into()),
        });
        self
    }

    /// The row of headings.
    pub fn header(&self) -> Element<'a, M> {
        let columns: Vec<(&str, Length)> =
            self.columns.iter().map(|c| (c.heading, c.width)).collect();
        table_header(&columns)
    }

    /// An item's row: its cells side by side, centred, on the row's background; `padding` is
    /// [vertical, horizontal].
    pub fn row(&self, item: T, padding: [u16; 2], style: theme::BoxStyle) -> Element<'a, M> {
        let cells = self
            .columns
            .iter()
            .map(|c| container((c.cell)(item)).width(c.width).into());
        container(row(cells).spacing(12).align_y(Alignment::Center))
            .padding(Padding::from(padding))
            .style(style)
            .into()
    }
}
