import { assignReferent } from '../../src/app/assignReferent';
import { NOT_INVITED, openMeeting } from '../../src/app/openMeeting';
import { registerAbsence, withdrawAbsence } from '../../src/app/registerAbsence';
import { saveAgenda, sendAgenda } from '../../src/app/sendAgenda';
import { AGENDA_START } from '../../src/domain/agendaSection';
import { ValidationError } from '../../src/domain/validation';
import { PortError } from '../../src/ports/errors';
import { messageOf } from '../../src/ui/errors';
import { KEY, people, seedItems, world } from './fixtures';

const kindOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof PortError ? e.kind : (e as Error).name),
  );

async function sentMeeting() {
  const w = world();
  const sofie = w.as(people.sofie);
  let view = await openMeeting(sofie, KEY);
  view = await assignReferent(sofie, view, people.mads);
  view = await sendAgenda(sofie, view, seedItems());
  return { w, sofie, view };
}

describe('send dagsorden', () => {
  test('the organizer sends: rows are written, the version goes up and the calendar body gets the section', async () => {
    const { w, view } = await sentMeeting();
    expect(view.meeting.agendaVersion).toBe(1);
    expect(view.meeting.status).toBe('Udsendt');
    expect((await w.lists.openMeeting(KEY)).items).toHaveLength(8);
    const body = w.calendarState.events[0].bodyHtml;
    expect(body.startsWith(AGENDA_START)).toBe(true);
    expect(body).toContain('Punkt 4: Opfølgning på investeringsmodeller for 2023');
    expect(body).toContain('Mødet holdes som sædvanlig.');
  });

  test('re-sending replaces the agenda and its section, never duplicates', async () => {
    const { w, sofie, view } = await sentMeeting();
    const items = seedItems()
      .slice(0, 6)
      .map((i) => (i.number === 3 ? { ...i, title: 'Nyt punkt 3' } : i));
    const again = await sendAgenda(sofie, view, items);
    expect(again.meeting.agendaVersion).toBe(2);
    expect((await w.lists.openMeeting(KEY)).items.map((s) => s.value.title)).toContain('Nyt punkt 3');
    expect((await w.lists.openMeeting(KEY)).items).toHaveLength(6);
    const body = w.calendarState.events[0].bodyHtml;
    expect(body.split(AGENDA_START)).toHaveLength(2);
    expect(body).toContain('(version 2)');
  });

  test('a closed item shows only as LUKKET PUNKT in the calendar body', async () => {
    const { w } = await sentMeeting();
    const body = w.calendarState.events[0].bodyHtml;
    expect(body).toContain('Punkt 5: LUKKET PUNKT');
    expect(body).not.toContain('kriminalpræventive');
  });

  test('markup typed into a title reaches the calendar body as text', async () => {
    const w = world();
    const sofie = w.as(people.sofie);
    const view = await openMeeting(sofie, KEY);
    const items = seedItems();
    items[2].title = '<img src=x onerror=alert(1)>';
    await sendAgenda(sofie, view, items, { withoutReferent: true });
    expect(w.calendarState.events[0].bodyHtml).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(w.calendarState.events[0].bodyHtml).not.toContain('<img');
  });

  test('an attendee cannot edit or send the agenda', async () => {
    const { w } = await sentMeeting();
    const anders = w.as(people.anders);
    const view = await openMeeting(anders, KEY);
    expect(await kindOf(sendAgenda(anders, view, seedItems()))).toBe('Forbidden');
    expect(await kindOf(saveAgenda(anders, view, seedItems()))).toBe('Forbidden');
  });

  test('an agenda with duplicate item numbers is refused and nothing is written', async () => {
    const w = world();
    const sofie = w.as(people.sofie);
    const view = await openMeeting(sofie, KEY);
    const items = seedItems();
    items[1].number = 1;
    await expect(sendAgenda(sofie, view, items)).rejects.toThrow();
    expect((await w.lists.openMeeting(KEY)).items).toHaveLength(0);
    expect(w.calendarState.publications).toHaveLength(0);
  });
});

describe('send dagsorden keeps the agenda rules itself, whoever calls it', () => {
  const refused = async (
    change: (items: ReturnType<typeof seedItems>) => ReturnType<typeof seedItems>,
    options: { withoutReferent?: boolean; referent?: boolean } = { referent: true },
  ) => {
    const w = world();
    const sofie = w.as(people.sofie);
    let view = await openMeeting(sofie, KEY);
    if (options.referent) view = await assignReferent(sofie, view, people.mads);
    const error = await sendAgenda(sofie, view, change(seedItems()), options).then(
      () => null,
      (e: unknown) => e,
    );
    // Nothing published: no rows, no calendar section.
    expect((await w.lists.openMeeting(KEY)).items).toHaveLength(0);
    expect(w.calendarState.publications).toHaveLength(0);
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map((i) => `${i.field} ${i.rule}`);
  };

  test('an empty agenda is refused', async () => {
    expect(await refused(() => [])).toEqual(['items noItems']);
  });

  test('no referent is refused unless the organizer sends explicitly without one', async () => {
    expect(await refused((items) => items, { referent: false })).toEqual(['referent noReferent']);
    const w = world();
    const sofie = w.as(people.sofie);
    const sent = await sendAgenda(sofie, await openMeeting(sofie, KEY), seedItems(), {
      withoutReferent: true,
    });
    expect(sent.meeting.agendaVersion).toBe(1);
  });

  test('minutes outside 1–480 are refused at the item', async () => {
    expect(
      await refused((items) =>
        items.map((i) =>
          i.number === 2
            ? { ...i, durationMinutes: -5 }
            : i.number === 3
              ? { ...i, durationMinutes: 481 }
              : i,
        ),
      ),
    ).toEqual(['items.1.durationMinutes minutesRange', 'items.2.durationMinutes minutesRange']);
  });

  test('a guest who is no address, or an address without a name, is refused', async () => {
    expect(
      await refused((items) =>
        items.map((i) =>
          i.number === 3
            ? {
                ...i,
                guests: [
                  { name: 'ikke-en-email' },
                  { upn: 'erik@kommune.example', name: 'erik@kommune.example' },
                ],
              }
            : i,
        ),
      ),
    ).toEqual(['items.2.guests guestAddress', 'items.2.guests guestName']);
  });

  test('a guest on a closed item is refused with the reason', async () => {
    expect(
      await refused((items) =>
        items.map((i) =>
          i.number === 3
            ? { ...i, closed: true, guests: [{ upn: 'kamilla@kommune.example', name: 'Kamilla Uhd Hansen' }] }
            : i,
        ),
      ),
    ).toEqual(['items.2.guests guestOnClosed']);
  });

  test('the refusal is put into words, in Danish and English', async () => {
    const w = world();
    const sofie = w.as(people.sofie);
    const view = await assignReferent(sofie, await openMeeting(sofie, KEY), people.mads);
    const error = await sendAgenda(sofie, view, []).catch((e: unknown) => e);
    expect(messageOf(error, 'da')).toBe('Dagsordenen skal have mindst ét punkt.');
    expect(messageOf(error, 'en')).toBe('The agenda needs at least one item.');
  });
});

describe('afbud', () => {
  test('an attendee melder afbud with reason and substitute, and can take it back', async () => {
    const { w } = await sentMeeting();
    const anders = w.as(people.anders);
    let view = await openMeeting(anders, KEY);
    view = await registerAbsence(anders, view, {
      kind: 'Afbud',
      reason: 'Byrådsmøde',
      substitute: 'Louise Rohde',
    });
    expect(view.absences).toEqual([
      expect.objectContaining({
        person: people.anders,
        kind: 'Afbud',
        reason: 'Byrådsmøde',
        substitute: 'Louise Rohde',
      }),
    ]);
    view = await withdrawAbsence(anders, view);
    expect(view.absences).toEqual([]);
    expect((await openMeeting(w.as(people.sofie), KEY)).absences).toEqual([]);
  });

  test('declining in Outlook sends the reason as the comment', async () => {
    const { w } = await sentMeeting();
    const erik = w.as(people.erik);
    const view = await openMeeting(erik, KEY);
    await registerAbsence(erik, view, { kind: 'Afbud', reason: 'Ferie', declineInCalendar: true });
    expect(w.calendarState.declines).toEqual([{ key: KEY, upn: people.erik.upn, comment: 'Ferie' }]);
  });

  test('an attendee cannot register afbud for someone else; the organizer can', async () => {
    const { w, sofie, view } = await sentMeeting();
    const anders = w.as(people.anders);
    const andersView = await openMeeting(anders, KEY);
    expect(await kindOf(registerAbsence(anders, andersView, { kind: 'Afbud', person: people.erik }))).toBe(
      'Forbidden',
    );
    const after = await registerAbsence(sofie, view, { kind: 'Deltager virtuelt', person: people.erik });
    expect(after.absences.map((a) => [a.person.upn, a.kind])).toEqual([
      [people.erik.upn, 'Deltager virtuelt'],
    ]);
  });
});

describe('who sees what', () => {
  test('only the organizer assigns the referent', async () => {
    const { w } = await sentMeeting();
    const anders = w.as(people.anders);
    expect(await kindOf(assignReferent(anders, await openMeeting(anders, KEY), people.anders))).toBe(
      'Forbidden',
    );
  });

  test('a guest sees only the open item that names them', async () => {
    const { w } = await sentMeeting();
    const view = await openMeeting(w.as(people.kamilla), KEY);
    expect(view.role).toBe('guest');
    expect(view.items.map((i) => i.title)).toEqual(['Opfølgning på investeringsmodeller for 2023']);
  });

  test('members see the closed item; a person who is not invited gets the Danish refusal', async () => {
    const { w } = await sentMeeting();
    expect((await openMeeting(w.as(people.anders), KEY)).items.some((i) => i.closed)).toBe(true);
    await expect(openMeeting(w.as(people.peter), KEY)).rejects.toMatchObject({
      details: { code: NOT_INVITED },
    });
  });

  test('an unknown meeting is refused with the same clear message', async () => {
    const w = world();
    await expect(openMeeting(w.as(people.sofie), 'no-such-meeting')).rejects.toMatchObject({
      details: { code: NOT_INVITED },
    });
  });
});
