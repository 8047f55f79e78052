//! Turns serde_json's messages ("invalid type: string \"x\", expected f64 at line 1 column 9") into the
//! project's typed, path-named errors ("…quantity: expected a number, found a string \"x\"").

use crate::error::{join_path, InputError, InputErrorKind};

/// Converts a serde_json error on `text` into an [`InputError`] naming the JSON path where it stopped.
pub fn from_json_error(text: &str, err: &serde_json::Error) -> InputError {
    let path = if err.line() == 0 { String::new() } else { super::locate::path_at(text, err.line(), err.column()) };
    classify(&path, &unescaped_quotes(&err.to_string()))
}

/// serde quotes a value with Rust's `Debug` escapes, which write DEL and every character Rust deems
/// unprintable or combining as `\u{…}` (up to 7 bytes for 2), so an error quoting such a string could be six
/// times the input. Those escapes are put back as the characters they stand for; a control character stays
/// escaped, as [`crate::error::one_line`] writes it, and so does anything after an escaped backslash.
fn unescaped_quotes(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let skip = if tail.starts_with("\\\\") {
            out.push_str("\\\\");
            2
        } else if let Some((c, len)) = unicode_escape(tail).filter(|(c, _)| !crate::error::escaped(*c)) {
            out.push(c);
            len
        } else {
            out.push('\\');
            1
        };
        rest = &tail[skip..];
    }
    out.push_str(rest);
    out
}

/// The character of a Rust escape `\u{hex}` at the start of `text`, and the escape's length.
fn unicode_escape(text: &str) -> Option<(char, usize)> {
    let body = text.strip_prefix("\\u{")?;
    let close = body.find('}').filter(|&n| (1..=6).contains(&n))?;
    let c = char::from_u32(u32::from_str_radix(body.get(..close)?, 16).ok()?)?;
    Some((c, 3 + close + 1))
}

fn classify(path: &str, text: &str) -> InputError {
    let (body, position) = split_position(text);
    if let Some(rest) = body.strip_prefix("duplicate field `") {
        // serde_json stops at the repeated key, before its value: the path names the member before it.
        let field = rest.trim_end_matches('`');
        return InputError::new(
            InputErrorKind::InvalidValue,
            join_path(parent(path), field),
            "the field is given twice in this object",
        );
    }
    if let Some(rest) = body.strip_prefix("missing field `") {
        let field = rest.trim_end_matches('`');
        return InputError::new(InputErrorKind::MissingField, join_path(path, field), "required field is missing");
    }
    if let Some(rest) = body.strip_prefix("invalid type: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            let message = format!("expected {}, found {}", expected_words(expected), found_words(found));
            return InputError::new(InputErrorKind::InvalidType, path, message);
        }
    }
    if body.starts_with("invalid value: ") || body.starts_with("unknown variant") {
        return InputError::new(InputErrorKind::InvalidValue, path, body.to_owned());
    }
    if body.contains("surrogate") || body.contains("hex escape") {
        // JSON.stringify writes a lone surrogate of a JS string as `\ud800`: valid JSON, not valid Unicode.
        return InputError::new(
            InputErrorKind::InvalidValue,
            path,
            "the string holds a lone surrogate (an unpaired \\uD800–\\uDFFF escape), which is not valid Unicode",
        );
    }
    if is_syntax_error(body) {
        let message = match position {
            Some(pos) => format!("invalid JSON: {body} ({pos})"),
            None => format!("invalid JSON: {body}"),
        };
        return InputError::new(InputErrorKind::InvalidJson, path, message);
    }
    InputError::new(InputErrorKind::InvalidValue, path, body.to_owned())
}

/// The path without its last key (`a.b[2].c` → `a.b[2]`); an index or an empty path stays.
fn parent(path: &str) -> &str {
    match path.rfind(['.', '[']) {
        Some(at) if path[at..].starts_with('.') => &path[..at],
        Some(_) => path,
        None => "",
    }
}

/// serde_json appends " at line L column C" to its messages; keep it apart.
fn split_position(text: &str) -> (&str, Option<String>) {
    match text.rfind(" at line ") {
        Some(at) => {
            let pos = text.get(at + 4..).unwrap_or_default().to_owned();
            (text.get(..at).unwrap_or(text), Some(pos))
        }
        None => (text, None),
    }
}

fn is_syntax_error(body: &str) -> bool {
    const SYNTAX: &[&str] = &[
        "EOF while parsing",
        "expected value",
        "expected `",
        "expected ident",
        "trailing characters",
        "trailing comma",
        "key must be a string",
        "invalid escape",
        "invalid number",
        "number out of range",
        "control character",
        "lone leading surrogate",
        "invalid unicode code point",
        "recursion limit exceeded",
    ];
    SYNTAX.iter().any(|s| body.contains(s))
}

/// serde's "expected" side, in words a JavaScript caller reads without knowing Rust.
fn expected_words(expected: &str) -> String {
    match expected {
        "f64" | "f32" => "a number".to_owned(),
        "i64" | "u64" | "i32" | "u32" | "u16" | "u8" | "i8" | "i16" | "an integer" => "an integer".to_owned(),
        "a string" | "a borrowed string" => "a string".to_owned(),
        "a boolean" => "true or false".to_owned(),
        "a sequence" => "an array".to_owned(),
        "a map" => "an object".to_owned(),
        other if other.starts_with("struct ") => "an object".to_owned(),
        other => other.to_owned(),
    }
}

/// serde's "found" side: `string "x"` → `a string "x"`, `floating point `1.5`` → `the number 1.5`.
fn found_words(found: &str) -> String {
    let tick_value = |s: &str| s.trim_matches('`').to_owned();
    if let Some(rest) = found.strip_prefix("string ") {
        format!("a string {rest}")
    } else if let Some(rest) = found.strip_prefix("floating point ") {
        format!("the number {}", tick_value(rest))
    } else if let Some(rest) = found.strip_prefix("integer ") {
        format!("the integer {}", tick_value(rest))
    } else if let Some(rest) = found.strip_prefix("boolean ") {
        tick_value(rest)
    } else {
        match found {
            "map" => "an object".to_owned(),
            "sequence" => "an array".to_owned(),
            "unit value" | "null" => "null".to_owned(),
            other => other.to_owned(),
        }
    }
}

/// Reads any input type (the plan input, a single bill, a bill context, a credit note) from JSON text.
/// Errors name the JSON path of the bad value, prefixed by `root` (e.g. `bill`).
pub fn from_json_str<T: serde::de::DeserializeOwned>(text: &str, root: &str) -> Result<T, InputError> {
    serde_json::from_str(text).map_err(|e| from_json_error(text, &e).under(root))
}

/// [`from_json_str`] for a value that must be a JSON object: serde would also read a struct from an array
/// by position, which for a record is never what the caller meant.
pub fn object_from_json_str<T: serde::de::DeserializeOwned>(text: &str, root: &str) -> Result<T, InputError> {
    let first = text.trim_start().chars().next();
    if first.is_some_and(|c| c != '{') && first != Some('n') {
        let found = value_kind(first);
        let valid_json = serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok();
        if valid_json {
            return Err(InputError::new(
                crate::InputErrorKind::InvalidType,
                root,
                format!("expected an object, found {found}"),
            ));
        }
    }
    from_json_str(text, root)
}

/// What a valid JSON value whose text starts with `first` is, in the words of the errors.
pub fn value_kind(first: Option<char>) -> &'static str {
    match first {
        Some('{') => "an object",
        Some('[') => "an array",
        Some('"') => "a string",
        Some('t' | 'f') => "true or false",
        Some('n') => "null",
        _ => "a number",
    }
}

#[cfg(test)]
mod tests {
    use super::classify;
    use crate::error::InputErrorKind;

    #[test]
    fn puts_back_what_rust_escapes_but_errors_write_raw() {
        use super::unescaped_quotes as u;
        assert_eq!(u(r#"string "a\u{7f}\u{7f}b""#), "string \"a\u{7f}\u{7f}b\"");
        assert_eq!(u(r#"string "e\u{301} \u{378}""#), "string \"e\u{301} \u{378}\"");
        assert_eq!(
            u(r#"string "\\u{7f} \n \u{1b} \u{85} \u{zz} \u{} \u{110000}""#),
            r#"string "\\u{7f} \n \u{1b} \u{85} \u{zz} \u{} \u{110000}""#
        );
        assert_eq!(u("no escapes \\"), "no escapes \\");
    }

    #[test]
    fn rewrites_serde_messages_in_caller_terms() {
        let e = classify(
            "monite.payables[3].line_items[0].quantity",
            "invalid type: string \"x\", expected f64 at line 1 column 9",
        );
        assert_eq!(e.to_string(), "monite.payables[3].line_items[0].quantity: expected a number, found a string \"x\"");
        assert_eq!(e.kind, InputErrorKind::InvalidType);
        let e = classify("monite.counterparts[0]", "missing field `id`");
        assert_eq!(e.to_string(), "monite.counterparts[0].id: required field is missing");
        let e = classify("", "EOF while parsing an object at line 1 column 1");
        assert_eq!(e.kind, InputErrorKind::InvalidJson);
        assert_eq!(e.to_string(), "input: invalid JSON: EOF while parsing an object (line 1 column 1)");
    }
}
