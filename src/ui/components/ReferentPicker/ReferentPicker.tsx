import { Field, Select } from '@fluentui/react-components';
import type { Person } from '../../../domain/person';
import { useStrings } from '../../i18n/LocaleContext';

export interface ReferentPickerProps {
  candidates: Person[];
  value?: Person;
  disabled?: boolean;
  /** Why the agenda cannot be sent without a referent (shown at the field). */
  validationMessage?: string;
  onChange(person: Person | undefined): void;
}

/** The organizer picks the referent among the attendees. */
export function ReferentPicker({
  candidates,
  value,
  disabled,
  validationMessage,
  onChange,
}: ReferentPickerProps) {
  const s = useStrings();
  return (
    <Field label={s.chooseReferent} validationMessage={validationMessage}>
      <Select
        value={value?.upn ?? ''}
        disabled={disabled}
        onChange={(_e, d) => onChange(candidates.find((c) => c.upn === d.value))}
      >
        <option value="">{s.noReferent}</option>
        {candidates.map((c) => (
          <option key={c.upn} value={c.upn}>
            {c.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
