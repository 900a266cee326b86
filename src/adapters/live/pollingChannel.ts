import { watchDecisions, type DecisionWatch } from '../../app/watchDecisions';
import type { MeetingKey } from '../../domain/meeting';
import { withProgress } from '../../domain/meetingProgress';
import type { Person } from '../../domain/person';
import type {
  LiveJoinOptions,
  LiveMessage,
  PollingLiveChannel,
  PollingOptions,
} from '../../ports/LiveChannel';
import type { ListStore } from '../../ports/ListStore';

export type PollingChannelOptions = PollingOptions;

/**
 * The live channel where there is no Live Share (Outlook, a browser without the local Fluid service): the
 * SharePoint record itself, read by delta every few seconds (only rows changed since the last read come
 * back), and the meeting row now and then for the clock. Sending is a no-op: what the referent types
 * reaches the others by being saved.
 */
export class PollingChannel implements PollingLiveChannel {
  readonly kind = 'polling' as const;
  private readonly listeners = new Set<(message: LiveMessage, from: Person) => void>();
  private watch: DecisionWatch | null = null;
  private timerClock: ReturnType<typeof setInterval> | null = null;
  private lastTimer = '';

  constructor(
    private readonly lists: ListStore,
    private readonly options: PollingChannelOptions = {},
  ) {}

  async join(meetingKey: MeetingKey, _me: Person, joinOptions: LiveJoinOptions = {}): Promise<void> {
    const intervalMs = this.options.intervalMs ?? 1000;
    this.watch = watchDecisions(
      this.lists,
      meetingKey,
      joinOptions.decisionsCursor,
      (changed) => {
        for (const row of changed)
          this.emit(
            {
              kind: 'decision',
              itemNumber: row.value.itemNumber,
              text: row.value.text,
              version: row.eTag,
              editorUpn: row.value.editorUpn,
              sentAt: row.value.updatedAt,
              row,
            },
            { upn: row.value.editorUpn, name: row.value.editorUpn },
          );
      },
      {
        intervalMs,
        idleIntervalMs: this.options.idleIntervalMs,
        isActive: this.options.isActive,
        onError: this.options.onError,
      },
    );
    const every = this.options.timerEvery ?? 4;
    if (every > 0) {
      this.timerClock = setInterval(() => {
        if (this.options.isActive && !this.options.isActive()) return;
        this.lists.readMeeting(meetingKey).then(({ meeting, progress }) => {
          if (!meeting) return;
          const row = { value: withProgress(meeting.value, progress?.value) };
          const seen = JSON.stringify([row.value.timer ?? null, row.value.status]);
          if (seen === this.lastTimer) return;
          this.lastTimer = seen;
          if (row.value.timer)
            this.emit(
              {
                kind: 'timer',
                timer: row.value.timer,
                status: row.value.status,
                sentAt: new Date().toISOString(),
              },
              { upn: '', name: '' },
            );
        }, this.options.onError);
      }, intervalMs * every);
    }
  }

  send(_message: LiveMessage): void {
    // Saved text reaches the others through SharePoint.
  }

  /** Read now (the page became visible again, or a live message said "changed" without its text). */
  poll(): Promise<void> {
    return this.watch?.poll() ?? Promise.resolve();
  }

  onMessage(listener: (message: LiveMessage, from: Person) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async leave(): Promise<void> {
    this.watch?.stop();
    this.watch = null;
    if (this.timerClock) clearInterval(this.timerClock);
    this.timerClock = null;
    this.listeners.clear();
  }

  private emit(message: LiveMessage, from: Person): void {
    for (const listener of this.listeners) listener(message, from);
  }
}
