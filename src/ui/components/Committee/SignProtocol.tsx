import { Button, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { remindUnsigned, signProtocol, unsigned } from '../../../app/committee';
import type { AppDeps } from '../../../app/deps';
import type { MeetingView } from '../../../app/openMeeting';
import { sameUpn } from '../../../domain/person';
import { useCommitteeStrings } from '../../i18n/committeeStrings';
import { useLocale } from '../../i18n/LocaleContext';
import { committeeMessageOf } from './committeeMessage';
import type { CommitteeState } from './useCommittee';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    marginTop: tokens.spacingVerticalM,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface SignProtocolProps {
  deps: AppDeps;
  view: MeetingView;
  state: CommitteeState;
}

/**
 * The beslutningsprotokol after the meeting: its version and checksum; "Underskriv beslutningsprotokol" for
 * each member who was present; for the organizer, who has not signed yet and a reminder to them.
 */
export function SignProtocol({ deps, view, state }: SignProtocolProps) {
  const styles = useStyles();
  const cs = useCommitteeStrings();
  const locale = useLocale();
  const [message, setMessage] = useState<{ intent: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const { committee, run } = state;
  if (!committee) return null;
  const after = view.meeting.status === 'Afsluttet' || view.meeting.status === 'Godkendt';
  const present = committee.attendance.some((p) => sameUpn(p.upn, deps.me.upn));
  const signed = committee.record.signatures.some((s) => sameUpn(s.member, deps.me.upn));
  const missing = unsigned(committee);
  const act = async (f: () => Promise<string | null>) => {
    setBusy(true);
    setMessage(null);
    try {
      const done = await f();
      if (done) setMessage({ intent: 'success', text: done });
    } catch (e) {
      setMessage({ intent: 'error', text: committeeMessageOf(e, locale) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className={styles.section} aria-label={cs.protocol}>
      <Text weight="semibold">{cs.protocol}</Text>
      <Text>{cs.protocolVersion(committee.record.version, committee.checksum)}</Text>
      {after && present && !signed && (
        <Button
          appearance="primary"
          disabled={busy}
          onClick={() => act(async () => (await run((c) => signProtocol(deps, view, c)), null))}
        >
          {cs.sign}
        </Button>
      )}
      {present && signed && <Text>{cs.youSigned}</Text>}
      {view.role === 'organizer' && after && (
        <>
          {missing.length === 0 ? (
            <Text>{cs.allSigned}</Text>
          ) : (
            <>
              <ul className={styles.list} aria-label={cs.notSigned}>
                {missing.map((p) => (
                  <li key={p.upn}>{p.name}</li>
                ))}
              </ul>
              <Button
                disabled={busy}
                onClick={() =>
                  act(async () => cs.reminded((await remindUnsigned(deps, view, committee)).length))
                }
              >
                {cs.remind}
              </Button>
            </>
          )}
        </>
      )}
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>
            <span role={message.intent === 'error' ? 'alert' : 'status'}>{message.text}</span>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
