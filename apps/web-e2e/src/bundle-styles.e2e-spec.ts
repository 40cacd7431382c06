import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { workspaceRoot } from '../../../tools/app/built-app';

/**
 * The built dashboard's stylesheet (dist/web, as `npm test` builds it): each Mantine component's
 * rules come with the component (apps/web/vite.config.mts), so these check, against Mantine's own
 * files, that no component the code draws lost its styles, that the whole library is not there,
 * and that the rules keep the order of Mantine's styles.css.
 */
const core = join(workspaceRoot, 'node_modules/@mantine/core');
const assets = join(workspaceRoot, 'dist/web/assets');

// Each component's class names, from its class map (esm/components/.../X.module.mjs), which
// Mantine pairs with styles/X.css; and the components it builds on: those whose class maps the
// modules imported by X's own module (the one importing X's class map) import.
const modules = readdirSync(join(core, 'esm'), { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('.mjs'))
  .map((path) => join(core, 'esm', path));
const nameOf = (path: string) => path.replace(/.*[\\/]/, '').replace(/\.module\.mjs$/, '');
const classMaps = new Map(
  modules
    .filter((path) => path.endsWith('.module.mjs'))
    .map((path) => [nameOf(path), [...readFileSync(path, 'utf8').matchAll(/"(m_[0-9a-f]+)"/g)].map((m) => m[1])]),
);
const importsOf = new Map(
  modules.map((path) => [path, [...readFileSync(path, 'utf8').matchAll(/from "([^"]+\.mjs)"/g)].map((m) => m[1])]),
);
const classMapsImportedBy = (path: string) =>
  (importsOf.get(path) ?? []).filter((spec) => spec.endsWith('.module.mjs')).map(nameOf);
const directImports = new Map<string, string[]>();
for (const [path, specs] of importsOf) {
  for (const component of classMapsImportedBy(path)) {
    const dependencies = specs
      .filter((spec) => !spec.endsWith('.module.mjs'))
      .flatMap((spec) => classMapsImportedBy(join(dirname(path), spec)))
      .filter((name) => name !== component);
    directImports.set(component, [...(directImports.get(component) ?? []), ...dependencies]);
  }
}
/** Every component X builds on, directly or through others. */
function buildsOn(component: string, seen = new Set<string>()): Set<string> {
  for (const dependency of directImports.get(component) ?? []) {
    if (!seen.has(dependency)) {
      seen.add(dependency);
      buildsOn(dependency, seen);
    }
  }
  return seen;
}
const componentOfClass = new Map<string, string>();
for (const [component, classes] of classMaps) for (const c of classes) componentOfClass.set(c, component);

/** The Mantine components whose rules a stylesheet holds, in the order they first appear. */
function componentsIn(css: string): string[] {
  const seen: string[] = [];
  for (const [, cls] of css.matchAll(/\.(m_[0-9a-f]+)/g)) {
    const component = componentOfClass.get(cls);
    if (component && !seen.includes(component)) seen.push(component);
  }
  return seen;
}

/** The Mantine components whose class maps a built script contains (from its source map). */
function componentsInScript(file: string): string[] {
  const map = JSON.parse(readFileSync(join(assets, `${file}.map`), 'utf8')) as { sources: string[] };
  return map.sources.flatMap((source) => {
    const m = /@mantine[\\/]core[\\/]esm[\\/].*[\\/]([A-Za-z]+)\.module\.mjs$/.exec(source);
    return m ? [m[1]] : [];
  });
}

describe('the dashboard’s stylesheets', () => {
  const files = readdirSync(assets);
  const cssFiles = files.filter((f) => f.endsWith('.css'));
  const scripts = files.filter((f) => f.endsWith('.js'));
  const styled = new Set(cssFiles.flatMap((f) => componentsIn(readFileSync(join(assets, f), 'utf8'))));
  const drawn = new Set(scripts.flatMap(componentsInScript));

  it('has the rules of every Mantine component the code uses, and of none it does not', () => {
    expect(drawn.size).toBeGreaterThan(20);
    expect([...drawn].filter((c) => !styled.has(c))).toEqual([]);
    // The whole library's styles.css would bring components nobody here uses (AngleSlider, say).
    expect([...styled].filter((c) => !drawn.has(c))).toEqual([]);
  });

  it('puts the rules of a component after those of the components it builds on, as styles.css does', () => {
    // Rules of equal weight: the later wins, so a Checkbox's own rules must follow InlineInput's.
    // Components that share no element (CheckboxCard beside InlineInput, say) may come in any order.
    const full = readFileSync(join(core, 'styles.css'), 'utf8');
    const rank = (component: string) => full.indexOf(`.${classMaps.get(component)?.[0]}`);
    expect(rank('InlineInput')).toBeLessThan(rank('Checkbox'));
    expect([...buildsOn('Checkbox')]).toEqual(expect.arrayContaining(['InlineInput', 'CheckboxIndicator']));
    for (const file of cssFiles) {
      const order = componentsIn(readFileSync(join(assets, file), 'utf8'));
      const misplaced = order.flatMap((component, i) =>
        [...buildsOn(component)]
          .filter((dependency) => order.indexOf(dependency) > i)
          .map((dependency) => `${file}: ${dependency} after ${component}`),
      );
      expect(misplaced).toEqual([]);
    }
  });

  it('is one file, loaded with the first paint, so that no page waits for a stylesheet later', () => {
    const html = readFileSync(join(workspaceRoot, 'dist/web/index.html'), 'utf8');
    const linked = [...html.matchAll(/href="\/assets\/([^"]+\.css)"/g)].map((m) => m[1]);
    expect(linked).toHaveLength(1);
    expect(cssFiles).toEqual(linked);
    const css = readFileSync(join(assets, linked[0]), 'utf8');
    // The loading screen's rules, and those of a page loaded later (the reports'), are there too.
    expect(css).toContain('.boot-splash');
    expect(css).toContain('.report-visually-hidden');
    // No page's script asks for a stylesheet of its own as it loads (Vite's preload lists them).
    const askedFor = scripts.filter((file) => /assets\/[^"'`]+\.css/.test(readFileSync(join(assets, file), 'utf8')));
    expect(askedFor).toEqual([]);
  });
});
