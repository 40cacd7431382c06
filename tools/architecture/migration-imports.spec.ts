import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { preProcessFile } from 'typescript';

// A migration is history: it must do today what it did when it was first run. Importing live
// code (a catalog, a rule, an entity) would let a later change to that code rewrite the past.
const migrationsDir = resolve(__dirname, '../../migrations');

function forbiddenImports(file: string, text: string): string[] {
  const { importedFiles } = preProcessFile(text, true, true);
  return importedFiles
    .map((imported) => imported.fileName)
    .filter((specifier) => {
      if (specifier === 'typeorm') return false;
      if (specifier.startsWith('node:') || builtinModules.includes(specifier)) return false;
      return !(specifier.startsWith('./') && dirname(resolve(dirname(file), specifier)) === dirname(file));
    });
}

describe('migrations', () => {
  const files = readdirSync(migrationsDir).filter((name) => name.endsWith('.ts'));

  it('are found', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((name) => [name]))('%s imports only typeorm, Node built-ins and sibling migrations', (name) => {
    const file = join(migrationsDir, name);
    expect(forbiddenImports(file, readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('catches every way of reaching live code', () => {
    const file = join(migrationsDir, '1764000000999-Example.ts');
    const text = [
      `import { CPT_CATALOG } from '@preauth/domain';`,
      `import type { PreauthCase } from '../apps/api/src/modules/cases/preauth-case.entity';`,
      `export { DEFAULT_DEADLINE_RULES } from '../libs/domain/src/deadlines';`,
      `const rules = require('../libs/domain/src');`,
      `const later = import('date-fns');`,
      `import { MigrationInterface } from 'typeorm';`,
      `import { createHash } from 'node:crypto';`,
      `import { join } from 'path';`,
      `import { Foundation1764000000000 } from './1764000000000-Foundation';`,
    ].join('\n');
    expect(forbiddenImports(file, text)).toEqual([
      '@preauth/domain',
      '../apps/api/src/modules/cases/preauth-case.entity',
      '../libs/domain/src/deadlines',
      '../libs/domain/src',
      'date-fns',
    ]);
  });
});
