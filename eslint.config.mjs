import shellConfig from '@rancher/shell/eslint.config.base.mjs';

export default [
  ...shellConfig,
  {
    ignores: [
      'node_modules/**', 'dist/**', 'dist-pkg/**', 'coverage/**', 'test-results/**', 'playwright-report/**', 'pkg/*/.shell/**', 'docs/**', '.hosts/**', 'dist-catalog/**'
    ]
  },
];
