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
exports.MAX_BULK_ERRORS = void 0;
exports.createBulkJob = createBulkJob;
exports.recordBulkProgress = recordBulkProgress;
exports.finishBulkJob = finishBulkJob;
exports.findBulkJob = findBulkJob;
exports.failStaleBulkJobs = failStaleBulkJobs;
/** Errors kept per job: enough to fix a feed, bounded so one bad file cannot bloat a row. */
exports.MAX_BULK_ERRORS = 1000;
function createBulkJob(db, bulkId, channel, total) {
    return __awaiter(this, void 0, void 0, function () {
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, db.query("INSERT INTO bulk_jobs (bulk_id, channel, status, total) VALUES ($1, $2, 'processing', $3)", [
                        bulkId,
                        channel,
                        total,
                    ])];
                case 1:
                    _a.sent();
                    return [2 /*return*/];
            }
        });
    });
}
/** Adds one chunk's outcome; also serves as the job's heartbeat. */
function recordBulkProgress(db, bulkId, accepted, errors, rejected) {
    return __awaiter(this, void 0, void 0, function () {
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, db.query("UPDATE bulk_jobs\n        SET accepted = accepted + $2, rejected = rejected + $3, updated_at = now(),\n            errors = CASE WHEN jsonb_array_length(errors) >= $5 THEN errors\n                          ELSE (SELECT coalesce(jsonb_agg(e), '[]') FROM (\n                                  SELECT e FROM jsonb_array_elements(errors || $4::jsonb) e LIMIT $5) x) END\n      WHERE bulk_id = $1", [bulkId, accepted, rejected, JSON.stringify(errors), exports.MAX_BULK_ERRORS])];
                case 1:
                    _a.sent();
                    return [2 /*return*/];
            }
        });
    });
}
function finishBulkJob(db, bulkId, status, error) {
    return __awaiter(this, void 0, void 0, function () {
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, db.query("UPDATE bulk_jobs SET status = $2, updated_at = now(),\n            errors = CASE WHEN $3::text IS NULL THEN errors\n                          ELSE errors || jsonb_build_array(jsonb_build_object('index', -1, 'field', '(job)', 'messages', jsonb_build_array($3::text))) END\n      WHERE bulk_id = $1", [bulkId, status, error !== null && error !== void 0 ? error : null])];
                case 1:
                    _a.sent();
                    return [2 /*return*/];
            }
        });
    });
}
/** `channel` undefined (an operator) finds any channel's job. */
function findBulkJob(db, bulkId, channel) {
    return __awaiter(this, void 0, void 0, function () {
        var row;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, db.query('SELECT bulk_id, status, total, accepted, rejected, errors FROM bulk_jobs WHERE bulk_id = $1 AND ($2::text IS NULL OR channel = $2)', [bulkId, channel !== null && channel !== void 0 ? channel : null])];
                case 1:
                    row = (_a.sent())[0];
                    return [2 /*return*/, row
                            ? { bulkId: row.bulk_id, status: row.status, total: row.total, accepted: row.accepted, rejected: row.rejected, errors: row.errors }
                            : undefined];
            }
        });
    });
}
/**
 * A job whose process died stops sending heartbeats; after `staleSeconds` it is
 * marked failed so clients stop waiting. Resubmitting is safe: eventIds dedupe.
 */
function failStaleBulkJobs(db, staleSeconds) {
    return __awaiter(this, void 0, void 0, function () {
        var n;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, db.query("WITH stale AS (\n     UPDATE bulk_jobs SET status = 'failed', updated_at = now(),\n            errors = errors || '[{\"index\": -1, \"field\": \"(job)\", \"messages\": [\"interrupted: resubmit the file; events already accepted are deduplicated by eventId\"]}]'\n      WHERE status = 'processing' AND updated_at < now() - make_interval(secs => $1)\n      RETURNING bulk_id)\n     SELECT count(*)::int AS n FROM stale", [staleSeconds])];
                case 1:
                    n = (_a.sent())[0].n;
                    return [2 /*return*/, n];
            }
        });
    });
}
