import 'fake-indexeddb/auto';
import { IndexedDbOutbox } from '../../src/adapters/browser/indexedDbOutbox';
import { outboxContract } from './outbox.contract';

let n = 0;
outboxContract('in IndexedDB (Dexie over fake-indexeddb)', async () => {
  // A database per test, named as the add-in names it per signed-in user.
  const upn = `contract-${++n}@kommune.example`;
  const opened: IndexedDbOutbox[] = [new IndexedDbOutbox(upn)];
  return {
    outbox: opened[0],
    reopen: async () => {
      const next = new IndexedDbOutbox(upn);
      opened.push(next);
      return next;
    },
    done: async () => opened.forEach((o) => o.close()),
  };
});
