// Vite build of the renderer (React 19). Output is loaded by Electron (file://) and by the local
// web host (shared/api/http.ts); both use a strict CSP, so the build must not inline any script.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  // `npx vite` during development: /api goes to a running local web host (npm run web). The host
  // answers only its own Host and Origin (docs/security.md), so the proxy presents the request as
  // its own; open the dev page with the `#token=…` that npm run web printed.
  server: {
    proxy: {
      '/api': {
        target: process.env.LANDCHECK_API ?? 'http://127.0.0.1:4173',
        changeOrigin: true,
        configure: (proxy) => proxy.on('proxyReq', (req) => req.removeHeader('origin')),
      },
    },
  },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // No inline scripts or data: module preloads (CSP script-src 'self').
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
});
