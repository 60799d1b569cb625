//! Documents: every paper the app prints goes through here. No iced.
//!
//! One layout, two painters. Layout turns a description of a document (an [`AdminDocument`],
//! the Decree 30/2020 administrative format, or a certificate) into [`Page`]s of positioned
//! primitives in millimetres: strings with their face, size and baseline, rules and
//! rectangles. A painter only draws them: [`to_pdf`] writes the PDF, and `gui::preview` the
//! on-screen preview. Both measure nothing themselves; line breaks, justification and page breaks are
//! decided once, with the advance widths of the fonts the PDF embeds ([`fonts`]), so the
//! preview and the paper cannot disagree.
//!
//! Text is NFC on the way in (decomposed marks collide in PDFs) and drawn without shaping or
//! kerning, as the PDF draws embedded TrueType fonts.

pub mod admin;
pub mod fonts;
pub mod glue;
pub mod page;
pub mod pdf;
mod shared;
pub mod wrap;

#[cfg(test)]
mod tests;

pub use admin::{AdminDocument, Block, Column, Signature, Table, Width, layout};
pub use fonts::Face;
pub use page::{Bounds, Document, Item, Page};
pub use pdf::{DocumentError, to_pdf};
pub use wrap::Align;

/// `f` over `items`, in order; on two threads when there are many (pages of a batch of
/// certificates: layout and the PDF writer are per page and share nothing).
pub(crate) fn parallel<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    if items.len() < 64 {
        return items.iter().map(&f).collect();
    }
    let (left, right) = items.split_at(items.len() / 2);
    std::thread::scope(|scope| {
        let other = scope.spawn(|| right.iter().map(&f).collect::<Vec<R>>());
        let mut done: Vec<R> = left.iter().map(&f).collect();
        done.extend(other.join().expect("a page thread does not panic"));
        done
    })
}
