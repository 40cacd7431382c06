import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

// The Nx project tags of STYLE.md, enforced on the import specifiers themselves:
// type:domain imports nothing of ours and no framework; type:api-client imports domain only;
// scope:web never imports scope:api; nobody reaches into another project by relative path.
const root = resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(
      /(?:import|export)[^'"`]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ];
  return specifiers.map((m) => m[1] ?? m[2] ?? m[3]).filter(Boolean);
}

function violations(project: string, rule: (specifier: string, file: string) => string | null): string[] {
  return sourceFiles(join(root, project)).flatMap((file) =>
    importsOf(file)
      .map((s) => rule(s, file))
      .filter((v): v is string => v !== null)
      .map((v) => `${relative(root, file)}: ${v}`),
  );
}

function escapesProject(specifier: string, file: string, project: string): boolean {
  return specifier.startsWith('.') && !resolve(file, '..', specifier).startsWith(join(root, project));
}

describe('module boundaries', () => {
  it('keeps libs/domain free of frameworks and of the other projects', () => {
    const allowed = new Set(['date-fns', '@date-fns/tz']);
    expect(
      violations('libs/domain/src', (s, file) => {
        if (escapesProject(s, file, 'libs/domain')) return `relative import out of the project: ${s}`;
        if (s.startsWith('.')) return null;
        if (s.startsWith('node:') && !file.endsWith('.spec.ts')) return `Node-only module ${s}`;
        if (s.startsWith('@preauth/')) return `imports ${s}`;
        return allowed.has(s) || s.startsWith('node:') || file.includes('.spec.') ? null : `imports the package ${s}`;
      }),
    ).toEqual([]);
  });

  it('lets libs/api-client import only the domain and its HTTP client', () => {
    expect(
      violations('libs/api-client/src', (s, file) => {
        if (escapesProject(s, file, 'libs/api-client')) return `relative import out of the project: ${s}`;
        if (s.startsWith('@preauth/') && s !== '@preauth/domain') return `imports ${s}`;
        return null;
      }),
    ).toEqual([]);
  });

  it('keeps the dashboard away from the API code (it talks HTTP through the client)', () => {
    expect(
      violations('apps/web/src', (s, file) => {
        if (escapesProject(s, file, 'apps/web')) return `relative import out of the project: ${s}`;
        if (/(^|\/)apps\/api\//.test(s) || s.startsWith('@nestjs/') || s === 'typeorm' || s === 'pg')
          return `imports server code ${s}`;
        return null;
      }),
    ).toEqual([]);
  });

  it('keeps the API on tsconfig paths for shared libraries', () => {
    expect(
      violations('apps/api/src', (s) =>
        /(^|\/)libs\//.test(s) || /(^|\/)apps\/web\//.test(s) ? `imports ${s} by path` : null,
      ),
    ).toEqual([]);
  });
});
