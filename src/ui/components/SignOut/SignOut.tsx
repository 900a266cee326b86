import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { SignOutResult } from '../../../app/signOut';
import { useStrings } from '../../i18n/LocaleContext';

const useStyles = makeStyles({
  bar: { display: 'flex', justifyContent: 'flex-end', marginBottom: tokens.spacingVerticalXS },
});

export interface SignOutProps {
  /** Runs the sign-out; with `discardPending` false it only reports how many texts still wait. */
  onSignOut: (discardPending: boolean) => Promise<SignOutResult>;
  onSignedOut: () => void;
  /** After signing out only the (closing) dialog stays, so its modal state is undone properly. */
  signedOut?: boolean;
}

/** "Log ud": empties this computer's outbox and drops the tokens — asking first if text still waits. */
export function SignOut({ onSignOut, onSignedOut, signedOut = false }: SignOutProps) {
  const styles = useStyles();
  const s = useStrings();
  const [pending, setPending] = useState<number | null>(null);
  const run = async (discard: boolean) => {
    const result = await onSignOut(discard);
    if (result.kind === 'pending') setPending(result.count);
    else {
      setPending(null);
      onSignedOut();
    }
  };
  return (
    <div className={styles.bar}>
      {!signedOut && (
        <Button appearance="subtle" size="small" onClick={() => void run(false)}>
          {s.signOut}
        </Button>
      )}
      <Dialog open={pending !== null} onOpenChange={(_, d) => !d.open && setPending(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{s.signOutPendingTitle}</DialogTitle>
            <DialogContent>{s.signOutPending(pending ?? 0)}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => setPending(null)}>
                {s.signOutKeep}
              </Button>
              <Button onClick={() => void run(true)}>{s.signOutDiscard}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
