import type { CommitteeSettings } from '../../src/domain/committee/types';
import { secretariatFolderName } from '../../src/domain/meetingScopes';
import { meetingPlace } from '../../src/domain/trust/place';
import { type GraphServer } from '../../devServer/server';
import { parseSpVariants, type SpVariants } from '../../devServer/variants';
import { startDemoServer } from '../../demo/server';
import { readConfig } from '../../src/config';
import type { AppDeps } from '../../src/app/deps';
import { createNodeStack } from '../../src/entries/nodeStack';
import { DevTokenProvider } from '../../src/adapters/auth/devTokenProvider';
import { caller, devToken, type Caller } from '../devServer/target';

/**
 * The demo tenant as an attacker meets it: the local server seeded by the add-in's own use cases, and
 * for each person raw Graph and SharePoint REST callers with only that person's token — never the
 * add-in's code, so what these tests prove is what SharePoint's permissions hold.
 */
export const SITE = 'kommune.sharepoint.com:/sites/moeder';
export const SITE_PATH = '/sites/moeder';
export const LISTS_PATH = `/sites/${SITE}:/lists`;
export const upn = (name: string) => `${name}@kommune.example`;
/**
 * Where a demo meeting's folders are below each list's root: inside its organizer's secretariat (every demo
 * meeting is Sofie's; docs/adr/004-permissions.md, "Secretaries").
 */
export const placeOfMeeting = (key: string, organizer = 'sofie') =>
  meetingPlace(key, secretariatFolderName(upn(organizer)));

/** The committee the committee rights tests make of the demo meeting: three members, one per party. */
export const DEMO_COMMITTEE: CommitteeSettings = {
  kind: 'Udvalgsmøde',
  committeeName: 'Social- og Beskæftigelsesudvalget',
  members: [
    { person: { upn: upn('anders'), name: 'Anders Lund' }, party: 'A' },
    { person: { upn: upn('erik'), name: 'Erik Kaastrup-Hansen' }, party: 'V' },
    { person: { upn: upn('louise'), name: 'Louise Rohde' }, party: 'Ø' },
  ],
  agendaDeadlineWorkingDays: 4,
};

export interface Person {
  graph: Caller;
  /** SharePoint REST below the site: `sp('/web/lists/getbytitle('X')/items')`. */
  sp: Caller;
  upn: string;
}

export interface Tenant {
  server: GraphServer;
  as(name: string): Promise<Person>;
  /** The add-in's use-case dependencies for a person (to set a scene as a real user would). */
  deps(name: string): AppDeps;
  /** The demo meetings' keys: the past one (with decisions) and the upcoming one. */
  past: string;
  next: string;
  close(): Promise<void>;
}

/**
 * The readings of undocumented SharePoint behaviour the tenant runs with: none (the server's defaults) in
 * the `unit` run, every variant in the `security-adversarial` run (`SP_VARIANTS=all`, jest.config.js).
 */
export const tenantVariants = (): SpVariants => parseSpVariants(process.env.SP_VARIANTS);

export async function demoTenant(): Promise<Tenant> {
  const server = await startDemoServer({
    port: 0,
    db: ':memory:',
    seed: 'demo',
    seedRandom: 1,
    spVariants: tenantVariants(),
  });
  const people = new Map<string, Person>();
  const as = async (name: string): Promise<Person> => {
    const known = people.get(name);
    if (known) return known;
    const token = await devToken(server.origin, upn(name));
    const graph = caller(server.url, token);
    const rest = caller(`${server.origin}${SITE_PATH}/_api`, token);
    const sp: Caller = (path, init = {}) =>
      rest(path, {
        ...init,
        headers: { Accept: 'application/json;odata=nometadata', ...(init.headers ?? {}) },
      });
    const person = { graph, sp, upn: upn(name) };
    people.set(name, person);
    return person;
  };
  const config = readConfig({ GRAPH_BASE_URL: server.url, SHAREPOINT_SITE: SITE });
  const deps = (name: string) =>
    createNodeStack({
      config,
      tokens: new DevTokenProvider(server.origin, upn(name)),
      me: { upn: upn(name), name },
    }).deps;
  const sofie = await as('sofie');
  const rows = await sofie.graph(`${LISTS_PATH}/Meetings/items?$expand=fields($select=MeetingKey,Start)`);
  const meetings = (rows.body.value as Array<{ fields: { MeetingKey: string; Start: string } }>)
    .map((r) => r.fields)
    .sort((a, b) => a.Start.localeCompare(b.Start));
  return {
    server,
    as,
    deps,
    past: meetings[0].MeetingKey,
    next: meetings[1].MeetingKey,
    close: () => server.close(),
  };
}

/** Items of a list as a person sees them through Graph, with their fields. */
export async function itemsOf(
  person: Person,
  list: string,
  key?: string,
): Promise<Array<{ id: string; fields: Record<string, unknown> }>> {
  const filter = key ? `&$filter=fields/MeetingKey eq '${encodeURIComponent(key)}'` : '';
  const res = await person.graph(`${LISTS_PATH}/${list}/items?$expand=fields${filter}&$top=500`);
  if (res.status === 403) return [];
  if (res.status !== 200) throw new Error(`${list}: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body.value as Array<{ id: string; fields: Record<string, unknown> }>).filter(
    (r) => r.fields.ContentType !== 'Folder',
  );
}
