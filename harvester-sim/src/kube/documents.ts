import { ApiError, Obj } from '../types';
import {
  AGGREGATED, aggregated, apiGroupList, apiGroupOf, apiResourceList, apiVersions, wantsAggregated
} from './discovery';
import { openApiV2, openApiV3Document, openApiV3Root } from './openapi';
import { KubePath } from './paths';
import { KubeCall, send } from './respond';

/** `/openapi/v2` and `/openapi/v3[/<group version>]`, which kubectl reads before it writes. */
function openApi(call: KubeCall): boolean {
  const {
    api, path, req, res
  } = call;

  if (path === '/openapi/v2') {
    const { body, contentType } = openApiV2(api, req.headers.accept);

    res.writeHead(200, { 'content-type': contentType });
    res.end(body);

    return true;
  }
  if (path !== '/openapi/v3' && !path.startsWith('/openapi/v3/')) {
    return false;
  }
  const body = path === '/openapi/v3' ? openApiV3Root(api) : openApiV3Document(api, path.slice('/openapi/v3/'.length));

  if (!body) {
    throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
  }
  send(res, 200, body);

  return true;
}

/** Discovery (`/api`, `/apis`, group and resource lists) and OpenAPI; false when the path is a resource's. */
export function serveDocuments(call: KubeCall, path: KubePath | undefined): boolean {
  return openApi(call) || (!!path && discovery(call, path));
}

function discovery(call: KubeCall, path: KubePath): boolean {
  const { api, req, res } = call;
  const aggregate = wantsAggregated(req.headers.accept);
  let body: Obj | undefined;

  if (path.kind === 'versions' || path.kind === 'groups') {
    if (aggregate) {
      send(res, 200, aggregated(api, path.kind === 'versions'), AGGREGATED);

      return true;
    }
    body = path.kind === 'versions' ? apiVersions(String(req.headers.host ?? '127.0.0.1')) : apiGroupList(api);
  } else if (path.kind === 'group') {
    body = apiGroupOf(api, path.group);
  } else if (path.kind === 'resources') {
    body = apiResourceList(api, path.group, path.version);
  } else {
    return false;
  }
  if (!body) {
    throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
  }
  send(res, 200, body);

  return true;
}
