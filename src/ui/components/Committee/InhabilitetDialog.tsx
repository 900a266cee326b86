import { Field, Radio, RadioGroup, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { Participant } from '../../../domain/committee/attendance';
import type { Inhabilitet } from '../../../domain/committee/types';
import { sameUpn } from '../../../domain/person';
import { useCommitteeStrings } from '../../i18n/committeeStrings';
import { CommitteeDialog } from './CommitteeDialog';

export interface InhabilitetInputUi {
  member: string;
  reason: string;
  decision: Inhabilitet['decision'];
}

export interface InhabilitetDialogProps {
  itemNumber: number;
  /** Those at the meeting (a member or the substitute in their place). */
  members: Participant[];
  /** Declarations on the item that wait for the committee's decision: the dialog starts from the first. */
  pending?: Inhabilitet[];
  onSave(input: InhabilitetInputUi): Promise<void>;
}

/**
 * "Inhabilitet på punkt N": who, why, and the committee's decision (or awaiting it). A member's declaration
 * waiting for the decision fills in the member and the declared reason.
 */
export function InhabilitetDialog({ itemNumber, members, pending = [], onSave }: InhabilitetDialogProps) {
  const cs = useCommitteeStrings();
  const [member, setMember] = useState('');
  const [reason, setReason] = useState('');
  const [decision, setDecision] = useState<Inhabilitet['decision']>('Inhabil');
  const declared = (upn: string) => pending.find((p) => sameUpn(p.member, upn));
  const choose = (upn: string) => {
    setMember(upn);
    const declaration = declared(upn);
    // The declared reason comes with its member; a reason typed by hand stays.
    if (declaration) setReason(declaration.reason);
    else if (pending.some((p) => p.reason === reason)) setReason('');
  };
  return (
    <CommitteeDialog
      title={cs.inhabilitetOn(itemNumber)}
      saveLabel={cs.save}
      onOpen={() => {
        // A waiting declaration is what the secretary came for, unless she is already on one or typing.
        const first = pending.find((p) => members.some((m) => sameUpn(m.upn, p.member)));
        if (first && !declared(member) && !reason.trim()) {
          setMember(members.find((m) => sameUpn(m.upn, first.member))!.upn);
          setReason(first.reason);
        } else if (!member) setMember(members[0]?.upn || '');
      }}
      onSave={() => onSave({ member, reason, decision })}
    >
      <Field label={cs.member}>
        <Select value={member} onChange={(_e, d) => choose(d.value)}>
          {members.map((p) => (
            <option key={p.upn} value={p.upn}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={cs.reason}>
        <Textarea value={reason} onChange={(_e, d) => setReason(d.value)} />
      </Field>
      <Field label={cs.decisionLabel}>
        <RadioGroup value={decision} onChange={(_e, d) => setDecision(d.value as Inhabilitet['decision'])}>
          {(['Inhabil', 'Ikke inhabil', 'Afventer'] as const).map((v) => (
            <Radio key={v} value={v} label={cs.decisions[v]} />
          ))}
        </RadioGroup>
      </Field>
    </CommitteeDialog>
  );
}
