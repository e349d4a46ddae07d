import { ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AllowAccess } from './access.decorator';
import { AuthenticatedRequest, ChannelAuthGuard } from './channel-auth.guard';
import { parseChannelTokens, parseOperatorTokens } from './channel-tokens';

const guard = new ChannelAuthGuard(
  parseChannelTokens('pos:pos-tok,web:web-tok'),
  parseOperatorTokens('op-tok'),
  new Reflector(),
);

class Routes {
  write() {}
  @AllowAccess('read') read() {}
  @AllowAccess('operator') operate() {}
}

function call(route: keyof Routes, token?: string): AuthenticatedRequest {
  const request: AuthenticatedRequest = {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  };
  const context = {
    switchToHttp: () => ({ getRequest: () => request }),
    getHandler: () => Routes.prototype[route],
    getClass: () => Routes,
  };
  guard.canActivate(context as never);
  return request;
}

describe('ChannelAuthGuard', () => {
  it.each<keyof Routes>(['write', 'read', 'operate'])(
    'refuses %s without a token or with an unknown one (401)',
    (route) => {
      expect(() => call(route)).toThrow(UnauthorizedException);
      expect(() => call(route, 'nope')).toThrow(UnauthorizedException);
    },
  );

  it('lets a channel token write and read as its channel', () => {
    expect(call('write', 'pos-tok')).toMatchObject({
      channel: 'pos',
      caller: { kind: 'channel', channel: 'pos' },
    });
    expect(call('read', 'web-tok').channel).toBe('web');
  });

  it('refuses a channel token on operator routes (403)', () => {
    expect(() => call('operate', 'pos-tok')).toThrow(ForbiddenException);
  });

  it('lets an operator read and operate, with no channel', () => {
    expect(call('read', 'op-tok')).toMatchObject({
      channel: undefined,
      caller: { kind: 'operator' },
    });
    expect(call('operate', 'op-tok').caller).toEqual({ kind: 'operator' });
  });

  it('refuses an operator token on writes of events and orders (403)', () => {
    expect(() => call('write', 'op-tok')).toThrow(ForbiddenException);
  });
});
