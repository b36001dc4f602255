"""A whole permit case through the client openapi-python-client generates from
openapi/openapi.json, as an employer's developer would write it: every body is a generated
model, every answer is parsed by the generated code, and the 422 is read through its typed
member `fee_due`. The same story as tests/client/permit-case.ts.

tests/contract/generators.sh generates the package `permits_opc` and runs this script
through tests/api/client.rs (`a_client_of_another_generator_runs_a_whole_permit_case`),
which starts the service on a clock of its own. It reads PERMITS_URL, TOKEN_MINISTRY,
TOKEN_AKIMAT (KZ-23), TOKEN_EMPLOYER and EMPLOYER_BIN; `travel_to` writes
`clock <instant>` on stdout and waits for `ok` on stdin. The first answer it does not
expect raises, and the process exits with status 1.
"""

import os
import sys
from typing import Any, TypeVar

from permits_opc import AuthenticatedClient, Client
from permits_opc.api.permits import (
    decide_permit,
    extend_permit,
    file_permit_application,
    get_permit,
    list_permits,
    pay_permit_fee,
    permit_document,
    put_employer_profile,
    record_departure,
    report_trip,
    resume_permit,
    revoke_permit,
    suspend_permit,
)
from permits_opc.api.public import verify_permit
from permits_opc.api.quotas import set_national_quota, set_regional_quota
from permits_opc.models import (
    ApplicationRequest,
    DecisionRequest,
    DepartureRequest,
    ExtensionRequest,
    NationalQuotaRequest,
    NationalQuotaView,
    PayFeeRefusal,
    PaymentRequest,
    PermitPage,
    PermitView,
    Problem,
    ProfileRequest,
    ProfileView,
    PublicPermitView,
    RegionalAllocationRequest,
    RegionalQuotaView,
    RevocationRequest,
    SuspensionRequest,
    TripRequest,
    TripView,
)
from permits_opc.types import File, Response

T = TypeVar("T")


def env(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise SystemExit(f"{name} is not set")
    return value


BASE = env("PERMITS_URL")
BIN = env("EMPLOYER_BIN")


def as_(token: str) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=BASE, token=token, raise_on_unexpected_status=True)


ministry = as_(env("TOKEN_MINISTRY"))
akimat = as_(env("TOKEN_AKIMAT"))
employer = as_(env("TOKEN_EMPLOYER"))
anyone = Client(base_url=BASE, raise_on_unexpected_status=True)


def expect(ok: bool, what: str, detail: object = None) -> None:
    if not ok:
        raise AssertionError(what if detail is None else f"{what}: {detail!r}")


def must(step: str, response: Response[Any], kind: type[T]) -> T:
    """The parsed answer of a success, or an error naming the problem."""
    parsed = response.parsed
    expect(isinstance(parsed, kind), f"{step}: {response.status_code}", parsed)
    print(f"ok  {step}: {int(response.status_code)}", file=sys.stderr)
    return parsed  # type: ignore[return-value]


def travel_to(instant: str) -> None:
    """Moves the test service's clock to `instant` (UTC)."""
    print(f"clock {instant}", flush=True)
    answer = sys.stdin.readline().strip()
    expect(answer == "ok", f"the clock was not set to {instant}", answer)


def if_match(permit: PermitView) -> str:
    return f'"{permit.version}"'


# 1. The ministry sets the 2026 quota and gives Atyrau region 10 units of category 3.
travel_to("2025-12-15T04:00:00Z")
must(
    "national quota",
    set_national_quota.sync_detailed(
        2026,
        client=ministry,
        body=NationalQuotaRequest.from_dict(
            {
                "labour_force": 7_300_000,
                "labour_force_source": "Bureau of National Statistics, forecast",
                "permit_percent": "0.25",
                "labour_immigrant_percent": "2.9",
                "country_quotas": [],
                "categories": [
                    {"category": "1", "number": 726},
                    {"category": "2", "number": 3402},
                    {"category": "3", "number": 5893},
                    {"category": "4", "number": 3131},
                    {"category": "seasonal", "number": 4994},
                ],
                "order": {"number": "Order No. 397", "date": "2025-12-12"},
            }
        ),
    ),
    NationalQuotaView,
)
must(
    "regional quota",
    set_regional_quota.sync_detailed(
        2026,
        "KZ-23",
        client=ministry,
        body=RegionalAllocationRequest.from_dict(
            {"categories": [{"category": "3", "allocated": 10}], "reason": "Order No. 397"}
        ),
    ),
    RegionalQuotaView,
)

# 2. The employer states its profile.
must(
    "profile",
    put_employer_profile.sync_detailed(
        BIN,
        client=employer,
        body=ProfileRequest.from_dict(
            {
                "as_of": "2025-11-01",
                "name": "Caspian Drilling LLP",
                "legal_form": "LLP",
                "foreign_division": False,
                "sector": "B",
                "region": "KZ-23",
                "workforce": [
                    {"category": "3", "kazakh": 100, "foreign": 5, "posted": 2},
                    {"category": "4", "kazakh": 50, "foreign": 0},
                ],
            }
        ),
    ),
    ProfileView,
)


# 3. It applies for two engineers with an Idempotency-Key, and a retry replays the answer.
def worker(full_name_latin: str, passport_number: str) -> dict[str, object]:
    return {
        "full_name_latin": full_name_latin,
        "citizenship": "TUR",
        "passport_number": passport_number,
        "passport_expiry": "2030-01-01",
        "birth_date": "1985-04-12",
        "education": "higher",
        "profession": "Drilling engineer",
        "occupation_code": "2146",
        "experience_years": 8,
        "qualification_ref": "Professional standard 'Drilling', level 6",
    }


application = ApplicationRequest.from_dict(
    {
        "category": "3",
        "profession": "Drilling engineer",
        "regions": ["KZ-23"],
        "workers": [worker("KAYA MEHMET", "U1000001"), worker("DEMIR ALI", "U1000002")],
        "term": {"unit": "months", "length": 12},
        "start_date": "2026-01-15",
        "vacancy_code": "ELX-2025-000123",
        "vacancy_published_on": "2025-11-20",
    }
)
filed = file_permit_application.sync_detailed(
    client=employer, body=application, idempotency_key="client-case-1"
)
permit = must("application", filed, PermitView)
expect(permit.status.value == "applied", "the application is applied", permit.status)
replay = file_permit_application.sync_detailed(
    client=employer, body=application, idempotency_key="client-case-1"
)
expect(must("replay", replay, PermitView).id == permit.id, "the replay answers the same case")
expect(replay.headers.get("Idempotent-Replayed") == "true", "the replay says so")
pid = permit.id

# 4. The akimat approves with If-Match; a stale version is refused with 412 first.
travel_to("2025-12-24T04:00:00Z")
read = get_permit.sync_detailed(pid, client=akimat)
permit = must("akimat reads", read, PermitView)
expect(read.headers.get("ETag") == if_match(permit), "the ETag is the version")
stale = decide_permit.sync_detailed(
    pid,
    client=akimat,
    body=DecisionRequest.from_dict({"decision": "approve"}),
    if_match=f'"{permit.version + 1}"',
)
expect(stale.status_code == 412, "a stale If-Match is refused", stale.status_code)
expect(
    isinstance(stale.parsed, Problem)
    and stale.parsed.type_ == "urn:kz:permits:problem:stale-version",
    "412 names it",
    stale.parsed,
)
permit = must(
    "approval",
    decide_permit.sync_detailed(
        pid,
        client=akimat,
        body=DecisionRequest.from_dict({"decision": "approve"}),
        if_match=if_match(permit),
    ),
    PermitView,
)
expect(permit.status.value == "awaiting_payment", "approved, the fee is due", permit.status)

# 5. An underpayment is a 422 read through its typed members; then the fee due is paid.
travel_to("2025-12-26T04:00:00Z")
fee = permit.regions[0].fee
due = fee.due_today if fee else None
expect(isinstance(due, str), "the fee due today is stated", permit.regions)
assert isinstance(due, str)
short = pay_permit_fee.sync_detailed(
    pid,
    client=employer,
    body=PaymentRequest.from_dict(
        {"region": "KZ-23", "amount": "1000000.00", "paid_on": "2025-12-26", "reference": "PP-1"}
    ),
    accept_language="ru",
)
expect(short.status_code == 422, "an underpayment is refused", short.status_code)
problem = short.parsed
expect(isinstance(problem, PayFeeRefusal) and bool(problem.violations), "the violations", problem)
assert isinstance(problem, PayFeeRefusal) and isinstance(problem.violations, list)
underpaid = problem.violations[0]
expect(underpaid.code.value == "fee-underpaid", "the violation's code", underpaid)
expect(underpaid.article == "Art. 33(4)", "the violation's article", underpaid)
expect(underpaid.fee_due == due, "the violation names the fee due as a typed member", underpaid)
expect(short.headers.get("Content-Language") == "ru", "the problem is in Russian")
permit = must(
    "payment",
    pay_permit_fee.sync_detailed(
        pid,
        client=employer,
        body=PaymentRequest.from_dict(
            {"region": "KZ-23", "amount": due, "paid_on": "2025-12-26", "reference": "PP-2"}
        ),
        idempotency_key="client-pay-1",
    ),
    PermitView,
)
expect(permit.status.value == "active" and isinstance(permit.number, str), "issued", permit)
number = permit.number
assert isinstance(number, str)

# 6. The permit's PDF, downloaded as bytes.
pdf = permit_document.sync_detailed(pid, client=employer)
document = must("document", pdf, File)
expect(document.payload.read(5) == b"%PDF-", "the document is a PDF")
expect(pdf.headers.get("Content-Type") == "application/pdf", "served as a PDF")

# 7. Anyone checks the number without a token; valid once its term has begun.
travel_to("2026-02-01T04:00:00Z")
check = must("public check", verify_permit.sync_detailed(number, client=anyone), PublicPermitView)
expect(check.valid_today and check.not_valid is None, "valid today", check)
expect(str(check.valid_from) == "2026-01-15", "valid from its first day", check.valid_from)

# 8. A business trip outside the permit's regions (Art. 33(3)).
worker_id = permit.workers[0].id
trip = must(
    "trip",
    report_trip.sync_detailed(
        pid,
        client=employer,
        body=TripRequest.from_dict(
            {
                "worker_id": worker_id,
                "host_region": "KZ-35",
                "host_organisation": "Karaganda Steel JSC",
                "start_date": "2026-02-10",
                "end_date": "2026-03-11",
            }
        ),
    ),
    TripView,
)
expect(trip.host_region == "KZ-35", "the trip's host region", trip)

# 9. An extension, filed in the window before the end: a case of its own.
travel_to("2026-11-20T04:00:00Z")
extension = must(
    "extension",
    extend_permit.sync_detailed(
        pid,
        client=employer,
        body=ExtensionRequest.from_dict({"term": {"unit": "months", "length": 12}}),
        idempotency_key="client-ext-1",
    ),
    PermitView,
)
expect(
    extension.kind.value == "extension" and extension.parent_id == pid, "an extension", extension
)

# 10. Suspension, resumption and revocation by the akimat, each on the version it read.
permit = must("akimat reads again", get_permit.sync_detailed(pid, client=akimat), PermitView)
permit = must(
    "suspension",
    suspend_permit.sync_detailed(
        pid,
        client=akimat,
        body=SuspensionRequest.from_dict({"reason": "inspection of the Kazakh share"}),
        if_match=if_match(permit),
    ),
    PermitView,
)
expect(permit.status.value == "suspended", "suspended", permit.status)
permit = must(
    "resumption",
    resume_permit.sync_detailed(pid, client=akimat, if_match=if_match(permit)),
    PermitView,
)
expect(permit.status.value == "active", "resumed", permit.status)
permit = must(
    "revocation",
    revoke_permit.sync_detailed(
        pid,
        client=akimat,
        body=RevocationRequest.from_dict(
            {"ground": "kazakh-share-breached", "note": "share fell to 85 %"}
        ),
        if_match=if_match(permit),
    ),
    PermitView,
)
ground = permit.end_ground
expect(
    permit.status.value == "revoked" and ground is not None and ground.article == "Art. 33(6)",
    "revoked",
    permit,
)

# 11. The employer records a worker's departure (Art. 28(2)(8)).
permit = must(
    "departure",
    record_departure.sync_detailed(
        pid,
        client=employer,
        body=DepartureRequest.from_dict(
            {"worker_id": worker_id, "date": "2026-11-20", "evidence": "Almaty airport"}
        ),
    ),
    PermitView,
)
departed = [w for w in permit.workers if w.id == worker_id]
expect(
    len(departed) == 1 and str(departed[0].departed_on) == "2026-11-20",
    "the departure is recorded",
    departed,
)

# 12. The employer's cases, one a page: the permit, then its extension by the cursor.
first = must("first page", list_permits.sync_detailed(client=employer, limit=1), PermitPage)
expect(len(first.items) == 1 and first.items[0].id == pid, "the permit first", first)
expect(isinstance(first.next_cursor, str), "a cursor to the next page", first)
assert isinstance(first.next_cursor, str)
second = must(
    "next page",
    list_permits.sync_detailed(client=employer, limit=1, cursor=first.next_cursor),
    PermitPage,
)
expect(second.items[0].id == extension.id, "the extension next", second)

print("the whole case ran", file=sys.stderr)
