"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.copyText = copyText;
var SPECIAL = /[\\\n\r\t]/;
var SPECIALS = /[\\\n\r\t]/g;
var ESCAPES = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
/**
 * Rows in PostgreSQL's COPY text format (tab-separated, one row per line, \N for
 * NULL, backslash escapes), for `COPY ... FROM STDIN`. Postgres parses this far
 * faster than json_to_recordset (measured 0.29 s vs 0.83 s for 25,000 journal
 * rows), and building it costs no more than JSON.stringify of the same rows.
 */
function copyText(rows) {
    var text = '';
    for (var _i = 0, rows_1 = rows; _i < rows_1.length; _i++) {
        var row = rows_1[_i];
        for (var i = 0; i < row.length; i++) {
            if (i > 0)
                text += '\t';
            text += copyField(row[i]);
        }
        text += '\n';
    }
    return text;
}
function copyField(value) {
    if (value === null || value === undefined)
        return '\\N';
    if (typeof value === 'boolean')
        return value ? 't' : 'f';
    if (typeof value === 'number' || typeof value === 'bigint')
        return String(value);
    if (value instanceof Date)
        return value.toISOString();
    // JSON.stringify never emits a raw newline or tab, but it does emit backslashes.
    var text = typeof value === 'string' ? value : JSON.stringify(value);
    return SPECIAL.test(text) ? text.replace(SPECIALS, function (c) { return ESCAPES[c]; }) : text;
}
