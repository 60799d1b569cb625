//! Pagination: the pages done and the free space on the current one; paragraphs without a
//! lone first or last line, tables cut between rows with their header repeated on every page,
//! and the closing (signature and recipients) kept on one page.

use super::*;
use crate::document::glue::unbreakable;

/// The pages done so far and the free space on the current one.
pub(super) struct Flow {
    pub(super) done: Vec<Page>,
    pub(super) page: Page,
    /// The top of the free space on `page`.
    pub(super) y: f32,
}

impl Flow {
    pub(super) fn new() -> Self {
        Flow {
            done: Vec::new(),
            page: Page::new(PAGE_WIDTH_MM, PAGE_HEIGHT_MM),
            y: MARGIN_TOP_MM,
        }
    }

    pub(super) fn room(&self) -> f32 {
        TEXT_BOTTOM_MM - self.y
    }

    pub(super) fn at_top(&self) -> bool {
        self.y <= MARGIN_TOP_MM + EPSILON_MM
    }

    pub(super) fn new_page(&mut self) {
        let page = std::mem::replace(&mut self.page, Page::new(PAGE_WIDTH_MM, PAGE_HEIGHT_MM));
        self.done.push(page);
        self.y = MARGIN_TOP_MM;
    }

    /// Moves to a new page unless `height` fits below, or this page is still empty (then
    /// nothing better can be done).
    pub(super) fn keep(&mut self, height: f32) {
        if height > self.room() + EPSILON_MM && !self.at_top() {
            self.new_page();
        }
    }

    /// Space at the top of a page would only push the text down, so it is dropped.
    pub(super) fn space(&mut self, mm: f32) {
        if !self.at_top() {
            self.y += mm;
        }
    }

    /// How many lines of `pitch` fit in the room left.
    pub(super) fn lines_fitting(&self, pitch: f32) -> usize {
        ((self.room() + EPSILON_MM) / pitch).floor().max(0.0) as usize
    }

    /// Sets a paragraph's lines across as many pages as needed, never leaving its first line
    /// alone at the foot of a page or its last line alone at the top of the next. `after` is
    /// the height that must follow the last line on its page (the signature): when it does
    /// not fit, the last two lines go with it to the next page.
    pub(super) fn lines(&mut self, lines: &[Line], style: Style, span: (Align, f32), after: f32) {
        let (align, indent) = span;
        let pitch = style.pitch();
        let mut i = 0;
        while i < lines.len() {
            let rest = lines.len() - i;
            let mut take = self.lines_fitting(pitch).min(rest);
            if take == rest
                && after > 0.0
                && !self.at_top()
                && rest as f32 * pitch + after > self.room() + EPSILON_MM
            {
                let moved = rest.min(2);
                if moved as f32 * pitch + after <= TEXT_HEIGHT_MM {
                    take = rest - moved;
                }
            }
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
                self.y += pitch;
            }
            i += take;
            if i < lines.len() {
                self.new_page();
            }
        }
    }

    /// Rows never split unless one is taller than a page; the header row starts every page
    /// the table reaches. A short table moves whole; a longer one starts with at least two
    /// rows and ends with at least two (and its total), which keep `after` (the signature)
    /// with them when it follows the table.
    pub(super) fn table(&mut self, table: &Table, keep: &[String], after: f32) {
        if table.columns.is_empty() {
            return;
        }
        let grid = Grid::new(table, keep);
        let header = &grid.header;
        let header_height = header.height(header.lines);
        let page_room = TEXT_HEIGHT_MM - header_height;
        let whole = grid.height();
        if grid.is_short() && whole + after <= TEXT_HEIGHT_MM {
            self.keep(whole + after);
        } else {
            self.keep(grid.start_height());
        }
        self.y += header.draw(&mut self.page, self.y, 0, header.lines);
        let mut fresh = true;
        let tail_from = grid.tail_start();
        for (index, row) in grid.rows.iter().enumerate() {
            // The last rows and the total never start a page alone.
            if index == tail_from && !fresh {
                let tail: f32 = grid.rows[index..].iter().map(|r| r.whole_height()).sum();
                let with = if tail + after <= page_room {
                    after
                } else {
                    0.0
                };
                if tail + with > self.room() + EPSILON_MM && tail <= page_room {
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
    pub(super) fn closing(&mut self, closing: &Closing) {
        let Closing {
            authority,
            signer,
            left_authority,
            left_signer,
            recipients,
            columns: Columns { left, right },
        } = closing;
        let (left, right) = (*left, *right);
        let recipients_top = Closing::recipients_top();
        self.space(BODY.pitch() - PARAGRAPH_AFTER_MM);
        self.keep(closing.height());

        let top = self.y;
        let page = &mut self.page;
        // Both signers' names sit on one line, under the taller of the two titles.
        let names = top
            + authority.len().max(left_authority.len()) as f32 * SIGNATURE.pitch()
            + SIGNATURE_SPACE_MM;
        set(page, authority, SIGNATURE, right, top, Align::Center);
        set(page, left_authority, SIGNATURE, left, top, Align::Center);
        let signature_end = set(page, signer, SIGNATURE, right, names, Align::Center).max(set(
            page,
            left_signer,
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
        for (hang, lines) in recipients {
            for (i, line) in lines.iter().enumerate() {
                let span = left.inset(if i == 0 { 0.0 } else { *hang }, 0.0);
                set_line(page, line, RECIPIENT, span, y, Align::Left);
                y += RECIPIENT.pitch();
            }
        }
        self.y = signature_end.max(y);
    }

    pub(super) fn finish(mut self) -> Vec<Page> {
        self.done.push(self.page);
        self.done
    }
}

/// The closing of a document measured: the signatures' lines and the recipients'.
pub(super) struct Closing {
    authority: Vec<Line>,
    signer: Vec<Line>,
    left_authority: Vec<Line>,
    left_signer: Vec<Line>,
    recipients: Vec<(f32, Vec<Line>)>,
    columns: Columns,
}

impl Closing {
    /// `None` when the document has neither signature nor recipients.
    pub(super) fn new(doc: &AdminDocument, columns: &Columns) -> Option<Closing> {
        let Columns { left, right } = *columns;
        let lines = |signature: &Option<Signature>, span: Span| match signature {
            Some(signature) => (
                signature
                    .authority
                    .iter()
                    .flat_map(|line| SIGNATURE.fill(&upper(line), span))
                    .collect(),
                SIGNATURE.fill(&unbreakable(&clean(&signature.signer)), span),
            ),
            None => (Vec::new(), Vec::new()),
        };
        let (authority, signer) = lines(&doc.signature, right);
        let (left_authority, left_signer) = lines(&doc.left_signature, left);
        let recipients = match doc.left_signature {
            Some(_) => Vec::new(),
            None => recipient_lines(&doc.recipients, left.width, &doc.keep),
        };
        let empty = authority.is_empty()
            && signer.is_empty()
            && left_authority.is_empty()
            && recipients.is_empty();
        (!empty).then_some(Closing {
            authority,
            signer,
            left_authority,
            left_signer,
            recipients,
            columns: *columns,
        })
    }

    /// "Nơi nhận:" shares its baseline with the first line of the signature.
    fn recipients_top() -> f32 {
        SIGNATURE.baseline() - RECIPIENTS_HEAD.baseline()
    }

    /// The taller of the signatures and the recipients.
    pub(super) fn height(&self) -> f32 {
        let signature = (self.authority.len().max(self.left_authority.len())
            + self.signer.len().max(self.left_signer.len())) as f32
            * SIGNATURE.pitch()
            + SIGNATURE_SPACE_MM;
        let recipients = if self.recipients.is_empty() {
            0.0
        } else {
            let items: usize = self.recipients.iter().map(|(_, lines)| lines.len()).sum();
            Self::recipients_top() + RECIPIENTS_HEAD.pitch() + items as f32 * RECIPIENT.pitch()
        };
        signature.max(recipients)
    }

    /// What must follow the last block on its page: the space before the closing and the
    /// closing itself.
    pub(super) fn after(&self) -> f32 {
        BODY.pitch() + self.height()
    }
}

/// Each recipient as "- Như trên;" (the last one ends with "."), wrapped in the left column
/// with its continuation lines hanging under the text; with the hanging indent.
pub(super) fn recipient_lines(
    recipients: &[String],
    width: f32,
    keep: &[String],
) -> Vec<(f32, Vec<Line>)> {
    let items: Vec<String> = recipients
        .iter()
        .map(|item| {
            prepared(item, keep)
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
            let text = format!("- {item}{end}");
            let lines = RECIPIENT.wrap_as(Breaking::Phrases, &text, width, width - hang);
            (hang, lines)
        })
        .collect()
}
