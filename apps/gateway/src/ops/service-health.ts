import { Injectable } from '@nestjs/common';
import { Readiness } from '@stockflow/runtime';
import { GatewayConfig, ordersUrls } from '../gateway.config';

export interface ServiceHealthRow {
  name: string;
  url: string;
  status: 'ok' | 'unavailable' | 'unreachable';
  checks: Record<string, string>;
  latencyMs: number;
}

/** A probe that hangs must not hold the console's refresh: past this it counts as unreachable. */
const PROBE_TIMEOUT_MS = 2000;

/** Readiness of every Stockflow service, as each one's GET /health/ready answers it. */
@Injectable()
export class ServiceHealth {
  constructor(
    private readonly config: GatewayConfig,
    private readonly readiness: Readiness,
  ) {}

  async all(): Promise<ServiceHealthRow[]> {
    const upstreams = {
      ledger: this.config.LEDGER_URL,
      ...Object.fromEntries(
        ordersUrls(this.config).map((url, i) => [i === 0 ? 'orders' : `orders-${i + 1}`, url]),
      ),
      'channel-sync': this.config.CHANNEL_SYNC_URL,
      compaction: this.config.COMPACTION_URL,
    };
    return Promise.all([
      this.self(),
      ...Object.entries(upstreams).map(([name, url]) => probe(name, url)),
    ]);
  }

  /** The gateway answers for itself without a loopback HTTP call. */
  private async self(): Promise<ServiceHealthRow> {
    const started = Date.now();
    const { ready, checks } = await this.readiness.evaluate();
    const url = `http://127.0.0.1:${this.config.PORT}`;
    return {
      name: 'gateway',
      url,
      status: ready ? 'ok' : 'unavailable',
      checks,
      latencyMs: Date.now() - started,
    };
  }
}

async function probe(name: string, url: string): Promise<ServiceHealthRow> {
  const started = Date.now();
  try {
    const res = await fetch(`${url}/health/ready`, {
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    const body = (await res.json().catch(() => ({}))) as {
      checks?: Record<string, string>;
      message?: { checks?: Record<string, string> };
    };
    // A 503 from Nest wraps the body: {statusCode, message: {status, checks}} or {status, checks}.
    const checks = body.checks ?? body.message?.checks ?? {};
    return {
      name,
      url,
      status: res.status === 200 ? 'ok' : 'unavailable',
      checks,
      latencyMs: Date.now() - started,
    };
  } catch (error) {
    return {
      name,
      url,
      status: 'unreachable',
      checks: { http: (error as Error).message },
      latencyMs: Date.now() - started,
    };
  }
}
