//! Finds the JSON path of the value at a position in JSON text. serde_json reports where it stopped (line
//! and column, in bytes); scanning the text up to there names the value (`monite.payables[3].line_items[0]
//! .quantity`). This replaces path tracking during parsing, which cost an allocation per key on every
//! parse and a second copy of every deserializer in the WebAssembly module; the scan runs only on errors.

enum Segment {
    Key(String),
    Index(usize),
}

enum Frame {
    Object { member: Option<String>, pending_key: Option<String>, expecting_key: bool },
    Array { member: Option<usize>, next: usize, awaiting_value: bool },
}

/// The deepest path the scan names: serde_json's own recursion limit (128), so every value that a typed
/// parse can reach is named in full; an error deeper inside (an unterminated `[[[[…` in a raw body) is
/// named by its ancestor at this depth.
const MAX_DEPTH: usize = 128;

/// The byte offset of a 1-based line and a column counted in bytes (serde_json's convention).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line.max(1) {
        match text.get(start..).and_then(|rest| rest.find('\n')) {
            Some(nl) => start += nl + 1,
            None => return text.len(),
        }
    }
    (start + column).min(text.len())
}

/// The path of the value that the text at `line`:`column` is in or has just ended.
pub fn path_at(text: &str, line: usize, column: usize) -> String {
    let end = offset_of(text, line, column);
    let bytes = text.as_bytes();
    let mut frames: Vec<Frame> = Vec::new();
    // Containers opened below the deepest frame kept: only counted, so the scan's memory stays bounded
    // (a frame per `[` of `[[[[…` would hold ~64 bytes per byte of input).
    let mut beyond = 0usize;
    let mut i = 0;
    while i < end {
        let Some(&b) = bytes.get(i) else { break };
        if beyond > 0 {
            match b {
                b'"' => {
                    i = string_end(bytes, i);
                    continue;
                }
                b'{' | b'[' => beyond += 1,
                b'}' | b']' => beyond -= 1,
                _ => {}
            }
            i += 1;
            continue;
        }
        match b {
            b' ' | b'\t' | b'\n' | b'\r' => {}
            b'"' => {
                let close = string_end(bytes, i);
                let is_key = matches!(frames.last(), Some(Frame::Object { expecting_key: true, .. }));
                if is_key {
                    let key = text.get(i..close.min(end).max(i)).map(decode_key).unwrap_or_default();
                    if let Some(Frame::Object { pending_key, .. }) = frames.last_mut() {
                        *pending_key = Some(key);
                    }
                } else {
                    value_starts(&mut frames);
                }
                i = close;
                continue;
            }
            b':' => {
                if let Some(Frame::Object { member, pending_key, expecting_key }) = frames.last_mut() {
                    *member = pending_key.take();
                    *expecting_key = false;
                }
            }
            b',' => match frames.last_mut() {
                Some(Frame::Object { expecting_key, .. }) => *expecting_key = true,
                Some(Frame::Array { awaiting_value, .. }) => *awaiting_value = true,
                None => {}
            },
            b'{' | b'[' if frames.len() >= MAX_DEPTH => {
                value_starts(&mut frames);
                beyond = 1;
            }
            b'{' => {
                value_starts(&mut frames);
                frames.push(Frame::Object { member: None, pending_key: None, expecting_key: true });
            }
            b'[' => {
                value_starts(&mut frames);
                frames.push(Frame::Array { member: None, next: 0, awaiting_value: true });
            }
            b'}' | b']' => {
                frames.pop();
            }
            _ => value_starts(&mut frames),
        }
        i += 1;
    }
    render(&frames)
}

/// A value begins: in an array, it is the next element.
fn value_starts(frames: &mut [Frame]) {
    if let Some(Frame::Array { member, next, awaiting_value }) = frames.last_mut() {
        if *awaiting_value {
            *member = Some(*next);
            *next += 1;
            *awaiting_value = false;
        }
    }
}

/// Index just past the closing quote of the string starting at `start` (or the end of the text).
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// A quoted key as text (escapes decoded when the key is complete).
fn decode_key(quoted: &str) -> String {
    serde_json::from_str::<String>(quoted).unwrap_or_else(|_| quoted.trim_matches('"').to_owned())
}

fn render(frames: &[Frame]) -> String {
    let mut segments = Vec::new();
    for frame in frames {
        let segment = match frame {
            Frame::Object { member: Some(key), .. } => Segment::Key(key.clone()),
            Frame::Array { member: Some(index), .. } => Segment::Index(*index),
            _ => break,
        };
        segments.push(segment);
    }
    let mut path = String::new();
    for segment in segments {
        match segment {
            Segment::Key(key) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(&key);
            }
            Segment::Index(index) => path.push_str(&format!("[{index}]")),
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::path_at;

    fn at(text: &str) -> String {
        let err = serde_json::from_str::<Probe>(text).err().map(|e| (e.line(), e.column())).unwrap_or((1, 0));
        path_at(text, err.0, err.1)
    }

    #[derive(serde::Deserialize)]
    #[allow(dead_code)]
    struct Probe {
        items: Vec<Item>,
        name: Option<String>,
    }

    #[derive(serde::Deserialize)]
    #[allow(dead_code)]
    struct Item {
        quantity: f64,
        inner: Option<Inner>,
    }

    #[derive(serde::Deserialize)]
    #[allow(dead_code)]
    struct Inner {
        required: String,
    }

    #[test]
    fn names_the_value_where_parsing_stopped() {
        assert_eq!(at(r#"{"items":[{"quantity":1},{"quantity":"x"}]}"#), "items[1].quantity");
        assert_eq!(at("{\"items\": [\n  {\"quantity\": 2, \"inner\": {}}\n]}"), "items[0].inner");
        assert_eq!(at(r#"{"items":[],"name":{"a":1}}"#), "name");
        assert_eq!(at(r#"{"items":[],"n\u00e9":1,"name":[true]}"#), "name");
        assert_eq!(at(r#"{"items":[{"quantity":1,}]}"#), "items[0]");
        assert_eq!(at(r#"{"#), "");
    }

    #[test]
    fn names_an_ancestor_of_a_value_nested_deeper_than_the_limit() {
        let deep = format!("{{\"items\":[{}", "[".repeat(5000));
        let path = path_at(&deep, 1, deep.len());
        assert_eq!(path, format!("items{}", "[0]".repeat(super::MAX_DEPTH - 1)));
        let closed = format!("{{\"items\":[{}{}, {{\"a\": 1}}]}}", "[".repeat(300), "]".repeat(300));
        assert_eq!(path_at(&closed, 1, closed.len() - 4), "items[1].a");
    }
}
