import type { Person } from '../domain/person';
import type { CalendarGateway } from '../ports/CalendarGateway';
import type { Clock } from '../ports/Clock';
import type { BilagStore } from '../ports/BilagStore';
import type { ListStore } from '../ports/ListStore';
import type { DocumentRenderer } from '../ports/DocumentRenderer';
import type { Mailer } from '../ports/Mailer';
import type { MeetingPermissions } from '../ports/MeetingPermissions';
import type { Outbox } from '../ports/Outbox';
import type { PackageRenderer } from '../ports/PackageRenderer';
import type { PeopleDirectory } from '../ports/PeopleDirectory';

/** What every use case is given by the composition root of a page (or a test). */
export interface AppDeps {
  me: Person;
  calendar: CalendarGateway;
  lists: ListStore;
  /** The meeting's rights as SharePoint permissions (SharePoint REST; a fake in unit tests). */
  permissions: MeetingPermissions;
  outbox: Outbox;
  clock: Clock;
  /** "Send referat" (Graph sendMail); absent where mail is not configured. */
  mailer?: Mailer;
  /** Word/PDF output of the referat, loaded when first used (the libraries are large). */
  renderer?: DocumentRenderer;
  /** The tenant's people (guest picker); absent where no directory is reachable (fakes). */
  people?: PeopleDirectory;
  /** Each item's bilag (the Bilag document library); absent where there is none (fakes). */
  bilag?: BilagStore;
  /** The meeting package's PDF, loaded when first asked for (pdf-lib is large); absent: no "Hent mødemappe". */
  packageRenderer?: PackageRenderer;
}
