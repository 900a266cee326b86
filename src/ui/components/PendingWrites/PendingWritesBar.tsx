import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useSyncExternalStore } from 'react';
import type { PageWriteKind, PendingWrites } from '../../../app/pendingWrites';
import { PortError } from '../../../ports/errors';
import type { OutboxFailure } from '../../../ports/Outbox';
import { messageOf } from '../../errors';
import { useLocale, useStrings } from '../../i18n/LocaleContext';

/** A kept failure as the error it was, so it gets the same words as when it happened. */
const errorOf = (f: OutboxFailure) =>
  new PortError(f.kind, f.message ?? f.kind, { code: f.code, status: f.status });

/**
 * What this profile's pages wrote that is not in SharePoint yet: how many wait for the network, and each
 * refused write with why, to send again or discard. Nothing is dropped without the person choosing it.
 */
export function PendingWritesBar({ writes }: { writes: PendingWrites }) {
  const s = useStrings();
  const locale = useLocale();
  const { entries } = useSyncExternalStore(writes.subscribe, writes.getSnapshot);
  const refused = entries.filter((e) => e.failure?.refused);
  // Without a failure an entry is being written right now: the control that made it says "Gemmer…".
  const waiting = entries.filter((e) => e.failure && !e.failure.refused).length;
  if (waiting === 0 && refused.length === 0) return null;
  return (
    <section aria-label={s.writesTitle}>
      {waiting > 0 && (
        <MessageBar intent="info">
          <MessageBarBody>
            <span role="status">{s.writesWaiting(waiting)}</span>
          </MessageBarBody>
        </MessageBar>
      )}
      {refused.map((e) => {
        const what = s.writeKinds[e.kind as PageWriteKind];
        return (
          <MessageBar key={e.slot} intent="error">
            <MessageBarBody>
              <span role="alert">{s.writeRefused(what, messageOf(errorOf(e.failure!), locale))}</span>
            </MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={() => void writes.retry(e.slot)}>
                {s.retryWrite(what)}
              </Button>
              <Button size="small" onClick={() => void writes.discard(e.slot)}>
                {s.discardWrite(what)}
              </Button>
            </MessageBarActions>
          </MessageBar>
        );
      })}
    </section>
  );
}
