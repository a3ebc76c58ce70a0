import { randomUUID } from 'node:crypto';
import { buildOpenApiDocument } from '@tessera/api';
import { MembersService } from '@tessera/members';
import { casesFor, pickCases, type FuzzCase } from '../support/fuzz/cases';
import { operationsOf, type Operation } from '../support/fuzz/openapi-operations';
import { Prng } from '../support/fuzz/prng';
import { collectReferences } from '../support/fuzz/references';
import { inPool, send, violation, type Caller } from '../support/fuzz/runner';
import { linkTokenFromEmail } from '../support/mail';
import { ADMIN, startStack, uniqueEmail, type Stack } from '../support/stack';

/**
 * Every operation of the OpenAPI document, as an anonymous caller, a member and a staff admin
 * (and with forged credentials), gets generated bad input: broken properties, missing fields,
 * hostile text, huge and deep values, bad path and query parameters, wrong media types and
 * malformed multipart. Nothing may answer 5xx, every 4xx is problem+json, nothing leaks internals.
 * New operations are fuzzed as soon as they are in the document; the seed makes runs identical.
 */
const SEED = 'tessera-fuzz-1';
/** Cases per operation and caller (drawn by the seeded generator when an operation has more). */
const CASES_PER_CALLER = 24;
/** Forged credentials get a few cases per operation: the guard answers them before anything else. */
const CASES_FORGED = 3;
const CONCURRENCY = 4;

describe('fuzzing every operation of the OpenAPI document', () => {
  let stack: Stack;
  let callers: { caller: Caller; cases: number }[];
  let staff: Caller;
  const memberPassword = 'Fuzz-Member-Password-42';

  /** Signs in from an address of its own; waits out a 429 (rate limits are not what this suite tests). */
  const signIn = async (email: string, password: string, attempt = 1): Promise<string> => {
    const response = await fetch(`${stack.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `192.0.2.${attempt}` },
      body: JSON.stringify({ email, password }),
    });
    if (response.status === 429 && attempt < 4) {
      await new Promise((resolve) =>
        setTimeout(resolve, 1000 * Math.min(5, Number(response.headers.get('retry-after')) || 1)),
      );
      return signIn(email, password, attempt + 1);
    }
    if (response.status !== 200) throw new Error(`Signing in ${email} answered ${response.status}`);
    return ((await response.json()) as { accessToken: string }).accessToken;
  };

  function signedIn(name: string, email: string, password: string, token: string, probe: string): Caller {
    return {
      name,
      headers: () => ({ authorization: `Bearer ${token}` }),
      probe,
      async renew() {
        token = await signIn(email, password);
      },
    };
  }

  /** A member with an activated portal account, made as an approval makes it. */
  async function memberCaller(adminToken: string): Promise<Caller> {
    const email = uniqueEmail('fuzz.member');
    const plan = await fetch(`${stack.baseUrl}/api/v1/plans`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({
        code: 'fuzz',
        name: 'Fuzz plan',
        applicantKinds: ['individual'],
        price: { amount: 1000, currency: 'EUR' },
        period: { count: 1, unit: 'year' },
      }),
    });
    const { id: planId } = (await plan.json()) as { id: string };
    const member = await stack.api.get(MembersService).createOrMatchFromApplication({
      kind: 'person',
      person: { firstName: 'Fuzz', lastName: 'Member', email },
      planId,
      locale: 'en',
      source: { type: 'application', id: randomUUID(), reference: 'APP-2026-009999' },
    });
    await fetch(`${stack.baseUrl}/api/v1/members/${member.memberId}/portal-invitation`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}` },
    });
    const { token } = await linkTokenFromEmail(stack.sink, email, /Activate your member account/, '/activate');
    const activated = await fetch(`${stack.baseUrl}/api/v1/auth/activate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, password: memberPassword }),
    });
    const { accessToken } = (await activated.json()) as { accessToken: string };
    return signedIn('member', email, memberPassword, accessToken, '/api/v1/me');
  }

  beforeAll(async () => {
    stack = await startStack();
    const adminToken = await signIn(ADMIN.email, ADMIN.password);
    staff = signedIn('staff', ADMIN.email, ADMIN.password, adminToken, '/api/v1/users?pageSize=1');
    callers = [
      { caller: { name: 'anonymous', headers: () => ({}) }, cases: CASES_PER_CALLER },
      { caller: await memberCaller(adminToken), cases: CASES_PER_CALLER },
      { caller: staff, cases: CASES_PER_CALLER },
      {
        caller: { name: 'forged bearer', headers: () => ({ authorization: `Bearer ${FORGED_JWT}` }) },
        cases: CASES_FORGED,
      },
      {
        caller: { name: 'forged API key', headers: () => ({ 'x-api-key': 'tsk_forged0000000000' }) },
        cases: CASES_FORGED,
      },
    ];
  });
  afterAll(() => stack.stop());

  it('answers no 5xx, only problem+json 4xx, and leaks nothing', async () => {
    const operations = operationsOf(buildOpenApiDocument(stack.api) as never);
    const references = await collectReferences(stack.baseUrl, operations, staff);
    const findings: string[] = [];
    const statuses = new Map<number, number>();
    let requests = 0;
    const started = { wall: performance.now(), cpu: process.cpuUsage() };

    for (const operation of operations)
      for (const { caller, cases } of callers) {
        const chosen = pickCases(
          casesFor(operation, new Prng(`${SEED}:${operation.method} ${operation.path}`), references),
          cases,
          new Prng(`${SEED}:${caller.name}:${operation.method} ${operation.path}`),
        );
        const answers = await inPool(
          chosen.map((fuzzCase) => () => send(stack.baseUrl, fuzzCase, caller)),
          CONCURRENCY,
        );
        answers.forEach((answer, index) => {
          requests += 1;
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          const problem = violation(answer);
          if (problem) findings.push(report(caller, operation, chosen[index], problem, answer.text));
        });
        await keepSignedIn(caller);
      }

    const health = await fetch(`${stack.baseUrl}/api/health`);
    // CPU of this process (the API runs in it, and the client) says more than wall time on a busy machine.
    const cpu = process.cpuUsage(started.cpu);
    console.log(
      `Fuzzed ${operations.length} operations with ${requests} requests as ${callers.map((c) => c.caller.name).join(', ')} ` +
        `in ${((performance.now() - started.wall) / 1000).toFixed(1)} s (${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of CPU); ` +
        `statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`,
    );
    expect(findings).toEqual([]);
    expect(operations.length).toBeGreaterThanOrEqual(50);
    expect(health.status).toBe(200);
  }, 300_000);

  /** A case may have ended the caller's session (sign-out); sign in again so the next operation is fuzzed as them. */
  async function keepSignedIn(caller: Caller): Promise<void> {
    if (!caller.probe || !caller.renew) return;
    const probe = await fetch(`${stack.baseUrl}${caller.probe}`, { headers: caller.headers() });
    if (probe.status === 401) await caller.renew();
  }
});

/** A well-formed JWT signed with nothing (`alg: none`), claiming to be someone. */
const FORGED_JWT = [
  Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url'),
  Buffer.from(JSON.stringify({ sub: randomUUID(), sid: randomUUID(), roles: ['admin'] })).toString('base64url'),
  '',
].join('.');

function report(caller: Caller, operation: Operation, fuzzCase: FuzzCase, problem: string, text: string): string {
  return `${caller.name} ${operation.method} ${fuzzCase.url.slice(0, 120)} [${fuzzCase.label}]: ${problem} — ${text.slice(0, 200)}`;
}
