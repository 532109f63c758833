//! The raw JSON contract: output shape, and one-line errors that name what and where.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use ankommen_allocate::{RawError, solve_raw_json};
use serde_json::Value;

fn err(input: &str) -> String {
    let e = solve_raw_json(input).unwrap_err();
    let msg = e.to_string();
    assert!(!msg.contains('\n'), "one line: {msg}");
    msg
}

#[test]
fn solves_and_writes_the_contract_fields() {
    let input = r#"{"participants": 3, "courses": [{"capacity": 1}, {"capacity": 1}],
        "arcs": [[0, 0, 5], [1, 0, 3], [1, 1, 8], [2, 1, 2], [1, 1, 4]]}"#;
    let out: Value = serde_json::from_str(&solve_raw_json(input).unwrap()).unwrap();
    assert_eq!(out["placed"], 2);
    // 1→0 (3) + 2→1 (2) = 5 beats 0→0 (5) + 2→1 (2) = 7 and 0→0 + 1→1 (4) = 9.
    assert_eq!(out["total_cost"], 5);
    assert_eq!(out["assignment"], serde_json::json!([-1, 0, 1]));
    assert!(out["solve_ms"].as_f64().unwrap() >= 0.0);
    assert_eq!(out.as_object().unwrap().len(), 4);
}

#[test]
fn empty_instance_is_valid() {
    let out: Value = serde_json::from_str(
        &solve_raw_json(r#"{"participants":0,"courses":[],"arcs":[]}"#).unwrap(),
    )
    .unwrap();
    assert_eq!(out["placed"], 0);
    assert_eq!(out["assignment"], serde_json::json!([]));
}

#[test]
fn bad_json_names_line_and_column() {
    let msg = err("{\"participants\": 2,\n \"courses\": [}");
    assert!(msg.contains("line 2"), "{msg}");
}

#[test]
fn wrong_shapes_are_rejected() {
    assert!(err(r#"{"participants":1,"courses":[],"arcs":[[0,0]]}"#).contains("invalid input"));
    assert!(
        err(r#"{"participants":1,"courses":[{"capacity":1,"seats":2}],"arcs":[]}"#)
            .contains("seats")
    );
    assert!(err(r#"{"participants":1,"courses":[]}"#).contains("arcs"));
    assert!(err(r#"{"participants":1.5,"courses":[],"arcs":[]}"#).contains("invalid input"));
}

#[test]
fn out_of_range_indices_name_the_arc() {
    let msg = err(r#"{"participants":2,"courses":[{"capacity":1}],"arcs":[[0,0,1],[2,0,1]]}"#);
    assert_eq!(msg, "arcs[1]: participant 2 is out of range 0..2");
    let msg = err(r#"{"participants":2,"courses":[{"capacity":1}],"arcs":[[0,1,1]]}"#);
    assert_eq!(msg, "arcs[0]: course 1 is out of range 0..1");
    let msg = err(r#"{"participants":2,"courses":[{"capacity":1}],"arcs":[[-1,0,1]]}"#);
    assert!(msg.starts_with("arcs[0]: participant -1"), "{msg}");
}

#[test]
fn negative_and_too_large_values_are_rejected() {
    let e = solve_raw_json(
        r#"{"participants":1,"courses":[{"capacity":1},{"capacity":-3}],"arcs":[]}"#,
    )
    .unwrap_err();
    assert_eq!(
        e,
        RawError::NegativeCapacity {
            index: 1,
            value: -3
        }
    );
    assert_eq!(e.to_string(), "courses[1].capacity: -3 is negative");
    let msg = err(r#"{"participants":1,"courses":[{"capacity":1}],"arcs":[[0,0,-4]]}"#);
    assert_eq!(msg, "arcs[0]: cost -4 is outside 0..=1000000");
    let msg = err(r#"{"participants":1,"courses":[{"capacity":1}],"arcs":[[0,0,1000001]]}"#);
    assert_eq!(msg, "arcs[0]: cost 1000001 is outside 0..=1000000");
    assert!(err(r#"{"participants":-1,"courses":[],"arcs":[]}"#).starts_with("participants: -1"));
    // The largest allowed cost is fine.
    assert!(
        solve_raw_json(r#"{"participants":1,"courses":[{"capacity":1}],"arcs":[[0,0,1000000]]}"#)
            .is_ok()
    );
}
