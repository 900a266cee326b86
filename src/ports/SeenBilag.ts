import type { SeenVersions } from '../domain/bilag/changedBilag';
import type { MeetingKey } from '../domain/meeting';

/**
 * The versions of a meeting's bilag that one reader has been shown (for "Ændret efter udsendelse"). A
 * convenience of that reader's, kept where only they write it (their browser); never a basis for anything
 * another person sees. Losing it loses only marks; it never fails the page.
 */
export interface SeenBilag {
  seen(meeting: MeetingKey): Promise<SeenVersions>;
  /** Remembers these versions, each replacing what was remembered for that file; others stay. */
  remember(meeting: MeetingKey, versions: SeenVersions): Promise<void>;
}
