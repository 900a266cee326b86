import type { ListDoc } from '../../lists/lists';
import type { ItemRow } from '../../lists/rows';
import { badQuery } from '../odataJson';
import type { PrincipalRow } from '../principals';
import type { RoleDefinition } from '../roleDefinitions';
import { itemKey, listKey, WEB, type ScopeKey } from '../scopeTree';
import type { RestAnswer, RestContext } from './context';
import type { Args, Segment } from './url';

/*
 * What a path addresses (a node), and one step of the walk from the web to it: the segment taken, its
 * arguments, and whether it is the last. Each family of routes (./permissionRoutes.ts, ./principalRoutes.ts,
 * ./listRoutes.ts) steps from the nodes it knows and answers the verb on them; restRoutes.ts asks each in turn.
 */

export type Node =
  | { k: 'web' }
  | { k: 'siteusers' }
  | { k: 'user'; p: PrincipalRow }
  | { k: 'roledefs' }
  | { k: 'roledef'; r: RoleDefinition }
  | { k: 'groups' }
  | { k: 'group'; p: PrincipalRow }
  | { k: 'groupusers'; g: PrincipalRow }
  | { k: 'lists' }
  | { k: 'list'; list: ListDoc }
  | { k: 'items'; list: ListDoc }
  | { k: 'item'; list: ListDoc; row: ItemRow }
  | { k: 'folder'; list: ListDoc; row?: ItemRow }
  | { k: 'roleassignments'; key: ScopeKey; uri: string }
  | { k: 'roleassignment'; key: ScopeKey; principalId: number; uri: string }
  | { k: 'bindings'; key: ScopeKey; principalId: number; uri: string }
  | { k: 'member'; key: ScopeKey; principalId: number };

/** A step's answer: the next node, an answer (an action such as breakroleinheritance), or not this family's. */
export type Stepped = Node | RestAnswer | undefined;

export interface Step {
  rc: RestContext;
  node: Node;
  seg: Segment;
  args: Args;
  last: boolean;
}

/** SharePoint's 400 for a segment that does not apply where it stands. */
export const invalidHere = (s: Step) => badQuery(`The expression "${s.seg.name}" is not valid here.`);

/** An action segment takes POST only. */
export function requirePost(s: Step) {
  if (s.rc.verb !== 'POST')
    throw badQuery(`The HTTP method '${s.rc.verb}' cannot be used for '${s.seg.name}'.`);
}

export const securableOf = (n: Node): ScopeKey | undefined =>
  n.k === 'web'
    ? WEB
    : n.k === 'list'
      ? listKey(n.list.id)
      : n.k === 'item'
        ? itemKey(n.list.id, n.row.id)
        : undefined;

export const securableUri = (rc: RestContext, n: Node): string =>
  n.k === 'list'
    ? `${rc.apiUrl}/Web/Lists(guid'${n.list.id}')`
    : n.k === 'item'
      ? `${rc.apiUrl}/Web/Lists(guid'${n.list.id}')/Items(${n.row.id})`
      : `${rc.apiUrl}/Web`;
