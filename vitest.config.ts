import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // PGlite instances are heavy; two workers match the 2-core CI machine.
    maxWorkers: 2,
  },
});
