import {
  Card,
  Field,
  Input,
  makeStyles,
  Select,
  Spinner,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TabList,
  Text,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { AppDeps } from '../../../app/deps';
import { loadFollowUps } from '../../../app/followUps';
import type { PendingWrites } from '../../../app/pendingWrites';
import { FOLLOW_UP_STATUSES, formatDueDate, type FollowUpStatus } from '../../../domain/followUp';
import { isMine, sortForOverview, type FollowUpRow } from '../../../domain/followUpBoard';
import { formatDate } from '../../../domain/format';
import { sameUpn } from '../../../domain/person';
import { messageOf } from '../../errors';
import { useLocale, useStrings } from '../../i18n/LocaleContext';

const useStyles = makeStyles({
  table: { marginTop: tokens.spacingVerticalM },
  task: { whiteSpace: 'pre-wrap', overflowWrap: 'break-word' },
  cards: {
    listStyleType: 'none',
    margin: `${tokens.spacingVerticalM} 0 0`,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  meta: { color: tokens.colorNeutralForeground3 },
  control: { minWidth: 0, maxWidth: '100%' },
});

/** Narrower than a table can be read (Teams' side panel, a phone): the follow-ups as cards. */
const NARROW = '(max-width: 599px)';

function useNarrow(): boolean {
  const media = () => (typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(NARROW) : null);
  const [narrow, setNarrow] = useState(() => media()?.matches ?? false);
  useEffect(() => {
    const query = media();
    if (!query) return;
    const on = () => setNarrow(query.matches);
    on();
    query.addEventListener('change', on);
    return () => query.removeEventListener('change', on);
  }, []);
  return narrow;
}

/**
 * "Mine opfølgninger" across meetings, and the organizer's overview in the layout of the seeds' follow-up
 * table (# / OPGAVE / ANSVARLIG / STATUS / NÆSTE OPFØLGNING); the organizer of a meeting sets status and date.
 */
export function FollowUpsPage({ deps, writes }: { deps: AppDeps; writes: PendingWrites }) {
  const s = useStrings();
  const locale = useLocale();
  const styles = useStyles();
  const [rows, setRows] = useState<FollowUpRow[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tab, setTab] = useState<'mine' | 'all'>('mine');
  const narrow = useNarrow();
  useEffect(() => {
    loadFollowUps(deps).then(setRows, setError);
  }, [deps]);
  const shown = useMemo(
    () => sortForOverview((rows ?? []).filter((r) => tab === 'all' || isMine(r.followUp, deps.me))),
    [rows, tab, deps.me],
  );
  const show = (next: FollowUpRow) =>
    setRows((all) =>
      (all ?? []).map((r) =>
        r.followUp.id === next.followUp.id && r.meetingKey === next.meetingKey ? next : r,
      ),
    );
  // Kept in the outbox first: a change that waits for the network is shown as made, and sent later.
  const change = (row: FollowUpRow, c: { status?: FollowUpStatus; due?: string }) => {
    setError(null);
    return writes
      .updateFollowUp(row, c)
      .then(
        (result) =>
          show(result.kind === 'landed' ? result.value : { ...row, followUp: { ...row.followUp, ...c } }),
        setError,
      );
  };
  if (!rows && !error) return <Spinner label={s.loading} />;
  return (
    <section aria-labelledby="fu-title">
      <Title2 as="h1" id="fu-title">
        {s.followUpsTitle}
      </Title2>
      {error !== null && <p role="alert">{messageOf(error, locale)}</p>}
      <TabList selectedValue={tab} onTabSelect={(_e, d) => setTab(d.value as 'mine' | 'all')}>
        <Tab value="mine">{s.followUpsMine}</Tab>
        <Tab value="all">{s.followUpsAll}</Tab>
      </TabList>
      {shown.length === 0 ? (
        <Text as="p">{s.followUpsNone}</Text>
      ) : narrow ? (
        <ul className={styles.cards} aria-label={tab === 'mine' ? s.followUpsMine : s.followUpsAll}>
          {shown.map((row, k) => {
            const editable = sameUpn(row.organizerUpn, deps.me.upn);
            const n = k + 1;
            const due = formatDueDate(row.followUp.due);
            return (
              <li key={`${row.meetingKey}#${row.followUp.id}`}>
                <Card className={styles.card}>
                  <Text weight="semibold" className={styles.task}>{`${n}. ${row.followUp.task}`}</Text>
                  <Text>{`${s.fuCardOwner}: ${row.followUp.owners.join(', ')}`}</Text>
                  <Text size={200} className={styles.meta}>
                    {`${s.fuCardMeeting}: ${row.meetingStart ? formatDate(row.meetingStart) : ''} ${s.item} ${row.followUp.itemNumber}`}
                  </Text>
                  {editable ? (
                    <>
                      <Field label={s.fuCardStatus}>
                        <Select
                          aria-label={s.fuStatusFor(n)}
                          className={styles.control}
                          value={row.followUp.status}
                          onChange={(_e, d) => void change(row, { status: d.value as FollowUpStatus })}
                        >
                          {FOLLOW_UP_STATUSES.map((st) => (
                            <option key={st}>{st}</option>
                          ))}
                        </Select>
                      </Field>
                      <Field label={s.fuCardNext} hint={due || undefined}>
                        <Input
                          type="date"
                          lang="da-DK"
                          aria-label={s.fuDueFor(n)}
                          className={styles.control}
                          value={row.followUp.due ?? ''}
                          onChange={(_e, d) => void change(row, { due: d.value || undefined })}
                        />
                      </Field>
                    </>
                  ) : (
                    <Text>{`${s.fuCardStatus}: ${row.followUp.status}${due ? ` · ${s.fuCardNext}: ${due}` : ''}`}</Text>
                  )}
                </Card>
              </li>
            );
          })}
        </ul>
      ) : (
        <Table className={styles.table} aria-label={tab === 'mine' ? s.followUpsMine : s.followUpsAll}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{s.fuNumber}</TableHeaderCell>
              <TableHeaderCell>{s.fuTask}</TableHeaderCell>
              <TableHeaderCell>{s.fuOwner}</TableHeaderCell>
              <TableHeaderCell>{s.fuStatus}</TableHeaderCell>
              <TableHeaderCell>{s.fuNext}</TableHeaderCell>
              <TableHeaderCell>{s.fuMeeting}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((row, k) => {
              const editable = sameUpn(row.organizerUpn, deps.me.upn);
              const n = k + 1;
              return (
                <TableRow key={`${row.meetingKey}#${row.followUp.id}`}>
                  <TableCell>{n}</TableCell>
                  <TableCell className={styles.task}>{row.followUp.task}</TableCell>
                  <TableCell>{row.followUp.owners.join(', ')}</TableCell>
                  <TableCell>
                    {editable ? (
                      <Select
                        aria-label={s.fuStatusFor(n)}
                        value={row.followUp.status}
                        onChange={(_e, d) => void change(row, { status: d.value as FollowUpStatus })}
                      >
                        {FOLLOW_UP_STATUSES.map((st) => (
                          <option key={st}>{st}</option>
                        ))}
                      </Select>
                    ) : (
                      row.followUp.status
                    )}
                  </TableCell>
                  <TableCell>
                    {editable ? (
                      <Input
                        type="date"
                        aria-label={s.fuDueFor(n)}
                        value={row.followUp.due ?? ''}
                        onChange={(_e, d) => void change(row, { due: d.value || undefined })}
                      />
                    ) : (
                      formatDueDate(row.followUp.due)
                    )}
                  </TableCell>
                  <TableCell>{`${row.meetingStart ? formatDate(row.meetingStart) : ''} ${s.item} ${row.followUp.itemNumber}`}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
