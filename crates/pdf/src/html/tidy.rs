//! White space and empty formatting in running text.

use super::model::Inline;

/// HTML white space (not the no-break space) collapses to one space; a paragraph neither
/// starts nor ends with one; empty formatting disappears.
pub(super) fn tidy(run: Vec<Inline>) -> Vec<Inline> {
    fn collapse(run: Vec<Inline>, space_before: &mut bool) -> Vec<Inline> {
        let mut out = Vec::with_capacity(run.len());
        for i in run {
            match i {
                Inline::T { s } => {
                    let mut t = String::with_capacity(s.len());
                    for ch in s.chars() {
                        if matches!(ch, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
                            if !*space_before {
                                t.push(' ');
                                *space_before = true;
                            }
                        } else {
                            t.push(ch);
                            *space_before = false;
                        }
                    }
                    if !t.is_empty() {
                        out.push(Inline::T { s: t });
                    }
                }
                Inline::B { c } => {
                    push_nonempty(&mut out, collapse(c, space_before), |c| Inline::B { c })
                }
                Inline::I { c } => {
                    push_nonempty(&mut out, collapse(c, space_before), |c| Inline::I { c })
                }
                Inline::U { c } => {
                    push_nonempty(&mut out, collapse(c, space_before), |c| Inline::U { c })
                }
                Inline::A { c, url, shown } => {
                    let c = collapse(c, space_before);
                    if !c.is_empty() || shown.is_some() {
                        *space_before = false;
                        out.push(Inline::A { c, url, shown });
                    }
                }
                Inline::Br => {
                    out.push(Inline::Br);
                    *space_before = true;
                }
                Inline::Img { alt } => {
                    out.push(Inline::Img { alt });
                    *space_before = false;
                }
                Inline::L { s } => {
                    *space_before = s.ends_with(' ');
                    out.push(Inline::L { s });
                }
            }
        }
        out
    }
    fn push_nonempty(out: &mut Vec<Inline>, c: Vec<Inline>, wrap: impl Fn(Vec<Inline>) -> Inline) {
        if !c.is_empty() {
            out.push(wrap(c));
        }
    }
    /// Drop a trailing space (looking into the last nested element).
    fn trim_end(run: &mut Vec<Inline>) {
        while let Some(last) = run.last_mut() {
            match last {
                Inline::T { s } => {
                    let t = s.trim_end_matches(' ').len();
                    s.truncate(t);
                    if s.is_empty() {
                        run.pop();
                        continue;
                    }
                }
                Inline::B { c } | Inline::I { c } | Inline::U { c } => {
                    trim_end(c);
                    if c.is_empty() {
                        run.pop();
                        continue;
                    }
                }
                Inline::Br => {
                    run.pop();
                    continue;
                }
                Inline::A { .. } | Inline::Img { .. } | Inline::L { .. } => {}
            }
            break;
        }
    }
    let mut space_before = true;
    let mut out = collapse(run, &mut space_before);
    trim_end(&mut out);
    out
}
