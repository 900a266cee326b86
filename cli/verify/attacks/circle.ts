import { Judge, type Attack } from '../attack';
import { folderUrl } from '../scene';

/**
 * Who is in a meeting's circle is the meeting's business (tests/security/circleMembership.test.ts): the
 * circle is given person by person on the meeting's scopes, never through a SharePoint group, so there is
 * no group to join or list; a site member outside the meeting asks for the meeting folder's role
 * assignments with her own token. The organizer reading them by the same path is the positive control.
 */
export const circleNotListed: Attack = {
  name: 'Mødets kreds: ingen SharePoint-gruppe rummer den, og et sitemedlem uden for mødet kan ikke liste den',
  as: 'outsider',
  phase: 'before',
  async run(t, scene) {
    const j = new Judge();
    const org = t.person('organizer');
    const referent = t.person('referent').upn.toLowerCase();
    const groups = await org.sp('/web/sitegroups?$select=Title,Description');
    if (j.control(groups.status === 200, `arrangøren lister sitets grupper (${groups.status})`)) {
      const named = (groups.body.value as Array<{ Title: string; Description: string | null }>).filter((g) =>
        `${g.Title} ${g.Description ?? ''}`.includes(scene.first),
      );
      j.expect(named.length === 0, `ingen gruppe er mødets (${named.length})`);
    }
    const path = await folderUrl(t, 'Decisions', scene.first);
    const url = `/web/getfolderbyserverrelativepath(decodedurl='${encodeURIComponent(path)}')/ListItemAllFields/roleassignments?$expand=Member`;
    const held = await org.sp(url);
    const logins =
      held.status === 200
        ? (held.body.value as Array<{ Member: { LoginName?: string } }>).map((a) =>
            String(a.Member?.LoginName ?? '').toLowerCase(),
          )
        : [];
    j.control(
      logins.some((l) => l.endsWith(referent)),
      `arrangøren læser kredsen på mødets mappe, referenten med (${held.status})`,
    );
    const asked = await t.person('outsider').sp(url);
    j.expect(
      [403, 404].includes(asked.status) &&
        !JSON.stringify(asked.body ?? '')
          .toLowerCase()
          .includes(referent),
      `udenforstående får ikke kredsen (${asked.status})`,
    );
    return j.verdict();
  },
};
