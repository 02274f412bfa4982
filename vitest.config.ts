import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';
import { resolve } from 'node:path';

const shell = resolve(__dirname, 'node_modules/@rancher/shell');

export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: {
      '@shell':      shell,
      '@components': resolve(shell, 'rancher-components'),
      '@pkg':        resolve(__dirname, 'pkg/harvester-vm-migration-network'),
    },
    extensions: ['.mjs', '.js', '.ts', '.jsx', '.tsx', '.json', '.vue'],
  },
  test: {
    include: [
      'pkg/**/__tests__/**/*.test.ts',
      'harvester-sim/test/**/*.test.ts',
      'tests/unit/**/*.test.ts',
    ],
    // build-pkg links the shell into the package as `.shell` while it runs: never collect the shell's own tests.
    exclude:     ['**/node_modules/**', '**/.shell/**'],
    server:      { deps: { inline: [/@rancher\/shell/] } },
    testTimeout: 20000,
    hookTimeout: 30000,
    coverage:    {
      provider: 'v8',
      include:  ['pkg/harvester-vm-migration-network/core/**'],
      exclude:  ['**/__tests__/**'],
    },
  },
});
