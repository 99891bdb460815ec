//! Roadmaps: the catalogue loader and its fixtures, the shipped catalogue, the PDF and the CLI.

mod catalogue;
