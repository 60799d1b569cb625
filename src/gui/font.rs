//! Bundled fonts: the app never depends on system fonts. Be Vietnam Pro was drawn for
//! Vietnamese and covers every stacked mark.

use iced::Font;
use iced::font::Weight;

pub const REGULAR_BYTES: &[u8] = include_bytes!("../../fonts/BeVietnamPro-Regular.ttf");
pub const SEMIBOLD_BYTES: &[u8] = include_bytes!("../../fonts/BeVietnamPro-SemiBold.ttf");
pub const BOLD_BYTES: &[u8] = include_bytes!("../../fonts/BeVietnamPro-Bold.ttf");
/// Arrows, ✓ and ⚠, which Be Vietnam Pro lacks: without it they came from a system fallback
/// font on Linux and were missing on Windows. Never named by a widget: the text shaper falls
/// back to it for exactly these characters (tests/glyphs.rs keeps the UI within the two).
pub const SYMBOLS_BYTES: &[u8] = include_bytes!("../../fonts/NgayhoiSymbols.ttf");

pub const FAMILY: &str = "Be Vietnam Pro";

pub const REGULAR: Font = Font::with_name(FAMILY);
pub const SEMIBOLD: Font = Font {
    weight: Weight::Semibold,
    ..REGULAR
};
pub const BOLD: Font = Font {
    weight: Weight::Bold,
    ..REGULAR
};

/// Every face, for `Settings::fonts`: the UI's, and the documents' for the print preview.
pub fn all() -> Vec<std::borrow::Cow<'static, [u8]>> {
    let ui = [REGULAR_BYTES, SEMIBOLD_BYTES, BOLD_BYTES, SYMBOLS_BYTES];
    let documents = crate::document::Face::ALL.map(crate::document::Face::bytes);
    ui.into_iter().chain(documents).map(Into::into).collect()
}
