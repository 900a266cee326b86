/** Where the page runs: Teams (teams-js), Outlook (Office.js) or a plain browser. */
export type HostKind = 'teams' | 'outlook' | 'browser';
export type Theme = 'default' | 'dark' | 'contrast';
export type FrameContext = 'content' | 'sidePanel' | 'meetingStage' | 'settings' | 'task' | 'browser';

export interface HostContext {
  kind: HostKind;
  theme: Theme;
  /** BCP 47, e.g. "da-DK" or "en-US". */
  locale: string;
  frameContext: FrameContext;
  user?: { upn: string; name?: string };
  /** What the host knows about the meeting; the CalendarGateway turns any of these into a MeetingKey. */
  meeting: { iCalUId?: string; eventId?: string; chatId?: string } | null;
  /** In Outlook: organizer vs attendee surface. */
  isOrganizer?: boolean;
  /** Set when a host could not start (e.g. teams-js timed out) and the browser host took over. */
  fallbackReason?: HostFallback;
}

/** Why the page runs as a plain web page, by code (src/ui/i18n has the words), with what the words name. */
export type HostFallback =
  | { code: 'officeMissing' }
  | { code: 'notOutlook'; host?: string }
  | { code: 'teamsTimeout'; seconds: number }
  | { code: 'teamsFailed'; cause: string };

export interface MeetingHost {
  context(): Promise<HostContext>;
  onThemeChange(listener: (theme: Theme) => void): () => void;
}
