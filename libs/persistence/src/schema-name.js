"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.quoteSchema = quoteSchema;
/** A Postgres schema name safe to splice into SQL (identifiers cannot be bound as parameters). */
function quoteSchema(schema) {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
        throw new Error("schema name ".concat(JSON.stringify(schema), " must be a plain lower-case identifier"));
    }
    return "\"".concat(schema, "\"");
}
