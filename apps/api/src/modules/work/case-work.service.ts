import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  isTerminalStatus,
  OWNER_ROLES,
  refuseOwnerChange,
  TASK_KIND_LABELS,
  toLocalDate,
  type CaseStatus,
  type Role,
} from '@preauth/domain';
import { DataSource, EntityManager } from 'typeorm';
import { ConflictError, NotFoundError, RuleRefusedError } from '../../common/app-errors';
import type { RequestContext } from '../../common/request-context.decorator';
import { fieldError } from '../../common/validation';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import { CaseEvent } from '../cases/case-event.entity';
import {
  CaseWorkDto,
  CreateTaskDto,
  FollowUpItemDto,
  LogPayerCallDto,
  SetFollowUpDto,
  StaffUserDto,
  TaskDto,
} from './dto/work.dto';
import { activeUsersWithRole, insertNotifications, type NewNotification } from './notifications.repository';
import { listFollowUpsDue, listStaff, readTasks, staffMember } from './case-work.query';

export interface LockedCase {
  id: string;
  status: CaseStatus;
  owner_id: string | null;
  patient_id: string;
}

/** Owners and tasks of cases: who handles a case and what was asked of whom on it. */
@Injectable()
export class CaseWorkService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  staff(): Promise<StaffUserDto[]> {
    return listStaff(this.dataSource);
  }

  async work(caseId: string, ctx: RequestContext): Promise<CaseWorkDto> {
    const [row] = await this.dataSource.query<
      {
        owner_id: string | null;
        owner_name: string | null;
        patient_id: string;
        follow_up_on: string | null;
        follow_up_reason: string | null;
      }[]
    >(
      `SELECT c.owner_id, u.display_name AS owner_name, c.patient_id,
              to_char(c.follow_up_on, 'YYYY-MM-DD') AS follow_up_on, c.follow_up_reason
         FROM cases c LEFT JOIN users u ON u.id = c.owner_id WHERE c.id = $1`,
      [caseId],
    );
    if (!row) throw new NotFoundError('No such case.');
    const tasks = await readTasks(this.dataSource, { caseId });
    await this.audit.record(
      { action: 'read', objectType: 'case_tasks', objectId: caseId, caseId, patientId: row.patient_id },
      ctx,
    );
    return {
      owner: row.owner_id ? { id: row.owner_id, name: row.owner_name ?? '' } : null,
      followUp: row.follow_up_on ? { date: row.follow_up_on, reason: row.follow_up_reason } : null,
      tasks,
    };
  }

  /** Open tasks for the user: asked of them, or of one of their roles. */
  async mine(ctx: RequestContext): Promise<TaskDto[]> {
    const tasks = await readTasks(this.dataSource, { assignee: { userId: ctx.user.id, roles: ctx.user.roles } });
    await this.audit.record({ action: 'read', objectType: 'task_list', detail: { count: tasks.length } }, ctx);
    return tasks;
  }

  async setOwner(caseId: string, ownerId: string | null, ctx: RequestContext): Promise<CaseWorkDto> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.lockCase(manager, caseId);
      const refusal = refuseOwnerChange({
        actorId: ctx.user.id,
        actorRoles: ctx.user.roles,
        currentOwnerId: row.owner_id,
        newOwnerId: ownerId,
        caseStatus: row.status,
      });
      if (refusal) throw new RuleRefusedError(refusal, 'owner_change_refused');
      if (ownerId === row.owner_id) return;
      await this.writeOwner(manager, row, await this.newOwner(manager, ownerId), ctx);
    });
    return this.work(caseId, ctx);
  }

  /** The staff member a case may be given to (null releases it); 422 naming ownerId otherwise. */
  async newOwner(manager: EntityManager, ownerId: string | null): Promise<StaffUserDto | null> {
    if (!ownerId) return null;
    const owner = await staffMember(manager, ownerId);
    if (!owner || !owner.roles.some((r) => OWNER_ROLES.includes(r)))
      throw fieldError('ownerId', 'is not an active staff member who works cases', 422);
    return owner;
  }

  /** A new owner on a locked case whose change refuseOwnerChange allowed: the event, the audit row, the owner told. */
  async writeOwner(
    manager: EntityManager,
    row: LockedCase,
    owner: StaffUserDto | null,
    ctx: RequestContext,
  ): Promise<void> {
    const ownerId = owner?.id ?? null;
    await manager.query(`UPDATE cases SET owner_id = $2 WHERE id = $1`, [row.id, ownerId]);
    await manager.getRepository(CaseEvent).insert({
      caseId: row.id,
      type: 'owner_changed',
      actorId: ctx.user.id,
      note: owner ? `Owner: ${owner.displayName}` : 'Released: no owner',
      data: { from: row.owner_id ?? undefined, to: ownerId ?? undefined },
      occurredAt: new Date(),
    });
    await this.recordCaseUpdate(manager, row, { owner: { from: row.owner_id, to: ownerId } }, ctx);
    if (ownerId && ownerId !== ctx.user.id)
      await insertNotifications(manager, [{ userId: ownerId, kind: 'case_assigned', caseId: row.id }]);
  }

  async createTask(caseId: string, dto: CreateTaskDto, ctx: RequestContext): Promise<TaskDto> {
    if (Boolean(dto.assigneeUserId) === Boolean(dto.assigneeRole))
      throw fieldError('assigneeUserId', 'or assigneeRole must be given, not both');
    if (dto.dueDate < toLocalDate(new Date(), this.config.clinicTimeZone))
      throw fieldError('dueDate', 'is in the past', 422);
    const id = await this.dataSource.transaction(async (manager) => {
      const row = await this.lockCase(manager, caseId);
      if (isTerminalStatus(row.status)) throw new ConflictError('A closed case takes no new tasks.', 'case_closed');
      if (dto.assigneeUserId && !(await staffMember(manager, dto.assigneeUserId)))
        throw fieldError('assigneeUserId', 'is not an active staff member', 422);
      const title = dto.title ?? TASK_KIND_LABELS[dto.kind];
      const [{ id: taskId }] = await manager.query<{ id: string }[]>(
        `INSERT INTO case_tasks (case_id, kind, title, assignee_user_id, assignee_role, due_date, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [caseId, dto.kind, title, dto.assigneeUserId ?? null, dto.assigneeRole ?? null, dto.dueDate, ctx.user.id],
      );
      await manager.getRepository(CaseEvent).insert({
        caseId,
        type: 'task_added',
        actorId: ctx.user.id,
        note: title,
        data: { taskId, kind: dto.kind, dueDate: dto.dueDate },
        occurredAt: new Date(),
      });
      await this.audit.record(
        {
          action: 'create',
          objectType: 'task',
          objectId: taskId,
          caseId,
          patientId: row.patient_id,
          detail: {
            kind: dto.kind,
            assigneeUserId: dto.assigneeUserId ?? null,
            assigneeRole: dto.assigneeRole ?? null,
          },
        },
        ctx,
        manager,
      );
      const recipients = dto.assigneeUserId
        ? [dto.assigneeUserId]
        : await activeUsersWithRole(manager, dto.assigneeRole as Role);
      await insertNotifications(
        manager,
        recipients
          .filter((userId) => userId !== ctx.user.id)
          .map((userId): NewNotification => ({ userId, kind: 'task_assigned', caseId, taskId })),
      );
      return taskId;
    });
    const [task] = await readTasks(this.dataSource, { taskId: id });
    return task;
  }

  /** Done by whoever it was asked of (or its asker, or a manager); cancelled by its asker or a manager. */
  async closeTask(taskId: string, outcome: 'done' | 'cancelled', ctx: RequestContext): Promise<TaskDto> {
    await this.dataSource.transaction(async (manager) => {
      const [task] = await manager.query<
        {
          case_id: string;
          kind: keyof typeof TASK_KIND_LABELS;
          status: string;
          assignee_user_id: string | null;
          assignee_role: Role | null;
          created_by: string;
        }[]
      >(
        `SELECT case_id, kind, status, assignee_user_id, assignee_role, created_by FROM case_tasks WHERE id = $1 FOR UPDATE`,
        [taskId],
      );
      if (!task) throw new NotFoundError('No such task.');
      if (task.status !== 'open') throw new ConflictError(`The task is already ${task.status}.`, 'task_closed');
      const { roles, id: userId } = ctx.user;
      const isAssignee =
        task.assignee_user_id === userId || (task.assignee_role !== null && roles.includes(task.assignee_role));
      const mayClose = roles.includes('manager') || task.created_by === userId || (outcome === 'done' && isAssignee);
      if (!mayClose)
        throw new RuleRefusedError(
          outcome === 'done'
            ? 'Only whoever the task is for, its asker or a manager can mark it done.'
            : 'Only the task’s asker or a manager can cancel it.',
          'task_close_refused',
        );
      const now = new Date();
      await manager.query(`UPDATE case_tasks SET status = $2, closed_at = $3, closed_by = $4 WHERE id = $1`, [
        taskId,
        outcome,
        now,
        userId,
      ]);
      const [{ patient_id: patientId }] = await manager.query<{ patient_id: string }[]>(
        `SELECT patient_id FROM cases WHERE id = $1`,
        [task.case_id],
      );
      await manager.getRepository(CaseEvent).insert({
        caseId: task.case_id,
        type: outcome === 'done' ? 'task_done' : 'task_cancelled',
        actorId: userId,
        note: TASK_KIND_LABELS[task.kind],
        data: { taskId },
        occurredAt: now,
      });
      await this.audit.record(
        {
          action: 'update',
          objectType: 'task',
          objectId: taskId,
          caseId: task.case_id,
          patientId,
          detail: { status: outcome },
        },
        ctx,
        manager,
      );
      if (outcome === 'done' && task.created_by !== userId)
        await insertNotifications(manager, [
          { userId: task.created_by, kind: 'task_done', caseId: task.case_id, taskId },
        ]);
    });
    const [task] = await readTasks(this.dataSource, { taskId });
    return task;
  }

  async setFollowUp(caseId: string, dto: SetFollowUpDto, ctx: RequestContext): Promise<CaseWorkDto> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.lockCase(manager, caseId);
      if (isTerminalStatus(row.status)) throw new ConflictError('A closed case needs no follow-up.', 'case_closed');
      await this.writeFollowUp(manager, row, dto.date, dto.date ? (dto.reason ?? null) : null, ctx);
    });
    return this.work(caseId, ctx);
  }

  /** A payer call as structured fields on the timeline; its next follow-up becomes the case's. */
  async logPayerCall(caseId: string, dto: LogPayerCallDto, ctx: RequestContext): Promise<CaseWorkDto> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.lockCase(manager, caseId);
      await manager.getRepository(CaseEvent).insert({
        caseId,
        type: 'payer_call',
        actorId: ctx.user.id,
        note: dto.summary,
        data: {
          representative: dto.representative,
          referenceNumber: dto.referenceNumber,
          outcome: dto.outcome,
          nextFollowUp: dto.nextFollowUp,
        },
        occurredAt: new Date(),
      });
      await this.audit.record(
        {
          action: 'create',
          objectType: 'payer_call',
          objectId: caseId,
          caseId,
          patientId: row.patient_id,
          detail: { outcome: dto.outcome },
        },
        ctx,
        manager,
      );
      if (dto.nextFollowUp && !isTerminalStatus(row.status))
        await this.writeFollowUp(manager, row, dto.nextFollowUp, 'Call the payer again', ctx);
    });
    return this.work(caseId, ctx);
  }

  async writeFollowUp(
    manager: EntityManager,
    row: LockedCase,
    date: string | null,
    reason: string | null,
    ctx: RequestContext,
  ): Promise<void> {
    await manager.query(`UPDATE cases SET follow_up_on = $2, follow_up_reason = $3 WHERE id = $1`, [
      row.id,
      date,
      reason,
    ]);
    await manager.getRepository(CaseEvent).insert({
      caseId: row.id,
      type: 'follow_up_set',
      actorId: ctx.user.id,
      note: date ? `Follow up on ${date}${reason ? `: ${reason}` : ''}` : 'Follow-up cleared',
      data: date ? { followUpOn: date } : {},
      occurredAt: new Date(),
    });
    await this.recordCaseUpdate(manager, row, { followUpOn: date }, ctx);
  }

  /** The audit row of a change to a locked case's work (owner, follow-up, tags), in the change's transaction. */
  recordCaseUpdate(
    manager: EntityManager,
    row: LockedCase,
    detail: Record<string, unknown>,
    ctx: RequestContext,
  ): Promise<void> {
    return this.audit.record(
      { action: 'update', objectType: 'case', objectId: row.id, caseId: row.id, patientId: row.patient_id, detail },
      ctx,
      manager,
    );
  }

  /** Open cases whose follow-up day has come (clinic-local), oldest first. */
  async followUpsDue(ctx: RequestContext): Promise<FollowUpItemDto[]> {
    const today = toLocalDate(new Date(), this.config.clinicTimeZone);
    const items = await listFollowUpsDue(this.dataSource, today);
    await this.audit.record({ action: 'read', objectType: 'follow_up_list', detail: { count: items.length } }, ctx);
    return items;
  }

  async lockCase(manager: EntityManager, caseId: string): Promise<LockedCase> {
    const [row] = await manager.query<LockedCase[]>(
      `SELECT id, status, owner_id, patient_id FROM cases WHERE id = $1 FOR UPDATE`,
      [caseId],
    );
    if (!row) throw new NotFoundError('No such case.');
    return row;
  }
}
