import { browserStorage, LocalSeenBilag } from '../adapters/browser/localSeenBilag';
import { BilagContext } from '../ui/components/Bilag/ItemBilag';
import { WordReaderContext, type ReadWordIndstilling } from '../ui/components/Indstilling/wordReader';
import { TaskpanePage } from '../ui/pages/TaskpanePage/TaskpanePage';
import { mount } from './mount';

/** What this reader has been shown of the bilag, kept in their own browser ("Ændret efter udsendelse"). */
const seenBilag = (upn: string) => new LocalSeenBilag(browserStorage, upn);

// The Word import of an indstilling (issue 25): mammoth is large, so it is its own chunk, loaded at the
// first import.
const readWord: ReadWordIndstilling = async (document) =>
  (
    await (
      await import(/* webpackChunkName: "word-indstilling" */ '../adapters/documents/wordIndstilling')
    ).readWordIndstilling(document)
  ).indstilling;

mount('taskpane.html', (r) => (
  <WordReaderContext.Provider value={readWord}>
    <BilagContext.Provider
      value={
        r.deps.bilag ? { store: r.deps.bilag, meeting: r.meetingKey, seen: seenBilag(r.deps.me.upn) } : null
      }
    >
      <TaskpanePage deps={r.deps} meetingKey={r.meetingKey} compose={r.compose} writes={r.writes} />
    </BilagContext.Provider>
  </WordReaderContext.Provider>
));
