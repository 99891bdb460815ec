//! Blocks shared by the municipality and county documents: headings kept with what follows,
//! labelled lines, cover fields and an entry in the Norrbotten four-field format.

use super::fonts::Face;
use super::layout::{BODY, BODY_W, INK, LABEL, LEFT, Layout, MUTED, SMALL, Style, WARN};
use crate::i18n::{Lang, pdf as t};
use crate::model::roadmap::Entry;

/// A heading that never ends a page: room for it and two body lines is made first.
pub fn heading(l: &mut Layout<'_>, text: &str, style: Style) {
    l.ensure(style.leading() + 4.0 + 2.0 * BODY.leading());
    l.skip(style.size * 0.3);
    l.paragraph(LEFT, BODY_W, text, style);
    l.skip(style.size * 0.25);
}

/// "Label: text", the label bold, the text wrapped with a hanging indent.
pub fn labelled(l: &mut Layout<'_>, x: f32, width: f32, label: &str, text: &str) {
    let label_style = Style::new(Face::Bold, 9.0, INK);
    let text_style = Style::new(Face::Regular, 9.0, INK);
    let marker = format!("{label}:");
    let indent = l.fonts.width(label_style.face, label_style.size, &marker) + 4.0;
    let lines = l.wrap(text, width - indent, text_style);
    for (i, line) in lines.iter().enumerate() {
        l.ensure(text_style.leading());
        if i == 0 {
            let baseline = l.y() - l.fonts.ascent_descent(label_style.face, label_style.size).0;
            l.text_at(x, baseline, &marker, label_style);
        }
        l.line(x + indent, width - indent, line, text_style);
    }
}

/// A field of the cover page: the label in a column of its own, the value wrapped beside it.
pub fn cover_field(l: &mut Layout<'_>, label: &str, value: &str) {
    let label_style = Style::new(Face::Bold, 11.0, MUTED);
    let value_style = Style::new(Face::Regular, 11.0, INK);
    let column = 175.0;
    let lines = l.wrap(value, BODY_W - column, value_style);
    for (i, line) in lines.iter().enumerate() {
        l.ensure(value_style.leading());
        if i == 0 {
            let baseline = l.y() - l.fonts.ascent_descent(label_style.face, label_style.size).0;
            let label = l.truncate(label, column - 8.0, label_style);
            l.text_at(LEFT, baseline, &label, label_style);
        }
        l.line(LEFT + column, BODY_W - column, line, value_style);
    }
    l.skip(3.0);
}

/// A labelled field of an entry, kept with the first line of its text.
fn field(l: &mut Layout<'_>, label: &str, text: &str) {
    l.ensure(LABEL.leading() + BODY.leading());
    l.line(LEFT, BODY_W, label, LABEL);
    l.paragraph(LEFT + 8.0, BODY_W - 8.0, text, BODY);
    l.skip(2.0);
}

/// An entry in the four-field format (Inriktning, Motiv till inriktning, Möjliga åtgärder,
/// Förslag på genomförande aktör) under a short `title` ("Prioritet 3"), with its horizon and
/// form of work; `warning` (e.g. "osäker") follows the title in the warning colour. `extra` adds
/// what the document knows beyond the catalogue (the evidence, the municipalities).
pub fn entry_block(
    l: &mut Layout<'_>,
    title: &str,
    warning: Option<&str>,
    e: &Entry,
    lang: Lang,
    extra: impl FnOnce(&mut Layout<'_>),
) {
    let tx = t::texts(lang);
    let title_style = Style::new(Face::Bold, 10.5, INK);
    l.ensure(title_style.leading() + SMALL.leading() + LABEL.leading() + 2.0 * BODY.leading());
    let baseline = l.y() - l.fonts.ascent_descent(title_style.face, title_style.size).0;
    if let Some(w) = warning {
        let x = LEFT + l.fonts.width(title_style.face, title_style.size, title) + 8.0;
        l.text_at(x, baseline, &format!("({w})"), Style::new(Face::Bold, 10.5, WARN));
    }
    l.line(LEFT, BODY_W, title, title_style);
    let meta = format!("{}: {} · {}", tx.how, t::joint_work(e.joint_work, lang), t::horizon(e.horizon, lang));
    l.paragraph(LEFT, BODY_W, &meta, SMALL);
    l.skip(3.0);
    field(l, tx.f_inriktning, &e.inriktning);
    field(l, tx.f_motiv, &e.motiv);
    l.ensure(LABEL.leading() + BODY.leading());
    l.line(LEFT, BODY_W, tx.f_atgarder, LABEL);
    for a in &e.atgarder {
        l.item(LEFT + 8.0, BODY_W - 8.0, "•", a, BODY);
    }
    l.skip(2.0);
    field(l, tx.f_aktorer, &e.aktorer.join(", "));
    extra(l);
    if let Some(source) = &e.source {
        l.paragraph(LEFT, BODY_W, &format!("{}: {source}", tx.source), SMALL);
    }
    l.skip(4.0);
    l.rule();
    l.skip(4.0);
}
