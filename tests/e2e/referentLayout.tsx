/**
 * The meeting page's parts, rendered on the server (React + Griffel's CSS) into one static HTML page, for
 * layout checks in Chromium without the page bundle: the side panel's referent view with the clock running,
 * a long decision, a conflict side by side and a follow-up, and the stage.
 */
import {
  createDOMRenderer,
  RendererProvider,
  renderToStyleElements,
  SSRProvider,
} from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { renderToStaticMarkup, renderToString } from 'react-dom/server';
import { idleTimer, type MeetingTimer } from '../../src/domain/meetingTimer';
import type { AgendaItem } from '../../src/domain/agendaItem';
import { AgendaList } from '../../src/ui/components/AgendaList/AgendaList';
import { AppShell } from '../../src/ui/components/AppShell/AppShell';
import { DecisionEditor } from '../../src/ui/components/DecisionEditor/DecisionEditor';
import { MeetingClock } from '../../src/ui/components/MeetingClock/MeetingClock';
import { StageView } from '../../src/ui/components/StageView/StageView';
import { seedItems } from '../app/fixtures';

const START = '2024-02-20T10:00:00.000Z';
const LONG =
  'Rådmanden godkendte indstillingen med den ændring, at Forvaltningen for Arbejdsmarked og Sociale Forhold ' +
  'inden udgangen af marts 2024 udarbejder en samlet plan for integrationsindsatsen (EMN-2022-03107), ' +
  'herunder økonomikonsekvenserne_for_hele_budgetperioden_2024-2027_uden_mellemrum.\n'.repeat(4);

function page(body: ReactElement): string {
  const renderer = createDOMRenderer();
  const html = renderToString(
    <RendererProvider renderer={renderer}>
      <SSRProvider>{body}</SSRProvider>
    </RendererProvider>,
  );
  const styles = renderToStaticMarkup(<>{renderToStyleElements(renderer)}</>);
  return `<!doctype html><html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Mødeassistent</title>${styles}</head><body style="margin:0"><div id="root">${html}</div></body></html>`;
}

const running: MeetingTimer = { ...idleTimer(), startedAt: START, currentItem: 3, currentSince: START };

/** The referent's side panel (a meeting has no page navigation): clock, the current item open with a long decision. */
export function sidePanelHtml(): string {
  const items: AgendaItem[] = seedItems().map((i) =>
    i.number === 3 ? { ...i, title: `${i.title} – Budgetopfølgning_uden_mellemrum_i_titlen`, guests: [] } : i,
  );
  const texts: Record<number, string> = { 1: LONG, 3: LONG };
  return page(
    <AppShell theme="default" locale="da">
      <MeetingClock
        timer={running}
        items={items}
        canDrive
        onStart={() => undefined}
        onMove={() => undefined}
        onEnd={() => undefined}
      />
      <AgendaList
        items={items}
        meetingStart={START}
        currentItem={3}
        focusItem={3}
        onFocusItem={() => undefined}
        preview={(item) => texts[item.number] ?? 'Ingen beslutning endnu.'}
        renderBelow={(item) => (
          <DecisionEditor
            itemNumber={item.number}
            text={texts[item.number] ?? ''}
            state={{
              kind: 'conflict',
              mine: LONG,
              theirs: `${LONG} Tilføjet af Sofie.`,
              theirsEditor: 'Sofie Holm',
            }}
            onChange={() => undefined}
            onBlur={() => undefined}
            onResolve={() => undefined}
            onAddFollowUp={() => undefined}
          />
        )}
      />
    </AppShell>,
  );
}

export function stageHtml(): string {
  const item = seedItems()[2]!;
  return page(
    <AppShell theme="dark" locale="da">
      <StageView title="Rådmandsmøde i Arbejdsmarked og Sociale Forhold" item={item} decision={LONG} />
    </AppShell>,
  );
}
