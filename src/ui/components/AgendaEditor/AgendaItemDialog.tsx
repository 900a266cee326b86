import {
  Button,
  Checkbox,
  Combobox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  Option,
  Select,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { CATEGORIES, type AgendaItem, type Category } from '../../../domain/agendaItem';
import { guestsText, parseGuests } from '../../../domain/agendaRules';
import type { Person } from '../../../domain/person';
import { useStrings } from '../../i18n/LocaleContext';
import { ItemBilag } from '../Bilag/ItemBilag';
import { IndstillingEditor } from '../Indstilling/IndstillingEditor';
import { VISUALLY_HIDDEN } from '../../visuallyHidden';

const useStyles = makeStyles({
  content: { display: 'grid', gap: tokens.spacingVerticalM },
  pair: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  grow: { flexGrow: 1, flexBasis: '10rem', minWidth: 0 },
  minutes: { flexBasis: '7rem', flexGrow: 0, minWidth: 0 },
  // Within the dialog the fields keep to its width, also at 320 px.
  full: { minWidth: 0, maxWidth: '100%' },
});

export interface AgendaItemDialogProps {
  item: AgendaItem;
  /** The messages at each field, by field name (title, durationMinutes, guests …). */
  messageFor(field: string): string | undefined;
  /** People whose bare address resolves to their name (the meeting's circle). */
  known: Person[];
  /** The tenant's people by name (the guest picker); without it the field takes typed addresses only. */
  searchPeople?: (text: string) => Promise<Person[]>;
  /** Take the focus into the title and select it (a new item's "Nyt punkt" is typed over). */
  selectTitle: boolean;
  onChange(change: Partial<Omit<AgendaItem, 'id' | 'number'>>): void;
  onClose(): void;
}

/**
 * One item's editor, opened by "Rediger punkt N" (or by "Tilføj punkt" for the new item). Every keystroke
 * goes into the agenda draft at once: closing the dialog never loses what was typed.
 */
export function AgendaItemDialog({
  item,
  messageFor,
  known,
  searchPeople,
  selectTitle,
  onChange,
  onClose,
}: AgendaItemDialogProps) {
  const styles = useStyles();
  const s = useStrings();
  const n = item.number;
  // Minutes and guests keep the text as typed ("-", "Kamilla <"), the draft gets what it means.
  const [minutes, setMinutes] = useState(String(item.durationMinutes));
  const [guests, setGuests] = useState(guestsText(item.guests));
  // Bumped when the Word import stores the original, so the bilag list shows it.
  const [bilagRevision, setBilagRevision] = useState(0);
  const title = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!selectTitle) return;
    // After the dialog's own focus step: the new item's title, selected to type over.
    const t = setTimeout(() => {
      title.current?.focus();
      title.current?.select();
    });
    return () => clearTimeout(t);
  }, [selectTitle]);
  const error = (field: string) => {
    const message = messageFor(field);
    return message ? { validationMessage: message, validationState: 'error' as const } : {};
  };
  return (
    <Dialog open onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle as="h2">{s.editItem(n)}</DialogTitle>
          <DialogContent className={styles.content}>
            <Field label={s.titleFor(n)} required {...error('title')}>
              <Input ref={title} value={item.title} onChange={(_e, d) => onChange({ title: d.value })} />
            </Field>
            <div className={styles.pair}>
              <Field className={styles.grow} label={s.categoryFor(n)}>
                <Select
                  value={item.category ?? ''}
                  onChange={(_e, d) => onChange({ category: (d.value || null) as Category | null })}
                >
                  <option value="">{s.noCategory}</option>
                  {CATEGORIES.map((c) => (
                    <option key={c} value={c}>
                      {s.categories[c]}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field
                className={styles.minutes}
                label={
                  <>
                    {s.minutesFor(n).shown}
                    <span style={VISUALLY_HIDDEN}>{s.minutesFor(n).rest}</span>
                  </>
                }
                {...error('durationMinutes')}
              >
                <Input
                  className={styles.full}
                  type="number"
                  min={1}
                  max={480}
                  value={minutes}
                  onChange={(_e, d) => {
                    setMinutes(d.value);
                    onChange({ durationMinutes: d.value.trim() === '' ? 0 : Number(d.value) });
                  }}
                />
              </Field>
            </div>
            <Field label={s.presenterFor(n)} {...error('presenter')}>
              <Input value={item.presenter ?? ''} onChange={(_e, d) => onChange({ presenter: d.value })} />
            </Field>
            <Checkbox
              label={s.closedFor(n)}
              checked={item.closed}
              onChange={(_e, d) => onChange({ closed: !!d.checked })}
            />
            <Field hint={s.standingHint}>
              <Checkbox
                label={s.standingFor(n)}
                checked={item.standing === true}
                onChange={(_e, d) => onChange({ standing: !!d.checked })}
              />
            </Field>
            <Field label={s.guestsNamedFor(n)} hint={s.guestsHint} {...error('guests')}>
              <GuestPicker
                value={guests}
                searchPeople={searchPeople}
                onText={(text) => {
                  setGuests(text);
                  onChange({ guests: parseGuests(text, known) });
                }}
              />
            </Field>
            <Field label={s.caseNumberFor(n)} {...error('caseNumber')}>
              <Input
                value={item.caseNumber ?? ''}
                placeholder="EMN-2024-000000"
                onChange={(_e, d) => onChange({ caseNumber: d.value })}
              />
            </Field>
            <Field label={s.descriptionFor(n)} {...error('description')}>
              <Textarea
                value={item.description ?? ''}
                onChange={(_e, d) => onChange({ description: d.value })}
              />
            </Field>
            <IndstillingEditor
              item={item}
              onChange={onChange}
              onBilagChanged={() => setBilagRevision((r) => r + 1)}
            />
            <ItemBilag itemNumber={n} itemId={item.id} canAdd revision={bilagRevision} />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              {s.editorDone}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** The guest being typed: what follows the last comma or semicolon. */
const lastGuest = (text: string) => /[^,;]*$/.exec(text)![0];

/**
 * The guests as text ("Navn <adresse>, …") with the tenant's people offered for the one being typed: a
 * Combobox (Fluent v9 has no people picker) whose freeform text is the field's value; choosing a person
 * puts "Name <address>" in place of what was typed. A well-formed address with a name is still taken.
 */
function GuestPicker({
  value,
  searchPeople,
  onText,
}: {
  value: string;
  searchPeople?: (text: string) => Promise<Person[]>;
  onText(text: string): void;
}) {
  const s = useStrings();
  const [found, setFound] = useState<Person[]>([]);
  // Only the answer to the latest text counts (answers may come back out of order).
  const asked = useRef(0);
  const look = (text: string) => {
    const words = lastGuest(text).trim();
    const ask = ++asked.current;
    if (!searchPeople || words.length < 2 || words.includes('<') || words.includes('@')) {
      setFound([]);
      return;
    }
    searchPeople(words).then(
      (people) => ask === asked.current && setFound(people),
      () => ask === asked.current && setFound([]),
    );
  };
  return (
    <Combobox
      freeform
      value={value}
      aria-autocomplete="list"
      onChange={(e) => {
        onText(e.target.value);
        look(e.target.value);
      }}
      onOptionSelect={(_e, d) => {
        const person = found.find((p) => p.upn === d.optionValue);
        if (!person) return;
        const before = value.slice(0, value.length - lastGuest(value).length);
        onText(`${before}${before && !/\s$/.test(before) ? ' ' : ''}${person.name} <${person.upn}>`);
        setFound([]);
      }}
    >
      {found.map((p) => (
        <Option key={p.upn} value={p.upn} text={`${p.name} <${p.upn}>`}>
          {s.guestOption(p.name, p.upn)}
        </Option>
      ))}
    </Combobox>
  );
}
