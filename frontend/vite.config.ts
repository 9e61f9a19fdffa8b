import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API is served on the same origin in production (`showroom serve --spa-dist`), so the
// SPA only ever calls relative `/api/...` URLs; in development Vite forwards them.
export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:8000', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
});
