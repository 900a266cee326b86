import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppNav, type AppPage } from '../ui/components/AppNav/AppNav';
import { AppShell } from '../ui/components/AppShell/AppShell';
import { MeetingList } from '../ui/components/MeetingList/MeetingList';
import { hostFallbackText, messageOf } from '../ui/errors';
import { loadMyMeetings, type MyMeetings } from '../app/myMeetings';
import { retryTransient } from '../app/retryTransient';
import { signOut } from '../app/signOut';
import { SignOut } from '../ui/components/SignOut/SignOut';
import { PendingWritesBar } from '../ui/components/PendingWrites/PendingWritesBar';
import { STRINGS } from '../ui/i18n/strings';
import { createRuntime, type Runtime } from './runtime';

const params = new URLSearchParams(window.location.search);
const initialLocale = params.get('lang') === 'en' ? 'en' : 'da';
const initialTheme = (params.get('theme') as 'default' | 'dark' | 'contrast' | null) ?? 'default';

/**
 * Shared start of every page: a loading state at once, then the runtime, then the page. `nav` names the
 * page among the person's own pages (Mine møder, Opfølgninger, Arkiv): outside Teams — whose personal app
 * shows them as its own tabs — those pages carry one navigation between them. A page that needs a meeting
 * is "Mine møder" only while it lists the meetings.
 */
export function mount(
  page: string,
  render: (runtime: Runtime & { meetingKey: string }) => ReactNode,
  options: { needsMeeting?: boolean; nav?: AppPage } = {},
) {
  createRoot(document.getElementById('root')!).render(
    <Boot page={page} render={render} needsMeeting={options.needsMeeting ?? true} nav={options.nav} />,
  );
}

function Boot({
  page,
  render,
  needsMeeting,
  nav,
}: {
  page: string;
  render: (runtime: Runtime & { meetingKey: string }) => ReactNode;
  needsMeeting: boolean;
  nav?: AppPage;
}) {
  const [runtime, setRuntime] = useState<Runtime | null>(null);
  const [error, setError] = useState<unknown>(null);
  /** A transient failure while starting that is being tried again: said at once, not after every retry. */
  const [retrying, setRetrying] = useState<unknown>(null);
  const [meetings, setMeetings] = useState<MyMeetings | null>(null);
  const [hostTheme, setHostTheme] = useState<Runtime['theme'] | null>(null);
  const [signedOut, setSignedOut] = useState(false);
  useEffect(() => runtime?.meetingHost.onThemeChange(setHostTheme), [runtime]);
  useEffect(() => {
    if (!runtime) return;
    // Whatever an earlier page of this profile kept (a pane closed right after "Send afbud") lands now.
    const resume = () => void runtime.writes.resume();
    resume();
    window.addEventListener('online', resume);
    return () => {
      window.removeEventListener('online', resume);
      runtime.writes.dispose();
    };
  }, [runtime]);
  useEffect(() => {
    // A dropped connection or a 5xx while starting is tried again; the page says why meanwhile.
    retryTransient(() => createRuntime({ readsMeeting: needsMeeting }), { onRetry: setRetrying })
      .then(async (r) => {
        setRetrying(null);
        setRuntime(r);
        if (!r.meetingKey && needsMeeting) setMeetings(await retryTransient(() => loadMyMeetings(r.deps)));
      })
      .catch(setError);
  }, [needsMeeting]);
  const locale = runtime?.locale ?? initialLocale;
  const theme = hostTheme ?? runtime?.theme ?? initialTheme;
  let body: ReactNode;
  if (signedOut) body = <p role="status">{STRINGS[locale].signedOut}</p>;
  else if (error) body = <p role="alert">{messageOf(error, locale)}</p>;
  else if (!runtime)
    body = (
      <>
        {retrying !== null && (
          <MessageBar intent="warning">
            <MessageBarBody>{messageOf(retrying, locale)}</MessageBarBody>
          </MessageBar>
        )}
        <Spinner label={STRINGS[locale].starting} />
      </>
    );
  else if (!runtime.meetingKey && needsMeeting)
    body = meetings ? <MeetingList meetings={meetings} page={page} /> : <Spinner />;
  else body = render({ ...runtime, meetingKey: runtime.meetingKey ?? '' });
  return (
    <AppShell theme={theme} locale={locale}>
      {runtime?.host.fallbackReason && (
        <MessageBar intent="info">
          <MessageBarBody>{hostFallbackText(runtime.host.fallbackReason, locale)}</MessageBarBody>
        </MessageBar>
      )}
      {/* Inside Teams and Outlook the host owns the account: "Log ud" only in the plain browser. */}
      {runtime && !signedOut && !onStage(runtime) && runtime.host.kind === 'browser' && (
        <SignOut
          onSignOut={(discardPending) => signOut(runtime.deps.outbox, runtime.tokens, { discardPending })}
          onSignedOut={() => setSignedOut(true)}
        />
      )}
      {runtime && !signedOut && !onStage(runtime) && <PendingWritesBar writes={runtime.writes} />}
      {nav &&
        runtime &&
        !signedOut &&
        !error &&
        runtime.host.kind !== 'teams' &&
        !onStage(runtime) &&
        (!needsMeeting || !runtime.meetingKey) && <AppNav current={nav} />}
      {body}
    </AppShell>
  );
}

/** The shared stage shows the meeting to the room: no account controls there. */
function onStage(runtime: Runtime): boolean {
  return runtime.host.frameContext === 'meetingStage' || params.get('view') === 'stage';
}
