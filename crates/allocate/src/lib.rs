//! Seat allocation engine (placeholder until the engine lands).
