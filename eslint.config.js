// `npm run lint`: tsc type-checks the whole tree first; eslint then looks for likely mistakes.
const tseslint = require('typescript-eslint');

module.exports = tseslint.config(
  { ignores: ['dist/**', 'dist-wps/**', 'node_modules/**', 'coverage/**', 'wps/**/*.js', 'assets/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'warn',
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // src/core must stay pure: no host globals, no Node built-ins.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['fs', 'path', 'node:*', 'os', 'child_process', '@microsoft/office-js', 'react', 'react-dom'] }],
      'no-restricted-globals': ['error', 'Office', 'Excel', 'window', 'document', 'wps'],
    },
  },
);
