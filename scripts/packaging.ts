import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { renderIcon } = require('./icons') as {
  renderIcon: (size: number, o?: { outline?: boolean }) => Buffer;
};

const ROOT = join(__dirname, '..');

/** What differs between environments: the app's URL, its Entra ID app registration, the ids of the apps. */
export interface PackageEnv {
  APP_URL: string;
  AAD_APP_CLIENT_ID: string;
  TEAMS_APP_ID: string;
  OUTLOOK_ADDIN_ID: string;
  DEVELOPER_NAME: string;
  APP_VERSION: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function packageEnv(env: Record<string, string | undefined>): PackageEnv {
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string })
    .version;
  const out: PackageEnv = {
    APP_URL: (env.APP_URL || 'https://localhost:3000').replace(/\/+$/, ''),
    AAD_APP_CLIENT_ID: env.AAD_APP_CLIENT_ID || '00000000-0000-0000-0000-000000000000',
    // Fixed ids, so an updated package replaces the installed app instead of adding a second one.
    TEAMS_APP_ID: env.TEAMS_APP_ID || '6d2f3a4e-8c1b-4b7e-9a51-3f0c2d7e1a90',
    OUTLOOK_ADDIN_ID: env.OUTLOOK_ADDIN_ID || 'b3e1c5d2-7f4a-4e8b-8c2d-1a9f0e6b7c34',
    DEVELOPER_NAME: env.DEVELOPER_NAME || 'Kommunen',
    APP_VERSION: env.APP_VERSION || version,
  };
  const url = new URL(out.APP_URL);
  if (url.protocol !== 'https:')
    throw new Error(`APP_URL skal være https (Teams og Outlook indlæser kun https): ${out.APP_URL}`);
  for (const key of ['AAD_APP_CLIENT_ID', 'TEAMS_APP_ID', 'OUTLOOK_ADDIN_ID'] as const) {
    if (!GUID.test(out[key]))
      throw new Error(`${key} skal være et GUID (fx 6d2f3a4e-8c1b-4b7e-9a51-3f0c2d7e1a90): ${out[key]}`);
  }
  return out;
}

/** `${{NAME}}` → value; an unknown name is an error, never left in a manifest. */
export function render(template: string, env: PackageEnv): string {
  const vars: Record<string, string> = { ...env, APP_HOST: new URL(env.APP_URL).host };
  return template.replace(/\$\{\{(\w+)\}\}/g, (_m, name: string) => {
    if (!(name in vars)) throw new Error(`Ukendt pladsholder \${{${name}}}`);
    return vars[name];
  });
}

export function teamsManifest(env: PackageEnv): Record<string, unknown> {
  return JSON.parse(
    render(readFileSync(join(ROOT, 'appPackage/manifest.template.json'), 'utf8'), env),
  ) as Record<string, unknown>;
}

export function outlookManifest(env: PackageEnv): string {
  return render(readFileSync(join(ROOT, 'manifest/manifest.template.xml'), 'utf8'), env);
}

/** The Teams app package: manifest.json, the two icons and the localization files, zipped flat. */
export async function teamsPackage(env: PackageEnv): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify(teamsManifest(env), null, 2));
  zip.file('color.png', renderIcon(192));
  zip.file('outline.png', renderIcon(32, { outline: true }));
  for (const file of ['da-dk.json', 'en-us.json'])
    zip.file(file, readFileSync(join(ROOT, 'appPackage', file)));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
