//! Values cross the boundary as JSON text, both ways: the TypeScript layer calls `JSON.stringify` and
//! `JSON.parse`, which V8 does faster than object-by-object conversion, and one deserializer type keeps
//! the module small (see README "Serialization").

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsValue;

use super::error::{output_error, to_js_error};
use crate::model::{from_json_str, object_from_json_str};

/// Reads JSON text into `T`, after the size check of `limits`; errors name the path under `root`.
pub fn from_json<T: DeserializeOwned>(text: &str, root: &str) -> Result<T, JsValue> {
    crate::limits::check_text(text, root).and_then(|()| from_json_str(text, root)).map_err(|e| to_js_error(&e))
}

/// Reads JSON text that must be an object into `T`, after the size check.
pub fn object_from_json<T: DeserializeOwned>(text: &str, root: &str) -> Result<T, JsValue> {
    crate::limits::check_text(text, root).and_then(|()| object_from_json_str(text, root)).map_err(|e| to_js_error(&e))
}

/// Like [`object_from_json`], but empty text, `null` and `undefined` give `T::default()`.
pub fn from_json_or_default<T: DeserializeOwned + Default>(text: &str, root: &str) -> Result<T, JsValue> {
    match text.trim() {
        "" | "null" | "undefined" => Ok(T::default()),
        _ => object_from_json(text, root),
    }
}

/// Writes `value` as JSON text.
pub fn to_json<T: Serialize>(value: &T) -> Result<String, JsValue> {
    serde_json::to_string(value).map_err(|e| output_error("output", e))
}
