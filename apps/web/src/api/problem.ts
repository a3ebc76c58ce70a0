import { keyed, messageText, translate, type Message } from '@/i18n/translate';

/**
 * RFC 9457 problem details, as every API error is sent (`application/problem+json`), and the
 * `ApiError` the SPA throws for any failed call (HTTP error, unreadable body or no connection).
 */
export interface FieldError {
  field: string;
  message: string;
  /** The rule that failed (class-validator's constraint name, e.g. `isEmail`), when the server says. */
  code?: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
}

export class ApiError extends Error {
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  readonly problem: Problem | null;
  /** Seconds to wait before retrying (from `Retry-After`), for 429 and 503 responses. */
  readonly retryAfter: number | null;

  constructor(status: number, problem: Problem | null, retryAfter: number | null = null) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  get fieldErrors(): FieldError[] {
    return this.problem?.errors ?? [];
  }
}

/** What the SPA says for a status when the server's own words are not shown. */
function statusMessage(status: number): Message {
  if (status === 0) return keyed('problems.network');
  if (status === 401) return keyed('problems.sessionExpired');
  if (status === 403) return keyed('problems.forbidden');
  if (status === 404) return keyed('problems.notFound');
  if (status === 502 || status === 503 || status === 504) return keyed('problems.unavailable');
  if (status >= 500) return keyed('problems.serverError');
  return keyed('problems.requestFailed', { status });
}

const PROBLEM_PREFIX = 'urn:tessera:problem:';

/** "urn:tessera:problem:invalid-credentials" → "problems.types.invalidCredentials". */
function typeKey(type: string): string | null {
  if (!type.startsWith(PROBLEM_PREFIX)) return null;
  const slug = type
    .slice(PROBLEM_PREFIX.length)
    .replace(/-([a-z0-9])/g, (_dash, letter: string) => letter.toUpperCase());
  return `problems.types.${slug}`;
}

function known(key: string | null): key is string {
  return key !== null && translate(key) !== key;
}

/**
 * What to tell people about a failed call, in the SPA's language: our own text for problem types
 * we know and for statuses whose details add nothing (401, 404, 5xx, no connection), otherwise the
 * server's detail (English) — see "Errors" in docs/architecture.md.
 */
export function problemMessage(error: ApiError): Message {
  if (error.status === 429 && error.retryAfter) return tooManyAttemptsMessage(error.retryAfter);
  const key = error.problem ? typeKey(error.problem.type) : null;
  if (known(key)) return keyed(key);
  if (!error.problem || [0, 401, 404].includes(error.status) || error.status >= 500) {
    return statusMessage(error.status);
  }
  return error.problem.detail ?? error.problem.title;
}

/** A field error in the SPA's language when its rule is one we word ourselves, else the server's. */
export function fieldErrorMessage(error: FieldError): Message {
  const key = error.code ? `problems.fields.${error.code}` : null;
  return known(key) ? keyed(key) : error.message;
}

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { title?: unknown }).title === 'string' &&
    typeof (value as { status?: unknown }).status === 'number'
  );
}

/** Seconds from a `Retry-After` header (delta-seconds or an HTTP date). */
export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

export function toApiError(response: Response, body: unknown): ApiError {
  return apiErrorFrom(response.status, body, response.headers.get('Retry-After'));
}

/** The same, from parts (for requests made without fetch, e.g. an XMLHttpRequest upload). */
export function apiErrorFrom(status: number, body: unknown, retryAfter: string | null): ApiError {
  return new ApiError(status, isProblem(body) ? body : null, parseRetryAfter(retryAfter));
}

/**
 * A problem found in the browser before anything is sent, shown like a server field error
 * (e.g. the captcha could not be solved).
 */
export function clientFieldError(field: string, message: string): ApiError {
  return new ApiError(400, { type: 'about:blank', title: message, status: 400, errors: [{ field, message }] });
}

/** What openapi-fetch resolves to, loosely typed so any endpoint's result fits. */
interface FetchResult<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

/**
 * Awaits an openapi-fetch call and returns its data, or throws an `ApiError`
 * (also for network failures, so callers handle one error type).
 */
export async function unwrap<D>(call: Promise<FetchResult<D>>): Promise<D> {
  let result: FetchResult<D>;
  try {
    result = await call;
  } catch (cause) {
    if (cause instanceof ApiError) throw cause;
    throw new ApiError(0, null);
  }
  if (!result.response.ok) throw toApiError(result.response, result.error);
  return result.data as D;
}

/** A one-line human message for any error, for toasts and alerts, in the SPA's language. */
export function errorMessage(error: unknown): string {
  return messageText(error instanceof ApiError ? problemMessage(error) : keyed('problems.unexpected'));
}

export function tooManyAttemptsMessage(seconds: number): Message {
  return seconds === 1 ? keyed('problems.tooManyAttemptsOne') : keyed('problems.tooManyAttempts', { seconds });
}

export function tooManyAttempts(seconds: number): string {
  return messageText(tooManyAttemptsMessage(seconds));
}
