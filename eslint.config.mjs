import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';

/**
 * The layering of libs/, lowest first: a library may import only libraries of a
 * LOWER layer (never one of its own layer, never a higher one). This table is the
 * one source of truth; docs/architecture.md draws it. Adding a library means
 * adding it here (and to tsconfig.json paths and nest-cli.json).
 */
export const LAYERS = [
  // 0: no @stockflow imports at all
  ['contracts', 'config', 'tracing', 'runtime'],
  // 1: the pure ledger fold
  ['ledger-core'],
  // 2: one infrastructure each (Kafka, Postgres) and channel definitions
  ['kafka', 'persistence', 'channels'],
  // 3: what combines infrastructures, and the Nest/Fastify service glue
  ['reservations', 'replay', 'service-kit'],
  // 4: helpers for tests, benches and scripts only (apps never import it)
  ['testing'],
];

const APPS = ['gateway', 'ledger', 'orders', 'channel-sync', 'compaction'];

const layerOf = (lib) => LAYERS.findIndex((layer) => layer.includes(lib));
const LIBS = LAYERS.flat();

const libZones = LIBS.flatMap((lib) => {
  const allowed = LAYERS.slice(0, layerOf(lib)).flat();
  const forbidden = LIBS.filter((other) => other !== lib && !allowed.includes(other));
  return forbidden.map((other) => ({
    target: `./libs/${lib}`,
    from: `./libs/${other}`,
    message: `libs/${lib} (layer ${layerOf(lib)}) may import only lower layers (${allowed.join(', ') || 'none'}); libs/${other} is layer ${layerOf(other)}. See LAYERS in eslint.config.mjs.`,
  }));
});

const appZones = APPS.flatMap((app) =>
  APPS.filter((other) => other !== app).map((other) => ({
    target: `./apps/${app}`,
    from: `./apps/${other}`,
    message: 'apps never import other apps: move what both need into a library.',
  })),
);

const boundaryZones = [
  ...libZones,
  ...appZones,
  {
    target: './libs',
    from: './apps',
    message: 'libraries never import apps.',
  },
  {
    target: './apps',
    from: './libs/testing',
    message: 'libs/testing is for tests, benches and scripts only.',
  },
  ...['./test', './bench', './scripts'].map((from) => ({
    target: ['./apps', './libs'],
    from,
    message: 'production code never imports tests, benches or scripts.',
  })),
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.cache/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Rows, messages and replies get a type; the few justified exceptions carry an
      // eslint-disable comment saying why (libs/testing's Json, the config mixins).
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.js', '.json', '.node'],
          tsconfig: { configFile: './tsconfig.json' },
        }),
      ],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-self-import': 'error',
    },
  },
  {
    // Tests (specs beside the code, test/), benches and scripts may import anything.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: boundaryZones }],
    },
  },
  {
    // kafkajs is libs/kafka's client: apps consume through KafkaTransport and import its
    // types from '@stockflow/kafka' (libs/testing, for tests only, keeps plain readers).
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['libs/kafka/**', 'libs/testing/**', '**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'kafkajs', message: "import it from '@stockflow/kafka'" }] },
      ],
    },
  },
);
