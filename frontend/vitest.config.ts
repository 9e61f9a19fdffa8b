import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    environment: 'jsdom',
    globals: true,
    // Only unit and component tests: Playwright specs live in e2e/ and run with `npm run e2e`.
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    css: false,
    restoreMocks: true,
    // Component tests drive Mantine in jsdom; leave room on a busy 2-core CI machine.
    testTimeout: 20_000,
  },
});
