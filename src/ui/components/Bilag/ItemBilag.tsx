import { Badge, Button, Field, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { createContext, useContext, useEffect, useState } from 'react';
import { wordOriginalFirst } from '../../../domain/bilag/wordOriginal';
import type { MeetingKey } from '../../../domain/meeting';
import { listMarkedBilag, openBilag, type MarkedBilag } from '../../../app/bilagMarks';
import type { BilagStore } from '../../../ports/BilagStore';
import { PortError } from '../../../ports/errors';
import type { SeenBilag } from '../../../ports/SeenBilag';
import { useStrings } from '../../i18n/LocaleContext';
import { bytesOf } from '../Indstilling/wordReader';

/**
 * The meeting's bilag store, given by the page that knows the meeting (absent: no bilag shown), and what
 * the signed-in reader has been shown of them (absent: no "changed" marks).
 */
export const BilagContext = createContext<{
  store: BilagStore;
  meeting: MeetingKey;
  seen?: SeenBilag;
} | null>(null);

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalXS, minWidth: 0, overflowWrap: 'anywhere' },
  file: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  files: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: 'grid',
    gap: tokens.spacingVerticalXXS,
  },
  // A button as wide as its words at the item's start (a grid stretches it into a centred caption).
  show: { justifySelf: 'start' },
});

export interface ItemBilagProps {
  itemNumber: number;
  /** The item's id: its bilag are kept by it, so renumbering never moves them. */
  itemId: string;
  /** The organizer's item editor: a file input "Tilføj bilag til punkt N". */
  canAdd?: boolean;
  /** Load only when asked ("Vis bilag til punkt N"): the meeting page opens without a request per item. */
  lazy?: boolean;
  /** Changes when the item's bilag were changed elsewhere on the page (the Word import): the list reloads. */
  revision?: number;
}

/**
 * An item's bilag (issue 25 point 2) as links with their file names; a link downloads the file under the
 * reader's own rights. In the organizer's item editor a file input adds bilag (a name already there becomes
 * a new version of that file). For a reader, a file changed since they were shown it is marked "Ændret
 * efter udsendelse" until they open it (src/app/bilagMarks.ts).
 */
export function ItemBilag({ itemNumber: n, itemId, canAdd, lazy, revision }: ItemBilagProps) {
  const styles = useStyles();
  const s = useStrings().bilag;
  const bilag = useContext(BilagContext);
  const [asked, setAsked] = useState(!lazy);
  const [files, setFiles] = useState<MarkedBilag[] | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  // Reloaded after each upload (version), only once asked.
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!asked || !bilag) return;
    let live = true;
    // The organizer's editor lists what she uploads; the marks are for readers.
    const listed =
      bilag.seen && !canAdd
        ? listMarkedBilag(bilag.store, bilag.seen, bilag.meeting, itemId)
        : bilag.store
            .list(bilag.meeting, itemId)
            .then((found) => found.map((f) => ({ ...f, changed: false })));
    listed.then(
      (found) => live && setFiles(wordOriginalFirst(found)),
      () => live && setStatus({ ok: false, text: s.loadFailed }),
    );
    return () => {
      live = false;
    };
  }, [asked, bilag, canAdd, itemId, s, version, revision]);
  if (!bilag) return null;
  const add = async (chosen: File[]) => {
    for (const file of chosen) {
      setStatus({ ok: true, text: s.uploading(file.name) });
      try {
        const bytes = await bytesOf(file);
        await bilag.store.upload(bilag.meeting, itemId, { name: file.name, bytes, type: file.type });
        setStatus({ ok: true, text: s.uploaded(file.name) });
      } catch (e) {
        const notYet = e instanceof PortError && e.kind === 'NotFound';
        setStatus({ ok: false, text: notYet ? s.notYet : s.failed(file.name) });
        return;
      }
    }
    setVersion((v) => v + 1);
  };
  const open = async (file: MarkedBilag) => {
    try {
      const got = bilag.seen
        ? await openBilag(bilag.store, bilag.seen, bilag.meeting, itemId, file)
        : await bilag.store.download(bilag.meeting, itemId, file.name);
      if (file.changed)
        setFiles((now) => now?.map((f) => (f.id === file.id ? { ...f, changed: false } : f)) ?? null);
      const url = URL.createObjectURL(new Blob([got.bytes.slice()], { type: got.mimeType }));
      const a = document.createElement('a');
      a.href = url;
      a.download = got.name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 30_000);
    } catch {
      setStatus({ ok: false, text: s.downloadFailed(file.name) });
    }
  };
  return (
    <section className={styles.root} aria-label={s.listFor(n)}>
      {canAdd && (
        <Field
          label={s.addFor(n)}
          validationState={status ? (status.ok ? 'success' : 'error') : 'none'}
          validationMessage={status?.text}
        >
          {(control) => (
            <input
              {...control}
              type="file"
              multiple
              onChange={(e) => {
                const chosen = [...(e.target.files ?? [])];
                e.target.value = '';
                if (chosen.length) void add(chosen);
              }}
            />
          )}
        </Field>
      )}
      {!asked && (
        <Button className={styles.show} appearance="subtle" size="small" onClick={() => setAsked(true)}>
          {s.showFor(n)}
        </Button>
      )}
      {!canAdd && status && !status.ok && <Text role="alert">{status.text}</Text>}
      {asked && files && files.length === 0 && (lazy || canAdd) && <Text size={200}>{s.none}</Text>}
      {files && files.length > 0 && (
        <ul className={styles.files}>
          {files.map((f) => (
            <li key={f.id} className={styles.file}>
              <Link
                href="#"
                onClick={(e) => {
                  e.preventDefault();
                  void open(f);
                }}
              >
                {f.name}
              </Link>
              {f.changed && (
                <Badge appearance="tint" color="warning">
                  {s.changedAfterSending}
                </Badge>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
