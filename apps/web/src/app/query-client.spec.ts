import { ApiError } from '@preauth/api-client';
import { createQueryClient, redirectToSignIn } from './query-client';

describe('createQueryClient', () => {
  it('sends the user to sign-in when any query or mutation answers 401', async () => {
    const onUnauthorized = jest.fn();
    const client = createQueryClient({ onUnauthorized });
    const unauthorized = new ApiError(401, { statusCode: 401 });
    await client.fetchQuery({ queryKey: ['x'], queryFn: () => Promise.reject(unauthorized) }).catch(() => undefined);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    await client
      .getMutationCache()
      .build(client, { mutationFn: () => Promise.reject(unauthorized) })
      .execute(undefined)
      .catch(() => undefined);
    expect(onUnauthorized).toHaveBeenCalledTimes(2);
  });

  it('leaves a 401 alone where it is expected (a wrong password, the session probe) and ignores other errors', async () => {
    const onUnauthorized = jest.fn();
    const client = createQueryClient({ onUnauthorized });
    await client
      .fetchQuery({
        queryKey: ['me'],
        queryFn: () => Promise.reject(new ApiError(401, { statusCode: 401 })),
        meta: { unauthorizedIsExpected: true },
      })
      .catch(() => undefined);
    await client
      .fetchQuery({ queryKey: ['y'], queryFn: () => Promise.reject(new ApiError(403, { statusCode: 403 })) })
      .catch(() => undefined);
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('starts one load of the sign-in page however many requests answer 401', () => {
    const assign = jest.fn();
    const location = { pathname: '/board', search: '?payer=7', assign };
    redirectToSignIn(location);
    redirectToSignIn(location);
    redirectToSignIn(location);
    expect(assign).toHaveBeenCalledTimes(1);
    expect(assign).toHaveBeenCalledWith('/sign-in?next=%2Fboard%3Fpayer%3D7');
  });
});
