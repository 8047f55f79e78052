//! Values cross the boundary as JSON text, both ways: the TypeScript layer calls `JSON.stringify` and
//! `JSON.parse`, which V8 does faster than object-by-object conversion, and one deserializer per type keeps
//! the module small (README "Serialization"). Reading is the gate's (`crate::input`); this writes.

use serde::Serialize;
use wasm_bindgen::JsValue;

use super::error::output_error;

/// Writes `value` as JSON text.
pub fn to_json<T: Serialize>(value: &T) -> Result<String, JsValue> {
    serde_json::to_string(value).map_err(|e| output_error("output", e))
}
