import { MemoryBilagStore } from '../../src/adapters/memory/memoryBilagStore';
import { bilagStoreContract } from './bilagStore.contract';

bilagStoreContract('in memory', async () => ({
  store: new MemoryBilagStore(),
  meeting: async () => `bilag-${Math.random().toString(36).slice(2)}@kommune.example`,
}));
