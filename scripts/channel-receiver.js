"use strict";
var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
var __generator = (this && this.__generator) || function (thisArg, body) {
    var _ = { label: 0, sent: function() { if (t[0] & 1) throw t[1]; return t[1]; }, trys: [], ops: [] }, f, y, t, g = Object.create((typeof Iterator === "function" ? Iterator : Object).prototype);
    return g.next = verb(0), g["throw"] = verb(1), g["return"] = verb(2), typeof Symbol === "function" && (g[Symbol.iterator] = function() { return this; }), g;
    function verb(n) { return function (v) { return step([n, v]); }; }
    function step(op) {
        if (f) throw new TypeError("Generator is already executing.");
        while (g && (g = 0, op[0] && (_ = 0)), _) try {
            if (f = 1, y && (t = op[0] & 2 ? y["return"] : op[0] ? y["throw"] || ((t = y["return"]) && t.call(y), 0) : y.next) && !(t = t.call(y, op[1])).done) return t;
            if (y = 0, t) op = [op[0] & 2, t.value];
            switch (op[0]) {
                case 0: case 1: t = op; break;
                case 4: _.label++; return { value: op[1], done: false };
                case 5: _.label++; y = op[1]; op = [0]; continue;
                case 7: op = _.ops.pop(); _.trys.pop(); continue;
                default:
                    if (!(t = _.trys, t = t.length > 0 && t[t.length - 1]) && (op[0] === 6 || op[0] === 2)) { _ = 0; continue; }
                    if (op[0] === 3 && (!t || (op[1] > t[0] && op[1] < t[3]))) { _.label = op[1]; break; }
                    if (op[0] === 6 && _.label < t[1]) { _.label = t[1]; t = op; break; }
                    if (t && _.label < t[2]) { _.label = t[2]; _.ops.push(op); break; }
                    if (t[2]) _.ops.pop();
                    _.trys.pop(); continue;
            }
            op = body.call(thisArg, _);
        } catch (e) { op = [6, e]; y = 0; } finally { f = t = 0; }
        if (op[0] & 5) throw op[1]; return { value: op[0] ? op[1] : void 0, done: true };
    }
};
var __spreadArray = (this && this.__spreadArray) || function (to, from, pack) {
    if (pack || arguments.length === 2) for (var i = 0, l = from.length, ar; i < l; i++) {
        if (ar || !(i in from)) {
            if (!ar) ar = Array.prototype.slice.call(from, 0, i);
            ar[i] = from[i];
        }
    }
    return to.concat(ar || Array.prototype.slice.call(from));
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * A local stand-in for the sales channels of CHANNELS_FILE (default
 * config/channels.dev.json): listens on every loopback port the channels
 * point at, answers 200 and logs each call (with the webhook signature check),
 * so `npm start` shows what channel-sync sends. `npm run channels:demo`.
 */
var node_fs_1 = require("node:fs");
var contracts_1 = require("@stockflow/contracts");
var testing_1 = require("@stockflow/testing");
function main() {
    return __awaiter(this, void 0, void 0, function () {
        var file, channels, ports, _i, channels_1, channel, url, port, _loop_1, _a, ports_1, _b, port, served;
        var _c;
        return __generator(this, function (_d) {
            switch (_d.label) {
                case 0:
                    file = process.env.CHANNELS_FILE || 'config/channels.dev.json';
                    channels = JSON.parse((0, node_fs_1.readFileSync)(file, 'utf8'));
                    ports = new Map();
                    for (_i = 0, channels_1 = channels; _i < channels_1.length; _i++) {
                        channel = channels_1[_i];
                        url = new URL(channel.endpoint);
                        if (!['127.0.0.1', 'localhost'].includes(url.hostname))
                            continue;
                        port = Number(url.port || 80);
                        ports.set(port, __spreadArray(__spreadArray([], ((_c = ports.get(port)) !== null && _c !== void 0 ? _c : []), true), [channel], false));
                    }
                    _loop_1 = function (port, served) {
                        return __generator(this, function (_e) {
                            switch (_e.label) {
                                case 0: return [4 /*yield*/, testing_1.ChannelReceiver.start({
                                        port: port,
                                        record: false,
                                        onCall: function (call) {
                                            var _a;
                                            var channel = (_a = served.find(function (c) { return call.path.startsWith(new URL(c.endpoint).pathname.replace(/\/$/, '')); })) !== null && _a !== void 0 ? _a : served[0];
                                            var signed = channel.adapter === 'webhook' ? " signature=".concat(verified(call.rawBody, channel.secret, call.headers)) : '';
                                            console.log("".concat(new Date(call.at).toISOString(), " ").concat(channel.name, " POST ").concat(call.path, " ").concat(call.rawBody).concat(signed));
                                        },
                                    })];
                                case 1:
                                    _e.sent();
                                    console.log("demo receiver for ".concat(served.map(function (c) { return c.name; }).join(', '), " on http://127.0.0.1:").concat(port));
                                    return [2 /*return*/];
                            }
                        });
                    };
                    _a = 0, ports_1 = ports;
                    _d.label = 1;
                case 1:
                    if (!(_a < ports_1.length)) return [3 /*break*/, 4];
                    _b = ports_1[_a], port = _b[0], served = _b[1];
                    return [5 /*yield**/, _loop_1(port, served)];
                case 2:
                    _d.sent();
                    _d.label = 3;
                case 3:
                    _a++;
                    return [3 /*break*/, 1];
                case 4: return [2 /*return*/];
            }
        });
    });
}
function verified(raw, secret, headers) {
    return (0, contracts_1.verifyWebhookSignature)(raw, secret, headers[contracts_1.WEBHOOK_SIGNATURE_HEADER]) ? 'ok' : 'BAD';
}
main().catch(function (error) {
    console.error(error);
    process.exit(1);
});
