import {
  Body1Strong,
  Button,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Select,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { CommitteeMember, CommitteeSettings, SeriesKind } from '../../../domain/committee/types';
import { DEFAULT_AGENDA_DEADLINE_WORKING_DAYS } from '../../../domain/committee/deadline';
import { useCommitteeStrings } from '../../i18n/committeeStrings';
import { useLocale } from '../../i18n/LocaleContext';
import { committeeMessageOf } from './committeeMessage';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '100%' },
  member: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: tokens.spacingHorizontalS,
    margin: 0,
    minWidth: 0,
    // A fieldset is at least as wide as its content by default: at 320 px that made the pane 451 px wide.
    minInlineSize: 0,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  // Fields and inputs shrink with the pane instead of keeping the input's intrinsic width.
  field: { minWidth: 0, '& .fui-Input': { minWidth: 0, width: '100%' } },
});

interface MemberDraft {
  name: string;
  upn: string;
  party: string;
  substituteName: string;
  substituteUpn: string;
}

const draftOf = (m: CommitteeMember): MemberDraft => ({
  name: m.person.name,
  upn: m.person.upn,
  party: m.party,
  substituteName: m.substitute?.name ?? '',
  substituteUpn: m.substitute?.upn ?? '',
});
const emptyDraft = (): MemberDraft => ({
  name: '',
  upn: '',
  party: '',
  substituteName: '',
  substituteUpn: '',
});

export interface CommitteeSettingsEditorProps {
  value: CommitteeSettings | undefined;
  /** The series title, offered as the committee's name. */
  series: string;
  disabled?: boolean;
  /** Resolves when saved; a refusal keeps everything typed and says why. */
  onSave(settings: CommitteeSettings | undefined): Promise<void>;
}

/** The secretary's series setting: Rådmandsmøde, or Udvalgsmøde with members, parties, substitutes and deadline. */
export function CommitteeSettingsEditor({ value, series, disabled, onSave }: CommitteeSettingsEditorProps) {
  const styles = useStyles();
  const cs = useCommitteeStrings();
  const locale = useLocale();
  const [kind, setKind] = useState<SeriesKind>(value ? 'Udvalgsmøde' : 'Rådmandsmøde');
  const [name, setName] = useState(value?.committeeName ?? series);
  const [days, setDays] = useState(
    String(value?.agendaDeadlineWorkingDays ?? DEFAULT_AGENDA_DEADLINE_WORKING_DAYS),
  );
  const [members, setMembers] = useState<MemberDraft[]>(value?.members.map(draftOf) ?? [emptyDraft()]);
  const [message, setMessage] = useState<{ intent: 'error' | 'success'; text: string } | null>(null);
  const set = (i: number, patch: Partial<MemberDraft>) =>
    setMembers((all) => all.map((m, j) => (j === i ? { ...m, ...patch } : m)));

  const save = async () => {
    setMessage(null);
    const settings: CommitteeSettings | undefined =
      kind === 'Udvalgsmøde'
        ? {
            kind,
            committeeName: name,
            agendaDeadlineWorkingDays: Number(days),
            members: members.map((m) => ({
              person: { upn: m.upn, name: m.name },
              party: m.party,
              ...(m.substituteUpn.trim()
                ? { substitute: { upn: m.substituteUpn, name: m.substituteName } }
                : {}),
            })),
          }
        : undefined;
    try {
      await onSave(settings);
      setMessage({ intent: 'success', text: cs.settingsSaved });
    } catch (e) {
      setMessage({ intent: 'error', text: committeeMessageOf(e, locale) });
    }
  };

  return (
    <section className={mergeClasses(styles.root, styles.field)} aria-label={cs.settingsTitle}>
      {/* One label is enough: the field's own names the setting (the section keeps its name for landmarks). */}
      <Field label={cs.kindLabel}>
        <Select value={kind} onChange={(_e, d) => setKind(d.value as SeriesKind)}>
          {(['Rådmandsmøde', 'Udvalgsmøde'] as const).map((k) => (
            <option key={k} value={k}>
              {cs.kinds[k]}
            </option>
          ))}
        </Select>
      </Field>
      {kind === 'Udvalgsmøde' && (
        <>
          <Field label={cs.committeeName}>
            <Input value={name} onChange={(_e, d) => setName(d.value)} />
          </Field>
          <Field label={cs.deadlineDays}>
            <Input type="number" min={0} max={30} value={days} onChange={(_e, d) => setDays(d.value)} />
          </Field>
          <Body1Strong as="h3">{cs.members}</Body1Strong>
          {members.map((m, i) => (
            <fieldset key={i} className={styles.member}>
              <legend>{`${cs.member} ${i + 1}`}</legend>
              <Field label={cs.memberName(i + 1)}>
                <Input value={m.name} onChange={(_e, d) => set(i, { name: d.value })} />
              </Field>
              <Field label={cs.memberEmail(i + 1)}>
                <Input type="email" value={m.upn} onChange={(_e, d) => set(i, { upn: d.value })} />
              </Field>
              <Field label={cs.memberParty(i + 1)}>
                <Input value={m.party} onChange={(_e, d) => set(i, { party: d.value })} />
              </Field>
              <Field label={cs.substituteName(i + 1)}>
                <Input value={m.substituteName} onChange={(_e, d) => set(i, { substituteName: d.value })} />
              </Field>
              <Field label={cs.substituteEmail(i + 1)}>
                <Input
                  type="email"
                  value={m.substituteUpn}
                  onChange={(_e, d) => set(i, { substituteUpn: d.value })}
                />
              </Field>
              <Button onClick={() => setMembers((all) => all.filter((_m, j) => j !== i))}>
                {cs.removeMember(i + 1)}
              </Button>
            </fieldset>
          ))}
          <div className={styles.row}>
            <Button onClick={() => setMembers((all) => [...all, emptyDraft()])}>{cs.addMember}</Button>
          </div>
        </>
      )}
      <div className={styles.row}>
        {/* Not primary: the pane's one primary action is "Send dagsorden". */}
        <Button disabled={disabled} onClick={save}>
          {cs.saveSettings}
        </Button>
      </div>
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>
            <span role={message.intent === 'error' ? 'alert' : 'status'}>{message.text}</span>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
