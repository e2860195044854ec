import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser tests: each file starts its own server and Chromium, so they run one at a time and
// are given the time a real browser on a 2-core machine needs.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['e2e/**/*.e2e.ts'],
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Pages under load take longer than vitest's 1 s default to settle.
    expect: { poll: { timeout: 15_000 } },
  },
});
