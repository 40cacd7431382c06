import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { mayWriteNoteKind, NOTE_KIND_LABELS, NOTE_KIND_WRITERS, ROLE_LABELS, type NoteKind } from '@preauth/domain';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/request-context.decorator';
import { AuditService } from '../audit/audit.service';
import { CaseEvent } from '../cases/case-event.entity';
import { CaseNote } from './case-note.entity';
import { findCasePatient } from './case-patient.query';
import { CreateNoteDto, CreateNoteVersionDto, NoteDto } from './dto/note.dto';
import { ConflictError, NotFoundError, RuleRefusedError } from '../../common/app-errors';

interface NoteRow {
  id: string;
  case_id: string;
  kind: NoteKind;
  text: string;
  version: number;
  root_id: string;
  previous_id: string | null;
  author_id: string;
  author_name: string;
  created_at: Date;
  current: boolean;
}

const NOTE_SELECT = `
  SELECT n.id, n.case_id, n.kind, n.text, n.version, n.root_id, n.previous_id, n.author_id, n.created_at,
         u.display_name AS author_name,
         NOT EXISTS (SELECT 1 FROM case_notes s WHERE s.previous_id = n.id) AS current
    FROM case_notes n JOIN users u ON u.id = n.author_id`;

@Injectable()
export class NotesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(caseId: string, dto: CreateNoteDto, ctx: RequestContext): Promise<NoteDto> {
    assertMayWrite(ctx, dto.kind);
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      const patientId = await findCasePatient(manager, caseId);
      await manager.getRepository(CaseNote).insert({
        id,
        caseId,
        kind: dto.kind,
        text: dto.text,
        authorId: ctx.user.id,
        version: 1,
        rootId: id,
        previousId: null,
      });
      await manager.getRepository(CaseEvent).insert({
        caseId,
        type: 'note_added',
        actorId: ctx.user.id,
        data: { noteId: id, kind: dto.kind, version: 1 },
        occurredAt: new Date(),
      });
      await this.audit.record(
        {
          action: 'create',
          objectType: 'note',
          objectId: id,
          caseId,
          patientId,
          detail: { kind: dto.kind, version: 1 },
        },
        ctx,
        manager,
      );
    });
    return this.one(id);
  }

  /** An edit: a new immutable version that replaces `previousId`, which must be the latest one. */
  async addVersion(previousId: string, dto: CreateNoteVersionDto, ctx: RequestContext): Promise<NoteDto> {
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      const previous = await manager.getRepository(CaseNote).findOneBy({ id: previousId });
      if (!previous) throw new NotFoundError('No such note.');
      assertMayWrite(ctx, previous.kind);
      // Two concurrent edits of one version: the unique index on previous_id refuses the second (409).
      const patientId = await findCasePatient(manager, previous.caseId, true);
      const newer = await manager.query<
        {
          id: string;
        }[]
      >(`SELECT id FROM case_notes WHERE previous_id = $1`, [previousId]);
      if (newer.length) {
        throw new ConflictError(
          'This is not the latest version of the note; reload it and edit the latest.',
          'note_version_stale',
          { latestId: await latestVersionId(manager, previousId) },
        );
      }
      const version = previous.version + 1;
      await manager.getRepository(CaseNote).insert({
        id,
        caseId: previous.caseId,
        kind: previous.kind,
        text: dto.text,
        authorId: ctx.user.id,
        version,
        rootId: previous.rootId,
        previousId,
      });
      await manager.getRepository(CaseEvent).insert({
        caseId: previous.caseId,
        type: 'note_added',
        actorId: ctx.user.id,
        note: `Note edited (version ${version})`,
        data: { noteId: id, kind: previous.kind, version, previousId, rootId: previous.rootId },
        occurredAt: new Date(),
      });
      await this.audit.record(
        {
          action: 'update',
          objectType: 'note',
          objectId: id,
          caseId: previous.caseId,
          patientId,
          detail: { kind: previous.kind, version, previousId },
        },
        ctx,
        manager,
      );
    });
    return this.one(id);
  }

  async list(caseId: string, history: boolean, ctx: RequestContext): Promise<NoteDto[]> {
    const patientId = await findCasePatient(this.dataSource.manager, caseId);
    const rows = await this.dataSource.query<NoteRow[]>(
      `SELECT * FROM (${NOTE_SELECT} WHERE n.case_id = $1) notes
        WHERE $2::boolean OR current
        ORDER BY created_at DESC, version DESC`,
      [caseId, history],
    );
    await this.audit.record(
      {
        action: 'read',
        objectType: 'case_notes',
        objectId: caseId,
        caseId,
        patientId,
        detail: { count: rows.length, history },
      },
      ctx,
    );
    return rows.map(toDto);
  }

  private async one(id: string): Promise<NoteDto> {
    const rows = await this.dataSource.query<NoteRow[]>(`${NOTE_SELECT} WHERE n.id = $1`, [id]);
    return toDto(rows[0]);
  }
}

function assertMayWrite(ctx: RequestContext, kind: NoteKind): void {
  if (mayWriteNoteKind(ctx.user.roles, kind)) return;
  const who = NOTE_KIND_WRITERS[kind].map((role) => ROLE_LABELS[role].toLowerCase()).join(', ');
  throw new RuleRefusedError(`${NOTE_KIND_LABELS[kind]} notes may only be written by: ${who}.`, 'note_kind_forbidden');
}

async function latestVersionId(manager: EntityManager, id: string): Promise<string> {
  const rows = await manager.query<{ id: string }[]>(
    `WITH RECURSIVE chain AS (
       SELECT id, 1 AS depth FROM case_notes WHERE id = $1
       UNION ALL
       SELECT n.id, c.depth + 1 FROM case_notes n JOIN chain c ON n.previous_id = c.id
     ) SELECT id FROM chain ORDER BY depth DESC LIMIT 1`,
    [id],
  );
  return rows[0].id;
}

function toDto(row: NoteRow): NoteDto {
  return {
    id: row.id,
    caseId: row.case_id,
    kind: row.kind,
    text: row.text,
    version: row.version,
    rootId: row.root_id,
    previousId: row.previous_id,
    current: row.current,
    author: { id: row.author_id, name: row.author_name },
    createdAt: new Date(row.created_at).toISOString(),
  };
}
