"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EVENTS_BODY = void 0;
var swagger_1 = require("@nestjs/swagger");
/**
 * Request body of the event endpoints: one event or an array of them. The
 * event schemas are generated from the validators' DTOs (libs/contracts
 * schemas) and added to the document's components by buildOpenApiDocument.
 */
var EVENTS_BODY = function (maxItems) { return ({
    schema: {
        oneOf: [
            { $ref: (0, swagger_1.getSchemaPath)('InventoryEvent') },
            { type: 'array', minItems: 1, maxItems: maxItems, items: { $ref: (0, swagger_1.getSchemaPath)('InventoryEvent') } },
        ],
    },
}); };
exports.EVENTS_BODY = EVENTS_BODY;
