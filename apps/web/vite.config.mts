import react from '@vitejs/plugin-react';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip, gzipSync } from 'node:zlib';
import { build, defineConfig, type Plugin, type Rolldown } from 'vite';
import { type ChunkPlan, planChunks, type Visit } from './build/chunk-plan.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

// The API serves dist/web/assets from these .br/.gz copies (apps/api/src/web/web-app.ts): compressing once at
// build time at the highest levels costs nothing per request and sends fewer bytes than on the fly.
function precompressAssets(): Plugin {
  return {
    name: 'preauth:precompress-assets',
    apply: 'build',
    async writeBundle({ dir }, bundle) {
      const files = Object.keys(bundle).filter(
        (file) => file.startsWith('assets/') && /\.(js|css|svg|json)$/.test(file),
      );
      await Promise.all(
        files.map(async (file) => {
          const path = join(dir ?? '', file);
          const body = await readFile(path);
          if (body.length < 1024) return;
          await writeFile(
            `${path}.br`,
            await brotli(body, {
              params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
            }),
          );
          await writeFile(`${path}.gz`, await gzipAsync(body, { level: 9 }));
        }),
      );
    },
  };
}

/**
 * The stylesheet holds the rules of the Mantine components the code uses, not the whole library's
 * (250 KB, 35 KB compressed): each component's class map (esm/components/.../X.module.mjs) brings
 * its rules, styles/X.css. A component imports the components it builds on before its own class
 * map, so their rules come first, in the order Mantine's styles.css has them (the browser tests
 * check the built file against Mantine's). The dev server pre-bundles Mantine whole, past this
 * transform, so there the complete styles.css is imported instead.
 */
function mantineComponentStyles(): Plugin {
  const CLASS_MAP = /[\\/]@mantine[\\/]core[\\/]esm[\\/].*[\\/]([A-Za-z]+)\.module\.mjs$/;
  let serve = false;
  return {
    name: 'preauth:mantine-component-styles',
    configResolved(config) {
      serve = config.command === 'serve';
    },
    transform(code, id) {
      if (serve) return id === resolve(here, 'src/main.tsx') ? `import '@mantine/core/styles.css';\n${code}` : null;
      const component = CLASS_MAP.exec(id)?.[1];
      return component ? { code: `import '@mantine/core/styles/${component}.css';\n${code}`, map: null } : null;
    },
  };
}

// Mantine's ScrollArea, which its Table renders, imports this and nothing else from floating-ui.
const SCROLL_AREA = /[\\/]@mantine[\\/]core[\\/]esm[\\/]components[\\/]ScrollArea[\\/]ScrollArea\.mjs$/;
const SCROLL_AREA_IMPORT = 'import { useMergeRefs } from "@floating-ui/react";';

/**
 * Gives Mantine's ScrollArea its one floating-ui hook from `src/ui/merge-refs.ts`: through it,
 * every page with a table loaded floating-ui's largest module (46 KB before minification), which
 * only popovers, menus and tooltips need. Stops the build if ScrollArea comes to import anything
 * else from there.
 */
function scrollAreaMergeRefs(): Plugin {
  return {
    name: 'preauth:scroll-area-merge-refs',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      return source === '@floating-ui/react' && importer && SCROLL_AREA.test(importer)
        ? resolve(here, 'src/ui/merge-refs.ts')
        : null;
    },
    transform(code, id) {
      if (!SCROLL_AREA.test(id)) return null;
      const imports = code.split('\n').filter((line) => line.includes('@floating-ui/'));
      if (imports.length !== 1 || imports[0]?.trim() !== SCROLL_AREA_IMPORT) {
        throw new Error(
          `Mantine's ScrollArea imports from floating-ui: ${imports.join(' ')}; update scrollAreaMergeRefs`,
        );
      }
      return null;
    },
  };
}

// Set while plannedChunks() builds this same configuration a first time, without merging.
const UNMERGED_BUILD = 'PREAUTH_UNMERGED_CHUNKS';
const unmergedBuild = process.env[UNMERGED_BUILD] === '1';

// The signed-in shell, and the pages the router (app/router.tsx) shows outside it: every other
// page the first chunk loads dynamically is shown inside the shell, which loads with it.
const SHELL = resolve(here, 'src/app/AppShellLayout.tsx');
const OUTSIDE_SHELL = ['InvitationPage', 'WaiverSigningPage'].map((page) => resolve(here, `src/pages/${page}.tsx`));

// The pages a clinic's day is spent on: each role's home (features/auth/roles.ts), the case list
// and the case page. The chunk plan counts a visit to one of them as this many to another page.
const DAILY_PAGES = ['WorklistPage', 'MyCasesPage', 'ReportsPage', 'CaseListPage', 'CasePage'].map((page) =>
  resolve(here, `src/pages/${page}.tsx`),
);
const DAILY_WEIGHT = 10;

/** Each page inside the shell with the shell: what one visit to it loads at once. */
function shellVisits(chunks: readonly Rolldown.OutputChunk[]): Visit[] {
  const shell = chunks.find((chunk) => chunk.facadeModuleId === SHELL);
  const entry = chunks.find((chunk) => chunk.isEntry);
  if (!shell || !entry) throw new Error('planned chunks: the first build has no entry or no shell chunk');
  const missing = [...OUTSIDE_SHELL, ...DAILY_PAGES].filter(
    (page) => !chunks.some((chunk) => chunk.facadeModuleId === page),
  );
  if (missing.length) throw new Error(`planned chunks: no chunk for the pages ${missing.join(', ')}`);
  const pageOf = (file: string) => chunks.find((chunk) => chunk.fileName === file)?.facadeModuleId ?? '';
  return entry.dynamicImports
    .filter((file) => file !== shell.fileName && !OUTSIDE_SHELL.includes(pageOf(file)))
    .map((page) => ({
      entries: [shell.fileName, page],
      weight: DAILY_PAGES.includes(pageOf(page)) ? DAILY_WEIGHT : 1,
    }));
}

/**
 * Fills `plan` with the chunks to serve as one file (build/chunk-plan.ts says how and why),
 * from a first build of this configuration in memory, where each set of lazily loaded pages
 * sharing modules has its chunk. The bundler's own merging can make chunks that import one
 * another in a cycle, which breaks the pages that load them; this plan cannot.
 */
function plannedChunks(plan: ChunkPlan): Plugin {
  return {
    name: 'preauth:planned-chunks',
    apply: (_config, { command }) => command === 'build' && !unmergedBuild,
    async configResolved(config) {
      if (!config.configFile) throw new Error('planned chunks: the first build needs the configuration file');
      process.env[UNMERGED_BUILD] = '1';
      try {
        const result = await build({
          configFile: config.configFile,
          mode: config.mode,
          logLevel: 'warn',
          build: { write: false, sourcemap: false },
        });
        const outputs = (Array.isArray(result) ? result : [result]).flatMap((each) =>
          'output' in each ? each.output : [],
        );
        const built = outputs.flatMap((item) => (item.type === 'chunk' ? [item] : []));
        const chunks = built.map((item) => ({
          file: item.fileName,
          imports: item.imports,
          isEntry: item.isEntry,
          isDynamicEntry: item.isDynamicEntry,
          moduleIds: item.moduleIds,
          bytes: gzipSync(item.code).length,
          hasCss: (item.viteMetadata?.importedCss.size ?? 0) > 0,
        }));
        const options = { requestBytes: 4_000, maxBytes: 15_000, visits: shellVisits(built) };
        for (const [id, name] of planChunks(chunks, options)) plan.set(id, name);
      } finally {
        delete process.env[UNMERGED_BUILD];
      }
    },
  };
}

const chunkPlan: ChunkPlan = new Map();

export default defineConfig({
  root: here,
  plugins: [react(), mantineComponentStyles(), scrollAreaMergeRefs(), plannedChunks(chunkPlan), precompressAssets()],
  resolve: {
    alias: {
      '@preauth/domain': resolve(root, 'libs/domain/src/index.ts'),
      '@preauth/api-client': resolve(root, 'libs/api-client/src/index.ts'),
    },
  },
  server: {
    port: 4200,
    proxy: { '/api': { target: `http://localhost:${process.env.PORT ?? 3000}`, changeOrigin: false } },
  },
  build: {
    outDir: resolve(root, 'dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 600,
    // All the CSS in one file with the first paint (19 KB compressed), cached by its hash: split by
    // chunk, a signed-in page waited for six or seven stylesheets of 1-4 KB after the first file,
    // each a round trip on a phone's six connections, before its scripts could start.
    cssCodeSplit: false,
    rollupOptions: {
      // libs/domain is pure (its README says so): let unused rules drop out of the first chunk.
      treeshake: { moduleSideEffects: (id: string) => !id.includes('/libs/domain/') },
      output: {
        codeSplitting: {
          groups: [
            // What the first visit runs is one file instead of a dozen pieces shared with later pages.
            { name: 'index', tags: ['$initial'] },
            // The lazily loaded chunks the plan merges (plannedChunks above); the others stay as the
            // bundler splits them. The plan keeps the chunks free of import cycles itself, so the
            // group does not pull in the dependencies of what it captures.
            ...(unmergedBuild
              ? []
              : [
                  {
                    name: (id: string) => chunkPlan.get(id) ?? null,
                    debugName: 'planned',
                    includeDependenciesRecursively: false,
                  },
                ]),
          ],
        },
      },
    },
  },
});
