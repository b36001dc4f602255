// A whole permit case through a client generated from openapi/openapi.json, as an
// employer's developer would write it: openapi-typescript makes `generated/schema.d.ts`,
// openapi-fetch calls the service, and `tsc` type-checks this file against the contract
// before it runs. No hand-written type of the service appears here: every body, header,
// answer and problem is the generated one.
//
// Run by tests/api/client.rs against a real service on SQLite or PostgreSQL. It reads:
//   PERMITS_URL       the service, e.g. http://127.0.0.1:8080
//   TOKEN_MINISTRY    a ministry token
//   TOKEN_AKIMAT      an akimat token of KZ-23 (Atyrau region)
//   TOKEN_EMPLOYER    an employer token of EMPLOYER_BIN
//   EMPLOYER_BIN      the employer's BIN
// The case spans a year. Against a deployed service the steps would be months apart; the
// test's service runs on a clock the test sets: `travelTo` writes `clock <instant>` and
// waits for one line back on stdin. Each step throws on the first answer it does not
// expect, and the process then exits with status 1.

import createClient from "openapi-fetch";
import { createInterface } from "node:readline";
import type { components, paths } from "./generated/schema.js";

type Problem = components["schemas"]["Problem"];
type PermitView = components["schemas"]["PermitView"];

// Each operation's 422 is its own problem type, whose violations' codes are only the
// operation's: `tsc` refuses these tables if a code of the operation is missing or one
// it cannot give is there (an object literal of `Record<Union, true>` must name exactly
// the union's members).
type Refusal<P extends keyof paths> = paths[P] extends {
  post: { responses: { 422: { content: { "application/problem+json": infer R } } } };
}
  ? R
  : never;
type CodeOf<R> = R extends { violations?: (infer V)[] } ? (V extends { code: infer C } ? C : never) : never;
type PayCode = CodeOf<Refusal<"/v1/permits/{id}/payments">>;
type DecideCode = CodeOf<Refusal<"/v1/permits/{id}/decisions">>;
const payCodes: Record<PayCode, true> = {
  "fee-underpaid": true,
  "region-not-in-permit": true,
  "payment-date-invalid": true,
  "rule-set-incomplete": true,
};
const decideCodes: Record<DecideCode, true> = {
  "quota-available": true,
  "country-quota-available": true,
  "country-quota-mixed": true,
  "kazakh-share": true,
  "employer-profile-required": true,
  "qualification-data": true,
  "term-allowed": true,
  "labour-market-test": true,
  "employer-barred": true,
  "replacement-commitment": true,
  "replacement-obligation-met": true,
  "worker-on-live-permit": true,
  "worker-on-pending-application": true,
  "passport-expires": true,
  "worker-needs-no-permit": true,
  "worker-exempt": true,
  "worker-route-other": true,
  "no-worker-needs-permit": true,
  "rule-set-incomplete": true,
  "quota-exhausted": true,
  "country-quota-exhausted": true,
  "unknown-ground": true,
  "grounds-required": true,
  "ground-not-for-category": true,
  "unknown-sector": true,
};

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const baseUrl = env("PERMITS_URL");
const bin = env("EMPLOYER_BIN");
const as = (token: string) =>
  createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });
const ministry = as(env("TOKEN_MINISTRY"));
const akimat = as(env("TOKEN_AKIMAT"));
const employer = as(env("TOKEN_EMPLOYER"));
const anyone = createClient<paths>({ baseUrl });

function expect(ok: boolean, what: string, detail?: unknown): asserts ok {
  if (!ok) throw new Error(`${what}${detail === undefined ? "" : `: ${JSON.stringify(detail)}`}`);
}

/** The data of a successful answer, or a thrown error naming the problem. */
function must<T>(step: string, r: { data?: T; error?: unknown; response: Response }): T {
  expect(r.data !== undefined, `${step}: ${r.response.status}`, r.error);
  console.error(`ok  ${step}: ${r.response.status}`);
  return r.data;
}

const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
/** Moves the test service's clock to `instant` (UTC). */
async function travelTo(instant: string): Promise<void> {
  console.log(`clock ${instant}`);
  const answer = await lines.next();
  expect(answer.value === "ok", `the clock was not set to ${instant}`, answer.value);
}

/** The `If-Match` of a permit's version. */
const ifMatch = (p: { version: number }) => `"${p.version}"`;

// 1. The ministry sets the 2026 quota and gives Atyrau region 10 units of category 3.
await travelTo("2025-12-15T04:00:00Z");
must(
  "national quota",
  await ministry.PUT("/v1/quotas/{year}", {
    params: { path: { year: 2026 } },
    body: {
      labour_force: 7_300_000,
      labour_force_source: "Bureau of National Statistics, forecast",
      permit_percent: "0.25",
      labour_immigrant_percent: "2.9",
      country_quotas: [],
      categories: [
        { category: "1", number: 726 },
        { category: "2", number: 3402 },
        { category: "3", number: 5893 },
        { category: "4", number: 3131 },
        { category: "seasonal", number: 4994 },
      ],
      order: { number: "Order No. 397", date: "2025-12-12" },
    },
  }),
);
must(
  "regional quota",
  await ministry.PUT("/v1/quotas/{year}/regions/{region}", {
    params: { path: { year: 2026, region: "KZ-23" } },
    body: { categories: [{ category: "3", allocated: 10 }], reason: "Order No. 397" },
  }),
);

// 2. The employer states its profile.
must(
  "profile",
  await employer.PUT("/v1/employers/{bin}", {
    params: { path: { bin } },
    body: {
      as_of: "2025-11-01",
      name: "Caspian Drilling LLP",
      legal_form: "LLP",
      foreign_division: false,
      sector: "B",
      region: "KZ-23",
      workforce: [
        { category: "3", kazakh: 100, foreign: 5, posted: 2 },
        { category: "4", kazakh: 50, foreign: 0 },
      ],
    },
  }),
);

// 3. It applies for two engineers with an Idempotency-Key, and a retry replays the answer.
const worker = (full_name_latin: string, passport_number: string) => ({
  full_name_latin,
  citizenship: "TUR",
  passport_number,
  passport_expiry: "2030-01-01",
  birth_date: "1985-04-12",
  education: "higher",
  profession: "Drilling engineer",
  occupation_code: "2146",
  experience_years: 8,
  qualification_ref: "Professional standard 'Drilling', level 6",
});
const application = {
  params: { header: { "Idempotency-Key": "client-case-1" } },
  body: {
    category: "3" as const,
    profession: "Drilling engineer",
    regions: ["KZ-23"],
    workers: [worker("KAYA MEHMET", "U1000001"), worker("DEMIR ALI", "U1000002")],
    term: { unit: "months" as const, length: 12 },
    start_date: "2026-01-15",
    vacancy_code: "ELX-2025-000123",
    vacancy_published_on: "2025-11-20",
  },
};
const filed = await employer.POST("/v1/permit-applications", application);
let permit: PermitView = must("application", filed);
expect(permit.status === "applied", "the application is applied", permit.status);
const replay = await employer.POST("/v1/permit-applications", application);
expect(must("replay", replay).id === permit.id, "the replay answers the same case");
expect(replay.response.headers.get("Idempotent-Replayed") === "true", "the replay says so");
const id = permit.id;

// 4. The akimat approves with If-Match; a stale version is refused with 412 first.
await travelTo("2025-12-24T04:00:00Z");
const read = await akimat.GET("/v1/permits/{id}", { params: { path: { id } } });
permit = must("akimat reads", read);
expect(read.response.headers.get("ETag") === ifMatch(permit), "the ETag is the version");
const stale = await akimat.POST("/v1/permits/{id}/decisions", {
  params: { path: { id }, header: { "If-Match": `"${permit.version + 1}"` } },
  body: { decision: "approve" },
});
expect(stale.response.status === 412, "a stale If-Match is refused", stale.response.status);
const staleProblem: Problem | undefined = stale.error;
expect(staleProblem?.type === "urn:kz:permits:problem:stale-version", "412 names it", staleProblem);
permit = must(
  "approval",
  await akimat.POST("/v1/permits/{id}/decisions", {
    params: { path: { id }, header: { "If-Match": ifMatch(permit) } },
    body: { decision: "approve" },
  }),
);
expect(permit.status === "awaiting_payment", "approved, the fee is due", permit.status);

// 5. An underpayment is a 422 read through its typed members; then the fee due is paid.
await travelTo("2025-12-26T04:00:00Z");
const due = permit.regions[0]?.fee?.due_today;
expect(typeof due === "string", "the fee due today is stated", permit.regions);
const short = await employer.POST("/v1/permits/{id}/payments", {
  params: { path: { id }, header: { "Accept-Language": "ru" } },
  body: { region: "KZ-23", amount: "1000000.00", paid_on: "2025-12-26", reference: "PP-1" },
});
expect(short.response.status === 422, "an underpayment is refused", short.response.status);
const underpaid = short.error?.violations?.[0];
expect(underpaid?.code === "fee-underpaid", "the violation's code", short.error);
expect(payCodes[underpaid.code] && !(underpaid.code in decideCodes), "one of the payment's codes", underpaid);
expect(underpaid.article === "Art. 33(4)", "the violation's article", underpaid);
expect(underpaid.fee_due === due, "the violation names the fee due as a typed member", underpaid);
expect(short.response.headers.get("Content-Language") === "ru", "the problem is in Russian");
permit = must(
  "payment",
  await employer.POST("/v1/permits/{id}/payments", {
    params: { path: { id }, header: { "Idempotency-Key": "client-pay-1" } },
    body: { region: "KZ-23", amount: due, paid_on: "2025-12-26", reference: "PP-2" },
  }),
);
expect(permit.status === "active" && permit.number !== null, "issued with a number", permit);
const number = permit.number;

// 6. The permit's PDF, downloaded as binary.
const pdf = await employer.GET("/v1/permits/{id}/document", {
  params: { path: { id } },
  parseAs: "blob",
});
const bytes = new Uint8Array(await must("document", pdf).arrayBuffer());
expect(new TextDecoder().decode(bytes.subarray(0, 5)) === "%PDF-", "the document is a PDF");
expect(pdf.response.headers.get("Content-Type") === "application/pdf", "served as a PDF");

// 7. Anyone checks the number without a token; valid once its term has begun.
await travelTo("2026-02-01T04:00:00Z");
const check = must(
  "public check",
  await anyone.GET("/v1/public/permits/{number}", { params: { path: { number } } }),
);
expect(check.valid_today && check.not_valid === null, "valid today", check);
expect(check.valid_from === "2026-01-15", "valid from its first day", check.valid_from);

// 8. A business trip outside the permit's regions (Art. 33(3)).
const workerId = permit.workers[0]?.id;
expect(workerId !== undefined, "the permit names its workers");
const trip = must(
  "trip",
  await employer.POST("/v1/permits/{id}/trips", {
    params: { path: { id } },
    body: {
      worker_id: workerId,
      host_region: "KZ-35",
      host_organisation: "Karaganda Steel JSC",
      start_date: "2026-02-10",
      end_date: "2026-03-11",
    },
  }),
);
expect(trip.host_region === "KZ-35", "the trip's host region", trip);

// 9. An extension, filed in the window before the end: a case of its own.
await travelTo("2026-11-20T04:00:00Z");
const extension = must(
  "extension",
  await employer.POST("/v1/permits/{id}/extensions", {
    params: { path: { id }, header: { "Idempotency-Key": "client-ext-1" } },
    body: { term: { unit: "months", length: 12 } },
  }),
);
expect(extension.kind === "extension" && extension.parent_id === id, "an extension", extension);

// 10. Suspension, resumption and revocation by the akimat, each on the version it read.
permit = must("akimat reads again", await akimat.GET("/v1/permits/{id}", { params: { path: { id } } }));
permit = must(
  "suspension",
  await akimat.POST("/v1/permits/{id}/suspension", {
    params: { path: { id }, header: { "If-Match": ifMatch(permit) } },
    body: { reason: "inspection of the Kazakh share" },
  }),
);
expect(permit.status === "suspended", "suspended", permit.status);
permit = must(
  "resumption",
  await akimat.POST("/v1/permits/{id}/resumption", {
    params: { path: { id }, header: { "If-Match": ifMatch(permit) } },
  }),
);
expect(permit.status === "active", "resumed", permit.status);
permit = must(
  "revocation",
  await akimat.POST("/v1/permits/{id}/revocation", {
    params: { path: { id }, header: { "If-Match": ifMatch(permit) } },
    body: { ground: "kazakh-share-breached", note: "share fell to 85 %" },
  }),
);
expect(permit.status === "revoked" && permit.end_ground?.article === "Art. 33(6)", "revoked", permit);

// 11. The employer records a worker's departure (Art. 28(2)(8)).
permit = must(
  "departure",
  await employer.POST("/v1/permits/{id}/departures", {
    params: { path: { id } },
    body: { worker_id: workerId, date: "2026-11-20", evidence: "Almaty airport" },
  }),
);
const departed = permit.workers.find((w) => w.id === workerId);
expect(departed?.departed_on === "2026-11-20", "the departure is recorded", departed);

// 12. The employer's cases, one a page: the permit, then its extension by the cursor.
const first = must(
  "first page",
  await employer.GET("/v1/permits", { params: { query: { limit: 1 } } }),
);
expect(first.items.length === 1 && first.items[0]?.id === id, "the permit first", first);
expect(typeof first.next_cursor === "string", "a cursor to the next page", first);
const second = must(
  "next page",
  await employer.GET("/v1/permits", {
    params: { query: { limit: 1, cursor: first.next_cursor } },
  }),
);
expect(second.items[0]?.id === extension.id, "the extension next", second);

console.error("the whole case ran");
lines.return?.();
process.exit(0);
