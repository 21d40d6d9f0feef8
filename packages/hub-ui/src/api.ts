/** A failed API call, with the hub's stable error code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let csrfToken = '';

/** Remembers the CSRF token the hub gave at sign-in; every change sends it back. */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Calls the hub's admin API (same origin, session cookie) and returns the JSON body. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/api/admin${path}`, {
    method,
    credentials: 'same-origin',
    headers: {
      ...(method !== 'GET' && { 'x-csrf-token': csrfToken }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (response.status === 204) return undefined as T;
  const json = (await response.json().catch(() => ({}))) as {
    error?: { code: string; message: string };
  };
  if (!response.ok) {
    throw new ApiError(response.status, json.error?.code ?? 'http', json.error?.message ?? '');
  }
  return json as T;
}
