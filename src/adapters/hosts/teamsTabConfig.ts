import type { pages } from '@microsoft/teams-js';

/** The part of teams-js the configurable tab's settings page uses. */
export interface TeamsConfigSdk {
  app: { initialize(): Promise<void> };
  pages: {
    config: {
      registerOnSaveHandler(handler: (event: pages.config.SaveEvent) => void): void;
      setConfig(instance: pages.InstanceConfig): Promise<void>;
      setValidityState(valid: boolean): void;
    };
  };
}

/**
 * Binds the tab to the meeting it is added to: nothing to choose, so the settings are valid at once and
 * Save stores the meeting page as the tab's content (Teams passes the meeting context to it later).
 */
export async function registerTabConfig(
  sdk: TeamsConfigSdk,
  appUrl: string,
  locale: 'da' | 'en' = 'da',
): Promise<void> {
  await sdk.app.initialize();
  sdk.pages.config.registerOnSaveHandler((event) => {
    sdk.pages.config
      .setConfig({
        entityId: 'moedeassistent-meeting',
        contentUrl: `${appUrl}/meeting.html${locale === 'en' ? '?lang=en' : ''}`,
        websiteUrl: `${appUrl}/meeting.html`,
        suggestedDisplayName: locale === 'en' ? 'Meeting Assistant' : 'Mødeassistent',
      })
      .then(
        () => event.notifySuccess(),
        (e: unknown) => event.notifyFailure(e instanceof Error ? e.message : String(e)),
      );
  });
  sdk.pages.config.setValidityState(true);
}
