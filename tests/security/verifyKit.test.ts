import { ATTACKS } from '../../cli/verify/attacks';
import type { CheckResult } from '../../cli/verify/attack';
import type { VerifyReport } from '../../cli/verify/report';
import { runVerify } from '../../cli/verify/run';
import { tenantVariants } from './tenant';

/**
 * The verification kit's attacks (cli/verify/attacks, what `npm run verify:tenant` runs on a municipality's
 * tenant) run here against the local server: with the server's defaults in the `unit` run and with every
 * variant in `security-adversarial` (SP_VARIANTS=all), so the kit's code cannot rot. One run plays the
 * meeting and a committee meeting (some 620 requests); each attack and probe is then its own test, with its
 * positive control inside.
 */
const variants = tenantVariants();
let report: VerifyReport;
beforeAll(async () => {
  report = await runVerify({ local: true, variants: [...variants].join(',') });
}, 120_000);

const check = (name: string): CheckResult => {
  const found = report.checks.find((c) => c.name === name);
  if (!found)
    throw new Error(`The kit ran no check named "${name}": ${report.checks.map((c) => c.name).join(', ')}`);
  return found;
};

test('the kit plays the meeting, approves its referat and plays a committee meeting through the use cases', () => {
  for (const name of [
    'Testserien oprettes i arrangørens kalender',
    'Mødet spilles igennem: dagsorden (åbent, lukket og gæstepunkt), referent, afbud med begrundelse, beslutninger',
    'Arrangøren godkender referatet',
    'Udvalgsmødet spilles: medlemmer, en afstemning og en protokoltilførsel',
    'Referenten sender protokollen til underskrift; arrangørens side åbner runden',
    'Et medlem underskriver protokollen',
  ])
    expect(check(name)).toMatchObject({ name, ok: true });
});

for (const attack of ATTACKS)
  test(`${attack.name} (som ${attack.as})`, () => {
    const result = check(attack.name);
    expect(result.detail).not.toMatch(/^Fejl/);
    expect(result.ok).toBe(true);
    expect(result.requests.length).toBeGreaterThan(0);
  });

test('the kit removes everything it created', () => {
  expect(report.leftBehind).toEqual([]);
  expect(check('Oprydning: alt, kørslen oprettede, er fjernet').ok).toBe(true);
});

test('what the kit observes by probing agrees with the server it ran on', () => {
  expect(report.observed).toEqual({
    authorSettable: variants.has('author-settable'),
    itemIdZero: variants.has('itemid-zero'),
    limitedAccessBrowse: variants.has('limited-access-browse'),
    renameAllowed: variants.has('rename-allowed'),
    membersVisible: variants.has('members-visible'),
    bypassAtList: variants.has('bypass-at-list'),
  });
});
