import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SAVED_VIEWS_PER_USER, savedViewQueryProblem } from '@preauth/domain';
import { DataSource, EntityManager } from 'typeorm';
import { ConflictError, NotFoundError, RuleViolatedError } from '../../common/app-errors';
import type { RequestContext } from '../../common/request-context.decorator';
import { fieldError } from '../../common/validation';
import type { CreateSavedViewDto, SavedViewDto, UpdateSavedViewDto } from './dto/saved-view.dto';
import {
  countSavedViews,
  deleteSavedView,
  insertSavedView,
  listSavedViews,
  nameTaken,
  updateSavedView,
} from './saved-views.repository';

/**
 * Each user's own saved views. Every statement is bounded by the signed-in user's id, so a view
 * of someone else's answers 404 exactly as one that does not exist.
 */
@Injectable()
export class SavedViewsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(ctx: RequestContext): Promise<SavedViewDto[]> {
    return listSavedViews(this.dataSource, ctx.user.id);
  }

  create(dto: CreateSavedViewDto, ctx: RequestContext): Promise<SavedViewDto> {
    checkQuery(dto.query);
    return this.dataSource.transaction(async (manager) => {
      await lockUserViews(manager, ctx.user.id);
      if ((await countSavedViews(manager, ctx.user.id)) >= SAVED_VIEWS_PER_USER)
        throw new RuleViolatedError(
          `You have ${SAVED_VIEWS_PER_USER} saved views, the most one can keep; delete one first.`,
          'saved_views_full',
        );
      await refuseTakenName(manager, ctx.user.id, dto.name);
      return insertSavedView(manager, ctx.user.id, { ...dto, pinned: dto.pinned ?? true });
    });
  }

  update(id: string, dto: UpdateSavedViewDto, ctx: RequestContext): Promise<SavedViewDto> {
    if (dto.query !== undefined) checkQuery(dto.query);
    return this.dataSource.transaction(async (manager) => {
      await lockUserViews(manager, ctx.user.id);
      if (dto.name !== undefined) await refuseTakenName(manager, ctx.user.id, dto.name, id);
      const view = await updateSavedView(manager, ctx.user.id, id, dto);
      if (!view) throw new NotFoundError('You have no saved view of that id.');
      return view;
    });
  }

  async remove(id: string, ctx: RequestContext): Promise<void> {
    if (!(await deleteSavedView(this.dataSource, ctx.user.id, id)))
      throw new NotFoundError('You have no saved view of that id.');
  }
}

function checkQuery(query: string): void {
  const problem = savedViewQueryProblem(query);
  if (problem) throw fieldError('query', problem);
}

// Two saves of one name at once: the second waits for the first and then sees its name taken
// (the unique index would refuse it anyway, but as a bare constraint error).
async function lockUserViews(manager: EntityManager, userId: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('saved_views:' || $1))`, [userId]);
}

async function refuseTakenName(manager: EntityManager, userId: string, name: string, exceptId?: string) {
  if (await nameTaken(manager, userId, name, exceptId))
    throw new ConflictError(`You already have a view named “${name}”.`, 'duplicate_name', { field: 'name' });
}
