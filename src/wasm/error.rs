//! One conversion from the core's [`InputError`] to a JS `Error`, so callers keep `instanceof Error`, a
//! stack, and stable fields to branch on (never a thrown string).

use js_sys::{Error, Reflect};
use wasm_bindgen::JsValue;

use crate::InputError;

/// The `name` the TypeScript layer recognises and re-throws as its `InputError` class.
pub const INPUT_ERROR_NAME: &str = "InputError";

/// Builds the JS error: `message` is the one-line `path: message`, plus `code`, `kind`, `path`, `detail`.
pub fn to_js_error(err: &InputError) -> JsValue {
    let js = Error::new(&err.to_string());
    js.set_name(INPUT_ERROR_NAME);
    let value: JsValue = js.into();
    // Reflect::set only fails on frozen or non-object targets; a fresh Error is neither.
    let _ = Reflect::set(&value, &"code".into(), &err.kind.code().into());
    let _ = Reflect::set(&value, &"kind".into(), &err.kind.code().into());
    let _ = Reflect::set(&value, &"path".into(), &err.path.as_str().into());
    let _ = Reflect::set(&value, &"detail".into(), &err.message.as_str().into());
    value
}

/// An error for output that could not be turned into a JS value (not expected; never a panic).
pub fn output_error(what: &str, detail: impl std::fmt::Display) -> JsValue {
    let js = Error::new(&format!("{what}: {detail}"));
    js.set_name("LedgerbridgeError");
    js.into()
}
