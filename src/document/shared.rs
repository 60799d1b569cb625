//! The items every page of a document starts with (a certificate's frame and fixed headings):
//! found once, so that the PDF writer formats their operators once, from the first page, and
//! shares them.

use super::fonts::Face;
use super::page::{Item, Page};

/// How many items every page starts with, the same as the first page's on a page of the same
/// size (a certificate's frame and headings), when the document has several pages; else 0.
/// Their operators are written once, from the first page, and shared.
pub(super) fn shared_items(pages: &[Page]) -> usize {
    let Some((first, rest)) = pages.split_first() else {
        return 0;
    };
    if rest.is_empty() {
        return 0;
    }
    rest.iter().fold(first.items.len(), |n, page| {
        if (page.width_mm, page.height_mm) != (first.width_mm, first.height_mm) {
            return 0;
        }
        first.items[..n]
            .iter()
            .zip(&page.items)
            .take_while(|(a, b)| a == b)
            .count()
    })
}

/// The font and line width the operators of `items` leave set.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct State {
    pub(super) font: Option<(Face, f32)>,
    pub(super) stroke: Option<f32>,
}

impl State {
    pub(super) fn after(items: &[Item]) -> State {
        let mut state = State::default();
        for item in items {
            match item {
                Item::Text { face, size_pt, .. } => state.font = Some((*face, *size_pt)),
                Item::Line { width_pt, .. } | Item::Rect { width_pt, .. } => {
                    state.stroke = Some(*width_pt)
                }
            }
        }
        state
    }
}
