import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { useCommitteeStrings } from '../../i18n/committeeStrings';
import { CommitteeError, useCommitteeSave } from './useCommitteeSave';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface CommitteeDialogProps {
  /** The trigger button's and the dialog's name, e.g. "Afstemning om punkt 3". */
  title: string;
  saveLabel: string;
  /** Called when the dialog opens, to start from what is recorded. */
  onOpen?(): void;
  /** Resolves when saved (the dialog closes); a refusal keeps the dialog and what was typed, and says why. */
  onSave(): Promise<void>;
  children: ReactNode;
}

/** The frame every committee dialog shares: trigger, title, content, Gem/Annuller, the refusal in words. */
export function CommitteeDialog({ title, saveLabel, onOpen, onSave, children }: CommitteeDialogProps) {
  const styles = useStyles();
  const cs = useCommitteeStrings();
  const [open, setOpen] = useState(false);
  const { busy, error, clearError, run } = useCommitteeSave();
  const save = async () => {
    if (await run(onSave)) setOpen(false);
  };
  return (
    <Dialog
      open={open}
      onOpenChange={(_e, d) => {
        if (d.open) {
          onOpen?.();
          clearError();
        }
        setOpen(d.open);
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button size="small">{title}</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.content}>
            {children}
            <CommitteeError message={error} />
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button>{cs.cancel}</Button>
            </DialogTrigger>
            <Button appearance="primary" disabled={busy} onClick={save}>
              {saveLabel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
