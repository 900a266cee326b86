import { Field, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { Participant } from '../../../domain/committee/attendance';
import { TILFOERSEL_MAX } from '../../../domain/committee/tilfoersel';
import { useCommitteeStrings } from '../../i18n/committeeStrings';
import { CommitteeDialog } from './CommitteeDialog';

export interface TilfoerselDialogProps {
  itemNumber: number;
  /** Given when the referent types the statement for a member; a member writes only their own. */
  members?: Participant[];
  /** A member's own text as saved: the dialog reopens with it, so she changes it rather than starting over. */
  ownText?: string;
  onSave(input: { member?: string; text: string }): Promise<void>;
}

/** "Protokoltilførsel på punkt N": the statement a member who voted against or abstained wants entered. */
export function TilfoerselDialog({ itemNumber, members, ownText, onSave }: TilfoerselDialogProps) {
  const cs = useCommitteeStrings();
  const [member, setMember] = useState('');
  const [text, setText] = useState('');
  return (
    <CommitteeDialog
      title={cs.tilfoerselOn(itemNumber)}
      saveLabel={cs.save}
      onOpen={() => {
        setMember((m) => m || members?.[0]?.upn || '');
        if (!members && ownText) setText(ownText);
      }}
      onSave={async () => {
        await onSave(members ? { member, text } : { text });
        setText('');
      }}
    >
      {members && (
        <Field label={cs.member}>
          <Select value={member} onChange={(_e, d) => setMember(d.value)}>
            {members.map((p) => (
              <option key={p.upn} value={p.upn}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field label={cs.text}>
        <Textarea value={text} maxLength={TILFOERSEL_MAX} onChange={(_e, d) => setText(d.value)} />
      </Field>
    </CommitteeDialog>
  );
}
