"use strict";
var __extends = (this && this.__extends) || (function () {
    var extendStatics = function (d, b) {
        extendStatics = Object.setPrototypeOf ||
            ({ __proto__: [] } instanceof Array && function (d, b) { d.__proto__ = b; }) ||
            function (d, b) { for (var p in b) if (Object.prototype.hasOwnProperty.call(b, p)) d[p] = b[p]; };
        return extendStatics(d, b);
    };
    return function (d, b) {
        if (typeof b !== "function" && b !== null)
            throw new TypeError("Class extends value " + String(b) + " is not a constructor or null");
        extendStatics(d, b);
        function __() { this.constructor = d; }
        d.prototype = b === null ? Object.create(b) : (__.prototype = b.prototype, new __());
    };
})();
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
Object.defineProperty(exports, "__esModule", { value: true });
exports.DLQ_USAGE = void 0;
exports.dlqCommand = dlqCommand;
var class_validator_1 = require("class-validator");
var config_1 = require("@stockflow/config");
var cli_args_1 = require("./cli-args");
var gateway_client_1 = require("./gateway-client");
var table_1 = require("./table");
exports.DLQ_USAGE = "ops dlq list <channel|_input> [--status dead|replaying|replayed|replay_failed|all] [--limit N] [--json]\nops dlq replay <channel> [--sku SKU]...\n  Channel-sync dead letters, through the public API (GET/POST /v1/channels/:channel/dlq).\n  STOCKFLOW_URL (default http://127.0.0.1:3000); STOCKFLOW_TOKEN, else the CHANNEL_TOKENS\n  token of the channel named like <channel>, else the first one.";
var DlqConfig = function () {
    var _a;
    var _classSuper = (0, config_1.WithChannelTokens)(config_1.BaseEnv);
    var _STOCKFLOW_URL_decorators;
    var _STOCKFLOW_URL_initializers = [];
    var _STOCKFLOW_URL_extraInitializers = [];
    var _STOCKFLOW_TOKEN_decorators;
    var _STOCKFLOW_TOKEN_initializers = [];
    var _STOCKFLOW_TOKEN_extraInitializers = [];
    return _a = /** @class */ (function (_super) {
            __extends(DlqConfig, _super);
            function DlqConfig() {
                var _this = _super !== null && _super.apply(this, arguments) || this;
                _this.STOCKFLOW_URL = __runInitializers(_this, _STOCKFLOW_URL_initializers, 'http://127.0.0.1:3000');
                _this.STOCKFLOW_TOKEN = (__runInitializers(_this, _STOCKFLOW_URL_extraInitializers), __runInitializers(_this, _STOCKFLOW_TOKEN_initializers, ''));
                __runInitializers(_this, _STOCKFLOW_TOKEN_extraInitializers);
                return _this;
            }
            return DlqConfig;
        }(_classSuper)),
        (function () {
            var _b;
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create((_b = _classSuper[Symbol.metadata]) !== null && _b !== void 0 ? _b : null) : void 0;
            _STOCKFLOW_URL_decorators = [(0, class_validator_1.IsUrl)({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'STOCKFLOW_URL must be an http(s) URL' })];
            _STOCKFLOW_TOKEN_decorators = [(0, class_validator_1.IsString)()];
            __esDecorate(null, null, _STOCKFLOW_URL_decorators, { kind: "field", name: "STOCKFLOW_URL", static: false, private: false, access: { has: function (obj) { return "STOCKFLOW_URL" in obj; }, get: function (obj) { return obj.STOCKFLOW_URL; }, set: function (obj, value) { obj.STOCKFLOW_URL = value; } }, metadata: _metadata }, _STOCKFLOW_URL_initializers, _STOCKFLOW_URL_extraInitializers);
            __esDecorate(null, null, _STOCKFLOW_TOKEN_decorators, { kind: "field", name: "STOCKFLOW_TOKEN", static: false, private: false, access: { has: function (obj) { return "STOCKFLOW_TOKEN" in obj; }, get: function (obj) { return obj.STOCKFLOW_TOKEN; }, set: function (obj, value) { obj.STOCKFLOW_TOKEN = value; } }, metadata: _metadata }, _STOCKFLOW_TOKEN_initializers, _STOCKFLOW_TOKEN_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
function tokenFor(config, channel) {
    var _a;
    if (config.STOCKFLOW_TOKEN)
        return config.STOCKFLOW_TOKEN;
    var pairs = config.CHANNEL_TOKENS.split(',').map(function (pair) { return pair.split(':'); });
    return ((_a = pairs.find(function (_a) {
        var name = _a[0];
        return name === channel;
    })) !== null && _a !== void 0 ? _a : pairs[0])[1];
}
function dlqCommand(argv) {
    return __awaiter(this, void 0, void 0, function () {
        var args, _a, action, channel, extra, config, token, base, query, _i, _b, name_1, value, page, skus, started;
        return __generator(this, function (_c) {
            switch (_c.label) {
                case 0:
                    args = (0, cli_args_1.parseArgs)(argv, { values: ['status', 'limit', 'sku'], booleans: ['json'] });
                    _a = args.positional, action = _a[0], channel = _a[1], extra = _a[2];
                    if (action !== 'list' && action !== 'replay')
                        throw new cli_args_1.UsageError("dlq needs list or replay, got ".concat(action !== null && action !== void 0 ? action : 'nothing'));
                    if (!channel)
                        throw new cli_args_1.UsageError("dlq ".concat(action, " needs a channel"));
                    if (extra)
                        throw new cli_args_1.UsageError("unexpected argument ".concat(extra));
                    config = (0, config_1.loadConfig)(DlqConfig);
                    token = tokenFor(config, channel);
                    base = "/v1/channels/".concat(encodeURIComponent(channel), "/dlq");
                    if (!(action === 'list')) return [3 /*break*/, 2];
                    query = new URLSearchParams();
                    for (_i = 0, _b = ['status', 'limit']; _i < _b.length; _i++) {
                        name_1 = _b[_i];
                        value = (0, cli_args_1.one)(args, name_1);
                        if (value)
                            query.set(name_1, value);
                    }
                    return [4 /*yield*/, (0, gateway_client_1.callApi)(config.STOCKFLOW_URL, token, 'GET', "".concat(base).concat(query.size > 0 ? "?".concat(query) : ''))];
                case 1:
                    page = _c.sent();
                    if (args.options.has('json'))
                        console.log(JSON.stringify(page, null, 2));
                    else if (page.deadLetters.length === 0)
                        console.log('no dead letters');
                    else
                        (0, table_1.printTable)(['id', 'failedAt', 'sku', 'version', 'code', 'attempts', 'status', 'reason'], page.deadLetters.map(function (r) {
                            var _a, _b, _c;
                            return [
                                String(r.id),
                                r.failedAt,
                                (_a = r.sku) !== null && _a !== void 0 ? _a : '-',
                                String((_c = (_b = r.update) === null || _b === void 0 ? void 0 : _b.version) !== null && _c !== void 0 ? _c : '-'),
                                r.code,
                                String(r.attempts),
                                r.status,
                                r.reason,
                            ];
                        }));
                    return [2 /*return*/, 0];
                case 2:
                    skus = args.options.get('sku');
                    return [4 /*yield*/, (0, gateway_client_1.callApi)(config.STOCKFLOW_URL, token, 'POST', "".concat(base, "/replay"), skus ? { skus: skus } : {})];
                case 3:
                    started = _c.sent();
                    console.log("replaying ".concat(started.deadLetters, " dead letter(s) of ").concat(started.channel, ": ").concat(started.skus, " SKU(s), each with its newest state"));
                    return [2 /*return*/, 0];
            }
        });
    });
}
