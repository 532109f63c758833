//! Typing errors: the optimal-string-alignment form of the Damerau–Levenshtein distance
//! (insert, delete, substitute, swap two neighbours), small enough to own.

/// Edit distance between `a` and `b`, counting a swap of two adjacent letters as one edit.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Three rolling rows: two back for swaps, one back, current.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current: Vec<usize> = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        current[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before[j - 2] + 1);
            }
            current[j] = best;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// Whether `a` and `b` differ by what a typist does by accident: one edit in names of up to
/// seven letters, two in longer ones. Names under four letters are too short to tell a typo
/// from another name (Ali / Ari / Adi).
pub(crate) fn is_typo(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.min(lb) < 4 {
        return false;
    }
    let allowed = if la.max(lb) <= 7 { 1 } else { 2 };
    la.abs_diff(lb) <= allowed && edit_distance(a, b) <= allowed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(edit_distance("", ""), 0);
        assert_eq!(edit_distance("abc", ""), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("hassan", "hasasn"), 1);
        assert_eq!(edit_distance("schmidt", "schmitd"), 1);
        assert_eq!(edit_distance("ca", "abc"), 3);
    }

    #[test]
    fn typos() {
        assert!(is_typo("schmidt", "schmitt"));
        assert!(is_typo("abdelrahman", "abdelrhaman"));
        assert!(!is_typo("ali", "adi"));
        assert!(!is_typo("yusuf", "yunus"));
        assert!(!is_typo("mohamed", "mahmud"));
    }
}
