import { Button, Field, makeStyles, Radio, RadioGroup, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import {
  approvedAsProposed,
  composePointDecisions,
  parsePointDecisions,
  POINT_CHOICES,
  type PointChoice,
} from '../../../domain/indstilling/pointDecisions';
import { useStrings } from '../../i18n/LocaleContext';

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalM, minWidth: 0 },
  point: { display: 'grid', gap: tokens.spacingVerticalXS, minWidth: 0 },
  full: { minWidth: 0, maxWidth: '100%' },
});

export interface PointDecisionsEditorProps {
  itemNumber: number;
  /** The indstilling's "at"-points. */
  points: string[];
  /** The item's decision text (the record). */
  text: string;
  /** A new decision text, for the recorder's autosave like typing. */
  onChange(text: string): void;
}

/**
 * The referent decides point by point (issue 25 point 4): per "at"-point one choice and a remark, or
 * "Godkendt som indstillet" in one click. The choices are a way to write the decision text, never a
 * second record: they are read back from the text (so a hand-written decision shows its choices) and every
 * click writes the text anew in the referater's style ("At 1) Godkendt.").
 */
export function PointDecisionsEditor({ itemNumber: n, points, text, onChange }: PointDecisionsEditorProps) {
  const styles = useStyles();
  const s = useStrings().indstilling;
  const read = parsePointDecisions(text, points.length);
  // The remarks as typed: the composed text trims them, which would eat a space typed at the end.
  const [notes, setNotes] = useState<Record<number, string>>({});
  const write = (k: number, change: { choice?: PointChoice; note?: string }) =>
    onChange(
      composePointDecisions({
        ...read,
        asProposed: false,
        points: read.points.map((p, i) => (i === k ? { ...p, ...change } : p)),
      }),
    );
  return (
    <div className={styles.root}>
      <div>
        <Button
          onClick={() =>
            onChange(
              composePointDecisions(approvedAsProposed(points.length, read.asProposed ? read.preamble : '')),
            )
          }
        >
          {s.approveAll(n)}
        </Button>
      </div>
      {points.map((point, k) => (
        <div key={k} className={styles.point}>
          <Field label={s.decisionFor(n, k + 1)} hint={s.pointLine(k + 1, point)}>
            <RadioGroup
              value={read.asProposed ? 'Godkendt' : (read.points[k]?.choice ?? '')}
              onChange={(_e, d) => write(k, { choice: d.value as PointChoice })}
            >
              {POINT_CHOICES.map((c) => (
                <Radio key={c} value={c} label={s.choices[c]} />
              ))}
            </RadioGroup>
          </Field>
          <Field label={s.remarkFor(n, k + 1)}>
            <Textarea
              className={styles.full}
              value={notes[k] ?? read.points[k]?.note ?? ''}
              onChange={(_e, d) => {
                setNotes({ ...notes, [k]: d.value });
                write(k, { note: d.value });
              }}
              onBlur={() => setNotes({})}
            />
          </Field>
        </div>
      ))}
    </div>
  );
}
