//! The public portal's tables (issue 6; migrations 9 and 10), kept apart from the case data's.

diesel::table! {
    portal_regions (id) {
        id -> Text,
        tenant_id -> Text,
        external_id -> BigInt,
        slug -> Text,
        name -> Text,
        prefix -> Text,
        name_without_prefix -> Text,
        parent_region_id -> Nullable<Text>,
        postcode -> Nullable<Text>,
        latitude -> Nullable<Double>,
        longitude -> Nullable<Double>,
        status -> Text,
        events_enabled -> Bool,
        places_enabled -> Bool,
        passthrough -> Text,
        created_at -> Timestamp,
        created_by -> Nullable<Text>,
        updated_at -> Timestamp,
        updated_by -> Nullable<Text>,
        version -> Integer,
    }
}

diesel::table! {
    portal_languages (id) {
        id -> Text,
        tenant_id -> Text,
        external_id -> BigInt,
        code -> Text,
        bcp47_tag -> Text,
        native_name -> Text,
        dir -> Text,
    }
}

diesel::table! {
    portal_region_languages (id) {
        id -> Text,
        tenant_id -> Text,
        region_id -> Text,
        language_id -> Text,
        source_language_id -> Nullable<Text>,
        position -> Integer,
        visible -> Bool,
    }
}

diesel::table! {
    portal_pages (id) {
        id -> Text,
        tenant_id -> Text,
        region_id -> Text,
        external_id -> BigInt,
        parent_id -> Nullable<Text>,
        position -> Integer,
        archived -> Bool,
        passthrough -> Text,
        created_at -> Timestamp,
        created_by -> Nullable<Text>,
        updated_at -> Timestamp,
        updated_by -> Nullable<Text>,
        version -> Integer,
        organisation_id -> Nullable<Text>,
    }
}

diesel::table! {
    portal_texts (id) {
        id -> Text,
        tenant_id -> Text,
        kind -> Text,
        owner_id -> Text,
        language_id -> Text,
        external_id -> BigInt,
        slug -> Text,
        title -> Text,
        excerpt -> Text,
        content -> Text,
        meta_description -> Nullable<Text>,
        status -> Text,
        translation_status -> Text,
        last_updated -> Timestamp,
        passthrough -> Text,
        created_at -> Timestamp,
        created_by -> Nullable<Text>,
        updated_at -> Timestamp,
        updated_by -> Nullable<Text>,
        version -> Integer,
    }
}

diesel::table! {
    portal_text_revisions (id) {
        id -> Text,
        tenant_id -> Text,
        text_id -> Text,
        revision -> Integer,
        title -> Text,
        excerpt -> Text,
        content -> Text,
        status -> Text,
        minor_edit -> Bool,
        created_at -> Timestamp,
        created_by -> Nullable<Text>,
    }
}

diesel::table! {
    portal_place_categories (id) {
        id -> Text,
        tenant_id -> Text,
        external_id -> BigInt,
        names -> Text,
        color -> Text,
        icon -> Text,
    }
}

diesel::table! {
    portal_places (id) {
        id -> Text,
        tenant_id -> Text,
        region_id -> Text,
        external_id -> BigInt,
        category_id -> Nullable<Text>,
        address -> Nullable<Text>,
        town -> Nullable<Text>,
        postcode -> Nullable<Text>,
        state -> Nullable<Text>,
        country -> Nullable<Text>,
        latitude -> Nullable<Double>,
        longitude -> Nullable<Double>,
        opening_hours -> Nullable<Text>,
        temporarily_closed -> Bool,
        barrier_free -> Nullable<Bool>,
        appointment_url -> Nullable<Text>,
        contacts -> Text,
        passthrough -> Text,
        created_at -> Timestamp,
        created_by -> Nullable<Text>,
        updated_at -> Timestamp,
        updated_by -> Nullable<Text>,
        version -> Integer,
    }
}

diesel::table! {
    portal_events (id) {
        id -> Text,
        tenant_id -> Text,
        region_id -> Text,
        external_id -> BigInt,
        place_id -> Nullable<Text>,
        starts_at -> Text,
        ends_at -> Text,
        all_day -> Bool,
        only_weekdays -> Bool,
        rrule -> Nullable<Text>,
        meeting_url -> Nullable<Text>,
        passthrough -> Text,
        created_at -> Timestamp,
        created_by -> Nullable<Text>,
        updated_at -> Timestamp,
        updated_by -> Nullable<Text>,
        version -> Integer,
    }
}

diesel::table! {
    portal_feedback (id) {
        id -> Text,
        tenant_id -> Text,
        region_id -> Text,
        language_code -> Text,
        target_kind -> Text,
        target_slug -> Nullable<Text>,
        rating -> Nullable<Text>,
        comment -> Nullable<Text>,
        query -> Nullable<Text>,
        client_key -> Text,
        created_at -> Timestamp,
        read_at -> Nullable<Timestamp>,
        read_by -> Nullable<Text>,
    }
}

diesel::table! {
    portal_editor_regions (id) {
        id -> Text,
        tenant_id -> Text,
        user_id -> Text,
        region_slug -> Text,
        created_at -> Timestamp,
        created_by -> Nullable<Text>,
    }
}

diesel::table! {
    portal_organisations (id) {
        id -> Text,
        tenant_id -> Text,
        region_id -> Text,
        external_id -> BigInt,
        slug -> Text,
        name -> Text,
        logo -> Nullable<Text>,
        website -> Nullable<Text>,
    }
}
