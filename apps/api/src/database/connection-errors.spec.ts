import { DatabaseError } from 'pg';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { isDatabaseUnavailable } from './connection-errors';

function pgError(code: string): DatabaseError {
  const error = new DatabaseError('server says no', 0, 'error');
  error.code = code;
  return error;
}

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a reset socket', withCode('read ECONNRESET', 'ECONNRESET')],
    ['a connect timeout', withCode('connect ETIMEDOUT', 'ETIMEDOUT')],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    ['pg-pool’s connect timeout', new Error('timeout exceeded when trying to connect')],
    ['a client whose connection failed', new Error('Client has encountered a connection error and is not queryable')],
    ['a closed pool (shutting down)', new Error('Cannot use a pool after calling end on the pool')],
    ['an administrator shutdown (57P01)', pgError('57P01')],
    ['a crash shutdown (57P02)', pgError('57P02')],
    ['a server starting up or recovering (57P03)', pgError('57P03')],
    ['too many connections (53300)', pgError('53300')],
    ['a connection exception (08006)', pgError('08006')],
    ['a connection failure (08001)', pgError('08001')],
    ['a transaction whose connection broke between statements', new QueryRunnerAlreadyReleasedError()],
    ['the same, seen by the transaction’s manager', new QueryRunnerProviderAlreadyReleasedError()],
  ])('is true for %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('looks inside TypeORM’s QueryFailedError, a cause and an AggregateError', () => {
    expect(isDatabaseUnavailable(new QueryFailedError('SELECT 1', [], pgError('57P01')))).toBe(true);
    expect(isDatabaseUnavailable(new QueryFailedError('SELECT 1', [], new Error('Connection terminated')))).toBe(true);
    expect(
      isDatabaseUnavailable(new Error('Connection terminated due to connection timeout', { cause: new Error('x') })),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: withCode('read ECONNRESET', 'ECONNRESET') }))).toBe(
      true,
    );
    const refusedEverywhere = new AggregateError([
      withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED'),
      withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
    ]);
    expect(isDatabaseUnavailable(refusedEverywhere)).toBe(true);
  });

  it.each([
    ['a unique violation', new QueryFailedError('INSERT', [], pgError('23505'))],
    ['a serialization failure', pgError('40001')],
    ['a syntax error', pgError('42601')],
    ['a character the server cannot store', pgError('22021')],
    ['an ordinary error', new Error('Something else')],
    ['a non-error', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('is false for %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('stops on an error that causes itself', () => {
    const error = new Error('loop') as Error & { cause?: unknown };
    error.cause = error;
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
