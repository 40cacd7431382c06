import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity';

/**
 * A one-time code that stands in for an authenticator code at sign-in (a lost phone). Only its
 * argon2 hash is kept, like a password; used_at marks it spent.
 */
@Entity({ name: 'user_recovery_codes' })
export class UserRecoveryCode {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'user_recovery_codes_pkey' })
  id!: string;

  @Index('user_recovery_codes_user_id_idx')
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'user_recovery_codes_user_id_fkey' })
  user?: User;

  @Column({ name: 'code_hash', type: 'text' })
  codeHash!: string;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
