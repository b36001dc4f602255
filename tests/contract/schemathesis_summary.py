"""One line per run of tests/contract/schemathesis.sh, read from its NDJSON reports.

    python3 tests/contract/schemathesis_summary.py target/schemathesis/sqlite-ministry ...

For each report directory: the requests sent, their answers by status class, the failing
checks (distinct operation and check, as Schemathesis counts them) by check, and the
operations they were found on. Exit status 1 when any run failed a check.
"""

import collections
import json
import pathlib
import sys


def summarise(directory: pathlib.Path) -> tuple[str, bool]:
    requests = 0
    statuses: collections.Counter[str] = collections.Counter()
    failures: set[tuple[str, str]] = set()
    for report in sorted(directory.glob("*.ndjson")):
        for line in report.read_text(encoding="utf-8").splitlines():
            event = json.loads(line).get("ScenarioFinished")
            if not event:
                continue
            recorder = event["recorder"]
            for interaction in recorder.get("interactions", {}).values():
                requests += 1
                response = interaction.get("response") or {}
                code = response.get("status_code")
                statuses[f"{code // 100}xx" if code else "none"] += 1
            for checks in recorder.get("checks", {}).values():
                for check in checks:
                    if check.get("status") == "failure":
                        failures.add((recorder["label"], check["name"]))
    by_check = collections.Counter(name for _, name in failures)
    line = (
        f"{directory.name:<20} requests {requests:>6}  "
        + " ".join(f"{k} {statuses[k]}" for k in sorted(statuses))
        + f"  failures {len(failures)}"
        + "".join(f"  {name} {n}" for name, n in sorted(by_check.items()))
    )
    for label, name in sorted(failures):
        line += f"\n    {name}: {label}"
    return line, bool(failures)


def main() -> int:
    failed = False
    for argument in sys.argv[1:]:
        line, bad = summarise(pathlib.Path(argument))
        print(line)
        failed |= bad
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
