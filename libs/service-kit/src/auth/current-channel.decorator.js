"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CurrentCaller = exports.CurrentChannel = void 0;
var common_1 = require("@nestjs/common");
/** The channel the caller's token belongs to (set by ChannelAuthGuard); undefined for an operator on a read route. */
exports.CurrentChannel = (0, common_1.createParamDecorator)(function (_, context) { return context.switchToHttp().getRequest().channel; });
/** The caller as ChannelAuthGuard identified it. */
exports.CurrentCaller = (0, common_1.createParamDecorator)(function (_, context) { return context.switchToHttp().getRequest().caller; });
