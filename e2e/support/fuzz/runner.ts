import type { FuzzCase } from './cases';

/** Who sends a case: headers to add, and how to sign in again if a case ended the session. */
export interface Caller {
  name: string;
  headers(): Record<string, string>;
  /** An authenticated GET that answers 2xx while the session lives. */
  probe?: string;
  renew?(): Promise<void>;
}

export interface Answer {
  status: number;
  contentType: string;
  text: string;
}

/** What must never reach a client: stack frames, SQL and driver errors, internal messages. */
const INTERNALS =
  /QueryFailedError|EntityNotFound|Maximum call stack|RangeError|TypeError|ReferenceError|node_modules|\.[jt]s:\d+:\d+|\bat [\w$.<>]+ \(|INSERT INTO|SELECT .+ FROM|duplicate key value|violates [a-z -]*constraint|syntax error at or near|invalid input syntax|invalid byte sequence|out of range for type/i;

let lastIp = 0;
/** A fresh client address per request (X-Forwarded-For is trusted from loopback), so per-IP limits stay out of the way. */
function nextIp(): string {
  lastIp += 1;
  return `203.0.${Math.floor(lastIp / 250) % 250}.${(lastIp % 250) + 1}`;
}

/** Bodies above the API's limit may be answered (413) and the connection closed before they are sent in full. */
const BODY_LIMIT = 1024 * 1024;
const ANSWER_WITHIN_MS = 30_000;

export async function send(baseUrl: string, fuzzCase: FuzzCase, caller: Caller, attempt = 1): Promise<Answer> {
  try {
    const response = await fetch(`${baseUrl}${fuzzCase.url}`, {
      method: fuzzCase.method,
      headers: { 'x-forwarded-for': nextIp(), ...caller.headers(), ...fuzzCase.headers },
      body:
        fuzzCase.body === undefined
          ? undefined
          : typeof fuzzCase.body === 'string'
            ? fuzzCase.body
            : new Uint8Array(fuzzCase.body),
      redirect: 'manual',
      signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
    });
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      text: await response.text(),
    };
  } catch (error) {
    const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${ANSWER_WITHIN_MS} ms` : String(error);
    if ((error as Error).name !== 'TimeoutError' && attempt < 2) return send(baseUrl, fuzzCase, caller, attempt + 1);
    const oversized = fuzzCase.body !== undefined && Buffer.byteLength(fuzzCase.body) > BODY_LIMIT;
    return { status: 0, contentType: '', text: oversized ? '' : reason };
  }
}

/** Why this answer breaks the contract, or null: no 5xx, every 4xx a problem, no internals. */
export function violation(answer: Answer): string | null {
  if (answer.status === 0) return answer.text ? `no answer: ${answer.text}` : null;
  if (answer.status >= 500) return `answered ${answer.status}`;
  if (INTERNALS.test(answer.text)) return `leaks internals: ${INTERNALS.exec(answer.text)![0]}`;
  if (answer.status < 400) return null;
  if (!answer.contentType.startsWith('application/problem+json'))
    return `${answer.status} as ${answer.contentType || 'no content type'}`;
  try {
    const problem = JSON.parse(answer.text) as { status?: unknown; type?: unknown };
    if (problem.status !== answer.status || typeof problem.type !== 'string')
      return `${answer.status} with a malformed problem`;
  } catch {
    return `${answer.status} with a body that is not JSON`;
  }
  return null;
}

/** Runs `tasks` with at most `concurrency` in flight, keeping their order in the results. */
export async function inPool<T>(tasks: (() => Promise<T>)[], concurrency: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));
  return results;
}
