import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Recent failed sign-ins, for throttling per account and per IP across every instance of the app.
 * The account is a SHA-256 of the lower-cased email as typed, so unknown emails are throttled
 * exactly like real ones and the table holds no addresses. Rows older than a day are pruned.
 */
@Entity({ name: 'login_failures' })
@Index('login_failures_account_idx', ['accountHash', 'occurredAt'])
@Index('login_failures_ip_idx', ['ip', 'occurredAt'])
export class LoginFailure {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'login_failures_pkey',
  })
  id!: string;

  @Column({ name: 'account_hash', type: 'bytea' })
  accountHash!: Buffer;

  @Column({ type: 'inet', nullable: true })
  ip!: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt!: Date;
}
