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
/**
 * npm run ops -- <command> [...]: the one operator CLI. `npm run ops -- --help`
 * lists the commands; `npm run ops -- <command> --help` explains one. Exit codes:
 * 0 done, 1 failed (or replay found differences), 2 replay failed, 64 bad usage,
 * 75 try again (reconcile inconclusive), 78 bad configuration (names the variable).
 * Runs the compiled file: `npm run build` first.
 */
require("reflect-metadata");
var config_1 = require("@stockflow/config");
var cli_args_1 = require("./ops/cli-args");
var dlq_command_1 = require("./ops/dlq-command");
var lag_command_1 = require("./ops/lag-command");
var pools_command_1 = require("./ops/pools-command");
var reconcile_command_1 = require("./ops/reconcile-command");
var replay_command_1 = require("./ops/replay-command");
var COMMANDS = {
    dlq: { usage: dlq_command_1.DLQ_USAGE, run: dlq_command_1.dlqCommand },
    replay: { usage: replay_command_1.REPLAY_USAGE, run: replay_command_1.replayCommand },
    reconcile: { usage: reconcile_command_1.RECONCILE_USAGE, run: reconcile_command_1.reconcileCommand },
    lag: { usage: lag_command_1.LAG_USAGE, run: lag_command_1.lagCommand },
    pools: { usage: pools_command_1.POOLS_USAGE, run: pools_command_1.poolsCommand },
};
var HELP = "usage: npm run ops -- <command> [options]   (or: node dist/scripts/ops.js <command>)\n\n".concat(Object.values(COMMANDS)
    .map(function (c) { return c.usage; })
    .join('\n\n'), "\n\nexit codes: 0 done, 1 failed or replay differs, 2 replay failed, 64 bad usage, 75 try again, 78 bad configuration");
function main(argv) {
    return __awaiter(this, void 0, void 0, function () {
        var name, rest, command, error_1;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    name = argv[0], rest = argv.slice(1);
                    if (name === '--help' || name === '-h' || name === 'help') {
                        console.log(HELP);
                        return [2 /*return*/, cli_args_1.EXIT.ok];
                    }
                    command = name === undefined ? undefined : COMMANDS[name];
                    if (!command) {
                        console.error("".concat(name === undefined ? 'no command given' : "unknown command ".concat(name), "\n\n").concat(HELP));
                        return [2 /*return*/, cli_args_1.EXIT.usage];
                    }
                    if (rest.includes('--help') || rest.includes('-h')) {
                        console.log(command.usage);
                        return [2 /*return*/, cli_args_1.EXIT.ok];
                    }
                    _a.label = 1;
                case 1:
                    _a.trys.push([1, 3, , 4]);
                    return [4 /*yield*/, command.run(rest)];
                case 2: return [2 /*return*/, _a.sent()];
                case 3:
                    error_1 = _a.sent();
                    if (error_1 instanceof cli_args_1.UsageError) {
                        console.error("ops ".concat(name, ": ").concat(error_1.message, "\n\nusage: ").concat(command.usage));
                        return [2 /*return*/, cli_args_1.EXIT.usage];
                    }
                    throw error_1;
                case 4: return [2 /*return*/];
            }
        });
    });
}
main(process.argv.slice(2)).then(function (code) { return process.exit(code); }, function (error) {
    var _a;
    if (error instanceof config_1.ConfigError) {
        console.error(error.message);
        process.exit(cli_args_1.EXIT.config);
    }
    if ((0, replay_command_1.isReplayFailure)(error)) {
        console.error(error.message);
        process.exit(cli_args_1.EXIT.replayFailed);
    }
    var cause = error.cause;
    var why = cause ? " (".concat((_a = cause.code) !== null && _a !== void 0 ? _a : cause.message, ")") : '';
    console.error("ops: ".concat(error.message).concat(why));
    process.exit(cli_args_1.EXIT.failed);
});
