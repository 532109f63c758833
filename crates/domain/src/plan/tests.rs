use super::*;

fn goal(status: &str, reason: &str, reopen: bool) -> GoalInput<'static> {
    GoalInput {
        action_field: "language",
        title: "B1 erreichen",
        description: "",
        status: Box::leak(status.to_owned().into_boxed_str()),
        status_reason: Box::leak(reason.to_owned().into_boxed_str()),
        reopen,
    }
}

fn step<'a>(status: &'a str, reason: &'a str, reopen: bool) -> StepInput<'a> {
    StepInput {
        title: "Anmeldung Integrationskurs",
        owner_kind: "person",
        due_on: "2026-12-01",
        status,
        status_reason: reason,
        reopen,
        ..Default::default()
    }
}

fn codes(errs: &[FieldError]) -> Vec<(&str, &str)> {
    errs.iter().map(|e| (e.field, e.code)).collect()
}

#[test]
fn action_fields_are_the_countys_nine() {
    let all: Vec<&str> = ActionField::ALL.iter().map(|f| f.as_str()).collect();
    assert_eq!(
        all,
        [
            "language",
            "education",
            "training",
            "work",
            "recognition",
            "housing",
            "health",
            "family_childcare",
            "social_participation"
        ]
    );
}

#[test]
fn a_new_goal_starts_open_and_keeps_no_reason() {
    let g = goal("", "irrelevant", false).validate(None).unwrap();
    assert_eq!(g.status, GoalStatus::Open);
    assert_eq!(g.status_reason, None);
    assert_eq!(g.action_field, ActionField::Language);
}

#[test]
fn all_field_errors_are_collected() {
    let long = "x".repeat(MAX_TITLE + 1);
    let errs = GoalInput {
        action_field: "cooking",
        title: &long,
        description: &"y".repeat(MAX_TEXT + 1),
        status: "maybe",
        ..Default::default()
    }
    .validate(None)
    .unwrap_err();
    assert_eq!(
        codes(&errs),
        [
            ("action_field", "unknown_value"),
            ("title", "too_long"),
            ("description", "too_long"),
            ("status", "unknown_value")
        ]
    );
    assert_eq!(
        codes(&GoalInput::default().validate(None).unwrap_err()),
        [("action_field", "unknown_value"), ("title", "required")]
    );
}

#[test]
fn dropping_needs_a_reason() {
    let errs = step("dropped", "  ", false)
        .validate(Some(StepStatus::Open))
        .unwrap_err();
    assert_eq!(codes(&errs), [("status_reason", "required")]);
    let s = step("dropped", "Kurs fällt aus", false)
        .validate(Some(StepStatus::Open))
        .unwrap();
    assert_eq!(s.status_reason.as_deref(), Some("Kurs fällt aus"));
    let errs = goal("dropped", "", false)
        .validate(Some(GoalStatus::Open))
        .unwrap_err();
    assert_eq!(codes(&errs), [("status_reason", "required")]);
}

#[test]
fn final_statuses_need_an_explicit_reopen() {
    for from in [StepStatus::Done, StepStatus::Dropped] {
        let errs = step("open", "", false).validate(Some(from)).unwrap_err();
        assert_eq!(codes(&errs), [("status", "status_final")], "{from}");
        assert_eq!(
            step("in_progress", "", true)
                .validate(Some(from))
                .unwrap()
                .status,
            StepStatus::InProgress
        );
    }
    // Editing the title of a done step keeps it done: no transition.
    assert_eq!(
        step("", "", false)
            .validate(Some(StepStatus::Done))
            .unwrap()
            .status,
        StepStatus::Done
    );
    assert!(
        goal("open", "", false)
            .validate(Some(GoalStatus::Achieved))
            .is_err()
    );
    assert!(
        goal("open", "", true)
            .validate(Some(GoalStatus::Achieved))
            .is_ok()
    );
    // Open ↔ in progress ↔ done need nothing.
    assert!(
        step("done", "", false)
            .validate(Some(StepStatus::InProgress))
            .is_ok()
    );
    assert!(
        step("open", "", false)
            .validate(Some(StepStatus::InProgress))
            .is_ok()
    );
}

#[test]
fn owners_and_dates() {
    let org = "0194b0a4-6a2c-7c1e-9d35-2b8f3b2a1c00";
    assert_eq!(
        StepOwner::from_parts("partner_organisation", org).unwrap(),
        StepOwner::PartnerOrganisation(org.to_owned())
    );
    assert_eq!(
        StepOwner::from_parts("partner_organisation", "")
            .unwrap_err()
            .field,
        "owner_org_id"
    );
    assert_eq!(
        StepOwner::from_parts("partner_organisation", "nope")
            .unwrap_err()
            .code,
        "invalid_id"
    );
    assert_eq!(
        StepOwner::from_parts("counsellor", org).unwrap().org_id(),
        None
    );
    assert_eq!(
        StepOwner::from_parts("boss", "").unwrap_err().code,
        "unknown_value"
    );

    assert_eq!(
        parse_date("due_on", "01.12.2026").unwrap(),
        parse_date("due_on", "2026-12-01").unwrap()
    );
    assert_eq!(
        parse_date("due_on", "31.02.2026").unwrap_err().code,
        "impossible_date"
    );
    assert_eq!(
        parse_date("due_on", "2026-12").unwrap_err().code,
        "malformed_date"
    );
    let errs = StepInput {
        due_on: "morgen",
        ..step("", "", false)
    }
    .validate(None)
    .unwrap_err();
    assert_eq!(errs[0].field, "due_on");
    assert_eq!(
        step("", "", false).validate(None).unwrap().status,
        StepStatus::Open
    );
}

#[test]
fn follow_ups() {
    let f = FollowUpInput {
        due_on: "2026-12-03",
        kind: "phone",
        note: " nach Kursstart fragen ",
        done: false,
    }
    .validate()
    .unwrap();
    assert_eq!(f.kind, FollowUpKind::Phone);
    assert_eq!(f.note.as_deref(), Some("nach Kursstart fragen"));
    let errs = FollowUpInput {
        kind: "letter",
        ..Default::default()
    }
    .validate()
    .unwrap_err();
    assert_eq!(errs.len(), 2);
    assert_eq!(DATA_CLASS, DataClass::Notes);
}
