import { MemoryLiveHub } from '../../src/adapters/memory/memoryLiveHub';
import { liveChannelContract } from './liveChannel.contract';

liveChannelContract('in memory', async () => {
  const hub = new MemoryLiveHub();
  return { channel: () => hub.channel() };
});
