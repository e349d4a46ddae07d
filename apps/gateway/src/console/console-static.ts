import fastifyStatic from '@fastify/static';
import { FastifyInstance } from 'fastify';
import { existsSync } from 'fs';
import { join } from 'path';

/** dist/console, where `npm run build` puts the page, its stylesheet and compiled script (from dist/apps/gateway/src/console). */
export const CONSOLE_DIR = join(__dirname, '../../../../console');

/**
 * Serves the operator console at /console from files built in this repository.
 * The page itself needs no token (it asks for one); every number it shows comes
 * from the API, which checks the operator token on each call.
 */
export function registerConsole(fastify: FastifyInstance, dir = CONSOLE_DIR): void {
  if (!existsSync(join(dir, 'index.html')) || !existsSync(join(dir, 'console.js'))) {
    // Fail at startup, not on the first operator's visit: a build without the console is a broken build.
    throw new Error(
      `operator console not built: ${dir} lacks index.html or console.js (run npm run build)`,
    );
  }
  void fastify.register(fastifyStatic, {
    root: dir,
    prefix: '/console/',
    index: 'index.html',
    redirect: false,
  });
  fastify.get('/console', (_request, reply) => reply.sendFile('index.html', dir));
}
