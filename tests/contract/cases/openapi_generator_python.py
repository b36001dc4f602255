"""A whole permit case through the client openapi-generator's `python` generator makes from
openapi/openapi.json (pydantic models, urllib3), as an employer's developer would write it:
every body is a generated model, every answer is deserialised by the generated code, and the
422 is read through its typed member `fee_due` of the generated exception's `data`. The same
story as tests/client/permit-case.ts.

tests/contract/generators.sh generates the package `permits_client` and runs this script
through tests/api/client.rs (`a_client_of_another_generator_runs_a_whole_permit_case`),
which starts the service on a clock of its own. It reads PERMITS_URL, TOKEN_MINISTRY,
TOKEN_AKIMAT (KZ-23), TOKEN_EMPLOYER and EMPLOYER_BIN; `travel_to` writes
`clock <instant>` on stdout and waits for `ok` on stdin. The first answer it does not
expect raises, and the process exits with status 1.
"""

import os
import sys
from collections.abc import Callable
from typing import TypeVar

import permits_client
from permits_client import (
    ApiClient,
    ApiException,
    ApplicationRequest,
    Configuration,
    DecisionRequest,
    DepartureRequest,
    ExtensionRequest,
    NationalQuotaRequest,
    PayFeeRefusal,
    PaymentRequest,
    PermitsApi,
    PermitView,
    Problem,
    ProfileRequest,
    PublicApi,
    QuotasApi,
    RegionalAllocationRequest,
    RevocationRequest,
    SuspensionRequest,
    TripRequest,
)

T = TypeVar("T")


def env(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise SystemExit(f"{name} is not set")
    return value


BASE = env("PERMITS_URL")
BIN = env("EMPLOYER_BIN")


def client(token: str | None) -> ApiClient:
    return ApiClient(Configuration(host=BASE, access_token=token))


ministry, akimat, employer, anyone = (
    client(env("TOKEN_MINISTRY")),
    client(env("TOKEN_AKIMAT")),
    client(env("TOKEN_EMPLOYER")),
    client(None),
)


def expect(ok: bool, what: str, detail: object = None) -> None:
    if not ok:
        raise AssertionError(what if detail is None else f"{what}: {detail!r}")


def must(
    step: str, call: Callable[[], permits_client.ApiResponse[T]]
) -> permits_client.ApiResponse[T]:
    """The answer of a success (with its headers), or an error naming the problem."""
    try:
        response = call()
    except ApiException as e:
        raise AssertionError(f"{step}: {e.status}: {e.data or e.body}") from e
    print(f"ok  {step}: {response.status_code}", file=sys.stderr)
    return response


def refused(step: str, call: Callable[[], object]) -> ApiException:
    """The exception of a refusal the step expects."""
    try:
        call()
    except ApiException as e:
        print(f"ok  {step}: {e.status}", file=sys.stderr)
        return e
    raise AssertionError(f"{step}: not refused")


def travel_to(instant: str) -> None:
    """Moves the test service's clock to `instant` (UTC)."""
    print(f"clock {instant}", flush=True)
    answer = sys.stdin.readline().strip()
    expect(answer == "ok", f"the clock was not set to {instant}", answer)


# This client hands the answer's headers over as a plain dict of the names as they came on
# the wire (lower-case from this service), so the script reads them in lower case.


def if_match(permit: PermitView) -> str:
    return f'"{permit.version}"'


# 1. The ministry sets the 2026 quota and gives Atyrau region 10 units of category 3.
travel_to("2025-12-15T04:00:00Z")
must(
    "national quota",
    lambda: QuotasApi(ministry).set_national_quota_with_http_info(
        2026,
        NationalQuotaRequest.model_validate(
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
)
must(
    "regional quota",
    lambda: QuotasApi(ministry).set_regional_quota_with_http_info(
        2026,
        "KZ-23",
        RegionalAllocationRequest.model_validate(
            {"categories": [{"category": "3", "allocated": 10}], "reason": "Order No. 397"}
        ),
    ),
)

# 2. The employer states its profile.
must(
    "profile",
    lambda: PermitsApi(employer).put_employer_profile_with_http_info(
        BIN,
        ProfileRequest.model_validate(
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


application = ApplicationRequest.model_validate(
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
permits = {who: PermitsApi(c) for who, c in (("employer", employer), ("akimat", akimat))}
permit = must(
    "application",
    lambda: permits["employer"].file_permit_application_with_http_info(
        application, idempotency_key="client-case-1"
    ),
).data
expect(permit.status == "applied", "the application is applied", permit.status)
replay = must(
    "replay",
    lambda: permits["employer"].file_permit_application_with_http_info(
        application, idempotency_key="client-case-1"
    ),
)
expect(replay.data.id == permit.id, "the replay answers the same case")
expect(
    (replay.headers or {}).get("idempotent-replayed") == "true",
    "the replay says so",
    replay.headers,
)
pid = permit.id

# 4. The akimat approves with If-Match; a stale version is refused with 412 first.
travel_to("2025-12-24T04:00:00Z")
read = must("akimat reads", lambda: permits["akimat"].get_permit_with_http_info(pid))
permit = read.data
expect((read.headers or {}).get("etag") == if_match(permit), "the ETag is the version")
approve = DecisionRequest.model_validate({"decision": "approve"})
stale = refused(
    "stale approval",
    lambda: permits["akimat"].decide_permit(pid, approve, if_match=f'"{permit.version + 1}"'),
)
expect(stale.status == 412, "a stale If-Match is refused", stale.status)
expect(
    isinstance(stale.data, Problem) and stale.data.type == "urn:kz:permits:problem:stale-version",
    "412 names it",
    stale.data,
)
permit = must(
    "approval",
    lambda: permits["akimat"].decide_permit_with_http_info(pid, approve, if_match=if_match(permit)),
).data
expect(permit.status == "awaiting_payment", "approved, the fee is due", permit.status)

# 5. An underpayment is a 422 read through its typed members; then the fee due is paid.
travel_to("2025-12-26T04:00:00Z")
fee = permit.regions[0].fee
due = fee.due_today if fee else None
expect(isinstance(due, str), "the fee due today is stated", permit.regions)
assert isinstance(due, str)
underpayment = PaymentRequest.model_validate(
    {"region": "KZ-23", "amount": "1000000.00", "paid_on": "2025-12-26", "reference": "PP-1"}
)
short = refused(
    "underpayment",
    lambda: permits["employer"].pay_permit_fee(pid, underpayment, accept_language="ru"),
)
expect(short.status == 422, "an underpayment is refused", short.status)
problem = short.data
expect(isinstance(problem, PayFeeRefusal) and bool(problem.violations), "the violations", problem)
assert isinstance(problem, PayFeeRefusal) and problem.violations
underpaid = problem.violations[0]
expect(underpaid.code == "fee-underpaid", "the violation's code", underpaid)
expect(underpaid.article == "Art. 33(4)", "the violation's article", underpaid)
expect(underpaid.fee_due == due, "the violation names the fee due as a typed member", underpaid)
expect((short.headers or {}).get("content-language") == "ru", "the problem is in Russian")
payment = PaymentRequest.model_validate(
    {"region": "KZ-23", "amount": due, "paid_on": "2025-12-26", "reference": "PP-2"}
)
permit = must(
    "payment",
    lambda: permits["employer"].pay_permit_fee_with_http_info(
        pid, payment, idempotency_key="client-pay-1"
    ),
).data
expect(permit.status == "active" and isinstance(permit.number, str), "issued", permit)
number = str(permit.number)

# 6. The permit's PDF, downloaded as bytes.
pdf = must("document", lambda: permits["employer"].permit_document_with_http_info(pid))
expect(bytes(pdf.data[:5]) == b"%PDF-", "the document is a PDF", bytes(pdf.data[:16]))
expect((pdf.headers or {}).get("content-type") == "application/pdf", "served as a PDF")

# 7. Anyone checks the number without a token; valid once its term has begun.
travel_to("2026-02-01T04:00:00Z")
check = must("public check", lambda: PublicApi(anyone).verify_permit_with_http_info(number)).data
expect(check.valid_today and check.not_valid is None, "valid today", check)
expect(str(check.valid_from) == "2026-01-15", "valid from its first day", check.valid_from)

# 8. A business trip outside the permit's regions (Art. 33(3)).
worker_id = permit.workers[0].id
journey = TripRequest.model_validate(
    {
        "worker_id": worker_id,
        "host_region": "KZ-35",
        "host_organisation": "Karaganda Steel JSC",
        "start_date": "2026-02-10",
        "end_date": "2026-03-11",
    }
)
trip = must("trip", lambda: permits["employer"].report_trip_with_http_info(pid, journey)).data
expect(trip.host_region == "KZ-35", "the trip's host region", trip)

# 9. An extension, filed in the window before the end: a case of its own.
travel_to("2026-11-20T04:00:00Z")
longer = ExtensionRequest.model_validate({"term": {"unit": "months", "length": 12}})
extension = must(
    "extension",
    lambda: permits["employer"].extend_permit_with_http_info(
        pid, longer, idempotency_key="client-ext-1"
    ),
).data
expect(extension.kind == "extension" and extension.parent_id == pid, "an extension", extension)

# 10. Suspension, resumption and revocation by the akimat, each on the version it read.
permit = must("akimat reads again", lambda: permits["akimat"].get_permit_with_http_info(pid)).data
suspension = SuspensionRequest.model_validate({"reason": "inspection of the Kazakh share"})
permit = must(
    "suspension",
    lambda: permits["akimat"].suspend_permit_with_http_info(
        pid, suspension, if_match=if_match(permit)
    ),
).data
expect(permit.status == "suspended", "suspended", permit.status)
permit = must(
    "resumption",
    lambda: permits["akimat"].resume_permit_with_http_info(pid, if_match=if_match(permit)),
).data
expect(permit.status == "active", "resumed", permit.status)
revocation = RevocationRequest.model_validate(
    {"ground": "kazakh-share-breached", "note": "share fell to 85 %"}
)
permit = must(
    "revocation",
    lambda: permits["akimat"].revoke_permit_with_http_info(
        pid, revocation, if_match=if_match(permit)
    ),
).data
ground = permit.end_ground
expect(
    permit.status == "revoked" and ground is not None and ground.article == "Art. 33(6)",
    "revoked",
    permit,
)

# 11. The employer records a worker's departure (Art. 28(2)(8)).
departure = DepartureRequest.model_validate(
    {"worker_id": worker_id, "date": "2026-11-20", "evidence": "Almaty airport"}
)
permit = must(
    "departure", lambda: permits["employer"].record_departure_with_http_info(pid, departure)
).data
departed = [w for w in permit.workers if w.id == worker_id]
expect(
    len(departed) == 1 and str(departed[0].departed_on) == "2026-11-20",
    "the departure is recorded",
    departed,
)

# 12. The employer's cases, one a page: the permit, then its extension by the cursor.
first = must("first page", lambda: permits["employer"].list_permits_with_http_info(limit=1)).data
expect(len(first.items) == 1 and first.items[0].id == pid, "the permit first", first)
expect(isinstance(first.next_cursor, str), "a cursor to the next page", first)
second = must(
    "next page",
    lambda: permits["employer"].list_permits_with_http_info(limit=1, cursor=first.next_cursor),
).data
expect(second.items[0].id == extension.id, "the extension next", second)

print("the whole case ran", file=sys.stderr)
