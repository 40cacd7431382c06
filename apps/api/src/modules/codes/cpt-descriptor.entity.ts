import { Column, Entity, PrimaryColumn } from 'typeorm';

// A clinic's own licensed CPT descriptors (`npm run codes:load -- --cpt`); never shipped.
@Entity({ name: 'cpt_descriptors' })
export class CptDescriptor {
  @PrimaryColumn({ type: 'varchar', length: 5, primaryKeyConstraintName: 'cpt_descriptors_pkey' })
  code!: string;

  @Column({ name: 'short_descriptor', type: 'text' })
  shortDescriptor!: string;

  @Column({ name: 'long_descriptor', type: 'text' })
  longDescriptor!: string;

  @Column({ name: 'loaded_at', type: 'timestamptz', default: () => 'now()' })
  loadedAt!: Date;
}
