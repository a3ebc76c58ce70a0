import { QueryFailedError } from 'typeorm';
import { databaseUnavailable, isDatabaseUnavailable } from './database-unavailable';

const pgError = (code: string, message = 'boom') => Object.assign(new Error(message), { code });
const failed = (driverError: Error) => new QueryFailedError('SELECT 1', [], driverError);

describe('isDatabaseUnavailable', () => {
  it.each([
    [
      'a terminated backend (failover)',
      failed(pgError('57P01', 'terminating connection due to administrator command')),
    ],
    ['a connection exception', pgError('08006')],
    ['too many connections', pgError('53300')],
    ['a refused connection', pgError('ECONNREFUSED')],
    ['no pooled connection in time', new Error('timeout exceeded when trying to connect')],
    ['a dead connection', failed(new Error('Connection terminated unexpectedly'))],
    ['an unqueryable client', new Error('Client has encountered a connection error and is not queryable')],
    [
      'a transaction whose connection was released',
      Object.assign(new Error('released'), { name: 'QueryRunnerAlreadyReleasedError' }),
    ],
    ['a cause chain', new Error('wrapped', { cause: pgError('57P01') })],
  ])('recognises %s', (_, error) => expect(isDatabaseUnavailable(error)).toBe(true));

  it.each([
    ['a unique violation', failed(pgError('23505'))],
    ['a syntax error', failed(pgError('42601'))],
    ['a plain error', new Error('Something else')],
    ['nothing', undefined],
  ])('does not take %s for an outage', (_, error) => expect(isDatabaseUnavailable(error)).toBe(false));

  it('answers 503 with Retry-After', () => {
    const problem = databaseUnavailable();
    expect(problem.getStatus()).toBe(503);
    expect(problem.headers['Retry-After']).toMatch(/^\d+$/);
  });
});
