//! The four Liberation Serif faces documents are set in (metrically compatible with Times New
//! Roman, which Decree 30/2020 asks for), and text measuring from their own advance widths.
//! Layout and every painter measure here and the PDF embeds the same bytes, so a line cannot
//! break differently on screen and on paper.

use std::sync::LazyLock;

use ttf_parser::GlyphId;

/// Millimetres per PostScript point.
pub const MM_PER_PT: f32 = 25.4 / 72.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Face {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

impl Face {
    pub const ALL: [Face; 4] = [Face::Regular, Face::Bold, Face::Italic, Face::BoldItalic];

    /// The TrueType file, for embedding.
    pub fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => include_bytes!("../../fonts/LiberationSerif-Regular.ttf"),
            Face::Bold => include_bytes!("../../fonts/LiberationSerif-Bold.ttf"),
            Face::Italic => include_bytes!("../../fonts/LiberationSerif-Italic.ttf"),
            Face::BoldItalic => include_bytes!("../../fonts/LiberationSerif-BoldItalic.ttf"),
        }
    }

    fn parsed(self) -> &'static ttf_parser::Face<'static> {
        &PARSED[self as usize]
    }
}

/// Parsed once: the files are compiled in, so a failure is a broken build, caught by the tests.
static PARSED: LazyLock<[ttf_parser::Face<'static>; 4]> = LazyLock::new(|| {
    Face::ALL.map(|face| ttf_parser::Face::parse(face.bytes(), 0).expect("bundled font parses"))
});

/// The advance of `c` in font units; a character without a glyph takes the width of the
/// ".notdef" box that the PDF would show, so measuring matches what is drawn.
fn advance(font: &ttf_parser::Face, c: char) -> u16 {
    let glyph = font.glyph_index(c).unwrap_or(GlyphId(0));
    font.glyph_hor_advance(glyph).unwrap_or(0)
}

fn units_to_mm(font: &ttf_parser::Face, units: f32, size_pt: f32) -> f32 {
    units / f32::from(font.units_per_em()) * size_pt * MM_PER_PT
}

/// Width of `text` set on one line in `face` at `size_pt`: the sum of the advance widths, with
/// no kerning, as the PDF draws it.
pub fn text_width_mm(face: Face, size_pt: f32, text: &str) -> f32 {
    let font = face.parsed();
    let units: u32 = text.chars().map(|c| u32::from(advance(font, c))).sum();
    units_to_mm(font, units as f32, size_pt)
}

/// Height of the tallest letters above the baseline (the font's ascender).
pub fn ascent_mm(face: Face, size_pt: f32) -> f32 {
    let font = face.parsed();
    units_to_mm(font, f32::from(font.ascender()), size_pt)
}

/// Depth of the descenders below the baseline, as a positive number.
pub fn descent_mm(face: Face, size_pt: f32) -> f32 {
    let font = face.parsed();
    units_to_mm(font, -f32::from(font.descender()), size_pt)
}

/// The characters of `text` that `face` has no glyph for, each once, in order of appearance.
/// Whitespace and control characters are not drawn and so never missing.
pub fn missing_glyphs(face: Face, text: &str) -> Vec<char> {
    let font = face.parsed();
    let mut missing = Vec::new();
    for c in text.chars() {
        if !c.is_whitespace()
            && !c.is_control()
            && font.glyph_index(c).is_none()
            && !missing.contains(&c)
        {
            missing.push(c);
        }
    }
    missing
}

#[cfg(test)]
mod tests {
    use super::*;

    const STACKED: &str = "Ấấ Ầầ Ẩẩ Ẫẫ Ắắ Ằằ Ẳẳ Ẵẵ Ếế Ềề Ểể Ễễ Ốố Ồồ Ổổ Ỗỗ Ợợ Ựự Ỳỳ Ỹỹ Đđ";

    #[test]
    fn every_face_draws_every_vietnamese_letter() {
        for face in Face::ALL {
            assert_eq!(
                missing_glyphs(face, STACKED),
                Vec::<char>::new(),
                "{face:?}"
            );
            assert_eq!(missing_glyphs(face, "₫ “” – … ăâêôơưđ"), Vec::<char>::new());
        }
    }

    #[test]
    fn missing_glyphs_are_listed_once() {
        assert_eq!(missing_glyphs(Face::Regular, "a😀b😀\n"), vec!['😀']);
    }

    #[test]
    fn widths_match_times_new_roman_metrics() {
        // Times New Roman's "0" is 1000 units of 2048, i.e. half an em.
        let zero = text_width_mm(Face::Regular, 72.0, "0");
        assert!((zero - 12.7).abs() < 0.01, "{zero}");
        assert_eq!(text_width_mm(Face::Bold, 14.0, ""), 0.0);
        let one = text_width_mm(Face::Regular, 14.0, "Việt");
        let space = text_width_mm(Face::Regular, 14.0, " ");
        let two = text_width_mm(Face::Regular, 14.0, "Việt Việt");
        assert!((two - (2.0 * one + space)).abs() < 1e-4);
        assert!(text_width_mm(Face::Bold, 14.0, "Việt") > one);
    }

    #[test]
    fn vertical_metrics_are_plausible() {
        let ascent = ascent_mm(Face::Regular, 72.0);
        let descent = descent_mm(Face::Regular, 72.0);
        assert!((20.0..25.4).contains(&ascent), "{ascent}");
        assert!((4.0..8.0).contains(&descent), "{descent}");
    }
}
