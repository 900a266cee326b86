import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppShell } from '../ui/components/AppShell/AppShell';
import { MeetingList } from '../ui/components/MeetingList/MeetingList';
import { messageOf } from '../ui/errors';
import type { CalendarEvent } from '../ports/CalendarGateway';
import { retryTransient } from '../app/retryTransient';
import { signOut } from '../app/signOut';
import { SignOut } from '../ui/components/SignOut/SignOut';
import { STRINGS } from '../ui/i18n/strings';
import { createRuntime, type Runtime } from './runtime';

const params = new URLSearchParams(window.location.search);
const initialLocale = params.get('lang') === 'en' ? 'en' : 'da';
const initialTheme = (params.get('theme') as 'default' | 'dark' | 'contrast' | null) ?? 'default';

/** Shared start of every page: a loading state at once, then the runtime, then the page. */
export function mount(
  page: string,
  render: (runtime: Runtime & { meetingKey: string }) => ReactNode,
  options: { needsMeeting?: boolean } = {},
) {
  createRoot(document.getElementById('root')!).render(
    <Boot page={page} render={render} needsMeeting={options.needsMeeting ?? true} />,
  );
}

function Boot({
  page,
  render,
  needsMeeting,
}: {
  page: string;
  render: (runtime: Runtime & { meetingKey: string }) => ReactNode;
  needsMeeting: boolean;
}) {
  const [runtime, setRuntime] = useState<Runtime | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [meetings, setMeetings] = useState<CalendarEvent[] | null>(null);
  const [hostTheme, setHostTheme] = useState<Runtime['theme'] | null>(null);
  const [signedOut, setSignedOut] = useState(false);
  useEffect(() => runtime?.meetingHost.onThemeChange(setHostTheme), [runtime]);
  useEffect(() => {
    // A dropped connection or a 5xx while starting is tried again; the spinner stays meanwhile.
    retryTransient(() => createRuntime({ readsMeeting: needsMeeting }))
      .then(async (r) => {
        setRuntime(r);
        if (!r.meetingKey && needsMeeting) {
          const now = Date.now();
          const from = new Date(now - 14 * 86400000).toISOString();
          const to = new Date(now + 60 * 86400000).toISOString();
          setMeetings(await retryTransient(() => r.deps.calendar.listMeetings(from, to)));
        }
      })
      .catch(setError);
  }, [needsMeeting]);
  const locale = runtime?.locale ?? initialLocale;
  const theme = hostTheme ?? runtime?.theme ?? initialTheme;
  let body: ReactNode;
  if (signedOut) body = <p role="status">{STRINGS[locale].signedOut}</p>;
  else if (error) body = <p role="alert">{messageOf(error, locale)}</p>;
  else if (!runtime) body = <Spinner label={locale === 'en' ? 'Loading…' : 'Indlæser…'} />;
  else if (!runtime.meetingKey && needsMeeting)
    body = meetings ? <MeetingList meetings={meetings} page={page} /> : <Spinner />;
  else body = render({ ...runtime, meetingKey: runtime.meetingKey ?? '' });
  return (
    <AppShell theme={theme} locale={locale}>
      {runtime?.host.fallbackReason && (
        <MessageBar intent="info">
          <MessageBarBody>{runtime.host.fallbackReason}</MessageBarBody>
        </MessageBar>
      )}
      {runtime && !signedOut && !onStage(runtime) && (
        <SignOut
          onSignOut={(discardPending) => signOut(runtime.deps.outbox, runtime.tokens, { discardPending })}
          onSignedOut={() => setSignedOut(true)}
        />
      )}
      {body}
    </AppShell>
  );
}

/** The shared stage shows the meeting to the room: no account controls there. */
function onStage(runtime: Runtime): boolean {
  return runtime.host.frameContext === 'meetingStage' || params.get('view') === 'stage';
}
