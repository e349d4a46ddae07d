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
exports.POOLS_USAGE = void 0;
exports.poolsCommand = poolsCommand;
var class_validator_1 = require("class-validator");
var config_1 = require("@stockflow/config");
var cli_args_1 = require("./cli-args");
var gateway_client_1 = require("./gateway-client");
var table_1 = require("./table");
exports.POOLS_USAGE = "ops pools list [--url URL] [--token TOKEN] [--json]\n  The pool definitions (GET /v1/pools on the gateway), with an operator token\n  (--token, else STOCKFLOW_TOKEN). --url defaults to STOCKFLOW_URL, else http://127.0.0.1:3000.";
var PoolsConfig = function () {
    var _a;
    var _classSuper = config_1.BaseEnv;
    var _STOCKFLOW_URL_decorators;
    var _STOCKFLOW_URL_initializers = [];
    var _STOCKFLOW_URL_extraInitializers = [];
    var _STOCKFLOW_TOKEN_decorators;
    var _STOCKFLOW_TOKEN_initializers = [];
    var _STOCKFLOW_TOKEN_extraInitializers = [];
    return _a = /** @class */ (function (_super) {
            __extends(PoolsConfig, _super);
            function PoolsConfig() {
                var _this = _super !== null && _super.apply(this, arguments) || this;
                _this.STOCKFLOW_URL = __runInitializers(_this, _STOCKFLOW_URL_initializers, 'http://127.0.0.1:3000');
                _this.STOCKFLOW_TOKEN = (__runInitializers(_this, _STOCKFLOW_URL_extraInitializers), __runInitializers(_this, _STOCKFLOW_TOKEN_initializers, ''));
                __runInitializers(_this, _STOCKFLOW_TOKEN_extraInitializers);
                return _this;
            }
            return PoolsConfig;
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
function poolsCommand(argv) {
    return __awaiter(this, void 0, void 0, function () {
        var args, _a, action, extra, config, url, token, body, error_1, pools;
        var _b, _c, _d;
        return __generator(this, function (_e) {
            switch (_e.label) {
                case 0:
                    args = (0, cli_args_1.parseArgs)(argv, { values: ['url', 'token'], booleans: ['json'] });
                    _a = args.positional, action = _a[0], extra = _a[1];
                    if (action !== 'list')
                        throw new cli_args_1.UsageError("pools needs list, got ".concat(action !== null && action !== void 0 ? action : 'nothing'));
                    if (extra)
                        throw new cli_args_1.UsageError("unexpected argument ".concat(extra));
                    config = (0, config_1.loadConfig)(PoolsConfig);
                    url = (_b = (0, cli_args_1.one)(args, 'url')) !== null && _b !== void 0 ? _b : config.STOCKFLOW_URL;
                    if (!/^https?:\/\/\S+$/.test(url))
                        throw new cli_args_1.UsageError('--url must be an http(s) URL');
                    token = (_c = (0, cli_args_1.one)(args, 'token')) !== null && _c !== void 0 ? _c : config.STOCKFLOW_TOKEN;
                    if (!token)
                        throw new cli_args_1.UsageError('pools needs an operator token: --token or STOCKFLOW_TOKEN');
                    _e.label = 1;
                case 1:
                    _e.trys.push([1, 3, , 4]);
                    return [4 /*yield*/, (0, gateway_client_1.callApi)(url, token, 'GET', '/v1/pools')];
                case 2:
                    body = _e.sent();
                    return [3 /*break*/, 4];
                case 3:
                    error_1 = _e.sent();
                    if (error_1 instanceof gateway_client_1.HttpError && error_1.status === 404) {
                        throw new Error("the gateway at ".concat(url, " has no GET /v1/pools (404): this deployment does not serve pools yet"));
                    }
                    if (error_1 instanceof gateway_client_1.HttpError && (error_1.status === 401 || error_1.status === 403)) {
                        throw new Error("the gateway at ".concat(url, " refused the token (").concat(error_1.status, "): pools need an operator token (OPERATOR_TOKENS)"));
                    }
                    throw error_1;
                case 4:
                    pools = Array.isArray(body) ? body : ((_d = body.pools) !== null && _d !== void 0 ? _d : []);
                    if (args.options.has('json'))
                        console.log(JSON.stringify(pools, null, 2));
                    else if (pools.length === 0)
                        console.log('no pools defined (every channel sells from the implicit pool default)');
                    else
                        (0, table_1.printTable)(['poolId', 'version', 'channels', 'locations (priority)'], pools.map(function (p) {
                            var _a;
                            return [
                                p.poolId,
                                String((_a = p.version) !== null && _a !== void 0 ? _a : '-'),
                                p.channels.join(',') || '-',
                                __spreadArray([], p.locations, true).sort(function (a, b) { return a.priority - b.priority; })
                                    .map(function (l) { return "".concat(l.locationId, "(").concat(l.priority, ")"); })
                                    .join(' '),
                            ];
                        }));
                    return [2 /*return*/, 0];
            }
        });
    });
}
