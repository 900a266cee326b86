import { PortError } from '../../src/ports/errors';
import { NOT_CONVERTIBLE, type BilagStore } from '../../src/ports/BilagStore';

export interface BilagStoreUnderTest {
  /** The organizer's store. */
  store: BilagStore;
  /** A sent meeting with items 1 and 2, ids 'a1' and 'a2' (set up as "Send dagsorden" does where there are permissions). */
  meeting(): Promise<string>;
  done?: () => Promise<void>;
}

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

/** What every BilagStore does, run against the in-memory fake and the Graph adapter on the local server. */
export function bilagStoreContract(name: string, make: () => Promise<BilagStoreUnderTest>) {
  describe(`BilagStore contract: ${name}`, () => {
    let t: BilagStoreUnderTest;
    let key: string;
    beforeAll(async () => {
      t = await make();
      key = await t.meeting();
    });
    afterAll(async () => t.done?.());

    test('an item without bilag lists none', async () => {
      expect(await t.store.list(key, 'a2')).toEqual([]);
    });

    test('upload, list with name and size, download the same bytes', async () => {
      const saved = await t.store.upload(key, 'a1', {
        name: 'Bilag 1 Økonomi.pdf',
        bytes: bytes('%PDF-1.4 one'),
        type: 'application/pdf',
      });
      expect(saved).toMatchObject({ name: 'Bilag 1 Økonomi.pdf', size: 12 });
      const listed = await t.store.list(key, 'a1');
      expect(listed.map((b) => [b.name, b.size])).toEqual([['Bilag 1 Økonomi.pdf', 12]]);
      const got = await t.store.download(key, 'a1', 'Bilag 1 Økonomi.pdf');
      expect(text(got.bytes)).toBe('%PDF-1.4 one');
      expect(got.mimeType).toBe('application/pdf');
      expect(await t.store.list(key, 'a2')).toEqual([]);
    });

    test('the same name again is a new version of the same file', async () => {
      const first = await t.store.upload(key, 'a2', { name: 'Notat.docx', bytes: bytes('v1') });
      const second = await t.store.upload(key, 'a2', { name: 'Notat.docx', bytes: bytes('version 2') });
      expect(second.id).toBe(first.id);
      expect(second.eTag).not.toBe(first.eTag);
      expect((await t.store.list(key, 'a2')).map((b) => b.name)).toEqual(['Notat.docx']);
      expect(text((await t.store.download(key, 'a2', 'Notat.docx')).bytes)).toBe('version 2');
    });

    test('a file larger than a simple upload arrives whole', async () => {
      const big = new Uint8Array(5 * 1024 * 1024 + 17).map((_, i) => i % 251);
      const saved = await t.store.upload(key, 'a1', {
        name: 'Stor rapport.pdf',
        bytes: big,
        type: 'application/pdf',
      });
      expect(saved.size).toBe(big.length);
      const got = await t.store.download(key, 'a1', 'Stor rapport.pdf');
      expect(got.bytes.length).toBe(big.length);
      expect(Buffer.from(got.bytes).equals(Buffer.from(big))).toBe(true);
    });

    test('as PDF: a PDF comes as it is; a file the store cannot convert is bilagNotConvertible', async () => {
      await t.store.upload(key, 'a1', {
        name: 'Plan.pdf',
        bytes: bytes('%PDF-1.4 plan'),
        type: 'application/pdf',
      });
      const pdf = await t.store.pdf(key, 'a1', 'Plan.pdf');
      expect(text(pdf.bytes)).toBe('%PDF-1.4 plan');
      expect(pdf.mimeType).toBe('application/pdf');
      await t.store.upload(key, 'a1', {
        name: 'Tal.xlsx',
        bytes: bytes('PK not really'),
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
      const e = await t.store.pdf(key, 'a1', 'Tal.xlsx').catch((x: unknown) => x);
      expect(e).toBeInstanceOf(PortError);
      expect((e as PortError).details.code).toBe(NOT_CONVERTIBLE);
      const gone = await t.store.pdf(key, 'a1', 'Findes ikke.docx').catch((x: unknown) => x);
      expect((gone as PortError).kind).toBe('NotFound');
    });

    test('a name that is not there is NotFound', async () => {
      const e = await t.store.download(key, 'a1', 'Findes ikke.pdf').catch((x: unknown) => x);
      expect(e).toBeInstanceOf(PortError);
      expect((e as PortError).kind).toBe('NotFound');
    });
  });
}
