"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CONSOLE_DIR = void 0;
exports.registerConsole = registerConsole;
var static_1 = require("@fastify/static");
var fs_1 = require("fs");
var path_1 = require("path");
/** dist/console, where `npm run build` puts the page, its stylesheet and compiled script (from dist/apps/gateway/src/console). */
exports.CONSOLE_DIR = (0, path_1.join)(__dirname, '../../../../console');
/**
 * Serves the operator console at /console from files built in this repository.
 * The page itself needs no token (it asks for one); every number it shows comes
 * from the API, which checks the operator token on each call.
 */
function registerConsole(fastify, dir) {
    if (dir === void 0) { dir = exports.CONSOLE_DIR; }
    if (!(0, fs_1.existsSync)((0, path_1.join)(dir, 'index.html')) || !(0, fs_1.existsSync)((0, path_1.join)(dir, 'console.js'))) {
        // Fail at startup, not on the first operator's visit: a build without the console is a broken build.
        throw new Error("operator console not built: ".concat(dir, " lacks index.html or console.js (run npm run build)"));
    }
    void fastify.register(static_1.default, {
        root: dir,
        prefix: '/console/',
        index: 'index.html',
        redirect: false,
    });
    fastify.get('/console', function (_request, reply) { return reply.sendFile('index.html', dir); });
}
