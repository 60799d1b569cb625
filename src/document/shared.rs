//! The items every page of a document shares (a certificate's frame and fixed headings): the
//! PDF writer formats their operators once and every page's `/Contents` points to them.

use super::fonts::Face;
use std::sync::Arc;

use super::page::{Item, Page};

/// The items every page shares, when the document has several pages and all of them point to
/// the same non-empty shared items on pages of one size; else none, and each page writes its
/// shared items itself.
pub(super) fn common_items(pages: &[Page]) -> Option<&[Item]> {
    let (first, rest) = pages.split_first()?;
    let common = !rest.is_empty()
        && !first.shared.is_empty()
        && rest.iter().all(|page| {
            Arc::ptr_eq(&page.shared, &first.shared)
                && (page.width_mm, page.height_mm) == (first.width_mm, first.height_mm)
        });
    common.then_some(&*first.shared)
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
                Item::Text(t) => state.font = Some((t.face, t.size_pt)),
                Item::Rule(l) => state.stroke = Some(l.width_pt),
                Item::Rect(r) => state.stroke = Some(r.width_pt),
            }
        }
        state
    }
}
