import {
  Badge,
  Body1,
  Caption1,
  Card,
  Field,
  Input,
  Link,
  makeStyles,
  Select,
  Spinner,
  Subtitle2,
  Text,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState, type ReactNode } from 'react';
import { CATEGORIES, type Category } from '../../../domain/agendaItem';
import { excerpt } from '../../../domain/archive/excerpt';
import {
  distinctOwners,
  fieldText,
  markParts,
  type ArchiveEntry,
  type ArchiveHit,
  type Field as HitField,
} from '../../../domain/archive/searchIndex';
import type { ListStore } from '../../../ports/ListStore';
import { messageOf } from '../../errors';
import { useLocale, useStrings } from '../../i18n/LocaleContext';
import { useArchive } from './useArchive';

const useStyles = makeStyles({
  filters: {
    display: 'grid',
    // One column at the task pane's 320 px; a long owner's name is cut in the closed list, not the page.
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 12rem), 1fr))',
    '& > *': { minWidth: 0 },
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalL,
  },
  // A native select is as wide as its longest option unless it may shrink.
  select: { minWidth: 0 },
  selectBox: { minWidth: 0, width: '100%', textOverflow: 'ellipsis' },
  results: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    listStyle: 'none',
    padding: 0,
  },
  mark: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    color: tokens.colorNeutralForeground1,
    // High contrast: the system colours take over, so the hit is also underlined.
    textDecorationLine: 'underline',
  },
  decision: { whiteSpace: 'pre-wrap' },
  noDecision: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
});

const dateText = (ymd: string) => (ymd ? ymd.split('-').reverse().join('-') : '');

function Marked({ hit, field }: { hit: ArchiveHit; field: HitField }) {
  const ranges = hit.highlights.find((h) => h.field === field)?.ranges ?? [];
  return <MarkedText text={fieldText(hit.entry, field)} ranges={ranges} />;
}

function MarkedText({ text, ranges }: { text: string; ranges: Array<[number, number]> }) {
  const styles = useStyles();
  return (
    <>
      {markParts(text, ranges).map((p, k) =>
        p.hit ? (
          <mark key={k} className={styles.mark}>
            {p.text}
          </mark>
        ) : (
          <span key={k}>{p.text}</span>
        ),
      )}
    </>
  );
}

/**
 * Where the words were found in the item's indstilling: the paper around the first hit, marked. Shown only
 * when the indstilling matched (a paper is pages long; the result list shows why the item was found).
 */
function IndstillingExcerpt({ hit }: { hit: ArchiveHit }) {
  const s = useStrings();
  const ranges = hit.highlights.find((h) => h.field === 'indstilling')?.ranges;
  if (!ranges) return null;
  const cut = excerpt(hit.entry.indstilling, ranges);
  return (
    <Caption1 as="p">
      {`${s.archiveFromIndstilling}: `}
      <MarkedText text={cut.text} ranges={cut.ranges} />
    </Caption1>
  );
}

/** "LUKKET PUNKT" on a closed item, wherever the archive shows it. */
function ClosedBadge({ entry }: { entry: ArchiveEntry }) {
  const s = useStrings();
  if (!entry.closed) return null;
  return (
    <Badge appearance="tint" color="danger" size="medium">
      {s.closedItem}
    </Badge>
  );
}

/**
 * The decision as read, or "Ingen beslutning" for an open item without one ("Mødet er ikke holdt endnu"
 * when the meeting's day is still to come). A closed item without a decision row says nothing more:
 * whether there is a decision is for SharePoint to show whoever may read it, and the page claims nothing
 * beyond the rows it got.
 */
function DecisionText({
  entry,
  today,
  children,
}: {
  entry: ArchiveEntry;
  /** yyyy-mm-dd in Copenhagen. */
  today: string;
  children?: ReactNode;
}) {
  const s = useStrings();
  const styles = useStyles();
  if (entry.decision)
    return (
      <Body1 as="p" className={styles.decision}>
        {children ?? entry.decision}
      </Body1>
    );
  if (entry.closed) return null;
  return (
    <Body1 as="p" className={styles.noDecision}>
      {entry.date > today ? s.archiveNotHeld : s.archiveNoDecision}
    </Body1>
  );
}

/** The item's follow-ups and who owns them, each owner once (an abbreviation goes with its full name). */
function FollowUpLines({ entry, children }: { entry: ArchiveEntry; children?: ReactNode }) {
  const s = useStrings();
  if (entry.followUps.length === 0) return null;
  return (
    <>
      <Caption1 as="p">
        {`${s.followUps}: `}
        {children ?? fieldText(entry, 'followUps')}
      </Caption1>
      <Caption1 as="p">
        {s.archiveOwners(distinctOwners(entry.followUps.flatMap((f) => f.owners)).join(', '))}
      </Caption1>
    </>
  );
}

/** Date, series and organizer of an entry's meeting (two meetings of one key in two secretariats differ here). */
function meetingLine(entry: ArchiveEntry, s: ReturnType<typeof useStrings>): string {
  const line = `${entry.date ? dateText(entry.date) : s.archiveNoDate} · ${entry.series || s.archiveUnknownSeries}`;
  return entry.organizer ? `${line} · ${s.archiveOrganizer(entry.organizer)}` : line;
}

function meetingLink(entry: ArchiveEntry): string {
  const params = new URLSearchParams(window.location.search);
  params.set('meeting', entry.meetingKey);
  // The archive knows a meeting by its place; the meeting page finds it by its event (its organizer).
  if (entry.live) params.delete('place');
  else params.set('place', entry.place);
  return `${entry.live ? 'meeting.html' : 'archive.html'}?${params.toString()}#punkt-${entry.itemNumber}`;
}

/**
 * The decision archive: full-text search over every decision, item and follow-up the person may read,
 * filtered by series, year, category and follow-up owner; with ?meeting= one meeting's referat.
 * All text is rendered as React text (never as HTML); hits are <mark> elements.
 */
export function ArchivePage({
  lists,
  meetingKey,
  place,
  today,
}: {
  lists: ListStore;
  /** Today (yyyy-mm-dd, Copenhagen): an item of a meeting after today has no decision yet. */
  today: string;
  meetingKey?: string;
  /** The meeting's place (ArchiveEntry.place): with ?meeting=, which of the key's meetings is shown. */
  place?: string;
}) {
  const s = useStrings();
  const locale = useLocale();
  const styles = useStyles();
  const { index, error } = useArchive(lists);
  const [text, setText] = useState('');
  const [series, setSeries] = useState('');
  const [year, setYear] = useState('');
  const [category, setCategory] = useState('');
  const [owner, setOwner] = useState('');
  const facets = useMemo(() => index?.facets(), [index]);
  const hits = useMemo(
    () =>
      index
        ? index.search({
            text,
            series: series || undefined,
            year: year ? Number(year) : undefined,
            category: (category || undefined) as Category | undefined,
            owner: owner || undefined,
            limit: 100,
          })
        : [],
    [index, text, series, year, category, owner],
  );

  if (error) return <p role="alert">{messageOf(error, locale)}</p>;
  if (!index || !facets) return <Spinner label={s.loading} />;

  if (meetingKey) {
    // One meeting is one place: without ?place= (an older link) the first place of the key read.
    const ofKey = index.search({ text: '', limit: 10_000 }).filter((h) => h.entry.meetingKey === meetingKey);
    const shown = place ?? ofKey[0]?.entry.place;
    const items = ofKey
      .filter((h) => h.entry.place === shown)
      .sort((a, b) => a.entry.itemNumber - b.entry.itemNumber);
    const first = items[0]?.entry;
    return (
      <article>
        <Link href={`archive.html?${withoutMeeting()}`}>{s.archiveBack}</Link>
        <Title2 as="h1">{s.archiveMeetingTitle(first?.date ? dateText(first.date) : s.archiveNoDate)}</Title2>
        <Text as="p">{first?.series || s.archiveUnknownSeries}</Text>
        {first?.organizer ? <Text as="p">{s.archiveOrganizer(first.organizer)}</Text> : null}
        {items.map(({ entry }) => (
          <section
            key={entry.itemNumber}
            id={`punkt-${entry.itemNumber}`}
            aria-labelledby={`h-${entry.itemNumber}`}
          >
            <Subtitle2 as="h2" id={`h-${entry.itemNumber}`}>
              {`${s.item} ${entry.itemNumber}: ${entry.itemTitle}`}
            </Subtitle2>
            <ClosedBadge entry={entry} />
            <DecisionText entry={entry} today={today} />
            <FollowUpLines entry={entry} />
          </section>
        ))}
      </article>
    );
  }

  return (
    <section aria-labelledby="archive-title">
      <Title2 as="h1" id="archive-title">
        {s.archiveTitle}
      </Title2>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <Field label={s.archiveSearch}>
          <Input type="search" value={text} onChange={(_e, d) => setText(d.value)} />
        </Field>
        <div className={styles.filters}>
          <Field label={s.archiveSeries}>
            <Select
              className={styles.select}
              select={{ className: styles.selectBox }}
              value={series}
              onChange={(_e, d) => setSeries(d.value)}
            >
              <option value="">{s.archiveAll}</option>
              {facets.series.map((x) => (
                <option key={x}>{x}</option>
              ))}
            </Select>
          </Field>
          <Field label={s.archiveYear}>
            <Select
              className={styles.select}
              select={{ className: styles.selectBox }}
              value={year}
              onChange={(_e, d) => setYear(d.value)}
            >
              <option value="">{s.archiveAll}</option>
              {facets.years.map((y) => (
                <option key={y}>{y}</option>
              ))}
            </Select>
          </Field>
          <Field label={s.archiveCategory}>
            <Select
              className={styles.select}
              select={{ className: styles.selectBox }}
              value={category}
              onChange={(_e, d) => setCategory(d.value)}
            >
              <option value="">{s.archiveAll}</option>
              {CATEGORIES.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </Select>
          </Field>
          <Field label={s.archiveOwner}>
            <Select
              className={styles.select}
              select={{ className: styles.selectBox }}
              value={owner}
              onChange={(_e, d) => setOwner(d.value)}
            >
              <option value="">{s.archiveAll}</option>
              {facets.owners.map((o) => (
                <option key={o}>{o}</option>
              ))}
            </Select>
          </Field>
        </div>
      </form>
      <Text as="p" role="status" aria-live="polite">
        {hits.length ? s.archiveHits(hits.length) : s.archiveNone}
      </Text>
      <ul className={styles.results} aria-label={s.archiveTitle}>
        {hits.map((hit) => (
          <li key={`${hit.entry.place}#${hit.entry.itemNumber}`}>
            <Card>
              <Caption1>{meetingLine(hit.entry, s)}</Caption1>
              <Subtitle2 as="h2">
                {`${s.item} ${hit.entry.itemNumber}: `}
                <Marked hit={hit} field="itemTitle" />
              </Subtitle2>
              <ClosedBadge entry={hit.entry} />
              <DecisionText entry={hit.entry} today={today}>
                <Marked hit={hit} field="decision" />
              </DecisionText>
              <FollowUpLines entry={hit.entry}>
                <Marked hit={hit} field="followUps" />
              </FollowUpLines>
              <IndstillingExcerpt hit={hit} />
              <Link href={meetingLink(hit.entry)}>{s.archiveOpen}</Link>
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}

function withoutMeeting(): string {
  const params = new URLSearchParams(window.location.search);
  params.delete('meeting');
  params.delete('place');
  return params.toString();
}
