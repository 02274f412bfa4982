import { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Rancher serves its dashboard only under `/dashboard/`; any other path a browser asks for, that is not an API
 * path, gets Rancher's older (Ember) UI instead (Rancher's `emberIndexUnlessAPI`: a browser request, by its Accept
 * header, gets that UI's index page; an API client a 404). The simulator answers such paths with a stand-in page,
 * so a link of ours that leaves `/dashboard/` lands somewhere a test can recognise instead of in the dashboard.
 */
export const OLDER_UI_TESTID = 'rancher-older-ui';

/** The request is a page load of a browser (it accepts HTML), not an API call. */
export function isBrowserNavigation(req: IncomingMessage): boolean {
  return req.method === 'GET' && String(req.headers.accept ?? '').includes('text/html');
}

export function sendOlderUi(res: ServerResponse, path: string): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
  res.end(`<!DOCTYPE html><html><head><title>Rancher (older UI)</title></head><body>
<main data-testid="${ OLDER_UI_TESTID }"><h1>Rancher's older UI</h1>
<p>Stand-in for the page Rancher serves outside /dashboard/: ${ path.replace(/[<>&"]/g, '') }</p></main></body></html>`);
}
