import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../users/user.entity';

/**
 * A clinic's description of a CARC reason that libs/domain does not describe, keyed by the reason
 * (CO-96 and PR-96 mean the same), written once by a manager so reports never show a bare code.
 */
@Entity({ name: 'carc_descriptions' })
export class CarcDescription {
  @PrimaryColumn({
    name: 'reason_code',
    type: 'varchar',
    length: 3,
    primaryKeyConstraintName: 'carc_descriptions_pkey',
  })
  reasonCode!: string;

  // The code as the manager saw it on a case or a report (with its group code).
  @Column({ type: 'varchar', length: 10 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  description!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdById!: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'carc_descriptions_created_by_fkey' })
  createdBy?: User | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
