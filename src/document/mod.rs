//! Documents: every paper the app prints goes through here. No iced.
//!
//! One layout, two painters. Layout turns a description of a document (for now
//! [`AdminDocument`], the Decree 30/2020 administrative format) into [`Page`]s of positioned
//! primitives in millimetres: strings with their face, size and baseline, rules and
//! rectangles. A painter only draws them: [`to_pdf`] with printpdf, and later the on-screen
//! preview. Both measure nothing themselves; line breaks, justification and page breaks are
//! decided once, with the advance widths of the fonts the PDF embeds ([`fonts`]), so the
//! preview and the paper cannot disagree.
//!
//! Text is NFC on the way in (decomposed marks collide in PDFs) and drawn without shaping or
//! kerning, which is what printpdf does with embedded TrueType fonts.

pub mod admin;
pub mod fonts;
pub mod page;
pub mod pdf;
pub mod wrap;

#[cfg(test)]
mod tests;

pub use admin::{AdminDocument, Block, Column, Signature, Table, Width, layout};
pub use fonts::Face;
pub use page::{Bounds, Document, Item, Page};
pub use pdf::{DocumentError, to_pdf};
pub use wrap::Align;
