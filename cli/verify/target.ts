import type { AppDeps } from '../../src/app/deps';
import { backoffMs } from '../../src/app/retryTransient';
import type { AppConfig } from '../../src/config';
import { createNodeStack } from '../../src/entries/nodeStack';
import type { TokenProvider } from '../../src/ports/TokenProvider';

/**
 * What the verification kit runs against (issue 23): a Graph endpoint and SharePoint site, and for each test
 * person a token provider. The same target is a real tenant (device-code tokens, cli/verify/config.ts) or the
 * local server (dev tokens, cli/verify/local.ts). Attacks reach it only through `Person.graph`/`Person.sp`,
 * raw requests with that person's own token; a scene is set through `Person.deps`, the add-in's use cases.
 * `owner` (optional) is a site owner who is no site collection administrator: only the probes of group
 * defaults and of where Override List Behaviors is checked need one (cli/verify/attacks/probes.ts).
 */
export const ROLES = [
  'organizer',
  'secretary2',
  'referent',
  'attendee',
  'guest',
  'outsider',
  'owner',
] as const;
export type Role = (typeof ROLES)[number];

export interface Reply {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Headers;
}
export type Caller = (
  path: string,
  init?: { method?: string; body?: unknown; raw?: Uint8Array<ArrayBuffer>; headers?: Record<string, string> },
) => Promise<Reply>;

/** One request the kit made, for the report: who, what, and what Microsoft answered (status + short body). */
export interface RequestRecord {
  as: Role;
  method: string;
  url: string;
  status: number;
  answer: string;
}

export interface Person {
  role: Role;
  upn: string;
  name: string;
  graph: Caller;
  /** SharePoint REST below the site's `_api`: `sp("/web/lists/getbytitle('X')/items")`. */
  sp: Caller;
  deps: AppDeps;
  /** Graph requests the person's use cases made (the add-in's own client chain counts them). */
  useCaseRequests(): number;
}

export interface Target {
  /** e.g. https://graph.microsoft.com/v1.0 */
  graphBase: string;
  /** `contoso.sharepoint.com:/sites/moeder` */
  site: string;
  /** The site's server-relative path, `/sites/moeder`. */
  sitePath: string;
  /** The server switches the target runs under (local only; a tenant is what it is). */
  variants: string[];
  people: Partial<Record<Role, Person>>;
  person(role: Role): Person;
  /** Every raw request so far, in order; attacks slice it to report their own. */
  requests: RequestRecord[];
  close(): Promise<void>;
}

export interface PersonSpec {
  role: Role;
  upn: string;
  name: string;
  tokens: TokenProvider;
}

const SHORT = 300;

/**
 * A caller that sends one request at a time for its person (SharePoint's throttling is per user) and, when
 * answered 429 or 503, waits as long as Retry-After says (the project's one back-off rule, backoffMs) and
 * tries again, at most `tries` times. Every attempt is recorded.
 */
export function throttledCaller(
  root: string,
  token: () => Promise<string>,
  as: Role,
  log: RequestRecord[],
  options: { tries?: number; wait?: (ms: number) => Promise<void>; accept?: string } = {},
): Caller {
  const tries = options.tries ?? 4;
  const wait = options.wait ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let queue: Promise<unknown> = Promise.resolve();
  const once = async (path: string, init: Parameters<Caller>[1] = {}): Promise<Reply> => {
    const url = path.startsWith('http') ? path : `${root}${path}`;
    const method = init.method ?? 'GET';
    for (let attempt = 1; ; attempt++) {
      const res = await fetch(url, {
        method,
        headers: {
          Authorization: `Bearer ${await token()}`,
          ...(options.accept ? { Accept: options.accept } : {}),
          ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...init.headers,
        },
        // A file's bytes (a bilag's upload) go as they are; anything else as JSON.
        body: init.raw
          ? new Blob([init.raw])
          : init.body === undefined
            ? undefined
            : JSON.stringify(init.body),
      });
      const text = await res.text();
      log.push({ as, method, url, status: res.status, answer: text.slice(0, SHORT) });
      if ((res.status === 429 || res.status === 503) && attempt < tries) {
        const seconds = Number(res.headers.get('Retry-After'));
        await wait(backoffMs(attempt, 1000, 60000, Number.isFinite(seconds) ? seconds * 1000 : 0));
        continue;
      }
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        /* not JSON: kept as text */
      }
      return { status: res.status, body, headers: res.headers };
    }
  };
  return (path, init) => {
    const next = queue.then(() => once(path, init));
    queue = next.catch(() => undefined);
    return next;
  };
}

/** A person of the target: raw Graph and SharePoint REST callers and the add-in's use-case dependencies. */
export function makePerson(
  spec: PersonSpec,
  config: Pick<AppConfig, 'graphBaseUrl' | 'sharePointSite' | 'sharePointUrl' | 'sharePointScopes'>,
  log: RequestRecord[],
): Person {
  const graphToken = () => spec.tokens.getToken(['https://graph.microsoft.com/.default']);
  const spToken = () => spec.tokens.getToken(config.sharePointScopes);
  const stack = createNodeStack({ config, tokens: spec.tokens, me: { upn: spec.upn, name: spec.name } });
  return {
    role: spec.role,
    upn: spec.upn,
    name: spec.name,
    graph: throttledCaller(config.graphBaseUrl, graphToken, spec.role, log),
    sp: throttledCaller(`${config.sharePointUrl}/_api`, spToken, spec.role, log, {
      accept: 'application/json;odata=nometadata',
    }),
    deps: stack.deps,
    useCaseRequests: () => stack.graph.counter.count,
  };
}

export function personOf(people: Partial<Record<Role, Person>>) {
  return (role: Role): Person => {
    const p = people[role];
    if (!p) throw new Error(`Ingen testperson med rollen ${role} i konfigurationen.`);
    return p;
  };
}
