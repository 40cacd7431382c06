import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { PreauthCase } from '../cases/preauth-case.entity';
import { User } from '../users/user.entity';
import { SelfPayConversion } from './self-pay-conversion.entity';

/** The patient's signed financial-responsibility waiver for one self-pay estimate, as a PDF. */
@Entity({ name: 'financial_waivers' })
@Check('financial_waivers_signed_name_length', `char_length(signed_name) BETWEEN 1 AND 200`)
@Check('financial_waivers_byte_size_valid', `byte_size > 0`)
@Index('financial_waivers_case_id_idx', ['caseId'])
@Index('financial_waivers_conversion_key', ['conversionEventId'], { unique: true })
export class FinancialWaiver {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'financial_waivers_pkey' })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => PreauthCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'financial_waivers_case_id_fkey' })
  preauthCase?: Relation<PreauthCase>;

  // One signature per estimate: a new estimate needs a new conversion, and a new signature.
  @Column({ name: 'conversion_event_id', type: 'bigint' })
  conversionEventId!: string;

  @ManyToOne(() => SelfPayConversion, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'conversion_event_id',
    referencedColumnName: 'eventId',
    foreignKeyConstraintName: 'financial_waivers_conversion_event_id_fkey',
  })
  conversion?: Relation<SelfPayConversion>;

  @Column({ name: 'signed_name', type: 'varchar', length: 200 })
  signedName!: string;

  // The clinic-local day the patient signed.
  @Column({ name: 'signed_on', type: 'date' })
  signedOn!: string;

  @Column({ name: 'signed_at', type: 'timestamptz' })
  signedAt!: Date;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName!: string;

  @Column({ name: 'byte_size', type: 'integer' })
  byteSize!: number;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  // Read only by the download.
  @Column({ type: 'bytea', select: false })
  pdf!: Buffer;

  // The staff member whose session held the tablet.
  @Column({ name: 'collected_by', type: 'uuid', nullable: true })
  collectedById!: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'collected_by', foreignKeyConstraintName: 'financial_waivers_collected_by_fkey' })
  collectedBy?: User | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
