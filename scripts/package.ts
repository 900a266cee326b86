/**
 * `npm run package`: the Teams app package (appPackage/build/moedeassistent.zip) and the Outlook add-in
 * manifest (appPackage/build/manifest.xml) for the environment in APP_URL and AAD_APP_CLIENT_ID
 * (and TEAMS_APP_ID, OUTLOOK_ADDIN_ID, DEVELOPER_NAME). See docs/tenant-setup.md.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { outlookManifest, packageEnv, teamsPackage } from './packaging';

async function main() {
  if (existsSync(join(__dirname, '../.env'))) process.loadEnvFile(join(__dirname, '../.env'));
  const env = packageEnv(process.env);
  const out = join(__dirname, '../appPackage/build');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'moedeassistent.zip'), await teamsPackage(env));
  writeFileSync(join(out, 'manifest.xml'), outlookManifest(env));
  console.log(
    `Teams-pakke: ${join(out, 'moedeassistent.zip')}\nOutlook-manifest: ${join(out, 'manifest.xml')}\nfor ${env.APP_URL} (app-registrering ${env.AAD_APP_CLIENT_ID})`,
  );
}

main().catch((e: Error) => {
  console.error(`Fejl: ${e.message}`);
  process.exit(1);
});
