// A whole permit case through the client openapi-generator's `typescript-fetch` generator
// makes from openapi/openapi.json, as an employer's developer would write it: every body is
// a generated model, every answer is read by the generated `...FromJSON`, `tsc` type-checks
// this file against the generated code before it runs, and the 422 is read through its typed
// member `feeDue`. The same story as tests/client/permit-case.ts.
//
// tests/contract/generators.sh generates the client into `generated/` next to this file's
// copy under target/generators/, compiles it with tests/client's TypeScript and runs it
// through tests/api/client.rs (`a_client_of_another_generator_runs_a_whole_permit_case`),
// which starts the service on a clock of its own. It reads PERMITS_URL, TOKEN_MINISTRY,
// TOKEN_AKIMAT (KZ-23), TOKEN_EMPLOYER and EMPLOYER_BIN; `travelTo` writes
// `clock <instant>` on stdout and waits for `ok` on stdin. The first answer it does not
// expect throws, and the process exits with status 1.

import { createInterface } from "node:readline";
import {
  Configuration,
  PermitsApi,
  ProblemFromJSON,
  PublicApi,
  QuotasApi,
  ResponseError,
  type ApiResponse,
  type PermitView,
  type Problem,
  type WorkerRequest,
} from "./generated/index.js";

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const basePath = env("PERMITS_URL");
const bin = env("EMPLOYER_BIN");
const config = (accessToken?: string) => new Configuration({ basePath, accessToken });
const ministry = new QuotasApi(config(env("TOKEN_MINISTRY")));
const akimat = new PermitsApi(config(env("TOKEN_AKIMAT")));
const employer = new PermitsApi(config(env("TOKEN_EMPLOYER")));
const anyone = new PublicApi(config());

function expect(ok: boolean, what: string, detail?: unknown): asserts ok {
  if (!ok) throw new Error(`${what}${detail === undefined ? "" : `: ${JSON.stringify(detail)}`}`);
}

/** The answer of a success (with its raw response), or a thrown error naming the problem. */
async function must<T>(step: string, call: Promise<ApiResponse<T>>): Promise<{ data: T; raw: Response }> {
  try {
    const answer = await call;
    console.error(`ok  ${step}: ${answer.raw.status}`);
    return { data: await answer.value(), raw: answer.raw };
  } catch (e) {
    if (e instanceof ResponseError) {
      throw new Error(`${step}: ${e.response.status} ${await e.response.text()}`);
    }
    throw e;
  }
}

/** The problem of a refusal the step expects, read by the generated `ProblemFromJSON`. */
async function refused(step: string, call: Promise<unknown>): Promise<{ problem: Problem; raw: Response }> {
  try {
    await call;
  } catch (e) {
    if (e instanceof ResponseError) {
      console.error(`ok  ${step}: ${e.response.status}`);
      return { problem: ProblemFromJSON(await e.response.json()), raw: e.response };
    }
    throw e;
  }
  throw new Error(`${step}: not refused`);
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
/** A date of the contract (`format: date`), which this generator types as `Date`. */
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (d: Date | null | undefined) => d?.toISOString().slice(0, 10);

// 1. The ministry sets the 2026 quota and gives Atyrau region 10 units of category 3.
await travelTo("2025-12-15T04:00:00Z");
await must(
  "national quota",
  ministry.setNationalQuotaRaw({
    year: 2026,
    nationalQuotaRequest: {
      labourForce: 7_300_000,
      labourForceSource: "Bureau of National Statistics, forecast",
      permitPercent: "0.25",
      labourImmigrantPercent: "2.9",
      countryQuotas: [],
      categories: [
        { category: "1", number: 726 },
        { category: "2", number: 3402 },
        { category: "3", number: 5893 },
        { category: "4", number: 3131 },
        { category: "seasonal", number: 4994 },
      ],
      order: { number: "Order No. 397", date: day("2025-12-12") },
    },
  }),
);
await must(
  "regional quota",
  ministry.setRegionalQuotaRaw({
    year: 2026,
    region: "KZ-23",
    regionalAllocationRequest: {
      categories: [{ category: "3", allocated: 10 }],
      reason: "Order No. 397",
    },
  }),
);

// 2. The employer states its profile.
await must(
  "profile",
  employer.putEmployerProfileRaw({
    bin,
    profileRequest: {
      asOf: day("2025-11-01"),
      name: "Caspian Drilling LLP",
      legalForm: "LLP",
      foreignDivision: false,
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
const worker = (fullNameLatin: string, passportNumber: string): WorkerRequest => ({
  fullNameLatin,
  citizenship: "TUR",
  passportNumber,
  passportExpiry: day("2030-01-01"),
  birthDate: day("1985-04-12"),
  education: "higher",
  profession: "Drilling engineer",
  occupationCode: "2146",
  experienceYears: 8,
  qualificationRef: "Professional standard 'Drilling', level 6",
});
const application = {
  idempotencyKey: "client-case-1",
  applicationRequest: {
    category: "3" as const,
    profession: "Drilling engineer",
    regions: ["KZ-23"],
    workers: [worker("KAYA MEHMET", "U1000001"), worker("DEMIR ALI", "U1000002")],
    term: { unit: "months" as const, length: 12 },
    startDate: day("2026-01-15"),
    vacancyCode: "ELX-2025-000123",
    vacancyPublishedOn: day("2025-11-20"),
  },
};
let permit: PermitView = (await must("application", employer.filePermitApplicationRaw(application))).data;
expect(permit.status === "applied", "the application is applied", permit.status);
const replay = await must("replay", employer.filePermitApplicationRaw(application));
expect(replay.data.id === permit.id, "the replay answers the same case");
expect(replay.raw.headers.get("Idempotent-Replayed") === "true", "the replay says so");
const id = permit.id;

// 4. The akimat approves with If-Match; a stale version is refused with 412 first.
await travelTo("2025-12-24T04:00:00Z");
const read = await must("akimat reads", akimat.getPermitRaw({ id }));
permit = read.data;
expect(read.raw.headers.get("ETag") === ifMatch(permit), "the ETag is the version");
const stale = await refused(
  "stale approval",
  akimat.decidePermit({ id, ifMatch: `"${permit.version + 1}"`, decisionRequest: { decision: "approve" } }),
);
expect(stale.raw.status === 412, "a stale If-Match is refused", stale.raw.status);
expect(stale.problem.type === "urn:kz:permits:problem:stale-version", "412 names it", stale.problem);
permit = (
  await must(
    "approval",
    akimat.decidePermitRaw({ id, ifMatch: ifMatch(permit), decisionRequest: { decision: "approve" } }),
  )
).data;
expect(permit.status === "awaiting_payment", "approved, the fee is due", permit.status);

// 5. An underpayment is a 422 read through its typed members; then the fee due is paid.
await travelTo("2025-12-26T04:00:00Z");
const due = permit.regions[0]?.fee?.dueToday;
expect(typeof due === "string", "the fee due today is stated", permit.regions);
const short = await refused(
  "underpayment",
  employer.payPermitFee({
    id,
    acceptLanguage: "ru",
    paymentRequest: { region: "KZ-23", amount: "1000000.00", paidOn: day("2025-12-26"), reference: "PP-1" },
  }),
);
expect(short.raw.status === 422, "an underpayment is refused", short.raw.status);
const underpaid = short.problem.violations?.[0];
expect(underpaid?.code === "fee-underpaid", "the violation's code", short.problem);
expect(underpaid.article === "Art. 33(4)", "the violation's article", underpaid);
expect(underpaid.feeDue === due, "the violation names the fee due as a typed member", underpaid);
expect(short.raw.headers.get("Content-Language") === "ru", "the problem is in Russian");
permit = (
  await must(
    "payment",
    employer.payPermitFeeRaw({
      id,
      idempotencyKey: "client-pay-1",
      paymentRequest: { region: "KZ-23", amount: due, paidOn: day("2025-12-26"), reference: "PP-2" },
    }),
  )
).data;
expect(permit.status === "active" && permit.number !== null, "issued with a number", permit);
const number = permit.number;

// 6. The permit's PDF, downloaded as binary.
const pdf = await must("document", employer.permitDocumentRaw({ id }));
const bytes = new Uint8Array(await pdf.data.arrayBuffer());
expect(new TextDecoder().decode(bytes.subarray(0, 5)) === "%PDF-", "the document is a PDF");
expect(pdf.raw.headers.get("Content-Type") === "application/pdf", "served as a PDF");

// 7. Anyone checks the number without a token; valid once its term has begun.
await travelTo("2026-02-01T04:00:00Z");
const check = (await must("public check", anyone.verifyPermitRaw({ number }))).data;
expect(check.validToday && check.notValid === null, "valid today", check);
expect(iso(check.validFrom) === "2026-01-15", "valid from its first day", check.validFrom);

// 8. A business trip outside the permit's regions (Art. 33(3)).
const workerId = permit.workers[0]?.id;
expect(workerId !== undefined, "the permit names its workers");
const trip = (
  await must(
    "trip",
    employer.reportTripRaw({
      id,
      tripRequest: {
        workerId,
        hostRegion: "KZ-35",
        hostOrganisation: "Karaganda Steel JSC",
        startDate: day("2026-02-10"),
        endDate: day("2026-03-11"),
      },
    }),
  )
).data;
expect(trip.hostRegion === "KZ-35", "the trip's host region", trip);

// 9. An extension, filed in the window before the end: a case of its own.
await travelTo("2026-11-20T04:00:00Z");
const extension = (
  await must(
    "extension",
    employer.extendPermitRaw({
      id,
      idempotencyKey: "client-ext-1",
      extensionRequest: { term: { unit: "months", length: 12 } },
    }),
  )
).data;
expect(extension.kind === "extension" && extension.parentId === id, "an extension", extension);

// 10. Suspension, resumption and revocation by the akimat, each on the version it read.
permit = (await must("akimat reads again", akimat.getPermitRaw({ id }))).data;
permit = (
  await must(
    "suspension",
    akimat.suspendPermitRaw({
      id,
      ifMatch: ifMatch(permit),
      suspensionRequest: { reason: "inspection of the Kazakh share" },
    }),
  )
).data;
expect(permit.status === "suspended", "suspended", permit.status);
permit = (await must("resumption", akimat.resumePermitRaw({ id, ifMatch: ifMatch(permit) }))).data;
expect(permit.status === "active", "resumed", permit.status);
permit = (
  await must(
    "revocation",
    akimat.revokePermitRaw({
      id,
      ifMatch: ifMatch(permit),
      revocationRequest: { ground: "kazakh-share-breached", note: "share fell to 85 %" },
    }),
  )
).data;
expect(permit.status === "revoked" && permit.endGround?.article === "Art. 33(6)", "revoked", permit);

// 11. The employer records a worker's departure (Art. 28(2)(8)).
permit = (
  await must(
    "departure",
    employer.recordDepartureRaw({
      id,
      departureRequest: { workerId, date: day("2026-11-20"), evidence: "Almaty airport" },
    }),
  )
).data;
const departed = permit.workers.find((w) => w.id === workerId);
expect(iso(departed?.departedOn) === "2026-11-20", "the departure is recorded", departed);

// 12. The employer's cases, one a page: the permit, then its extension by the cursor.
const first = (await must("first page", employer.listPermitsRaw({ limit: 1 }))).data;
expect(first.items.length === 1 && first.items[0]?.id === id, "the permit first", first);
expect(typeof first.nextCursor === "string", "a cursor to the next page", first);
const second = (
  await must("next page", employer.listPermitsRaw({ limit: 1, cursor: first.nextCursor }))
).data;
expect(second.items[0]?.id === extension.id, "the extension next", second);

console.error("the whole case ran");
lines.return?.();
process.exit(0);
