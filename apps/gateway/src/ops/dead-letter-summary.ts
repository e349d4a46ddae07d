import { BadGatewayException, HttpException, Injectable } from '@nestjs/common';
import { GatewayConfig } from '../gateway.config';

/**
 * Every channel's dead-letter depth and newest entries, from channel-sync (which
 * owns the DLQ index). The caller's own operator token goes along, so
 * channel-sync decides access exactly as it does for its own routes.
 */
@Injectable()
export class DeadLetterSummary {
  constructor(private readonly config: GatewayConfig) {}

  async read(authorization: string): Promise<unknown> {
    let res: Response;
    try {
      res = await fetch(`${this.config.CHANNEL_SYNC_URL}/v1/channels/dead-letters`, {
        headers: { authorization },
        signal: AbortSignal.timeout(5000),
      });
    } catch (error) {
      throw new BadGatewayException(`channel-sync is unavailable: ${(error as Error).message}`);
    }
    const body = await res.json().catch(() => undefined);
    if (!res.ok) throw new HttpException(body ?? `channel-sync answered ${res.status}`, res.status);
    return body;
  }
}
