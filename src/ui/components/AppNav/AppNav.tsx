import { Link, makeStyles, Tab, TabList, tokens } from '@fluentui/react-components';
import { useStrings } from '../../i18n/LocaleContext';
import type { Strings } from '../../i18n/strings';

/** The person's own pages: the Teams personal app's tabs, and one navigation between them in a browser. */
export type AppPage = 'meetings' | 'followups' | 'archive';

/** Each page's file; "Mine møder" is the meeting page without a meeting, which lists the person's meetings. */
export const APP_PAGE_FILES: Record<AppPage, string> = {
  meetings: 'meeting.html',
  followups: 'followups.html',
  archive: 'archive.html',
};

const ORDER: AppPage[] = ['meetings', 'followups', 'archive'];
const labelOf = (s: Strings, page: AppPage) =>
  page === 'meetings' ? s.navMeetings : page === 'followups' ? s.navFollowUps : s.navArchive;

/** A page's address, keeping the query (who, language, theme, dev server) but not the meeting. */
export function appPageHref(page: AppPage, search = window.location.search): string {
  const params = new URLSearchParams(search);
  params.delete('meeting');
  const query = params.toString();
  return query ? `${APP_PAGE_FILES[page]}?${query}` : APP_PAGE_FILES[page];
}

const useStyles = makeStyles({
  nav: { marginBottom: tokens.spacingVerticalM, maxWidth: '100%' },
  // At the side panel's 320 px the tabs wrap rather than run off the edge.
  tabs: { flexWrap: 'wrap' },
  links: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    listStyle: 'none',
    padding: 0,
    margin: `${tokens.spacingVerticalL} 0 0`,
  },
});

export interface AppNavProps {
  /** The page shown; none when the navigation sits on another surface (the Outlook task pane). */
  current?: AppPage;
  /**
   * 'tabs' between the pages themselves (a TabList: arrow keys move, Enter or Space opens);
   * 'links' from elsewhere, each opening in a new window (the task pane keeps its meeting).
   */
  variant?: 'tabs' | 'links';
  /** Goes to a page; the browser's own navigation unless a test or host supplies another. */
  navigate?: (href: string) => void;
}

export function AppNav({
  current,
  variant = 'tabs',
  navigate = (href) => window.location.assign(href),
}: AppNavProps) {
  const s = useStrings();
  const styles = useStyles();
  if (variant === 'links') {
    return (
      <nav aria-label={s.appNav}>
        <ul className={styles.links}>
          {ORDER.map((page) => (
            <li key={page}>
              <Link
                href={appPageHref(page)}
                target="_blank"
                rel="noopener"
                aria-label={`${labelOf(s, page)} (${s.opensInNewWindow})`}
              >
                {labelOf(s, page)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    );
  }
  return (
    <nav aria-label={s.appNav} className={styles.nav}>
      <TabList
        className={styles.tabs}
        selectedValue={current}
        aria-label={s.appNav}
        onTabSelect={(_e, d) => {
          const page = d.value as AppPage;
          if (page !== current) navigate(appPageHref(page));
        }}
      >
        {ORDER.map((page) => (
          <Tab key={page} value={page} aria-current={page === current ? 'page' : undefined}>
            {labelOf(s, page)}
          </Tab>
        ))}
      </TabList>
    </nav>
  );
}
