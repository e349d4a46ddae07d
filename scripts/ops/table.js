"use strict";
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
exports.printTable = printTable;
/** Prints rows as aligned columns (the last column is not padded: it may be long). */
function printTable(header, rows) {
    var widths = header.map(function (h, i) { return Math.max.apply(Math, __spreadArray([h.length], rows.map(function (r) { return r[i].length; }), false)); });
    var _loop_1 = function (line) {
        console.log(line.map(function (cell, i) { return (i === line.length - 1 ? cell : cell.padEnd(widths[i])); }).join('  '));
    };
    for (var _i = 0, _a = __spreadArray([header], rows, true); _i < _a.length; _i++) {
        var line = _a[_i];
        _loop_1(line);
    }
}
