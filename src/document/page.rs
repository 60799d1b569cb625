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
    Text(Text),
    Rule(Rule),
    Rect(Rect),
}

/// One string on one line; (x_mm, y_mm) is the left end of its baseline. NFC, no line breaks.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    pub x_mm: f32,
    pub y_mm: f32,
    pub size_pt: f32,
    pub face: Face,
    pub text: String,
}

/// A rule: a straight stroke with butt ends, so it is exactly as long as its end points say.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub x1_mm: f32,
    pub y1_mm: f32,
    pub x2_mm: f32,
    pub y2_mm: f32,
    pub width_pt: f32,
}

/// The outline of a rectangle (table cells); (x_mm, y_mm) is its top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub struct Rect {
    pub x_mm: f32,
    pub y_mm: f32,
    pub width_mm: f32,
    pub height_mm: f32,
    pub width_pt: f32,
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
            Item::Text(t) => Bounds {
                left: t.x_mm,
                top: t.y_mm - fonts::ascent_mm(t.face, t.size_pt),
                right: t.x_mm + fonts::text_width_mm(t.face, t.size_pt, &t.text),
                bottom: t.y_mm + fonts::descent_mm(t.face, t.size_pt),
            },
            Item::Rule(l) => Bounds {
                left: l.x1_mm.min(l.x2_mm),
                top: l.y1_mm.min(l.y2_mm),
                right: l.x1_mm.max(l.x2_mm),
                bottom: l.y1_mm.max(l.y2_mm),
            },
            Item::Rect(r) => Bounds {
                left: r.x_mm,
                top: r.y_mm,
                right: r.x_mm + r.width_mm,
                bottom: r.y_mm + r.height_mm,
            },
        }
    }

    /// The item scaled by `scale` about the page's top-left corner, then moved by `dx_mm` and
    /// `dy_mm`: sizes and stroke widths scale with it.
    pub fn transform(&mut self, scale: f32, dx_mm: f32, dy_mm: f32) {
        let at = |x: f32, y: f32| (x * scale + dx_mm, y * scale + dy_mm);
        match self {
            Item::Text(t) => {
                (t.x_mm, t.y_mm) = at(t.x_mm, t.y_mm);
                t.size_pt *= scale;
            }
            Item::Rule(l) => {
                (l.x1_mm, l.y1_mm) = at(l.x1_mm, l.y1_mm);
                (l.x2_mm, l.y2_mm) = at(l.x2_mm, l.y2_mm);
                l.width_pt *= scale;
            }
            Item::Rect(r) => {
                (r.x_mm, r.y_mm) = at(r.x_mm, r.y_mm);
                r.width_mm *= scale;
                r.height_mm *= scale;
                r.width_pt *= scale;
            }
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
        self.items.push(Item::Text(Text {
            x_mm,
            y_mm,
            size_pt,
            face,
            text: text.to_owned(),
        }));
    }

    /// A horizontal rule at `y_mm` from `x1_mm` to `x2_mm`.
    pub fn rule(&mut self, x1_mm: f32, x2_mm: f32, y_mm: f32, width_pt: f32) {
        self.line((x1_mm, y_mm), (x2_mm, y_mm), width_pt);
    }

    /// A stroke from `(x1_mm, y1_mm)` to `(x2_mm, y2_mm)`.
    pub fn line(&mut self, (x1_mm, y1_mm): (f32, f32), (x2_mm, y2_mm): (f32, f32), width_pt: f32) {
        self.items.push(Item::Rule(Rule {
            x1_mm,
            y1_mm,
            x2_mm,
            y2_mm,
            width_pt,
        }));
    }

    pub fn rect(&mut self, x_mm: f32, y_mm: f32, width_mm: f32, height_mm: f32, width_pt: f32) {
        self.items.push(Item::Rect(Rect {
            x_mm,
            y_mm,
            width_mm,
            height_mm,
            width_pt,
        }));
    }

    /// The strings drawn on the page, in drawing order.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.all_items().filter_map(|item| match item {
            Item::Text(t) => Some(t.text.as_str()),
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
                Item::Text(t) => Some(t.face),
                _ => None,
            })
            .collect()
    }

    /// Characters that some face used cannot draw (they would print as empty boxes), each
    /// once, in order of appearance.
    pub fn missing_glyphs(&self) -> Vec<char> {
        let mut missing = Vec::new();
        for item in self.each_item_once() {
            if let Item::Text(t) = item {
                for c in fonts::missing_glyphs(t.face, &t.text) {
                    if !missing.contains(&c) {
                        missing.push(c);
                    }
                }
            }
        }
        missing
    }
}
