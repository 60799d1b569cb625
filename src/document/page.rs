//! What layout produces and painters draw: pages of positioned primitives. Coordinates are in
//! millimetres from the top-left corner of the page, y growing downwards, as on screen; the
//! PDF painter flips them.

use std::collections::BTreeSet;
use std::sync::Arc;

use super::fonts::{self, Face};

/// A laid-out document, ready to paint.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Shown in the viewer's title bar and the file's properties.
    pub title: String,
    pub pages: Vec<Page>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub width_mm: f32,
    pub height_mm: f32,
    /// Drawn first: the part every page of a batch repeats (a certificate's frame and fixed
    /// headings, about a thousand strokes), laid out once and held once, however many pages
    /// point to it. The PDF writer writes it once when every page shares it.
    pub shared: Arc<[Item]>,
    /// The page's own items, drawn over the shared ones.
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// One string on one line; (x_mm, y_mm) is the left end of its baseline. NFC, no line
    /// breaks.
    Text {
        x_mm: f32,
        y_mm: f32,
        size_pt: f32,
        face: Face,
        text: String,
    },
    /// A straight stroke with butt ends, so it is exactly as long as its end points say.
    Line {
        x1_mm: f32,
        y1_mm: f32,
        x2_mm: f32,
        y2_mm: f32,
        width_pt: f32,
    },
    /// The outline of a rectangle (table cells); (x_mm, y_mm) is its top-left corner.
    Rect {
        x_mm: f32,
        y_mm: f32,
        width_mm: f32,
        height_mm: f32,
        width_pt: f32,
    },
}

/// A box on the page: left, top, right, bottom, in millimetres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub left: f32,
    pub top: f32,
    pub right: f32,
    pub bottom: f32,
}

impl Item {
    /// Where the item draws ink (text: advance width, ascender to descender; strokes: their
    /// centre lines).
    pub fn bounds(&self) -> Bounds {
        match self {
            Item::Text {
                x_mm,
                y_mm,
                size_pt,
                face,
                text,
            } => Bounds {
                left: *x_mm,
                top: y_mm - fonts::ascent_mm(*face, *size_pt),
                right: x_mm + fonts::text_width_mm(*face, *size_pt, text),
                bottom: y_mm + fonts::descent_mm(*face, *size_pt),
            },
            Item::Line {
                x1_mm,
                y1_mm,
                x2_mm,
                y2_mm,
                ..
            } => Bounds {
                left: x1_mm.min(*x2_mm),
                top: y1_mm.min(*y2_mm),
                right: x1_mm.max(*x2_mm),
                bottom: y1_mm.max(*y2_mm),
            },
            Item::Rect {
                x_mm,
                y_mm,
                width_mm,
                height_mm,
                ..
            } => Bounds {
                left: *x_mm,
                top: *y_mm,
                right: x_mm + width_mm,
                bottom: y_mm + height_mm,
            },
        }
    }
}

impl Page {
    pub fn new(width_mm: f32, height_mm: f32) -> Self {
        Page {
            width_mm,
            height_mm,
            shared: Arc::from([]),
            items: Vec::new(),
        }
    }

    /// Every item in drawing order: the shared ones, then the page's own.
    pub fn all_items(&self) -> impl Iterator<Item = &Item> {
        self.shared.iter().chain(&self.items)
    }

    pub fn text(&mut self, x_mm: f32, y_mm: f32, size_pt: f32, face: Face, text: &str) {
        self.items.push(Item::Text {
            x_mm,
            y_mm,
            size_pt,
            face,
            text: text.to_owned(),
        });
    }

    /// A horizontal rule at `y_mm` from `x1_mm` to `x2_mm`.
    pub fn rule(&mut self, x1_mm: f32, x2_mm: f32, y_mm: f32, width_pt: f32) {
        self.items.push(Item::Line {
            x1_mm,
            y1_mm: y_mm,
            x2_mm,
            y2_mm: y_mm,
            width_pt,
        });
    }

    pub fn rect(&mut self, x_mm: f32, y_mm: f32, width_mm: f32, height_mm: f32, width_pt: f32) {
        self.items.push(Item::Rect {
            x_mm,
            y_mm,
            width_mm,
            height_mm,
            width_pt,
        });
    }

    /// The strings drawn on the page, in drawing order.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.all_items().filter_map(|item| match item {
            Item::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
    }
}

impl Document {
    /// Every page's own items, and the shared items once per run of pages that share them:
    /// what a check over the document's text needs to look at.
    fn each_item_once(&self) -> impl Iterator<Item = &Item> {
        let mut previous: Option<&Arc<[Item]>> = None;
        self.pages.iter().flat_map(move |page| {
            let seen = previous.is_some_and(|p| Arc::ptr_eq(p, &page.shared));
            previous = Some(&page.shared);
            let shared: &[Item] = if seen { &[] } else { &page.shared };
            shared.iter().chain(&page.items)
        })
    }

    /// The faces some text is set in: the PDF embeds these and no others.
    pub fn faces(&self) -> BTreeSet<Face> {
        self.each_item_once()
            .filter_map(|item| match item {
                Item::Text { face, .. } => Some(*face),
                _ => None,
            })
            .collect()
    }

    /// Characters that some face used cannot draw (they would print as empty boxes), each
    /// once, in order of appearance.
    pub fn missing_glyphs(&self) -> Vec<char> {
        let mut missing = Vec::new();
        for item in self.each_item_once() {
            if let Item::Text { face, text, .. } = item {
                for c in fonts::missing_glyphs(*face, text) {
                    if !missing.contains(&c) {
                        missing.push(c);
                    }
                }
            }
        }
        missing
    }
}
