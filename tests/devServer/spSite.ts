import { type GraphServer } from '../../devServer/server';
import { startDemoServer } from '../../demo/server';
import { parseSpVariants } from '../../devServer/variants';
import { caller, devToken, type Caller } from './target';

/**
 * A local server with only the tenant's people and site (`seed: none`) under the given SharePoint readings
 * (by default those of SP_VARIANTS, as the rights suite's two runs set them), and raw Graph and SharePoint
 * REST callers per person, for tests of the server's SharePoint emulation.
 */
export const GRAPH_SITE = '/sites/kommune.sharepoint.com:/sites/moeder:';
export const upn = (name: string) => `${name}@kommune.example`;
export const login = (name: string) => `i:0#.f|membership|${upn(name)}`;
export const ROLE = { read: 1073741826, contribute: 1073741827, design: 1073741828, full: 1073741829 };

export interface SpSite {
  server: GraphServer;
  graph(name: string): Promise<Caller>;
  rest(name: string): Promise<Caller>;
  /** A fresh list made by Ingrid (a site owner) with a text column `MeetingKey`. */
  list(displayName?: string): Promise<SpList>;
  /** The principal id of a person (ensured on the site). */
  principal(name: string): Promise<number>;
  close(): Promise<void>;
}

export interface SpList {
  name: string;
  id: string;
  url: string;
  rest: string;
}

let lists = 0;

export async function spSite(variants = process.env.SP_VARIANTS ?? ''): Promise<SpSite> {
  const server = await startDemoServer({
    port: 0,
    db: ':memory:',
    seed: 'none',
    spVariants: parseSpVariants(variants),
  });
  const graph = async (name: string) => caller(server.url, await devToken(server.origin, upn(name)));
  const rest = async (name: string): Promise<Caller> => {
    const c = caller(`${server.origin}/sites/moeder/_api`, await devToken(server.origin, upn(name)));
    return (path, init = {}) =>
      c(path, { ...init, headers: { Accept: 'application/json;odata=nometadata', ...init.headers } });
  };
  const ingrid = await graph('ingrid');
  const ingridSp = await rest('ingrid');
  return {
    server,
    graph,
    rest,
    async list(displayName = `Variant${++lists}`) {
      const made = await ingrid(`${GRAPH_SITE}/lists`, {
        method: 'POST',
        body: { displayName, list: { template: 'genericList' }, columns: [{ name: 'MeetingKey', text: {} }] },
      });
      if (made.status !== 201) throw new Error(`list: ${made.status} ${JSON.stringify(made.body)}`);
      const name = displayName.replace(/[^A-Za-z0-9]/g, '');
      return {
        name,
        id: made.body.id,
        url: `/sites/moeder/Lists/${name}`,
        rest: `web/lists/getbytitle('${displayName}')`,
      };
    },
    async principal(name) {
      const res = await ingridSp('web/ensureuser', { method: 'POST', body: { logonName: login(name) } });
      return res.body.Id;
    },
    close: () => server.close(),
  };
}

/** AddValidateUpdateItemUsingPath: a row (or, with `folder`, a folder of that name) in `dir`. */
export function addValidate(
  who: Caller,
  list: SpList,
  dir: string,
  values: Record<string, string>,
  folder?: string,
) {
  return who(`${list.rest}/AddValidateUpdateItemUsingPath()`, {
    method: 'POST',
    body: {
      listItemCreateInfo: {
        FolderPath: { DecodedUrl: dir },
        ...(folder ? { UnderlyingObjectType: 1, LeafName: { DecodedUrl: folder } } : {}),
      },
      formValues: Object.entries(values).map(([FieldName, FieldValue]) => ({ FieldName, FieldValue })),
      bNewDocumentUpdate: false,
    },
  });
}

/** The new row's id: the value of the entry named `Id`. */
export const idEntry = (res: { body: { value: Array<{ FieldName: string; FieldValue: string }> } }) =>
  Number(res.body.value.find((v) => v.FieldName === 'Id')?.FieldValue);
