import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { SignOutResult } from '../../../app/signOut';
import { useStrings } from '../../i18n/LocaleContext';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-end',
    gap: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalXS,
  },
});

export interface SignOutProps {
  /** Runs the sign-out; with `discardPending` false it only reports how many texts still wait. */
  onSignOut: (discardPending: boolean) => Promise<SignOutResult>;
  onSignedOut: () => void;
}

/**
 * "Log ud": empties this computer's outbox and drops the tokens — asking first, in the page (not a modal:
 * the question must not trap or hide the page), when text is still waiting for SharePoint.
 */
export function SignOut({ onSignOut, onSignedOut }: SignOutProps) {
  const styles = useStyles();
  const s = useStrings();
  const [pending, setPending] = useState<number | null>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  // The button that asked is gone once the question shows: keyboard focus moves to the safe answer.
  useEffect(() => {
    if (pending !== null) keepRef.current?.focus();
  }, [pending]);
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
      {pending === null ? (
        <Button appearance="subtle" size="small" onClick={() => void run(false)}>
          {s.signOut}
        </Button>
      ) : (
        <MessageBar intent="warning" role="alertdialog" aria-label={s.signOutPendingTitle}>
          <MessageBarBody>
            <MessageBarTitle>{s.signOutPendingTitle}</MessageBarTitle> {s.signOutPending(pending)}
          </MessageBarBody>
          <MessageBarActions>
            <Button ref={keepRef} appearance="primary" onClick={() => setPending(null)}>
              {s.signOutKeep}
            </Button>
            <Button onClick={() => void run(true)}>{s.signOutDiscard}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}
