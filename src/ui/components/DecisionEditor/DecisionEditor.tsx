import {
  Button,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { SaveState } from '../../../app/liveRecorder';
import { mergeDecisionTexts } from '../../../domain/decision';
import { followUpProposals, type FollowUp } from '../../../domain/followUp';
import { useStrings } from '../../i18n/LocaleContext';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  // The box grows with the decision (see useGrowWithText); the referent can still drag it taller.
  box: { width: '100%', maxWidth: '100%' },
  boxText: { overflowY: 'hidden', minHeight: '4.5em' },
  state: { color: tokens.colorNeutralForeground3, minHeight: '1.2em' },
  offline: { color: tokens.colorPaletteMarigoldForeground2 },
  error: { color: tokens.colorPaletteRedForeground1 },
  conflict: {
    border: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteMarigoldBorder2}`,
    padding: tokens.spacingHorizontalM,
    display: 'grid',
    // Two columns where there is room; at the side panel's 320 px one under the other.
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 12rem), 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  pre: { whiteSpace: 'pre-wrap', margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, gridColumn: '1 / -1' },
  followUp: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  followUpField: { flexGrow: 1, minWidth: 0 },
  proposals: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  proposal: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground2,
  },
  proposalText: { flexGrow: 1, minWidth: 0, overflowWrap: 'break-word' },
});

export interface DecisionEditorProps {
  itemNumber: number;
  text: string;
  state?: SaveState;
  onChange(text: string): void;
  onBlur(): void;
  onResolve(text: string): void;
  onAddFollowUp(text: string): void;
  /** The follow-ups already made (a "X følger op" already made is not proposed again). */
  followUps?: readonly Pick<FollowUp, 'itemNumber' | 'task'>[];
  /**
   * What the record says of the item besides the decision (a committee's vote, inhabilitet and
   * protokoltilførsler, with their buttons): right under the decision, before the follow-ups, as members see it.
   */
  protocol?: ReactNode;
}

/**
 * The referent's editor for one item: autosaved text, its save state, conflicts side by side, the item's
 * protocol, follow-ups.
 */
export function DecisionEditor({
  itemNumber,
  text,
  state,
  onChange,
  onBlur,
  onResolve,
  onAddFollowUp,
  followUps = [],
  protocol,
}: DecisionEditorProps) {
  const styles = useStyles();
  const s = useStrings();
  const [followUp, setFollowUp] = useState('');
  const label = s.decisionFor(itemNumber);
  const proposals = followUpProposals(text, itemNumber, followUps);
  const box = useGrowWithText(text);
  const stateText =
    state?.kind === 'saving'
      ? s.saving
      : state?.kind === 'saved'
        ? s.saved
        : state?.kind === 'offline'
          ? s.offline
          : state?.kind === 'error'
            ? state.code
              ? s.errorReasons[state.code]
              : state.message
            : '';
  return (
    <div className={styles.root}>
      <Field label={label}>
        <Textarea
          aria-label={label}
          value={text}
          resize="vertical"
          rows={3}
          className={styles.box}
          textarea={{ ref: box, className: styles.boxText }}
          onChange={(_e, d) => onChange(d.value)}
          onBlur={onBlur}
        />
      </Field>
      <Text
        role="status"
        aria-live="polite"
        className={mergeClasses(
          styles.state,
          state?.kind === 'offline' && styles.offline,
          state?.kind === 'error' && styles.error,
        )}
      >
        {stateText}
      </Text>
      {state?.kind === 'conflict' && (
        <section className={styles.conflict} aria-label={s.conflictTitle}>
          <Text weight="semibold" style={{ gridColumn: '1 / -1' }}>
            {s.conflictTitle}
          </Text>
          <div>
            <Text weight="semibold">{s.mine}</Text>
            <p className={styles.pre}>{state.mine}</p>
          </div>
          <div>
            <Text weight="semibold">{s.theirs(state.theirsEditor || '?')}</Text>
            <p className={styles.pre}>{state.theirs}</p>
          </div>
          <div className={styles.actions}>
            <Button appearance="primary" onClick={() => onResolve(state.mine)}>
              {s.keepMine}
            </Button>
            <Button onClick={() => onResolve(state.theirs)}>{s.useTheirs}</Button>
            <Button onClick={() => onResolve(mergeDecisionTexts(state.theirs, state.mine))}>{s.merge}</Button>
          </div>
        </section>
      )}
      {protocol}
      {proposals.length > 0 && (
        <ul className={styles.proposals} aria-label={s.followUpProposals}>
          {proposals.map((p, i) => {
            const id = `followup-proposal-${itemNumber}-${i}`;
            return (
              <li key={p.task} className={styles.proposal}>
                <Text id={id} className={styles.proposalText}>
                  {s.followUpProposal(p.owners.join(', '), p.task)}
                </Text>
                <Button size="small" aria-describedby={id} onClick={() => onAddFollowUp(p.task)}>
                  {s.createFollowUp}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      <div className={styles.followUp}>
        <Field label={s.followUpFor(itemNumber)} className={styles.followUpField}>
          <Input value={followUp} placeholder="FAS følger op …" onChange={(_e, d) => setFollowUp(d.value)} />
        </Field>
        <Button
          disabled={!followUp.trim()}
          onClick={() => {
            onAddFollowUp(followUp.trim());
            setFollowUp('');
          }}
        >
          {s.addFollowUp}
        </Button>
      </div>
    </div>
  );
}

/**
 * A decision box as tall as its text, so a long decision is never cut off behind a scrollbar: after each
 * change the textarea is measured (height auto, then its scroll height) — never shorter than its rows.
 */
function useGrowWithText(text: string) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = 'auto';
    if (el.scrollHeight > el.clientHeight) el.style.height = `${el.scrollHeight}px`;
    else el.style.height = '';
  }, [text]);
  return ref;
}
