import { ConfigError, loadConfig } from '@stockflow/config';
import { LedgerConfig } from './ledger.config';

describe('LedgerConfig fetch settings', () => {
  it('waits for 16 KiB or 50 ms per fetch by default', () => {
    expect(loadConfig(LedgerConfig, {})).toMatchObject({
      LEDGER_FETCH_MIN_BYTES: 16_384,
      LEDGER_FETCH_MAX_WAIT_MS: 50,
    });
  });

  it('takes both from the environment', () => {
    expect(
      loadConfig(LedgerConfig, { LEDGER_FETCH_MIN_BYTES: '1', LEDGER_FETCH_MAX_WAIT_MS: '100' }),
    ).toMatchObject({ LEDGER_FETCH_MIN_BYTES: 1, LEDGER_FETCH_MAX_WAIT_MS: 100 });
  });

  it('names each out-of-range value', () => {
    let error: unknown;
    try {
      loadConfig(LedgerConfig, { LEDGER_FETCH_MIN_BYTES: '0', LEDGER_FETCH_MAX_WAIT_MS: '5000' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/^LEDGER_FETCH_MIN_BYTES="0": .*not be less than 1/m);
    expect(problems).toMatch(/^LEDGER_FETCH_MAX_WAIT_MS="5000": .*not be greater than 1000/m);
  });
});
