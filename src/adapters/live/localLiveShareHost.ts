import {
  ContainerState,
  TestLiveShareHost,
  type IFluidContainerInfo,
  type ILiveShareHost,
} from '@microsoft/live-share';

/**
 * Live Share's host for local mode: the test host for tokens, roles and time, with the meeting → container
 * mapping kept by the local Graph server (`/_dev/live/{meeting}`), as the Teams meeting service keeps it in
 * a real meeting. Two attendees joining at once both create a container; the server keeps the first and
 * Live Share moves the second client over to it.
 */
export function localLiveShareHost(registryOrigin: string, meetingKey: string): ILiveShareHost {
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
  return {
    getFluidTenantInfo: () => test.getFluidTenantInfo(),
    getFluidToken: (containerId) => test.getFluidToken(containerId),
    getNtpTime: () => test.getNtpTime(),
    registerClientId: (clientId) => test.registerClientId(clientId),
    getClientRoles: (clientId) => test.getClientRoles(clientId),
    getClientInfo: (clientId) => test.getClientInfo(clientId),
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
