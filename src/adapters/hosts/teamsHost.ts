import type { app } from '@microsoft/teams-js';
import type { FrameContext, HostContext, HostFallback, MeetingHost, Theme } from '../../ports/MeetingHost';
import { browserHost } from './browserHost';

/** The part of teams-js the host uses (the real module satisfies it; tests pass a fake). */
export interface TeamsSdk {
  app: {
    initialize(validMessageOrigins?: string[]): Promise<void>;
    getContext(): Promise<app.Context>;
    registerOnThemeChangeHandler(handler: (theme: string) => void): void;
    notifySuccess?(): void;
  };
}

export const TEAMS_TIMEOUT_MS = 3000;

const themeOf = (t: string | undefined): Theme =>
  t === 'dark' ? 'dark' : t === 'contrast' ? 'contrast' : 'default';

const FRAMES: Record<string, FrameContext> = {
  content: 'content',
  sidePanel: 'sidePanel',
  meetingStage: 'meetingStage',
  settings: 'settings',
  task: 'task',
};

/**
 * The meeting tab in Teams: context from teams-js (user, meeting and chat ids, frame, theme, locale) and
 * theme changes. `app.initialize()` never answers outside Teams, so it is raced against a timeout; then
 * the browser host takes over and says why.
 */
export async function teamsHost(
  sdk: TeamsSdk,
  options: { timeoutMs?: number; win?: Window } = {},
): Promise<MeetingHost> {
  const timeoutMs = options.timeoutMs ?? TEAMS_TIMEOUT_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  let outcome: 'ok' | 'timeout' | Error;
  try {
    outcome = await Promise.race([sdk.app.initialize().then(() => 'ok' as const), timedOut]);
  } catch (e) {
    outcome = e instanceof Error ? e : new Error(String(e));
  } finally {
    clearTimeout(timer);
  }
  if (outcome !== 'ok') {
    const why: HostFallback =
      outcome === 'timeout'
        ? { code: 'teamsTimeout', seconds: timeoutMs / 1000 }
        : { code: 'teamsFailed', cause: outcome.message };
    return browserHost(options.win ?? window, why);
  }
  const ctx = await sdk.app.getContext();
  sdk.app.notifySuccess?.();
  const listeners = new Set<(theme: Theme) => void>();
  sdk.app.registerOnThemeChangeHandler((t) => listeners.forEach((l) => l(themeOf(t))));
  const context: HostContext = {
    kind: 'teams',
    theme: themeOf(ctx.app.theme),
    locale: ctx.app.locale || 'da-DK',
    frameContext: FRAMES[String(ctx.page.frameContext)] ?? 'content',
    user: ctx.user?.userPrincipalName
      ? { upn: ctx.user.userPrincipalName, name: ctx.user.displayName }
      : undefined,
    meeting: ctx.meeting?.id || ctx.chat?.id ? { chatId: ctx.chat?.id } : null,
  };
  return {
    context: async () => context,
    onThemeChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
