import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parseSpVariants, SP_VARIANTS } from '../../devServer/variants';
import { addValidate, GRAPH_SITE, idEntry, login, ROLE, spSite, upn, type SpSite } from './spSite';

/**
 * Each undocumented SharePoint behaviour is a switch of the local server: under the default reading and
 * under its variant, the same request as the same person, judged by what is stored or read afterwards.
 */
jest.setTimeout(60_000);

const sites: SpSite[] = [];
const site = async (variants: string) => {
  const s = await spSite(variants);
  sites.push(s);
  return s;
};
afterAll(() => Promise.all(sites.map((s) => s.close())));

test('--sp-variants takes "all" or names, refuses an unknown name, and --help lists every variant', async () => {
  expect([...parseSpVariants('all')].sort()).toEqual(Object.keys(SP_VARIANTS).sort());
  expect([...parseSpVariants('itemid-zero, members-visible')]).toEqual(['itemid-zero', 'members-visible']);
  expect(parseSpVariants(undefined).size).toBe(0);
  expect(() => parseSpVariants('author-settable,friendly')).toThrow(/friendly/);
  const { stdout } = await promisify(execFile)(process.execPath, [
    require.resolve('tsx/cli'),
    'demo/main.ts',
    '--help',
  ]);
  for (const name of Object.keys(SP_VARIANTS)) expect(stdout).toMatch(new RegExp(`^\\s+${name}\\s+\\S`, 'm'));
});

describe('author-settable: Author/Editor through form values', () => {
  const forge = async (s: SpSite) => {
    const list = await s.list();
    const anders = await s.rest('anders'); // Edit on the site, as every member
    const res = await addValidate(anders, list, list.url, {
      MeetingKey: 'm1',
      Author: JSON.stringify([{ Key: login('ingrid') }]),
    });
    const rows = await (await s.graph('ingrid'))(`${GRAPH_SITE}/lists/${list.name}/items?$expand=fields`);
    return { res, rows: rows.body.value as Array<{ createdBy: { user: { email: string } } }> };
  };

  test('by default the form value is refused and no row is stored', async () => {
    const { res, rows } = await forge(await site(''));
    expect(res.status).toBe(200);
    expect(res.body.value.find((v: { FieldName: string }) => v.FieldName === 'Author').HasException).toBe(
      true,
    );
    expect(rows).toEqual([]);
  });

  test('under the variant a member stores a row that says another person created it', async () => {
    const { res, rows } = await forge(await site('author-settable'));
    expect(idEntry(res)).toBeGreaterThan(0);
    expect(rows.map((r) => r.createdBy.user.email)).toEqual([upn('ingrid')]);
  });

  test("positive control: without Author the row is the writer's own, under either reading", async () => {
    for (const s of [await site(''), await site('author-settable')]) {
      const list = await s.list();
      expect(
        idEntry(await addValidate(await s.rest('anders'), list, list.url, { MeetingKey: 'm' })),
      ).toBeGreaterThan(0);
      const rows = await (await s.graph('ingrid'))(`${GRAPH_SITE}/lists/${list.name}/items?$expand=fields`);
      expect(
        rows.body.value.map((r: { createdBy: { user: { email: string } } }) => r.createdBy.user.email),
      ).toEqual([upn('anders')]);
    }
  });
});

describe('bypass-at-list: where Override List Behaviors is checked', () => {
  /** ReadSecurity 2; Erik holds Design on the list but only Read on Ingrid's row. What does he read? */
  const erikReads = async (s: SpSite) => {
    const list = await s.list();
    const ingridSp = await s.rest('ingrid');
    expect(
      (
        await ingridSp(list.rest, {
          method: 'POST',
          headers: { 'X-HTTP-Method': 'MERGE' },
          body: { ReadSecurity: 2 },
        })
      ).status,
    ).toBe(204);
    const id = idEntry(await addValidate(ingridSp, list, list.url, { MeetingKey: 'secret' }));
    const erik = await s.principal('erik');
    await ingridSp(`${list.rest}/breakroleinheritance(copyroleassignments=true,clearsubscopes=true)`, {
      method: 'POST',
    });
    await ingridSp(
      `${list.rest}/roleassignments/addroleassignment(principalid=${erik},roledefid=${ROLE.design})`,
      { method: 'POST' },
    );
    await ingridSp(
      `${list.rest}/items(${id})/breakroleinheritance(copyroleassignments=false,clearsubscopes=true)`,
      { method: 'POST' },
    );
    await ingridSp(
      `${list.rest}/items(${id})/roleassignments/addroleassignment(principalid=${erik},roledefid=${ROLE.read})`,
      { method: 'POST' },
    );
    const res = await (await s.graph('erik'))(`${GRAPH_SITE}/lists/${list.name}/items?$expand=fields`);
    return res.body.value.map((r: { id: string }) => Number(r.id));
  };

  test("by default only the row's own scope exempts, so Erik does not read Ingrid's row", async () => {
    expect(await erikReads(await site(''))).toEqual([]);
  });

  test('under the variant Design on the list exempts him and he reads it', async () => {
    expect((await erikReads(await site('bypass-at-list'))).length).toBe(1);
  });
});

describe('itemid-zero: what AddValidateUpdateItemUsingPath says the new id is', () => {
  const answer = async (s: SpSite) => {
    const list = await s.list();
    const res = await addValidate(await s.rest('ingrid'), list, list.url, { MeetingKey: 'k' });
    return res.body.value as Array<{ FieldName: string; FieldValue: string; ItemId: number }>;
  };

  test('by default every entry names the new id', async () => {
    const value = await answer(await site(''));
    const id = Number(value.find((v) => v.FieldName === 'Id')!.FieldValue);
    expect(value.map((v) => v.ItemId)).toEqual([id, id]);
  });

  test('under the variant every ItemId is 0 and only the Id entry holds the id', async () => {
    const value = await answer(await site('itemid-zero'));
    expect(value.map((v) => v.ItemId)).toEqual([0, 0]);
    expect(Number(value.find((v) => v.FieldName === 'Id')!.FieldValue)).toBeGreaterThan(0);
  });
});

describe('members-visible: who sees the members of a group created through REST without saying', () => {
  const peterReads = async (s: SpSite) => {
    const made = await (
      await s.rest('ingrid')
    )('web/sitegroups', { method: 'POST', body: { Title: `Kreds ${sites.length}` } });
    expect(made.status).toBe(201);
    return (await (await s.rest('peter'))(`web/sitegroups(${made.body.Id})/users`)).status;
  };

  test('by default only members (and its owner) do: Peter is refused', async () => {
    expect(await peterReads(await site(''))).toBe(403);
  });

  test('under the variant everyone does', async () => {
    expect(await peterReads(await site('members-visible'))).toBe(200);
  });

  test('a group created with OnlyAllowMembersViewMembership: true hides its members under either reading', async () => {
    for (const s of [await site(''), await site('members-visible')]) {
      const made = await (
        await s.rest('ingrid')
      )('web/sitegroups', {
        method: 'POST',
        body: { Title: 'Lukket kreds', OnlyAllowMembersViewMembership: true },
      });
      expect((await (await s.rest('peter'))(`web/sitegroups(${made.body.Id})/users`)).status).toBe(403);
      expect((await (await s.rest('ingrid'))(`web/sitegroups(${made.body.Id})/users`)).status).toBe(200);
    }
  });
});

describe('limited-access-browse: what a Limited Access user reads of a folder', () => {
  /** Folder M (unique: Ingrid only) holds sub-folder G (Anders reads it) and a row; Anders has Limited Access on M. */
  const andersCounts = async (s: SpSite) => {
    const list = await s.list();
    const ingridSp = await s.rest('ingrid');
    const m = idEntry(await addValidate(ingridSp, list, list.url, {}, 'M'));
    const g = idEntry(await addValidate(ingridSp, list, `${list.url}/M`, {}, 'G'));
    await addValidate(ingridSp, list, `${list.url}/M`, { MeetingKey: 'closed' });
    const anders = await s.principal('anders');
    await ingridSp(
      `${list.rest}/items(${m})/breakroleinheritance(copyroleassignments=false,clearsubscopes=true)`,
      { method: 'POST' },
    );
    await ingridSp(
      `${list.rest}/items(${g})/breakroleinheritance(copyroleassignments=false,clearsubscopes=true)`,
      { method: 'POST' },
    );
    await ingridSp(
      `${list.rest}/items(${g})/roleassignments/addroleassignment(principalid=${anders},roledefid=${ROLE.read})`,
      { method: 'POST' },
    );
    const res = await (
      await s.rest('anders')
    )(`web/getfolderbyserverrelativepath(decodedurl='${encodeURIComponent(`${list.url}/M`)}')`);
    expect(res.status).toBe(200); // traversal: he reaches his own folder through M
    return res.body.ItemCount as number;
  };

  test('by default ItemCount counts only what he may view', async () => {
    expect(await andersCounts(await site(''))).toBe(1);
  });

  test('under the variant it counts the row he may not view too', async () => {
    expect(await andersCounts(await site('limited-access-browse'))).toBe(2);
  });
});

describe('rename-allowed: renaming or moving a folder with Edit', () => {
  const andersRenames = async (s: SpSite) => {
    const list = await s.list();
    const ingridSp = await s.rest('ingrid');
    const a = idEntry(await addValidate(ingridSp, list, list.url, {}, 'A'));
    const b = idEntry(await addValidate(ingridSp, list, list.url, {}, 'B'));
    const row = idEntry(await addValidate(ingridSp, list, `${list.url}/A`, { MeetingKey: 'x' }));
    const anders = await s.rest('anders'); // Edit, inherited from the site
    const renamed = await anders(`${list.rest}/items(${a})`, {
      method: 'POST',
      headers: { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' },
      body: { FileLeafRef: 'A2' },
    });
    const moved = await anders(
      `web/getfolderbyserverrelativepath(decodedurl='${encodeURIComponent(`${list.url}/B`)}')/moveto(newurl='${encodeURIComponent(`${list.url}/A2/B`)}')`,
      { method: 'POST' },
    );
    const dirOf = async (id: number) =>
      (await ingridSp(`${list.rest}/items(${id})?$select=FileDirRef,FileRef`)).body as {
        FileDirRef: string;
        FileRef: string;
      };
    return {
      renamed: renamed.status,
      movedStatus: moved.status,
      row: await dirOf(row),
      folder: await dirOf(a),
      moved: await dirOf(b),
      list,
    };
  };

  test('by default a member can neither rename nor move: the folder and its row stay where they were', async () => {
    const r = await andersRenames(await site(''));
    expect([r.renamed, r.movedStatus]).toEqual([403, 403]);
    expect(r.moved.FileRef).toBe(`${r.list.url}/B`);
    expect(r.folder.FileRef).toBe(`${r.list.url}/A`);
    expect(r.row.FileDirRef).toBe(`${r.list.url}/A`);
  });

  test('under the variant he renames A (its row follows) and moves B into it', async () => {
    const r = await andersRenames(await site('rename-allowed'));
    expect([r.renamed, r.movedStatus]).toEqual([204, 200]);
    expect(r.moved.FileRef).toBe(`${r.list.url}/A2/B`);
    expect(r.folder.FileRef).toBe(`${r.list.url}/A2`);
    expect(r.row.FileDirRef).toBe(`${r.list.url}/A2`);
  });

  test('ValidateUpdateListItem renames too under the variant, and is a field error by default', async () => {
    for (const [variants, expected] of [
      ['', 'A'],
      ['rename-allowed', 'Nyt navn'],
    ] as const) {
      const s = await site(variants);
      const list = await s.list();
      const a = idEntry(await addValidate(await s.rest('ingrid'), list, list.url, {}, 'A'));
      const res = await (
        await s.rest('anders')
      )(`${list.rest}/items(${a})/ValidateUpdateListItem()`, {
        method: 'POST',
        body: {
          formValues: [{ FieldName: 'FileLeafRef', FieldValue: 'Nyt navn' }],
          bNewDocumentUpdate: false,
        },
      });
      expect(res.status).toBe(200);
      expect(res.body.value[0].HasException).toBe(variants === '');
      const ref = await (await s.rest('ingrid'))(`${list.rest}/items(${a})?$select=FileRef`);
      expect(ref.body.FileRef).toBe(`${list.url}/${expected}`);
    }
  });
});
