#!/usr/bin/env bash
# A whole permit case through clients of three more generators, as employers' developers
# would generate them from openapi/openapi.json: openapi-python-client, openapi-generator's
# `python` and its `typescript-fetch` (the fourth, openapi-typescript with openapi-fetch, runs
# in .ci/run: tests/client/permit-case.ts through tests/api/client.rs). Each client's case
# (tests/contract/cases/) tells the story of tests/client/permit-case.ts — quota, profile,
# application with an Idempotency-Key and its replay, a 422 read through its typed member
# `fee_due`, approval with If-Match, a 412, payment, number, the PDF as bytes, public check,
# trip, extension, suspension, resumption, revocation, departure, a cursor page — through
# the generated code alone, on SQLite and on PostgreSQL.
#
# Not in .ci/run (it downloads the generators and takes minutes); run it by hand after
# changing the contract:
#
#   tests/contract/generators.sh                   # every client, both databases
#   tests/contract/generators.sh sqlite            # or: postgres
#   CLIENTS="typescript-fetch" tests/contract/generators.sh
#
# Installs the generators (pinned below) into a venv under target/generators/ (Java 17+ runs
# openapi-generator's jar, which comes in the PyPI package `openapi-generator-cli`), generates
# the clients into target/generators/clients/ (never committed), type-checks the Python cases
# with `mypy --strict` and the TypeScript case with tests/client's `tsc`, and runs each case
# through the ignored test `client::a_client_of_another_generator_runs_a_whole_permit_case`,
# which starts the service on a fresh database of its own (PostgreSQL at CI_POSTGRES_URL, default
# postgres://postgres@127.0.0.1:5432/postgres) with a clock the case moves over a year. Logs
# are under target/generators/logs/. Prints a PASS/FAIL line a client and database and exits
# with status 1 when any failed.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD

OPC_VERSION=0.29.1
OPENAPI_GENERATOR_VERSION=7.26.0
PG_URL="${CI_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
CLIENTS="${CLIENTS:-openapi-python-client openapi-generator-python typescript-fetch}"
DBS="${1:-both}"
[ "$DBS" = both ] && DBS="sqlite postgres"
GEN=$ROOT/target/generators
CONTRACT=$ROOT/openapi/openapi.json
mkdir -p "$GEN/logs"

echo "== installing the generators into $GEN/venv"
[ -x "$GEN/venv/bin/python" ] || python3 -m venv "$GEN/venv"
"$GEN/venv/bin/pip" install -q "openapi-python-client==$OPC_VERSION" \
  "openapi-generator-cli==$OPENAPI_GENERATOR_VERSION" \
  httpx attrs python-dateutil pydantic urllib3 typing-extensions "mypy==2.4.1"
[ -x tests/client/node_modules/.bin/tsc ] || (cd tests/client && npm ci --no-audit --no-fund)

declare -A RESULT
# typecheck CLIENT_DIR SCRIPT: mypy --strict checks a Python case against its generated client.
typecheck() {
  MYPYPATH=$1 "$GEN/venv/bin/mypy" --strict --follow-imports=silent --cache-dir "$GEN/mypy-cache" "$2"
}

generate() {
  local client=$1 out=$GEN/clients/$1
  rm -rf "$out"
  mkdir -p "$out"
  case $client in
    openapi-python-client)
      "$GEN/venv/bin/openapi-python-client" generate --path "$CONTRACT" \
        --output-path "$out/permits_opc" --meta none
      typecheck "$out" tests/contract/cases/openapi_python_client.py
      ;;
    openapi-generator-python)
      "$GEN/venv/bin/openapi-generator-cli" generate -g python -i "$CONTRACT" -o "$out" \
        --package-name permits_client
      typecheck "$out" tests/contract/cases/openapi_generator_python.py
      ;;
    typescript-fetch)
      "$GEN/venv/bin/openapi-generator-cli" generate -g typescript-fetch -i "$CONTRACT" \
        -o "$out/generated" --additional-properties=importFileExtension=.js
      cp tests/contract/cases/typescript-fetch.ts "$out/permit-case.ts"
      cp tests/contract/cases/tsconfig.json tests/contract/cases/package.json "$out/"
      ln -s "$ROOT/tests/client/node_modules" "$out/node_modules"
      (cd "$out" && ./node_modules/.bin/tsc -p .)
      ;;
    *) echo "unknown client $client"; exit 2 ;;
  esac
}

# The command that runs a client's case, in the client's directory.
case_command() {
  case $1 in
    openapi-python-client) echo "$GEN/venv/bin/python $ROOT/tests/contract/cases/openapi_python_client.py" ;;
    openapi-generator-python) echo "$GEN/venv/bin/python $ROOT/tests/contract/cases/openapi_generator_python.py" ;;
    typescript-fetch) echo "node dist/permit-case.js" ;;
  esac
}

echo "== building the test service"
nice -n 5 cargo test -q --test api --no-run 2>&1 | tail -3

failed=0
for client in $CLIENTS; do
  echo "== generating $client"
  if ! generate "$client" >"$GEN/logs/generate-$client.log" 2>&1; then
    tail -30 "$GEN/logs/generate-$client.log"
    for db in $DBS; do RESULT[$client/$db]="FAIL (generation or type check; logs/generate-$client.log)"; done
    failed=1
    continue
  fi
  for db in $DBS; do
    log=$GEN/logs/$client-$db.log
    echo "== $client on $db"
    env_db=()
    [ "$db" = postgres ] && env_db=(TEST_DATABASE_URL="$PG_URL")
    if env "${env_db[@]}" GENERATED_CASE="$(case_command "$client")" \
      GENERATED_CASE_DIR="$GEN/clients/$client" PYTHONPATH="$GEN/clients/$client" \
      cargo test -q --test api client::a_client_of_another_generator_runs_a_whole_permit_case \
      -- --ignored --exact >"$log" 2>&1; then
      RESULT[$client/$db]=PASS
    else
      RESULT[$client/$db]="FAIL (logs/$client-$db.log)"
      grep -E "^ok  |Error|error|panicked" "$log" | tail -15
      failed=1
    fi
  done
done

echo
echo "== SUMMARY (openapi-python-client $OPC_VERSION, openapi-generator $OPENAPI_GENERATOR_VERSION)"
for client in $CLIENTS; do
  for db in $DBS; do
    printf '%-26s %-9s %s\n' "$client" "$db" "${RESULT[$client/$db]}"
  done
done
[ $failed = 0 ] && echo "PASS" || echo "FAIL"
exit $failed
