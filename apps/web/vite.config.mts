import react from '@vitejs/plugin-react';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

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
 * Each Mantine component's stylesheet travels with the chunk that uses the component, instead of
 * the whole library's (250 KB, 35 KB compressed) with the signed-in shell: a page's CSS is what it
 * draws. Every component's class map (esm/components/.../X.module.mjs) has its rules in
 * styles/X.css; a component imports the components it builds on before its own class map, so their
 * rules come first, in the order Mantine's styles.css has them (the browser tests check the built
 * files against Mantine's). The dev server pre-bundles Mantine whole, past this transform, so there
 * the complete styles.css is imported instead.
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

const SHARED_LIBRARIES =
  /node_modules[\\/](@mantine|@floating-ui|react-remove-scroll|react-style-singleton|use-sidecar|use-callback-ref|get-nonce|tslib|@date-fns)[\\/]/;

export default defineConfig({
  root: here,
  plugins: [react(), mantineComponentStyles(), precompressAssets()],
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
    rollupOptions: {
      // libs/domain is pure (its README says so): let unused rules drop out of the first chunk.
      treeshake: { moduleSideEffects: (id: string) => !id.includes('/libs/domain/') },
      output: {
        codeSplitting: {
          groups: [
            // What the first visit runs is one file instead of a dozen pieces shared with later pages.
            { name: 'index', tags: ['$initial'] },
            // Left to itself, splitting made one file per set of pages sharing a module: a signed-in
            // page asked for 60-70 files of 1-3 KB, and on a phone's network (Lighthouse's slow 4G:
            // 150 ms round trips, 6 connections per host on HTTP/1.1) the round trips cost more than
            // the bytes. Here the UI library and our own code shared by at least five pages merge
            // into their nearest neighbour while under 12 KB. The libraries a page loads on demand
            // (zod, react-hook-form, the number input, charts) stay out, or a merge could pull them
            // into a page's first load.
            {
              name: 'shared',
              test: (id: string) => !/node_modules/.test(id) || SHARED_LIBRARIES.test(id),
              minShareCount: 5,
              entriesAware: true,
              entriesAwareMergeThreshold: 12_000,
            },
          ],
        },
      },
    },
  },
});
