import { MemoryListStore } from '../../src/adapters/memory/memoryListStore';
import { listStoreContract } from './listStore.contract';

listStoreContract('in memory', async () => {
  // One set of lists, seen by each person through `as` (the afbud rules need to know who writes).
  const lists = new MemoryListStore();
  return {
    store: lists.as('sofie@kommune.example'),
    referent: lists.as('mads@kommune.example'),
    as: (upn) => lists.as(upn),
  };
});
