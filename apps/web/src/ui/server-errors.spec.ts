import { ApiError, unwrap } from '@preauth/api-client';
import { applyServerErrors } from './server-errors';

const failed = (status: number, body: unknown) => () =>
  unwrap({ error: body, response: { ok: false, status } as Response });
function thrownBy(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

describe('errors from the API as the dashboard shows them', () => {
  it('adds the request id to a server error, so staff can quote it', () => {
    const call = failed(500, {
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Something went wrong on our side.',
      requestId: 'a1b2c3d4-0000-4000-8000-000000000000',
    });
    expect(call).toThrow(ApiError);
    expect(call).toThrow('Something went wrong on our side. (reference a1b2c3d4-0000-4000-8000-000000000000)');
    expect(applyServerErrors(thrownBy(call), () => undefined, [])).toEqual([
      'Something went wrong on our side. (reference a1b2c3d4-0000-4000-8000-000000000000)',
    ]);
  });

  it('leaves other errors’ messages as the API wrote them', () => {
    expect(
      failed(409, {
        statusCode: 409,
        error: 'Conflict',
        message: 'Someone changed this case since you loaded it; reload it and try again.',
      }),
    ).toThrow(/^Someone changed this case since you loaded it; reload it and try again\.$/);
  });
});
