import { Checkbox } from '@fluentui/react-components';
import { useState } from 'react';
import type { Participant } from '../../../domain/committee/attendance';
import { sameUpn } from '../../../domain/person';
import { useCommitteeStrings } from '../../i18n/committeeStrings';
import { CommitteeDialog } from './CommitteeDialog';

export interface AttendanceDialogProps {
  itemNumber: number;
  /** Those at the meeting. */
  attendance: Participant[];
  /** UPNs recorded as away during the item. */
  absent: string[];
  onSave(absent: string[]): Promise<void>;
}

/** "Fremmøde under punkt N": untick who was not in the room (arrived late, left early). */
export function AttendanceDialog({ itemNumber, attendance, absent, onSave }: AttendanceDialogProps) {
  const cs = useCommitteeStrings();
  const [away, setAway] = useState<string[]>([]);
  return (
    <CommitteeDialog
      title={cs.attendanceOn(itemNumber)}
      saveLabel={cs.save}
      onOpen={() => setAway([...absent])}
      onSave={() => onSave(away)}
    >
      <fieldset>
        <legend>{cs.presentDuring(itemNumber)}</legend>
        {attendance.map((p) => (
          <Checkbox
            key={p.upn}
            label={p.name}
            checked={!away.some((u) => sameUpn(u, p.upn))}
            onChange={(_e, d) =>
              setAway((a) => (d.checked ? a.filter((u) => !sameUpn(u, p.upn)) : [...a, p.upn]))
            }
          />
        ))}
      </fieldset>
    </CommitteeDialog>
  );
}
