import react from '@vitejs/plugin-react';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

export default defineConfig({
  root: here,
  plugins: [react()],
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
    },
  },
});
