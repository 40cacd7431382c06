import { BadRequestException } from '@nestjs/common';
import { NOT_A_PHYSICIAN_ACCOUNT, providerLinkRefusal, type Role } from '@preauth/domain';
import { EntityManager, In, IsNull, Not } from 'typeorm';
import { ConflictError, RuleViolatedError } from '../../common/app-errors';
import { Provider } from '../providers/provider.entity';
import { providerDisplayName } from '../providers/providers.service';
import type { UserProviderDto } from './dto/user.dto';

function toUserProviderDto(provider: Provider): UserProviderDto {
  return { id: provider.id, displayName: providerDisplayName(provider), npi: provider.npi };
}

/** The provider each of these users is linked to, by user id. */
export async function linkedProviders(
  manager: EntityManager,
  userIds?: string[],
): Promise<Map<string, UserProviderDto>> {
  const providers = await manager
    .getRepository(Provider)
    .find({ where: { userId: userIds ? In(userIds) : Not(IsNull()) } });
  return new Map(providers.map((provider) => [provider.userId!, toUserProviderDto(provider)]));
}

/**
 * Points a user at a provider record (or at none): one provider per user and one user per
 * provider, and only a physician can be one. Returns the provider ids before and after, for the
 * audit row, or null when nothing changes.
 */
export async function linkUserToProvider(
  manager: EntityManager,
  userId: string,
  roles: readonly Role[],
  providerId: string | null,
): Promise<{ from: string | null; to: string | null } | null> {
  const repo = manager.getRepository(Provider);
  const current = await repo.findOne({ where: { userId }, lock: { mode: 'pessimistic_write' } });
  if ((current?.id ?? null) === providerId) return null;
  if (providerId !== null) {
    const refusal = providerLinkRefusal(roles);
    if (refusal) {
      throw new RuleViolatedError(refusal, NOT_A_PHYSICIAN_ACCOUNT, {
        errors: [{ field: 'providerId', reason: refusal }],
      });
    }
    const target = await repo.findOne({ where: { id: providerId }, lock: { mode: 'pessimistic_write' } });
    if (!target) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'providerId: there is no such provider',
        errors: [{ field: 'providerId', reason: 'there is no such provider' }],
      });
    }
    if (target.userId && target.userId !== userId) {
      throw new ConflictError(
        `${providerDisplayName(target)} is already linked to another user; unlink them first.`,
        'provider_linked',
      );
    }
  }
  if (current) await repo.update({ id: current.id }, { userId: null });
  if (providerId !== null) await repo.update({ id: providerId }, { userId });
  return { from: current?.id ?? null, to: providerId };
}
