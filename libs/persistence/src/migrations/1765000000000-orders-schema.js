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
Object.defineProperty(exports, "__esModule", { value: true });
exports.OrdersSchema1765000000000 = void 0;
/**
 * Orders (AsyncOrder: received -> pending | rejected) with their status history,
 * and order_reservations: every reservation the orders service issued in Redis,
 * durable. It is what hydration subtracts from the ledger for reservations the
 * ledger has not folded yet, and what rebuilds the Redis registry after a loss.
 * `settled` rows have every event of theirs folded into the journal, so the
 * hot queries only ever read the small unsettled remainder.
 */
var OrdersSchema1765000000000 = /** @class */ (function () {
    function OrdersSchema1765000000000() {
        this.name = 'OrdersSchema1765000000000';
    }
    OrdersSchema1765000000000.prototype.up = function (q) {
        return __awaiter(this, void 0, void 0, function () {
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0: return [4 /*yield*/, q.query("\n      CREATE TABLE orders (\n        order_id       varchar(64)  PRIMARY KEY,\n        channel        varchar(32)  NOT NULL,\n        cart_id        varchar(64),  -- as the client named it\n        payment_method varchar(64)  NOT NULL,\n        status         varchar(16)  NOT NULL CHECK (status IN ('received', 'pending', 'rejected')),\n        reason         varchar(32),\n        lines          jsonb        NOT NULL,\n        created_at     timestamptz  NOT NULL DEFAULT now(),\n        updated_at     timestamptz  NOT NULL DEFAULT now()\n      )")];
                    case 1:
                        _a.sent();
                        // Finds orders still waiting (re-queued if their message never reached Kafka).
                        return [4 /*yield*/, q.query("CREATE INDEX orders_received_idx ON orders (created_at) WHERE status = 'received'")];
                    case 2:
                        // Finds orders still waiting (re-queued if their message never reached Kafka).
                        _a.sent();
                        return [4 /*yield*/, q.query("\n      CREATE TABLE order_status_history (\n        id          bigserial    PRIMARY KEY,\n        order_id    varchar(64)  NOT NULL REFERENCES orders (order_id) ON DELETE CASCADE,\n        status      varchar(16)  NOT NULL,\n        reason      varchar(32),\n        recorded_at timestamptz  NOT NULL DEFAULT now()\n      )")];
                    case 3:
                        _a.sent();
                        return [4 /*yield*/, q.query("CREATE INDEX order_status_history_order_idx ON order_status_history (order_id, id)")];
                    case 4:
                        _a.sent();
                        return [4 /*yield*/, q.query("\n      CREATE TABLE order_reservations (\n        reservation_id   varchar(128) PRIMARY KEY,\n        sku              varchar(64)  NOT NULL,\n        quantity         integer      NOT NULL CHECK (quantity > 0),\n        kind             varchar(8)   NOT NULL CHECK (kind IN ('order', 'hold')),\n        order_id         varchar(64),\n        cart_id          varchar(100), -- <channel>.<cartId>: carts are per channel\n        channel          varchar(32)  NOT NULL,\n        state            varchar(12)  NOT NULL CHECK (state IN ('reserving', 'open', 'released')),\n        release_reason   varchar(16),\n        expires_at       timestamptz,\n        reserve_event_id uuid         NOT NULL,\n        release_event_id uuid         NOT NULL,\n        settled          boolean      NOT NULL DEFAULT false,\n        created_at       timestamptz  NOT NULL DEFAULT now(),\n        updated_at       timestamptz  NOT NULL DEFAULT now()\n      )")];
                    case 5:
                        _a.sent();
                        return [4 /*yield*/, q.query("CREATE INDEX order_reservations_unsettled_idx ON order_reservations (sku) WHERE NOT settled")];
                    case 6:
                        _a.sent();
                        return [4 /*yield*/, q.query("CREATE INDEX order_reservations_due_holds_idx ON order_reservations (expires_at)\n       WHERE kind = 'hold' AND state = 'open'")];
                    case 7:
                        _a.sent();
                        return [4 /*yield*/, q.query("CREATE INDEX order_reservations_cart_idx ON order_reservations (cart_id) WHERE kind = 'hold' AND state = 'open'")];
                    case 8:
                        _a.sent();
                        return [2 /*return*/];
                }
            });
        });
    };
    OrdersSchema1765000000000.prototype.down = function (q) {
        return __awaiter(this, void 0, void 0, function () {
            var _i, _a, table;
            return __generator(this, function (_b) {
                switch (_b.label) {
                    case 0:
                        _i = 0, _a = ['order_reservations', 'order_status_history', 'orders'];
                        _b.label = 1;
                    case 1:
                        if (!(_i < _a.length)) return [3 /*break*/, 4];
                        table = _a[_i];
                        return [4 /*yield*/, q.query("DROP TABLE IF EXISTS ".concat(table))];
                    case 2:
                        _b.sent();
                        _b.label = 3;
                    case 3:
                        _i++;
                        return [3 /*break*/, 1];
                    case 4: return [2 /*return*/];
                }
            });
        });
    };
    return OrdersSchema1765000000000;
}());
exports.OrdersSchema1765000000000 = OrdersSchema1765000000000;
