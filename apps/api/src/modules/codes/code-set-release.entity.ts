import { Check, Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

export type CodeSetName = 'icd10cm';

@Entity({ name: 'code_set_releases' })
@Unique('code_set_releases_name_key', ['codeSet', 'name'])
@Check('code_set_releases_code_set_valid', `code_set IN ('icd10cm')`)
@Check('code_set_releases_dates_valid', `effective_to IS NULL OR effective_to >= effective_from`)
export class CodeSetRelease {
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: 'code_set_releases_pkey' })
  id!: number;

  @Column({ name: 'code_set', type: 'varchar', length: 16 })
  codeSet!: CodeSetName;

  @Column({ type: 'varchar', length: 40 })
  name!: string;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom!: string;

  @Column({ name: 'effective_to', type: 'date', nullable: true })
  effectiveTo!: string | null;

  @Column({ name: 'source_file', type: 'varchar', length: 200 })
  sourceFile!: string;

  @Column({ name: 'source_sha256', type: 'char', length: 64 })
  sourceSha256!: string;

  @Column({ name: 'code_count', type: 'integer' })
  codeCount!: number;

  @Column({ name: 'loaded_at', type: 'timestamptz', default: () => 'now()' })
  loadedAt!: Date;
}
