import { addItem, removeItem, reorder } from '../domain/agenda';
import type { AgendaItem } from '../domain/agendaItem';
import { publishIssues, type AgendaRuleIssue } from '../domain/agendaRules';
import type { Person } from '../domain/person';
import { ValidationError, type ValidationIssue } from '../domain/validation';
import type { MeetingView } from './openMeeting';
import type { WriteResult } from './pendingWrites';
import type { SendOptions } from './sendAgenda';

/** The writes the draft needs; the page hands in its PendingWrites and the send use case. */
export interface AgendaDraftWrites {
  saveAgenda(view: MeetingView, items: AgendaItem[]): Promise<WriteResult<MeetingView>>;
  assignReferent(view: MeetingView, referent: Person | undefined): Promise<WriteResult<MeetingView>>;
  sendAgenda(view: MeetingView, items: AgendaItem[], options: SendOptions): Promise<MeetingView>;
}

export type DraftAction = 'saving' | 'sending' | 'referent';

/** What the last action did, for the save state and the confirmation beside the button that caused it. */
export type DraftOutcome =
  | { kind: 'saved' }
  | { kind: 'queued' }
  | { kind: 'sent'; version: number }
  | { kind: 'referent' }
  | { kind: 'failed'; error: unknown };

export interface AgendaDraftState {
  view: MeetingView;
  /** The agenda as the secretary has it now, in number order. */
  items: AgendaItem[];
  /** Edits not yet saved (or queued) anywhere. */
  dirty: boolean;
  busy: DraftAction | null;
  outcome: DraftOutcome | null;
  /** Which action the outcome is of, so its confirmation shows beside the control that caused it. */
  lastAction: DraftAction | null;
  /** Why the agenda may not be sent yet (shown at the fields); empty until a send was tried. */
  rules: AgendaRuleIssue[];
  /** The domain's own refusals of the last save or send (too long, bad case number …). */
  issues: ValidationIssue[];
  /** The item added last, whose title field takes the focus. */
  added: string | null;
  /** The item whose editor is open: the one just added, or the first at fault after a refused send. */
  editing: string | null;
}

const NEW_ITEM: Omit<AgendaItem, 'number' | 'id' | 'title'> = {
  category: 'Til drøftelse',
  durationMinutes: 10,
  guests: [],
  closed: false,
  attachments: [],
};

/**
 * The organizer's one agenda draft. Every action of the task pane works on it: editing, adding, moving and
 * deleting items change the draft only; choosing the referent or the meeting type writes those and keeps
 * the draft as it is; saving and sending write the draft; a failed write keeps everything and says why.
 * A plain class (no React): the page subscribes to it.
 */
export class AgendaDraft {
  private state: AgendaDraftState;
  /** A send was refused by the rules: from then on every edit re-checks them, until a send lands. */
  private checking = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    view: MeetingView,
    private readonly writes: AgendaDraftWrites,
    private readonly newId: () => string,
  ) {
    this.state = {
      view,
      items: [...view.items].sort((a, b) => a.number - b.number),
      dirty: false,
      busy: null,
      outcome: null,
      lastAction: null,
      rules: [],
      issues: [],
      added: null,
      editing: null,
    };
  }

  get(): AgendaDraftState {
    return this.state;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(change: Partial<AgendaDraftState>) {
    this.state = { ...this.state, ...change };
    for (const l of [...this.listeners]) l();
  }

  /** An edit: the draft changes, is unsaved, and the send rules already shown follow the new text. */
  private edit(items: AgendaItem[], added: string | null = null) {
    this.set({
      items,
      dirty: true,
      added,
      outcome: null,
      rules: this.checking ? this.rulesFor(items, false) : [],
    });
  }

  private rulesFor(items: AgendaItem[], withoutReferent: boolean): AgendaRuleIssue[] {
    return publishIssues(items, this.state.view.meeting.referent, { withoutReferent });
  }

  /** Open one item's editor ("Rediger punkt N"). */
  open(id: string) {
    this.set({ editing: id });
  }

  close() {
    this.set({ editing: null, added: null });
  }

  update(id: string, change: Partial<Omit<AgendaItem, 'id' | 'number'>>) {
    this.edit(this.state.items.map((i) => (i.id === id ? { ...i, ...change } : i)));
  }

  /**
   * A new item (a title, or a whole item such as a carried-over follow-up) at the end, or right after the
   * item `afterId`; returns its id.
   */
  add(init: string | Omit<AgendaItem, 'number' | 'id'>, afterId?: string): string {
    const id = this.newId();
    const after = afterId ? this.state.items.findIndex((i) => i.id === afterId) : -1;
    const at = after >= 0 ? after + 1 : this.state.items.length;
    const item = typeof init === 'string' ? { ...NEW_ITEM, title: init } : init;
    this.edit(addItem(this.state.items, { ...item, id }, at), id);
    this.set({ editing: id });
    return id;
  }

  move(fromIndex: number, toIndex: number) {
    this.edit(reorder(this.state.items, fromIndex, toIndex));
  }

  remove(id: string) {
    this.edit(removeItem(this.state.items, id));
  }

  /** The meeting changed elsewhere (meeting type saved): take the new meeting, keep the draft. */
  replaceView(view: MeetingView) {
    this.set({ view });
  }

  /** The referent is written at once (and its rights); the agenda draft stays exactly as typed. */
  async setReferent(referent: Person | undefined): Promise<void> {
    await this.write('referent', async () => {
      const result = await this.writes.assignReferent(this.state.view, referent);
      if (result.kind === 'queued') {
        this.set({ view: { ...this.state.view, meeting: { ...this.state.view.meeting, referent } } });
        return { kind: 'queued' };
      }
      this.set({ view: result.value });
      if (this.checking) this.set({ rules: this.rulesFor(this.state.items, false) });
      return { kind: 'referent' };
    });
  }

  async save(): Promise<void> {
    await this.write('saving', async () => {
      const items = this.state.items;
      const result = await this.writes.saveAgenda(this.state.view, items);
      if (result.kind === 'queued') {
        this.set({ dirty: this.state.items !== items });
        return { kind: 'queued' };
      }
      this.landed(result.value, items);
      return { kind: 'saved' };
    });
  }

  /**
   * "Send dagsorden": refused, with every reason at its field, while the agenda breaks a rule; otherwise the
   * draft is written and sent in one go. `withoutReferent` is the organizer's explicit "Send uden referent".
   */
  async send(options: { withoutReferent?: boolean } = {}): Promise<MeetingView | null> {
    const rules = this.rulesFor(this.state.items, !!options.withoutReferent);
    this.checking = rules.length > 0;
    if (rules.length) {
      const first = rules.find((r) => r.item !== undefined);
      const atFault = first && this.state.items.find((i) => i.number === first.item);
      this.set({
        rules,
        outcome: null,
        lastAction: 'sending',
        editing: atFault ? atFault.id : this.state.editing,
      });
      return null;
    }
    let sent: MeetingView | null = null;
    await this.write('sending', async () => {
      const items = this.state.items;
      sent = await this.writes.sendAgenda(this.state.view, items, {
        withoutReferent: !!options.withoutReferent,
      });
      this.landed(sent, items);
      return { kind: 'sent', version: sent.meeting.agendaVersion };
    });
    return sent;
  }

  /** A write landed: the stored agenda becomes the draft unless the secretary typed on meanwhile. */
  private landed(view: MeetingView, written: AgendaItem[]) {
    const untouched = this.state.items === written;
    this.set({
      view,
      items: untouched ? [...view.items].sort((a, b) => a.number - b.number) : this.state.items,
      dirty: !untouched,
    });
  }

  private async write(busy: DraftAction, action: () => Promise<DraftOutcome>) {
    if (this.state.busy) return;
    this.set({
      busy,
      lastAction: busy,
      outcome: null,
      issues: [],
      rules: busy === 'referent' ? this.state.rules : [],
    });
    try {
      const outcome = await action();
      this.set({ busy: null, outcome });
    } catch (error) {
      this.set({
        busy: null,
        outcome: { kind: 'failed', error },
        issues: error instanceof ValidationError ? error.issues : [],
      });
    }
  }
}
