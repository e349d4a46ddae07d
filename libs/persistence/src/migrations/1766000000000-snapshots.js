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
exports.Snapshots1766000000000 = void 0;
/**
 * Snapshots of the ledger projections, each with the log offsets it reflects, so
 * a rebuild can start from the newest snapshot instead of offset 0. Children
 * cascade, so pruning a snapshot is one DELETE. Only open reservations are kept:
 * netted ones are compacted away (the journal remembers them).
 */
var Snapshots1766000000000 = /** @class */ (function () {
    function Snapshots1766000000000() {
        this.name = 'Snapshots1766000000000';
    }
    Snapshots1766000000000.prototype.up = function (q) {
        return __awaiter(this, void 0, void 0, function () {
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0: return [4 /*yield*/, q.query("\n      CREATE TABLE snapshots (\n        id         bigserial    PRIMARY KEY,\n        taken_at   timestamptz  NOT NULL DEFAULT now(),\n        group_id   varchar(255) NOT NULL,\n        topic      varchar(255) NOT NULL,\n        offsets    jsonb        NOT NULL\n      )")];
                    case 1:
                        _a.sent();
                        return [4 /*yield*/, q.query("\n      CREATE TABLE snapshot_stock_levels (\n        snapshot_id bigint      NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,\n        sku         varchar(64) NOT NULL,\n        on_hand     bigint      NOT NULL,\n        reserved    bigint      NOT NULL,\n        version     bigint      NOT NULL,\n        PRIMARY KEY (snapshot_id, sku)\n      )")];
                    case 2:
                        _a.sent();
                        return [4 /*yield*/, q.query("\n      CREATE TABLE snapshot_stock_locations (\n        snapshot_id bigint       NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,\n        sku         varchar(64)  NOT NULL,\n        location_id varchar(128) NOT NULL,\n        on_hand     bigint       NOT NULL,\n        PRIMARY KEY (snapshot_id, sku, location_id)\n      )")];
                    case 3:
                        _a.sent();
                        return [4 /*yield*/, q.query("\n      CREATE TABLE snapshot_reservations (\n        snapshot_id    bigint       NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,\n        reservation_id varchar(128) NOT NULL,\n        sku            varchar(64)  NOT NULL,\n        order_id       varchar(128),\n        quantity       integer      NOT NULL,\n        open           integer      NOT NULL,\n        PRIMARY KEY (snapshot_id, reservation_id)\n      )")];
                    case 4:
                        _a.sent();
                        // Cleanup deletes netted reservations all day long: vacuum the table after
                        // ~1% churn instead of the default 20%, so dead rows do not pile up between runs.
                        return [4 /*yield*/, q.query("\n      ALTER TABLE reservations SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000)")];
                    case 5:
                        // Cleanup deletes netted reservations all day long: vacuum the table after
                        // ~1% churn instead of the default 20%, so dead rows do not pile up between runs.
                        _a.sent();
                        return [2 /*return*/];
                }
            });
        });
    };
    Snapshots1766000000000.prototype.down = function (q) {
        return __awaiter(this, void 0, void 0, function () {
            var _i, _a, table;
            return __generator(this, function (_b) {
                switch (_b.label) {
                    case 0: return [4 /*yield*/, q.query('ALTER TABLE reservations RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold)')];
                    case 1:
                        _b.sent();
                        _i = 0, _a = ['snapshot_reservations', 'snapshot_stock_locations', 'snapshot_stock_levels', 'snapshots'];
                        _b.label = 2;
                    case 2:
                        if (!(_i < _a.length)) return [3 /*break*/, 5];
                        table = _a[_i];
                        return [4 /*yield*/, q.query("DROP TABLE IF EXISTS ".concat(table))];
                    case 3:
                        _b.sent();
                        _b.label = 4;
                    case 4:
                        _i++;
                        return [3 /*break*/, 2];
                    case 5: return [2 /*return*/];
                }
            });
        });
    };
    return Snapshots1766000000000;
}());
exports.Snapshots1766000000000 = Snapshots1766000000000;
