import {
  ContainerState,
  TestLiveShareHost,
  type UserMeetingRole,
  type IClientInfo,
  type IFluidContainerInfo,
  type ILiveShareHost,
} from '@microsoft/live-share';

/**
 * Live Share's host for local mode, doing what the Teams meeting service does in a real meeting, kept by the
 * local Graph server: the meeting → container mapping (`/_dev/live/{meeting}`; two attendees joining at once
 * both create a container, the server keeps the first and Live Share moves the second client over to it),
 * and who each client is (`/_dev/live/{meeting}/clients`): a client registers its Fluid clientId with the
 * signed-in person's token, so the identity behind a clientId is the token's — never what the client says
 * about itself. Fluid tokens and time come from Live Share's test host.
 */
export function localLiveShareHost(
  registryOrigin: string,
  meetingKey: string,
  /** The signed-in person's Graph token (the page's TokenProvider): it says who registers. */
  token: () => Promise<string>,
): ILiveShareHost {
  const test = TestLiveShareHost.create(
    () => undefined,
    () => undefined,
  );
  const url = `${registryOrigin}/_dev/live/${encodeURIComponent(meetingKey)}`;
  const read = async (response: Response): Promise<IFluidContainerInfo> => {
    if (!response.ok) throw new Error(`Live Share container mapping failed (${response.status})`);
    const info = (await response.json()) as IFluidContainerInfo;
    return { ...info, containerState: info.containerState as ContainerState };
  };
  const clientInfo = async (clientId: string): Promise<IClientInfo | undefined> => {
    const response = await fetch(`${url}/clients/${encodeURIComponent(clientId)}`);
    // Not registered (yet): Teams answers undefined too.
    if (response.status === 404) return undefined;
    if (!response.ok) throw new Error(`Live Share client lookup failed (${response.status})`);
    const info = (await response.json()) as { userId: string; displayName?: string; roles: string[] };
    return { ...info, roles: info.roles as UserMeetingRole[] };
  };
  return {
    getFluidTenantInfo: () => test.getFluidTenantInfo(),
    getFluidToken: (containerId) => test.getFluidToken(containerId),
    getNtpTime: () => test.getNtpTime(),
    registerClientId: async (clientId) => {
      const response = await fetch(`${url}/clients`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await token()}` },
        body: JSON.stringify({ clientId }),
      });
      if (!response.ok) throw new Error(`Live Share client registration failed (${response.status})`);
      return ((await response.json()) as { roles: UserMeetingRole[] }).roles;
    },
    getClientRoles: async (clientId) => (await clientInfo(clientId))?.roles,
    getClientInfo: clientInfo,
    getFluidContainerId: async () => read(await fetch(url)),
    setFluidContainerId: async (containerId) =>
      read(
        await fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ containerId }),
        }),
      ),
  };
}
