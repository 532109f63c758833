//! Places of the portal (Integreat's "locations"): address, coordinates, a category, opening
//! hours per weekday (the offer directory's format and parser,
//! [`crate::offer::parse_opening_hours`]), and the flags newcomers ask about: appointment
//! only, temporarily closed, step-free access.

use serde::Deserialize;

use crate::course::{Errs, text};
use crate::offer::{Address as Checked, OpeningDay, address, is_open, parse_opening_hours};
use crate::validate::{FieldError, required_text};

crate::text_enum! {
    /// What kind of place it is (the map's icon and filter).
    pub enum Category ("place category") {
        /// Town hall, immigration office, job centre.
        Authority = "authority",
        Counselling = "counselling",
        /// Schools, course providers, libraries.
        Education = "education",
        Childcare = "childcare",
        Health = "health",
        Work = "work",
        /// Meeting points, sports, culture.
        Leisure = "leisure",
        Religion = "religion",
        /// Food banks, second-hand shops, supermarkets.
        Shopping = "shopping",
        Transport = "transport",
        Other = "other",
    }
}

/// A postal address; every part optional (a meeting point may have none).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Address {
    /// Street and number.
    pub street: Option<String>,
    /// Five digits.
    pub postcode: Option<String>,
    /// Town.
    pub town: Option<String>,
}

/// A place as posted (form or JSON).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceInput {
    /// Name, 1–200 characters.
    #[serde(default, deserialize_with = "text")]
    pub name: String,
    /// Street and number.
    #[serde(default, deserialize_with = "text")]
    pub street: String,
    /// Postcode.
    #[serde(default, deserialize_with = "text")]
    pub postcode: String,
    /// Town.
    #[serde(default, deserialize_with = "text")]
    pub town: String,
    /// Latitude (`52.27` or `52,27`).
    #[serde(default, deserialize_with = "text")]
    pub latitude: String,
    /// Longitude.
    #[serde(default, deserialize_with = "text")]
    pub longitude: String,
    /// A [`Category`] text form.
    #[serde(default, deserialize_with = "text")]
    pub category: String,
    /// `Mo-Fr 08:00-12:00; Do 14:00-18:00`, see [`parse_opening_hours`].
    #[serde(default, deserialize_with = "text")]
    pub opening_hours: String,
    /// Visits only with an appointment.
    #[serde(default, deserialize_with = "text")]
    pub appointment_only: String,
    /// Where to book an appointment.
    #[serde(default, deserialize_with = "text")]
    pub appointment_url: String,
    /// Closed for now.
    #[serde(default, deserialize_with = "text")]
    pub temporarily_closed: String,
    /// `true`, `false` or empty (not known).
    #[serde(default, deserialize_with = "text")]
    pub step_free: String,
}

/// A valid place.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// Name, 1–200 characters.
    pub name: String,
    /// Postal address.
    pub address: Address,
    /// Latitude, longitude (WGS 84).
    pub coordinates: Option<(f64, f64)>,
    /// What kind of place it is.
    pub category: Category,
    /// Regular hours; empty means none are published.
    pub opening_hours: Vec<OpeningDay>,
    /// Visits only with an appointment (the hours say when appointments are given).
    pub appointment_only: bool,
    /// Where to book an appointment.
    pub appointment_url: Option<String>,
    /// Closed for now whatever the hours say (Integreat's `temporarily_closed`).
    pub temporarily_closed: bool,
    /// Step-free access; `None`: not known (Integreat's `barrier_free` may be null).
    pub step_free: Option<bool>,
}

/// Whether a place is open, for the portal's "open now" label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenState {
    /// Within its hours.
    Open,
    /// Within the hours, but only with an appointment.
    OpenByAppointment,
    /// Outside its hours.
    Closed,
    /// Closed for now, whatever the hours say.
    TemporarilyClosed,
}

/// The state of `place` at Berlin `weekday` (0 = Monday) and `minute` after midnight
/// (see [`crate::portal::berlin::weekday_and_minute`]).
pub fn open_state(place: &Place, weekday: u8, minute: u16) -> OpenState {
    if place.temporarily_closed {
        OpenState::TemporarilyClosed
    } else if !is_open(&place.opening_hours, weekday, minute) {
        OpenState::Closed
    } else if place.appointment_only {
        OpenState::OpenByAppointment
    } else {
        OpenState::Open
    }
}

/// Whether `place` is within its hours at Berlin `weekday` and `minute`; never while
/// temporarily closed (appointment-only places count as open during their hours).
pub fn open_now(place: &Place, weekday: u8, minute: u16) -> bool {
    matches!(
        open_state(place, weekday, minute),
        OpenState::Open | OpenState::OpenByAppointment
    )
}

impl PlaceInput {
    /// Checks every field, collecting all errors. Codes besides the usual text ones:
    /// `unknown_value`, `invalid_postcode`, `invalid_number`, `incomplete_coordinates`,
    /// `invalid_opening_hours`, `invalid_bool`, `invalid_url`.
    pub fn validate(&self) -> Result<Place, Vec<FieldError>> {
        let mut errs = Errs(Vec::new());
        let name = errs.keep(required_text("name", &self.name, 200));
        let category = if self.category.trim().is_empty() {
            Some(Category::Other)
        } else {
            errs.keep(
                Category::parse(self.category.trim())
                    .map_err(|e| FieldError::new("category", "unknown_value", e.to_string())),
            )
        };
        let Checked {
            street,
            postcode,
            town,
            coordinates,
        } = address(
            &mut errs,
            &self.street,
            &self.postcode,
            &self.town,
            &self.latitude,
            &self.longitude,
        );
        let opening_hours = errs
            .keep(parse_opening_hours(&self.opening_hours))
            .unwrap_or_default();
        let appointment_only = errs
            .keep(super::flag(
                "appointment_only",
                &self.appointment_only,
                false,
            ))
            .unwrap_or(false);
        let appointment_url = errs
            .keep(super::web_url("appointment_url", &self.appointment_url))
            .flatten();
        let temporarily_closed = errs
            .keep(super::flag(
                "temporarily_closed",
                &self.temporarily_closed,
                false,
            ))
            .unwrap_or(false);
        let step_free = if self.step_free.trim().is_empty() {
            None
        } else {
            errs.keep(super::flag("step_free", &self.step_free, false))
        };
        match (name, category) {
            (Some(name), Some(category)) if errs.0.is_empty() => Ok(Place {
                name,
                address: Address {
                    street,
                    postcode,
                    town,
                },
                coordinates,
                category,
                opening_hours,
                appointment_only,
                appointment_url,
                temporarily_closed,
                step_free,
            }),
            _ => Err(errs.0),
        }
    }
}

#[cfg(test)]
mod tests;
