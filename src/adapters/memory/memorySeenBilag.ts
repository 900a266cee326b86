import type { SeenVersions } from '../../domain/bilag/changedBilag';
import type { MeetingKey } from '../../domain/meeting';
import type { SeenBilag } from '../../ports/SeenBilag';

/** SeenBilag in memory: one reader's, for use-case and UI tests. */
export class MemorySeenBilag implements SeenBilag {
  private readonly meetings = new Map<MeetingKey, SeenVersions>();

  async seen(meeting: MeetingKey): Promise<SeenVersions> {
    return { ...(this.meetings.get(meeting) ?? {}) };
  }

  async remember(meeting: MeetingKey, versions: SeenVersions): Promise<void> {
    this.meetings.set(meeting, { ...(this.meetings.get(meeting) ?? {}), ...versions });
  }
}
