import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import { useLocale } from '../../i18n/LocaleContext';
import { committeeMessageOf } from './committeeMessage';

/**
 * A committee save in progress and its refusal in words: `run` sets busy while the save is on its way and
 * keeps the refusal to show; it resolves true when the save went through.
 */
export function useCommitteeSave() {
  const locale = useLocale();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (save: () => Promise<void>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await save();
      return true;
    } catch (e) {
      setError(committeeMessageOf(e, locale));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, clearError: () => setError(null), run };
}

/** The refusal, read out at once (role alert). */
export function CommitteeError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <MessageBar intent="error">
      <MessageBarBody>
        <span role="alert">{message}</span>
      </MessageBarBody>
    </MessageBar>
  );
}
