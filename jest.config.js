// Two projects: `unit` (pure logic beside the code, runs in parallel; also
// test/k8s, which renders the Kubernetes overlays and needs no services) and
// `e2e` (test/, real Kafka, Postgres and Redis, run in band by scripts/test.sh).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
  },
];
const moduleNameMapper = {
  '^@stockflow/([a-z-]+)$': '<rootDir>/libs/$1/src',
};
module.exports = {
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      testMatch: [
        '<rootDir>/{apps,libs,bench,scripts}/**/*.spec.ts',
        '<rootDir>/test/k8s/**/*.spec.ts',
      ],
      transform: { '^.+\\.ts$': swc },
      moduleNameMapper,
      testEnvironment: 'node',
    },
    {
      displayName: 'e2e',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      transform: { '^.+\\.ts$': swc },
      moduleNameMapper,
      testEnvironment: 'node',
      setupFiles: ['<rootDir>/test/setup-env.ts'],
    },
  ],
};
