import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from './tools/precompress';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
// In dev, /graphql, /api and /health go to the API (PILOTE_API_URL to point elsewhere).
const api = process.env.PILOTE_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react(), precompress()],
  resolve: {
    alias: [
      { find: /^@pilote\/theme-engine\/web$/, replacement: here('../../libs/theme-engine/src/web/index.ts') },
      { find: /^@pilote\/theme-engine$/, replacement: here('../../libs/theme-engine/src/index.ts') },
      { find: /^@pilote\/theme-neutral$/, replacement: here('../../themes/neutral/src/index.ts') },
      { find: /^@pilote\/theme-dsfr\/web$/, replacement: here('../../themes/dsfr/src/web/index.ts') },
      { find: /^@pilote\/theme-dsfr$/, replacement: here('../../themes/dsfr/src/index.ts') },
      { find: /^@pilote\/ui$/, replacement: here('../../libs/ui/src/index.ts') },
      { find: /^@pilote\/i18n$/, replacement: here('../../libs/i18n/src/index.ts') },
    ],
  },
  server: {
    port: 4200,
    proxy: { '/graphql': api, '/api': api, '/health': api },
  },
  preview: { port: 4300, proxy: { '/graphql': api, '/api': api, '/health': api } },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 600,
    manifest: true,
  },
});
