/**
 * JSON a test parsed (an HTTP response, a channel's request, an outbox entry),
 * read field by field. Untyped on purpose and only here: a test names the
 * fields it asserts on and a wrong one fails that assertion, so a type per
 * fixture would check nothing more. Tests, benches and scripts only.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the one untyped JSON of the tests (see above)
export type Json = any;
