/**
 * While typing goes on, the referent's autosave of a decision comes no sooner than this after the last
 * one (LiveRecorder's default); pollers wait as long after a read that brought a change. Its own module so
 * the composition root can read it without loading the recorder on pages that never record.
 */
export const AUTOSAVE_SPACING_MS = 30_000;
