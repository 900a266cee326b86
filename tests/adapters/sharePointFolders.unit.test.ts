import { newItemId, type FormResult } from '../../src/adapters/sharepoint/sharePointFolders';

const entry = (FieldName: string, FieldValue: string, ItemId?: number): FormResult => ({
  FieldName,
  FieldValue,
  HasException: false,
  ErrorMessage: null as unknown as string,
  ...(ItemId === undefined ? {} : { ItemId }),
});

describe("the new item's id from AddValidateUpdateItemUsingPath", () => {
  test("Microsoft's documented answer: ItemId 0 everywhere, the id only in the entry named Id", () => {
    expect(newItemId([entry('Title', 'Punkt 1', 0), entry('Id', '57', 0)])).toBe(57);
  });

  test('an answer that carries the id in ItemId (and no Id entry) still gives it', () => {
    expect(newItemId([entry('Title', 'Punkt 1', 57)])).toBe(57);
  });

  test('the Id entry wins over a different ItemId; zero is never taken for an id', () => {
    expect(newItemId([entry('Title', 'x', 12), entry('Id', '57', 12)])).toBe(57);
    expect(newItemId([entry('Title', 'x', 0)])).toBeUndefined();
  });
});
