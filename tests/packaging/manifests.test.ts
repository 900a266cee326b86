import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { outlookManifest, packageEnv, teamsManifest, teamsPackage } from '../../scripts/packaging';

const SCHEMAS = join(__dirname, '../../node_modules/@microsoft/app-manifest/build/json-schemas/teams/v1.17');
const env = packageEnv({
  APP_URL: 'https://moeder.kommune.example',
  AAD_APP_CLIENT_ID: '11111111-2222-4333-8444-555555555555',
});

function validator(file: string) {
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8')));
}

describe('the Teams app package', () => {
  test('the manifest validates against Microsoft’s published v1.17 schema', () => {
    const validate = validator('MicrosoftTeams.schema.json');
    const manifest = teamsManifest(env);
    expect(validate(manifest) ? [] : validate.errors).toEqual([]);
    expect(manifest).toMatchObject({
      manifestVersion: '1.17',
      configurableTabs: [
        {
          configurationUrl: 'https://moeder.kommune.example/config.html',
          context: ['meetingDetailsTab', 'meetingChatTab', 'meetingSidePanel', 'meetingStage'],
          scopes: ['groupChat', 'team'],
        },
      ],
      validDomains: ['moeder.kommune.example'],
      webApplicationInfo: {
        id: '11111111-2222-4333-8444-555555555555',
        resource: 'api://moeder.kommune.example/11111111-2222-4333-8444-555555555555',
      },
    });
    // Live Share (the live channel in meetings) needs its resource-specific consent in the package.
    const rsc = (
      manifest as { authorization: { permissions: { resourceSpecific: Array<{ name: string }> } } }
    ).authorization.permissions.resourceSpecific.map((p) => p.name);
    expect(rsc).toEqual(
      expect.arrayContaining([
        'LiveShareSession.ReadWrite.Chat',
        'LiveShareSession.ReadWrite.Group',
        'MeetingStage.Write.Chat',
      ]),
    );
  });

  test('a personal app with Mine møder, Opfølgninger and Arkiv, each a page the project serves', () => {
    const validate = validator('MicrosoftTeams.schema.json');
    const manifest = teamsManifest(env) as {
      staticTabs: Array<{
        entityId: string;
        name: string;
        contentUrl: string;
        websiteUrl: string;
        scopes: string[];
      }>;
    };
    expect(validate(manifest) ? [] : validate.errors).toEqual([]);
    expect(manifest.staticTabs.map((t) => [t.entityId, t.name, t.contentUrl, t.scopes])).toEqual([
      ['meetings', 'Mine møder', 'https://moeder.kommune.example/meeting.html', ['personal']],
      ['followups', 'Opfølgninger', 'https://moeder.kommune.example/followups.html', ['personal']],
      ['archive', 'Arkiv', 'https://moeder.kommune.example/archive.html', ['personal']],
    ]);
    // Each is one of the project's pages (a composition root in src/entries); "Mine møder" is the meeting
    // page without a meeting, which lists the person's meetings — not a page of its own.
    for (const tab of manifest.staticTabs) {
      expect(tab.websiteUrl).toBe(tab.contentUrl);
      const page = new URL(tab.contentUrl).pathname.replace(/^\/(.*)\.html$/, '$1');
      expect(existsSync(join(__dirname, '../../src/entries', `${page}.tsx`))).toBe(true);
    }
    // Each tab's name in English too.
    const en = JSON.parse(readFileSync(join(__dirname, '../../appPackage/en-us.json'), 'utf8'));
    expect([0, 1, 2].map((i) => en[`staticTabs[${i}].name`])).toEqual([
      'My meetings',
      'Follow-ups',
      'Archive',
    ]);
  });

  test('the localization files validate, and every manifest string has both languages', () => {
    const validate = validator('MicrosoftTeams.Localization.schema.json');
    for (const file of ['da-dk.json', 'en-us.json']) {
      const strings = JSON.parse(readFileSync(join(__dirname, '../../appPackage', file), 'utf8'));
      expect(validate(strings) ? [] : validate.errors).toEqual([]);
      expect(
        Object.keys(strings)
          .filter((k) => k !== '$schema')
          .sort(),
      ).toEqual([
        'description.full',
        'description.short',
        'name.full',
        'name.short',
        'staticTabs[0].name',
        'staticTabs[1].name',
        'staticTabs[2].name',
      ]);
    }
  });

  test('the zip holds the manifest, the icons of the right size and colours, and the localizations', async () => {
    const zip = await JSZip.loadAsync(await teamsPackage(env));
    expect(Object.keys(zip.files).sort()).toEqual([
      'color.png',
      'da-dk.json',
      'en-us.json',
      'manifest.json',
      'outline.png',
    ]);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(JSON.stringify(manifest)).not.toContain('${{');
    for (const f of [
      manifest.icons.color,
      manifest.icons.outline,
      ...manifest.localizationInfo.additionalLanguages.map((l: { file: string }) => l.file),
    ])
      expect(zip.file(f)).not.toBeNull();
    const color = PNG.sync.read(await zip.file('color.png')!.async('nodebuffer'));
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = PNG.sync.read(await zip.file('outline.png')!.async('nodebuffer'));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    // Teams: an outline icon is white on transparent, nothing else.
    const odd: number[] = [];
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = outline.data.subarray(i, i + 4);
      if (!(a === 0 || (r === 255 && g === 255 && b === 255 && a === 255))) odd.push(i / 4);
    }
    expect(odd).toEqual([]);
  });

  test('a wrong environment is refused with a clear message', () => {
    expect(() => packageEnv({ APP_URL: 'http://moeder.kommune.example' })).toThrow(/APP_URL skal være https/);
    expect(() => packageEnv({ AAD_APP_CLIENT_ID: 'min-app' })).toThrow(/AAD_APP_CLIENT_ID skal være et GUID/);
  });
});

describe('the Outlook add-in manifest', () => {
  const xml = outlookManifest(env);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    isArray: (name) =>
      [
        'Form',
        'ExtensionPoint',
        'Control',
        'bt:Image',
        'bt:Url',
        'bt:String',
        'Scope',
        'Override',
        'bt:Override',
        'Rule',
        'Group',
      ].includes(name),
  });
  const doc = parser.parse(xml) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const app = doc.OfficeApp;
  const overrides = app.VersionOverrides;
  const v11 = overrides.VersionOverrides;

  test('is well-formed XML with the elements Outlook requires', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(app['@xsi:type']).toBe('MailApp');
    expect(app.Id).toMatch(/^[0-9a-f-]{36}$/);
    expect(app.Version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    for (const el of [
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'Hosts',
      'Requirements',
      'FormSettings',
      'Permissions',
    ])
      expect(app[el]).toBeDefined();
    expect(app.Requirements.Sets.Set).toMatchObject({ '@Name': 'Mailbox', '@MinVersion': '1.8' });
    expect(overrides['@xsi:type']).toBe('VersionOverridesV1_0');
    expect(v11['@xsi:type']).toBe('VersionOverridesV1_1');
    expect(v11.WebApplicationInfo).toMatchObject({ Id: '11111111-2222-4333-8444-555555555555' });
    expect(v11.WebApplicationInfo.Scopes.Scope).toEqual([
      'User.Read',
      'Calendars.ReadWrite',
      'Sites.Selected',
    ]);
  });

  test('has a button for the organizer and one for attendees, with Danish labels and English overrides', () => {
    const points = v11.Hosts.Host.DesktopFormFactor.ExtensionPoint;
    expect(points.map((p: Record<string, string>) => p['@xsi:type'])).toEqual([
      'AppointmentOrganizerCommandSurface',
      'AppointmentAttendeeCommandSurface',
    ]);
    const strings = Object.fromEntries(
      v11.Resources['bt:ShortStrings']['bt:String'].map(
        (s: { '@id': string; '@DefaultValue': string; 'bt:Override': Array<{ '@Value': string }> }) => [
          s['@id'],
          [s['@DefaultValue'], s['bt:Override'][0]['@Value']],
        ],
      ),
    );
    expect(strings['AgendaButton.Label']).toEqual(['Dagsorden', 'Agenda']);
    expect(strings['AttendeeButton.Label']).toEqual(['Meld afbud / Dagsorden', 'Apologies / Agenda']);
  });

  test('every URL is on APP_URL, ids are unique and every resid resolves to a resource of its kind', () => {
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"|<AppDomain>([^<]+)</g)].map(
      (m) => m[1] ?? m[2],
    );
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((u) => !u.startsWith('https://moeder.kommune.example'))).toEqual([]);
    const ids = [...xml.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]).filter((id) => id !== 'TabDefault');
    expect(new Set(ids).size).toBe(ids.length);
    const resources = v11.Resources;
    const kinds: Record<string, Set<string>> = {
      image: new Set(resources['bt:Images']['bt:Image'].map((i: Record<string, string>) => i['@id'])),
      url: new Set(resources['bt:Urls']['bt:Url'].map((i: Record<string, string>) => i['@id'])),
      string: new Set(
        [...resources['bt:ShortStrings']['bt:String'], ...resources['bt:LongStrings']['bt:String']].map(
          (i: Record<string, string>) => i['@id'],
        ),
      ),
    };
    const unresolved: string[] = [];
    for (const m of xml.matchAll(
      /<(bt:Image|SourceLocation|Label|Title|Description)\s[^>]*resid="([^"]+)"/g,
    )) {
      const kind = m[1] === 'bt:Image' ? 'image' : m[1] === 'SourceLocation' ? 'url' : 'string';
      if (!kinds[kind].has(m[2])) unresolved.push(`${m[1]} ${m[2]}`);
    }
    expect(unresolved).toEqual([]);
  });
});
