import type { Scene } from './scene';
import type { RequestRecord, Role, Target } from './target';

/**
 * One attack of the rights suite as a target-independent module: made with `as`'s own token straight against
 * Graph or SharePoint REST, judged by what is stored or read afterwards, beside a positive control (the same
 * path used legitimately works). tests/security runs the same modules against the local server.
 */
export interface Attack {
  name: string;
  as: Role;
  /**
   * Before the first meeting's referat is approved, or after; then on the committee meeting: before signing
   * opens, once it is open, and once a member has signed.
   */
  phase: Phase;
  run(t: Target, scene: Scene, observe: (name: string, value: unknown) => void): Promise<Verdict>;
}

export const PHASES = ['before', 'after', 'committeeDraft', 'committeeOpen', 'committeeSigned'] as const;
export type Phase = (typeof PHASES)[number];

export interface Verdict {
  ok: boolean;
  detail: string;
}

export interface CheckResult extends Verdict {
  name: string;
  as: Role;
  requests: RequestRecord[];
}

/** Collects what held and what did not; the verdict names every failed expectation. */
export class Judge {
  private failed: string[] = [];
  private held: string[] = [];

  expect(condition: boolean, what: string): boolean {
    (condition ? this.held : this.failed).push(what);
    return condition;
  }

  /** The positive control: when it fails the attack proves nothing, so it fails the check too. */
  control(condition: boolean, what: string): boolean {
    return this.expect(condition, `positiv kontrol: ${what}`);
  }

  verdict(): Verdict {
    return this.failed.length
      ? { ok: false, detail: `Fejlede: ${this.failed.join('; ')}` }
      : { ok: true, detail: this.held.join('; ') };
  }
}

/** Runs an attack, records its own requests, and turns an exception into a failed check. */
export async function runAttack(
  attack: Attack,
  t: Target,
  scene: Scene,
  observe: (name: string, value: unknown) => void,
): Promise<CheckResult> {
  const from = t.requests.length;
  let verdict: Verdict;
  try {
    verdict = await attack.run(t, scene, observe);
  } catch (e) {
    verdict = { ok: false, detail: `Fejl under angrebet: ${e instanceof Error ? e.message : String(e)}` };
  }
  return { name: attack.name, as: attack.as, ...verdict, requests: t.requests.slice(from) };
}

/** AddValidateUpdateItemUsingPath: a row made in a folder with form values, as any client may try. */
export async function addInFolder(
  t: Target,
  as: Role,
  list: string,
  folder: string,
  values: Record<string, string>,
): Promise<{ status: number; id?: string; itemIdZero?: boolean; errors: string[] }> {
  const res = await t.person(as).sp(`/web/lists/getbytitle('${list}')/AddValidateUpdateItemUsingPath()`, {
    method: 'POST',
    body: {
      listItemCreateInfo: { FolderPath: { DecodedUrl: folder } },
      formValues: Object.entries(values).map(([FieldName, FieldValue]) => ({ FieldName, FieldValue })),
      bNewDocumentUpdate: false,
    },
  });
  if (res.status !== 200) return { status: res.status, errors: [] };
  const entries = (res.body.value ?? []) as Array<{
    FieldName: string;
    FieldValue: string;
    HasException: boolean;
    ErrorMessage?: string;
    ItemId?: number;
  }>;
  const errors = entries.filter((e) => e.HasException).map((e) => `${e.FieldName}: ${e.ErrorMessage ?? ''}`);
  const idEntry = entries.find((e) => e.FieldName === 'Id');
  return {
    status: errors.length ? 400 : 200,
    id: idEntry?.FieldValue,
    itemIdZero: idEntry ? entries.every((e) => e.ItemId === 0) : undefined,
    errors,
  };
}
