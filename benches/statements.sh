#!/usr/bin/env bash
# The statements one approval sends (issue 20), counted by PostgreSQL itself: a fresh
# database with log_statement=all, the service started on it, a quota, a profile and two
# one-worker applications filed through HTTP; then an approval, and every statement the
# server logged for that database while it ran (the second approval: the first makes the
# month's counter rows, which exist in the rush), the pool's check, BEGIN and COMMIT
# included. Printed by kind (SELECT/INSERT/UPDATE/… and table) and in total; with
# BASELINE_REV for that commit's binary too, side by side. tests/api/statements.rs bounds
# the same count in the test suite (diesel's instrumentation on the pool's connections).
#
# Usage: benches/statements.sh
# Environment: PG_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres, a superuser:
# it sets log_statement on the database), PG_LOG (the server's log file, default the
# Debian cluster's /var/log/postgresql/postgresql-<version>-main.log), PERMITS_BIN (the
# service binary, default target/debug/permits, built unless SKIP_BUILD=1), BASELINE_REV
# (a commit whose binary is built into target/baseline and counted as well; it runs with
# that commit's config/), BASELINE_BIN (an earlier binary already built, instead of
# building BASELINE_REV, which then names its commit), KEEP_WORK=1.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
PG_ADMIN_URL=${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}
PORT=${PORT:-18180}
WORK=$(mktemp -d /tmp/permits-statements.XXXXXX)
PIDS=()
DBS=()

log() { printf '%s\n' "$*" >&2; }
cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
    for d in "${DBS[@]}"; do psql -q "$PG_ADMIN_URL" -c "DROP DATABASE IF EXISTS $d" >/dev/null 2>&1 || true; done
    if [ -n "${BASE_TREE:-}" ]; then git worktree remove --force "$BASE_TREE" >/dev/null 2>&1 || true; fi
    [ -n "${KEEP_WORK:-}" ] && log "kept $WORK" || rm -rf "$WORK"
}
trap cleanup EXIT

for c in psql curl jq; do command -v "$c" >/dev/null || { log "$c is needed"; exit 1; }; done
VERSION=$(psql -qtAX "$PG_ADMIN_URL" -c "SHOW server_version" | cut -d. -f1)
PG_LOG=${PG_LOG:-/var/log/postgresql/postgresql-$VERSION-main.log}
[ -r "$PG_LOG" ] || { log "cannot read the server's log $PG_LOG (set PG_LOG)"; exit 1; }

# --- the binaries ------------------------------------------------------------------------
BIN=${PERMITS_BIN:-$ROOT/target/debug/permits}
if [ -z "${SKIP_BUILD:-}" ] && [ -z "${PERMITS_BIN:-}" ]; then
    log "building the service (debug: the statements do not depend on the profile)"
    cargo build --bin permits -q
fi
BASE_BIN=${BASELINE_BIN:-}
if [ -z "$BASE_BIN" ] && [ -n "${BASELINE_REV:-}" ]; then
    BASE_TREE=$WORK/baseline-tree
    git worktree add --detach "$BASE_TREE" "$BASELINE_REV" >/dev/null 2>&1
    log "building $BASELINE_REV into target/baseline"
    (cd "$BASE_TREE" && cargo build --bin permits -q --target-dir "$ROOT/target/baseline")
    BASE_BIN=$ROOT/target/baseline/debug/permits
fi

# --- dates (Kazakhstan time, UTC+5) ------------------------------------------------------
TODAY=$(date -u -d '+5 hours' +%F)
START=$(date -u -d '+5 hours +10 days' +%F)
YEAR=${START:0:4}
PUBLISHED=$(date -u -d '+5 hours -30 days' +%F)
EMPLOYER=210340000013

call() { # call <method> <url> <token> [json]: prints the status, the body to $WORK/body
    local args=(-s -o "$WORK/body" -w '%{http_code}' -X "$1" "$2" -H "Authorization: Bearer $3")
    [ $# -ge 4 ] && args+=(-H 'Content-Type: application/json' --data-binary "$4")
    curl "${args[@]}"
}
expect() { # expect <status> <what> <method> <url> <token> [json]
    local want=$1 what=$2; shift 2
    local got; got=$(call "$@")
    [ "$got" = "$want" ] || { log "$what: expected $want, got $got: $(head -c 400 "$WORK/body")"; exit 1; }
}

# Counts the statements of one approval by binary <bin>; writes the logged statements to
# <out>, one a line.
# [directory]: the one the service runs in, whose config/ it reads (a baseline gets its
# own commit's: it would not parse a later rule-set seed).
count_approval() { # count_approval <bin> <out> [directory]
    local bin=$1 out=$2 dir=${3:-$ROOT} name="permits_stmts_$$_${#DBS[@]}"
    psql -q "$PG_ADMIN_URL" -c "CREATE DATABASE $name" >/dev/null
    DBS+=("$name")
    psql -q "$PG_ADMIN_URL" -c "ALTER DATABASE $name SET log_statement = 'all'" >/dev/null
    local url="${PG_ADMIN_URL%/*}/$name" base="http://127.0.0.1:$PORT"
    (cd "$dir" && APP__DATABASE__URL=$url APP__SERVER__PORT=$PORT RUST_LOG=warn exec "$bin" serve) >"$WORK/service-$name.log" 2>&1 &
    local pid=$!
    PIDS+=("$pid")
    local until=$((SECONDS + 60))
    until curl -sf "$base/health/ready" >/dev/null 2>&1; do
        [ $SECONDS -lt $until ] || { log "not ready: $(tail -5 "$WORK/service-$name.log")"; exit 1; }
        sleep 0.05
    done
    local ministry owner akimat
    ministry=$("$bin" token --role ministry --ttl 600)
    owner=$("$bin" token --role employer --bin "$EMPLOYER" --ttl 600)
    akimat=$("$bin" token --role akimat --region KZ-75 --ttl 600)
    expect 201 "national quota" PUT "$base/v1/quotas/$YEAR" "$ministry" "$(jq -nc --arg d "$TODAY" '{
        labour_force: 40000000, labour_force_source: "benchmark", permit_percent: "0.25",
        categories: [{category:"1",number:1000},{category:"2",number:1000},{category:"3",number:96000},
                     {category:"4",number:1000},{category:"seasonal",number:1000}],
        labour_immigrant_percent: "2.9", country_quotas: [],
        order: {number: "benchmark", date: $d}}')"
    expect 200 "allocation" PUT "$base/v1/quotas/$YEAR/regions/KZ-75" "$ministry" \
        '{"categories":[{"category":"3","allocated":10}],"reason":"benchmark"}'
    expect 201 "employer profile" PUT "$base/v1/employers/$EMPLOYER" "$owner" "$(jq -nc --arg d "$TODAY" '{
        as_of: $d, name: "Benchmark Drilling LLP", legal_form: "LLP", foreign_division: false,
        sector: "B", region: "KZ-75",
        workforce: [{category:"1",kazakh:100000,foreign:0},{category:"3",kazakh:1000000,foreign:0}]}')"
    local n ids=()
    for n in 1 2; do
        expect 201 "application" POST "$base/v1/permit-applications" "$owner" "$(jq -nc --arg s "$START" --arg p "$PUBLISHED" --arg n "$n" '{
            category:"3", profession:"Engineer", regions:["KZ-75"],
            workers:[{full_name_latin:("WORKER " + (if $n == "1" then "ONE" else "TWO" end)), citizenship:"TUR",
            passport_number:("P7500000" + $n), passport_expiry:"2035-01-01", birth_date:"1988-03-03",
            education:"higher", profession:"Engineer", occupation_code:"2144", experience_years:7,
            qualification_ref:"Professional standard, level 6"}],
            term:{unit:"months",length:12}, start_date:$s, vacancy_code:"ELX-BENCH-1", vacancy_published_on:$p}')"
        ids+=("$(jq -r .id "$WORK/body")")
    done
    # The first approval of the month makes the counters' rows; in the rush they exist.
    expect 200 "first approval" POST "$base/v1/permits/${ids[0]}/decisions" "$akimat" '{"decision":"approve"}'
    local id=${ids[1]}
    sleep 1 # what the filing sent is in the log before the mark
    local mark; mark=$(stat -c %s "$PG_LOG")
    expect 200 "approval" POST "$base/v1/permits/$id/decisions" "$akimat" '{"decision":"approve"}'
    sleep 1 # the server writes its log asynchronously
    # A statement's line: "<time> [pid] postgres@<db> LOG:  statement: …" (simple protocol)
    # or "… LOG:  execute <name>: …" (extended protocol); its parameters follow as DETAIL.
    tail -c +$((mark + 1)) "$PG_LOG" | grep -E "@$name LOG:  (statement|execute [^:]*): " |
        sed -E 's/.* LOG:  (statement|execute [^:]*): //' >"$out"
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

# "KIND table" of each statement: SELECT from its first table (sub-selects set aside; a
# UNION ALL of parts as such), INSERT INTO, UPDATE (the table's name quoted, as diesel
# writes it, or not, as raw SQL does), or the statement itself (BEGIN, COMMIT, the pool's
# SELECT 1, which the pool no longer sends).
kinds() { # kinds <statements file>
    perl -pe 's/\(SELECT (?:[^()]++|(\((?:[^()]++|(?1))*\)))*\)/(sub-select)/g;
        s/^SELECT 1\s*$/CHECK (SELECT 1)\n/i;
        s/^SELECT .* UNION ALL .*/SELECT UNION ALL (parts)/;
        s/^SELECT .*? FROM \(*"?([a-z_]+)"?.*/SELECT $1/;
        s/^INSERT INTO "?([a-z_]+)"?.*/INSERT $1/;
        s/^UPDATE "?([a-z_]+)"?.*/UPDATE $1/;
        s/^(BEGIN|COMMIT|ROLLBACK).*/$1/' "$1" | sort | uniq -c | sort -k2
}

log "counting one approval of the current build ($BIN)"
count_approval "$BIN" "$WORK/after.sql"
after=$(wc -l <"$WORK/after.sql")
if [ -n "$BASE_BIN" ]; then
    log "counting one approval of ${BASELINE_REV:-$BASE_BIN}"
    base_dir=$ROOT
    if [ -n "${BASELINE_REV:-}" ]; then
        base_dir=$WORK/baseline-cwd
        mkdir -p "$base_dir"
        git archive "$BASELINE_REV" config | tar -x -C "$base_dir"
    fi
    count_approval "$BASE_BIN" "$WORK/before.sql" "$base_dir"
    before=$(wc -l <"$WORK/before.sql")
    echo "statements of one approval (PostgreSQL's log): baseline ${BASELINE_REV:-$BASE_BIN} $before, current $after"
    LC_ALL=C join -1 2 -2 2 -a 1 -a 2 -e 0 -o 0,1.1,2.1 \
        <(kinds "$WORK/before.sql" | awk '{k = $2":"$3; for (i = 4; i <= NF; i++) k = k "_SP_" $i; print $1, k}' | LC_ALL=C sort -k2) \
        <(kinds "$WORK/after.sql" | awk '{k = $2":"$3; for (i = 4; i <= NF; i++) k = k "_SP_" $i; print $1, k}' | LC_ALL=C sort -k2) |
        awk 'BEGIN { printf "%-40s %8s %8s\n", "statement", "before", "after" }
             { k = $1; sub(/:$/, "", k); sub(/:/, " ", k); gsub(/_SP_/, " ", k); printf "%-40s %8s %8s\n", k, $2, $3 }'
else
    echo "statements of one approval (PostgreSQL's log): $after"
    kinds "$WORK/after.sql"
fi
[ -n "${KEEP_WORK:-}" ] && log "the statements: $WORK/after.sql${BASE_BIN:+ and $WORK/before.sql}"
exit 0
