import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

/** Values with Danish letters that are data, not sentences: what SharePoint stores, and the product's name. */
const STORED_VOCABULARY = [
  'Mødeassistent',
  'Åben',
  'Til drøftelse',
  // The committee lists' Kind choices and the series kind (src/adapters/sharepoint/listSchema.ts, rows.ts).
  'Fremmøde',
  'Protokoltilførsel',
  'Inhabilitetserklæring',
  'Offentliggørelse',
  'Underskrift',
  'Udvalgsmøde',
  'Rådmandsmøde',
  // The secretaries' permission level on the site (src/adapters/sharepoint/secretariats.ts).
  'Mødeleder',
];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'coverage', 'appPackage/build', '.data', '.cache'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.jest } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Hexagonal layering: the UI, the use cases and the ports never reach an adapter; a composition root
    // (src/entries) hands adapters in through the ports.
    files: ['src/ui/**/*.{ts,tsx}', 'src/app/**/*.ts', 'src/ports/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/adapters/**', '**/adapters'],
              message: 'Take adapters through a port from the composition root (src/entries).',
            },
          ],
        },
      ],
    },
  },
  {
    // Words the user reads live in src/ui/i18n, keyed by an error's code; use cases and adapters write short
    // English messages for developers. Danish letters here are only the stored vocabulary (SharePoint choice
    // values, the product's name), listed one by one.
    files: ['src/app/**/*.ts', 'src/adapters/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `Literal[value=/[æøåÆØÅ]/]:not([value=/^(${STORED_VOCABULARY.join('|')})$/])`,
          message:
            'User-facing words belong in src/ui/i18n: throw with a code (src/ports/errors.ts ErrorCode).',
        },
        {
          selector: 'TemplateElement[value.raw=/[æøåÆØÅ]/]',
          message:
            'User-facing words belong in src/ui/i18n: throw with a code (src/ports/errors.ts ErrorCode).',
        },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'react',
            'react-dom',
            '@fluentui/*',
            '@microsoft/*',
            '@azure/*',
            'dexie',
            'node:*',
            'fs',
            'http',
          ],
        },
      ],
      'no-restricted-globals': ['error', 'fetch', 'window', 'document', 'localStorage', 'indexedDB'],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node }, sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
