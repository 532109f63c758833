//! Diesel table definitions, written to match both migration trees. The schema-parity test
//! (`tests/schema_parity.rs`) checks that the two trees agree column by column.

mod portal;
pub use portal::*;

diesel::table! {
    tenants (id) {
        id -> Text,
        name -> Text,
        slug -> Text,
        created_at -> Timestamp,
        created_by -> Nullable<Text>,
        updated_at -> Timestamp,
        updated_by -> Nullable<Text>,
        version -> Integer,
    }
}

diesel::table! {
    municipalities (id) {
        id -> Text,
        tenant_id -> Text,
        name -> Text,
        kind -> Text,
        samtgemeinde -> Nullable<Text>,
        postcode -> Text,
        latitude -> Double,
        longitude -> Double,
        created_at -> Timestamp,
        created_by -> Nullable<Text>,
        updated_at -> Timestamp,
        updated_by -> Nullable<Text>,
        version -> Integer,
    }
}

diesel::table! {
    organisations (id) {
        id -> Text,
        tenant_id -> Text,
        name -> Text,
        kind -> Text,
        parent_id -> Nullable<Text>,
        municipality_id -> Nullable<Text>,
        email -> Nullable<Text>,
        phone -> Nullable<Text>,
        disabled -> Bool,
        created_at -> Timestamp,
        created_by -> Nullable<Text>,
        updated_at -> Timestamp,
        updated_by -> Nullable<Text>,
        version -> Integer,
    }
}

diesel::table! {
    users (id) {
        id -> Text,
        tenant_id -> Text,
        org_id -> Text,
        username -> Text,
        display_name -> Text,
        email -> Nullable<Text>,
        role -> Text,
        password_hash -> Text,
        locale -> Text,
        disabled -> Bool,
        password_changed_at -> Timestamp,
        last_login_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        created_by -> Nullable<Text>,
        updated_at -> Timestamp,
        updated_by -> Nullable<Text>,
        version -> Integer,
    }
}

diesel::table! {
    sessions (token_hash) {
        token_hash -> Text,
        tenant_id -> Text,
        user_id -> Text,
        created_at -> Timestamp,
        last_seen_at -> Timestamp,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    api_tokens (id) {
        id -> Text,
        tenant_id -> Text,
        user_id -> Text,
        name -> Text,
        token_hash -> Text,
        expires_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
        revoked_by -> Nullable<Text>,
        last_used_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        created_by -> Nullable<Text>,
        updated_at -> Timestamp,
        updated_by -> Nullable<Text>,
        version -> Integer,
    }
}

diesel::table! {
    login_failures (id) {
        id -> Text,
        username -> Text,
        failed_at -> Timestamp,
    }
}

diesel::table! {
    audit_heads (tenant_id) {
        tenant_id -> Text,
        seq -> BigInt,
        hash -> Text,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    audit_log (tenant_id, seq) {
        tenant_id -> Text,
        seq -> BigInt,
        at -> Timestamp,
        actor_user_id -> Nullable<Text>,
        action -> Text,
        entity_type -> Text,
        entity_id -> Nullable<Text>,
        person_id -> Nullable<Text>,
        data_classes -> Text,
        purpose -> Nullable<Text>,
        outcome -> Text,
        request_id -> Nullable<Text>,
        detail -> Text,
        prev_hash -> Text,
        hash -> Text,
    }
}

diesel::table! {
    jobs (id) {
        id -> Text,
        tenant_id -> Text,
        kind -> Text,
        payload -> Text,
        status -> Text,
        attempts -> Integer,
        max_attempts -> Integer,
        run_at -> Timestamp,
        locked_by -> Nullable<Text>,
        locked_at -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        finished_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        created_by -> Nullable<Text>,
        updated_at -> Timestamp,
        updated_by -> Nullable<Text>,
        version -> Integer,
    }
}

diesel::joinable!(users -> organisations (org_id));
diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(api_tokens -> users (user_id));

diesel::table! {
    persons (id) {
        id -> Text,
        tenant_id -> Text,
        case_number -> Text,
        family_name -> Text,
        given_names -> Text,
        birth_name -> Nullable<Text>,
        sex -> Text,
        birth_date -> Nullable<Text>,
        birth_place -> Nullable<Text>,
        birth_country -> Nullable<Text>,
        nationalities -> Text,
        phone -> Nullable<Text>,
        email -> Nullable<Text>,
        street -> Nullable<Text>,
        postcode -> Nullable<Text>,
        municipality_id -> Nullable<Text>,
        arrived_germany_on -> Nullable<Text>,
        arrived_county_on -> Nullable<Text>,
        residence_status -> Nullable<Text>,
        residence_paragraph -> Nullable<Text>,
        residence_duldung_kind -> Nullable<Text>,
        residence_first_issued_on -> Nullable<Text>,
        residence_valid_until -> Nullable<Text>,
        work_annotation -> Nullable<Text>,
        benefits_law -> Nullable<Text>,
        responsible_org_id -> Nullable<Text>,
        german_level -> Nullable<Text>,
        literate_latin -> Nullable<Bool>,
        languages -> Text,
        counsellor_id -> Nullable<Text>,
        case_status -> Text,
        case_status_reason -> Nullable<Text>,
        created_at -> Timestamp,
        created_by -> Nullable<Text>,
        updated_at -> Timestamp,
        updated_by -> Nullable<Text>,
        version -> Integer,
        closed_on -> Nullable<Text>,
        anonymised_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    person_names (id) {
        id -> Text,
        tenant_id -> Text,
        person_id -> Text,
        family_name -> Text,
        given_names -> Text,
        kind -> Text,
        created_at -> Timestamp,
        created_by -> Nullable<Text>,
        updated_at -> Timestamp,
        updated_by -> Nullable<Text>,
        version -> Integer,
    }
}

diesel::table! {
    person_search_keys (person_id, search_key) {
        tenant_id -> Text,
        person_id -> Text,
        search_key -> Text,
    }
}

diesel::table! {
    person_changes (id) {
        id -> Text,
        tenant_id -> Text,
        person_id -> Text,
        changed_at -> Timestamp,
        changed_by -> Nullable<Text>,
        field -> Text,
        data_class -> Text,
        old_value -> Nullable<Text>,
        new_value -> Nullable<Text>,
    }
}

diesel::table! {
    case_number_counters (tenant_id, year) {
        tenant_id -> Text,
        year -> Integer,
        last_value -> Integer,
    }
}

diesel::joinable!(person_names -> persons (person_id));
diesel::joinable!(person_search_keys -> persons (person_id));
diesel::joinable!(person_changes -> persons (person_id));

diesel::table! {
    courses (id) {
        id -> Text,
        tenant_id -> Text,
        provider_org_id -> Text,
        course_type -> Text,
        title -> Nullable<Text>,
        bamf_number -> Nullable<Text>,
        start_module -> Nullable<Integer>,
        hours -> Integer,
        street -> Nullable<Text>,
        postcode -> Nullable<Text>,
        municipality_id -> Text,
        latitude -> Double,
        longitude -> Double,
        coordinates_given -> Bool,
        days -> Text,
        time_slot -> Text,
        starts_at -> Nullable<Text>,
        ends_at -> Nullable<Text>,
        starts_on -> Text,
        ends_on -> Text,
        capacity -> Integer,
        seats_taken_outside -> Integer,
        seats_allocated -> Integer,
        childcare -> Bool,
        step_free -> Bool,
        status -> Text,
        created_at -> Timestamp,
        created_by -> Nullable<Text>,
        updated_at -> Timestamp,
        updated_by -> Nullable<Text>,
        version -> Integer,
    }
}

diesel::table! {
    course_needs (id) {
        id -> Text,
        tenant_id -> Text,
        person_id -> Text,
        course_type -> Text,
        start_module -> Nullable<Integer>,
        level -> Nullable<Text>,
        earliest_start -> Text,
        latest_start -> Text,
        max_travel_km -> Integer,
        time_slots -> Text,
        needs_childcare -> Bool,
        obliged_by -> Nullable<Text>,
        obliged_on -> Nullable<Text>,
        job_centre_referral -> Bool,
        waiting_since -> Text,
        note -> Nullable<Text>,
        status -> Text,
        status_reason -> Nullable<Text>,
        course_id -> Nullable<Text>,
        created_at -> Timestamp,
        created_by -> Nullable<Text>,
        updated_at -> Timestamp,
        updated_by -> Nullable<Text>,
        version -> Integer,
    }
}

diesel::table! {
    allocation_runs (id) {
        id -> Text,
        tenant_id -> Text,
        window_from -> Text,
        window_to -> Text,
        status -> Text,
        pinned -> Text,
        excluded -> Text,
        proposal -> Text,
        placed -> Integer,
        waiting -> Integer,
        duration_ms -> Integer,
        confirmed_at -> Nullable<Timestamp>,
        confirmed_by -> Nullable<Text>,
        created_at -> Timestamp,
        created_by -> Nullable<Text>,
        updated_at -> Timestamp,
        updated_by -> Nullable<Text>,
        version -> Integer,
    }
}

diesel::table! {
    placements (id) {
        id -> Text,
        tenant_id -> Text,
        run_id -> Text,
        need_id -> Text,
        person_id -> Text,
        course_id -> Text,
        status -> Text,
        status_on -> Nullable<Text>,
        status_reason -> Nullable<Text>,
        created_at -> Timestamp,
        created_by -> Nullable<Text>,
        updated_at -> Timestamp,
        updated_by -> Nullable<Text>,
        version -> Integer,
    }
}

diesel::joinable!(course_needs -> persons (person_id));
diesel::joinable!(persons -> municipalities (municipality_id));
diesel::joinable!(placements -> persons (person_id));
diesel::joinable!(placements -> courses (course_id));
diesel::joinable!(placements -> course_needs (need_id));
diesel::joinable!(courses -> organisations (provider_org_id));
diesel::joinable!(courses -> municipalities (municipality_id));

diesel::allow_tables_to_appear_in_same_query!(
    tenants,
    municipalities,
    organisations,
    users,
    sessions,
    api_tokens,
    login_failures,
    audit_heads,
    audit_log,
    jobs,
    persons,
    person_names,
    person_search_keys,
    person_changes,
    case_number_counters,
    assessments,
    assessment_sections,
    plan_goals,
    plan_steps,
    follow_ups,
    consents,
    courses,
    course_needs,
    allocation_runs,
    placements,
    attendance,
    course_results,
    notifications,
    attendance_alerts,
    tenant_settings,
    offers,
    referrals,
    break_glass_grants,
    retention_rules,
    portal_regions,
    portal_languages,
    portal_region_languages,
    portal_pages,
    portal_texts,
    portal_text_revisions,
    portal_place_categories,
    portal_places,
    portal_events,
    portal_feedback,
    portal_editor_regions,
    portal_organisations,
);

diesel::table! {
    assessments (id) {
        id -> Text,
        tenant_id -> Text,
        person_id -> Text,
        number -> Integer,
        status -> Text,
        completed_at -> Nullable<Timestamp>,
        completed_by -> Nullable<Text>,
        created_at -> Timestamp,
        created_by -> Nullable<Text>,
        updated_at -> Timestamp,
        updated_by -> Nullable<Text>,
        version -> Integer,
    }
}

diesel::table! {
    assessment_sections (id) {
        id -> Text,
        tenant_id -> Text,
        assessment_id -> Text,
        section -> Text,
        data_class -> Text,
        content -> Text,
        created_at -> Timestamp,
        created_by -> Nullable<Text>,
        updated_at -> Timestamp,
        updated_by -> Nullable<Text>,
        version -> Integer,
    }
}

diesel::joinable!(assessments -> persons (person_id));
diesel::joinable!(assessment_sections -> assessments (assessment_id));

diesel::table! {
    consents (id) {
        id -> Text,
        tenant_id -> Text,
        person_id -> Text,
        recipient_org_id -> Text,
        scope -> Text,
        purpose -> Text,
        given_on -> Text,
        expires_on -> Nullable<Text>,
        withdrawn_on -> Nullable<Text>,
        withdrawn_by -> Nullable<Text>,
        document_ref -> Nullable<Text>,
        created_at -> Timestamp,
        created_by -> Nullable<Text>,
        updated_at -> Timestamp,
        updated_by -> Nullable<Text>,
        version -> Integer,
    }
}

diesel::joinable!(consents -> persons (person_id));

diesel::table! {
    plan_goals (id) {
        id -> Text,
        tenant_id -> Text,
        person_id -> Text,
        action_field -> Text,
        title -> Text,
        description -> Nullable<Text>,
        status -> Text,
        status_reason -> Nullable<Text>,
        created_at -> Timestamp,
        created_by -> Nullable<Text>,
        updated_at -> Timestamp,
        updated_by -> Nullable<Text>,
        version -> Integer,
    }
}

diesel::table! {
    plan_steps (id) {
        id -> Text,
        tenant_id -> Text,
        person_id -> Text,
        goal_id -> Text,
        title -> Text,
        owner_kind -> Text,
        owner_org_id -> Nullable<Text>,
        due_on -> Nullable<Text>,
        status -> Text,
        status_reason -> Nullable<Text>,
        done_on -> Nullable<Text>,
        created_at -> Timestamp,
        created_by -> Nullable<Text>,
        updated_at -> Timestamp,
        updated_by -> Nullable<Text>,
        version -> Integer,
    }
}

diesel::table! {
    follow_ups (id) {
        id -> Text,
        tenant_id -> Text,
        person_id -> Text,
        counsellor_id -> Nullable<Text>,
        due_on -> Text,
        kind -> Text,
        note -> Nullable<Text>,
        done_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        created_by -> Nullable<Text>,
        updated_at -> Timestamp,
        updated_by -> Nullable<Text>,
        version -> Integer,
    }
}

diesel::joinable!(plan_goals -> persons (person_id));
diesel::joinable!(plan_steps -> persons (person_id));
diesel::joinable!(plan_steps -> plan_goals (goal_id));
diesel::joinable!(follow_ups -> persons (person_id));

diesel::table! {
    attendance (id) {
        id -> Text,
        tenant_id -> Text,
        placement_id -> Text,
        course_id -> Text,
        person_id -> Text,
        day -> Text,
        status -> Text,
        late_minutes -> Nullable<Integer>,
        left_early_minutes -> Nullable<Integer>,
        note -> Nullable<Text>,
        created_at -> Timestamp,
        created_by -> Nullable<Text>,
        updated_at -> Timestamp,
        updated_by -> Nullable<Text>,
        version -> Integer,
    }
}

diesel::table! {
    course_results (id) {
        id -> Text,
        tenant_id -> Text,
        placement_id -> Text,
        course_id -> Text,
        person_id -> Text,
        kind -> Text,
        value -> Nullable<Text>,
        on_date -> Text,
        reason -> Nullable<Text>,
        note -> Nullable<Text>,
        created_at -> Timestamp,
        created_by -> Nullable<Text>,
        updated_at -> Timestamp,
        updated_by -> Nullable<Text>,
        version -> Integer,
    }
}

diesel::table! {
    notifications (id) {
        id -> Text,
        tenant_id -> Text,
        user_id -> Text,
        person_id -> Nullable<Text>,
        kind -> Text,
        title -> Text,
        body -> Text,
        link -> Text,
        created_at -> Timestamp,
        created_by -> Nullable<Text>,
        read_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    attendance_alerts (id) {
        id -> Text,
        tenant_id -> Text,
        placement_id -> Text,
        person_id -> Text,
        threshold -> Text,
        window_from -> Text,
        window_to -> Text,
        detail -> Text,
        created_at -> Timestamp,
        created_by -> Nullable<Text>,
    }
}

diesel::table! {
    tenant_settings (id) {
        id -> Text,
        tenant_id -> Text,
        unexcused_limit -> Integer,
        unexcused_window_days -> Integer,
        min_rate_percent -> Integer,
        rate_window_days -> Integer,
        created_at -> Timestamp,
        created_by -> Nullable<Text>,
        updated_at -> Timestamp,
        updated_by -> Nullable<Text>,
        version -> Integer,
        referral_reminder_days -> Integer,
        break_glass_hours -> Integer,
    }
}

diesel::joinable!(attendance -> placements (placement_id));
diesel::joinable!(course_results -> placements (placement_id));
diesel::joinable!(notifications -> users (user_id));

diesel::table! {
    offers (id) {
        id -> Text,
        tenant_id -> Text,
        org_id -> Text,
        kind -> Text,
        title -> Text,
        description -> Nullable<Text>,
        target_groups -> Text,
        languages -> Text,
        municipality_ids -> Text,
        street -> Nullable<Text>,
        postcode -> Nullable<Text>,
        town -> Nullable<Text>,
        latitude -> Nullable<Double>,
        longitude -> Nullable<Double>,
        opening_hours -> Text,
        contact_name -> Nullable<Text>,
        phone -> Nullable<Text>,
        email -> Nullable<Text>,
        website -> Nullable<Text>,
        capacity_note -> Nullable<Text>,
        active -> Bool,
        created_at -> Timestamp,
        created_by -> Nullable<Text>,
        updated_at -> Timestamp,
        updated_by -> Nullable<Text>,
        version -> Integer,
    }
}

diesel::table! {
    referrals (id) {
        id -> Text,
        tenant_id -> Text,
        person_id -> Text,
        from_org_id -> Text,
        to_org_id -> Text,
        offer_id -> Nullable<Text>,
        plan_step_id -> Nullable<Text>,
        scope -> Text,
        purpose -> Text,
        message -> Nullable<Text>,
        consent_id -> Nullable<Text>,
        legal_basis -> Nullable<Text>,
        state -> Text,
        respond_by -> Nullable<Text>,
        sent_at -> Nullable<Timestamp>,
        answered_at -> Nullable<Timestamp>,
        ended_at -> Nullable<Timestamp>,
        decline_reason -> Nullable<Text>,
        outcome -> Nullable<Text>,
        withdraw_reason -> Nullable<Text>,
        reminded_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        created_by -> Nullable<Text>,
        updated_at -> Timestamp,
        updated_by -> Nullable<Text>,
        version -> Integer,
    }
}

diesel::table! {
    break_glass_grants (id) {
        id -> Text,
        tenant_id -> Text,
        person_id -> Text,
        user_id -> Text,
        reason -> Text,
        granted_at -> Timestamp,
        expires_at -> Timestamp,
        reviewed_at -> Nullable<Timestamp>,
        reviewed_by -> Nullable<Text>,
        review_note -> Nullable<Text>,
    }
}

diesel::table! {
    retention_rules (id) {
        id -> Text,
        tenant_id -> Text,
        record_type -> Text,
        months -> Integer,
        created_at -> Timestamp,
        created_by -> Nullable<Text>,
        updated_at -> Timestamp,
        updated_by -> Nullable<Text>,
        version -> Integer,
    }
}

diesel::joinable!(referrals -> persons (person_id));
diesel::joinable!(break_glass_grants -> persons (person_id));
diesel::joinable!(offers -> organisations (org_id));
