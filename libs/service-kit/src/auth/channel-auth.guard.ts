import { CanActivate, ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';

export const CHANNEL_TOKENS = Symbol('CHANNEL_TOKENS');

export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  channel?: string;
}

/**
 * Every /v1 route needs `Authorization: Bearer <token>`; the token names the
 * caller's channel, which handlers then compare with what the body claims (403).
 */
@Injectable()
export class ChannelAuthGuard implements CanActivate {
  constructor(@Inject(CHANNEL_TOKENS) private readonly tokens: Map<string, string>) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers['authorization'];
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw new UnauthorizedException('missing bearer token');
    const channel = this.tokens.get(match[1]);
    if (!channel) throw new UnauthorizedException('unknown token');
    request.channel = channel;
    return true;
  }
}
