import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { AuthenticatedRequest } from './channel-auth.guard';

/** The channel the caller's token belongs to (set by ChannelAuthGuard). */
export const CurrentChannel = createParamDecorator(
  (_: unknown, context: ExecutionContext) => context.switchToHttp().getRequest<AuthenticatedRequest>().channel!,
);
