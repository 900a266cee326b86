import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useContext, useState } from 'react';
import { importWordIndstilling, keepWordOriginal, type OriginalKept } from '../../../app/wordIndstilling';
import type { AgendaItem } from '../../../domain/agendaItem';
import {
  emptyIndstilling,
  SECTION_KEYS,
  validateIndstilling,
  type CaseWorker,
  type Indstilling,
} from '../../../domain/indstilling/indstilling';
import { PortError } from '../../../ports/errors';
import { useStrings } from '../../i18n/LocaleContext';
import { BilagContext } from '../Bilag/ItemBilag';
import { bytesOf, WordReaderContext } from './wordReader';

const useStyles = makeStyles({
  content: { display: 'grid', gap: tokens.spacingVerticalM },
  points: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    margin: 0,
    paddingInlineStart: 0,
    listStyle: 'none',
  },
  point: { display: 'grid', gap: tokens.spacingVerticalXS },
  tools: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  full: { minWidth: 0, maxWidth: '100%' },
});

export interface IndstillingEditorProps {
  item: AgendaItem;
  onChange(change: Pick<AgendaItem, 'indstilling'>): void;
  /** The Word original was stored as the item's bilag (the item's bilag list shows it). */
  onBilagChanged?(): void;
}

/**
 * The item's indstilling in the organizer's item editor (issue 25 point 1): "Indstilling til punkt N"
 * opens a focused editor of the "at"-points (a numbered list: add, remove, reorder), the template's
 * optional sections and the case worker. Every change goes into the agenda draft at once, like the item's
 * other fields; what is wrong is said at its field.
 */
export function IndstillingEditor({ item, onChange, onBilagChanged }: IndstillingEditorProps) {
  const s = useStrings().indstilling;
  const n = item.number;
  const [open, setOpen] = useState(false);
  const readWord = useContext(WordReaderContext);
  const bilag = useContext(BilagContext);
  const [word, setWord] = useState<{ ok: boolean; text: string } | null>(null);
  // The Word original not yet stored as a bilag, held for "try again" while the editor is open.
  const [unsaved, setUnsaved] = useState<{ name: string; bytes: Uint8Array } | null>(null);
  const said = (name: string, original: OriginalKept | null) => {
    if (!original) return { ok: true, text: s.imported(name) };
    if (original.kept) return { ok: true, text: `${s.imported(name)} ${s.originalKept}` };
    const notYet = original.error instanceof PortError && original.error.kind === 'NotFound';
    return { ok: false, text: `${s.imported(name)} ${notYet ? s.originalNotYet : s.originalFailed}` };
  };
  const afterOriginal = (name: string, bytes: Uint8Array, original: OriginalKept | null) => {
    setUnsaved(original && !original.kept ? { name, bytes } : null);
    if (original?.kept) onBilagChanged?.();
  };
  const importWord = async (file: File) => {
    let bytes: Uint8Array;
    let result: Awaited<ReturnType<typeof importWordIndstilling>>;
    try {
      bytes = await bytesOf(file);
      // What the reader could not place is already in the nearest section.
      result = await importWordIndstilling(readWord!, bilag, item, bytes, (indstilling) =>
        onChange({ indstilling }),
      );
    } catch {
      setWord({ ok: false, text: s.importFailed(file.name) });
      return;
    }
    setWord(said(file.name, result.original));
    afterOriginal(file.name, bytes, result.original);
    setOpen(true);
  };
  const retryOriginal = async () => {
    if (!unsaved || !bilag) return;
    let original: OriginalKept;
    try {
      const saved = await keepWordOriginal(bilag.store, bilag.meeting, item.id, unsaved.bytes);
      original = { kept: true, bilag: saved };
    } catch (error) {
      original = { kept: false, error };
    }
    setWord(said(unsaved.name, original));
    afterOriginal(unsaved.name, unsaved.bytes, original);
  };
  return (
    <>
      {readWord && (
        <Field
          label={s.importWordFor(n)}
          validationState={word ? (word.ok ? 'success' : 'error') : 'none'}
          validationMessage={word?.text}
        >
          {(control) => (
            <input
              {...control}
              type="file"
              accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void importWord(file);
              }}
            />
          )}
        </Field>
      )}
      {unsaved && <Button onClick={() => void retryOriginal()}>{s.retryOriginalFor(n)}</Button>}
      {item.indstillingUnreadable && !item.indstilling && (
        <MessageBar intent="warning">
          <MessageBarBody>{s.unreadable(n)}</MessageBarBody>
        </MessageBar>
      )}
      <Button onClick={() => setOpen(true)}>{s.openFor(n)}</Button>
      {open && (
        <IndstillingDialog
          n={n}
          value={
            item.indstilling ?? {
              ...emptyIndstilling(),
              title: item.title,
              closed: item.closed,
              points: [''],
            }
          }
          onChange={(indstilling) => onChange({ indstilling })}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}

function IndstillingDialog({
  n,
  value,
  onChange,
  onClose,
}: {
  n: number;
  value: Indstilling;
  onChange(x: Indstilling | null): void;
  onClose(): void;
}) {
  const styles = useStyles();
  const all = useStrings();
  const s = all.indstilling;
  const [tried, setTried] = useState(false);
  const issues = validateIndstilling(value).issues;
  const error = (field: string) => {
    const issue = issues.find((i) => i.field === field && (tried || i.code !== 'required'));
    return issue ? { validationMessage: s[issue.code], validationState: 'error' as const } : {};
  };
  const set = (change: Partial<Indstilling>) => onChange({ ...value, ...change });
  const setPoint = (k: number, text: string) =>
    set({ points: value.points.map((p, i) => (i === k ? text : p)) });
  const move = (k: number, by: number) => {
    const points = [...value.points];
    const [p] = points.splice(k, 1);
    points.splice(k + by, 0, p);
    set({ points });
  };
  const setWorker = (key: keyof CaseWorker, text: string) => {
    const worker: CaseWorker = { ...(value.caseWorker ?? {}), [key]: text };
    set({ caseWorker: worker });
  };
  const done = () => {
    setTried(true);
    if (!issues.length) onClose();
  };
  return (
    <Dialog open onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle as="h2">{s.editorTitle(n)}</DialogTitle>
          <DialogContent className={styles.content}>
            <Field label={s.title} required {...error('title')}>
              <Input
                className={styles.full}
                value={value.title}
                onChange={(_e, d) => set({ title: d.value })}
              />
            </Field>
            <h3 className={styles.heading}>{s.pointsHeading}</h3>
            <ol className={styles.points}>
              {value.points.map((p, k) => (
                <li key={k} className={styles.point}>
                  <Field
                    label={s.point(k + 1)}
                    required
                    {...(k === 0 ? { ...error('points'), ...error('points.1') } : error(`points.${k + 1}`))}
                  >
                    <Textarea className={styles.full} value={p} onChange={(_e, d) => setPoint(k, d.value)} />
                  </Field>
                  <div className={styles.tools}>
                    <Button size="small" disabled={k === 0} onClick={() => move(k, -1)}>
                      {s.movePointUp(k + 1)}
                    </Button>
                    <Button size="small" disabled={k === value.points.length - 1} onClick={() => move(k, 1)}>
                      {s.movePointDown(k + 1)}
                    </Button>
                    <Button
                      size="small"
                      disabled={value.points.length === 1}
                      onClick={() => set({ points: value.points.filter((_p, i) => i !== k) })}
                    >
                      {s.removePoint(k + 1)}
                    </Button>
                  </div>
                </li>
              ))}
            </ol>
            <div>
              <Button onClick={() => set({ points: [...value.points, ''] })}>{s.addPoint}</Button>
            </div>
            <h3 className={styles.heading}>{s.sectionsHeading}</h3>
            {SECTION_KEYS.map((key) => (
              <Field key={key} label={s.sections[key]} {...error(`sections.${key}`)}>
                <Textarea
                  className={styles.full}
                  value={value.sections[key] ?? ''}
                  onChange={(_e, d) => set({ sections: { ...value.sections, [key]: d.value } })}
                />
              </Field>
            ))}
            <h3 className={styles.heading}>{s.caseWorkerHeading}</h3>
            {(['name', 'department', 'phone', 'email'] as const).map((key) => (
              <Field key={key} label={s.caseWorker[key]} {...error(`caseWorker.${key}`)}>
                <Input
                  className={styles.full}
                  type={key === 'email' ? 'email' : 'text'}
                  value={value.caseWorker?.[key] ?? ''}
                  onChange={(_e, d) => setWorker(key, d.value)}
                />
              </Field>
            ))}
          </DialogContent>
          <DialogActions>
            <Button
              onClick={() => {
                onChange(null);
                onClose();
              }}
            >
              {s.remove}
            </Button>
            <Button appearance="primary" onClick={done}>
              {all.editorDone}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
