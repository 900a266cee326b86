import { GraphHttpError } from '../errors';
import type { Ctx } from '../http';
import type { SiteRow } from '../lists/sites';
import { accessDenied, badQuery, SpError } from './odataJson';
import { EMPTY_MASK } from './roleDefinitions';
import { WEB } from './scopeTree';
import { type RestAnswer, RestContext, type RestRequest, ok } from './rest/context';
import { contextInfo, webEntity } from './rest/entities';
import { finishLists, stepLists } from './rest/listRoutes';
import { invalidHere, type Node, type Step } from './rest/nodes';
import { finishPermissions, stepPermissions, stepSecurable } from './rest/permissionRoutes';
import { finishPrincipals, stepPrincipals } from './rest/principalRoutes';
import { Args, type Segment, splitSegments } from './rest/url';

/**
 * SharePoint REST (`/_api/...` below a site's path) for what Graph v1.0 has no API for: principals, role
 * definitions, role assignments and inheritance, list settings, folders and items created in folders.
 * URL forms, verbs, JSON shapes and error bodies as SharePoint Online has them (see devServer/README.md).
 *
 * The router: it walks the path's segments from the web to what they address (`step`) and answers the
 * verb there (`finish`), asking each family of routes in rest/ in turn: the members of every securable and
 * role assignments (permissionRoutes.ts), users and groups (principalRoutes.ts), lists, items and folders
 * (listRoutes.ts). The request is rest/context.ts, what a path addresses rest/nodes.ts, URL parsing
 * rest/url.ts, how SharePoint shows things rest/entities.ts.
 */

export function handleRest(ctx: Ctx, site: SiteRow, req: RestRequest, origin: string): RestAnswer {
  const rc = new RestContext(ctx, site, req, origin);
  let path: string;
  try {
    path = decodeURIComponent(req.apiPath);
  } catch {
    throw badQuery(`The expression "${req.apiPath}" is not valid.`);
  }
  const segs = splitSegments(path);
  if (!segs.length) throw badQuery('The expression "" is not valid.');
  const first = segs[0].name;
  if (first === '$batch') {
    throw new SpError(
      501,
      '-1, System.NotImplementedException',
      'The local server does not implement $batch on _api; send the requests one by one.',
    );
  }
  if (rc.mask(WEB) === EMPTY_MASK) throw accessDenied();
  if (first === 'contextinfo') {
    if (rc.verb !== 'POST') throw badQuery('The HTTP method GET cannot be used for contextinfo; use POST.');
    return ok(rc.render.complex('GetContextWebInformation', 'SP.ContextWebInformation', contextInfo(rc)));
  }
  if (first !== 'web' || segs[0].args !== undefined) throw badQuery(`The expression "${path}" is not valid.`);
  let node: Node = { k: 'web' };
  for (let i = 1; i < segs.length; i++) {
    const seg = segs[i];
    const last = i === segs.length - 1;
    const stepped = step(rc, node, seg, last);
    if ('status' in stepped) {
      if (!last) throw badQuery(`The expression "${path}" is not valid.`);
      return stepped;
    }
    node = stepped;
  }
  return finish(rc, node);
}

/** One segment from `node`: a securable's own members first, then the family the node belongs to. */
function step(rc: RestContext, node: Node, seg: Segment, last: boolean): Node | RestAnswer {
  const s: Step = { rc, node, seg, args: new Args(seg.args, rc.aliases), last };
  const stepped = stepSecurable(s) ?? stepPrincipals(s) ?? stepPermissions(s) ?? stepLists(s);
  if (!stepped) throw invalidHere(s);
  return stepped;
}

/** The verb on the node the path reached. */
function finish(rc: RestContext, node: Node): RestAnswer {
  if (node.k === 'web' && rc.verb === 'GET') return ok(rc.render.entity(webEntity(rc)));
  const answer = finishPrincipals(rc, node) ?? finishPermissions(rc, node) ?? finishLists(rc, node);
  if (answer) return answer;
  throw badQuery(`The HTTP method '${rc.verb}' is not supported for this resource.`);
}

/** SharePoint's 401 when the bearer token is missing or not valid. */
export function unauthorized(e: unknown): SpError {
  const message = e instanceof GraphHttpError ? e.message : 'Invalid token.';
  return new SpError(401, '-2147024891, System.UnauthorizedAccessException', message, {
    'WWW-Authenticate': 'Bearer realm="kommune", client_id="00000003-0000-0ff1-ce00-000000000000"',
  });
}
