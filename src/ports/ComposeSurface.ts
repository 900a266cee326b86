/**
 * The appointment form the organizer has open in Outlook (compose mode). Graph writes the saved event,
 * but the open form would overwrite the body when the organizer sends it: so the agenda also goes into
 * the form itself, where the organizer sees it before sending.
 */
export interface ComposeSurface {
  /** Put the agenda section at the top of the body, replacing an earlier one. */
  insertAgenda(sectionHtml: string): Promise<void>;
  /** Attach a file to the appointment being composed. */
  attachFile(name: string, bytes: Uint8Array): Promise<void>;
}
