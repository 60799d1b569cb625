//! The four Liberation Serif faces documents are set in (metrically compatible with Times New
//! Roman, which Decree 30/2020 asks for), and text measuring from their own advance widths.
//! Layout and every painter measure here and the PDF embeds the same bytes, so a line cannot
//! break differently on screen and on paper.

use std::sync::LazyLock;
use std::sync::atomic::{AtomicU32, Ordering};

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

    /// The TrueType file compressed with zlib when the program was built (build.rs), as the
    /// PDF embeds it: compressing 1.5 MB of fonts on every export would cost more than the
    /// pages.
    pub fn deflated(self) -> &'static [u8] {
        match self {
            Face::Regular => {
                include_bytes!(concat!(
                    env!("OUT_DIR"),
                    "/LiberationSerif-Regular.ttf.zlib"
                ))
            }
            Face::Bold => {
                include_bytes!(concat!(env!("OUT_DIR"), "/LiberationSerif-Bold.ttf.zlib"))
            }
            Face::Italic => {
                include_bytes!(concat!(env!("OUT_DIR"), "/LiberationSerif-Italic.ttf.zlib"))
            }
            Face::BoldItalic => include_bytes!(concat!(
                env!("OUT_DIR"),
                "/LiberationSerif-BoldItalic.ttf.zlib"
            )),
        }
    }

    /// The parsed font, for the PDF writer's tables (widths, metrics).
    pub(crate) fn ttf(self) -> &'static ttf_parser::Face<'static> {
        &PARSED[self as usize]
    }

    fn parsed(self) -> &'static ttf_parser::Face<'static> {
        self.ttf()
    }

    /// The glyph of `c` (`None`: the font has none) and the advance it measures and prints
    /// with, in font units. Looked up in the font's cmap once per character and face: layout
    /// measures the same few hundred characters millions of times.
    pub(crate) fn glyph(self, c: char) -> (Option<u16>, u16) {
        let Some(slot) = CACHE[self as usize].get(c as usize) else {
            return lookup(self.parsed(), c);
        };
        let known = slot.load(Ordering::Relaxed);
        if known != 0 {
            return unpack(known);
        }
        let found = lookup(self.parsed(), c);
        slot.store(pack(found), Ordering::Relaxed);
        found
    }
}

/// Characters below this are cached: Latin, Vietnamese (U+1EA0..U+1EF9), general punctuation
/// and the đồng sign (U+20AB).
const CACHED: usize = 0x2100;

/// Per face and character, `0` until looked up, then [`pack`]ed. 135 KB of zeroes, no start-up
/// cost; several threads may fill the same slot with the same value.
static CACHE: [[AtomicU32; CACHED]; 4] = [const { [const { AtomicU32::new(0) }; CACHED] }; 4];

fn lookup(font: &ttf_parser::Face, c: char) -> (Option<u16>, u16) {
    let glyph = font.glyph_index(c);
    let advance = font
        .glyph_hor_advance(glyph.unwrap_or(GlyphId(0)))
        .unwrap_or(0);
    (glyph.map(|g| g.0), advance)
}

/// High half: glyph + 1, or 0xFFFF for none (never 0); low half: the advance.
fn pack((glyph, advance): (Option<u16>, u16)) -> u32 {
    let high = match glyph {
        Some(g) if g < 0xFFFE => u32::from(g) + 1,
        _ => 0xFFFF,
    };
    high << 16 | u32::from(advance)
}

fn unpack(packed: u32) -> (Option<u16>, u16) {
    let high = packed >> 16;
    let glyph = (high != 0xFFFF).then(|| (high - 1) as u16);
    (glyph, packed as u16)
}

/// Parsed once: the files are compiled in, so a failure is a broken build, caught by the tests.
static PARSED: LazyLock<[ttf_parser::Face<'static>; 4]> = LazyLock::new(|| {
    Face::ALL.map(|face| ttf_parser::Face::parse(face.bytes(), 0).expect("bundled font parses"))
});

fn units_to_mm(font: &ttf_parser::Face, units: f32, size_pt: f32) -> f32 {
    units / f32::from(font.units_per_em()) * size_pt * MM_PER_PT
}

/// Width of `text` set on one line in `face` at `size_pt`: the sum of the advance widths, with
/// no kerning, as the PDF draws it.
pub fn text_width_mm(face: Face, size_pt: f32, text: &str) -> f32 {
    // A character without a glyph takes the width of the ".notdef" box that the PDF would
    // show, so measuring matches what is drawn.
    let units: u32 = text.chars().map(|c| u32::from(face.glyph(c).1)).sum();
    units_to_mm(face.parsed(), units as f32, size_pt)
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

/// A character that must have a glyph to print: whitespace and control characters are not
/// drawn and so never missing.
pub fn needs_glyph(c: char) -> bool {
    !c.is_whitespace() && !c.is_control()
}

/// The characters of `text` that `face` has no glyph for, each once, in order of appearance.
pub fn missing_glyphs(face: Face, text: &str) -> Vec<char> {
    let mut missing = Vec::new();
    for c in text.chars() {
        if needs_glyph(c) && face.glyph(c).0.is_none() && !missing.contains(&c) {
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
    fn the_compressed_faces_are_the_faces() {
        for face in Face::ALL {
            let inflated = miniz_oxide::inflate::decompress_to_vec_zlib(face.deflated()).unwrap();
            assert!(inflated == face.bytes(), "{face:?}");
        }
    }

    #[test]
    fn cached_glyphs_are_the_fonts_own() {
        for face in Face::ALL {
            for c in ['A', ' ', 'ệ', 'Ữ', '₫', '“', '\u{2100}', '😀', '\t'] {
                let font = face.parsed();
                let direct = font.glyph_index(c);
                let advance = font.glyph_hor_advance(direct.unwrap_or(GlyphId(0)));
                // Twice: the first looks up and fills the cache, the second reads it.
                for _ in 0..2 {
                    assert_eq!(
                        face.glyph(c),
                        (direct.map(|g| g.0), advance.unwrap_or(0)),
                        "{face:?} {c:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn vertical_metrics_are_plausible() {
        let ascent = ascent_mm(Face::Regular, 72.0);
        let descent = descent_mm(Face::Regular, 72.0);
        assert!((20.0..25.4).contains(&ascent), "{ascent}");
        assert!((4.0..8.0).contains(&descent), "{descent}");
    }
}
