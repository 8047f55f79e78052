//! The one error type of the core: malformed input, named by the JSON path of the bad field.

use std::fmt;

/// What kind of mistake the input holds. The code strings are stable: the WebAssembly layer and the CLI
/// pass them on to callers, who may branch on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum InputErrorKind {
    /// The text is not JSON at all.
    InvalidJson,
    /// A value has the wrong JSON type (a string where a number belongs).
    InvalidType,
    /// A required field is absent.
    MissingField,
    /// A value has the right type but is not allowed (an unknown enum value, a malformed date).
    InvalidValue,
    /// Two records of one collection share an id.
    DuplicateId,
    /// The input is past a documented maximum (README "Bounded cost"); rejected before any work starts.
    TooLarge,
}

impl InputErrorKind {
    /// The stable code, as callers see it.
    pub fn code(self) -> &'static str {
        match self {
            Self::InvalidJson => "invalid_json",
            Self::InvalidType => "invalid_type",
            Self::MissingField => "missing_field",
            Self::InvalidValue => "invalid_value",
            Self::DuplicateId => "duplicate_id",
            Self::TooLarge => "too_large",
        }
    }
}

/// Malformed input: where (`path`, e.g. `monite.payables[3].line_items[0].quantity`) and what.
/// Displays as `path: message`, the one line the CLI prints.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct InputError {
    /// Stable category of the mistake.
    pub kind: InputErrorKind,
    /// JSON path of the offending value; empty for the document itself.
    pub path: String,
    /// Lower-case description, without the path.
    pub message: String,
}

impl InputError {
    /// An error of the given kind at the given path. Control characters the caller's text brought into the
    /// path or the message (a key or value with a line break) are escaped, so the error stays one line.
    pub fn new(kind: InputErrorKind, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self { kind, path: one_line(path.into()), message: one_line(message.into()) }
    }

    /// The same error, re-rooted under `prefix` (used when a nested document is parsed on its own).
    pub fn under(mut self, prefix: &str) -> Self {
        self.path = join_path(prefix, &self.path);
        self
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "input: {}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// `text` with control characters written as escapes (`\n`, `\u{1b}`): how an [`InputError`] writes a key
/// or value of the caller's that holds them, so that the error stays one line and starts no terminal escape
/// sequence (tools that resolve an error's path in the caller's document escape its keys the same way).
/// DEL (U+007F) is left as it is: it neither breaks a line nor starts a sequence, and JSON takes it raw, so
/// its escape (6 bytes for 1) would make an error six times the key it names.
pub fn one_line(text: String) -> String {
    if !text.chars().any(escaped) {
        return text;
    }
    text.chars()
        .map(|c| match c {
            '\n' => "\\n".to_owned(),
            '\r' => "\\r".to_owned(),
            '\t' => "\\t".to_owned(),
            c if escaped(c) => format!("\\u{{{:x}}}", c as u32),
            c => c.to_string(),
        })
        .collect()
}

/// The characters [`one_line`] writes as escapes: C0 and C1 controls, not DEL.
pub(crate) fn escaped(c: char) -> bool {
    c.is_control() && c != '\u{7f}'
}

/// Joins two JSON path fragments: `a` + `b` → `a.b`, `a` + `[3]` → `a[3]`.
pub fn join_path(prefix: &str, rest: &str) -> String {
    match (prefix.is_empty(), rest.is_empty()) {
        (true, _) => rest.to_owned(),
        (false, true) => prefix.to_owned(),
        (false, false) if rest.starts_with('[') => format!("{prefix}{rest}"),
        (false, false) => format!("{prefix}.{rest}"),
    }
}
