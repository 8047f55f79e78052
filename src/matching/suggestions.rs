//! Suggestions for counterparts with no name group (SPEC §3.1 rule 4): loose keys compared by Jaro-Winkler
//! (≥ 0.90), up to 3, best first. Blocking keeps this near-linear: a record is compared only with accounting
//! records that share its whole loose key, the first four characters of it, or the first or last three
//! characters of one of its tokens; blocks larger than [`MAX_BLOCK`] are skipped as uninformative (a token
//! every tenth company has, like "services"). A near name that shares none of these is not suggested: a
//! typo then has to touch both ends of every token, which Jaro-Winkler ≥ 0.90 rarely forgives anyway.

use rustc_hash::FxHashMap;

use crate::keys::loose_key;
use crate::model::accounting::AccountingCounterpart;
use crate::plan::output::Suggestion;

/// Minimum Jaro-Winkler similarity of the loose keys.
pub const MIN_SCORE: f64 = 0.90;
/// How many suggestions at most.
pub const MAX_SUGGESTIONS: usize = 3;
/// Blocks with more records than this are ignored.
pub const MAX_BLOCK: usize = 64;

/// Loose keys of the accounting pool and the blocks over them.
pub struct SuggestionIndex {
    keys: Vec<String>,
    blocks: FxHashMap<String, Vec<usize>>,
}

fn block_keys(key: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(4);
    if key.is_empty() {
        return out;
    }
    out.push(format!("={key}"));
    out.push(format!("^{}", key.chars().take(4).collect::<String>()));
    for token in key.split(' ') {
        out.push(format!("~{}", token.chars().take(3).collect::<String>()));
        let tail: Vec<char> = token.chars().rev().take(3).collect();
        out.push(format!("${}", tail.into_iter().rev().collect::<String>()));
    }
    out.sort_unstable();
    out.dedup();
    out
}

impl SuggestionIndex {
    /// Computes the loose key of every accounting record and blocks them.
    pub fn build(accounting: &[AccountingCounterpart]) -> Self {
        let keys: Vec<String> = accounting.iter().map(|a| loose_key(&a.name)).collect();
        let mut blocks: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (j, key) in keys.iter().enumerate() {
            for block in block_keys(key) {
                blocks.entry(block).or_default().push(j);
            }
        }
        Self { keys, blocks }
    }

    /// Up to [`MAX_SUGGESTIONS`] accounting records whose loose key is close to `name`'s, best first
    /// (ties broken by id, so the order never depends on input order).
    pub fn suggest(&self, name: &str, accounting: &[AccountingCounterpart]) -> Vec<Suggestion> {
        let key = loose_key(name);
        let mut candidates: Vec<usize> = Vec::new();
        for block in block_keys(&key) {
            match self.blocks.get(&block) {
                Some(members) if members.len() <= MAX_BLOCK || block.starts_with('=') => {
                    candidates.extend_from_slice(members)
                }
                _ => {}
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        let mut scored: Vec<(f64, &str)> = candidates
            .into_iter()
            .filter_map(|j| {
                let other = self.keys.get(j)?;
                let score = strsim::jaro_winkler(&key, other);
                (score >= MIN_SCORE).then(|| (score, accounting.get(j).map_or("", |a| a.id.as_str())))
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        scored
            .into_iter()
            .take(MAX_SUGGESTIONS)
            .map(|(score, id)| Suggestion {
                accounting_id: id.to_owned(),
                score: (score * 10_000.0).round() / 10_000.0,
            })
            .collect()
    }
}
