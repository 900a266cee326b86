import type { Person } from '../../src/domain/person';
import type { LiveChannel, LiveMessage } from '../../src/ports/LiveChannel';

const person = (name: string): Person => ({
  upn: `${name}@kommune.example`,
  name: name[0].toUpperCase() + name.slice(1),
});

type Heard = Array<{ message: LiveMessage; from: Person }>;

/** Wait until `check` holds (messages travel through a real service in the Live Share run). */
async function until(check: () => boolean, timeoutMs = 10000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting for live messages');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const decision = (itemNumber: number, text: string, version = 'local:1'): LiveMessage => ({
  kind: 'decision',
  itemNumber,
  text,
  version,
  editorUpn: 'mads@kommune.example',
  sentAt: new Date().toISOString(),
});

/**
 * What every live channel must do, run against the in-memory hub and Live Share on a local Fluid service.
 * `channel(me)` builds the channel a page signed in as `me` builds (its host knows it as `me`).
 */
export function liveChannelContract(
  name: string,
  make: () => Promise<{ channel: (me: Person) => LiveChannel; done?: () => Promise<void> }>,
) {
  describe(`LiveChannel contract: ${name}`, () => {
    let channel: (me: Person) => LiveChannel;
    let done: (() => Promise<void>) | undefined;
    const open: LiveChannel[] = [];
    let key: string;

    const join = async (meetingKey: string, who: string) => {
      const c = channel(person(who));
      open.push(c);
      const heard: Heard = [];
      c.onMessage((message, from) => heard.push({ message, from }));
      await c.join(meetingKey, person(who));
      return { c, heard };
    };

    beforeAll(async () => {
      ({ channel, done } = await make());
    });
    afterAll(async () => done?.());
    beforeEach(() => {
      key = `live-${Math.random().toString(36).slice(2)}@kommune.example`;
    });
    afterEach(async () => {
      await Promise.all(open.splice(0).map((c) => c.leave()));
    });

    test("the referent's text reaches the others of the meeting with who sent it, not the sender", async () => {
      const [mads, erik] = await Promise.all([join(key, 'mads'), join(key, 'erik')]);
      mads.c.send(decision(3, 'Godkendt med bemærkninger.'));
      await until(() => erik.heard.length > 0);
      expect(erik.heard[0].message).toMatchObject({
        kind: 'decision',
        itemNumber: 3,
        text: 'Godkendt med bemærkninger.',
      });
      expect(erik.heard[0].from.upn).toBe('mads@kommune.example');
      await new Promise((r) => setTimeout(r, 200));
      expect(mads.heard).toEqual([]);
    });

    test('another meeting hears nothing', async () => {
      const mads = await join(key, 'mads');
      const elsewhere = await join(`${key}-other`, 'louise');
      const erik = await join(key, 'erik');
      mads.c.send(decision(1, 'Taget til efterretning.'));
      await until(() => erik.heard.length > 0);
      await new Promise((r) => setTimeout(r, 200));
      expect(elsewhere.heard).toEqual([]);
    });

    test('fast typing: the last text is what the others end with, in order, and the clock travels too', async () => {
      const [mads, anders] = await Promise.all([join(key, 'mads'), join(key, 'anders')]);
      const words = 'Rådmanden godkendte indstillingen med de faldne bemærkninger'.split(' ');
      let text = '';
      for (const [i, w] of words.entries()) {
        text = text ? `${text} ${w}` : w;
        mads.c.send(decision(2, text, `local:${i + 1}`));
      }
      mads.c.send({
        kind: 'timer',
        timer: {
          startedAt: '2024-02-20T10:00:00Z',
          currentItem: 2,
          currentSince: '2024-02-20T10:05:00Z',
          usedSeconds: { 1: 300 },
          endedAt: null,
        },
        status: 'I gang',
        sentAt: new Date().toISOString(),
      });
      await until(() => anders.heard.some((h) => h.message.kind === 'timer'));
      const texts = anders.heard.flatMap((h) =>
        h.message.kind === 'decision' ? [h.message.text ?? ''] : [],
      );
      expect(texts.at(-1)).toBe(text);
      // Every text heard is a prefix of the next: nothing arrives out of order.
      for (let i = 1; i < texts.length; i++) expect(texts[i].startsWith(texts[i - 1])).toBe(true);
      const timer = anders.heard.find((h) => h.message.kind === 'timer')!.message;
      expect(timer).toMatchObject({
        kind: 'timer',
        status: 'I gang',
        timer: { currentItem: 2, usedSeconds: { 1: 300 } },
      });
    });

    test('after leaving, nothing more is heard', async () => {
      const [mads, erik] = await Promise.all([join(key, 'mads'), join(key, 'erik')]);
      mads.c.send({ kind: 'typing', itemNumber: 4, sentAt: new Date().toISOString() });
      await until(() => erik.heard.length === 1);
      await erik.c.leave();
      mads.c.send(decision(4, 'Drøftet.'));
      await new Promise((r) => setTimeout(r, 300));
      expect(erik.heard).toHaveLength(1);
    });
  });
}
