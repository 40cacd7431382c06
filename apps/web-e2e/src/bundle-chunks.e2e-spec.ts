import { init, parse } from 'es-module-lexer';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from '../../../tools/app/built-app';

/**
 * The built dashboard's chunks (dist/web, as `npm test` builds it) import one another without a
 * cycle. The bundler merges small shared chunks into a neighbour (apps/web/vite.config.mts), and a
 * merge can make two chunks import each other; then a module may run before one it reads as it
 * loads, and every page that loads the pair shows an error screen instead of itself (a merge
 * threshold of 40 KB did that: "Cannot read properties of undefined (reading 'modal')"). The
 * pages the browser tests open would show it too, but not which change of the code or the
 * configuration made the cycle, nor on a page they do not open.
 */
const assets = join(workspaceRoot, 'dist/web/assets');

/** A cycle among the files, as the chain of files that closes it, or undefined. */
function findCycle(imports: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const open: string[] = [];
  const done = new Set<string>();
  const visit = (file: string): string[] | undefined => {
    open.push(file);
    for (const next of imports.get(file) ?? []) {
      const at = open.indexOf(next);
      if (at >= 0) return [...open.slice(at), next];
      if (done.has(next)) continue;
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    open.pop();
    done.add(file);
    return undefined;
  };
  for (const file of imports.keys()) {
    if (done.has(file)) continue;
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('the built dashboard’s chunks', () => {
  it('import one another, as they load, without a cycle', async () => {
    await init;
    const files = readdirSync(assets).filter((file) => file.endsWith('.js'));
    const imports = new Map(
      files.map((file) => {
        const [found] = parse(readFileSync(join(assets, file), 'utf8'), file);
        // Static imports and re-exports only (d === -1): a dynamic import() runs once its chunk has
        // loaded, so it cannot close a cycle of chunks loading.
        const statics = found.filter((entry) => entry.d === -1 && entry.n?.startsWith('./'));
        return [file, statics.map((entry) => (entry.n ?? '').slice(2))];
      }),
    );
    // The chunks do import one another: a parse that found nothing would find no cycle either.
    expect([...imports.values()].flat().length).toBeGreaterThan(files.length);
    expect(findCycle(imports)).toBeUndefined();
  });

  it('are checked by a search that finds a cycle where there is one', () => {
    const imports = new Map([
      ['index.js', []],
      ['page.js', ['shared-a.js']],
      ['shared-a.js', ['shared-b.js']],
      ['shared-b.js', ['shared-a.js']],
    ]);
    expect(findCycle(imports)).toEqual(['shared-a.js', 'shared-b.js', 'shared-a.js']);
    expect(findCycle(new Map([...imports, ['shared-b.js', []]]))).toBeUndefined();
  });
});
