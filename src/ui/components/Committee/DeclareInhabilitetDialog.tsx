import { Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { useCommitteeStrings } from '../../i18n/committeeStrings';
import { CommitteeDialog } from './CommitteeDialog';

export interface DeclareInhabilitetDialogProps {
  itemNumber: number;
  onSave(reason: string): Promise<void>;
}

/**
 * "Erklær inhabilitet på punkt N": a member says, with the reason, that they may be inhabil on the item
 * (Forvaltningsloven § 6); the committee decides on it afterwards.
 */
export function DeclareInhabilitetDialog({ itemNumber, onSave }: DeclareInhabilitetDialogProps) {
  const cs = useCommitteeStrings();
  const [reason, setReason] = useState('');
  return (
    <CommitteeDialog
      title={cs.declareOn(itemNumber)}
      saveLabel={cs.save}
      onSave={async () => {
        await onSave(reason);
        setReason('');
      }}
    >
      <Field label={cs.reason}>
        <Textarea value={reason} onChange={(_e, d) => setReason(d.value)} />
      </Field>
    </CommitteeDialog>
  );
}
