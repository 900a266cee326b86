/**
 * "Log ud" on a shared computer: text typed offline waits in this browser's outbox (IndexedDB). Signing
 * out asks first, then empties it: after a reload nothing of it is left in the browser.
 */
import AxeBuilder from '@axe-core/playwright';
import { nextMeetingKey, startStack, type Stack } from './harness';

jest.setTimeout(120_000);
let stack: Stack;
let key: string;

beforeAll(async () => {
  stack = await startStack();
  key = await nextMeetingKey(stack);
});
afterAll(() => stack?.close());

test('signing out with unsent text asks, then leaves nothing in the browser', async () => {
  const mads = await stack.person('mads@kommune.example');
  const page = await mads.open('meeting.html', { meeting: key });
  const box = page.getByRole('textbox', { name: 'Beslutning for punkt 4' });
  await box.waitFor();
  await mads.context.setOffline(true);
  await box.fill('Skrevet offline på en lånt computer.');
  await box.blur();
  await page
    .getByText(/Offline/)
    .first()
    .waitFor();

  await page.getByRole('button', { name: 'Log ud' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Der er tekst, som ikke er gemt endnu' });
  await dialog.getByText(/Én tekst er kun gemt på denne computer/).waitFor();
  await dialog.getByRole('button', { name: 'Log ud og slet teksten' }).click();
  await page.getByRole('status').filter({ hasText: 'Du er logget ud' }).waitFor();
  expect(await page.getByRole('textbox').count()).toBe(0);
  const serious = (await new AxeBuilder({ page }).analyze()).violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(serious.map((v) => v.id)).toEqual([]);

  const stored = await page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name ?? '');
    const rows: unknown[] = [];
    for (const name of names) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open(name);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const all = await new Promise<unknown[]>((resolve) => {
          const r = db.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => resolve(r.result);
        });
        rows.push(...all);
      }
      db.close();
    }
    return JSON.stringify(rows);
  });
  expect(stored).not.toContain('lånt computer');

  // Back online and signed in again: the text is gone from the editor too, and never reached SharePoint.
  await mads.context.setOffline(false);
  await page.reload();
  await box.waitFor();
  expect(await box.inputValue()).toBe('');
});
