import { ProblemException, problemType } from '../errors/problem';

/** How long a client should wait before retrying a request the database could not serve. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * SQLSTATEs that say the connection, not the statement, failed: class 08 (connection exception),
 * the server shutting down or terminating the backend (57P01 admin shutdown, as in a failover,
 * 57P02, 57P03), and 53300 (too many connections).
 */
const CONNECTION_SQLSTATE = /^(08...|57P0[123]|53300)$/;

/** Socket errors reaching the database. */
const SOCKET_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** What node-postgres and its pool say when a connection dies, is refused, or none is free in time. */
const CONNECTION_MESSAGES = ['timeout exceeded when trying to connect', 'Connection terminated', 'is not queryable'];

/**
 * Whether `error` means the database could not be reached (a connection lost, refused, or none
 * free in the pool in time) rather than that the statement failed: such a request is a 503 with
 * Retry-After, never a 500 — and a session check that failed so is never a 401. Looks through
 * TypeORM's `driverError` and `cause` chains.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth += 1) {
    const { name, code, message, driverError, cause } = current as {
      name?: unknown;
      code?: unknown;
      message?: unknown;
      driverError?: unknown;
      cause?: unknown;
    };
    // TypeORM releases a transaction's connection when it fails; the transaction's next statement then finds it gone.
    if (name === 'QueryRunnerAlreadyReleasedError') return true;
    if (typeof code === 'string' && (CONNECTION_SQLSTATE.test(code) || SOCKET_ERRORS.has(code))) return true;
    if (typeof message === 'string' && CONNECTION_MESSAGES.some((text) => message.includes(text))) return true;
    current = driverError ?? cause;
  }
  return false;
}

export function databaseUnavailable(): ProblemException {
  return new ProblemException(
    {
      type: problemType('service-unavailable'),
      title: 'Service unavailable',
      status: 503,
      detail: 'The service cannot reach its database right now. Try again in a few seconds.',
    },
    { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) },
  );
}
