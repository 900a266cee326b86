import { MemoryListStore } from '../../src/adapters/memory/memoryListStore';
import { listStoreContract } from './listStore.contract';

listStoreContract('in memory', async () => {
  // One store stands for the lists; the fake does not check who writes.
  const store = new MemoryListStore();
  return { store, referent: store };
});
