//! The rules, for every component that needs them, through a Yew context rather than a
//! global: `app.rs` provides what the state holds once the rules file is read, and
//! components call [`use_catalogue`]. Before the rules arrive it is `None` (the first
//! question, the home region, needs none).

use wugong::Catalogue;
use yew::prelude::*;

/// The catalogue, read once per visit and kept for the page's life (hence `'static`:
/// outcomes can borrow from it freely). Two are equal when they are the same one.
#[derive(Clone, Copy, Debug)]
pub struct CatalogueRef(pub &'static Catalogue);

impl PartialEq for CatalogueRef {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl CatalogueRef {
    /// Keeps a catalogue for the rest of the visit.
    pub fn keep(catalogue: Catalogue) -> CatalogueRef {
        CatalogueRef(Box::leak(Box::new(catalogue)))
    }
}

/// What the provider holds.
pub type CatalogueContext = Option<CatalogueRef>;

/// The rules, once they are in.
#[hook]
pub fn use_catalogue() -> Option<&'static Catalogue> {
    use_context::<CatalogueContext>().flatten().map(|c| c.0)
}
