//! The contract of a thrown `InputError`: a stable code, a one-line message, and a path that names the bad
//! value in what the caller passed (or its parent, for a missing field) — never a list the engine built.

use ledgerbridge::{InputError, InputErrorKind};
use serde_json::Value;

use crate::defect;
use crate::paths::{parent_resolves, resolves};

/// One argument of an entry point: the root its error paths start with (`""` for the plan input, whose paths
/// start at the document) and its JSON text.
pub struct Arg<'a> {
    pub root: &'a str,
    pub text: &'a str,
}

/// Checks `err`, thrown for `args`.
pub fn check(err: &InputError, args: &[Arg]) {
    let total: usize = args.iter().map(|a| a.text.len()).sum();
    let line = err.to_string();
    defect!("error-message", !err.message.trim().is_empty(), "an InputError without a message: {err:?}");
    defect!("error-one-line", !line.contains(['\n', '\r']), "the error is not one line (the CLI prints one): {line:?}");
    // The message may quote the offending value, but no more than that.
    defect!("error-size", line.len() <= 3 * total + 1024, "a {} byte error for {total} bytes of input", line.len());
    let Some(arg) = owner(err, args) else {
        return defect!("error-path", false, "the error path {:?} starts with no argument's name ({err})", err.path);
    };
    if let Some(field) = err.message.strip_prefix("duplicate field `").and_then(|r| r.strip_suffix('`')) {
        let at_field = err.path == field || err.path.ends_with(&format!(".{field}"));
        defect!("error-path", at_field, "a duplicate field `{field}` is reported at {:?} ({err})", err.path);
        return;
    }
    let parsed: Result<Value, _> = serde_json::from_str(arg.text);
    if err.kind == InputErrorKind::InvalidJson {
        defect!("error-code", parsed.is_err(), "invalid_json for JSON text that parses: {err}");
        return;
    }
    // A document that is not JSON but failed on a type first cannot be resolved in; nor can one with a key
    // twice in an object (the parsed value keeps the last, the error may be in the first): nothing to check.
    let Ok(doc) = parsed else { return };
    if has_duplicate_keys(arg.text) {
        return;
    }
    let rest = relative(&err.path, arg.root);
    let found = match err.kind {
        InputErrorKind::MissingField => parent_resolves(&doc, rest),
        _ => resolves(&doc, rest),
    };
    defect!("error-path", found, "the error path {:?} names nothing in the input ({err})", err.path);
}

/// The argument whose root the path starts with (the longest such root).
fn owner<'a>(err: &InputError, args: &'a [Arg<'a>]) -> Option<&'a Arg<'a>> {
    args.iter()
        .filter(|a| a.root.is_empty() || err.path == a.root || relative(&err.path, a.root).len() < err.path.len())
        .max_by_key(|a| a.root.len())
}

/// `path` with `root` and its separator removed; `path` itself when it does not start with `root`.
fn relative<'a>(path: &'a str, root: &str) -> &'a str {
    if root.is_empty() {
        return path;
    }
    match path.strip_prefix(root) {
        Some("") => "",
        Some(rest) if rest.starts_with('[') => rest,
        Some(rest) => rest.strip_prefix('.').unwrap_or(path),
        None => path,
    }
}

/// True when some object of the JSON text holds a key twice.
fn has_duplicate_keys(text: &str) -> bool {
    use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
    struct Dups(bool);
    impl<'de> Deserialize<'de> for Dups {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_any(DupVisitor)
        }
    }
    struct DupVisitor;
    impl<'de> Visitor<'de> for DupVisitor {
        type Value = Dups;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("any JSON value")
        }
        fn visit_bool<E>(self, _: bool) -> Result<Dups, E> {
            Ok(Dups(false))
        }
        fn visit_i64<E>(self, _: i64) -> Result<Dups, E> {
            Ok(Dups(false))
        }
        fn visit_u64<E>(self, _: u64) -> Result<Dups, E> {
            Ok(Dups(false))
        }
        fn visit_f64<E>(self, _: f64) -> Result<Dups, E> {
            Ok(Dups(false))
        }
        fn visit_str<E>(self, _: &str) -> Result<Dups, E> {
            Ok(Dups(false))
        }
        fn visit_unit<E>(self) -> Result<Dups, E> {
            Ok(Dups(false))
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Dups, A::Error> {
            let mut any = false;
            while let Some(Dups(d)) = seq.next_element()? {
                any |= d;
            }
            Ok(Dups(any))
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Dups, A::Error> {
            let mut keys = std::collections::HashSet::new();
            let mut any = false;
            while let Some(key) = map.next_key::<String>()? {
                any |= !keys.insert(key);
                let Dups(d) = map.next_value()?;
                any |= d;
            }
            Ok(Dups(any))
        }
    }
    serde_json::from_str::<Dups>(text).is_ok_and(|Dups(d)| d)
}
