import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

export default defineConfig({
  define: { __ANYAM_VERSION__: '"test"', __ANYAM_BUILD_ID__: '"test"' },
  plugins: [svelte(), svelteTesting()],
  test: {
    // Playwright's files live in tests/e2e and must not be collected here.
    include: ['tests/{unit,db,components}/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // Seeding thousands of rows in a beforeAll takes longer than vitest's 10 s on a loaded machine.
    hookTimeout: 120_000,
  },
});
