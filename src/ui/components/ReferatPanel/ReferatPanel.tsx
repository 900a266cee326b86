import {
  Badge,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Field,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { AppDeps } from '../../../app/deps';
import type { MeetingView } from '../../../app/openMeeting';
import {
  approveReferat,
  exportReferat,
  reopenReferat,
  sendReferat,
  sendReferatForApproval,
  type ReferatFormat,
} from '../../../app/referat';
import type { Audience, ReferatCommittee } from '../../../domain/referat';
import { newReferat, referatStep } from '../../../domain/referatApproval';
import { can } from '../../../domain/permissions';
import { messageOf } from '../../errors';
import { useCommitteeStrings } from '../../i18n/committeeStrings';
import { useLocale, useStrings } from '../../i18n/LocaleContext';
import { VISUALLY_HIDDEN } from '../../visuallyHidden';

const useStyles = makeStyles({
  panel: {
    marginTop: tokens.spacingVerticalXL,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  steps: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
  },
  step: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  arrow: { color: tokens.colorNeutralForeground3 },
});

const STEPS = ['Kladde', 'Til godkendelse', 'Godkendt', 'Sendt'] as const;

export interface ReferatPanelProps {
  deps: AppDeps;
  /** The view with the decisions as currently shown (the referent's own typing included). */
  view: MeetingView;
  onView(view: MeetingView): void;
  /** A committee meeting's protocol lines (attendance, inhabilitet, votes, tilførsler, signatures). */
  committee?: ReferatCommittee;
}

function download(name: string, contentType: string, bytes: Uint8Array) {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: contentType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The referat: its approval state, downloads (Word, PDF, HTML; public or with closed items), approval and sending. */
export function ReferatPanel({ deps, view, onView, committee }: ReferatPanelProps) {
  const s = useStrings();
  const cs = useCommitteeStrings();
  const locale = useLocale();
  const styles = useStyles();
  const [audience, setAudience] = useState<Audience>('public');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const record = view.meeting.referat ?? newReferat();
  const organizer = can(view.role, 'approveMinutes');
  const current = referatStep(record);
  const at = STEPS.indexOf(current);
  // Only the next step is the primary button.
  const next =
    current === 'Kladde'
      ? 'submit'
      : current === 'Til godkendelse'
        ? 'approve'
        : current === 'Godkendt'
          ? 'send'
          : null;
  const run = async (action: () => Promise<string | void>) => {
    setBusy(true);
    setMessage(null);
    try {
      const done = await action();
      if (done) setMessage({ kind: 'ok', text: done });
    } catch (e) {
      setMessage({ kind: 'error', text: messageOf(e, locale) });
    } finally {
      setBusy(false);
    }
  };
  const get = (format: ReferatFormat) =>
    run(async () => {
      if (!deps.renderer) {
        setMessage({ kind: 'error', text: s.renderersMissing });
        return;
      }
      const file = await exportReferat(deps.renderer, view, audience, format, locale, committee);
      download(file.name, file.contentType, file.bytes);
    });
  return (
    <section className={styles.panel} aria-labelledby="referat-title">
      <Subtitle2 as="h2" id="referat-title">
        {s.referatTitle}
      </Subtitle2>
      <Text>{s.referatState(s.referatStates[record.state] ?? record.state, record.version)}</Text>
      <ol className={styles.steps} aria-label={s.referatSteps}>
        {STEPS.map((name, i) => (
          <li key={name} className={styles.step} aria-current={i === at ? 'step' : undefined}>
            {i > 0 && (
              <span aria-hidden="true" className={styles.arrow}>
                →
              </span>
            )}
            <Badge
              appearance={i === at ? 'filled' : i < at ? 'tint' : 'outline'}
              color={
                i < at || (i === at && name === 'Sendt') ? 'success' : i === at ? 'brand' : 'informative'
              }
            >
              {s.referatStepNames[name]}
            </Badge>
            <span style={VISUALLY_HIDDEN}>
              {i < at ? ` (${s.referatStepDone})` : i === at ? ` (${s.referatStepCurrent})` : ''}
            </span>
          </li>
        ))}
      </ol>
      {record.state === 'Godkendt' && <Text>{s.referatReadOnly}</Text>}
      {can(view.role, 'readClosedItems') && view.items.some((i) => i.closed) && (
        <Field label={s.referatEdition}>
          <RadioGroup
            layout="horizontal"
            value={audience}
            onChange={(_e, d) => setAudience(d.value as Audience)}
          >
            <Radio value="public" label={s.referatPublic} />
            <Radio value="members" label={s.referatMembers} />
          </RadioGroup>
        </Field>
      )}
      <div className={styles.actions}>
        <Button disabled={busy} onClick={() => void get('docx')}>
          {s.referatDownload('Word')}
        </Button>
        <Button disabled={busy} onClick={() => void get('pdf')}>
          {s.referatDownload('PDF')}
        </Button>
        <Button disabled={busy} onClick={() => void get('html')}>
          {s.referatDownload('HTML')}
        </Button>
        <Button disabled={busy} onClick={() => void get('txt')}>
          {s.referatDownload(cs.textFormat)}
        </Button>
      </div>
      <div className={styles.actions}>
        {record.state === 'Kladde' && (
          <Button
            appearance={next === 'submit' ? 'primary' : 'secondary'}
            disabled={busy}
            onClick={() => void run(async () => onView(await sendReferatForApproval(deps, view)))}
          >
            {s.referatSendForApproval}
          </Button>
        )}
        {organizer && record.state !== 'Godkendt' && (
          <Button
            appearance={next === 'approve' ? 'primary' : 'secondary'}
            disabled={busy}
            onClick={() => void run(async () => onView(await approveReferat(deps, view)))}
          >
            {s.referatApprove}
          </Button>
        )}
        {organizer && record.state === 'Godkendt' && (
          <Button
            disabled={busy}
            onClick={() => void run(async () => onView(await reopenReferat(deps, view)))}
          >
            {s.referatReopen}
          </Button>
        )}
        {organizer && deps.mailer && deps.renderer && (
          <Button
            appearance={next === 'send' ? 'primary' : 'secondary'}
            disabled={busy || record.state !== 'Godkendt'}
            aria-describedby={record.state !== 'Godkendt' ? 'referat-send-needs' : undefined}
            onClick={() =>
              void run(async () => {
                onView(
                  await sendReferat(
                    { ...deps, mailer: deps.mailer!, renderer: deps.renderer! },
                    view,
                    locale,
                    committee,
                  ),
                );
                return s.referatSent;
              })
            }
          >
            {s.referatSend}
          </Button>
        )}
      </div>
      {organizer && deps.mailer && deps.renderer && record.state !== 'Godkendt' && (
        <Text id="referat-send-needs" size={200}>
          {s.referatSendNeedsApproval}
        </Text>
      )}
      {message && (
        <MessageBar intent={message.kind === 'ok' ? 'success' : 'error'}>
          <MessageBarBody>
            <span role={message.kind === 'ok' ? 'status' : 'alert'}>{message.text}</span>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
