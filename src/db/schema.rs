//! Tables, written by hand for both backends (`diesel print-schema` cannot produce a
//! multi-backend schema); checked against `migrations/postgres`.

diesel::table! {
    regions (code) {
        code -> Text,
        kato_prefix -> Text,
        name_kk -> Text,
        name_ru -> Text,
        name_en -> Text,
    }
}

diesel::table! {
    countries (code) {
        code -> Text,
        name_en -> Text,
        wto_member_since -> Nullable<Date>,
        eaeu_member -> Bool,
        labour_migration_treaty -> Bool,
    }
}

diesel::table! {
    sectors (code) {
        code -> Text,
        name_en -> Text,
        name_ru -> Text,
        name_kk -> Text,
    }
}

diesel::table! {
    rule_sets (version) {
        version -> BigInt,
        effective_from -> Date,
        source -> Text,
        body -> Text,
        created_at -> Timestamp,
        created_by -> Text,
    }
}

diesel::table! {
    audit_events (id) {
        id -> BigInt,
        occurred_at -> Timestamp,
        actor -> Text,
        role -> Text,
        region -> Nullable<Text>,
        bin -> Nullable<Text>,
        action -> Text,
        entity_type -> Text,
        entity_id -> Text,
        before_json -> Nullable<Text>,
        after_json -> Nullable<Text>,
        legal_basis -> Text,
        request_id -> Text,
    }
}

diesel::table! {
    idempotency_keys (caller, key) {
        caller -> Text,
        key -> Text,
        request_hash -> Text,
        status -> Integer,
        body -> Text,
        created_at -> Timestamp,
    }
}
