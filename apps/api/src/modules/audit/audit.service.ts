import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isIP } from 'node:net';
import { type ClientBase, Pool } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/request-context.decorator';
import type { AuthUser } from '../auth/auth-user';
import type { AuditAction, AuditOutcome } from './audit-event.entity';
import { describeAuditChainReport, verifyAuditChain } from './audit-chain';
import type { AuditActorDto, AuditChainReportDto, AuditEventDto, AuditPageDto } from './dto/audit-event.dto';
import type { AuditQueryDto } from './dto/audit-query.dto';

export type { AuditAction, AuditOutcome } from './audit-event.entity';

export interface AuditEntry {
  action: AuditAction;
  /** What was touched: 'case', 'photo', 'note', 'patient', 'user', 'session', 'route', … */
  objectType: string;
  objectId?: string | null;
  patientId?: string | null;
  caseId?: string | null;
  outcome?: AuditOutcome;
  /** Ids, field names, counts: never patient names, notes or other PHI (the audit log is read widely). */
  detail?: Record<string, unknown>;
}

const INSERT_AUDIT = `INSERT INTO audit_events
         (user_id, action, object_type, object_id, patient_id, case_id, ip, user_agent, outcome, detail, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, '', '')`;

// Many read traces in one statement, in the order given (the chain trigger still runs per row).
const INSERT_AUDIT_BATCH = `INSERT INTO audit_events
         (user_id, action, object_type, object_id, patient_id, case_id, ip, user_agent, outcome, detail, prev_hash, hash)
       SELECT u, a, ot, oi, p, c, ip, ua, o, d, '', ''
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::uuid[], $7::inet[], $8::text[], $9::text[], $10::jsonb[])
              WITH ORDINALITY AS t(u, a, ot, oi, p, c, ip, ua, o, d, n)
        ORDER BY n`;

/** The most read traces one statement carries. */
const MAX_BATCH = 200;

/** Who acted, from where (the user's id is what is written): a request's, or the demo seed's. */
export type AuditActor = Partial<RequestContext<AuthUser | Pick<AuthUser, 'id' | 'roles'> | null>>;

function auditParams(entry: AuditEntry, context: AuditActor): unknown[] {
  return [
    context.user?.id ?? null,
    entry.action,
    entry.objectType,
    entry.objectId ?? null,
    entry.patientId ?? null,
    entry.caseId ?? null,
    context.ip && isIP(context.ip) ? context.ip : null,
    context.userAgent ? context.userAgent.slice(0, 500) : null,
    entry.outcome ?? 'success',
    JSON.stringify(entry.detail ?? {}),
  ];
}

/**
 * Appends the audit row of a write inside the write's own transaction, so the change and its
 * audit row commit (or roll back) together. Code that runs outside Nest (the demo seed) calls it
 * directly; services go through AuditService.record.
 */
export async function insertAuditEvent(manager: EntityManager, entry: AuditEntry, context: AuditActor): Promise<void> {
  await manager.query(INSERT_AUDIT, auditParams(entry, context));
}

interface PendingRead {
  params: unknown[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

@Injectable()
export class AuditService implements OnApplicationShutdown {
  // Reads are audited on their own connection pool whose commits do not wait for the WAL flush
  // (synchronous_commit = off): a read's trace is committed and chained at once, but a read no
  // longer waits for a disk flush (nor holds the chain head that long). A PostgreSQL crash could
  // lose the last fraction of a second of read traces; writes keep their audit row in their own,
  // fully durable transaction.
  private readPool?: Pool;
  // Read traces waiting for the statement in flight to finish (group commit): every audit row
  // takes the one chain-head lock, so concurrent reads would queue on it one commit at a time.
  // Instead the first read writes its row at once, and the reads that arrive meanwhile are written
  // together by the next statement. Each request still waits until its own row is committed.
  private pendingReads: PendingRead[] = [];
  private flushing = false;
  private flushRun: Promise<void> = Promise.resolve();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // Nest calls this after the HTTP server has closed (onModuleDestroy would come before it, while
  // requests may still be reading): write the traces still queued, then close the pool.
  async onApplicationShutdown(): Promise<void> {
    await this.flushRun;
    await this.readPool?.end();
  }

  private readAuditPool(): Pool | undefined {
    const url = (this.dataSource.options as { url?: string }).url;
    if (!url) return undefined;
    if (!this.readPool) {
      this.readPool = new Pool({
        connectionString: url,
        max: 4,
        // As the main pool (data-source.ts): a server that does not answer fails the request.
        connectionTimeoutMillis: 10_000,
        options: '-c synchronous_commit=off',
        application_name: 'preauth-audit',
      });
      // An idle connection dropped by the server must not take the process down; the next query reconnects.
      this.readPool.on('error', () => undefined);
    }
    return this.readPool;
  }

  /**
   * Appends one row to the audit trail. Pass the transaction's `manager` when recording a write,
   * so the change and its audit row commit (or roll back) together; a read may go without it.
   * Id, time and the hash chain are set by the database trigger.
   */
  async record(entry: AuditEntry, context: AuditActor, manager?: EntityManager): Promise<void> {
    if (manager) return insertAuditEvent(manager, entry, context);
    const params = auditParams(entry, context);
    await new Promise<void>((resolve, reject) => {
      this.pendingReads.push({ params, resolve, reject });
      if (!this.flushing) this.flushRun = this.flushReads();
    });
  }

  private async flushReads(): Promise<void> {
    this.flushing = true;
    try {
      while (this.pendingReads.length) {
        const batch = this.pendingReads.splice(0, MAX_BATCH);
        try {
          await this.insertReads(batch.map((b) => b.params));
          for (const b of batch) b.resolve();
        } catch (error) {
          if (batch.length === 1) {
            batch[0].reject(error);
            continue;
          }
          // One bad row must not take its neighbours' traces with it: write them one by one.
          for (const b of batch) {
            await this.insertReads([b.params]).then(b.resolve, b.reject);
          }
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private async insertReads(rows: unknown[][]): Promise<void> {
    const columns = Array.from({ length: 10 }, (_, i) => rows.map((r) => r[i]));
    const pool = this.readAuditPool();
    if (pool) await pool.query({ name: 'audit_read_batch', text: INSERT_AUDIT_BATCH, values: columns });
    else await this.dataSource.query(INSERT_AUDIT_BATCH, columns);
  }

  /** Everyone who can appear in the trail, for the audit page's user filter. */
  async listActors(): Promise<AuditActorDto[]> {
    return this.dataSource.query<AuditActorDto[]>(
      `SELECT id, display_name AS "displayName", email FROM users ORDER BY display_name, email`,
    );
  }

  /** The check `npm run audit:verify` runs, on one of the app's connections. */
  async verifyChain(): Promise<AuditChainReportDto> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as ClientBase;
      const report = await verifyAuditChain(client);
      return {
        ok: report.ok,
        checked: report.checked,
        lastHash: report.ok ? report.lastHash : null,
        brokenId: report.ok ? null : report.brokenId,
        reason: report.ok ? null : report.reason,
        message: describeAuditChainReport(report),
        checkedAt: new Date().toISOString(),
      };
    } finally {
      await runner.release();
    }
  }

  /** Newest first, keyset-paginated on the chain position (stable while rows are appended). */
  async list(query: AuditQueryDto): Promise<AuditPageDto> {
    const limit = query.limit ?? 50;
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.userId) add('e.user_id = ?', query.userId);
    if (query.patientId) add('e.patient_id = ?', query.patientId);
    if (query.caseId) add('e.case_id = ?', query.caseId);
    if (query.caseNumber) add('e.case_id = (SELECT id FROM cases WHERE case_number = ?)', query.caseNumber);
    if (query.action) add('e.action = ?', query.action);
    if (query.from) add('e.occurred_at >= ?', query.from);
    if (query.to) add('e.occurred_at < ?', query.to);
    if (query.cursor) add('e.id < ?', query.cursor);
    params.push(limit + 1);
    const rows: AuditRow[] = await this.dataSource.query(
      `SELECT e.id, e.occurred_at, e.user_id, u.email AS user_email, u.display_name AS user_display_name, e.action,
              e.object_type, e.object_id, e.patient_id, e.case_id, host(e.ip) AS ip, e.user_agent, e.outcome, e.detail, e.hash
         FROM audit_events e
         LEFT JOIN users u ON u.id = e.user_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY e.id DESC
        LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, limit);
    return {
      items: page.map(toAuditEventDto),
      nextCursor: rows.length > limit ? String(page[page.length - 1].id) : null,
    };
  }
}

interface AuditRow {
  id: string;
  occurred_at: Date;
  user_id: string | null;
  user_email: string | null;
  user_display_name: string | null;
  action: AuditAction;
  object_type: string;
  object_id: string | null;
  patient_id: string | null;
  case_id: string | null;
  ip: string | null;
  user_agent: string | null;
  outcome: AuditOutcome;
  detail: Record<string, unknown>;
  hash: string;
}

function toAuditEventDto(row: AuditRow): AuditEventDto {
  return {
    id: String(row.id),
    occurredAt: row.occurred_at.toISOString(),
    userId: row.user_id,
    userEmail: row.user_email,
    userDisplayName: row.user_display_name,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    patientId: row.patient_id,
    caseId: row.case_id,
    ip: row.ip,
    userAgent: row.user_agent,
    outcome: row.outcome,
    detail: row.detail,
    hash: row.hash,
  };
}
