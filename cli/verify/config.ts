import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { readConfig } from '../../src/config';
import { deviceCodeSignIn, sharePointScope } from '../deviceCode';
import {
  makePerson,
  personOf,
  ROLES,
  type Person,
  type RequestRecord,
  type Role,
  type Target,
} from './target';

/**
 * `verify.config.json` (example: verify.config.example.json): the tenant's site and five to seven TEST accounts
 * by role (`secretary2` and `owner`, a site owner for two of the probes, are optional). Each person signs in once by device code (the add-in's own app registration); the tokens, one for
 * Graph and one for SharePoint itself, are kept in memory only.
 */
const ConfigSchema = z.object({
  site: z
    .string()
    .regex(/^[^:/]+\.sharepoint\.com:\/.+/, 'site er fx "contoso.sharepoint.com:/sites/moeder-test"'),
  clientId: z.string().min(1),
  tenantId: z.string().min(1),
  people: z
    .object(
      Object.fromEntries(ROLES.map((r) => [r, z.string().email().optional()])) as Record<
        Role,
        z.ZodOptional<z.ZodString>
      >,
    )
    .refine((p) => p.organizer && p.referent && p.attendee && p.guest && p.outsider, {
      message:
        'organizer, referent, attendee, guest og outsider skal være angivet (secretary2 og owner er valgfri)',
    }),
});
export type VerifyConfig = z.infer<typeof ConfigSchema>;

export function readVerifyConfig(file: string): VerifyConfig {
  const parsed = ConfigSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}

export function tenantTarget(config: VerifyConfig, prompt: (m: string) => void): Target {
  const app = readConfig({ GRAPH_MODE: 'tenant', SHAREPOINT_SITE: config.site });
  const requests: RequestRecord[] = [];
  const people: Partial<Record<Role, Person>> = {};
  for (const role of ROLES) {
    const upn = config.people[role];
    if (!upn) continue;
    const signIn = deviceCodeSignIn({
      clientId: config.clientId,
      tenantId: config.tenantId,
      prompt: (m) => prompt(`[${role}: ${upn}] ${m}`),
    });
    people[role] = makePerson(
      {
        role,
        upn,
        name: upn,
        tokens: {
          // A Graph token never goes to SharePoint REST: /_api gets a token for the SharePoint resource.
          getToken: (scopes) =>
            signIn.token(
              scopes.some((s) => s.startsWith(`https://${config.site.split(':')[0]}`))
                ? [sharePointScope(config.site)]
                : ['https://graph.microsoft.com/.default'],
            ),
          account: async () => ({ upn, name: upn }),
          signOut: async () => undefined,
        },
      },
      app,
      requests,
    );
  }
  return {
    graphBase: app.graphBaseUrl,
    site: config.site,
    sitePath: config.site.split(':')[1],
    variants: [],
    people,
    person: personOf(people),
    requests,
    close: async () => undefined,
  };
}
