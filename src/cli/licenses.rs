//! `fardplan licenses`: the licence notices of what the binary embeds and ships in its output.
//! The roadmap PDFs embed DejaVu Sans, whose licence (Bitstream Vera and Arev terms) asks that
//! the notice go with every copy of the fonts.

use super::Ctx;

/// The DejaVu fonts' licence, verbatim from the font distribution.
pub const DEJAVU_LICENSE: &str = include_str!("../../licenses/DejaVu-fonts.txt");

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(ctx: &Ctx, _args: Args) -> anyhow::Result<()> {
    let intro = crate::i18n::licenses_intro(ctx.lang);
    super::output::stdout(format!("{intro}\n\n{DEJAVU_LICENSE}").as_bytes())
}
