import type { MeetingKey } from '../../domain/meeting';
import type { Person } from '../../domain/person';
import type { LiveChannel, LiveMessage } from '../../ports/LiveChannel';

/**
 * An in-process stand-in for Live Share: every channel of the hub hears the others of the same meeting. The
 * hub plays the host: a message's sender is the person its channel joined as (a test's signed-in person).
 */
export class MemoryLiveHub {
  private readonly members = new Set<MemoryLiveChannel>();

  channel(): LiveChannel {
    return new MemoryLiveChannel(this);
  }

  /** @internal */
  add(channel: MemoryLiveChannel): void {
    this.members.add(channel);
  }

  /** @internal */
  remove(channel: MemoryLiveChannel): void {
    this.members.delete(channel);
  }

  /** @internal */
  broadcast(sender: MemoryLiveChannel, message: LiveMessage): void {
    for (const member of this.members)
      if (member !== sender && member.meetingKey === sender.meetingKey) member.deliver(message, sender.me!);
  }
}

class MemoryLiveChannel implements LiveChannel {
  readonly kind = 'memory' as const;
  meetingKey: MeetingKey | null = null;
  me: Person | null = null;
  private readonly listeners = new Set<(message: LiveMessage, from: Person) => void>();

  constructor(private readonly hub: MemoryLiveHub) {}

  async join(meetingKey: MeetingKey, me: Person): Promise<void> {
    this.meetingKey = meetingKey;
    this.me = me;
    this.hub.add(this);
  }

  send(message: LiveMessage): void {
    if (this.meetingKey) this.hub.broadcast(this, structuredClone(message));
  }

  onMessage(listener: (message: LiveMessage, from: Person) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  deliver(message: LiveMessage, from: Person): void {
    for (const listener of this.listeners) listener(message, from);
  }

  async leave(): Promise<void> {
    this.hub.remove(this);
    this.listeners.clear();
  }
}
