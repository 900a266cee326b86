import { createRoot } from 'react-dom/client';
import { registerTabConfig } from '../adapters/hosts/teamsTabConfig';
import { readConfig } from '../config';
import { AppShell } from '../ui/components/AppShell/AppShell';
import { ConfigPage } from '../ui/pages/ConfigPage/ConfigPage';

const params = new URLSearchParams(window.location.search);
const locale = params.get('lang') === 'en' ? 'en' : 'da';
const config = readConfig({ APP_URL: process.env.APP_URL, PORT: undefined });

/** In Teams the page is framed: register the save handler; alone in a browser there is nothing to save. */
async function bindToTeams() {
  if (window.parent === window) return;
  const teams = await import(/* webpackChunkName: "teams-js" */ '@microsoft/teams-js');
  await registerTabConfig(teams, config.appUrl, locale);
}

createRoot(document.getElementById('root')!).render(
  <AppShell theme="default" locale={locale}>
    <ConfigPage onReady={() => void bindToTeams().catch(() => undefined)} />
  </AppShell>,
);
