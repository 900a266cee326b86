import { SharePointListStore } from '../../src/adapters/sharepoint/sharePointListStore';
import { localGraph, SITE } from './graphStack';
import { listStoreContract } from './listStore.contract';

listStoreContract('SharePoint lists on the local Graph server', async () => {
  const { server, connect } = await localGraph({ seed: 'none' });
  return {
    store: new SharePointListStore(connect('sofie@kommune.example'), SITE),
    referent: new SharePointListStore(connect('mads@kommune.example'), SITE),
    done: () => server.close(),
  };
});
