"use strict";
var __esDecorate = (this && this.__esDecorate) || function (ctor, descriptorIn, decorators, contextIn, initializers, extraInitializers) {
    function accept(f) { if (f !== void 0 && typeof f !== "function") throw new TypeError("Function expected"); return f; }
    var kind = contextIn.kind, key = kind === "getter" ? "get" : kind === "setter" ? "set" : "value";
    var target = !descriptorIn && ctor ? contextIn["static"] ? ctor : ctor.prototype : null;
    var descriptor = descriptorIn || (target ? Object.getOwnPropertyDescriptor(target, contextIn.name) : {});
    var _, done = false;
    for (var i = decorators.length - 1; i >= 0; i--) {
        var context = {};
        for (var p in contextIn) context[p] = p === "access" ? {} : contextIn[p];
        for (var p in contextIn.access) context.access[p] = contextIn.access[p];
        context.addInitializer = function (f) { if (done) throw new TypeError("Cannot add initializers after decoration has completed"); extraInitializers.push(accept(f || null)); };
        var result = (0, decorators[i])(kind === "accessor" ? { get: descriptor.get, set: descriptor.set } : descriptor[key], context);
        if (kind === "accessor") {
            if (result === void 0) continue;
            if (result === null || typeof result !== "object") throw new TypeError("Object expected");
            if (_ = accept(result.get)) descriptor.get = _;
            if (_ = accept(result.set)) descriptor.set = _;
            if (_ = accept(result.init)) initializers.unshift(_);
        }
        else if (_ = accept(result)) {
            if (kind === "field") initializers.unshift(_);
            else descriptor[key] = _;
        }
    }
    if (target) Object.defineProperty(target, contextIn.name, descriptor);
    done = true;
};
var __runInitializers = (this && this.__runInitializers) || function (thisArg, initializers, value) {
    var useValue = arguments.length > 2;
    for (var i = 0; i < initializers.length; i++) {
        value = useValue ? initializers[i].call(thisArg, value) : initializers[i].call(thisArg);
    }
    return useValue ? value : void 0;
};
var __setFunctionName = (this && this.__setFunctionName) || function (f, name, prefix) {
    if (typeof name === "symbol") name = name.description ? "[".concat(name.description, "]") : "";
    return Object.defineProperty(f, "name", { configurable: true, value: prefix ? "".concat(prefix, " ", name) : name });
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ChannelAuthGuard = exports.OPERATOR_TOKENS = exports.CHANNEL_TOKENS = void 0;
var common_1 = require("@nestjs/common");
var access_decorator_1 = require("./access.decorator");
exports.CHANNEL_TOKENS = Symbol('CHANNEL_TOKENS');
exports.OPERATOR_TOKENS = Symbol('OPERATOR_TOKENS');
/**
 * Every /v1 route needs `Authorization: Bearer <token>` (401 otherwise). A
 * channel token names the caller's channel, which handlers compare with what the
 * body claims (403). An operator token may only call routes marked with
 * `@Access('read')` or `@Access('operator')`: operators read everything and run
 * the operator endpoints, but never write events or place orders (403), so a
 * leaked operator token cannot move stock.
 */
var ChannelAuthGuard = function () {
    var _classDecorators = [(0, common_1.Injectable)()];
    var _classDescriptor;
    var _classExtraInitializers = [];
    var _classThis;
    var ChannelAuthGuard = _classThis = /** @class */ (function () {
        function ChannelAuthGuard_1(channelTokens, operatorTokens, reflector) {
            this.channelTokens = channelTokens;
            this.operatorTokens = operatorTokens;
            this.reflector = reflector;
        }
        ChannelAuthGuard_1.prototype.canActivate = function (context) {
            var _a;
            var request = context.switchToHttp().getRequest();
            var caller = this.identify(request.headers['authorization']);
            var access = (_a = this.reflector.getAllAndOverride(access_decorator_1.ACCESS_KEY, [context.getHandler(), context.getClass()])) !== null && _a !== void 0 ? _a : 'channel';
            if (caller.kind === 'operator' && access === 'channel') {
                throw new common_1.ForbiddenException('operator tokens may read and operate, but not write events or place orders');
            }
            if (caller.kind === 'channel' && access === 'operator') {
                throw new common_1.ForbiddenException("this endpoint needs an operator token; the token of channel '".concat(caller.channel, "' may not call it"));
            }
            request.caller = caller;
            request.channel = caller.kind === 'channel' ? caller.channel : undefined;
            return true;
        };
        ChannelAuthGuard_1.prototype.identify = function (header) {
            var match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
            if (!match)
                throw new common_1.UnauthorizedException('missing bearer token');
            var channel = this.channelTokens.get(match[1]);
            if (channel !== undefined)
                return { kind: 'channel', channel: channel };
            if (this.operatorTokens.has(match[1]))
                return { kind: 'operator' };
            throw new common_1.UnauthorizedException('unknown token');
        };
        return ChannelAuthGuard_1;
    }());
    __setFunctionName(_classThis, "ChannelAuthGuard");
    (function () {
        var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
        __esDecorate(null, _classDescriptor = { value: _classThis }, _classDecorators, { kind: "class", name: _classThis.name, metadata: _metadata }, null, _classExtraInitializers);
        ChannelAuthGuard = _classThis = _classDescriptor.value;
        if (_metadata) Object.defineProperty(_classThis, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        __runInitializers(_classThis, _classExtraInitializers);
    })();
    return ChannelAuthGuard = _classThis;
}();
exports.ChannelAuthGuard = ChannelAuthGuard;
