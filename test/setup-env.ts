// Test-only kafkajs producers use the default partitioner on purpose; the warning is noise.
process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

// E2E tests start real processes and wait on real brokers; `testTimeout` in a
// jest project entry is not honoured, so set it here.
jest.setTimeout(180_000);
