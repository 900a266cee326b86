import { createRoot } from 'react-dom/client';
import { AppShell } from '../ui/components/AppShell/AppShell';
import { ConfigPage } from '../ui/pages/ConfigPage/ConfigPage';

const params = new URLSearchParams(window.location.search);
createRoot(document.getElementById('root')!).render(
  <AppShell theme="default" locale={params.get('lang') === 'en' ? 'en' : 'da'}>
    <ConfigPage />
  </AppShell>,
);
