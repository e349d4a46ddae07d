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
exports.RedisStock = exports.REGISTRY_RETENTION_SECONDS = void 0;
var apply_level_lua_1 = require("./lua/apply-level.lua");
var hold_lua_1 = require("./lua/hold.lua");
var hydrate_lua_1 = require("./lua/hydrate.lua");
var release_holds_lua_1 = require("./lua/release-holds.lua");
var outbox_lease_lua_1 = require("./lua/outbox-lease.lua");
var reserve_order_lua_1 = require("./lua/reserve-order.lua");
var redis_keys_1 = require("./redis-keys");
/** How long the outcome of an order and a finished reservation stay in Redis (Postgres keeps them for good). */
exports.REGISTRY_RETENTION_SECONDS = 7 * 24 * 3600;
/**
 * The Redis side of reservations: atomic Lua scripts over per-sku counters, the
 * reservation registry and the outbox. Every method is one round trip (or one
 * pipeline); none touches Postgres or Kafka.
 */
var RedisStock = /** @class */ (function () {
    function RedisStock(redis, prefix) {
        this.redis = redis;
        this.keys = new redis_keys_1.RedisKeys(prefix);
        var scripts = {
            sfReserveOrder: reserve_order_lua_1.RESERVE_ORDER_LUA,
            sfHold: hold_lua_1.HOLD_LUA,
            sfReleaseHolds: release_holds_lua_1.RELEASE_HOLDS_LUA,
            sfApplyLevel: apply_level_lua_1.APPLY_LEVEL_LUA,
            sfHydrate: hydrate_lua_1.HYDRATE_LUA,
            sfLease: outbox_lease_lua_1.LEASE_LUA,
            sfTrimIfLeased: outbox_lease_lua_1.TRIM_IF_LEASED_LUA,
        };
        for (var _i = 0, _a = Object.entries(scripts); _i < _a.length; _i++) {
            var _b = _a[_i], name_1 = _b[0], lua = _b[1];
            if (!(name_1 in redis))
                redis.defineCommand(name_1, { lua: lua });
        }
    }
    Object.defineProperty(RedisStock.prototype, "commands", {
        get: function () {
            return this.redis;
        },
        enumerable: false,
        configurable: true
    });
    /** Reserves the orders in the given sequence, one script each, in one pipeline (FIFO is kept). */
    RedisStock.prototype.reserveOrders = function (orders, now) {
        return __awaiter(this, void 0, void 0, function () {
            var pipeline, _i, orders_1, order, results;
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0:
                        if (orders.length === 0)
                            return [2 /*return*/, []];
                        pipeline = this.redis.pipeline();
                        for (_i = 0, orders_1 = orders; _i < orders_1.length; _i++) {
                            order = orders_1[_i];
                            pipeline.sfReserveOrder.apply(pipeline, this.reserveArgs(order, now));
                        }
                        return [4 /*yield*/, pipeline.exec()];
                    case 1:
                        results = (_a.sent());
                        return [2 /*return*/, results.map(function (_a) {
                                var error = _a[0], value = _a[1];
                                if (error)
                                    throw error;
                                return normalize(JSON.parse(value));
                            })];
                }
            });
        });
    };
    RedisStock.prototype.hold = function (hold, now) {
        return __awaiter(this, void 0, void 0, function () {
            var keys, args, raw;
            var _a;
            return __generator(this, function (_b) {
                switch (_b.label) {
                    case 0:
                        keys = [this.keys.stock(hold.sku), this.keys.cart(hold.cartId), this.keys.reservation(hold.rid), this.keys.outbox];
                        args = [this.keys.prefix, hold.cartId, hold.sku, hold.quantity, hold.rid, hold.channel, now.toISOString()];
                        return [4 /*yield*/, (_a = this.commands).sfHold.apply(_a, __spreadArray(__spreadArray(__spreadArray([4], keys, false), args, false), [hold.deadline.getTime(), exports.REGISTRY_RETENTION_SECONDS], false))];
                    case 1:
                        raw = _b.sent();
                        return [2 /*return*/, JSON.parse(raw)];
                }
            });
        });
    };
    /** Cart cancel: releases every open hold of the cart. */
    RedisStock.prototype.releaseCart = function (cartId, now) {
        return this.releaseHolds([this.keys.outbox, this.keys.cart(cartId)], 'cart', [], now);
    };
    /** Releases those of the given holds that are open and due at `now`. */
    RedisStock.prototype.expireHolds = function (rids, now) {
        return this.releaseHolds([this.keys.outbox], 'expire', rids, now);
    };
    /** Applies inventory.stock-levels updates in order, one script each, in one pipeline. */
    RedisStock.prototype.applyLevels = function (levels) {
        return __awaiter(this, void 0, void 0, function () {
            var pipeline, _i, levels_1, l;
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0:
                        if (levels.length === 0)
                            return [2 /*return*/, []];
                        pipeline = this.redis.pipeline();
                        for (_i = 0, levels_1 = levels; _i < levels_1.length; _i++) {
                            l = levels_1[_i];
                            pipeline.sfApplyLevel(1, this.keys.stock(l.sku), l.previousVersion, l.version, l.externalAvailableDelta);
                        }
                        return [4 /*yield*/, pipeline.exec()];
                    case 1: return [2 /*return*/, (_a.sent()).map(function (_a) {
                            var error = _a[0], value = _a[1];
                            if (error)
                                throw error;
                            return value;
                        })];
                }
            });
        });
    };
    /** Writes a hydrated counter (only if missing); returns whether this call wrote it. */
    RedisStock.prototype.seed = function (sku, plan) {
        return __awaiter(this, void 0, void 0, function () {
            var counter, registry, precounted, republish, args, _i, registry_1, r, _a, precounted_1, p, wrote;
            var _b;
            var _c, _d;
            return __generator(this, function (_e) {
                switch (_e.label) {
                    case 0:
                        counter = plan.counter, registry = plan.registry, precounted = plan.precounted, republish = plan.republish;
                        args = [this.keys.prefix, counter.avail, counter.ver, exports.REGISTRY_RETENTION_SECONDS, registry.length, precounted.length];
                        for (_i = 0, registry_1 = registry; _i < registry_1.length; _i++) {
                            r = registry_1[_i];
                            args.push(r.rid, r.quantity, r.kind, (_c = r.cartId) !== null && _c !== void 0 ? _c : '', (_d = r.orderId) !== null && _d !== void 0 ? _d : '', r.expiresAtMs, r.channel);
                        }
                        for (_a = 0, precounted_1 = precounted; _a < precounted_1.length; _a++) {
                            p = precounted_1[_a];
                            args.push(p.rid, p.quantity);
                        }
                        return [4 /*yield*/, (_b = this.commands).sfHydrate.apply(_b, __spreadArray(__spreadArray([2, this.keys.stock(sku), this.keys.outbox], args, false), republish, false))];
                    case 1:
                        wrote = _e.sent();
                        return [2 /*return*/, wrote === 1];
                }
            });
        });
    };
    RedisStock.prototype.counter = function (sku) {
        return __awaiter(this, void 0, void 0, function () {
            var _a, avail, ver;
            return __generator(this, function (_b) {
                switch (_b.label) {
                    case 0: return [4 /*yield*/, this.redis.hmget(this.keys.stock(sku), 'avail', 'ver')];
                    case 1:
                        _a = _b.sent(), avail = _a[0], ver = _a[1];
                        return [2 /*return*/, avail === null || ver === null ? undefined : { avail: Number(avail), ver: Number(ver) }];
                }
            });
        });
    };
    /** Whether any of these reservations is already released in the registry. */
    RedisStock.prototype.anyReleased = function (rids) {
        return __awaiter(this, void 0, void 0, function () {
            var pipeline, _i, rids_1, rid;
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0:
                        if (rids.length === 0)
                            return [2 /*return*/, false];
                        pipeline = this.redis.pipeline();
                        for (_i = 0, rids_1 = rids; _i < rids_1.length; _i++) {
                            rid = rids_1[_i];
                            pipeline.hget(this.keys.reservation(rid), 'state');
                        }
                        return [4 /*yield*/, pipeline.exec()];
                    case 1: return [2 /*return*/, (_a.sent()).some(function (_a) {
                            var state = _a[1];
                            return state === 'released';
                        })];
                }
            });
        });
    };
    /** Skus (of the given ones) whose counter is missing. */
    RedisStock.prototype.missing = function (skus) {
        return __awaiter(this, void 0, void 0, function () {
            var pipeline, _i, skus_1, sku, results;
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0:
                        if (skus.length === 0)
                            return [2 /*return*/, []];
                        pipeline = this.redis.pipeline();
                        for (_i = 0, skus_1 = skus; _i < skus_1.length; _i++) {
                            sku = skus_1[_i];
                            pipeline.exists(this.keys.stock(sku));
                        }
                        return [4 /*yield*/, pipeline.exec()];
                    case 1:
                        results = (_a.sent());
                        return [2 /*return*/, skus.filter(function (_, i) { return results[i][1] === 0; })];
                }
            });
        });
    };
    /** Drops a counter so that the next user rebuilds it; reservations of the sku fail closed meanwhile. */
    RedisStock.prototype.drop = function (sku) {
        return __awaiter(this, void 0, void 0, function () {
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0: return [4 /*yield*/, this.redis.del(this.keys.stock(sku))];
                    case 1:
                        _a.sent();
                        return [2 /*return*/];
                }
            });
        });
    };
    /** Appends events to the outbox (re-publication of events the ledger has not folded). */
    RedisStock.prototype.appendOutbox = function (events) {
        return __awaiter(this, void 0, void 0, function () {
            var _a;
            return __generator(this, function (_b) {
                switch (_b.label) {
                    case 0:
                        if (!(events.length > 0)) return [3 /*break*/, 2];
                        return [4 /*yield*/, (_a = this.redis).rpush.apply(_a, __spreadArray([this.keys.outbox], events, false))];
                    case 1:
                        _b.sent();
                        _b.label = 2;
                    case 2: return [2 /*return*/];
                }
            });
        });
    };
    /** Events waiting in the outbox (LLEN: O(1)). */
    RedisStock.prototype.outboxLength = function () {
        return this.redis.llen(this.keys.outbox);
    };
    /** The oldest `max` outbox entries, without removing them. */
    RedisStock.prototype.peekOutbox = function (max) {
        return this.redis.lrange(this.keys.outbox, 0, max - 1);
    };
    /** Takes or renews the outbox lease: only its holder relays, so entries are trimmed by the one who sent them. */
    RedisStock.prototype.leaseOutbox = function (holder, ttlMs) {
        return __awaiter(this, void 0, void 0, function () {
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0: return [4 /*yield*/, this.commands.sfLease(1, this.keys.outboxLease, holder, ttlMs)];
                    case 1: return [2 /*return*/, (_a.sent()) === 1];
                }
            });
        });
    };
    /** Removes the oldest `count` entries once Kafka acknowledged them, if `holder` still holds the lease. */
    RedisStock.prototype.trimOutbox = function (holder, count) {
        return __awaiter(this, void 0, void 0, function () {
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0: return [4 /*yield*/, this.commands.sfTrimIfLeased(2, this.keys.outboxLease, this.keys.outbox, holder, count)];
                    case 1: return [2 /*return*/, (_a.sent()) === 1];
                }
            });
        });
    };
    RedisStock.prototype.reserveArgs = function (order, now) {
        var _this = this;
        var _a;
        var keys = __spreadArray([this.keys.order(order.orderId), this.keys.outbox], order.lines.map(function (l) { return _this.keys.stock(l.sku); }), true);
        if (order.cartId)
            keys.push(this.keys.cart(order.cartId));
        var args = [
            this.keys.prefix,
            order.orderId,
            order.channel,
            now.toISOString(),
            now.getTime(),
            (_a = order.cartId) !== null && _a !== void 0 ? _a : '',
            order.lines.length,
            exports.REGISTRY_RETENTION_SECONDS,
        ];
        for (var _i = 0, _b = order.lines; _i < _b.length; _i++) {
            var l = _b[_i];
            args.push(l.sku, l.quantity, l.reservationId);
        }
        return __spreadArray(__spreadArray([keys.length], keys, true), args, true);
    };
    RedisStock.prototype.releaseHolds = function (keys, mode, rids, now) {
        return __awaiter(this, void 0, void 0, function () {
            var args, raw, parsed;
            var _a;
            return __generator(this, function (_b) {
                switch (_b.label) {
                    case 0:
                        args = __spreadArray([this.keys.prefix, mode, now.toISOString(), now.getTime(), exports.REGISTRY_RETENTION_SECONDS], rids, true);
                        return [4 /*yield*/, (_a = this.commands).sfReleaseHolds.apply(_a, __spreadArray(__spreadArray([keys.length], keys, false), args, false))];
                    case 1:
                        raw = _b.sent();
                        parsed = JSON.parse(raw);
                        return [2 /*return*/, {
                                released: asArray(parsed.released),
                                unknown: asArray(parsed.unknown),
                                gone: asArray(parsed.gone),
                            }];
                }
            });
        });
    };
    return RedisStock;
}());
exports.RedisStock = RedisStock;
/** cjson encodes an empty Lua table as {}: read it as an empty list. */
function asArray(value) {
    return Array.isArray(value) ? value : [];
}
function normalize(raw) {
    if (raw.status !== 'reserved')
        return raw.status === 'insufficient' ? { status: raw.status, skus: asArray(raw.skus) } : raw;
    return { status: 'reserved', rids: asArray(raw.rids), released: asArray(raw.released), converted: asArray(raw.converted) };
}
