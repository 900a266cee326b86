import { lazyComponent } from '../../lazyComponent';

/**
 * The package's buttons in a chunk of their own, fetched once the page's first screen is up: the page's
 * first scripts stay as they were (the package's code and pdf-lib load only at the first click).
 */
export const LazyMeetingPackageButtons = lazyComponent(
  async () =>
    (await import(/* webpackChunkName: "meeting-package-buttons" */ './MeetingPackageButtons'))
      .MeetingPackageButtons,
);
