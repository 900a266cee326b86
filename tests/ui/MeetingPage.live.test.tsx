/** @jest-environment jsdom */
/**
 * The meeting page over a live channel (the in-memory hub standing in for Live Share): an attendee sees the
 * referent's words as they are typed and who is typing; the text of a closed item never goes on the
 * channel — members get it from SharePoint, which checks who may — and a guest's page does not join the
 * live session at all.
 */
import { act, render, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryLiveHub } from '../../src/adapters/memory/memoryLiveHub';
import { PollingChannel } from '../../src/adapters/live/pollingChannel';
import { assignReferent } from '../../src/app/assignReferent';
import { openMeeting } from '../../src/app/openMeeting';
import { sendAgenda } from '../../src/app/sendAgenda';
import type { AppDeps } from '../../src/app/deps';
import type { LiveMessage } from '../../src/ports/LiveChannel';
import { AppShell } from '../../src/ui/components/AppShell/AppShell';
import { MeetingPage } from '../../src/ui/pages/MeetingPage/MeetingPage';
import { KEY, people, seedItems, world } from '../app/fixtures';

jest.setTimeout(30_000);
const LIVE = 'Direkte: beslutninger vises, mens referenten skriver.';

function page(deps: AppDeps, connectLive: () => Promise<ReturnType<MemoryLiveHub['channel']> | null>) {
  const { container } = render(
    <AppShell theme="default" locale="da">
      <MeetingPage
        deps={deps}
        meetingKey={KEY}
        watchIntervalMs={600_000}
        pollingChannel={(options) => new PollingChannel(deps.lists, options)}
        connectLive={connectLive}
      />
    </AppShell>,
  );
  return within(container as HTMLElement);
}

/** Sofie has sent the agenda with Mads as referent; one of its items is closed. */
async function sentAgendaWithReferent() {
  const w = world();
  const sofie = w.as(people.sofie);
  let view = await openMeeting(sofie, KEY);
  view = await assignReferent(sofie, view, people.mads);
  await sendAgenda(sofie, view, seedItems());
  const closed = (await openMeeting(sofie, KEY)).items.find((i) => i.closed)!;
  return { w, closed };
}

test('typed words reach the attendee live; a closed item only as "changed", read from SharePoint', async () => {
  const { w, closed } = await sentAgendaWithReferent();
  expect(closed).toBeDefined();

  const hub = new MemoryLiveHub();
  // Someone who joined the live session by hand: hears everything that is sent.
  const eavesdropper = hub.channel();
  const heard: LiveMessage[] = [];
  eavesdropper.onMessage((m) => heard.push(m));
  await eavesdropper.join(KEY, people.peter);

  const erik = page(w.as(people.erik), async () => hub.channel());
  const mads = page(w.as(people.mads), async () => hub.channel());
  await erik.findByText(LIVE);
  await mads.findByText(LIVE);

  const user = userEvent.setup();
  const open = mads.getByRole('textbox', { name: 'Beslutning for punkt 3' });
  await user.type(open, 'Taget til efterretning');
  const shown = erik.getByRole('region', { name: 'Beslutning for punkt 3' });
  await within(shown).findByText('Taget til efterretning');
  expect(erik.getByRole('status', { name: '' }).textContent).toBe('Mads Nielsen skriver…');

  const secret = 'Medarbejderen fritages for tjeneste.';
  await user.type(mads.getByRole('textbox', { name: `Beslutning for punkt ${closed.number}` }), secret);
  // Saved (after the autosave pause), then members read it from SharePoint on the "changed" signal.
  await within(erik.getByRole('region', { name: `Beslutning for punkt ${closed.number}` })).findByText(
    secret,
    undefined,
    { timeout: 10_000 },
  );
  const aboutClosed = heard.filter((m) => m.kind === 'decision' && m.itemNumber === closed.number);
  expect(aboutClosed.length).toBeGreaterThan(0);
  expect(aboutClosed.every((m) => m.kind === 'decision' && m.text === null)).toBe(true);
  expect(JSON.stringify(heard)).not.toContain('fritages');
  expect(heard.some((m) => m.kind === 'decision' && m.text === 'Taget til efterretning')).toBe(true);

  // A guest's page stays on polling: it never asks for the live channel.
  const connect = jest.fn(async () => hub.channel());
  const kamilla = page(w.as(people.kamilla), connect);
  await kamilla.findByText(/Beslutninger vises, når de er gemt/);
  await act(() => new Promise((r) => setTimeout(r, 50)));
  expect(connect).not.toHaveBeenCalled();
});

test('what others send on the live session is not shown: only the referent and organizer write, never a closed item in clear', async () => {
  const { w, closed } = await sentAgendaWithReferent();

  const hub = new MemoryLiveHub();
  const erik = page(w.as(people.erik), async () => hub.channel());
  await erik.findByText(LIVE);
  const sentAt = new Date().toISOString();
  const forged = (itemNumber: number, text: string): LiveMessage => ({
    kind: 'decision',
    itemNumber,
    text,
    version: 'local:1',
    editorUpn: people.mads.upn,
    sentAt,
  });
  // Peter is not in the meeting; Anders is, but is not the referent.
  for (const person of [people.peter, people.anders]) {
    const channel = hub.channel();
    await channel.join(KEY, person);
    channel.send(forged(3, `Forfalsket af ${person.name}`));
    channel.send({ kind: 'typing', itemNumber: 3, sentAt });
  }
  // The referent's client sending a closed item's text in clear (a bug, or a forgery): not shown.
  const referent = hub.channel();
  await referent.join(KEY, people.mads);
  referent.send(forged(closed.number, 'Hemmelig tekst i klar'));
  // Heard after the forgeries (the hub delivers in order): once this shows, the others have been handled.
  referent.send(forged(4, 'Fra referenten'));

  await within(erik.getByRole('region', { name: 'Beslutning for punkt 4' })).findByText('Fra referenten');
  expect(erik.getByRole('region', { name: 'Beslutning for punkt 3' }).textContent).not.toContain(
    'Forfalsket',
  );
  expect(erik.queryByText(/Hemmelig tekst/)).toBeNull();
  expect(erik.queryByText(/Anders Lund skriver|Peter Jensen skriver/)).toBeNull();
});
