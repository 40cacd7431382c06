// npm run migration:generate -- AddSomething
// Builds a scratch database from the existing migrations, asks TypeORM what the entities still
// need, and writes that as a new migration in migrations/ (registered in migrations/index.ts).
import 'reflect-metadata';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pendingSchemaChanges, runMigrations } from '../apps/api/src/database/data-source';
import { startEmbeddedPostgres, withDatabase } from '../apps/api/src/database/embedded-postgres';
import { ensureDatabaseExists } from '../apps/api/src/database/prepare-database';

const root = resolve(__dirname, '..');

function escapeTemplate(sql: string): string {
  return sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
}

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    process.stderr.write('Usage: npm run migration:generate -- PascalCaseName\n');
    process.exit(2);
  }
  const dir = mkdtempSync(join(tmpdir(), 'preauth-migration-'));
  chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: dir });
  try {
    await ensureDatabaseExists(server.url, 'scratch');
    const url = withDatabase(server.url, 'scratch');
    await runMigrations(url);
    const { up, down } = await pendingSchemaChanges(url);
    if (!up.length) {
      process.stdout.write('The migrations already match the entities: nothing to generate.\n');
      return;
    }
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const file = `${timestamp}-${name}`;
    const body = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${up.map((q) => `    await queryRunner.query(\`${escapeTemplate(q)}\`);`).join('\n')}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${down
  .reverse()
  .map((q) => `    await queryRunner.query(\`${escapeTemplate(q)}\`);`)
  .join('\n')}
  }
}
`;
    writeFileSync(join(root, 'migrations', `${file}.ts`), body);
    const indexPath = join(root, 'migrations', 'index.ts');
    const index = readFileSync(indexPath, 'utf8')
      .replace(/(\nexport const migrations = \[)/, `import { ${className} } from './${file}';\n$1`)
      .replace(/\];\s*$/, `, ${className}];\n`);
    writeFileSync(indexPath, index);
    process.stdout.write(`Wrote migrations/${file}.ts (${up.length} statements). Review it before committing.\n`);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
