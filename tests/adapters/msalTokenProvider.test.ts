/** @jest-environment jsdom */
import {
  BrowserAuthError,
  InteractionRequiredAuthError,
  type AccountInfo,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import { MsalTokenProvider } from '../../src/adapters/auth/msalTokenProvider';
import { PortError } from '../../src/ports/errors';
import { messageOf } from '../../src/ui/errors';

const sofie = {
  username: 'sofie@kommune.example',
  name: 'Sofie Holm',
  homeAccountId: 'h',
  environment: 'e',
  tenantId: 't',
  localAccountId: 'l',
} as AccountInfo;

function fakePca(script: { silent: Array<'ok' | Error>; popup?: Array<'ok' | Error> }) {
  const calls: string[] = [];
  let active: AccountInfo | null = null;
  const answer = (kind: string, list: Array<'ok' | Error> | undefined, scopes: string[]) => {
    calls.push(`${kind}:${scopes.join(' ')}`);
    const next = list?.shift() ?? new Error(`unexpected ${kind}`);
    if (next instanceof Error) return Promise.reject(next);
    return Promise.resolve({ accessToken: `${kind}-token`, account: sofie });
  };
  const pca = {
    acquireTokenSilent: (r: { scopes: string[] }) => answer('silent', script.silent, r.scopes),
    acquireTokenPopup: (r: { scopes: string[] }) => answer('popup', script.popup, r.scopes),
    getActiveAccount: () => active,
    getAllAccounts: () => (active ? [active] : []),
    setActiveAccount: (a: AccountInfo) => {
      active = a;
    },
    clearCache: async () => {
      calls.push('clearCache');
      active = null;
    },
  } as unknown as IPublicClientApplication;
  return { pca, calls };
}

test('silent first: no popup when the cache (or the host broker) has a token', async () => {
  const { pca, calls } = fakePca({ silent: ['ok'] });
  const tokens = new MsalTokenProvider(pca);
  expect(await tokens.getToken(['User.Read'])).toBe('silent-token');
  expect(calls).toEqual(['silent:User.Read']);
  expect(await tokens.account()).toEqual({ upn: 'sofie@kommune.example', name: 'Sofie Holm' });
});

test('interaction required: one popup, then silent again; scopes are asked for when needed', async () => {
  const { pca, calls } = fakePca({
    silent: [new InteractionRequiredAuthError('interaction_required', 'interaction required'), 'ok'],
    popup: ['ok'],
  });
  const tokens = new MsalTokenProvider(pca);
  expect(await tokens.getToken(['User.Read'])).toBe('popup-token');
  expect(await tokens.getToken(['Mail.Send'])).toBe('silent-token');
  expect(calls).toEqual(['silent:User.Read', 'popup:User.Read', 'silent:Mail.Send']);
});

test('a blocked popup gives a Danish message that says what to do', async () => {
  const { pca } = fakePca({
    silent: [new InteractionRequiredAuthError('interaction_required', 'interaction required')],
    popup: [new BrowserAuthError('popup_window_error', 'popup blocked')],
  });
  const e = await new MsalTokenProvider(pca).getToken(['User.Read']).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(PortError);
  expect((e as PortError).kind).toBe('Unauthorized');
  expect(messageOf(e)).toBe('Log-ind-vinduet blev blokeret. Tillad pop op-vinduer for siden, og prøv igen.');
});

test('missing admin consent points to the administrator', async () => {
  const consent = new InteractionRequiredAuthError(
    'consent_required',
    'AADSTS65001: The user or administrator has not consented',
  );
  const { pca } = fakePca({ silent: [consent], popup: [consent] });
  const e = await new MsalTokenProvider(pca).getToken(['Sites.Selected']).catch((x: unknown) => x);
  expect(messageOf(e)).toMatch(/mangler samtykke.*it-administrator/);
});

test('sign-out clears the token cache', async () => {
  const { pca, calls } = fakePca({ silent: ['ok'] });
  const tokens = new MsalTokenProvider(pca);
  await tokens.getToken(['User.Read']);
  await tokens.signOut();
  expect(calls).toContain('clearCache');
  expect(await tokens.account()).toBeNull();
});
