import { ATTACKS } from './attacks';
import { runAttack, type CheckResult, type Phase } from './attack';
import { memberSigns, openSigning, playCommittee } from './committee';
import { readVerifyConfig, tenantTarget } from './config';
import { localTarget } from './local';
import type { VerifyReport } from './report';
import { approve, cleanUp, createSeries, newScene, playMeeting, siteGroups, type Scene } from './scene';
import type { Target } from './target';

export interface VerifyOptions {
  /** Start a fresh local server (otherwise `config` names the tenant and its test accounts). */
  local?: boolean;
  /** `--variants`: the local server's SharePoint variants (`all`, or names). */
  variants?: string;
  /** `--config`: verify.config.json. */
  config?: string;
  /** Where device-code messages go (stderr). */
  prompt?: (message: string) => void;
  /** Called after the meeting is played, before the attacks (tests: leave a permission open). */
  beforeAttacks?: (t: Target, scene: Scene) => Promise<void>;
  /** Called after cleanup, before a local server closes (tests: look for anything left behind). */
  afterCleanup?: (t: Target, scene: Partial<Scene>) => Promise<void>;
  now?: Date;
}

const describe = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Plays a meeting through the add-in's use cases in a test series of its own, runs every attack as the
 * right person, observes undocumented behaviour, and always removes what it created.
 */
export async function runVerify(options: VerifyOptions): Promise<VerifyReport> {
  if (!options.local && !options.config)
    throw new Error(
      'verify:tenant kører kun med --local eller --config verify.config.json (se docs/tenant-setup.md).',
    );
  const t = options.local
    ? await localTarget(options.variants)
    : tenantTarget(readVerifyConfig(options.config!), options.prompt ?? ((m) => process.stderr.write(m)));
  const checks: CheckResult[] = [];
  const observed: Record<string, unknown> = {};
  const observe = (name: string, value: unknown) => (observed[name] = value);
  const step = async (name: string, run: () => Promise<void>) => {
    const from = t.requests.length;
    try {
      await run();
      checks.push({ name, as: 'organizer', ok: true, detail: 'udført', requests: t.requests.slice(from) });
      return true;
    } catch (e) {
      checks.push({
        name,
        as: 'organizer',
        ok: false,
        detail: describe(e),
        requests: t.requests.slice(from),
      });
      return false;
    }
  };
  let scene: Partial<Scene> = {};
  let leftBehind: string[];
  try {
    const groupsBefore = await siteGroups(t);
    let series: Awaited<ReturnType<typeof createSeries>> | undefined;
    const created = await step('Testserien oprettes i arrangørens kalender', async () => {
      series = await createSeries(t, options.now ?? new Date());
      scene = { ...series, groupsBefore };
    });
    if (created && series) {
      const full = newScene(t, series, groupsBefore);
      scene = full;
      const played = await step(
        'Mødet spilles igennem: dagsorden (åbent, lukket og gæstepunkt), referent, afbud med begrundelse, beslutninger',
        () => playMeeting(t, full),
      );
      const attacks = async (phase: Phase) => {
        for (const a of ATTACKS.filter((x) => x.phase === phase))
          checks.push(await runAttack(a, t, full, observe));
      };
      if (played) {
        await options.beforeAttacks?.(t, full);
        await attacks('before');
        if (await step('Arrangøren godkender referatet', () => approve(t, full))) await attacks('after');
        // The committee meeting: a meeting of its own, with its attacks before and after signing opens.
        if (
          await step('Udvalgsmødet spilles: medlemmer, en afstemning og en protokoltilførsel', () =>
            playCommittee(t, full, options.now ?? new Date()),
          )
        ) {
          await attacks('committeeDraft');
          if (
            await step('Referenten sender protokollen til underskrift; arrangørens side åbner runden', () =>
              openSigning(t, full),
            )
          ) {
            await attacks('committeeOpen');
            if (await step('Et medlem underskriver protokollen', () => memberSigns(t, full)))
              await attacks('committeeSigned');
          }
        }
      }
    }
  } finally {
    try {
      leftBehind = await cleanUp(t, scene);
    } catch (e) {
      leftBehind = [`oprydningen stoppede: ${describe(e)}`];
    }
    try {
      await options.afterCleanup?.(t, scene);
    } finally {
      await t.close();
    }
  }
  checks.push({
    name: 'Oprydning: alt, kørslen oprettede, er fjernet',
    as: 'organizer',
    ok: leftBehind.length === 0,
    detail: leftBehind.length ? `Kunne ikke fjernes: ${leftBehind.join('; ')}` : 'intet efterladt',
    requests: [],
  });
  const useCases = Object.values(t.people).reduce((n, p) => n + (p?.useCaseRequests() ?? 0), 0);
  return {
    passed: checks.filter((c) => c.ok).length,
    failed: checks.filter((c) => !c.ok).length,
    variants: t.variants,
    checks,
    observed,
    requests: t.requests.length + useCases,
    leftBehind,
    target: options.local ? `lokal server (${t.graphBase})` : t.graphBase + ' ' + t.site,
    at: (options.now ?? new Date()).toISOString(),
  };
}
