"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AllowAccess = exports.ACCESS_KEY = void 0;
var common_1 = require("@nestjs/common");
exports.ACCESS_KEY = 'stockflow:access';
var AllowAccess = function (access) { return (0, common_1.SetMetadata)(exports.ACCESS_KEY, access); };
exports.AllowAccess = AllowAccess;
