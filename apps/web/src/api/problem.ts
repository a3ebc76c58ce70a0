/**
 * RFC 9457 problem details, as every API error is sent (`application/problem+json`), and the
 * `ApiError` the SPA throws for any failed call (HTTP error, unreadable body or no connection).
 */
export interface FieldError {
  field: string;
  message: string;
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
    super(problem?.detail ?? problem?.title ?? fallbackMessage(status));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  get fieldErrors(): FieldError[] {
    return this.problem?.errors ?? [];
  }
}

function fallbackMessage(status: number): string {
  if (status === 0) return 'Cannot reach the server. Check your connection and try again.';
  if (status === 401) return 'Your session has expired. Please sign in again.';
  if (status === 403) return 'You do not have permission to do this.';
  if (status === 404) return 'This item no longer exists.';
  if (status === 429) return 'Too many attempts. Please wait a moment and try again.';
  if (status === 502 || status === 503 || status === 504)
    return 'Tessera is temporarily unavailable. Please try again in a moment.';
  if (status >= 500) return 'The server ran into a problem. Please try again in a moment.';
  return `The request failed (HTTP ${status}).`;
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

/** A one-line human message for any error, for toasts and alerts. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 429 && error.retryAfter) return tooManyAttempts(error.retryAfter);
    return error.message;
  }
  return 'Something went wrong. Please try again.';
}

export function tooManyAttempts(seconds: number): string {
  return `Too many attempts, try again in ${seconds} second${seconds === 1 ? '' : 's'}.`;
}
