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
exports.EXIT = exports.UsageError = void 0;
exports.parseArgs = parseArgs;
exports.one = one;
/** Bad usage: the CLI prints the message and the command's usage, and exits 64 (EX_USAGE). */
var UsageError = /** @class */ (function (_super) {
    __extends(UsageError, _super);
    function UsageError() {
        return _super !== null && _super.apply(this, arguments) || this;
    }
    return UsageError;
}(Error));
exports.UsageError = UsageError;
/** Exit codes of `npm run ops`, shared by every command (sysexits where one fits). */
exports.EXIT = {
    ok: 0,
    failed: 1,
    replayFailed: 2,
    usage: 64,
    tempFail: 75,
    config: 78,
};
/**
 * Splits argv into positional words and options. `booleans` are the flags that
 * take no value; every other `--flag` needs one. Unknown flags are refused, so
 * a typo never silently changes what a command does.
 */
function parseArgs(argv, spec) {
    var _a, _b;
    var values = new Set((_a = spec.values) !== null && _a !== void 0 ? _a : []);
    var booleans = new Set((_b = spec.booleans) !== null && _b !== void 0 ? _b : []);
    var positional = [];
    var options = new Map();
    var add = function (name, value) { var _a; return options.set(name, __spreadArray(__spreadArray([], ((_a = options.get(name)) !== null && _a !== void 0 ? _a : []), true), [value], false)); };
    for (var i = 0; i < argv.length; i++) {
        var arg = argv[i];
        if (!arg.startsWith('--')) {
            positional.push(arg);
            continue;
        }
        var _c = arg.slice(2).split(/=(.*)/s, 2), name_1 = _c[0], inline = _c[1];
        if (booleans.has(name_1)) {
            if (inline !== undefined)
                throw new UsageError("--".concat(name_1, " takes no value"));
            add(name_1, 'true');
        }
        else if (values.has(name_1)) {
            var value = inline !== null && inline !== void 0 ? inline : argv[++i];
            if (value === undefined || (inline === undefined && value.startsWith('--')))
                throw new UsageError("--".concat(name_1, " needs a value"));
            add(name_1, value);
        }
        else {
            throw new UsageError("unknown option --".concat(name_1));
        }
    }
    return { positional: positional, options: options };
}
function one(args, name) {
    var _a;
    return (_a = args.options.get(name)) === null || _a === void 0 ? void 0 : _a.at(-1);
}
