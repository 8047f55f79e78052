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
    let parsed: Result<Value, _> = serde_json::from_str(arg.text);
    if err.kind == InputErrorKind::InvalidJson {
        defect!("error-code", parsed.is_err(), "invalid_json for JSON text that parses: {err}");
        return;
    }
    // A document that is not JSON but failed on a type first cannot be resolved in: nothing to check.
    let Ok(doc) = parsed else { return };
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
