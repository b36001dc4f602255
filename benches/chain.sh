#!/usr/bin/env bash
# What the audit chain costs per write on PostgreSQL (issue 24): pgbench runs one
# auditing transaction two ways against scratch copies of the two tables — the event
# inserted alone, and the event inserted then linked the way `db::audit::seal` links it
# (the head row locked FOR UPDATE, the unsealed event read back, its seq and SHA-256 hash
# set, the head moved: 4 statements more) — with CLIENTS concurrent clients for SECONDS
# each, and prints transactions per second and mean latency of both. The hash is computed
# by the server here (sha256()), by the service in Rust: the same order of work.
#
# Usage: benches/chain.sh           (PG_ADMIN_URL, default postgres://postgres@127.0.0.1:5432/postgres;
#                                     CLIENTS, default 8; SECONDS_EACH, default 10)
set -euo pipefail
PG_ADMIN_URL=${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}
CLIENTS=${CLIENTS:-8}
SECONDS_EACH=${SECONDS_EACH:-10}
DB=permits_chain_bench_$$
WORK=$(mktemp -d /tmp/permits-chain.XXXXXX)
trap 'psql -q "$PG_ADMIN_URL" -c "DROP DATABASE IF EXISTS $DB" >/dev/null; rm -rf "$WORK"' EXIT
psql -q "$PG_ADMIN_URL" -c "CREATE DATABASE $DB" >/dev/null
URL=${PG_ADMIN_URL%/*}/$DB
psql -q "$URL" >/dev/null <<'SQL'
CREATE TABLE ev (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at TIMESTAMP NOT NULL DEFAULT now(),
    action TEXT NOT NULL,
    body TEXT NOT NULL,
    seq BIGINT UNIQUE,
    hash TEXT
);
CREATE TABLE head (id INTEGER PRIMARY KEY, seq BIGINT NOT NULL, hash TEXT NOT NULL, event_id BIGINT);
INSERT INTO head VALUES (1, 0, repeat('0', 64), NULL);
SQL
# An event's body about the size of a permit's before/after snapshot (~2 kB).
BODY=$(printf 'x%.0s' $(seq 1 2000))
cat >"$WORK/plain.sql" <<SQL
BEGIN;
INSERT INTO ev (action, body) VALUES ('permit.approved', '$BODY');
COMMIT;
SQL
cat >"$WORK/chained.sql" <<SQL
BEGIN;
INSERT INTO ev (action, body) VALUES ('permit.approved', '$BODY') RETURNING id AS ev_id \gset
SELECT seq AS h_seq, hash AS h_hash FROM head WHERE id = 1 FOR UPDATE \gset
SELECT id, occurred_at, action, body FROM ev WHERE id = :ev_id AND seq IS NULL;
UPDATE ev SET seq = :h_seq + 1,
    hash = encode(sha256(convert_to(':h_hash' || (:h_seq + 1)::text || action || body, 'UTF8')), 'hex')
    WHERE id = :ev_id;
UPDATE head SET seq = :h_seq + 1, hash = (SELECT hash FROM ev WHERE id = :ev_id), event_id = :ev_id WHERE id = 1;
COMMIT;
SQL
run() { # run <script>: "tps latency_ms"
    pgbench -n -c "$CLIENTS" -j 2 -T "$SECONDS_EACH" -f "$WORK/$1" "$URL" 2>/dev/null |
        awk '/latency average/ {lat=$4} /^tps/ {tps=$3} END {printf "%.0f %.2f\n", tps, lat}'
}
read -r p_tps p_lat <<<"$(run plain.sql)"
read -r c_tps c_lat <<<"$(run chained.sql)"
read -r p2_tps p2_lat <<<"$(run plain.sql)"
read -r c2_tps c2_lat <<<"$(run chained.sql)"
echo "clients $CLIENTS, ${SECONDS_EACH}s each, interleaved twice"
echo "event alone:   $p_tps / $p2_tps tx/s, mean latency $p_lat / $p2_lat ms"
echo "event chained: $c_tps / $c2_tps tx/s, mean latency $c_lat / $c2_lat ms"
psql -qtA "$URL" -c "SELECT 'chain intact over ' || count(*) || ' events: ' || (count(*) = max(seq))::text FROM ev WHERE seq IS NOT NULL"
