//! Suggestions for counterparts with no name group (SPEC §3.1 rule 4): loose keys compared by Jaro-Winkler
//! (≥ 0.90), up to 3, best first.
//!
//! Blocking keeps this near-linear: a record is compared only with accounting records that share a block
//! with it. Blocks are: the whole loose key; each token's first three and last three characters; for a
//! one-token key, also its first four characters and its sorted letters; for longer keys, each pair of
//! tokens by their first three characters, by their last three, and by their sorted letters.
//!
//! A one-letter substitution, insertion or deletion in a token of six or more letters leaves one of its
//! ends intact, and a transposition leaves its sorted letters intact, so a name with two or more tokens
//! shares a pair block with its typo'd twin; pair blocks stay small even when single tokens are common
//! words ("handel", "services"). Blocks larger than [`MAX_BLOCK`] records are skipped as uninformative
//! (single-token blocks of a longer key above [`MAX_TOKEN_BLOCK`]); a near name that shares no block of
//! usable size is not suggested.

use rustc_hash::{FxHashMap, FxHasher};
use std::hash::{Hash, Hasher};

use crate::keys::loose_key;
use crate::model::accounting::AccountingCounterpart;
use crate::vocab::Suggestion;

/// Minimum Jaro-Winkler similarity of the loose keys.
pub const MIN_SCORE: f64 = 0.90;
/// How many suggestions at most.
pub const MAX_SUGGESTIONS: usize = 3;
/// Blocks with more records than this are ignored (except the whole-key block, which is always used).
pub const MAX_BLOCK: usize = 64;
/// In a key of several tokens, a block of one token is used only up to this size: pair blocks do the
/// selective work, single tokens catch what pairs miss in small pools (a typo in a five-letter token).
pub const MAX_TOKEN_BLOCK: usize = 16;
/// Pairs are formed among at most this many tokens (names longer than that are rare and still have the
/// single-token blocks).
const MAX_PAIR_TOKENS: usize = 6;
/// Single-token blocks are formed for at most this many tokens, so a key of any length has a bounded number
/// of blocks (SPEC §3.1 "Bounded results": the work per name stays constant).
const MAX_BLOCK_TOKENS: usize = 32;
/// Similarity is computed on at most this many characters of each loose key (SPEC §3.1).
pub const MAX_SIMILARITY_CHARS: usize = 100;

/// A block key, hashed: collisions only add candidates, which Jaro-Winkler then filters.
type Block = u64;

fn block(kind: u8, parts: &[&str]) -> Block {
    let mut h = FxHasher::default();
    kind.hash(&mut h);
    parts.hash(&mut h);
    h.finish()
}

fn head(token: &str) -> &str {
    token.char_indices().nth(3).map_or(token, |(at, _)| &token[..at])
}

fn tail(token: &str) -> &str {
    let count = token.chars().count();
    token.char_indices().nth(count.saturating_sub(3)).map_or(token, |(at, _)| &token[at..])
}

/// The blocks of a loose key; the first is the whole-key block. A name of one token is blocked by its
/// first four characters and by the first and last three; a longer name by pairs of tokens (first three
/// with first three, last three with last three), which are far more selective than single tokens.
fn blocks_of(key: &str) -> Vec<Block> {
    if key.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let tokens: Vec<&str> = key.split(' ').take(MAX_BLOCK_TOKENS).collect();
    if let [only] = tokens.as_slice() {
        out.push(block(1, &[head_n(only, 4)]));
        out.push(block(6, &[&letters(only)]));
    }
    for t in &tokens {
        out.push(block(2, &[head(t)]));
        out.push(block(3, &[tail(t)]));
    }
    let paired = &tokens[..tokens.len().min(MAX_PAIR_TOKENS)];
    let sorted: Vec<String> = paired.iter().map(|t| letters(t)).collect();
    for (i, (a, sa)) in paired.iter().zip(&sorted).enumerate() {
        for (b, sb) in paired.iter().zip(&sorted).skip(i + 1) {
            out.push(block(4, &[head(a), head(b)]));
            out.push(block(5, &[tail(a), tail(b)]));
            out.push(block(7, &[sa, sb]));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The first [`MAX_SIMILARITY_CHARS`] characters of a key.
fn prefix(key: &str) -> &str {
    head_n(key, MAX_SIMILARITY_CHARS)
}

/// The token's letters in sorted order: unchanged by a transposition, which can alter both ends of a
/// short token at once ("reizen" / "rezien").
fn letters(token: &str) -> String {
    let mut chars: Vec<char> = token.chars().collect();
    chars.sort_unstable();
    chars.into_iter().collect()
}

fn head_n(key: &str, n: usize) -> &str {
    key.char_indices().nth(n).map_or(key, |(at, _)| &key[..at])
}

/// Loose keys of the accounting pool and the blocks over them (an empty key is in no block).
pub struct SuggestionIndex {
    keys: Vec<String>,
    /// Records by their whole loose key, sorted by accounting id: an equal key scores 1.0, so only the
    /// first few ids of such a list can be suggested, however long it is.
    exact: FxHashMap<String, Vec<u32>>,
    blocks: FxHashMap<Block, Vec<u32>>,
}

impl SuggestionIndex {
    /// Computes the loose key of every accounting record that `candidate(index)` admits and blocks them
    /// (a record some link names is never suggested: SPEC §3.0 item 3).
    pub fn build(accounting: &[AccountingCounterpart], candidate: impl Fn(usize) -> bool) -> Self {
        let keys: Vec<String> = accounting
            .iter()
            .enumerate()
            .map(|(j, a)| if candidate(j) { loose_key(&a.name) } else { String::new() })
            .collect();
        let mut exact: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        let mut blocks: FxHashMap<Block, Vec<u32>> = FxHashMap::default();
        for (j, key) in keys.iter().enumerate() {
            if key.is_empty() {
                continue;
            }
            exact.entry(key.clone()).or_default().push(j as u32);
            for b in blocks_of(key) {
                blocks.entry(b).or_default().push(j as u32);
            }
        }
        let id = |j: &u32| accounting.get(*j as usize).map_or("", |a| a.id.as_str());
        for members in exact.values_mut() {
            members.sort_by(|a, b| id(a).cmp(id(b)));
        }
        Self { keys, exact, blocks }
    }

    /// Up to [`MAX_SUGGESTIONS`] accounting records whose loose key is close to `name`'s, best first
    /// (ties broken by id, so the order never depends on input order).
    pub fn suggest(&self, name: &str, accounting: &[AccountingCounterpart]) -> Vec<Suggestion> {
        let key = loose_key(name);
        if key.is_empty() {
            return Vec::new();
        }
        let id_of = |j: u32| accounting.get(j as usize).map_or("", |a| a.id.as_str());
        // Equal keys: score 1.0 without comparing, and only the smallest ids can make the cut.
        let equal: &[u32] = self.exact.get(&key).map_or(&[], Vec::as_slice);
        let mut scored: Vec<(f64, &str)> = equal.iter().take(MAX_SUGGESTIONS).map(|&j| (1.0, id_of(j))).collect();
        let mut candidates: Vec<u32> = Vec::new();
        let single_token = !key.contains(' ');
        for b in blocks_of(&key) {
            let Some(members) = self.blocks.get(&b) else { continue };
            let cap = if single_token { MAX_BLOCK } else { MAX_TOKEN_BLOCK };
            if members.len() <= cap {
                candidates.extend_from_slice(members);
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        let ours = prefix(&key);
        scored.extend(candidates.into_iter().filter_map(|j| {
            let other = self.keys.get(j as usize)?;
            if *other == key {
                return None; // scored above, with the other records of this key
            }
            let theirs = prefix(other);
            crate::work::count(crate::work::Kind::Similarity, ours.len() + theirs.len());
            let score = super::similarity::jaro_winkler(ours, theirs);
            (score >= MIN_SCORE).then(|| (score, id_of(j)))
        }));
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
