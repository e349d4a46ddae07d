import Fastify from 'fastify';
import { acceptEmptyJsonBody } from './empty-json-body';

describe('acceptEmptyJsonBody', () => {
  const app = Fastify();
  acceptEmptyJsonBody(app);
  // As Nest does when the app initialises: its own parser for JSON.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string' },
    app.getDefaultJsonParser('error', 'error'),
  );
  app.delete('/carts/:id', async (request) => ({ body: request.body ?? null }));
  app.post('/echo', async (request) => ({ body: request.body ?? null }));
  afterAll(() => app.close());

  it('lets a DELETE with a JSON content type and no body through with no body', async () => {
    const res = await app.inject({
      method: 'DELETE',
      url: '/carts/c1',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ body: null });
  });

  it('lets a POST with Content-Length 0 through', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/echo',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      payload: '',
    });
    expect(res.statusCode).toBe(200);
  });

  it('still parses a JSON body and still refuses invalid JSON and prototype poisoning', async () => {
    const ok = await app.inject({
      method: 'POST',
      url: '/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"a":1}',
    });
    expect(ok.json()).toEqual({ body: { a: 1 } });
    const bad = await app.inject({
      method: 'POST',
      url: '/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"a":',
    });
    expect(bad.statusCode).toBe(400);
    const poisoned = await app.inject({
      method: 'POST',
      url: '/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"__proto__":{"x":1}}',
    });
    expect(poisoned.statusCode).toBe(400);
  });
});
