/** @jest-environment jsdom */
import type { app } from '@microsoft/teams-js';
import { browserHost } from '../../src/adapters/hosts/browserHost';
import { insertAgendaIntoBody, outlookHost, type OfficeApi } from '../../src/adapters/hosts/outlookHost';
import { teamsHost, type TeamsSdk } from '../../src/adapters/hosts/teamsHost';

function fakeTeams(ctx: Partial<app.Context> | 'hang' | Error) {
  let themeHandler: ((t: string) => void) | undefined;
  const sdk: TeamsSdk & { setTheme(t: string): void; succeeded: number } = {
    succeeded: 0,
    app: {
      initialize: () =>
        ctx === 'hang'
          ? new Promise<void>(() => undefined)
          : ctx instanceof Error
            ? Promise.reject(ctx)
            : Promise.resolve(),
      getContext: async () => ctx as app.Context,
      registerOnThemeChangeHandler: (h) => {
        themeHandler = h;
      },
      notifySuccess: () => {
        sdk.succeeded++;
      },
    },
    setTheme: (t) => themeHandler?.(t),
  };
  return sdk;
}

const teamsContext = {
  app: {
    locale: 'da-dk',
    theme: 'dark',
    sessionId: 's',
    host: { name: 'Teams', clientType: 'web', sessionId: 'h' },
  },
  page: { id: 'moede', frameContext: 'sidePanel' },
  user: { id: 'u1', userPrincipalName: 'mads@kommune.example', displayName: 'Mads' },
  meeting: { id: 'MCMxOTptZWV0aW5n' },
  chat: { id: '19:meeting_abc@thread.v2' },
} as unknown as app.Context;

describe('Teams host', () => {
  test('reads user, chat, frame, theme and locale, tells Teams it loaded, and follows theme changes', async () => {
    const sdk = fakeTeams(teamsContext);
    const host = await teamsHost(sdk);
    expect(await host.context()).toEqual({
      kind: 'teams',
      theme: 'dark',
      locale: 'da-dk',
      frameContext: 'sidePanel',
      user: { upn: 'mads@kommune.example', name: 'Mads' },
      meeting: { chatId: '19:meeting_abc@thread.v2' },
    });
    expect(sdk.succeeded).toBe(1);
    const seen: string[] = [];
    const stop = host.onThemeChange((t) => seen.push(t));
    sdk.setTheme('contrast');
    stop();
    sdk.setTheme('default');
    expect(seen).toEqual(['contrast']);
  });

  test('outside Teams initialize never answers: after the timeout the browser host takes over and says why', async () => {
    jest.useFakeTimers();
    try {
      const pending = teamsHost(fakeTeams('hang'), { timeoutMs: 3000 });
      await jest.advanceTimersByTimeAsync(3000);
      const ctx = await (await pending).context();
      expect(ctx.kind).toBe('browser');
      expect(ctx.fallbackReason).toEqual({ code: 'teamsTimeout', seconds: 3 });
    } finally {
      jest.useRealTimers();
    }
  });

  test('a failing initialize also falls back, with the reason', async () => {
    const ctx = await (await teamsHost(fakeTeams(new Error('SDK initialization timed out.')))).context();
    expect(ctx.fallbackReason).toEqual({ code: 'teamsFailed', cause: 'SDK initialization timed out.' });
  });
});

function fakeOffice(item: Record<string, unknown>, opts: { host?: string; theme?: string } = {}) {
  const calls: string[] = [];
  let body = '<p>Velkommen</p>';
  const ok = <T>(value: T) => ({ status: 'succeeded', value });
  const office = {
    onReady: async () => ({ host: opts.host ?? 'Outlook', platform: 'OfficeOnline' }),
    MailboxEnums: { RestVersion: { v2_0: 'v2.0' } },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    CoercionType: { Html: 'html', Text: 'text' },
    context: {
      displayLanguage: 'da-DK',
      officeTheme: opts.theme ? { bodyBackgroundColor: opts.theme } : undefined,
      mailbox: {
        item: {
          ...item,
          body: {
            getTypeAsync: (cb: (r: unknown) => void) => cb(ok('html')),
            getAsync: (_t: string, cb: (r: unknown) => void) => cb(ok(body)),
            setAsync: (html: string, _o: unknown, cb: (r: unknown) => void) => {
              body = html;
              calls.push('setAsync');
              cb(ok(undefined));
            },
            prependAsync: (_h: string, _o: unknown, cb: (r: unknown) => void) => cb(ok(undefined)),
          },
        },
        userProfile: { emailAddress: 'sofie@kommune.example', displayName: 'Sofie Holm' },
        convertToRestId: (id: string) => `rest:${id}`,
      },
    },
  };
  return { office: office as unknown as OfficeApi, calls, body: () => body };
}

describe('Outlook host', () => {
  test('an attendee reading an appointment: REST id of the item, not the organizer', async () => {
    const { office } = fakeOffice(
      { itemId: 'AAMk=', organizer: { emailAddress: 'Anders@kommune.example' } },
      { theme: '#1f1f1f' },
    );
    const ctx = await (await outlookHost(office)).context();
    expect(ctx).toMatchObject({
      kind: 'outlook',
      meeting: { eventId: 'rest:AAMk=' },
      isOrganizer: false,
      theme: 'dark',
      frameContext: 'task',
      user: { upn: 'sofie@kommune.example' },
    });
  });

  test('the organizer composing a new appointment: it is saved first to get an id', async () => {
    const { office } = fakeOffice({
      saveAsync: (cb: (r: unknown) => void) => cb({ status: 'succeeded', value: 'NEWID' }),
    });
    const ctx = await (await outlookHost(office)).context();
    expect(ctx).toMatchObject({ meeting: { eventId: 'rest:NEWID' }, isOrganizer: true, theme: 'default' });
  });

  test('in compose mode the agenda section goes into the body, replacing the old one', async () => {
    const { office, body } = fakeOffice({ saveAsync: () => undefined });
    await insertAgendaIntoBody(office, '<div>Dagsorden</div>', (current) => `<div>Dagsorden</div>${current}`);
    expect(body()).toBe('<div>Dagsorden</div><p>Velkommen</p>');
  });

  test('without Office.js, or in another Office app, the browser host is used and says why', async () => {
    expect((await (await outlookHost(undefined)).context()).fallbackReason).toEqual({
      code: 'officeMissing',
    });
    const { office } = fakeOffice({}, { host: 'Word' });
    expect((await (await outlookHost(office)).context()).fallbackReason).toEqual({
      code: 'notOutlook',
      host: 'Word',
    });
  });
});

describe('browser host', () => {
  test('the query string is the host', async () => {
    window.history.replaceState(
      null,
      '',
      '/meeting.html?as=erik@kommune.example&meeting=K1&lang=en&theme=contrast',
    );
    expect(await browserHost(window).context()).toEqual({
      kind: 'browser',
      theme: 'contrast',
      locale: 'en-US',
      frameContext: 'browser',
      user: { upn: 'erik@kommune.example' },
      meeting: { iCalUId: 'K1' },
      fallbackReason: undefined,
    });
  });
});

describe('the configurable tab', () => {
  test('is valid at once; Save binds the meeting page and tells Teams it succeeded', async () => {
    const { registerTabConfig } = await import('../../src/adapters/hosts/teamsTabConfig');
    const log: unknown[] = [];
    let onSave: ((e: { notifySuccess(): void; notifyFailure(r?: string): void }) => void) | undefined;
    await registerTabConfig(
      {
        app: { initialize: async () => undefined },
        pages: {
          config: {
            registerOnSaveHandler: (h) => {
              onSave = h as typeof onSave;
            },
            setConfig: async (c) => {
              log.push(c);
            },
            setValidityState: (v) => log.push({ valid: v }),
          },
        },
      },
      'https://moeder.kommune.example',
    );
    expect(log).toEqual([{ valid: true }]);
    await new Promise<void>((resolve) =>
      onSave!({ notifySuccess: () => resolve(), notifyFailure: () => undefined }),
    );
    expect(log[1]).toEqual({
      entityId: 'moedeassistent-meeting',
      contentUrl: 'https://moeder.kommune.example/meeting.html',
      websiteUrl: 'https://moeder.kommune.example/meeting.html',
      suggestedDisplayName: 'Mødeassistent',
    });
  });
});

describe('Outlook compose surface', () => {
  test('inserts the sanitized agenda section, replacing an earlier one, and attaches the agenda file', async () => {
    const { outlookCompose } = await import('../../src/adapters/hosts/outlookHost');
    const { replaceAgendaSection } = await import('../../src/domain/agendaSection');
    const { renderAgendaSection } = await import('../../src/i18n/agendaSection');
    const attached: Array<[string, string]> = [];
    const { office, body } = fakeOffice({
      saveAsync: () => undefined,
      addFileAttachmentFromBase64Async: (b64: string, name: string, cb: (r: unknown) => void) => {
        attached.push([name, b64]);
        cb({ status: 'succeeded', value: 'att-1' });
      },
    });
    const compose = outlookCompose(office, replaceAgendaSection, (html) =>
      html.replace(/<script[\s\S]*?<\/script>/g, ''),
    )!;
    const item = {
      id: 'a',
      number: 1,
      title: 'Dagsorden <script>x</script>',
      category: null,
      durationMinutes: 5,
      guests: [],
      closed: false,
      attachments: [],
    };
    await compose.insertAgenda(renderAgendaSection({ series: 'Rådmandsmøder', agendaVersion: 1 }, [item]));
    await compose.insertAgenda(renderAgendaSection({ series: 'Rådmandsmøder', agendaVersion: 2 }, [item]));
    expect(body().match(/Punkt 1: Dagsorden/g)).toHaveLength(1);
    expect(body()).toContain('(version 2)');
    expect(body()).toContain('&lt;script&gt;');
    expect(body()).toContain('<p>Velkommen</p>');
    await compose.attachFile('Dagsorden.txt', new TextEncoder().encode('Punkt 1'));
    expect(attached).toEqual([['Dagsorden.txt', btoa('Punkt 1')]]);
  });

  test('a read form (attendee) has no compose surface', async () => {
    const { outlookCompose } = await import('../../src/adapters/hosts/outlookHost');
    const { office } = fakeOffice({ itemId: 'AAMk=' });
    expect(
      outlookCompose(
        office,
        (b) => b,
        (h) => h,
      ),
    ).toBeNull();
  });
});
