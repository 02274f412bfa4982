/**
 * The one request layer: every read and write of ours goes through the shell store's `request` (Rancher's proxy,
 * the user's session) with a deadline. The deadline is handed to the transport (the shell passes request options to
 * axios, whose `timeout` ends the request), and also enforced here, so no caller waits longer than asked whatever
 * the transport does. Failures come back as one error type.
 */

/** The shell store's `cluster/request` or `management/request` (rejects with `_status` and the server's message). */
export type RequestFn = (options: { url: string; method: string; data?: unknown; timeout?: number }) => Promise<unknown>;

/** A failed request: the HTTP status (0: no answer, none: a network error) and the server's message. */
export interface RequestError {
  status?: number;
  message: string;
  /** No answer within this deadline (ms): the request was ended. */
  timeoutMs?: number;
}

export type Answer<T> = { ok: true; body: T } | { ok: false; error: RequestError };

/** Any rejection (the shell's `{ _status, message }`, an Error, a string) as a RequestError. */
export function requestError(err: unknown): RequestError {
  const e = (err && typeof err === 'object' ? err : { message: String(err) }) as { _status?: number; message?: string; data?: unknown };

  // A plain-text answer (Harvester's own API writes its refusals so) reaches us as the shell's `{ data: <text> }`.
  return { status: e._status, message: e.message || (typeof e.data === 'string' ? e.data : '') };
}

/**
 * Sends the request with a deadline of `ms`. A late answer or rejection after the deadline is dropped: the caller
 * has its answer already (`timeoutMs`), and never gets a second one.
 */
export async function send<T>(request: RequestFn, options: { url: string; method: string; data?: unknown }, ms: number): Promise<Answer<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<Answer<T>>((resolve) => {
    timer = setTimeout(() => resolve({
      ok:    false,
      error: {
        status: 0, message: `no answer within ${ ms / 1000 } s`, timeoutMs: ms
      }
    }), ms);
  });
  const work = request({ ...options, timeout: ms }).then(
    (body) => ({ ok: true, body: body as T }) as Answer<T>,
    (err) => ({ ok: false, error: requestError(err) }) as Answer<T>,
  );

  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
