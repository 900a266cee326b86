import type { HostContext, HostFallback, MeetingHost, Theme } from '../../ports/MeetingHost';

/**
 * A plain browser tab (and the fallback when Teams or Outlook cannot start): the query string is the
 * host — `?as=`, `meeting=`, `lang=`, `theme=` — and the system's colour scheme is followed when no theme
 * is given.
 */
export function browserHost(win: Window = window, fallbackReason?: HostFallback): MeetingHost {
  const params = new URLSearchParams(win.location.search);
  const fixed = params.get('theme') as Theme | null;
  const dark = win.matchMedia?.('(prefers-color-scheme: dark)');
  const contrast = win.matchMedia?.('(forced-colors: active)');
  const current = (): Theme => fixed ?? (contrast?.matches ? 'contrast' : dark?.matches ? 'dark' : 'default');
  return {
    context: async (): Promise<HostContext> => ({
      kind: 'browser',
      theme: current(),
      locale: params.get('lang') === 'en' ? 'en-US' : 'da-DK',
      frameContext: 'browser',
      user: params.get('as') ? { upn: params.get('as')! } : undefined,
      meeting: params.get('meeting') ? { iCalUId: params.get('meeting')! } : null,
      fallbackReason,
    }),
    onThemeChange(listener) {
      if (fixed) return () => undefined;
      const onChange = () => listener(current());
      dark?.addEventListener?.('change', onChange);
      contrast?.addEventListener?.('change', onChange);
      return () => {
        dark?.removeEventListener?.('change', onChange);
        contrast?.removeEventListener?.('change', onChange);
      };
    },
  };
}
