import type { Role } from '@preauth/domain';
import type { RequestContext } from '../../common/request-context.decorator';

/** The users row migration SystemActor creates: who every automatic change is recorded against. */
export const SYSTEM_USER_ID = '00000000-0000-4000-8000-000000000001';
/** As stored on that row: the role the transitions table asks of whoever marks an approval expired. */
const SYSTEM_ROLES: readonly Role[] = ['manager'];

/** The actor a background job acts as: no address, and a user agent that says what acted. */
export function systemActor(job: string): RequestContext<{ id: string; roles: Role[] }> {
  return { user: { id: SYSTEM_USER_ID, roles: [...SYSTEM_ROLES] }, ip: null, userAgent: `preauth job ${job}` };
}
