import { Link, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
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
  // A bar of page links, wrapping at the side panel's 320 px rather than running off the edge.
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    listStyle: 'none',
    padding: 0,
    margin: 0,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  page: {
    display: 'inline-block',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
  },
  // The page shown: underlined in the brand colour and bold, so it reads without colour too.
  current: {
    borderBottomColor: tokens.colorCompoundBrandStroke,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
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
   * 'bar' between the pages themselves; 'links' from elsewhere, each opening in a new window (the task
   * pane keeps its meeting).
   */
  variant?: 'bar' | 'links';
}

/**
 * Going to another page is a link, not a tab: ARIA tabs switch panels within one page, and Fluent's
 * TabList adds focus-redirecting elements that are focusable yet aria-hidden (axe: aria-hidden-focus).
 * Tab moves from link to link, Enter opens; the page shown is `aria-current="page"`.
 */
export function AppNav({ current, variant = 'bar' }: AppNavProps) {
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
      <ul className={styles.bar}>
        {ORDER.map((page) => (
          <li key={page}>
            <Link
              href={appPageHref(page)}
              appearance="subtle"
              aria-current={page === current ? 'page' : undefined}
              className={mergeClasses(styles.page, page === current && styles.current)}
            >
              {labelOf(s, page)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
