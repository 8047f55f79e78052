//! Resolving the engine's JSON paths (`monite.payables[3].line_items[0].quantity`) in a parsed document.
//!
//! A key may itself hold `.` or `[`, so a path can be read in more than one way: it resolves when some
//! reading names an existing value.

use serde_json::Value;

/// True when `path` names a value inside `doc` (the empty path names `doc` itself).
pub fn resolves(doc: &Value, path: &str) -> bool {
    path.is_empty() || segment(doc, path, 0)
}

/// True when `path` or the value holding its last segment exists: the check for a path to a field that may
/// be absent (`missing_field`, an issue's `line_items[0].ledger_account_id`).
pub fn parent_resolves(doc: &Value, path: &str) -> bool {
    resolves(doc, path) || resolves(doc, parent(path))
}

/// True when `path` could name a field of `doc`: walking it, every index is inside its array and no segment
/// continues past a string, number or boolean; a key that is absent (or null) ends the walk, since a field the
/// record lacks may still be what an issue is about (`object.type` of a payment record without `object`).
pub fn consistent(doc: &Value, path: &str) -> bool {
    path.is_empty() || walk(doc, path, 0)
}

fn walk(v: &Value, rest: &str, depth: usize) -> bool {
    if rest.is_empty() || v.is_null() {
        return true;
    }
    if depth > MAX_DEPTH {
        return false;
    }
    let next = |child: &Value, t: &str| match t.strip_prefix('.') {
        Some(key) => walk(child, key, depth + 1),
        None => walk(child, t, depth + 1),
    };
    match v {
        Value::Array(items) => {
            let Some(after) = rest.strip_prefix('[') else { return false };
            let Some(close) = after.find(']') else { return false };
            match after[..close].parse::<usize>().ok().and_then(|n| items.get(n)) {
                Some(item) => next(item, &after[close + 1..]),
                None => false,
            }
        }
        Value::Object(map) => {
            let mut keyed = map.iter().filter_map(|(key, child)| {
                let t = rest.strip_prefix(key.as_str())?;
                (t.is_empty() || t.starts_with('.') || t.starts_with('[')).then_some((child, t))
            });
            let mut any = false;
            let found = keyed.any(|(child, t)| {
                any = true;
                next(child, t)
            });
            found || !any
        }
        _ => false,
    }
}

/// `path` without its last segment (`a.b[2]` → `a.b`, `a.b` → `a`, `a` → ``).
pub fn parent(path: &str) -> &str {
    if path.ends_with(']') {
        if let Some(open) = path.rfind('[') {
            return &path[..open];
        }
    }
    path.rfind('.').map_or("", |dot| &path[..dot])
}

/// The deepest keys are short; a bound keeps an adversarial key set from making this exponential.
const MAX_DEPTH: usize = 256;

fn segment(v: &Value, rest: &str, depth: usize) -> bool {
    if depth > MAX_DEPTH {
        return false;
    }
    if let Some(after) = rest.strip_prefix('[') {
        if let Some(close) = after.find(']') {
            let item = after[..close].parse::<usize>().ok().and_then(|n| v.as_array().and_then(|a| a.get(n)));
            if let Some(item) = item {
                if tail(item, &after[close + 1..], depth) {
                    return true;
                }
            }
        }
    }
    let Some(map) = v.as_object() else { return false };
    map.iter().any(|(key, child)| {
        // Error paths write control characters of a key as escapes (`ledgerbridge::error::one_line`).
        let key = ledgerbridge::error::one_line(key.clone());
        rest.strip_prefix(key.as_str())
            .is_some_and(|t| (t.is_empty() || t.starts_with('.') || t.starts_with('[')) && tail(child, t, depth))
    })
}

fn tail(v: &Value, rest: &str, depth: usize) -> bool {
    match rest.strip_prefix('.') {
        _ if rest.is_empty() => true,
        Some(key) => segment(v, key, depth + 1),
        None => segment(v, rest, depth + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn resolves_keys_indices_and_keys_with_dots() {
        let doc = json!({ "monite": { "payables": [{ "line_items": [{ "a.b": 1 }] }] } });
        assert!(resolves(&doc, ""));
        assert!(resolves(&doc, "monite.payables[0].line_items[0]"));
        assert!(resolves(&doc, "monite.payables[0].line_items[0].a.b"));
        assert!(!resolves(&doc, "monite.payables[1]"));
        assert!(!resolves(&doc, "accounting.counterparts[0].id"));
        assert!(parent_resolves(&doc, "monite.payables[0].status"));
        assert_eq!(parent("a.b[2]"), "a.b");
        assert_eq!(parent("a.b"), "a");
        assert_eq!(parent("a"), "");
        assert!(consistent(&doc, "monite.payables[0].status.code"));
        assert!(consistent(&doc, "monite.receivables[3]"));
        assert!(!consistent(&doc, "monite.payables[1].status"));
        assert!(!consistent(&doc, "monite.payables[0].line_items[0].a.b.c"));
    }

    #[test]
    fn resolves_keys_with_control_characters_as_error_paths_write_them() {
        let doc = json!({ "context": { "counterparts": { "ss\u{0}": "x", "a\nb": "y" } } });
        assert!(resolves(&doc, "context.counterparts.ss\\u{0}"));
        assert!(resolves(&doc, "context.counterparts.a\\nb"));
        assert!(!resolves(&doc, "context.counterparts.ss"));
    }
}
