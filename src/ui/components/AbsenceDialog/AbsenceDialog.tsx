import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { AbsenceInput } from '../../../app/registerAbsence';
import type { AgendaItem } from '../../../domain/agendaItem';
import { useLocale, useStrings } from '../../i18n/LocaleContext';
import { messageOf } from '../../errors';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface AbsenceDialogProps {
  items: AgendaItem[];
  /**
   * Resolves once the afbud is in SharePoint, or with 'queued' once it is kept on this computer to be sent
   * when the network is back; rejects when it was refused (the dialog stays open and says why).
   */
  onSubmit(input: AbsenceInput): Promise<void | 'queued'>;
}

/** "Meld afbud": afbud, virtual or partial attendance (with items), reason, substitute, optional decline. */
export function AbsenceDialog({ items, onSubmit }: AbsenceDialogProps) {
  const styles = useStyles();
  const s = useStrings();
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<AbsenceInput['kind']>('Afbud');
  const [reason, setReason] = useState('');
  const [substitute, setSubstitute] = useState('');
  const [chosen, setChosen] = useState<number[]>([]);
  const [decline, setDecline] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [queued, setQueued] = useState(false);

  const submit = async () => {
    setBusy(true);
    setError(null);
    setQueued(false);
    try {
      const outcome = await onSubmit({ kind, reason, substitute, items: chosen, declineInCalendar: decline });
      if (outcome === 'queued') setQueued(true);
      else setOpen(false);
    } catch (e) {
      setError(messageOf(e, locale));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(_e, d) => {
        setOpen(d.open);
        if (!d.open) setQueued(false);
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="primary">{s.registerAbsence}</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{s.registerAbsence}</DialogTitle>
          <DialogContent className={styles.content}>
            <Field label={s.absenceKind}>
              <RadioGroup value={kind} onChange={(_e, d) => setKind(d.value as AbsenceInput['kind'])}>
                <Radio value="Afbud" label={s.kindAfbud} />
                <Radio value="Deltager virtuelt" label={s.kindVirtual} />
                <Radio value="Deltager delvist" label={s.kindPartial} />
              </RadioGroup>
            </Field>
            {kind === 'Deltager delvist' && (
              <fieldset>
                <legend>{s.partialItems}</legend>
                {items.map((i) => (
                  <Checkbox
                    key={i.id}
                    label={`${s.item} ${i.number}: ${i.title}`}
                    checked={chosen.includes(i.number)}
                    onChange={(_e, d) =>
                      setChosen((c) => (d.checked ? [...c, i.number] : c.filter((n) => n !== i.number)))
                    }
                  />
                ))}
              </fieldset>
            )}
            <Field label={s.reason}>
              <Textarea aria-label={s.reason} value={reason} onChange={(_e, d) => setReason(d.value)} />
            </Field>
            <Field label={s.substitute}>
              <Input
                aria-label={s.substitute}
                value={substitute}
                onChange={(_e, d) => setSubstitute(d.value)}
              />
            </Field>
            {kind === 'Afbud' && (
              <Checkbox
                label={s.alsoDecline}
                checked={decline}
                onChange={(_e, d) => setDecline(!!d.checked)}
              />
            )}
            {error && (
              <MessageBar intent="error">
                <MessageBarBody>
                  <span role="alert">{error}</span>
                </MessageBarBody>
              </MessageBar>
            )}
            {queued && (
              <MessageBar intent="info">
                <MessageBarBody>
                  <span role="status">{s.absenceQueued}</span>
                </MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button>{queued ? s.close : s.cancel}</Button>
            </DialogTrigger>
            {!queued && (
              <Button appearance="primary" disabled={busy} aria-busy={busy} onClick={submit}>
                {busy ? s.saving : s.sendAbsence}
              </Button>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
