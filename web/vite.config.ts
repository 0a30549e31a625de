import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Used by `vite` (dev server), `vite build` and, through the root vitest.config.ts `web` project, by vitest.
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    // The API server (Fastify) listens on :3000; in production it also serves web/dist itself.
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  preview: {
    port: 4173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    // No inline scripts or data: URLs for scripts, to stay within the strict CSP.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // Long-lived vendor chunks: app releases do not invalidate the browser's cache of these.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: 'mantine', test: /node_modules[\\/]@mantine[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
});
