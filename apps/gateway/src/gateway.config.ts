import { IsInt, IsString, IsUrl, Matches, Max, Min, MinLength } from 'class-validator';
import { HttpEnv, WithChannelTokens, WithDatabase, WithKafka } from '@stockflow/config';

const URL_OPTIONS = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

export class GatewayConfig extends WithChannelTokens(WithDatabase(WithKafka(HttpEnv))) {
  override PORT = 3000;

  /**
   * 0: listen on PORT. Otherwise the number of an inherited, bound socket to
   * listen on instead: the supervisor (npm start) gives one socket on the public
   * port to two gateway processes, so killing either leaves the port served
   * (docs/faults.md). PORT then names nothing this process opens.
   */
  @IsInt()
  @Min(0)
  @Max(65535)
  LISTEN_FD = 0;

  /** Body limit of POST /v1/events (413 above it). 1,000 events of ~400 bytes fit with room to spare. */
  @IsInt()
  @Min(1024)
  @Max(16 * 1024 * 1024)
  EVENTS_BODY_LIMIT_BYTES = 1024 * 1024;

  /**
   * POST /v1/events waits this long for the broker's acknowledgement; past it the
   * events are answered 202 `buffered` from the stall buffer (docs/faults.md).
   */
  @IsInt()
  @Min(10)
  @Max(60_000)
  EVENTS_ACK_WAIT_MS = 500;

  /** Most bytes of answered-but-unacknowledged events held in memory; over it requests wait for the broker. */
  @IsInt()
  @Min(0)
  @Max(1024 * 1024 * 1024)
  EVENTS_STALL_BUFFER_BYTES = 64 * 1024 * 1024;

  /** Body limit of POST /v1/events/bulk: 100,000 events. */
  @IsInt()
  @Min(1024)
  @Max(512 * 1024 * 1024)
  BULK_BODY_LIMIT_BYTES = 64 * 1024 * 1024;

  /** One URL per orders instance, comma-separated: a request one instance cannot take goes to the next (docs/faults.md). */
  @Matches(/^https?:\/\/[^\s,]+(,https?:\/\/[^\s,]+)*$/, {
    message:
      'ORDERS_URL must be http(s)://host:port[,http(s)://host:port...] (one per orders instance)',
  })
  ORDERS_URL = 'http://127.0.0.1:3002';

  @IsUrl(URL_OPTIONS, { message: 'CHANNEL_SYNC_URL must be an http(s) URL' })
  CHANNEL_SYNC_URL = 'http://127.0.0.1:3003';

  /** Probed (GET /health/ready) for the operator console's Services section; nothing is proxied to them. */
  @IsUrl(URL_OPTIONS, { message: 'LEDGER_URL must be an http(s) URL' })
  LEDGER_URL = 'http://127.0.0.1:3001';

  @IsUrl(URL_OPTIONS, { message: 'COMPACTION_URL must be an http(s) URL' })
  COMPACTION_URL = 'http://127.0.0.1:3004';

  /** A proxied request whose upstream has not answered within this gets a 504 (checkout in sync mode waits on Redis only). */
  @IsInt()
  @Min(100)
  @Max(300_000)
  UPSTREAM_TIMEOUT_MS = 30_000;

  /**
   * With several instances of an upstream (ORDERS_URL), a repeatable request (reads,
   * POST /v1/orders with its edge orderId) not answered within this goes to the next one.
   */
  @IsInt()
  @Min(50)
  @Max(300_000)
  UPSTREAM_ATTEMPT_TIMEOUT_MS = 1000;

  /** The channels file channel-sync uses (docs/channel-sync.md): safety stock of GET /v1/channels/:channel/stock/:sku. */
  @IsString()
  @MinLength(1)
  CHANNELS_FILE = 'config/channels.dev.json';
}

export function ordersUrls(config: GatewayConfig): string[] {
  return config.ORDERS_URL.split(',');
}
