//! The rules, as the state holds them once the rules file is read: the components that
//! need them get them from the state (`State::catalogue`) or as a prop, `None` before
//! the rules arrive (the first question, the home region, needs none). Not a Yew
//! context: its provider and subscriptions cost 3 KB of the first screen's budget.

use wugong::Catalogue;

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
