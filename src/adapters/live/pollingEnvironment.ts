/** `document.visibilityState` as a signal (the composition root passes the page's; tests pass a fake). */
export interface VisibilitySignal {
  visible(): boolean;
  onChange(listener: () => void): () => void;
}

/** The part of the Web Locks API (`navigator.locks`) the poller uses. */
export interface LockManagerLike {
  request(name: string, options: { signal?: AbortSignal }, callback: () => Promise<void>): Promise<unknown>;
}

/** The part of BroadcastChannel the poller uses. */
export interface BroadcastLike {
  onmessage: ((event: { data: unknown }) => void) | null;
  postMessage(message: unknown): void;
  close(): void;
}

/**
 * Where the poller runs. Without `locks` and `broadcast` (an old browser, Node) each page polls by itself;
 * without `visibility` the page counts as always visible.
 */
export interface PollingEnvironment {
  visibility?: VisibilitySignal;
  locks?: LockManagerLike;
  broadcast?: (name: string) => BroadcastLike;
}

/** The page's own visibility, Web Locks and BroadcastChannel, where the browser has them. */
export function pageEnvironment(page: {
  document: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>;
  navigator: { locks?: LockManagerLike };
  BroadcastChannel?: typeof BroadcastChannel;
}): PollingEnvironment {
  const { document, navigator } = page;
  const Channel = page.BroadcastChannel;
  return {
    visibility: {
      visible: () => document.visibilityState === 'visible',
      onChange(listener) {
        document.addEventListener('visibilitychange', listener);
        return () => document.removeEventListener('visibilitychange', listener);
      },
    },
    locks: navigator.locks,
    // A BroadcastChannel's onmessage receives a MessageEvent, which has the `data` the poller reads.
    broadcast: Channel ? (name) => new Channel(name) as unknown as BroadcastLike : undefined,
  };
}
