//! Small serde helpers for the API's JSON, where `null` and an absent field mean the same thing.

use serde::{Deserialize, Deserializer};

/// Text with its surrounding white space removed, and `None` when nothing is left: the API's JSON often
/// sends `""` or `"  "` where it means absent, and every rule treats those alike.
pub fn non_blank(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|s| !s.is_empty())
}

/// serde reads a struct from a JSON array too, by position; for a record that is never what the caller
/// meant. These helpers accept only objects (or `null` / absence) and report an array as
/// "expected an object, found an array".
struct ObjectVisitor<T>(std::marker::PhantomData<T>);

impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for ObjectVisitor<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an object")
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        T::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(Some)
    }
}

/// An optional object field: `null` or absent → `None`, an object → `Some`, anything else is an error.
pub fn object<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<Option<T>, D::Error> {
    deserializer.deserialize_any(ObjectVisitor(std::marker::PhantomData))
}

/// An object field whose absence or `null` means its default.
pub fn object_or_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(object(deserializer)?.unwrap_or_default())
}

struct ObjectSeed<T>(std::marker::PhantomData<T>);

impl<'de, T: Deserialize<'de>> serde::de::DeserializeSeed<'de> for ObjectSeed<T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        match deserializer.deserialize_any(ObjectVisitor::<T>(std::marker::PhantomData))? {
            Some(value) => Ok(value),
            None => Err(serde::de::Error::invalid_type(serde::de::Unexpected::Unit, &"an object")),
        }
    }
}

struct ObjectsVisitor<T>(std::marker::PhantomData<T>);

impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for ObjectsVisitor<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an array of objects")
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(item) = seq.next_element_seed(ObjectSeed(std::marker::PhantomData))? {
            out.push(item);
        }
        Ok(out)
    }
}

/// A list of records: `null` or absent → empty; every element must be an object.
pub fn objects<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<Vec<T>, D::Error> {
    deserializer.deserialize_any(ObjectsVisitor(std::marker::PhantomData))
}

/// Implements `Deserialize` for a unit-only enum from its names, read as a string inside the visitor:
/// serde's derived enum reader makes serde_json report a number or an object there as a syntax error
/// (`invalid_json`), and this reports it as the wrong type (`invalid_type`), positioned at the value so the
/// error's path names the field.
macro_rules! string_enum {
    ($ty:ident { $($name:literal => $variant:ident),+ $(,)? }) => {
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Visitor;
                impl serde::de::Visitor<'_> for Visitor {
                    type Value = $ty;
                    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                        f.write_str("a string")
                    }
                    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<$ty, E> {
                        match text {
                            $($name => Ok($ty::$variant),)+
                            other => Err(E::unknown_variant(other, &[$($name),+])),
                        }
                    }
                }
                deserializer.deserialize_str(Visitor)
            }
        }
    };
}
pub(crate) use string_enum;
