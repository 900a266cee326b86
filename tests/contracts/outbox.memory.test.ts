import { MemoryOutbox } from '../../src/adapters/memory/memoryOutbox';
import { outboxContract } from './outbox.contract';

outboxContract('in memory', async () => {
  // Two instances over one store stand for two page loads of the same profile.
  const store = MemoryOutbox.emptyStore();
  return { outbox: new MemoryOutbox(store), reopen: async () => new MemoryOutbox(store) };
});
