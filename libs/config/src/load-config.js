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
Object.defineProperty(exports, "__esModule", { value: true });
exports.ConfigError = void 0;
exports.loadConfig = loadConfig;
var class_transformer_1 = require("class-transformer");
var class_validator_1 = require("class-validator");
/** Thrown at startup when the environment does not fit an app's config schema. */
var ConfigError = /** @class */ (function (_super) {
    __extends(ConfigError, _super);
    function ConfigError(problems) {
        var _this = _super.call(this, "Invalid configuration:\n  - ".concat(problems.join('\n  - '))) || this;
        _this.problems = problems;
        _this.name = 'ConfigError';
        return _this;
    }
    return ConfigError;
}(Error));
exports.ConfigError = ConfigError;
/**
 * Builds an app's config from environment variables. Field names are the
 * variable names; defaults on the class are the local-development values.
 * Every problem is reported at once, each naming its variable.
 */
function loadConfig(schema, env) {
    if (env === void 0) { env = process.env; }
    var defaults = new schema();
    var raw = {};
    for (var _i = 0, _a = Object.keys(defaults); _i < _a.length; _i++) {
        var key = _a[_i];
        var value = env[key];
        raw[key] = value === undefined || value === '' ? defaults[key] : coerce(value, defaults[key]);
    }
    var config = (0, class_transformer_1.plainToInstance)(schema, raw);
    var errors = (0, class_validator_1.validateSync)(config, { forbidUnknownValues: false });
    if (errors.length > 0)
        throw new ConfigError(errors.map(function (e) { return describe(e, env[e.property]); }));
    return config;
}
/** Environment values are strings; a field's default tells which type it wants. */
function coerce(value, fallback) {
    if (typeof fallback === 'number')
        return value.trim() === '' ? NaN : Number(value);
    if (typeof fallback === 'boolean')
        return value === '1' || value === 'true' ? true : value === '0' || value === 'false' ? false : value;
    return value;
}
/** `NAME=<value as set>: what is wrong` (the value as written, not as coerced: NaN shows as "eighty"). */
function describe(error, asSet) {
    var _a;
    var shown = asSet !== undefined && asSet !== '' ? JSON.stringify(asSet) : "".concat(JSON.stringify(error.value), " (default)");
    var constraints = Object.values((_a = error.constraints) !== null && _a !== void 0 ? _a : {}).join('; ');
    return "".concat(error.property, "=").concat(shown, ": ").concat(constraints);
}
