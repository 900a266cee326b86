import { useEffect, useState } from 'react';
import { loadArchive } from '../../../app/archive';
import type { ArchiveIndex } from '../../../domain/archive/searchIndex';
import type { ListStore } from '../../../ports/ListStore';

/** The archive as the signed-in person may read it, loaded once; searching is local and instant. */
export function useArchive(lists: ListStore) {
  const [index, setIndex] = useState<ArchiveIndex | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    loadArchive(lists).then(
      (i) => live && setIndex(i),
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [lists]);
  return { index, error };
}
