import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from './user.entity';

/**
 * A link that lets a new user choose their own password, instead of an admin handing them one.
 * Only the SHA-256 of its token is kept (the token is 256 random bits, so a fast hash is enough);
 * used_at marks it spent, expires_at ends it unused.
 */
@Entity({ name: 'user_invitations' })
export class UserInvitation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'user_invitations_pkey' })
  id!: string;

  @Index('user_invitations_user_id_idx')
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'user_invitations_user_id_fkey' })
  user?: User;

  @Index('user_invitations_token_hash_key', { unique: true })
  @Column({ name: 'token_hash', type: 'character', length: 64 })
  tokenHash!: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
