//! Any JSON value read as flat `key: value` pairs (nested keys joined with `.`, array items as `[i]`), for
//! the free-form `errors` object of a synced record: the engine only quotes it, so it keeps text rather
//! than a JSON tree (serde_json's `Value` reader would add its whole map machinery to the module).

use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

/// The pairs, in the order read; `text()` sorts them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Flat(pub Vec<(String, String)>);

impl Flat {
    /// `key: value` pairs, keys sorted, joined with `; ` (a bare value has no key).
    pub fn text(&self) -> String {
        let mut pairs = self.0.clone();
        pairs.sort_unstable(); // equal pairs are indistinguishable: the order is the stable one
        let line: Vec<String> =
            pairs.into_iter().map(|(k, v)| if k.is_empty() { v } else { format!("{k}: {v}") }).collect();
        line.join("; ")
    }
}

impl<'de> Deserialize<'de> for Flat {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut out = Vec::new();
        Pairs { key: String::new(), out: &mut out }.deserialize(deserializer)?;
        Ok(Flat(out))
    }
}

/// Reads one value under `key` into `out`.
struct Pairs<'a> {
    key: String,
    out: &'a mut Vec<(String, String)>,
}

impl<'de> DeserializeSeed<'de> for Pairs<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl Pairs<'_> {
    fn leaf(self, value: String) {
        self.out.push((self.key, value));
    }
}

impl<'de> Visitor<'de> for Pairs<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<(), E> {
        self.leaf(v.to_string());
        Ok(())
    }
    fn visit_i64<E>(self, v: i64) -> Result<(), E> {
        self.leaf(v.to_string());
        Ok(())
    }
    fn visit_u64<E>(self, v: u64) -> Result<(), E> {
        self.leaf(v.to_string());
        Ok(())
    }
    fn visit_f64<E>(self, v: f64) -> Result<(), E> {
        self.leaf(v.to_string());
        Ok(())
    }
    fn visit_str<E>(self, v: &str) -> Result<(), E> {
        self.leaf(v.split_whitespace().collect::<Vec<_>>().join(" "));
        Ok(())
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<(), E> {
        self.leaf("null".to_owned());
        Ok(())
    }
    fn visit_none<E: serde::de::Error>(self) -> Result<(), E> {
        self.visit_unit()
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut i = 0usize;
        loop {
            let key = format!("{}[{i}]", self.key);
            if seq.next_element_seed(Pairs { key, out: &mut *self.out })?.is_none() {
                return Ok(());
            }
            i += 1;
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(name) = map.next_key::<String>()? {
            let key = if self.key.is_empty() { name } else { format!("{}.{name}", self.key) };
            map.next_value_seed(Pairs { key, out: &mut *self.out })?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::Flat;

    #[test]
    fn flattens_to_sorted_key_value_text() {
        let read = |text: &str| serde_json::from_str::<Flat>(text).map(|f| f.text()).unwrap_or_default();
        let text = read(r#"{ "message": "Duplicate  Name", "code": 6240, "detail": { "fields": ["name"] } }"#);
        assert_eq!(text, "code: 6240; detail.fields[0]: name; message: Duplicate Name");
        assert_eq!(read("{}"), "");
        assert_eq!(read(r#""plain""#), "plain");
    }
}
