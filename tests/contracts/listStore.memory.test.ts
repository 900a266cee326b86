import { MemoryListStore } from '../../src/adapters/memory/memoryListStore';
import { listStoreContract } from './listStore.contract';

listStoreContract('in memory', async () => ({ store: new MemoryListStore() }));
