import { SetMetadata } from '@nestjs/common';

/**
 * Which tokens a route takes (read by ChannelAuthGuard):
 *   'channel'  (the default) channel tokens only: writes of events and orders
 *   'read'     channel and operator tokens: reads, DLQ inspection and replay
 *   'operator' operator tokens only: the operator endpoints (pools, ops)
 */
export type Access = 'channel' | 'read' | 'operator';
export const ACCESS_KEY = 'stockflow:access';

export const AllowAccess = (access: Access) => SetMetadata(ACCESS_KEY, access);
