//! A stable sort for the short lists the widget orders (results, deadlines, regions).
//!
//! Why not `slice::sort_by_key`: each use of the standard library's driftsort adds about
//! 4 KB to the wasm, and these lists hold at most a few hundred items, where insertion
//! sort is as fast.

/// Sorts `items` by `key`, keeping equal items in their original order.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_and_keeps_ties_in_order() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut empty: Vec<u8> = vec![];
        sort_by_key(&mut empty, |x| *x);
        assert!(empty.is_empty());
    }
}
