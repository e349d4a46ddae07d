import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS_KEY, Access } from './access.decorator';

export const CHANNEL_TOKENS = Symbol('CHANNEL_TOKENS');
export const OPERATOR_TOKENS = Symbol('OPERATOR_TOKENS');

/** Who a bearer token belongs to: one channel, or an operator (no channel). */
export type Caller = { kind: 'channel'; channel: string } | { kind: 'operator' };

export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  caller?: Caller;
  /** The caller's channel; undefined for an operator. */
  channel?: string;
}

/**
 * Every /v1 route needs `Authorization: Bearer <token>` (401 otherwise). A
 * channel token names the caller's channel, which handlers compare with what the
 * body claims (403). An operator token may only call routes marked with
 * `@Access('read')` or `@Access('operator')`: operators read everything and run
 * the operator endpoints, but never write events or place orders (403), so a
 * leaked operator token cannot move stock.
 */
@Injectable()
export class ChannelAuthGuard implements CanActivate {
  constructor(
    @Inject(CHANNEL_TOKENS) private readonly channelTokens: Map<string, string>,
    @Inject(OPERATOR_TOKENS) private readonly operatorTokens: Set<string>,
    private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const caller = this.identify(request.headers['authorization']);
    const access =
      this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [
        context.getHandler(),
        context.getClass(),
      ]) ?? 'channel';
    if (caller.kind === 'operator' && access === 'channel') {
      throw new ForbiddenException(
        'operator tokens may read and operate, but not write events or place orders',
      );
    }
    if (caller.kind === 'channel' && access === 'operator') {
      throw new ForbiddenException(
        `this endpoint needs an operator token; the token of channel '${caller.channel}' may not call it`,
      );
    }
    request.caller = caller;
    request.channel = caller.kind === 'channel' ? caller.channel : undefined;
    return true;
  }

  private identify(header: string | string[] | undefined): Caller {
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw new UnauthorizedException('missing bearer token');
    const channel = this.channelTokens.get(match[1]);
    if (channel !== undefined) return { kind: 'channel', channel };
    if (this.operatorTokens.has(match[1])) return { kind: 'operator' };
    throw new UnauthorizedException('unknown token');
  }
}
