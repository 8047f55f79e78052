//! A tiny builder for JSON objects, so the generators read like the API shapes they produce.

use serde_json::{Map, Value};

/// Builds one JSON object field by field.
#[derive(Debug, Default)]
pub(crate) struct Obj(Map<String, Value>);

impl Obj {
    pub(crate) fn new() -> Self {
        Self(Map::new())
    }

    /// Any value.
    pub(crate) fn v(mut self, key: &str, value: Value) -> Self {
        self.0.insert(key.to_owned(), value);
        self
    }

    /// A string.
    pub(crate) fn s(self, key: &str, value: impl Into<String>) -> Self {
        self.v(key, Value::String(value.into()))
    }

    /// A string, or nothing when `value` is `None`.
    pub(crate) fn opt_s(self, key: &str, value: Option<impl Into<String>>) -> Self {
        match value {
            Some(value) => self.s(key, value),
            None => self,
        }
    }

    /// An integer.
    pub(crate) fn i(self, key: &str, value: i64) -> Self {
        self.v(key, Value::from(value))
    }

    /// A boolean.
    pub(crate) fn b(self, key: &str, value: bool) -> Self {
        self.v(key, Value::Bool(value))
    }

    /// An array.
    pub(crate) fn a(self, key: &str, items: Vec<Value>) -> Self {
        self.v(key, Value::Array(items))
    }

    pub(crate) fn build(self) -> Value {
        Value::Object(self.0)
    }
}

/// A `{ "currency", "value" }` price (`Price2` in the API document), value in minor units.
pub(crate) fn price(currency: &str, value: i64) -> Value {
    Obj::new().s("currency", currency).i("value", value).build()
}
