import { ProblemException, problemType } from '../errors/problem';

const seconds = (ms: number) => String(Math.max(1, Math.ceil(ms / 1000)));

/** 429 with Retry-After: this client (or this target) made too many attempts in the window. */
export function rateLimited(resetInMs: number): ProblemException {
  return ProblemException.tooManyRequests(Number(seconds(resetInMs)));
}

/** 503 with Retry-After: the counters could not be read, and this route does not run uncounted. */
export function rateLimitUnavailable(): ProblemException {
  return new ProblemException(
    {
      type: problemType('rate-limit-unavailable'),
      title: 'Service unavailable',
      status: 503,
      detail: 'This action is unavailable for a moment. Try again shortly.',
    },
    { 'Retry-After': '5' },
  );
}
