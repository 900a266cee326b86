/**
 * The folders adapter reads the new row's id from AddValidateUpdateItemUsingPath's `Id` entry: against the
 * local server under both readings of its answer (ItemId = the id in every entry, or 0 as in Microsoft's
 * own example, switch `itemid-zero`), the id it returns is the folder's and the row's real id.
 */
import { type GraphServer } from '../../devServer/server';
import { startDemoServer } from '../../demo/server';
import { parseSpVariants } from '../../devServer/variants';
import { newItemId, SharePointFolders } from '../../src/adapters/sharepoint/sharePointFolders';
import { localSharePoint } from '../contracts/graphStack';

jest.setTimeout(60_000);

const servers: GraphServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));

test("the id is the Id entry's value; a positive ItemId is the fallback; ItemId 0 is never taken for an id", () => {
  const entry = (FieldName: string, FieldValue: string, ItemId: number) => ({
    FieldName,
    FieldValue,
    ItemId,
    HasException: false,
    ErrorMessage: '',
  });
  expect(newItemId([entry('Title', 'a', 0), entry('Id', '17', 0)])).toBe(17);
  expect(newItemId([entry('Title', 'a', 5)])).toBe(5);
  expect(newItemId([entry('Title', 'a', 0)])).toBeUndefined();
});

test.each(['', 'itemid-zero'])(
  'under reading "%s" a created folder and a row in it get their real ids',
  async (variants) => {
    const server = await startDemoServer({
      port: 0,
      db: ':memory:',
      seed: 'none',
      spVariants: parseSpVariants(variants),
    });
    servers.push(server);
    const { rest } = localSharePoint(server, 'sofie@kommune.example');
    const folders = new SharePointFolders(rest);
    // Ids differ from the first ones: a list holding other rows already.
    await folders.create('Decisions', 'first');
    const made = await folders.create('Decisions', 'second');
    expect(made.Id).toBeGreaterThan(0);
    expect((await folders.find('Decisions', 'second'))?.Id).toBe(made.Id);
    const row = await folders.addRow('Decisions', 'second', { Title: 'Beslutning' });
    const stored = await (
      await folders.list('Decisions')
    ).items
      .getById(row)
      .select('Id', 'FileDirRef', 'Title')<{ Id: number; FileDirRef: string; Title: string }>();
    expect(stored).toMatchObject({ Id: row, Title: 'Beslutning' });
    expect(stored.FileDirRef).toMatch(/\/Lists\/Decisions\/second$/);
  },
);
