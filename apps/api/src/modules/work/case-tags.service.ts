import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { caseTagKey, caseTagLimitProblem, caseTagProblem, normalizeCaseTag } from '@preauth/domain';
import { DataSource, EntityManager } from 'typeorm';
import { RuleViolatedError } from '../../common/app-errors';
import type { RequestContext } from '../../common/request-context.decorator';
import { fieldError } from '../../common/validation';
import { CaseWorkService, type LockedCase } from './case-work.service';
import {
  deleteCaseTag,
  insertCaseTag,
  readCaseTags,
  spellingInUse,
  tagCounts,
  tagsInUse,
} from './case-tags.repository';
import type { CaseTagsDto, TagInUseDto } from './dto/work.dto';

/** How many tags the autocomplete offers: the clinic's vocabulary, not every typo ever made. */
const TAGS_IN_USE_MAX = 200;

/**
 * The clinic's labels on cases. A tag is written as the clinic already writes it (same key, the
 * most common spelling), so one label never splits into "VIP callback" and "vip callback". Tags
 * change neither the case's version nor its last activity, like its owner and follow-up; each
 * change is audited in its own transaction.
 */
@Injectable()
export class CaseTagsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly work: CaseWorkService,
  ) {}

  async add(caseId: string, text: string, ctx: RequestContext): Promise<CaseTagsDto> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.work.lockCase(manager, caseId);
      const key = caseTagKey(text);
      const counts = (await tagCounts(manager, [caseId], key)).get(caseId);
      if (!counts?.has) {
        const refusal = caseTagLimitProblem(counts?.count ?? 0);
        if (refusal) throw new RuleViolatedError(refusal, 'case_tags_full');
        await this.writeTag(manager, row, await this.spelling(manager, text), ctx);
      }
      return { tags: await readCaseTags(manager, caseId) };
    });
  }

  async remove(caseId: string, text: string, ctx: RequestContext): Promise<CaseTagsDto> {
    const problem = caseTagProblem(text);
    if (problem) throw fieldError('tag', problem);
    return this.dataSource.transaction(async (manager) => {
      const row = await this.work.lockCase(manager, caseId);
      const removed = await deleteCaseTag(manager, caseId, caseTagKey(text));
      if (removed) await this.work.recordCaseUpdate(manager, row, { tags: { removed } }, ctx);
      return { tags: await readCaseTags(manager, caseId) };
    });
  }

  async inUse(): Promise<TagInUseDto[]> {
    return tagsInUse(this.dataSource, TAGS_IN_USE_MAX);
  }

  /** The tag as it will be written: normalized, in the spelling the clinic already uses for it. */
  async spelling(manager: EntityManager, text: string): Promise<string> {
    return (await spellingInUse(manager, caseTagKey(text))) ?? normalizeCaseTag(text);
  }

  /** One tag on a locked case that does not have it yet, with its audit row; false if it had it. */
  async writeTag(manager: EntityManager, row: LockedCase, tag: string, ctx: RequestContext): Promise<boolean> {
    const added = await insertCaseTag(manager, { caseId: row.id, key: caseTagKey(tag), tag, userId: ctx.user.id });
    if (added) await this.work.recordCaseUpdate(manager, row, { tags: { added: tag } }, ctx);
    return added;
  }

  /** Each case's tag count and whether it has the tag already. */
  counts(manager: EntityManager, caseIds: string[], tag: string) {
    return tagCounts(manager, caseIds, caseTagKey(tag));
  }
}
