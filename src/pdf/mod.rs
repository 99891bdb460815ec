//! The roadmap PDF for politicians (printpdf): A4, DejaVu Sans embedded as subsets, text wrapped
//! by measured glyph widths, header and footer with "Sida n av m" on every page, and
//! "Exempeldata" across every page of a document built from example data.
//!
//! Deterministic: the same roadmap gives the same bytes in any process and any order of
//! documents. Font ids are fixed, nothing reads the clock (the info dictionary keeps printpdf's
//! fixed epoch dates), and the trailer ID, which printpdf draws at random, is replaced by a hash
//! of the document's bytes.

mod blocks;
mod charts;
mod county;
pub mod fonts;
pub mod layout;
mod municipality;

use crate::i18n::{Lang, pdf as t};
use crate::plan::{CountyRoadmap, MunicipalityRoadmap};
use fonts::{Face, FontError, Fonts};
use layout::{Layout, MUTED, PAGE_H, PAGE_W, RIGHT, SAFE, Style, text_ops};
use printpdf::{FontId, Mm, Op, PdfDocument, PdfPage, PdfSaveOptions};
use sha2::{Digest, Sha256};

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error(transparent)]
    Font(#[from] FontError),
    #[error("the PDF could not be written: {0}")]
    Write(String),
}

/// The municipality's roadmap as PDF bytes.
pub fn municipality_pdf(r: &MunicipalityRoadmap, lang: Lang) -> Result<Vec<u8>, PdfError> {
    let fonts = Fonts::get()?;
    let mut l = Layout::new(fonts);
    municipality::build(&mut l, r, lang);
    let tx = t::texts(lang);
    let s = &r.standing;
    let frame = Frame {
        title: format!("{} – {}, {} {}", tx.title, s.municipality, tx.round.to_lowercase(), s.round),
        header_left: format!("{} · {}", tx.title, s.municipality),
        header_right: format!("{} {}", tx.round, s.round),
        demo: s.demo,
    };
    finish(l, &frame, lang)
}

/// The county's roadmap as PDF bytes.
pub fn county_pdf(c: &CountyRoadmap, lang: Lang) -> Result<Vec<u8>, PdfError> {
    let fonts = Fonts::get()?;
    let mut l = Layout::new(fonts);
    county::build(&mut l, c, lang);
    let tx = t::texts(lang);
    let frame = Frame {
        title: format!("{} – {}, {} {}", tx.county_title, c.county, tx.round.to_lowercase(), c.round),
        header_left: format!("{} · {}", tx.county_title, c.county),
        header_right: format!("{} {}", tx.round, c.round),
        demo: c.demo,
    };
    finish(l, &frame, lang)
}

/// What every page carries besides its content.
struct Frame {
    title: String,
    header_left: String,
    header_right: String,
    demo: bool,
}

const HEADER: Style = Style::new(Face::Regular, 8.0, MUTED);
const WATERMARK: Style = Style::new(Face::Bold, 64.0, (0.88, 0.88, 0.90));

fn finish(l: Layout<'_>, frame: &Frame, lang: Lang) -> Result<Vec<u8>, PdfError> {
    let fonts = l.fonts;
    let pages = l.into_pages();
    let total = pages.len();
    let mut doc = PdfDocument::new(&frame.title);
    doc.metadata.info.producer = "fardplan".into();
    doc.metadata.info.creator = "fardplan".into();
    for face in Face::ALL {
        // A fixed id instead of `add_font`'s random one: part of the deterministic bytes.
        let font = printpdf::PdfFont::new(fonts.font(face).clone());
        doc.resources.fonts.map.insert(FontId(face.id().into()), font);
    }
    let mut out_pages = Vec::with_capacity(total);
    for (i, content) in pages.into_iter().enumerate() {
        let mut ops = Vec::with_capacity(content.len() + 40);
        if frame.demo {
            ops.extend(watermark(fonts, t::texts(lang).watermark));
        }
        ops.extend(content);
        ops.extend(header_footer(fonts, frame, i + 1, total, lang));
        out_pages.push(PdfPage::new(Mm(210.0), Mm(297.0), ops));
    }
    doc.pages = out_pages;
    save(&doc)
}

/// Header (title left, round right, a rule) and footer ("Sida n av m" right, the watermark
/// word left on example data), inside the safe area above and below the body.
fn header_footer(fonts: &Fonts, frame: &Frame, page: usize, total: usize, lang: Lang) -> Vec<Op> {
    let mut ops = Vec::new();
    let right_aligned = |text: &str| RIGHT - fonts.width(HEADER.face, HEADER.size, text);
    let top = PAGE_H - SAFE - 8.0;
    let right = fonts.clean(&frame.header_right);
    let right_w = fonts.width(HEADER.face, HEADER.size, &right);
    let left_room = RIGHT - layout::LEFT - right_w - 20.0;
    let left = truncate(fonts, &frame.header_left, left_room, HEADER);
    ops.extend(text_ops(layout::LEFT, top, 0.0, left, HEADER));
    ops.extend(text_ops(right_aligned(&right), top, 0.0, right, HEADER));
    let rule_y = top - 4.0;
    ops.extend([
        Op::SetOutlineColor { col: layout::rgb(layout::RULE) },
        Op::SetOutlineThickness { pt: printpdf::Pt(0.5) },
        Op::DrawLine {
            line: printpdf::Line {
                points: [layout::LEFT, RIGHT]
                    .iter()
                    .map(|x| printpdf::LinePoint {
                        p: printpdf::Point { x: printpdf::Pt(*x), y: printpdf::Pt(rule_y) },
                        bezier: false,
                    })
                    .collect(),
                is_closed: false,
            },
        },
    ]);
    let bottom = SAFE + 3.0;
    let page_of = t::page_of(page, total, lang);
    ops.extend(text_ops(right_aligned(&page_of), bottom, 0.0, page_of, HEADER));
    if frame.demo {
        let style = Style::new(Face::Bold, 8.0, layout::WARN);
        ops.extend(text_ops(layout::LEFT, bottom, 0.0, t::texts(lang).watermark.to_string(), style));
    }
    ops
}

fn truncate(fonts: &Fonts, text: &str, width: f32, style: Style) -> String {
    // The header is drawn outside any flow, so it uses a throw-away layout to measure.
    Layout::new(fonts).truncate(text, width, style)
}

/// The watermark word, large and light, across the middle of the page at 45°; drawn first, so
/// the content lies over it.
fn watermark(fonts: &Fonts, word: &str) -> [Op; 6] {
    let w = fonts.width(WATERMARK.face, WATERMARK.size, word);
    let (asc, _) = fonts.ascent_descent(WATERMARK.face, WATERMARK.size);
    let (s, c) = std::f32::consts::FRAC_PI_4.sin_cos();
    // Start so that the middle of the run (half its width along, half the cap height across)
    // is the middle of the page.
    let x = PAGE_W / 2.0 - (w / 2.0) * c + (asc / 3.0) * s;
    let y = PAGE_H / 2.0 - (w / 2.0) * s - (asc / 3.0) * c;
    text_ops(x, y, 45.0, fonts.clean(word), WATERMARK)
}

/// A 32-character placeholder for the trailer ID, replaced after saving. It cannot occur in the
/// rest of the file: streams are compressed and text is hex-encoded glyph ids.
const ID_PLACEHOLDER: &[u8; 32] = b"FARDPLAN-DOCUMENT-ID-PLACEHOLDER";

fn save(doc: &PdfDocument) -> Result<Vec<u8>, PdfError> {
    let opts = PdfSaveOptions { optimize: true, subset_fonts: true, secure: true, image_optimization: None };
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&opts, &mut warnings);
    let placeholder = lopdf::Object::String(ID_PLACEHOLDER.to_vec(), lopdf::StringFormat::Literal);
    lo.trailer.set("ID", lopdf::Object::Array(vec![placeholder.clone(), placeholder]));
    compress(&mut lo);
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes).map_err(|e| PdfError::Write(e.to_string()))?;
    // The ID is the first half of the SHA-256 of the document with the placeholder in place,
    // in hex: the same content, the same ID. Both entries are equal: the document was never
    // modified after it was made.
    let digest = Sha256::digest(&bytes);
    let id: String = digest.iter().take(16).map(|b| format!("{b:02x}")).collect();
    let mut found = 0;
    let mut i = 0;
    while i + ID_PLACEHOLDER.len() <= bytes.len() {
        if &bytes[i..i + ID_PLACEHOLDER.len()] == ID_PLACEHOLDER {
            bytes[i..i + ID_PLACEHOLDER.len()].copy_from_slice(id.as_bytes());
            found += 1;
            i += ID_PLACEHOLDER.len();
        } else {
            i += 1;
        }
    }
    if found != 2 {
        return Err(PdfError::Write(format!("document ID written {found} times, expected 2")));
    }
    Ok(bytes)
}

/// Flate-compresses every stream that allows it, like `lopdf::Document::compress` but at a low
/// level instead of `best`. Measured on an 18-page roadmap: `best` took 15 of the document's
/// 27 ms for 89 KB; level 2 takes 3 ms for 105 KB, level 6 9 ms for 90 KB.
fn compress(doc: &mut lopdf::Document) {
    use flate2::Compression;
    use flate2::write::ZlibEncoder;
    use std::io::Write;
    for object in doc.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else { continue };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        let mut encoder = ZlibEncoder::new(Vec::new(), Compression::new(COMPRESSION_LEVEL));
        // Writing to a Vec cannot fail; on any error the stream simply stays uncompressed.
        let Ok(compressed) = encoder.write_all(&stream.content).and_then(|()| encoder.finish()) else { continue };
        if compressed.len() + 19 < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(compressed);
        }
    }
}

const COMPRESSION_LEVEL: u32 = 2;

#[cfg(test)]
mod tests;
