import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      'public/**',
      'bench/**',
      'test-results/**',
      'playwright-report/**',
      // Hand-made hostile and harmless test pages: plain scripts that imitate real sites.
      'tests/fixtures/pages/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='eval']", message: 'No eval: the extension runs no dynamic code.' },
        {
          selector: "NewExpression[callee.name='Function']",
          message: 'No new Function: the extension runs no dynamic code.',
        },
      ],
    },
  },
);
