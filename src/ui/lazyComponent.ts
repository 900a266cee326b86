import { lazy, type ComponentType } from 'react';

/**
 * A component loaded in its own chunk (React.lazy), with `preload` to start fetching it once the first
 * screen is up, so it is usually there before anyone reaches it. Render it inside <Suspense>.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loading: Promise<{ default: ComponentType<P> }> | null = null;
  const preload = () => {
    if (!loading) {
      loading = load().then((component) => ({ default: component }));
      // A failed fetch (offline) is tried again at the next render.
      loading.catch(() => (loading = null));
    }
    return loading;
  };
  return Object.assign(lazy(preload), { preload });
}
