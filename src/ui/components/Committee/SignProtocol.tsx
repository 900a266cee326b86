import {
  Avatar,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { newProtocolVersion, remindUnsigned, signProtocol, unsigned } from '../../../app/committee';
import type { AppDeps } from '../../../app/deps';
import type { MeetingView } from '../../../app/openMeeting';
import { formatDate, formatTime } from '../../../domain/format';
import { sameUpn } from '../../../domain/person';
import { useCommitteeStrings } from '../../i18n/committeeStrings';
import { useLocale } from '../../i18n/LocaleContext';
import { committeeMessageOf } from './committeeMessage';
import type { CommitteeState } from './useCommittee';
import { committeeNames } from './names';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    marginTop: tokens.spacingVerticalM,
  },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  person: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  text: {
    whiteSpace: 'pre-wrap',
    overflowWrap: 'break-word',
    margin: 0,
    maxHeight: '50vh',
    overflowY: 'auto',
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
  },
});

export interface SignProtocolProps {
  deps: AppDeps;
  view: MeetingView;
  state: CommitteeState;
}

/**
 * The beslutningsprotokol after the meeting: its version and checksum; who signed (and when) and who has
 * not, for everyone on the page; "Underskriv beslutningsprotokol" for each member present who has not
 * signed this version, opening the text she signs with its version and checksum; for the organizer a
 * reminder to those missing.
 */
export function SignProtocol({ deps, view, state }: SignProtocolProps) {
  const styles = useStyles();
  const cs = useCommitteeStrings();
  const locale = useLocale();
  const [message, setMessage] = useState<{ intent: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState(false);
  const { committee, run } = state;
  if (!committee) return null;
  const after = view.meeting.status === 'Afsluttet' || view.meeting.status === 'Godkendt';
  const present = committee.attendance.some((p) => sameUpn(p.upn, deps.me.upn));
  // Only a signature of the version shown counts: after a new version she has not signed it.
  const current = committee.record.signatures.filter((s) => s.version === committee.record.version);
  const signed = current.some((s) => sameUpn(s.member, deps.me.upn));
  const missing = unsigned(committee);
  const nameOf = committeeNames(view, committee);
  const act = async (f: () => Promise<string | null>) => {
    setBusy(true);
    setMessage(null);
    try {
      const done = await f();
      if (done) setMessage({ intent: 'success', text: done });
      return true;
    } catch (e) {
      setMessage({ intent: 'error', text: committeeMessageOf(e, locale) });
      return false;
    } finally {
      setBusy(false);
    }
  };
  const version = cs.protocolVersion(committee.record.version, committee.checksum);
  return (
    <section className={styles.section} aria-label={cs.protocol}>
      <Text as="h2" weight="semibold" size={400}>
        {cs.protocol}
      </Text>
      <Text>{version}</Text>
      {after && present && !signed && committee.signingOpen && (
        <Button appearance="primary" disabled={busy} onClick={() => setOpen(true)}>
          {cs.sign}
        </Button>
      )}
      {/* Signing opens only on a frozen record (the organizer's page opens it): until then, say why. */}
      {after && present && !signed && !committee.signingOpen && !committee.openingPending && (
        <Text role="status">{committee.opening ? cs.signingChanged : cs.signingNotOpen}</Text>
      )}
      {/* The organizer's opening is written but not yet named on the Meetings row: it does not count yet. */}
      {committee.openingPending && <Text role="status">{cs.openingPending}</Text>}
      {committee.late.length > 0 && (
        <>
          <Text weight="semibold" id="protocol-late">
            {cs.lateHeading}
          </Text>
          <ul className={styles.list} aria-labelledby="protocol-late">
            {committee.late.map((l, i) => (
              <li key={`${l.kind}-${l.itemNumber}-${l.member ?? ''}-${i}`}>
                <Text>
                  {cs.lateEntry(cs.lateKinds[l.kind], l.itemNumber, l.member ? nameOf(l.member) : undefined)}
                </Text>
              </li>
            ))}
          </ul>
        </>
      )}
      {view.role === 'organizer' &&
        committee.opening &&
        (committee.late.length > 0 || !committee.signingOpen) && (
          <Button
            disabled={busy}
            onClick={() =>
              act(async () => {
                let version = 0;
                await run(async () => {
                  const next = await newProtocolVersion(deps, view);
                  version = next.record.version;
                  return next;
                });
                return cs.newVersionDone(version);
              })
            }
          >
            {cs.newVersion}
          </Button>
        )}
      {/* Always mounted for a member present: unmounting an open modal dialog would leave the page aria-hidden. */}
      {after && present && (
        <Dialog open={open} onOpenChange={(_e, d) => setOpen(d.open)}>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>{cs.sign}</DialogTitle>
              <DialogContent>
                <Text as="p">{cs.signDialogIntro}</Text>
                <pre className={styles.text} tabIndex={0} aria-label={cs.protocol}>
                  {committee.text}
                </pre>
                <Text as="p" weight="semibold">
                  {version}
                </Text>
              </DialogContent>
              <DialogActions>
                <DialogTrigger disableButtonEnhancement>
                  <Button>{cs.cancel}</Button>
                </DialogTrigger>
                <Button
                  appearance="primary"
                  disabled={busy}
                  onClick={async () => {
                    if (await act(async () => (await run((c) => signProtocol(deps, view, c)), null)))
                      setOpen(false);
                  }}
                >
                  {cs.signConfirm}
                </Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
      {present && signed && <Text>{cs.youSigned}</Text>}
      {(after || current.length > 0) && (
        <>
          <Text weight="semibold" id="protocol-signed-by">
            {cs.signedBy}
          </Text>
          {current.length === 0 ? (
            <Text>{cs.nobodySigned}</Text>
          ) : (
            <ul className={styles.list} aria-labelledby="protocol-signed-by">
              {[...current]
                .sort((a, b) => a.signedAt.localeCompare(b.signedAt))
                .map((s) => (
                  <li key={s.member} className={styles.person}>
                    <Avatar size={24} name={nameOf(s.member)} aria-hidden />
                    <Text>
                      {cs.signedAt(nameOf(s.member), `${formatDate(s.signedAt)} ${formatTime(s.signedAt)}`)}
                    </Text>
                  </li>
                ))}
            </ul>
          )}
          {missing.length === 0 ? (
            <Text>{cs.allSigned}</Text>
          ) : (
            <>
              <Text weight="semibold" id="protocol-not-signed">
                {cs.notSigned}
              </Text>
              <ul className={styles.list} aria-labelledby="protocol-not-signed">
                {missing.map((p) => (
                  <li key={p.upn} className={styles.person}>
                    <Avatar size={24} name={nameOf(p.upn)} aria-hidden />
                    <Text>{nameOf(p.upn)}</Text>
                  </li>
                ))}
              </ul>
              {view.role === 'organizer' && after && (
                <Button
                  disabled={busy}
                  onClick={() =>
                    act(async () => cs.reminded((await remindUnsigned(deps, view, committee)).length))
                  }
                >
                  {cs.remind}
                </Button>
              )}
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
