//! A small flow layout on A4 pages: a cursor moves down the body area; text is wrapped by the
//! fonts' measured widths and continues on a new page when the body is full. Nothing is ever
//! placed outside the body (text) or the safe area (header, footer, watermark).
//!
//! Coordinates are PDF points with the origin at the bottom left, as in printpdf.

use super::fonts::{Face, Fonts};
use printpdf::{
    Color, FontId, Line, LinePoint, Op, PaintMode, PdfFontHandle, Point, Pt, Rect, Rgb, TextItem, TextMatrix,
};

pub const MM: f32 = 72.0 / 25.4;
pub const PAGE_W: f32 = 210.0 * MM;
pub const PAGE_H: f32 = 297.0 * MM;
/// Nothing at all is drawn closer than this to an edge of the page.
pub const SAFE: f32 = 15.0 * MM;
/// The body: flowing text and charts.
pub const LEFT: f32 = 20.0 * MM;
pub const RIGHT: f32 = PAGE_W - 20.0 * MM;
pub const TOP: f32 = PAGE_H - 25.0 * MM;
pub const BOTTOM: f32 = 22.0 * MM;
pub const BODY_W: f32 = RIGHT - LEFT;

/// RGB, 0–1.
pub type Rgb3 = (f32, f32, f32);

pub const INK: Rgb3 = (0.13, 0.13, 0.15);
pub const MUTED: Rgb3 = (0.38, 0.38, 0.42);
pub const ACCENT: Rgb3 = (0.05, 0.30, 0.50);
pub const WARN: Rgb3 = (0.70, 0.35, 0.0);
pub const RULE: Rgb3 = (0.80, 0.82, 0.85);

#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub face: Face,
    pub size: f32,
    pub color: Rgb3,
}

impl Style {
    pub const fn new(face: Face, size: f32, color: Rgb3) -> Style {
        Style { face, size, color }
    }

    /// Distance between baselines.
    pub fn leading(&self) -> f32 {
        self.size * 1.35
    }
}

pub const BODY: Style = Style::new(Face::Regular, 10.0, INK);
pub const SMALL: Style = Style::new(Face::Regular, 8.5, MUTED);
pub const LABEL: Style = Style::new(Face::Bold, 10.0, ACCENT);
pub const H1: Style = Style::new(Face::Bold, 18.0, ACCENT);
pub const H2: Style = Style::new(Face::Bold, 13.0, ACCENT);
pub const H3: Style = Style::new(Face::Bold, 11.0, INK);

pub struct Layout<'f> {
    pub fonts: &'f Fonts,
    pages: Vec<Vec<Op>>,
    /// Top of the next line box on the current page.
    y: f32,
}

impl<'f> Layout<'f> {
    pub fn new(fonts: &'f Fonts) -> Layout<'f> {
        Layout { fonts, pages: vec![Vec::new()], y: TOP }
    }

    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
    }

    /// Starts a new page unless the current one is still empty.
    pub fn fresh_page(&mut self) {
        if self.y < TOP {
            self.new_page();
        }
    }

    pub fn y(&self) -> f32 {
        self.y
    }

    /// Makes sure `height` fits below the cursor, starting a new page if it does not (and the
    /// page is not already empty: a block taller than a page then flows on regardless).
    pub fn ensure(&mut self, height: f32) {
        if self.y - height < BOTTOM && self.y < TOP {
            self.new_page();
        }
    }

    /// Vertical space; never carried over to a new page.
    pub fn skip(&mut self, height: f32) {
        self.y = (self.y - height).max(BOTTOM);
    }

    /// Moves the cursor below a block drawn with absolute coordinates.
    pub fn set_y(&mut self, y: f32) {
        self.y = y.clamp(BOTTOM, TOP);
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        // `pages` starts with one page and only grows, so there is always a last page.
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// One line of text at an absolute baseline on the current page. Callers keep it inside
    /// the page (wrapped or truncated by measure).
    pub fn text_at(&mut self, x: f32, baseline: f32, text: &str, style: Style) {
        let text = self.fonts.clean(text);
        if text.is_empty() {
            return;
        }
        let ops = text_ops(x, baseline, 0.0, text, style);
        self.ops().extend(ops);
    }

    /// One line at the cursor, cut to `width` with an ellipsis if it is longer.
    pub fn line(&mut self, x: f32, width: f32, text: &str, style: Style) {
        self.ensure(style.leading());
        let text = self.truncate(text, width, style);
        let baseline = self.y - self.fonts.ascent_descent(style.face, style.size).0;
        self.text_at(x, baseline, &text, style);
        self.y -= style.leading();
    }

    /// Wrapped text at the cursor; lines continue on the next page.
    pub fn paragraph(&mut self, x: f32, width: f32, text: &str, style: Style) {
        for line in self.wrap(text, width, style) {
            self.line(x, width, &line, style);
        }
    }

    /// A paragraph with a hanging marker ("•", "1.") in front of its first line.
    pub fn item(&mut self, x: f32, width: f32, marker: &str, text: &str, style: Style) {
        let indent = self.fonts.width(style.face, style.size, marker) + style.size * 0.6;
        let lines = self.wrap(text, width - indent, style);
        for (i, line) in lines.iter().enumerate() {
            self.ensure(style.leading());
            if i == 0 {
                let baseline = self.y - self.fonts.ascent_descent(style.face, style.size).0;
                self.text_at(x, baseline, marker, style);
            }
            self.line(x + indent, width - indent, line, style);
        }
    }

    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: Rgb3) {
        let rectangle = Rect {
            x: Pt(x),
            y: Pt(y),
            width: Pt(w.max(0.0)),
            height: Pt(h.max(0.0)),
            mode: Some(PaintMode::Fill),
            winding_order: None,
        };
        self.ops().extend([Op::SetFillColor { col: rgb(color) }, Op::DrawRectangle { rectangle }]);
    }

    pub fn stroke(&mut self, points: &[(f32, f32)], thickness: f32, color: Rgb3) {
        let line = Line {
            points: points
                .iter()
                .map(|(x, y)| LinePoint { p: Point { x: Pt(*x), y: Pt(*y) }, bezier: false })
                .collect(),
            is_closed: false,
        };
        self.ops().extend([
            Op::SetOutlineColor { col: rgb(color) },
            Op::SetOutlineThickness { pt: Pt(thickness) },
            Op::DrawLine { line },
        ]);
    }

    /// A thin horizontal rule across the body at the cursor.
    pub fn rule(&mut self) {
        self.ensure(6.0);
        let y = self.y - 3.0;
        self.stroke(&[(LEFT, y), (RIGHT, y)], 0.5, RULE);
        self.y -= 6.0;
    }

    /// Greedy word wrap by measured widths. Paragraph breaks (`\n`) are kept; a word longer
    /// than a whole line is cut between characters.
    pub fn wrap(&self, text: &str, width: f32, style: Style) -> Vec<String> {
        let width = width.max(style.size);
        let measure = |s: &str| self.fonts.width(style.face, style.size, s);
        let space = measure(" ");
        let mut out = Vec::new();
        for para in text.split('\n') {
            let para = self.fonts.clean(para);
            let mut line = String::new();
            let mut line_w = 0.0;
            for word in para.split(' ').filter(|w| !w.is_empty()) {
                let word_w = measure(word);
                if !line.is_empty() && line_w + space + word_w <= width {
                    line.push(' ');
                    line.push_str(word);
                    line_w += space + word_w;
                    continue;
                }
                if !line.is_empty() {
                    out.push(std::mem::take(&mut line));
                }
                if word_w <= width {
                    line = word.to_string();
                    line_w = word_w;
                } else {
                    // Cut an over-long word (a URL, a long number) into pieces that fit.
                    let mut piece = String::new();
                    let mut piece_w = 0.0;
                    for c in word.chars() {
                        let cw = measure(c.encode_utf8(&mut [0; 4]));
                        if !piece.is_empty() && piece_w + cw > width {
                            out.push(std::mem::take(&mut piece));
                            piece_w = 0.0;
                        }
                        piece.push(c);
                        piece_w += cw;
                    }
                    line = piece;
                    line_w = piece_w;
                }
            }
            out.push(line);
        }
        // Trailing empty paragraphs add nothing but blank space.
        while out.len() > 1 && out.last().is_some_and(String::is_empty) {
            out.pop();
        }
        out
    }

    /// `text` on one line of at most `width`, ending in "…" when cut.
    pub fn truncate(&self, text: &str, width: f32, style: Style) -> String {
        let text = self.fonts.clean(text);
        let measure = |s: &str| self.fonts.width(style.face, style.size, s);
        if measure(&text) <= width {
            return text;
        }
        let ellipsis_w = measure("…");
        let mut out = String::new();
        let mut w = 0.0;
        for c in text.chars() {
            let cw = measure(c.encode_utf8(&mut [0; 4]));
            if w + cw + ellipsis_w > width {
                break;
            }
            out.push(c);
            w += cw;
        }
        out.trim_end().to_string() + "…"
    }

    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    pub fn into_pages(self) -> Vec<Vec<Op>> {
        self.pages
    }
}

pub fn rgb(c: Rgb3) -> Color {
    Color::Rgb(Rgb::new(c.0, c.1, c.2, None))
}

/// The operations that draw one run of text with its baseline start at (x, y), turned
/// `degrees` counter-clockwise.
pub fn text_ops(x: f32, y: f32, degrees: f32, text: String, style: Style) -> [Op; 6] {
    let matrix = if degrees == 0.0 {
        TextMatrix::Translate(Pt(x), Pt(y))
    } else {
        // Written out rather than `TranslateRotate`, so the direction is beyond doubt.
        let (sin, cos) = degrees.to_radians().sin_cos();
        TextMatrix::Raw([cos, sin, -sin, cos, x, y])
    };
    [
        Op::StartTextSection,
        Op::SetFont { font: PdfFontHandle::External(FontId(style.face.id().into())), size: Pt(style.size) },
        Op::SetFillColor { col: rgb(style.color) },
        Op::SetTextMatrix { matrix },
        Op::ShowText { items: vec![TextItem::Text(text)] },
        Op::EndTextSection,
    ]
}
