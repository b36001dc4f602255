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
        name_kk -> Text,
        name_ru -> Text,
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
        /// The event's place in the audit chain (1, 2, …); null until its transaction seals it.
        seq -> Nullable<BigInt>,
        /// Hex SHA-256 of the previous event's hash and this event's content.
        hash -> Nullable<Text>,
    }
}

diesel::table! {
    /// The audit chain's last link (one row, id 1).
    audit_chain_head (id) {
        id -> Integer,
        seq -> BigInt,
        hash -> Text,
        event_id -> Nullable<BigInt>,
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
        headers -> Text,
    }
}

diesel::table! {
    national_quotas (year) {
        year -> Integer,
        version -> BigInt,
        labour_force -> BigInt,
        labour_force_source -> Text,
        permit_percent -> Text,
        permit_total -> BigInt,
        immigrant_percent -> Text,
        immigrant_total -> BigInt,
        order_number -> Text,
        order_date -> Date,
        updated_at -> Timestamp,
        updated_by -> Text,
    }
}

diesel::table! {
    national_quota_versions (year, version) {
        year -> Integer,
        version -> BigInt,
        body -> Text,
        created_at -> Timestamp,
        created_by -> Text,
    }
}

diesel::table! {
    national_category_quotas (year, category) {
        year -> Integer,
        category -> Text,
        total -> BigInt,
        distributed -> BigInt,
    }
}

diesel::table! {
    country_quotas (year, country) {
        year -> Integer,
        country -> Text,
        total -> BigInt,
        held -> BigInt,
        used -> BigInt,
    }
}

diesel::table! {
    regional_quotas (year, region, category) {
        year -> Integer,
        region -> Text,
        category -> Text,
        allocated -> BigInt,
        held -> BigInt,
        used -> BigInt,
    }
}

diesel::table! {
    quota_holds (id) {
        id -> BigInt,
        year -> Integer,
        region -> Text,
        category -> Text,
        country -> Nullable<Text>,
        units -> BigInt,
        case_ref -> Text,
        state -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    quota_transfers (id) {
        id -> BigInt,
        year -> Integer,
        category -> Text,
        from_region -> Nullable<Text>,
        to_region -> Nullable<Text>,
        units -> BigInt,
        reason -> Text,
        created_at -> Timestamp,
        created_by -> Text,
    }
}

diesel::table! {
    quota_ledger (id) {
        id -> BigInt,
        year -> Integer,
        region -> Text,
        category -> Text,
        movement -> Text,
        allocated_delta -> BigInt,
        held_delta -> BigInt,
        used_delta -> BigInt,
        hold_id -> Nullable<BigInt>,
        transfer_id -> Nullable<BigInt>,
        note -> Text,
        occurred_at -> Timestamp,
        actor -> Text,
        request_id -> Text,
    }
}

diesel::table! {
    quota_demands (id) {
        id -> BigInt,
        year -> Integer,
        region -> Text,
        bin -> Text,
        category -> Text,
        profession -> Text,
        number -> BigInt,
        justification -> Text,
        status -> Text,
        accepted_number -> Nullable<BigInt>,
        review_reason -> Nullable<Text>,
        reviewed_by -> Nullable<Text>,
        reviewed_at -> Nullable<Timestamp>,
        filed_at -> Timestamp,
        filed_by -> Text,
        version -> BigInt,
    }
}

diesel::table! {
    quota_year_faults (year) {
        year -> Integer,
        detail -> Text,
        found_at -> Timestamp,
    }
}

diesel::table! {
    self_employment_certificates (id) {
        id -> BigInt,
        region -> Text,
        channel -> Text,
        mission_country -> Nullable<Text>,
        full_name -> Text,
        passport_number -> Text,
        citizenship -> Text,
        iin -> Nullable<Text>,
        occupation_code -> Text,
        profession -> Text,
        higher_education -> Bool,
        experience_years -> Integer,
        applied_on -> Date,
        rule_set_version -> BigInt,
        status -> Text,
        version -> BigInt,
    }
}

diesel::table! {
    self_employment_decisions (certificate_id) {
        certificate_id -> BigInt,
        issued_on -> Nullable<Date>,
        valid_until -> Nullable<Date>,
        refusal_reason -> Nullable<Text>,
        refusal_grounds -> Nullable<Text>,
        decided_at -> Timestamp,
        decided_by -> Text,
        contract_bin -> Nullable<Text>,
        contract_start -> Nullable<Date>,
        contract_end -> Nullable<Date>,
        extended_on -> Nullable<Date>,
    }
}

diesel::table! {
    self_employment_reports (id) {
        id -> BigInt,
        certificate_id -> BigInt,
        bin -> Text,
        kind -> Text,
        on_date -> Date,
        past_validity -> Bool,
        reported_at -> Timestamp,
        reported_by -> Text,
    }
}

diesel::table! {
    employer_profiles (bin, effective_from) {
        bin -> Text,
        effective_from -> Date,
        name -> Text,
        legal_form -> Text,
        foreign_division -> Bool,
        sector -> Text,
        region -> Text,
        workforce -> Text,
        version -> BigInt,
        updated_at -> Timestamp,
        updated_by -> Text,
        employer_type -> Nullable<Text>,
        small_business -> Bool,
    }
}

diesel::table! {
    permits (id) {
        id -> BigInt,
        kind -> Text,
        parent_id -> Nullable<BigInt>,
        bin -> Text,
        category -> Text,
        start_date -> Date,
        end_date -> Date,
        quota_year -> Integer,
        status -> Text,
        decision_due -> Date,
        ended_on -> Nullable<Date>,
        end_ground -> Nullable<Text>,
        filed_on -> Date,
        filed_at -> Timestamp,
        filed_by -> Text,
        version -> BigInt,
    }
}

diesel::table! {
    permit_details (permit_id) {
        permit_id -> BigInt,
        profession -> Text,
        term_unit -> Text,
        term_length -> Integer,
        vacancy_code -> Nullable<Text>,
        vacancy_published_on -> Nullable<Date>,
        replacement_months -> Nullable<Integer>,
        checks -> Text,
        end_note -> Nullable<Text>,
        suspension_reason -> Nullable<Text>,
        number -> Nullable<Text>,
        issued_on -> Nullable<Date>,
        sector -> Text,
    }
}

diesel::table! {
    permit_regions (permit_id, region) {
        permit_id -> BigInt,
        region -> Text,
        decision -> Text,
        grounds -> Nullable<Text>,
        decided_at -> Nullable<Timestamp>,
        decided_by -> Nullable<Text>,
        hold_id -> Nullable<BigInt>,
        fee_rate_mrp -> Nullable<Integer>,
        payment_due -> Nullable<Date>,
        paid_tiyn -> Nullable<BigInt>,
        mrp_tiyn -> Nullable<BigInt>,
        paid_on -> Nullable<Date>,
        payment_reference -> Nullable<Text>,
        decided_on -> Nullable<Date>,
    }
}

diesel::table! {
    permit_reissues (replaced_id) {
        replaced_id -> BigInt,
        newcomer_id -> BigInt,
        permit_id -> BigInt,
        reissued_on -> Date,
        created_at -> Timestamp,
        created_by -> Text,
    }
}

diesel::table! {
    permit_workers (id) {
        id -> BigInt,
        permit_id -> BigInt,
        full_name_latin -> Text,
        full_name_cyrillic -> Nullable<Text>,
        citizenship -> Text,
        passport_number -> Text,
        passport_expiry -> Date,
        birth_date -> Date,
        education -> Text,
        profession -> Text,
        occupation_code -> Text,
        experience_years -> Integer,
        qualification_ref -> Nullable<Text>,
        needs_permit -> Bool,
        departed_on -> Nullable<Date>,
        departure_evidence -> Nullable<Text>,
    }
}

diesel::table! {
    permit_trips (id) {
        id -> BigInt,
        permit_id -> BigInt,
        worker_id -> BigInt,
        bin -> Text,
        passport_number -> Text,
        host_region -> Text,
        host_organisation -> Text,
        from_date -> Date,
        to_date -> Date,
        created_at -> Timestamp,
        created_by -> Text,
    }
}

diesel::table! {
    permit_replacements (permit_id) {
        permit_id -> BigInt,
        bin -> Text,
        reported_on -> Date,
        citizens -> Text,
        hired -> Integer,
        created_at -> Timestamp,
        created_by -> Text,
    }
}

diesel::allow_tables_to_appear_in_same_query!(
    national_quotas,
    national_category_quotas,
    country_quotas,
    regional_quotas,
    quota_holds,
    quota_ledger,
);

diesel::table! {
    ict_permits (id) {
        id -> BigInt,
        region -> Text,
        bin -> Text,
        employer_form -> Text,
        sender_name -> Text,
        sender_country -> Text,
        special_condition -> Text,
        kazakh_managers -> Integer,
        kazakh_specialists -> Integer,
        contract_start -> Date,
        contract_end -> Date,
        applied_on -> Date,
        rule_set_version -> BigInt,
        status -> Text,
        version -> BigInt,
    }
}

diesel::table! {
    ict_decisions (permit_id) {
        permit_id -> BigInt,
        issued_on -> Nullable<Date>,
        valid_until -> Nullable<Date>,
        refusal_reason -> Nullable<Text>,
        refusal_grounds -> Nullable<Text>,
        decided_at -> Timestamp,
        decided_by -> Text,
        extensions -> Integer,
        extended_on -> Nullable<Date>,
        measure_reason -> Nullable<Text>,
        measure_ground -> Nullable<Text>,
        measure_on -> Nullable<Date>,
        extension_requested_on -> Nullable<Date>,
        extension_requested_months -> Nullable<Integer>,
    }
}

diesel::table! {
    ict_arrivals (id) {
        id -> BigInt,
        permit_id -> BigInt,
        entry_date -> Date,
        notified_on -> Date,
        deadline -> Date,
        late -> Bool,
        sending_country -> Text,
        sending_organisation -> Text,
        workers -> Text,
        term_from -> Date,
        term_to -> Date,
        notified_at -> Timestamp,
        notified_by -> Text,
    }
}

diesel::table! {
    ict_workers (id) {
        id -> BigInt,
        permit_id -> BigInt,
        full_name -> Text,
        passport_number -> Text,
        citizenship -> Text,
        position -> Text,
        higher_education -> Bool,
        prior_employment_months -> Integer,
        arrival_id -> Nullable<BigInt>,
        departed_on -> Nullable<Date>,
        departure_evidence -> Nullable<Text>,
        departure_recorded_by -> Nullable<Text>,
    }
}

diesel::table! {
    permit_worker_routes (worker_id) {
        worker_id -> BigInt,
        permanent_resident -> Bool,
        first_head -> Bool,
        no_permit_list_category -> Nullable<Text>,
    }
}

diesel::joinable!(permit_regions -> permits (permit_id));

diesel::joinable!(permit_workers -> permits (permit_id));
diesel::joinable!(permit_reissues -> permits (permit_id));

diesel::joinable!(permit_details -> permits (permit_id));
diesel::joinable!(permit_replacements -> permits (permit_id));
diesel::joinable!(permit_worker_routes -> permit_workers (worker_id));

diesel::allow_tables_to_appear_in_same_query!(
    permits,
    permit_details,
    permit_regions,
    permit_workers,
    permit_trips,
    permit_replacements,
    permit_reissues,
    permit_worker_routes,
);
// The console's search finds permits by their employer's name.
diesel::allow_tables_to_appear_in_same_query!(employer_profiles, permits);

diesel::table! {
    permit_stats (id) {
        id -> BigInt,
        year -> Integer,
        month -> Text,
        region -> Text,
        category -> Text,
        sector -> Text,
        country -> Text,
        measure -> Text,
        ground -> Text,
        days -> Nullable<BigInt>,
        permits -> BigInt,
        workers -> BigInt,
        amount -> BigInt,
    }
}

diesel::table! {
    statistical_reports (id) {
        id -> BigInt,
        bin -> Text,
        region -> Text,
        year -> Integer,
        quarter -> Integer,
        body -> Text,
        foreign_employed -> BigInt,
        kazakh_staff -> BigInt,
        filed_at -> Timestamp,
        filed_by -> Text,
    }
}

diesel::table! {
    complaints (id) {
        id -> BigInt,
        permit_id -> Nullable<BigInt>,
        bin -> Nullable<Text>,
        region -> Text,
        act_kind -> Text,
        act_on -> Date,
        relief -> Text,
        grounds -> Text,
        detail -> Text,
        filed_on -> Date,
        late -> Bool,
        state -> Text,
        decider -> Text,
        due -> Date,
        decided_on -> Nullable<Date>,
        version -> BigInt,
    }
}

diesel::table! {
    /// Permits a satisfied complaint put back before their akimat: first in its queue.
    reopened_permits (permit_id) {
        permit_id -> BigInt,
        complaint_id -> BigInt,
        reopened_on -> Date,
    }
}

diesel::table! {
    /// Complaints whose annulled revocation waits for quota: first in the complaint queue.
    quota_waits (complaint_id) {
        complaint_id -> BigInt,
        since -> Date,
    }
}

diesel::table! {
    /// The certificate or ICT permit a complaint without a permit concerns.
    complaint_cases (complaint_id) {
        complaint_id -> BigInt,
        certificate_id -> Nullable<BigInt>,
        ict_permit_id -> Nullable<BigInt>,
    }
}

diesel::joinable!(complaints -> permits (permit_id));
diesel::allow_tables_to_appear_in_same_query!(complaint_cases, complaints);
diesel::allow_tables_to_appear_in_same_query!(complaints, permits);
diesel::allow_tables_to_appear_in_same_query!(reopened_permits, permits);
diesel::allow_tables_to_appear_in_same_query!(quota_waits, complaints);
// The permit case's one read names its last annulling complaint (db::permits::case_of).
diesel::allow_tables_to_appear_in_same_query!(complaints, permit_details);
diesel::allow_tables_to_appear_in_same_query!(complaints, permit_regions);
diesel::allow_tables_to_appear_in_same_query!(complaints, permit_workers);
diesel::allow_tables_to_appear_in_same_query!(complaints, permit_worker_routes);
// ... and each worker's country of citizenship from the reference data.
diesel::allow_tables_to_appear_in_same_query!(countries, permits);
diesel::allow_tables_to_appear_in_same_query!(countries, permit_details);
diesel::allow_tables_to_appear_in_same_query!(countries, permit_regions);
diesel::allow_tables_to_appear_in_same_query!(countries, permit_workers);
diesel::allow_tables_to_appear_in_same_query!(countries, permit_worker_routes);
diesel::allow_tables_to_appear_in_same_query!(countries, complaints);

diesel::table! {
    officials (sub) {
        sub -> Text,
        name -> Text,
        signed_in_at -> Timestamp,
    }
}

// The console's certificate list orders by the decision's last day (db::certificates::page).
diesel::joinable!(self_employment_decisions -> self_employment_certificates (certificate_id));
diesel::allow_tables_to_appear_in_same_query!(
    self_employment_certificates,
    self_employment_decisions
);

diesel::table! {
    console_sessions (id_hash) {
        id_hash -> Text,
        state -> Text,
        created_at -> Timestamp,
        last_seen -> Timestamp,
        ends_at -> Nullable<Timestamp>,
    }
}
