import {
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  tokens,
} from '@fluentui/react-components';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import type { Theme } from '../../../ports/MeetingHost';
import { LocaleProvider } from '../../i18n/LocaleContext';
import { STRINGS, type UiLocale } from '../../i18n/strings';
import { messageOf } from '../../errors';

const THEMES = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme };

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
});

export interface AppShellProps {
  theme: Theme;
  locale: UiLocale;
  children: ReactNode;
}

/** Theme (Teams light, dark, high contrast), language and an error boundary around every page. */
export function AppShell({ theme, locale, children }: AppShellProps) {
  const styles = useStyles();
  return (
    <FluentProvider theme={THEMES[theme]} lang={locale === 'en' ? 'en' : 'da'}>
      <LocaleProvider locale={locale}>
        <main className={styles.root}>
          <ErrorBoundary locale={locale}>{children}</ErrorBoundary>
        </main>
      </LocaleProvider>
    </FluentProvider>
  );
}

class ErrorBoundary extends Component<{ locale: UiLocale; children: ReactNode }, { error: unknown }> {
  override state = { error: null as unknown };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }
  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          <MessageBarTitle>{STRINGS[this.props.locale].errorTitle}</MessageBarTitle>
          {messageOf(this.state.error, this.props.locale)}
        </MessageBarBody>
      </MessageBar>
    );
  }
}
