import { FastifyInstance } from 'fastify';

/**
 * Accepts a request that says `Content-Type: application/json` but carries no
 * body (what many HTTP clients send with a DELETE or a body-less POST): the
 * handler sees no body instead of Fastify's 400 FST_ERR_CTP_EMPTY_JSON_BODY.
 *
 * WHY a hook that drops the header rather than a parser of our own: Nest
 * registers its JSON parser when the app initialises (after this runs), and a
 * second parser for one type is a startup error. Without a content type and
 * with no declared body, Fastify parses nothing: exactly "there is no body".
 * A non-empty body still goes through the JSON parser, so invalid JSON and
 * prototype poisoning keep their 400s; a route that needs a body still refuses
 * its absence through validation, naming the field.
 */
export function acceptEmptyJsonBody(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request) => {
    const { headers } = request;
    const declaresNoBody =
      headers['transfer-encoding'] === undefined &&
      (headers['content-length'] === undefined || headers['content-length'] === '0');
    if (declaresNoBody && /^application\/json\b/i.test(headers['content-type'] ?? ''))
      delete headers['content-type'];
  });
}
