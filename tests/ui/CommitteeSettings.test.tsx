/** @jest-environment jsdom */
/**
 * The secretary's series setting in the task pane (Udvalgsmøde: members with party and substitute,
 * deadline in working days) and the deadline warning beside "Send dagsorden", by role and label.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import type { CommitteeSettings } from '../../src/domain/committee/types';
import { Invalid } from '../../src/ports/errors';
import { AppShell } from '../../src/ui/components/AppShell/AppShell';
import { AgendaDeadlineWarning } from '../../src/ui/components/Committee/AgendaDeadlineWarning';
import { CommitteeSettingsEditor } from '../../src/ui/components/Committee/CommitteeSettingsEditor';

test('the secretary makes the series an udvalgsmøde with a member, party and substitute', async () => {
  const user = userEvent.setup();
  const saved: Array<CommitteeSettings | undefined> = [];
  let refuse = true;
  render(
    <AppShell theme="default" locale="da">
      <CommitteeSettingsEditor
        value={undefined}
        series="Social- og Beskæftigelsesudvalget"
        onSave={async (c) => {
          if (refuse) throw new Invalid('membersInvalid', { code: 'membersInvalid' });
          saved.push(c);
        }}
      />
    </AppShell>,
  );
  await user.selectOptions(screen.getByRole('combobox', { name: 'Mødetype' }), 'Udvalgsmøde');
  expect(await screen.findByRole('textbox', { name: 'Udvalgets navn' })).toHaveProperty(
    'value',
    'Social- og Beskæftigelsesudvalget',
  );
  const deadline = screen.getByRole('spinbutton', { name: 'Frist for dagsorden (arbejdsdage før mødet)' });
  expect(deadline).toHaveProperty('value', '4');
  await user.clear(deadline);
  await user.type(deadline, '5');
  const member = screen.getByRole('group', { name: 'Medlem 1' });
  await user.type(within(member).getByRole('textbox', { name: 'Navn på medlem 1' }), 'Anders Lund');
  await user.type(
    within(member).getByRole('textbox', { name: 'E-mail for medlem 1' }),
    'anders@kommune.example',
  );
  await user.click(screen.getByRole('button', { name: 'Gem mødetype' }));
  expect((await screen.findByRole('alert')).textContent).toBe(
    'Hvert medlem skal have navn, e-mail og parti.',
  );
  await user.type(within(member).getByRole('textbox', { name: 'Parti for medlem 1' }), 'A');
  await user.type(
    within(member).getByRole('textbox', { name: 'Stedfortræder for medlem 1' }),
    'Peter Jensen',
  );
  await user.type(
    within(member).getByRole('textbox', { name: 'Stedfortræderens e-mail for medlem 1' }),
    'peter@kommune.example',
  );
  refuse = false;
  await user.click(screen.getByRole('button', { name: 'Gem mødetype' }));
  expect((await screen.findByRole('status')).textContent).toBe('Mødetypen er gemt.');
  expect(saved).toEqual([
    {
      kind: 'Udvalgsmøde',
      committeeName: 'Social- og Beskæftigelsesudvalget',
      agendaDeadlineWorkingDays: 5,
      members: [
        {
          person: { upn: 'anders@kommune.example', name: 'Anders Lund' },
          party: 'A',
          substitute: { upn: 'peter@kommune.example', name: 'Peter Jensen' },
        },
      ],
    },
  ]);
  const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

test('an ordinary meeting again: the setting is removed', async () => {
  const user = userEvent.setup();
  const saved: Array<CommitteeSettings | undefined> = [];
  const value: CommitteeSettings = {
    kind: 'Udvalgsmøde',
    committeeName: 'Social- og Beskæftigelsesudvalget',
    agendaDeadlineWorkingDays: 4,
    members: [{ person: { upn: 'anders@kommune.example', name: 'Anders Lund' }, party: 'A' }],
  };
  render(
    <AppShell theme="dark" locale="en">
      <CommitteeSettingsEditor value={value} series="x" onSave={async (c) => void saved.push(c)} />
    </AppShell>,
  );
  expect(screen.getByRole('textbox', { name: 'Name of member 1' })).toHaveProperty('value', 'Anders Lund');
  await user.selectOptions(screen.getByRole('combobox', { name: 'Meeting type' }), 'Leadership meeting');
  await user.click(screen.getByRole('button', { name: 'Save meeting type' }));
  await waitFor(() => expect(saved).toEqual([undefined]));
});

test('"Send dagsorden" after the deadline warns and says by how much', () => {
  const committee: CommitteeSettings = {
    kind: 'Udvalgsmøde',
    committeeName: 'Social- og Beskæftigelsesudvalget',
    agendaDeadlineWorkingDays: 4,
    members: [],
  };
  const meeting = { start: '2024-02-20T10:00:00.000Z', committee };
  const { rerender } = render(
    <AppShell theme="default" locale="da">
      <AgendaDeadlineWarning meeting={meeting} now="2024-02-14T12:00:00.000Z" />
    </AppShell>,
  );
  expect(screen.queryByRole('status')).toBeNull();
  rerender(
    <AppShell theme="default" locale="da">
      <AgendaDeadlineWarning meeting={meeting} now="2024-02-16T09:00:00.000Z" />
    </AppShell>,
  );
  expect(screen.getByRole('status').textContent).toBe(
    'Fristen for dagsordenen er overskredet med 2 arbejdsdage (34 timer).',
  );
});

test('"Mødetype" is said once: the field\'s label, no heading repeating it above', async () => {
  render(
    <AppShell theme="default" locale="da">
      <CommitteeSettingsEditor value={undefined} series="Rådmandsmøde" onSave={async () => {}} />
    </AppShell>,
  );
  expect(screen.getAllByRole('combobox', { name: 'Mødetype' })).toHaveLength(1);
  expect(screen.queryAllByRole('heading', { name: 'Mødetype' })).toHaveLength(0);
  expect(screen.getAllByText('Mødetype', { exact: true })).toHaveLength(1);
  expect(screen.getAllByRole('region', { name: 'Mødetype' })).toHaveLength(1);
});
