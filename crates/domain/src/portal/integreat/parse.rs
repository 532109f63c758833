//! Reading Integreat JSON files with the JSON path of every problem.
//!
//! The text is parsed into a [`serde_json::Value`] first; each element is then deserialised
//! through [`Tracked`], a thin deserializer over a borrowed `Value` that knows where it is
//! (`[3].parent.id`). serde reports a type error from the innermost value that failed, so the
//! first failing value records its path and the outer ones leave it alone. Values are
//! handed to serde_json's own `&Value` deserializer for scalars, so the messages are
//! serde_json's (`invalid type: string "x", expected u64`).

use std::cell::RefCell;

use serde::Deserializer;
use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeOwned, DeserializeSeed, Visitor};
use serde_json::{Error, Value};

use super::check::Context;

/// A file that cannot be imported: which file, where in it (a JSON path such as
/// `[3].parent.id`, `$` for the whole document) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}: {path}: {message}")]
pub struct ImportError {
    /// The file name as given (`augsburg/de/pages.json`).
    pub file: String,
    /// JSON path of the offending value: `$` (the document), `[3]`, `[3].parent.id`,
    /// `[0].available_languages["pt-br"]`.
    pub path: String,
    /// What is wrong, in English.
    pub message: String,
}

/// A successfully read file: its items, and the paths of fields that were present but are
/// not part of the documented contract (ignored; see the module documentation).
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedFile<T> {
    /// The items, in file order.
    pub items: Vec<T>,
    /// Paths of ignored unknown fields (`[0].category.icon_color`), in file order.
    pub ignored_fields: Vec<String>,
}

/// One kind of Integreat API object that comes as a list in a file (`regions.json`,
/// `pages.json`, `events.json`, `locations.json`, `location-categories.json`).
pub trait ApiObject: DeserializeOwned + serde::Serialize {
    /// What a file of these is, for messages (`pages`).
    const KIND: &'static str;

    /// Checks rules beyond the JSON types across a whole file; `Err((path, message))`.
    fn check_file(items: &[Self], ctx: &Context) -> Result<(), (String, String)>;
}

/// Reads a file holding a JSON array of `T` (the body of the matching API v3 list
/// endpoint), checks the types and then the rules of [`ApiObject::check_file`]. The first
/// problem is returned, with the file name and its JSON path.
pub fn parse_file<T: ApiObject>(
    file_name: &str,
    text: &str,
    ctx: &Context,
) -> Result<Vec<T>, ImportError> {
    parse_file_report(file_name, text, ctx).map(|p| p.items)
}

/// As [`parse_file`], also listing the unknown fields that were ignored.
pub fn parse_file_report<T: ApiObject>(
    file_name: &str,
    text: &str,
    ctx: &Context,
) -> Result<ParsedFile<T>, ImportError> {
    let fail = |path: String, message: String| ImportError {
        file: file_name.to_owned(),
        path,
        message,
    };
    let value: Value =
        serde_json::from_str(text).map_err(|e| fail("$".into(), format!("not valid JSON: {e}")))?;
    let Value::Array(elements) = &value else {
        return Err(fail(
            "$".into(),
            format!(
                "expected a JSON array of {} (the body of the API v3 endpoint), found {}",
                T::KIND,
                kind_of(&value)
            ),
        ));
    };
    let recorder = Recorder::default();
    let mut items = Vec::with_capacity(elements.len());
    for (i, element) in elements.iter().enumerate() {
        let item = from_value_at::<T>(element, format!("[{i}]"), &recorder)
            .map_err(|(path, message)| fail(path, message))?;
        items.push(item);
    }
    T::check_file(&items, ctx).map_err(|(path, message)| fail(path, message))?;
    Ok(ParsedFile {
        items,
        ignored_fields: recorder.ignored.into_inner(),
    })
}

/// Reads a file holding one JSON object (`regions/{region}/`, `imprint/`, `page/`),
/// checking its types and the rules of its kind (with `items` of length one).
pub fn parse_object<T: ApiObject>(
    file_name: &str,
    text: &str,
    ctx: &Context,
) -> Result<T, ImportError> {
    let fail = |path: String, message: String| ImportError {
        file: file_name.to_owned(),
        path,
        message,
    };
    let value: Value =
        serde_json::from_str(text).map_err(|e| fail("$".into(), format!("not valid JSON: {e}")))?;
    let recorder = Recorder::default();
    let item = from_value_at::<T>(&value, String::new(), &recorder).map_err(|(p, m)| fail(p, m))?;
    let items = [item];
    T::check_file(&items, ctx).map_err(|(path, message)| {
        // Paths of a one-element file start with `[0]`; a single object has none.
        let path = match path.strip_prefix("[0]") {
            Some("") => "$".to_owned(),
            Some(rest) => rest.trim_start_matches('.').to_owned(),
            None => path,
        };
        fail(path, message)
    })?;
    let [item] = items;
    Ok(item)
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Deserialises `value`, which sits at `path`; on failure returns the path of the innermost
/// failing value (`$` for the root) and serde's message.
fn from_value_at<T: DeserializeOwned>(
    value: &Value,
    path: String,
    recorder: &Recorder,
) -> Result<T, (String, String)> {
    let de = Tracked {
        value,
        path,
        rec: recorder,
    };
    T::deserialize(de).map_err(|e| {
        let path = recorder.error_path.take().unwrap_or_default();
        (display_path(&path), e.to_string())
    })
}

/// The path as shown: `$` for the root, else as built (`[3].parent.id`, `.languages[0]` of
/// a single object is shown without its leading dot).
pub(super) fn display_path(path: &str) -> String {
    match path.strip_prefix('.') {
        _ if path.is_empty() => "$".to_owned(),
        Some(rest) => rest.to_owned(),
        None => path.to_owned(),
    }
}

/// `path` extended by an object key: `.key` for plain names, `["pt-br"]` otherwise.
pub(super) fn key_path(path: &str, key: &str) -> String {
    let plain = key
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if plain {
        format!("{path}.{key}")
    } else {
        let quoted = serde_json::to_string(key).unwrap_or_else(|_| format!("\"{key}\""));
        format!("{path}[{quoted}]")
    }
}

#[derive(Default)]
struct Recorder {
    /// Path of the innermost value whose deserialisation failed.
    error_path: RefCell<Option<String>>,
    /// Paths of unknown fields that were skipped.
    ignored: RefCell<Vec<String>>,
}

impl Recorder {
    fn failed_at(&self, path: &str) {
        let mut slot = self.error_path.borrow_mut();
        if slot.is_none() {
            *slot = Some(path.to_owned());
        }
    }
}

/// A deserializer over a borrowed [`Value`] that knows its JSON path.
struct Tracked<'a> {
    value: &'a Value,
    path: String,
    rec: &'a Recorder,
}

impl<'a> Tracked<'a> {
    /// Objects and arrays are walked here (so that their members know their paths);
    /// scalars go to serde_json's deserializer for `&Value` through `scalar`.
    fn walk<V: Visitor<'a>>(
        self,
        visitor: V,
        scalar: impl FnOnce(&'a Value, V) -> Result<V::Value, Error>,
    ) -> Result<V::Value, Error> {
        let result = match self.value {
            Value::Object(map) => {
                let mut access = MapWalk {
                    iter: map.iter(),
                    pending: None,
                    path: &self.path,
                    rec: self.rec,
                };
                visitor.visit_map(&mut access).and_then(|v| {
                    if access.iter.len() == 0 {
                        Ok(v)
                    } else {
                        Err(de::Error::invalid_length(
                            map.len(),
                            &"fewer elements in map",
                        ))
                    }
                })
            }
            Value::Array(items) => {
                let mut access = SeqWalk {
                    iter: items.iter().enumerate(),
                    path: &self.path,
                    rec: self.rec,
                };
                visitor.visit_seq(&mut access).and_then(|v| {
                    if access.iter.len() == 0 {
                        Ok(v)
                    } else {
                        Err(de::Error::invalid_length(
                            items.len(),
                            &"fewer elements in array",
                        ))
                    }
                })
            }
            other => scalar(other, visitor),
        };
        if result.is_err() {
            self.rec.failed_at(&self.path);
        }
        result
    }
}

macro_rules! scalar_methods {
    ($($method:ident),* $(,)?) => {
        $(
            fn $method<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
                self.walk(visitor, |value, visitor| value.$method(visitor))
            }
        )*
    };
}

impl<'a> Deserializer<'a> for Tracked<'a> {
    type Error = Error;

    scalar_methods!(
        deserialize_any,
        deserialize_bool,
        deserialize_i8,
        deserialize_i16,
        deserialize_i32,
        deserialize_i64,
        deserialize_i128,
        deserialize_u8,
        deserialize_u16,
        deserialize_u32,
        deserialize_u64,
        deserialize_u128,
        deserialize_f32,
        deserialize_f64,
        deserialize_char,
        deserialize_str,
        deserialize_string,
        deserialize_bytes,
        deserialize_byte_buf,
        deserialize_unit,
        deserialize_seq,
        deserialize_map,
        deserialize_identifier,
    );

    fn deserialize_option<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.value.is_null() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_unit_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_tuple<V: Visitor<'a>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_map(visitor)
    }

    fn deserialize_enum<V: Visitor<'a>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let result = self.value.deserialize_enum(name, variants, visitor);
        if result.is_err() {
            self.rec.failed_at(&self.path);
        }
        result
    }

    fn deserialize_ignored_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        // Only reached for a field the target type does not know: note it and skip it.
        self.rec.ignored.borrow_mut().push(display_path(&self.path));
        visitor.visit_unit()
    }
}

struct MapWalk<'a, 'p> {
    iter: serde_json::map::Iter<'a>,
    pending: Option<(&'a String, &'a Value)>,
    path: &'p str,
    rec: &'a Recorder,
}

impl<'a> de::MapAccess<'a> for MapWalk<'a, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'a>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.iter.next() else {
            return Ok(None);
        };
        self.pending = Some((key, value));
        let key_de = BorrowedStrDeserializer::<'a, Error>::new(key.as_str());
        seed.deserialize(key_de).map(Some)
    }

    fn next_value_seed<S: DeserializeSeed<'a>>(&mut self, seed: S) -> Result<S::Value, Error> {
        let Some((key, value)) = self.pending.take() else {
            return Err(de::Error::custom(
                "a map value was asked for before its key",
            ));
        };
        let path = key_path(self.path, key);
        // Recorded here too: a type may reject a value after reading it (text enums), and
        // then the value's own deserializer has already returned.
        seed.deserialize(Tracked {
            value,
            path: path.clone(),
            rec: self.rec,
        })
        .inspect_err(|_| self.rec.failed_at(&path))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

struct SeqWalk<'a, 'p> {
    iter: std::iter::Enumerate<std::slice::Iter<'a, Value>>,
    path: &'p str,
    rec: &'a Recorder,
}

impl<'a> de::SeqAccess<'a> for SeqWalk<'a, '_> {
    type Error = Error;

    fn next_element_seed<S: DeserializeSeed<'a>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, Error> {
        let Some((i, value)) = self.iter.next() else {
            return Ok(None);
        };
        let path = format!("{}[{i}]", self.path);
        seed.deserialize(Tracked {
            value,
            path: path.clone(),
            rec: self.rec,
        })
        .inspect_err(|_| self.rec.failed_at(&path))
        .map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

/// Deserialises one value of a known type with path tracking, for callers that hold a
/// `Value` already (the server's request bodies): `Err((path, message))`.
pub fn from_value<T: DeserializeOwned>(value: &Value) -> Result<T, (String, String)> {
    from_value_at(value, String::new(), &Recorder::default())
}
