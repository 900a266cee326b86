import { DevTokenProvider } from '../../src/adapters/auth/devTokenProvider';
import { readConfig } from '../../src/config';
import { parseSpVariants } from '../../devServer/variants';
import { DEMO_SITE, demoName, demoUpn } from '../../devServer/tenant';
import { startDemoServer } from '../../demo/server';
import { makePerson, personOf, type Person, type RequestRecord, type Role, type Target } from './target';

/**
 * `--local`: a fresh local server (in memory, the demo tenant's people and the add-in's lists, no meetings)
 * under the given SharePoint variants, with a dev token per person. IT (Ingrid, the site's owner) has
 * provisioned the lists and the secretariats of Sofie (the organizer) and Birgitte (the second
 * secretary), as docs/tenant-setup.md has IT do on a tenant. Ingrid is also the optional `owner` test person.
 */
const LOCAL_PEOPLE: Partial<Record<Role, string>> = {
  organizer: 'sofie',
  referent: 'mads',
  attendee: 'anders',
  guest: 'kamilla',
  outsider: 'peter',
  secretary2: 'birgitte',
  owner: 'ingrid',
};

export async function localTarget(variants: string | undefined): Promise<Target> {
  const spVariants = parseSpVariants(variants);
  const server = await startDemoServer({ port: 0, db: ':memory:', seed: 'none', spVariants });
  const site = `${DEMO_SITE.hostname}:${DEMO_SITE.path}`;
  const config = readConfig({ GRAPH_BASE_URL: server.url, SHAREPOINT_SITE: site });
  const it = makePerson(
    {
      role: 'organizer',
      upn: demoUpn('ingrid'),
      name: demoName('ingrid'),
      tokens: new DevTokenProvider(server.origin, demoUpn('ingrid')),
    },
    config,
    [],
  );
  await it.deps.lists.ensureProvisioned();
  await it.deps.lists.provisionSecretariats([demoUpn('sofie'), demoUpn('birgitte')]);
  const requests: RequestRecord[] = [];
  const people: Partial<Record<Role, Person>> = {};
  for (const [role, name] of Object.entries(LOCAL_PEOPLE) as Array<[Role, string]>)
    people[role] = makePerson(
      {
        role,
        upn: demoUpn(name),
        name: demoName(name),
        tokens: new DevTokenProvider(server.origin, demoUpn(name)),
      },
      config,
      requests,
    );
  return {
    graphBase: server.url,
    site,
    sitePath: DEMO_SITE.path,
    variants: [...spVariants].sort(),
    people,
    person: personOf(people),
    requests,
    close: () => server.close(),
  };
}
