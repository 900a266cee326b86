/** @jest-environment jsdom */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SignOutResult } from '../../src/app/signOut';
import { AppShell } from '../../src/ui/components/AppShell/AppShell';
import { SignOut } from '../../src/ui/components/SignOut/SignOut';

test('"Log ud" with unsaved text asks first; staying keeps it, confirming signs out', async () => {
  const user = userEvent.setup();
  const calls: boolean[] = [];
  const onSignOut = async (discard: boolean): Promise<SignOutResult> => {
    calls.push(discard);
    return discard ? { kind: 'signedOut', discarded: 2 } : { kind: 'pending', count: 2 };
  };
  const onSignedOut = jest.fn();
  render(
    <AppShell theme="default" locale="da">
      <SignOut onSignOut={onSignOut} onSignedOut={onSignedOut} />
    </AppShell>,
  );
  await user.click(screen.getByRole('button', { name: 'Log ud' }));
  const question = await screen.findByRole('alertdialog', { name: 'Der er tekst, som ikke er gemt endnu' });
  expect(question.textContent).toContain('2 tekster er kun gemt på denne computer');
  // Keyboard users land on the safe answer (focus moves in an effect after the question renders).
  const keep = within(question).getByRole('button', { name: 'Bliv logget ind' });
  await waitFor(() => expect(document.activeElement).toBe(keep));
  await user.click(keep);
  expect(screen.queryByRole('alertdialog')).toBeNull();
  expect(onSignedOut).not.toHaveBeenCalled();

  await user.click(screen.getByRole('button', { name: 'Log ud' }));
  await user.click(await screen.findByRole('button', { name: 'Log ud og slet teksten' }));
  // Signing out is asynchronous: wait for it to finish, then check what was asked on the way.
  await waitFor(() => expect(onSignedOut).toHaveBeenCalledTimes(1));
  expect(calls).toEqual([false, false, true]);
});

test('in English, and without waiting text it signs out directly', async () => {
  const user = userEvent.setup();
  const onSignedOut = jest.fn();
  render(
    <AppShell theme="dark" locale="en">
      <SignOut onSignOut={async () => ({ kind: 'signedOut', discarded: 0 })} onSignedOut={onSignedOut} />
    </AppShell>,
  );
  await user.click(screen.getByRole('button', { name: 'Sign out' }));
  await waitFor(() => expect(onSignedOut).toHaveBeenCalledTimes(1));
  expect(screen.queryByRole('alertdialog')).toBeNull();
});
