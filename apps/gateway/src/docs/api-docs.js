"use strict";
var __assign = (this && this.__assign) || function () {
    __assign = Object.assign || function(t) {
        for (var s, i = 1, n = arguments.length; i < n; i++) {
            s = arguments[i];
            for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p))
                t[p] = s[p];
        }
        return t;
    };
    return __assign.apply(this, arguments);
};
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
exports.buildOpenApiDocument = buildOpenApiDocument;
exports.registerApiDocs = registerApiDocs;
var core_1 = require("@nestjs/core");
var platform_fastify_1 = require("@nestjs/platform-fastify");
var swagger_1 = require("@nestjs/swagger");
var contracts_1 = require("@stockflow/contracts");
var proxied_routes_docs_1 = require("./proxied-routes.docs");
var schemaRef = function (name) { return "#/components/schemas/".concat(name); };
/**
 * The OpenAPI 3 document of the whole public API on the gateway's port: the
 * gateway's own controllers, the routes it proxies (declared in a module that
 * is never mounted), and the event schemas generated from the validators' DTOs.
 */
function buildOpenApiDocument(app) {
    return __awaiter(this, void 0, void 0, function () {
        var config, own, docsApp, proxied, events;
        var _a, _b, _c, _d;
        return __generator(this, function (_e) {
            switch (_e.label) {
                case 0:
                    config = new swagger_1.DocumentBuilder()
                        .setTitle('Stockflow public API')
                        .setDescription('Event-sourced inventory ledger. Authorization: Bearer <token>; a channel token writes only its own channel, an operator token reads everything and runs /v1/ops. Kafka topics: GET /asyncapi.json. Operator console: /console.')
                        .setVersion('1')
                        .addBearerAuth()
                        .build();
                    own = swagger_1.SwaggerModule.createDocument(app, config);
                    return [4 /*yield*/, core_1.NestFactory.create(proxied_routes_docs_1.ProxiedRoutesDocsModule, new platform_fastify_1.FastifyAdapter(), { logger: false })];
                case 1:
                    docsApp = _e.sent();
                    _e.label = 2;
                case 2:
                    _e.trys.push([2, , 3, 5]);
                    proxied = swagger_1.SwaggerModule.createDocument(docsApp, config);
                    events = (0, contracts_1.eventSchemas)();
                    return [2 /*return*/, __assign(__assign({}, own), { tags: __spreadArray(__spreadArray([], ((_a = own.tags) !== null && _a !== void 0 ? _a : []), true), ((_b = proxied.tags) !== null && _b !== void 0 ? _b : []), true), paths: __assign(__assign({}, own.paths), proxied.paths), components: __assign(__assign({}, own.components), { schemas: __assign(__assign(__assign(__assign({}, (_c = own.components) === null || _c === void 0 ? void 0 : _c.schemas), (_d = proxied.components) === null || _d === void 0 ? void 0 : _d.schemas), events), { InventoryEvent: (0, contracts_1.inventoryEventSchema)(schemaRef) }) }) })];
                case 3: return [4 /*yield*/, docsApp.close()];
                case 4:
                    _e.sent();
                    return [7 /*endfinally*/];
                case 5: return [2 /*return*/];
            }
        });
    });
}
/** GET /docs (Swagger UI, assets served from swagger-ui-dist), /openapi.json and /asyncapi.json; no token needed. */
function registerApiDocs(app, fastify, topicPrefix) {
    return __awaiter(this, void 0, void 0, function () {
        var document, asyncApi;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, buildOpenApiDocument(app)];
                case 1:
                    document = _a.sent();
                    swagger_1.SwaggerModule.setup('docs', app, document, {
                        jsonDocumentUrl: 'openapi.json',
                        yamlDocumentUrl: 'openapi.yaml',
                    });
                    asyncApi = (0, contracts_1.asyncApiDocument)(topicPrefix);
                    fastify.get('/asyncapi.json', function (_request, reply) { return reply.type('application/json').send(asyncApi); });
                    return [2 /*return*/];
            }
        });
    });
}
