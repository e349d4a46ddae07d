import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { AuthenticatedRequest, Caller } from './channel-auth.guard';

/** The channel the caller's token belongs to (set by ChannelAuthGuard); undefined for an operator on a read route. */
export const CurrentChannel = createParamDecorator(
  (_: unknown, context: ExecutionContext) =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().channel!,
);

/** The caller as ChannelAuthGuard identified it. */
export const CurrentCaller = createParamDecorator(
  (_: unknown, context: ExecutionContext): Caller =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().caller!,
);
