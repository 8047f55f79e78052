//! Choosing the counterpart a document belongs to: one whose push is possible (matched or to be
//! created), or on purpose one that is blocked (ambiguous, duplicate, name collision).

use super::counterparts::CounterpartRef;
use super::rng::Rng;

/// The counterparts split by whether documents of theirs can be pushed.
#[derive(Debug)]
pub(crate) struct CounterpartPool<'a> {
    pushable: Vec<&'a CounterpartRef>,
    blocked: Vec<&'a CounterpartRef>,
}

impl<'a> CounterpartPool<'a> {
    pub(crate) fn new(refs: &'a [CounterpartRef]) -> Self {
        let (pushable, blocked) = refs.iter().partition(|r| r.pushable);
        Self { pushable, blocked }
    }

    /// A counterpart from the wanted pool, else from the other one; `None` when there are none at all.
    /// Callers derive the expected `counterpart_not_matched` from the returned record, not the wish.
    pub(crate) fn pick(&self, rng: &mut Rng, want_blocked: bool) -> Option<&'a CounterpartRef> {
        let (first, second) =
            if want_blocked { (&self.blocked, &self.pushable) } else { (&self.pushable, &self.blocked) };
        rng.pick(first).or_else(|| rng.pick(second)).copied()
    }
}
