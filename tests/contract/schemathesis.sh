#!/usr/bin/env bash
# Schemathesis over the contract (openapi/openapi.json) as every role — ministry, akimat
# (KZ-23), employer (BIN 210340000013) and auditor — against the real service on SQLite and on
# PostgreSQL. It looks for what the contract allows and the service refuses as malformed (a
# 400 to a request generated as valid: `positive_data_acceptance`), server errors, answers
# outside the contract (schema, status, content type, headers).
#
# Too slow for .ci/run (minutes per role and database); run it by hand after changing the
# contract or the extractors:
#
#   tests/contract/schemathesis.sh                 # both databases, 20 examples an operation
#   tests/contract/schemathesis.sh sqlite          # or: postgres
#   MAX_EXAMPLES=100 SEED=1 tests/contract/schemathesis.sh
#   ROLES="ministry employer" tests/contract/schemathesis.sh sqlite
#   PERMITS=target/debug/permits tests/contract/schemathesis.sh   # no build first
#
# Needs `schemathesis` on PATH (`pip install schemathesis`; 4.x) or SCHEMATHESIS=/path/to/it,
# PostgreSQL at CI_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres) for the
# postgres run. Each run starts `target/debug/permits` on a fresh database of its own,
# seeds a 2027 quota, an employer's profile and one application through the API, and writes
# its reports (JUnit, NDJSON) and the server's log under target/schemathesis/<db>-<role>/.
# The accepted statuses of a valid request are in tests/contract/schemathesis.toml. Exit
# status 1 when any role on any database found a failure.
#
# At the end it prints one line per run (tests/contract/schemathesis_summary.py): requests,
# answers by status class, failures by check and the operations they were found on.
#
# If-Match (tests/contract/schemathesis_hooks.py, loaded through SCHEMATHESIS_HOOKS): every
# If-Match is `format: entity-tag` with the pattern `^(\*|(W/)?"[0-9]{1,18}")$`. Schemathesis
# 4.32.5's coverage phase draws no valid value for a header whose pattern needs a character
# outside [A-Za-z0-9] (the quotes) unless its `format` is a registered one, and then sends one of
# its invalid values (`0`, `aaaa…`) in the "Default positive test case": an ST202 on each of the
# 22 operations that take If-Match, for every role. The hook registers the contract's format,
# drawn from the contract's own pattern. The service keeps refusing an unquoted `If-Match: 0`
# (RFC 9110 §8.8.3: an entity-tag is quoted; `0` is no tag, and reading it as one would guess
# what a client meant on the one header that guards a decision). Anything failing is a finding.
set -euo pipefail
cd "$(dirname "$0")/../.."

ST="${SCHEMATHESIS:-schemathesis}"
PG_URL="${CI_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
MAX_EXAMPLES="${MAX_EXAMPLES:-20}"
SEED="${SEED:-20261207}"
ROLES="${ROLES:-ministry akimat employer auditor}"
DBS="${1:-both}"
[ "$DBS" = both ] && DBS="sqlite postgres"
BIN_A=210340000013
OUT=target/schemathesis
mkdir -p "$OUT"
export SCHEMATHESIS_HOOKS=schemathesis_hooks
export PYTHONPATH="$PWD/tests/contract${PYTHONPATH:+:$PYTHONPATH}"
runs=()

# PERMITS names a built service to use as it is (e.g. the one `cargo build --tests` made,
# which `cargo build --bin permits` would rebuild with other dependency features).
if [ -z "${PERMITS:-}" ]; then
  cargo build -q --bin permits
  PERMITS=target/debug/permits
fi
failed=0

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# seed BASE TOKEN_MINISTRY TOKEN_EMPLOYER: objects for the generated ids and BINs to meet.
seed() {
  local base=$1 ministry=$2 employer=$3
  local json=(-s -o /dev/null -w '%{http_code} ' -H 'Content-Type: application/json')
  curl "${json[@]}" -X PUT "$base/v1/quotas/2027" -H "Authorization: Bearer $ministry" -d '{
    "labour_force": 7300000, "labour_force_source": "schemathesis seed", "permit_percent": "0.25",
    "labour_immigrant_percent": "0", "country_quotas": [],
    "categories": [{"category": "1", "number": 726}, {"category": "2", "number": 3402},
      {"category": "3", "number": 5893}, {"category": "4", "number": 3131},
      {"category": "seasonal", "number": 4994}],
    "order": {"number": "Order No. 1", "date": "2026-12-01"}}'
  curl "${json[@]}" -X PUT "$base/v1/quotas/2027/regions/KZ-23" -H "Authorization: Bearer $ministry" \
    -d '{"categories": [{"category": "3", "allocated": 100}], "reason": "schemathesis seed"}'
  curl "${json[@]}" -X PUT "$base/v1/employers/$BIN_A" -H "Authorization: Bearer $employer" -d '{
    "as_of": "2026-11-01", "name": "Caspian Drilling LLP", "legal_form": "LLP",
    "foreign_division": false, "sector": "B", "region": "KZ-23",
    "workforce": [{"category": "3", "kazakh": 100, "foreign": 5, "posted": 2}]}'
  curl "${json[@]}" -X POST "$base/v1/permit-applications" -H "Authorization: Bearer $employer" \
    -H 'Idempotency-Key: seed-1' -d '{
    "category": "3", "profession": "Drilling engineer", "regions": ["KZ-23"],
    "workers": [{"full_name_latin": "KAYA MEHMET", "citizenship": "TUR",
      "passport_number": "U1000001", "passport_expiry": "2030-01-01", "birth_date": "1985-04-12",
      "education": "higher", "profession": "Drilling engineer", "occupation_code": "2146",
      "experience_years": 8}],
    "term": {"unit": "months", "length": 12}, "start_date": "2027-01-15",
    "vacancy_code": "ELX-2026-000123", "vacancy_published_on": "2026-11-20"}'
  echo "(seeded)"
}

for db in $DBS; do
  port=$(free_port)
  base="http://127.0.0.1:$port"
  dir=$(mktemp -d)
  case $db in
    sqlite) url="$dir/permits.db" ;;
    postgres)
      name="permits_schemathesis_$$"
      psql "$PG_URL" -qc "CREATE DATABASE \"$name\""
      url="${PG_URL%/*}/$name"
      ;;
    *) echo "unknown database $db (sqlite, postgres or both)"; exit 2 ;;
  esac
  APP__DATABASE__URL="$url" APP__SERVER__PORT=$port APP__PUBLIC__VERIFY_PER_MINUTE=1000000 \
    APP__LOG__FORMAT=json RUST_LOG=warn "$PERMITS" serve >"$OUT/server-$db.log" 2>&1 &
  server=$!
  for _ in $(seq 1 120); do
    curl -sf "$base/health/ready" >/dev/null && break
    sleep 0.5
  done
  ministry=$("$PERMITS" token --role ministry --ttl 86400)
  employer=$("$PERMITS" token --role employer --bin "$BIN_A" --ttl 86400)
  seed "$base" "$ministry" "$employer"
  for role in $ROLES; do
    case $role in
      akimat) token=$("$PERMITS" token --role akimat --region KZ-23 --ttl 86400) ;;
      employer) token=$employer ;;
      *) token=$("$PERMITS" token --role "$role" --ttl 86400) ;;
    esac
    report="$OUT/$db-$role"
    rm -rf "$report"
    runs+=("$report")
    echo "== $db as $role ($(date -u +%H:%M:%S))"
    if ! "$ST" --no-color --config-file tests/contract/schemathesis.toml run openapi/openapi.json \
      --url "$base" -H "Authorization: Bearer $token" \
      --checks not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance,positive_data_acceptance \
      --phases examples,coverage,fuzzing --max-examples "$MAX_EXAMPLES" --seed "$SEED" \
      --workers 2 --report junit,ndjson --report-dir "$report" \
      >"$report.txt" 2>&1; then
      failed=1
    fi
    sed -n '/SUMMARY/,$p' "$report.txt"
  done
  kill "$server"
  wait "$server" 2>/dev/null || true
  [ "$db" = postgres ] && psql "$PG_URL" -qc "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)"
  rm -rf "$dir"
done
echo "== summary (seed $SEED, $MAX_EXAMPLES examples an operation)"
python3 tests/contract/schemathesis_summary.py "${runs[@]}" || failed=1
exit $failed
