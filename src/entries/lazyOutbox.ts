import type { Outbox } from '../ports/Outbox';

/**
 * The IndexedDB outbox with its library (Dexie) loaded on first use: the referent's first keystroke or the
 * recorder's resume after the meeting is on screen, never before the first screen.
 */
export function lazyOutbox(userUpn: string): Outbox {
  let outbox: Promise<Outbox> | null = null;
  const load = () =>
    (outbox ??= import(/* webpackChunkName: "outbox" */ '../adapters/browser/indexedDbOutbox').then(
      (m) => new m.IndexedDbOutbox(userUpn),
    ));
  return {
    put: async (entry) => (await load()).put(entry),
    get: async (slot) => (await load()).get(slot),
    list: async (meetingKey) => (await load()).list(meetingKey),
    remove: async (slot, revision) => (await load()).remove(slot, revision),
    update: async (slot, patch) => (await load()).update(slot, patch),
    clear: async () => (await load()).clear(),
  };
}
