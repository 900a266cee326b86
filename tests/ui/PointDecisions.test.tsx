/** @jest-environment jsdom */
/**
 * The referent decides an item point by point (issue 25 point 4), by role and label: per "at"-point a
 * radio group "Beslutning på punkt N, at K" and a remark; "Godkendt som indstillet (punkt N)" in one click.
 * The decision text stays the record: every choice writes it in the referater's style, and a decision
 * already written shows its choices. The meeting page shows the item's indstilling under it.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { emptyIndstilling } from '../../src/domain/indstilling/indstilling';
import { AppShell } from '../../src/ui/components/AppShell/AppShell';
import { IndstillingView } from '../../src/ui/components/Indstilling/IndstillingView';
import { PointDecisionsEditor } from '../../src/ui/components/Indstilling/PointDecisionsEditor';

const POINTS = ['rådmanden godkender handleplanen.', 'status forelægges igen i juni.'];

function Referent({ start, record }: { start: string; record: string[] }) {
  const [text, setText] = useState(start);
  return (
    <PointDecisionsEditor
      itemNumber={3}
      points={POINTS}
      text={text}
      onChange={(t) => {
        record.push(t);
        setText(t);
      }}
    />
  );
}

function show(start = '') {
  const record: string[] = [];
  render(
    <AppShell theme="default" locale="da">
      <Referent start={start} record={record} />
    </AppShell>,
  );
  return record;
}

const group = (k: number) => screen.getByRole('radiogroup', { name: `Beslutning på punkt 3, at ${k}` });

test('point 1 "Godkendt" and point 2 "Udsat" with a remark write "At 1) Godkendt." … as the decision', async () => {
  const user = userEvent.setup();
  const record = show();
  expect(
    within(group(1))
      .getAllByRole('radio')
      .map((r) => r.getAttribute('value')),
  ).toEqual(['Godkendt', 'Taget til efterretning', 'Godkendt med bemærkninger', 'Ikke godkendt', 'Udsat']);
  await user.click(within(group(1)).getByRole('radio', { name: 'Godkendt' }));
  await user.click(within(group(2)).getByRole('radio', { name: 'Udsat' }));
  await user.click(screen.getByRole('textbox', { name: 'Bemærkning til punkt 3, at 2' }));
  await user.paste('Til næste møde.');
  expect(record.at(-1)).toBe('At 1) Godkendt.\n\nAt 2) Udsat.\nTil næste møde.');
});

test('"Godkendt som indstillet (punkt N)" writes the whole decision in one click', async () => {
  const user = userEvent.setup();
  const record = show();
  await user.click(screen.getByRole('button', { name: 'Godkendt som indstillet (punkt 3)' }));
  expect(record).toEqual(['Godkendt som indstillet.']);
  for (const k of [1, 2])
    expect((within(group(k)).getByRole('radio', { name: 'Godkendt' }) as HTMLInputElement).checked).toBe(
      true,
    );
});

test('a decision already written shows its choices, and a change keeps the other point', async () => {
  const user = userEvent.setup();
  const record = show('At 1) Ikke godkendt.\n\nAt 2) Taget til efterretning.');
  expect((within(group(1)).getByRole('radio', { name: 'Ikke godkendt' }) as HTMLInputElement).checked).toBe(
    true,
  );
  await user.click(within(group(2)).getByRole('radio', { name: 'Udsat' }));
  expect(record).toEqual(['At 1) Ikke godkendt.\n\nAt 2) Udsat.']);
});

test("the meeting page shows the indstilling's points as the paper prints them", () => {
  render(
    <AppShell theme="default" locale="da">
      <IndstillingView
        itemNumber={3}
        indstilling={{ ...emptyIndstilling(), title: 'Plan', points: POINTS }}
      />
    </AppShell>,
  );
  const region = screen.getByRole('region', { name: 'Indstilling til punkt 3' });
  expect(within(region).getByText('Det indstilles,')).toBeTruthy();
  expect(
    within(region)
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual(['1. at rådmanden godkender handleplanen.', '2. at status forelægges igen i juni.']);
});
