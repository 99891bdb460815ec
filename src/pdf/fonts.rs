//! DejaVu Sans (regular, bold, oblique) from the `dejavu` crate, parsed once per process, and
//! text measurement by the fonts' own glyph advances, so that wrapping matches what a viewer
//! draws exactly: printpdf emits one glyph per character with the `hmtx` advance and no
//! kerning, which is what `width` adds up.

use printpdf::ParsedFont;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    Regular,
    Bold,
    Oblique,
}

impl Face {
    pub const ALL: [Face; 3] = [Face::Regular, Face::Bold, Face::Oblique];

    /// The font's resource name in every PDF: fixed, so that the same document has the same
    /// bytes however many documents the process made before it.
    pub fn id(self) -> &'static str {
        match self {
            Face::Regular => "F1",
            Face::Bold => "F2",
            Face::Oblique => "F3",
        }
    }
}

pub struct Fonts {
    regular: ParsedFont,
    bold: ParsedFont,
    oblique: ParsedFont,
}

/// Why the embedded fonts could not be used; only a broken build can cause it.
#[derive(Debug, Clone, thiserror::Error)]
#[error("the embedded DejaVu font {0} could not be parsed")]
pub struct FontError(&'static str);

impl Fonts {
    /// The fonts, parsed on first use and shared by every document of the process.
    pub fn get() -> Result<&'static Fonts, FontError> {
        static FONTS: OnceLock<Result<Fonts, FontError>> = OnceLock::new();
        FONTS.get_or_init(Fonts::parse).as_ref().map_err(Clone::clone)
    }

    fn parse() -> Result<Fonts, FontError> {
        let parse =
            |bytes: &[u8], name: &'static str| ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).ok_or(FontError(name));
        Ok(Fonts {
            regular: parse(dejavu::sans::regular(), "DejaVuSans")?,
            bold: parse(dejavu::sans::bold(), "DejaVuSans-Bold")?,
            oblique: parse(dejavu::sans::oblique(), "DejaVuSans-Oblique")?,
        })
    }

    pub fn font(&self, face: Face) -> &ParsedFont {
        match face {
            Face::Regular => &self.regular,
            Face::Bold => &self.bold,
            Face::Oblique => &self.oblique,
        }
    }

    /// Width of `text` in points at `size`, as drawn (every character has a glyph: see `clean`).
    pub fn width(&self, face: Face, size: f32, text: &str) -> f32 {
        let font = self.font(face);
        let units: u32 = text
            .chars()
            .map(|c| u32::from(font.get_horizontal_advance(font.lookup_glyph_index(c as u32).unwrap_or(0))))
            .sum();
        units as f32 * size / self.units_per_em(face)
    }

    fn units_per_em(&self, face: Face) -> f32 {
        f32::from(self.font(face).font_metrics.units_per_em.max(1))
    }

    /// Height above the baseline and depth below it, in points at `size`.
    pub fn ascent_descent(&self, face: Face, size: f32) -> (f32, f32) {
        let m = &self.font(face).font_metrics;
        let upem = self.units_per_em(face);
        (m.ascent * size / upem, m.descent.abs() * size / upem)
    }

    /// Text as it can be drawn on one line: tabs become spaces, other control characters go,
    /// and a character the font lacks becomes "?" instead of an invisible box.
    pub fn clean(&self, text: &str) -> String {
        let font = &self.regular;
        text.chars()
            .filter_map(|c| match c {
                '\t' => Some(' '),
                c if c.is_control() => None,
                c if font.lookup_glyph_index(c as u32).is_some_and(|g| g != 0) => Some(c),
                _ => Some('?'),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_letters_have_glyphs_and_widths() {
        let f = Fonts::get().expect("embedded fonts parse");
        assert_eq!(f.clean("åäö ÅÄÖ – ”citat” …"), "åäö ÅÄÖ – ”citat” …");
        assert_eq!(f.clean("a\tb\u{7}c"), "a bc");
        // Widths add up per character and scale with the size.
        let w = f.width(Face::Regular, 10.0, "åäö");
        assert!(w > 0.0);
        assert!((f.width(Face::Regular, 20.0, "åäö") - 2.0 * w).abs() < 1e-3);
        assert!((f.width(Face::Regular, 10.0, "åäöåäö") - 2.0 * w).abs() < 1e-3);
        assert!(f.width(Face::Bold, 10.0, "Mm") > f.width(Face::Regular, 10.0, "Mm"));
        let (asc, desc) = f.ascent_descent(Face::Regular, 10.0);
        assert!(asc > 7.0 && asc < 10.0 && desc > 1.0 && desc < 3.0, "{asc} {desc}");
    }
}
