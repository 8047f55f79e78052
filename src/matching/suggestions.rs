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

use crate::input::records::accounting::AccountingCounterpart;
use crate::keys::loose_key_from_strict;
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

/// The hash of a whole loose key (equal keys are then compared as text).
fn whole(key: &str) -> u64 {
    let mut h = FxHasher::default();
    key.hash(&mut h);
    h.finish()
}

fn head(token: &str) -> &str {
    head_n(token, 3)
}

fn tail(token: &str) -> &str {
    if token.is_ascii() {
        return token.get(token.len().saturating_sub(3)..).unwrap_or(token);
    }
    let count = token.chars().count();
    token.char_indices().nth(count.saturating_sub(3)).map_or(token, |(at, _)| &token[at..])
}

fn head_n(key: &str, n: usize) -> &str {
    if key.is_ascii() {
        return key.get(..n.min(key.len())).unwrap_or(key);
    }
    key.char_indices().nth(n).map_or(key, |(at, _)| &key[..at])
}

/// The first [`MAX_SIMILARITY_CHARS`] characters of a key.
fn prefix(key: &str) -> &str {
    head_n(key, MAX_SIMILARITY_CHARS)
}

/// Buffers reused from one key to the next by [`Blocker::blocks`].
#[derive(Default)]
struct Blocker {
    /// The sorted letters of the paired tokens, end to end, and where each ends.
    letters: String,
    ends: Vec<usize>,
    bytes: Vec<u8>,
    chars: Vec<char>,
    out: Vec<Block>,
}

impl Blocker {
    /// The blocks of a non-empty loose key, sorted and without repeats. A name of one token is blocked by
    /// its first four characters, its sorted letters, and its first and last three; a longer name by each
    /// token's first and last three and by pairs of tokens (first three with first three, last three with
    /// last three, sorted letters with sorted letters), which are far more selective than single tokens.
    fn blocks(&mut self, key: &str) -> &[Block] {
        self.out.clear();
        self.letters.clear();
        self.ends.clear();
        let mut tokens = key.split(' ').take(MAX_BLOCK_TOKENS);
        let mut paired: [&str; MAX_PAIR_TOKENS] = [""; MAX_PAIR_TOKENS];
        let mut count = 0usize;
        for t in tokens.by_ref().take(MAX_PAIR_TOKENS) {
            if let Some(slot) = paired.get_mut(count) {
                *slot = t;
            }
            count += 1;
            self.push_letters(t);
        }
        let paired = paired.get(..count).unwrap_or(&[]);
        let letters = |n: usize| {
            let start = if n == 0 { 0 } else { self.ends.get(n - 1).copied().unwrap_or(0) };
            self.letters.get(start..self.ends.get(n).copied().unwrap_or(0)).unwrap_or("")
        };
        let out = &mut self.out;
        if let [only] = paired {
            out.push(block(1, &[head_n(only, 4)]));
            out.push(block(6, &[letters(0)]));
        }
        for t in paired.iter().copied().chain(tokens) {
            out.push(block(2, &[head(t)]));
            out.push(block(3, &[tail(t)]));
        }
        for (i, a) in paired.iter().enumerate() {
            for (k, b) in paired.iter().enumerate().skip(i + 1) {
                out.push(block(4, &[head(a), head(b)]));
                out.push(block(5, &[tail(a), tail(b)]));
                out.push(block(7, &[letters(i), letters(k)]));
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Appends the token's letters in sorted order: unchanged by a transposition, which can alter both
    /// ends of a short token at once ("reizen" / "rezien").
    fn push_letters(&mut self, token: &str) {
        if token.is_ascii() {
            self.bytes.clear();
            self.bytes.extend_from_slice(token.as_bytes());
            self.bytes.sort_unstable();
            self.letters.extend(self.bytes.iter().map(|&b| char::from(b)));
        } else {
            self.chars.clear();
            self.chars.extend(token.chars());
            self.chars.sort_unstable();
            self.letters.extend(self.chars.iter());
        }
        self.ends.push(self.letters.len());
    }
}

/// Loose keys of the accounting pool and the blocks over them (an empty key is in no block).
///
/// Blocks are one sorted vector of `(block, record)` pairs and a map from each block to its run: building
/// it is one sort, where a map of lists would allocate a list per block.
pub struct SuggestionIndex {
    keys: Vec<String>,
    /// `(hash of the whole loose key, rank of the record by accounting id)`, sorted: an equal key scores
    /// 1.0, so only the first few ids of such a run can be suggested, however long it is.
    exact: Vec<(u64, u32)>,
    /// Record position by rank.
    by_rank: Vec<u32>,
    /// Record positions, grouped by block.
    members: Vec<u32>,
    /// Each block's run in `members`: `(start, length)`.
    runs: FxHashMap<Block, (u32, u32)>,
}

impl SuggestionIndex {
    /// Computes the loose key of every accounting record that `candidate(index)` admits (from its strict
    /// key, `keys`) and blocks them (a record some link names is never suggested: SPEC §3.0 item 3).
    pub fn build(accounting: &[AccountingCounterpart], keys: &[String], candidate: impl Fn(usize) -> bool) -> Self {
        let loose: Vec<String> = accounting
            .iter()
            .enumerate()
            .map(|(j, a)| {
                if candidate(j) {
                    loose_key_from_strict(&a.name, keys.get(j).map_or("", String::as_str))
                } else {
                    String::new()
                }
            })
            .collect();
        let mut by_rank: Vec<u32> = (0..accounting.len() as u32).collect();
        let id = |j: u32| accounting.get(j as usize).map_or("", |a| a.id.as_str());
        by_rank.sort_unstable_by(|&a, &b| id(a).cmp(id(b)).then(a.cmp(&b)));
        let mut exact = Vec::new();
        for (rank, &j) in by_rank.iter().enumerate() {
            match loose.get(j as usize) {
                Some(key) if !key.is_empty() => exact.push((whole(key), rank as u32)),
                _ => {}
            }
        }
        exact.sort_unstable();
        let mut blocker = Blocker::default();
        let mut entries = Vec::with_capacity(loose.len() * 8);
        for (j, key) in loose.iter().enumerate() {
            if !key.is_empty() {
                entries.extend(blocker.blocks(key).iter().map(|&b| (b, j as u32)));
            }
        }
        entries.sort_unstable();
        let mut runs: FxHashMap<Block, (u32, u32)> = FxHashMap::default();
        for (at, chunk) in entries.chunk_by(|a, b| a.0 == b.0).scan(0usize, |at, c| {
            let start = *at;
            *at += c.len();
            Some((start, c))
        }) {
            if let Some(&(b, _)) = chunk.first() {
                runs.insert(b, (at as u32, chunk.len() as u32));
            }
        }
        let members = entries.into_iter().map(|e| e.1).collect();
        Self { keys: loose, exact, by_rank, members, runs }
    }

    /// Up to [`MAX_SUGGESTIONS`] accounting records whose loose key is close to `name`'s (whose strict key
    /// is `strict`), best first (ties broken by id, so the order never depends on input order).
    pub fn suggest(&self, name: &str, strict: &str, accounting: &[AccountingCounterpart]) -> Vec<Suggestion> {
        let key = loose_key_from_strict(name, strict);
        if key.is_empty() {
            return Vec::new();
        }
        let id_of = |j: u32| accounting.get(j as usize).map_or("", |a| a.id.as_str());
        // Equal keys: score 1.0 without comparing, and only the smallest ids can make the cut.
        let hash = whole(&key);
        let start = self.exact.partition_point(|e| e.0 < hash);
        let equal = self
            .exact
            .get(start..)
            .unwrap_or(&[])
            .iter()
            .take_while(|e| e.0 == hash)
            .filter_map(|&(_, rank)| self.by_rank.get(rank as usize).copied())
            .filter(|&j| self.keys.get(j as usize).is_some_and(|k| *k == key));
        let mut scored: Vec<(f64, &str)> = equal.take(MAX_SUGGESTIONS).map(|j| (1.0, id_of(j))).collect();
        let mut candidates: Vec<u32> = Vec::new();
        let cap = if key.contains(' ') { MAX_TOKEN_BLOCK } else { MAX_BLOCK };
        for &b in Blocker::default().blocks(&key) {
            let Some(&(start, len)) = self.runs.get(&b) else { continue };
            if len as usize <= cap {
                candidates.extend_from_slice(self.members.get(start as usize..(start + len) as usize).unwrap_or(&[]));
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
        scored.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
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
