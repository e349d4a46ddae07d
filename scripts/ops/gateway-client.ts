/** Thrown for an HTTP answer the command cannot use; `status` lets a command explain a 404 or 403. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** One JSON call to the public API (the gateway), as any client makes it. */
export async function callApi<T>(
  baseUrl: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(baseUrl.replace(/\/+$/, '') + path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok)
    throw new HttpError(response.status, `${method} ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}
