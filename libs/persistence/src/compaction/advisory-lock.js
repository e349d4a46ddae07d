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
exports.withAdvisoryLock = withAdvisoryLock;
/**
 * Runs `work` on one dedicated connection while holding a session advisory lock,
 * or returns `{ acquired: false }` at once when another session (another
 * replica) holds it. The lock lives as long as the connection: if the holder
 * dies, Postgres drops its session and the lock with it, so there is no lease
 * expiry to tune and no stale holder to clean up. (Session locks need a real
 * session: behind PgBouncer, use session pooling for this service.)
 */
function withAdvisoryLock(db, lockId, work) {
    return __awaiter(this, void 0, void 0, function () {
        var session, locked;
        var _a;
        return __generator(this, function (_b) {
            switch (_b.label) {
                case 0:
                    session = db.createQueryRunner();
                    return [4 /*yield*/, session.connect()];
                case 1:
                    _b.sent();
                    _b.label = 2;
                case 2:
                    _b.trys.push([2, , 9, 11]);
                    return [4 /*yield*/, session.query('SELECT pg_try_advisory_lock($1) AS locked', [lockId])];
                case 3:
                    locked = (_b.sent())[0].locked;
                    if (!locked)
                        return [2 /*return*/, { acquired: false }];
                    _b.label = 4;
                case 4:
                    _b.trys.push([4, , 6, 8]);
                    _a = { acquired: true };
                    return [4 /*yield*/, work(session)];
                case 5: return [2 /*return*/, (_a.value = _b.sent(), _a)];
                case 6: return [4 /*yield*/, session.query('SELECT pg_advisory_unlock($1)', [lockId])];
                case 7:
                    _b.sent();
                    return [7 /*endfinally*/];
                case 8: return [3 /*break*/, 11];
                case 9: return [4 /*yield*/, session.release()];
                case 10:
                    _b.sent();
                    return [7 /*endfinally*/];
                case 11: return [2 /*return*/];
            }
        });
    });
}
