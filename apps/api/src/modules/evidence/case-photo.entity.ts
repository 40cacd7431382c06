import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { PreauthCase } from '../cases/preauth-case.entity';
import { User } from '../users/user.entity';

export const STORED_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type StoredPhotoType = (typeof STORED_PHOTO_TYPES)[number];

/**
 * A clinical photo of a case. The row is committed before its files leave their pending names
 * (see PhotosService.upload), so a row always has its files; deletion is soft and the files stay.
 */
@Entity({ name: 'case_photos' })
@Check('case_photos_lesion_count_valid', `lesion_count >= 0`)
@Check('case_photos_content_type_valid', `content_type IN ('image/jpeg','image/png','image/webp')`)
@Check('case_photos_original_type_valid', `original_type IN ('jpeg','png','webp','heif')`)
@Index('case_photos_case_id_idx', ['caseId', 'createdAt'])
export class CasePhoto {
  // Assigned by the service before the row exists: the storage keys are derived from it.
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'case_photos_pkey' })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => PreauthCase, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'case_photos_case_id_fkey' })
  preauthCase?: Relation<PreauthCase>;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedById!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by', foreignKeyConstraintName: 'case_photos_uploaded_by_fkey' })
  uploadedBy?: User;

  @Column({ name: 'body_site', type: 'varchar', length: 120 })
  bodySite!: string;

  @Column({ name: 'lesion_count', type: 'integer' })
  lesionCount!: number;

  @Column({ name: 'taken_at', type: 'timestamptz' })
  takenAt!: Date;

  @Column({ type: 'varchar', length: 500, nullable: true })
  caption!: string | null;

  // The uploader's file name, cleaned (no path, no control characters); display only.
  @Column({ name: 'original_name', type: 'varchar', length: 200 })
  originalName!: string;

  // What the bytes were (by their content), and the SHA-256 of those bytes as uploaded.
  @Column({ name: 'original_type', type: 'varchar', length: 10 })
  originalType!: string;

  @Column({ name: 'original_size', type: 'integer' })
  originalSize!: number;

  @Column({ name: 'original_sha256', type: 'varchar', length: 64 })
  originalSha256!: string;

  // The re-encoded image actually stored and served (metadata stripped).
  @Column({ name: 'content_type', type: 'varchar', length: 20 })
  contentType!: StoredPhotoType;

  @Column({ name: 'byte_size', type: 'integer' })
  byteSize!: number;

  @Column({ type: 'integer' })
  width!: number;

  @Column({ type: 'integer' })
  height!: number;

  @Column({ name: 'storage_key', type: 'varchar', length: 200 })
  storageKey!: string;

  @Column({ name: 'thumbnail_key', type: 'varchar', length: 200 })
  thumbnailKey!: string;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;

  @Column({ name: 'deleted_by', type: 'uuid', nullable: true })
  deletedById!: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'deleted_by', foreignKeyConstraintName: 'case_photos_deleted_by_fkey' })
  deletedBy?: User | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
