import { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { ApiError, Obj } from './types';

/** Every response carries the header the shell reads to decide whether the user is logged in. */
export function sendJson(res: ServerResponse, status: number, body: unknown, authed: boolean, headers: Record<string, string> = {}): void {
  // 204 No Content has no body (Harvester's actions answer so).
  const text = status === 204 ? '' : JSON.stringify(body);

  res.writeHead(status, {
    'content-type':      'application/json',
    'cache-control':     'no-cache, no-store, must-revalidate',
    'x-api-cattle-auth': authed ? 'true' : 'false',
    ...headers,
  });
  res.end(text);
}

/** Steve's error envelope. */
export function steveError(error: ApiError): Obj {
  return {
    type: 'error', links: {}, code: error.code, message: error.message, status: error.status
  };
}

export async function readJson(req: IncomingMessage): Promise<Obj> {
  const chunks: Buffer[] = [];

  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');

  if (!text.trim()) {
    return {};
  }
  try {
    // The shell's YAML editor saves with `content-type: application/yaml`.
    const parsed = (String(req.headers['content-type']).includes('yaml') ? parseYaml(text) : JSON.parse(text)) as unknown;

    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return parsed as Obj;
    }
  } catch {
    // fall through to the error below
  }
  throw new ApiError(400, 'BadRequest', 'request body must be a JSON object');
}

/** The absolute origin the browser sees: the dev proxy sets `x-forwarded-proto` and `x-api-host`. */
export function originOf(req: IncomingMessage): string {
  const proto = (req.headers['x-forwarded-proto'] as string | undefined) ?? 'http';
  const host = (req.headers['x-api-host'] as string | undefined) ?? req.headers.host ?? '127.0.0.1';

  return `${ proto }://${ host }`;
}
