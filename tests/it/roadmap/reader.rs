//! Reading a PDF back with pdf-extract, an independent reader: the text of each page, and the
//! box of every glyph drawn.

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// One glyph as drawn: its four corners on the page, in points from the bottom left.
#[derive(Debug, Clone)]
pub struct Glyph {
    pub page: u32,
    pub text: String,
    pub corners: [(f64, f64); 4],
    /// Drawn at an angle (the watermark).
    pub rotated: bool,
}

#[derive(Default)]
struct Collector {
    page: u32,
    glyphs: Vec<Glyph>,
}

impl OutputDev for Collector {
    fn begin_page(&mut self, page: u32, _: &MediaBox, _: Option<(f64, f64, f64, f64)>) -> Result<(), OutputError> {
        self.page = page;
        Ok(())
    }
    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        // trm maps text space to the page; the glyph spans its advance along x and, with
        // DejaVu's ascent and descent (0.93 and 0.24 em), its height along y.
        let at = |x: f64, y: f64| (trm.m11 * x + trm.m21 * y + trm.m31, trm.m12 * x + trm.m22 * y + trm.m32);
        let (w, up, down) = (width * size, 0.93 * size, -0.24 * size);
        let corners = [at(0.0, down), at(w, down), at(0.0, up), at(w, up)];
        let rotated = trm.m12.abs() > 1e-6 || trm.m21.abs() > 1e-6;
        self.glyphs.push(Glyph { page: self.page, text: text.to_string(), corners, rotated });
        Ok(())
    }
    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

pub fn glyphs(pdf: &[u8]) -> Vec<Glyph> {
    let doc = pdf_extract::Document::load_mem(pdf).expect("pdf-extract loads the PDF");
    let mut c = Collector::default();
    pdf_extract::output_doc(&doc, &mut c).expect("pdf-extract reads every page");
    c.glyphs
}

pub fn pages(pdf: &[u8]) -> Vec<String> {
    pdf_extract::extract_text_from_mem_by_pages(pdf).expect("pdf-extract extracts text")
}
