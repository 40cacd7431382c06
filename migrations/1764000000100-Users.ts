import { MigrationInterface, QueryRunner } from 'typeorm';

export class Users1764000000100 implements MigrationInterface {
  name = 'Users1764000000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(254) NOT NULL,
        display_name varchar(200) NOT NULL,
        roles text[] NOT NULL,
        password_hash text,
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_roles_valid CHECK (
          cardinality(roles) > 0 AND roles <@ ARRAY['front_desk','physician','manager','admin']::text[]
        )
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE users`);
  }
}
