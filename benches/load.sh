#!/usr/bin/env bash
# The January-rush load benchmark (issue 12): starts the release binary on SQLite and on
# PostgreSQL, drives it over HTTP with wrk, and prints each figure beside its baseline
# measured in the same run:
#   P1 contended approval: 50 clients approve 1-worker applications against one regional
#      allocation until it is exhausted; baseline the hand-minimal transaction that takes the
#      same decision, benches/sql/approve.sql, sent raw (pgbench on PostgreSQL,
#      benches/raw_approve.rs through the SQLite library). With BASELINE_REV the binary of
#      that commit runs P1 as well, interleaved with the current one (baseline, current,
#      baseline, current, each on a region of its own; each binary on a fresh database of
#      its own migrations in the same cluster, with the same history), and the CPU per
#      approval is reported for both beside the hand-minimal transaction's.
#   P2 reads: a permit, an employer's permit list, a region's quota at 50 connections;
#      baseline benches/bare_reads.rs, the same queries with no service layers.
#   P4 footprint: resident memory idle and at peak, start-up to ready on a fresh file.
#   Scale-out: 1, 2 and 3 instances behind haproxy (round robin) on one PostgreSQL under
#      the P1 load, with the over-allocation and idempotency checks.
#
# Usage: benches/load.sh            (from the repository root or anywhere in it)
# Environment: PG_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres, a role
# that may create databases), ALLOCATED (approvals per P1 run, default 1000), DURATION
# (seconds per P2 run, default 10), CLIENTS (default 50), SKIP_BUILD=1 (use the built binaries),
# PERMITS_BIN (another service binary, e.g. to compare builds), ONLY=sqlite|postgres|scale,
# BASELINE_REV (a commit, e.g. 097bdc6, the one before issue 20, built into target/baseline;
# it runs in a directory holding that commit's config/, on a database of its own),
# BASELINE_BIN (that binary already built, instead of building BASELINE_REV, which then
# names its commit, for its config/), P2=0 (leaves
# out P2, and with ONLY=postgres the bench executables are then not needed). A quick end-to-end
# check: ALLOCATED=20 EXTRA=5 CLIENTS=4 DURATION=2 ONLY=postgres benches/load.sh
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
PG_ADMIN_URL=${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}
ALLOCATED=${ALLOCATED:-1000}
EXTRA=${EXTRA:-100}
DURATION=${DURATION:-10}
CLIENTS=${CLIENTS:-50}
P1_MAX_SECONDS=${P1_MAX_SECONDS:-30}
WRK_THREADS=2
BASE_PORT=${BASE_PORT:-18080}
WORK=$(mktemp -d /tmp/permits-load.XXXXXX)
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

# --- tools -------------------------------------------------------------------------------
need() { # need <command> <debian package>
    command -v "$1" >/dev/null && return
    log "installing $2 (for $1)"
    if [ "$(id -u)" = 0 ]; then apt-get install -y -q "$2" >/dev/null; else sudo apt-get install -y -q "$2" >/dev/null; fi
}
need wrk wrk
need haproxy haproxy
need pgbench postgresql-client
need psql postgresql-client
need sqlite3 sqlite3
need jq jq
need curl curl

if [ -z "${SKIP_BUILD:-}" ]; then
    log "building the release binary and the baselines"
    cargo build --release --bin permits -q
    cargo bench --no-run --bench bare_reads --bench raw_approve -q 2>/dev/null
fi
BIN=${PERMITS_BIN:-$ROOT/target/release/permits}
bench_exe() { # the newest executable cargo built for bench $1
    ls -t "$ROOT"/target/release/deps/"$1"-* 2>/dev/null | grep -v '\.d$' | head -1 || true
}
BARE=$(bench_exe bare_reads)
RAW=$(bench_exe raw_approve)
# The bench executables only where they run: the raw approvals on SQLite, the bare reads in P2.
[ -x "$BIN" ] || { log "build the binaries first: no $BIN"; exit 1; }
case ${ONLY:-all} in postgres | scale) ;; *) [ -x "$RAW" ] || { log "build the binaries first: no raw_approve"; exit 1; } ;; esac
[ "${P2:-1}" = 0 ] || [ -x "$BARE" ] || { log "build the binaries first: no bare_reads (or P2=0)"; exit 1; }
BASE_BIN=""
if [ -n "${BASELINE_BIN:-}" ]; then
    BASE_BIN=$BASELINE_BIN
    [ -n "${BASELINE_REV:-}" ] || { log "BASELINE_BIN needs BASELINE_REV, its commit (for its config/)"; exit 1; }
elif [ -n "${BASELINE_REV:-}" ]; then
    BASE_BIN=$ROOT/target/baseline/release/permits
    if [ -z "${SKIP_BUILD:-}" ]; then
        BASE_TREE=$WORK/baseline-tree
        git worktree add --detach "$BASE_TREE" "$BASELINE_REV" >/dev/null 2>&1
        log "building $BASELINE_REV into target/baseline"
        (cd "$BASE_TREE" && cargo build --release --bin permits -q --target-dir "$ROOT/target/baseline")
    fi
    [ -x "$BASE_BIN" ] || { log "no baseline binary $BASE_BIN"; exit 1; }
fi
# The baseline runs in a directory holding its commit's config/ (settings and seeds).
BASE_CWD=""
if [ -n "$BASE_BIN" ]; then
    BASE_CWD=$WORK/baseline-cwd
    mkdir -p "$BASE_CWD"
    git archive "$BASELINE_REV" config | tar -x -C "$BASE_CWD"
fi

# --- dates (Kazakhstan time, UTC+5) ------------------------------------------------------
TODAY=$(date -u -d '+5 hours' +%F)
START=$(date -u -d '+5 hours +10 days' +%F)
YEAR=${START:0:4}
PUBLISHED=$(date -u -d '+5 hours -30 days' +%F)
EMPLOYER=210340000013
RUN_TAG=$$

token() { "$BIN" token "$@" --ttl 7200; }
MINISTRY=$(token --role ministry)
OWNER=$(token --role employer --bin "$EMPLOYER")

# --- the service -------------------------------------------------------------------------
# A service reads config/ (its settings and seeds) in the directory it runs in: the
# baseline gets its own commit's, as it would not parse a later rule-set seed.
start_service() { # start_service <url> <port> <log> [binary] [directory]: starts in the background, sets SVC_PID
    (cd "${5:-$ROOT}" && APP__DATABASE__URL=$1 APP__SERVER__PORT=$2 RUST_LOG=${RUST_LOG:-info} exec "${4:-$BIN}" serve) >"$3" 2>&1 &
    SVC_PID=$!
    PIDS+=("$SVC_PID")
}
wait_ready() { # wait_ready <port>: up to 60 s
    local until=$((SECONDS + 60))
    while [ $SECONDS -lt $until ]; do
        curl -sf "http://127.0.0.1:$1/health/ready" >/dev/null 2>&1 && return 0
        sleep 0.005
    done
    log "not ready on port $1"; return 1
}
stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
hwm_kb() { awk '/^VmHWM/ {print $2}' "/proc/$1/status"; }

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

# The year's quota and the employer: national quota, the employer's profile.
prepare() { # prepare <base url>
    expect 201 "national quota" PUT "$1/v1/quotas/$YEAR" "$MINISTRY" "$(jq -nc --arg d "$TODAY" '{
        labour_force: 40000000, labour_force_source: "benchmark", permit_percent: "0.25",
        categories: [{category:"1",number:1000},{category:"2",number:1000},{category:"3",number:96000},
                     {category:"4",number:1000},{category:"seasonal",number:1000}],
        labour_immigrant_percent: "2.9", country_quotas: [],
        order: {number: "benchmark", date: $d}}')"
    expect 201 "employer profile" PUT "$1/v1/employers/$EMPLOYER" "$OWNER" "$(jq -nc --arg d "$TODAY" '{
        as_of: $d, name: "Benchmark Drilling LLP", legal_form: "LLP", foreign_division: false,
        sector: "B", region: "KZ-75",
        workforce: [{category:"1",kazakh:100000,foreign:0},{category:"3",kazakh:1000000,foreign:0}]}')"
}

allocate() { # allocate <base url> <region> <units>
    expect 200 "allocation $2" PUT "$1/v1/quotas/$YEAR/regions/$2" "$MINISTRY" \
        "{\"categories\":[{\"category\":\"3\",\"allocated\":$3}],\"reason\":\"benchmark\"}"
}

# Files <n> one-worker applications for <region> through the service, 16 at a time; each
# names a worker of its own (a worker on a live permit refuses the approval, Art. 33(3)):
# a name of Latin letters (the run's tag and the number spelled A-J for 0-9) and a passport
# number of nine (P, the region's two digits, the number in six), as passports have them.
file_applications() { # file_applications <base url> <region> <n>
    local cfg="$WORK/file-$2.curl" tmpl
    tmpl=$(jq -nc --arg r "$2" --arg s "$START" --arg p "$PUBLISHED" '{category:"3", profession:"Engineer",
        regions:[$r], workers:[{full_name_latin:"WORKER @N@", citizenship:"TUR", passport_number:"@P@",
        passport_expiry:"2035-01-01", birth_date:"1988-03-03", education:"higher", profession:"Engineer",
        occupation_code:"2144", experience_years:7, qualification_ref:"Professional standard, level 6"}],
        term:{unit:"months",length:12}, start_date:$s, vacancy_code:"ELX-BENCH-1", vacancy_published_on:$p}')
    TMPL=${tmpl//\"/\\\"} URL="$1/v1/permit-applications" TOK=$OWNER TAG="${2#KZ-}$RUN_TAG" REGION="${2#KZ-}" N=$3 awk 'BEGIN {
        for (i = 1; i <= ENVIRON["N"]; i++) {
            name = ENVIRON["TAG"] "X" i
            for (d = 0; d <= 9; d++) gsub(d, substr("ABCDEFGHIJ", d + 1, 1), name)
            body = ENVIRON["TMPL"]; gsub(/@N@/, name, body)
            gsub(/@P@/, sprintf("P%s%06d", ENVIRON["REGION"], i), body)
            if (i > 1) print "next"
            printf "url = \"%s\"\nrequest = \"POST\"\nheader = \"Authorization: Bearer %s\"\n", ENVIRON["URL"], ENVIRON["TOK"]
            printf "header = \"Content-Type: application/json\"\ndata-binary = \"%s\"\noutput = \"/dev/null\"\n", body
            printf "write-out = \"%%{http_code}\\n\"\n"
        } }' >"$cfg"
    local filed; filed=$(curl -s --no-progress-meter --parallel --parallel-max 16 -K "$cfg" | grep -c '^201$' || true)
    [ "$filed" = "$3" ] || { log "filing for $2: $filed of $3 filed"; exit 1; }
}

# --- database access for the checks ------------------------------------------------------
dbq() { # dbq <url> <sql>
    case $1 in
        postgres*) psql -qtAX "$1" -c "$2" ;;
        *) sqlite3 -batch "$1" "$2" ;;
    esac
}
ids_of() { # ids_of <url> <region>: the region's applications' ids, oldest first
    dbq "$1" "SELECT permit_id FROM permit_regions WHERE region = '$2' ORDER BY permit_id"
}
# approvals/s from the decisions' own timestamps: first to last approval in the region.
approval_rate() { # approval_rate <url> <region>
    case $1 in
        postgres*) dbq "$1" "SELECT round((count(*) / greatest(extract(epoch from max(decided_at) - min(decided_at)), 0.001))::numeric, 1)
                             FROM permit_regions WHERE region = '$2' AND decision = 'approved'" ;;
        *) dbq "$1" "SELECT round(count(*) / max((julianday(max(decided_at)) - julianday(min(decided_at))) * 86400.0, 0.001), 1)
                     FROM permit_regions WHERE region = '$2' AND decision = 'approved'" ;;
    esac
}
# Over-allocation check: the row's held+used against allocated and the approvals counted,
# and the ministry's ledger check. Prints "ok" or what is wrong.
check_allocation() { # check_allocation <url> <base url> <region>
    # wrk's last requests may still be in the service: wait until the approvals stop moving.
    local before=-1 now
    while now=$(dbq "$1" "SELECT count(*) FROM permit_regions WHERE region = '$3' AND decision = 'approved'") && [ "$now" != "$before" ]; do
        before=$now; sleep 1
    done
    # One statement, one snapshot: the row and the approvals counted together.
    local row
    row=$(dbq "$1" "SELECT allocated || ' ' || held || ' ' || used || ' ' || (SELECT count(*) FROM permit_regions
        WHERE region = '$3' AND decision = 'approved') FROM regional_quotas WHERE year = $YEAR AND region = '$3' AND category = '3'")
    read -r alloc held used approved <<<"$row"
    local sound; call POST "$2/v1/quotas/$YEAR/ledger-check" "$MINISTRY" >/dev/null
    sound=$(jq -r .sound "$WORK/body")
    if [ $((held + used)) -le "$alloc" ] && [ "$approved" = $((held + used)) ] && [ "$sound" = true ]; then
        local left=$((alloc - held - used)) note="exhausted"
        [ "$left" = 0 ] || note="NOT exhausted within ${P1_MAX_SECONDS}s: $left left"
        echo "ok (allocated $alloc, held+used $((held + used)) = approved, ledger sound; $note)"
    else
        echo "OVER-ALLOCATION: allocated $alloc, held+used $((held + used)), approved $approved, ledger sound=$sound"
    fi
}

# --- the runs ----------------------------------------------------------------------------
approved() { # approved <url> <region>: the region's approvals so far
    dbq "$1" "SELECT count(*) FROM permit_regions WHERE region = '$2' AND decision = 'approved'"
}
# wrk runs for its whole -d even when every thread has stopped, so P1 stops it with SIGINT
# (on which it reports) once the allocation is exhausted; the machine's CPU is read from
# the start to that moment.
p1_service() { # p1_service <url> <base url> <region> <service pid>: prints "rate p50 p99 ok exhausted other busy% cpu-ms proc-cpu-ms"
    ids_of "$1" "$3" >"$WORK/ids-$3"
    local tok; tok=$(token --role akimat --region "$3")
    local c0 c1 n=0; c0=$(cpu_mark)
    proc_start "$WORK/cpu-$3" "$1" "$4"
    TOKEN=$tok IDS_FILE="$WORK/ids-$3" WRK_THREADS=$WRK_THREADS \
        wrk -t"$WRK_THREADS" -c"$CLIENTS" -d"${P1_MAX_SECONDS}s" --timeout 10s -s benches/lua/approve.lua "$2" >"$WORK/wrk-$3" &
    local w=$! until=$((SECONDS + P1_MAX_SECONDS))
    while kill -0 "$w" 2>/dev/null && [ $SECONDS -lt $until ]; do
        n=$(approved "$1" "$3")
        [ "$n" -ge "$ALLOCATED" ] && break
        sleep 0.2
    done
    c1=$(cpu_mark)
    local proc; proc=$(proc_stop "$WORK/cpu-$3" "$n")
    sleep 0.5 # the applications beyond the allocation get their 422
    kill -INT "$w" 2>/dev/null || true
    wait "$w" || true
    local out; out=$(grep '^RESULT' "$WORK/wrk-$3")
    read -r _ _ p50 p99 ok exhausted other <<<"$out"
    local rate; rate=$(approval_rate "$1" "$3")
    echo "$rate $p50 $p99 $ok $exhausted $other $(cpu_use "$c0" "$c1" "$n") $proc"
}

p1_raw() { # p1_raw <url> <region>: the same statements sent raw; prints "rate p50 p99"
    local first; first=$(dbq "$1" "SELECT min(permit_id) FROM permit_regions WHERE region = '$2'")
    local vars=(year="$YEAR" region="$2" today="$TODAY" start="$START" month="${TODAY:0:7}" bin="$EMPLOYER")
    # The counter rows a decision moves exist in the rush (the service's run made them in
    # KZ-75): the raw region gets the same rows, at zero, so its UPDATEs find a row too.
    dbq "$1" "INSERT INTO permit_stats (year, month, region, category, sector, country, measure, ground, days, permits, workers, amount)
        SELECT year, month, '$2', category, sector, country, measure, ground, days, 0, 0, 0 FROM permit_stats
        WHERE region = 'KZ-75' AND measure IN ('decided', 'fee_assessed')" >/dev/null
    case $1 in
        postgres*)
            dbq "$1" "CREATE SEQUENCE bench_ids START $first" >/dev/null
            { echo "BEGIN;"; echo "SELECT nextval('bench_ids') AS id \\gset"; grep -v '^--' benches/sql/approve.sql; echo "COMMIT;"; } >"$WORK/approve.pgbench"
            local dargs=(); for v in "${vars[@]}"; do dargs+=(-D "$v"); done
            proc_start "$WORK/cpu-raw" "$1"
            (cd "$WORK" && pgbench -n -M prepared -c "$CLIENTS" -j 2 -t $((ALLOCATED / CLIENTS)) -l --log-prefix=raw \
                "${dargs[@]}" -f approve.pgbench "$1" >pgbench.out 2>&1) || { cat "$WORK/pgbench.out" >&2; exit 1; }
            RAW_PROC=$(proc_stop "$WORK/cpu-raw" "$ALLOCATED")
            echo "$RAW_PROC" >"$WORK/raw-proc"
            local tps; tps=$(awk '/^tps/ {printf "%.1f", $3; exit}' "$WORK/pgbench.out")
            cat "$WORK"/raw.* | awk '{print $3 / 1000}' | sort -n >"$WORK/lat"
            local n; n=$(wc -l <"$WORK/lat")
            echo "$tps $(sed -n "$((n / 2 + 1))p" "$WORK/lat") $(sed -n "$((n * 99 / 100 + 1))p" "$WORK/lat")"
            rm -f "$WORK"/raw.*
            ;;
        *)
            read -r _ tps p50 p99 < <("$RAW" "$1" benches/sql/approve.sql "$CLIENTS" "$first" "$ALLOCATED" "${vars[@]}")
            echo "$tps $p50 $p99"
            ;;
    esac
}

p2() { # p2 <base url> <paths file> <token>: prints "rps p50 p99 non2xx"
    local out
    out=$(TOKEN=$3 PATHS_FILE=$2 wrk -t"$WRK_THREADS" -c"$CLIENTS" -d"${DURATION}s" --timeout 10s -s benches/lua/read.lua "$1" | grep '^RESULT')
    read -r _ rps p50 p99 non2xx errors <<<"$out"
    echo "$rps $p50 $p99 $non2xx"
}

# CPU of the whole machine (every process: service, database, load generator) over a run.
cpu_mark() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9, $5 + $6}' /proc/stat; }
cpu_use() { # cpu_use "<busy idle>" "<busy idle>" <approvals>: prints "busy% CPU-ms-per-approval"
    awk -v a="$1" -v b="$2" -v n="$3" -v hz="$(getconf CLK_TCK)" 'BEGIN { split(a, x, " "); split(b, y, " ")
        busy = y[1] - x[1]; idle = y[2] - x[2]
        if (busy + idle > 0 && n > 0) printf "%.0f%% %.1f", 100 * busy / (busy + idle), 1000 * busy / hz / n; else print "- -" }'
}

# CPU of the processes that take the decisions: the service (every thread) or the raw
# client, and the PostgreSQL backends connected to the run's database, from
# /proc/<pid>/stat (utime + stime). The machine is shared (other builds and test suites run
# on it, on the same PostgreSQL cluster), so its whole CPU would count theirs too. A sampler
# writes "pid ticks" lines every 0.1 s; a process counts from its first sample (0 when it
# first appears after the start: a backend that connected during the run) to its last.
# Not counted: PostgreSQL's background processes (WAL writer, checkpointer) and backends
# that both connected and exited between two samples (the benchmark's own psql polls).
proc_sample() { # proc_sample <url> <pid>...: one sample
    local url=$1 p; shift
    local pids=("$@")
    case $url in
        postgres*) mapfile -t -O "${#pids[@]}" pids < <(psql -qtAX "$PG_ADMIN_URL" -c \
            "SELECT pid FROM pg_stat_activity WHERE datname = '${url##*/}' AND pid <> pg_backend_pid()") ;;
    esac
    # A process may end between the listing and the read (the benchmark's own polls): it
    # is left out, and the sample goes on (under set -e a failed test would end the sampler).
    for p in "${pids[@]}"; do
        if [ -r "/proc/$p/stat" ]; then
            echo "$p $(sed 's/^.*) //' "/proc/$p/stat" 2>/dev/null | awk '{print $12 + $13}')"
        fi
    done
    return 0
}
proc_start() { # proc_start <file> <url> <pid>...: starts sampling into <file>, sets SAMPLER
    local file=$1; shift
    { echo "--"; proc_sample "$@"; echo "--"; } >"$file"
    ( while :; do proc_sample "$@" || true; sleep 0.1; done >>"$file" ) &
    SAMPLER=$!
}
proc_stop() { # proc_stop <file> <approvals>: stops the sampler, prints CPU ms per approval
    kill "$SAMPLER" 2>/dev/null || true; wait "$SAMPLER" 2>/dev/null || true
    awk -v n="$2" -v hz="$(getconf CLK_TCK)" '
        $1 == "--" { first = !first; next }
        NF == 2 { if (first) start[$1] = $2; else if (!($1 in start)) start[$1] = 0
                  if ($2 > last[$1]) last[$1] = $2 }
        END { for (p in last) d += last[p] - start[p]
              if (n > 0) printf "%.2f", 1000 * d / hz / n; else print "-" }' "$1"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

REPORT=$WORK/report
row() { printf '%-38s %-26s %-26s %s\n' "$@" | tee -a "$REPORT"; }

fresh_database() { # fresh_database sqlite|postgres <name>: creates it, prints its URL (the caller adds it to DBS)
    case $1 in
        sqlite) echo "$WORK/bench-$2.db" ;;
        postgres)
            psql -q "$PG_ADMIN_URL" -c "CREATE DATABASE permits_load_$2_$$" >/dev/null
            echo "${PG_ADMIN_URL%/*}/permits_load_$2_$$"
            ;;
    esac
}

one_database() { # one_database sqlite|postgres
    local kind=$1 url port=$BASE_PORT base
    case $kind in
        sqlite) url=$WORK/bench.db ;;
        postgres)
            local name="permits_load_$$"
            psql -q "$PG_ADMIN_URL" -c "CREATE DATABASE $name" >/dev/null
            DBS+=("$name")
            url="${PG_ADMIN_URL%/*}/$name"
            ;;
    esac
    base="http://127.0.0.1:$port"
    local t0 t1; t0=$(date +%s.%N)
    start_service "$url" "$port" "$WORK/service-$kind.log"
    local pid=$SVC_PID
    wait_ready "$port"
    t1=$(date +%s.%N)
    local startup; startup=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
    sleep 1
    local idle; idle=$(rss_kb "$pid")

    log "[$kind] preparing: quota, profile, $((2 * ALLOCATED + EXTRA)) applications through HTTP"
    prepare "$base"
    allocate "$base" KZ-75 "$ALLOCATED"
    allocate "$base" KZ-71 "$ALLOCATED"
    file_applications "$base" KZ-75 $((ALLOCATED + EXTRA))
    file_applications "$base" KZ-71 "$ALLOCATED"

    log "[$kind] P1: $CLIENTS clients approving against KZ-75 ($ALLOCATED units, $((ALLOCATED + EXTRA)) applications)"
    read -r rate p50 p99 ok exhausted other busy cpu_ms proc_ms < <(p1_service "$url" "$base" KZ-75 "$pid")
    local check; check=$(check_allocation "$url" "$base" KZ-75)
    log "[$kind] P1 raw: the same statements, $CLIENTS clients, against KZ-71"
    local c0 c1; c0=$(cpu_mark)
    read -r raw_rate raw_p50 raw_p99 < <(p1_raw "$url" KZ-71)
    c1=$(cpu_mark)
    local raw_cpu; raw_cpu=$(cpu_use "$c0" "$c1" "$ALLOCATED")
    local raw_check; raw_check=$(check_allocation "$url" "$base" KZ-71)
    local raw_proc=-; [ -r "$WORK/raw-proc" ] && raw_proc=$(cat "$WORK/raw-proc") && rm -f "$WORK/raw-proc"

    # P1 interleaved: the baseline binary and the current one take turns, each against a
    # region of its own, so that both meet the same machine; each on a fresh database of its
    # own migrations in the same cluster (the baseline's would not fit a later schema:
    # 097bdc6's statistics counters break a check the current migrations add), with the same
    # history, so that both check an employer with as many live permits (the checks count
    # them: the first region's turn starts at none, the second's at the first's 1,000, as the
    # hand-minimal's run did).
    local turns=()
    if [ -n "$BASE_BIN" ]; then
        local r i=0 who b_url c_url b_port=$((port + 2)) c_port=$((port + 4)) b_pid c_pid
        b_url=$(fresh_database "$kind" base)
        c_url=$(fresh_database "$kind" current)
        if [ "$kind" = postgres ]; then DBS+=("permits_load_base_$$" "permits_load_current_$$"); fi
        start_service "$b_url" "$b_port" "$WORK/baseline-$kind.log" "$BASE_BIN" "$BASE_CWD"
        b_pid=$SVC_PID
        start_service "$c_url" "$c_port" "$WORK/current-$kind.log"
        c_pid=$SVC_PID
        wait_ready "$b_port"
        wait_ready "$c_port"
        log "[$kind] preparing the baseline ($BASELINE_REV) and the current one again, each on a fresh database: $((2 * (ALLOCATED + EXTRA))) applications each"
        prepare "http://127.0.0.1:$b_port"
        prepare "http://127.0.0.1:$c_port"
        for r in KZ-11 KZ-19; do
            allocate "http://127.0.0.1:$b_port" "$r" "$ALLOCATED"
            file_applications "http://127.0.0.1:$b_port" "$r" $((ALLOCATED + EXTRA))
        done
        for r in KZ-15 KZ-27; do
            allocate "http://127.0.0.1:$c_port" "$r" "$ALLOCATED"
            file_applications "http://127.0.0.1:$c_port" "$r" $((ALLOCATED + EXTRA))
        done
        local t_url t_port t_pid
        for r in KZ-11 KZ-15 KZ-19 KZ-27; do
            if [ $((i % 2)) = 0 ]; then
                who=baseline t_url=$b_url t_port=$b_port t_pid=$b_pid
            else
                who=current t_url=$c_url t_port=$c_port t_pid=$c_pid
            fi
            log "[$kind] P1 $who against $r"
            read -r t_rate _ _ _ _ _ t_busy t_cpu t_proc < <(p1_service "$t_url" "http://127.0.0.1:$t_port" "$r" "$t_pid")
            turns+=("$who|$r|$t_rate|$t_busy|$t_cpu|$t_proc|$(check_allocation "$t_url" "http://127.0.0.1:$t_port" "$r")")
            i=$((i + 1))
        done
        stop "$b_pid"
        stop "$c_pid"
    fi

    # P2: the service and the bare handler on the same rows (P2=0 leaves it out).
    declare -A p2r
    [ "${P2:-1}" = 0 ] || p2_all "$url" "$base" "$port"
    local peak; peak=$(hwm_kb "$pid")
    stop "$pid"
    report "$kind"
}

p2_all() { # p2_all <url> <base url> <port>: fills p2r[s_*] and p2r[b_*] of one_database
    local url=$1 base=$2 port=$3 some
    some=$(dbq "$url" "SELECT permit_id FROM permit_regions WHERE region = 'KZ-75' AND decision = 'approved' ORDER BY permit_id LIMIT 200")
    sed 's|^|/v1/permits/|' <<<"$some" >"$WORK/p-permit"
    sed 's|^|/permits/|' <<<"$some" >"$WORK/b-permit"
    echo "/v1/permits" >"$WORK/p-list"
    echo "/employers/$EMPLOYER/permits" >"$WORK/b-list"
    echo "/v1/quotas/$YEAR/regions/KZ-75" >"$WORK/p-quota"
    echo "/quotas/$YEAR/regions/KZ-75" >"$WORK/b-quota"
    local bare_port=$((port + 10))
    "$BARE" "$url" "$bare_port" >"$WORK/bare-$kind.log" 2>&1 &
    local bare=$!
    PIDS+=("$bare")
    local akimat; akimat=$(token --role akimat --region KZ-75)
    for what in permit list quota; do
        local tok=$OWNER; [ "$what" = quota ] && tok=$akimat
        log "[$kind] P2 $what: service, then bare handler, ${DURATION}s each"
        p2r[s_$what]=$(p2 "$base" "$WORK/p-$what" "$tok")
        p2r[b_$what]=$(p2 "http://127.0.0.1:$bare_port" "$WORK/b-$what" "")
    done
    stop "$bare"
}

report() { # report <kind>: prints the figures one_database measured (its locals, by dynamic scope)
    row "== $1" "service" "baseline" "ratio"
    row "P1 approvals/s ($CLIENTS clients)" "$rate" "$raw_rate (raw)" "$(ratio "$rate" "$raw_rate")"
    row "P1 latency p50 / p99 ms" "$p50 / $p99" "$raw_p50 / $raw_p99" ""
    row "P1 answers 200 / 422 / other" "$ok / $exhausted / $other" "" ""
    row "P1 machine CPU busy, ms per approval" "$busy, $cpu_ms" "${raw_cpu/ /, } (hand-minimal)" "$(ratio "$cpu_ms" "${raw_cpu#* }")"
    row "P1 service+database CPU ms/approval" "$proc_ms" "$raw_proc (hand-minimal: database)" "$(ratio "$proc_ms" "$raw_proc")"
    local turn
    for turn in "${turns[@]}"; do
        IFS='|' read -r who r t_rate t_busy t_cpu t_proc t_check <<<"$turn"
        row "P1 $who $r: approvals/s, CPU ms/appr." "$t_rate, $t_busy, $t_cpu" "${raw_cpu#* } (hand-minimal)" "$(ratio "$t_cpu" "${raw_cpu#* }")"
        row "P1 $who $r: service+db CPU ms/appr." "$t_proc" "$raw_proc (hand-minimal: database)" "$(ratio "$t_proc" "$raw_proc")"
        row "P1 $who $r over-allocation" "$t_check" "" ""
    done
    row "P1 over-allocation (service)" "$check" "" ""
    row "P1 over-allocation (raw)" "$raw_check" "" ""
    for what in permit list quota; do
        [ -n "${p2r[s_$what]:-}" ] || continue
        read -r s_rps s_p50 s_p99 s_bad <<<"${p2r[s_$what]}"
        read -r b_rps b_p50 b_p99 b_bad <<<"${p2r[b_$what]}"
        row "P2 $what req/s (p99 ms, non-2xx)" "$s_rps ($s_p99, $s_bad)" "$b_rps ($b_p99, $b_bad) bare" "$(ratio "$s_rps" "$b_rps")"
    done
    row "P4 RSS idle / peak MB" "$(mb "$idle") / $(mb "$peak")" "64 target" ""
    row "P4 start-up to ready s" "$startup" "1 target" ""
}

scale_out() {
    local name="permits_scale_$$"
    psql -q "$PG_ADMIN_URL" -c "CREATE DATABASE $name" >/dev/null
    DBS+=("$name")
    local url="${PG_ADMIN_URL%/*}/$name" proxy_port=$((BASE_PORT + 20))
    local base="http://127.0.0.1:$proxy_port" inst=() i
    for i in 1 2 3; do
        start_service "$url" $((BASE_PORT + 20 + i)) "$WORK/scale-$i.log"
        inst+=("$SVC_PID")
        wait_ready $((BASE_PORT + 20 + i)) # one at a time: the first migrates and seeds
    done
    prepare "http://127.0.0.1:$((BASE_PORT + 21))"

    # Idempotency across instances: the same key sent to each instance files one permit.
    local key="bench-$$"
    jq -nc --arg s "$START" --arg p "$PUBLISHED" '{category:"3", profession:"Engineer", regions:["KZ-75"],
        workers:[{full_name_latin:"DEMIR ALI", citizenship:"TUR", passport_number:"U2000001",
        passport_expiry:"2035-01-01", birth_date:"1988-03-03", education:"higher", profession:"Engineer",
        occupation_code:"2144", experience_years:7, qualification_ref:"Professional standard, level 6"}],
        term:{unit:"months",length:12}, start_date:$s, vacancy_code:"ELX-BENCH-1", vacancy_published_on:$p}' >"$WORK/idem.json"
    # All three at once, then each again: one permit, the same answer everywhere.
    local round=()
    for i in 1 2 3 1 2 3; do
        curl -s -o "$WORK/idem-$i" -w '%{http_code}\n' -X POST "http://127.0.0.1:$((BASE_PORT + 20 + i))/v1/permit-applications" \
            -H "Authorization: Bearer $OWNER" -H 'Content-Type: application/json' -H "Idempotency-Key: $key" \
            --data-binary "@$WORK/idem.json" >>"$WORK/idem-codes" &
        round+=("$!")
        if [ ${#round[@]} = 3 ]; then wait "${round[@]}"; round=(); fi
    done
    local filed ids; filed=$(dbq "$url" "SELECT count(*) FROM permit_workers WHERE passport_number = 'U2000001'")
    ids=$(cat "$WORK"/idem-[123] | jq -r '.id // empty' | sort -u | tr '\n' ' ')
    local idem="one permit filed for one key; answers $(sort "$WORK/idem-codes" | uniq -c | awk '{printf "%s x%s ", $2, $1}')"
    [ "$filed" = 1 ] && [ "$(wc -w <<<"$ids")" = 1 ] || idem="BROKEN: $filed permits filed, ids $ids"
    row "== scale-out (PostgreSQL, haproxy)" "approvals/s" "p50 / p99 ms" "over-allocation"
    local regions=(KZ-75 KZ-71 KZ-79) k first_rate=""
    for k in 1 2 3; do
        {
            printf 'global\n  maxconn 4096\ndefaults\n  mode http\n  timeout connect 5s\n  timeout client 30s\n  timeout server 30s\n'
            printf 'frontend fe\n  bind 127.0.0.1:%s\n  default_backend be\nbackend be\n  balance roundrobin\n' "$proxy_port"
            for i in $(seq 1 "$k"); do printf '  server s%s 127.0.0.1:%s\n' "$i" $((BASE_PORT + 20 + i)); done
        } >"$WORK/haproxy-$k.cfg"
        haproxy -f "$WORK/haproxy-$k.cfg" >"$WORK/haproxy-$k.log" 2>&1 &
        local hp=$!
        PIDS+=("$hp")
        sleep 0.5
        local region=${regions[$((k - 1))]}
        log "[scale] $k instance(s): $((ALLOCATED + EXTRA)) applications for $region, then P1 through haproxy"
        allocate "$base" "$region" "$ALLOCATED"
        file_applications "$base" "$region" $((ALLOCATED + EXTRA))
        read -r rate p50 p99 _ _ _ < <(p1_service "$url" "$base" "$region")
        local check; check=$(check_allocation "$url" "$base" "$region")
        [ -z "$first_rate" ] && first_rate=$rate
        row "$k instance(s)" "$rate (x$(ratio "$rate" "$first_rate"))" "$p50 / $p99" "$check"
        stop "$hp"
    done
    row "idempotency key across 3 instances" "$idem" "" ""
    for i in "${inst[@]}"; do stop "$i"; done
}

{
    echo "permits load benchmark, $(date -u '+%F %H:%M UTC'), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r)"
    echo "allocation $ALLOCATED units per P1 run (+$EXTRA applications beyond it), $CLIENTS clients, P2 ${DURATION}s per run, wrk $WRK_THREADS threads on the same cores"
    echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$REPORT"
case ${ONLY:-all} in
    sqlite | postgres) one_database "$ONLY" ;;
    scale) scale_out ;;
    *)
        one_database sqlite
        one_database postgres
        scale_out
        ;;
esac
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$REPORT"
