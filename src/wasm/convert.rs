//! JS values in and out. In: serde-wasm-bindgen's deserializer walks the JS object directly (no JSON text),
//! with paths tracked for errors. Out: the json-compatible serializer, so maps become plain objects and
//! numbers stay numbers — the same shape `JSON.parse` of the JSON route gives.

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsValue;

use super::error::{output_error, to_js_error};
use crate::model::from_deserializer;

/// Reads a JS value into `T`; errors name the path under `root`.
pub fn from_js<T: DeserializeOwned>(value: JsValue, root: &str) -> Result<T, JsValue> {
    from_deserializer(serde_wasm_bindgen::Deserializer::from(value), root).map_err(|e| to_js_error(&e))
}

/// Like [`from_js`], but `undefined` and `null` give `T::default()`.
pub fn from_js_or_default<T: DeserializeOwned + Default>(value: JsValue, root: &str) -> Result<T, JsValue> {
    if value.is_undefined() || value.is_null() {
        Ok(T::default())
    } else {
        from_js(value, root)
    }
}

/// Writes `value` as a plain JS value.
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| output_error("output", e))
}
