import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { AppDeps } from '../../../app/deps';
import type { MeetingView } from '../../../app/openMeeting';
import type { PackageKind } from '../../../domain/meetingPackage';
import { messageOf } from '../../errors';
import { useLocale } from '../../i18n/LocaleContext';
import { usePackageStrings } from '../../i18n/packageStrings';

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    margin: `${tokens.spacingVerticalS} 0`,
    minWidth: 0,
  },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  status: { overflowWrap: 'anywhere' },
});

export interface MeetingPackageButtonsProps {
  deps: AppDeps;
  view: MeetingView;
}

/**
 * "Hent mødemappe" for everyone who reads the meeting, "Hent offentlig mødemappe" for its organizer (issue 25
 * point 3). The package is made in this page from what the reader's own token reads; its code and the PDF
 * library load at the first click (their own chunk), so the page opens no heavier.
 */
export function MeetingPackageButtons({ deps, view }: MeetingPackageButtonsProps) {
  const styles = useStyles();
  const s = usePackageStrings();
  const locale = useLocale();
  const [busy, setBusy] = useState<PackageKind | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const renderer = deps.packageRenderer;
  if (!renderer) return null;
  const download = async (kind: PackageKind) => {
    setBusy(kind);
    setStatus({ ok: true, text: s.making });
    try {
      const { buildMeetingPackage } = await import(
        /* webpackChunkName: "meeting-package" */ '../../../app/meetingPackage'
      );
      const made = await buildMeetingPackage({ ...deps, packageRenderer: renderer }, view, kind, locale);
      const url = URL.createObjectURL(new Blob([made.bytes.slice()], { type: 'application/pdf' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = made.fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 30_000);
      const left = made.leftOut.map((l) => s.leftOutItem(l.name, l.itemNumber));
      setStatus({
        ok: true,
        text: [s.done(made.fileName), left.length ? s.leftOut(left) : ''].join(' ').trim(),
      });
    } catch (e) {
      setStatus({ ok: false, text: `${s.failed} ${messageOf(e, locale)}` });
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className={styles.root} aria-label={s.region}>
      <div className={styles.buttons}>
        <Button disabled={busy !== null} onClick={() => void download('reader')}>
          {s.download}
        </Button>
        {view.role === 'organizer' && (
          <Button disabled={busy !== null} onClick={() => void download('public')}>
            {s.downloadPublic}
          </Button>
        )}
      </div>
      <Text role={status && !status.ok ? 'alert' : 'status'} size={200} className={styles.status}>
        {status?.text ?? ''}
      </Text>
    </section>
  );
}
