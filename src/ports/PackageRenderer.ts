import type { PackageDocument } from '../i18n/meetingPackage';

/**
 * Lays out a meeting package (cover, contents with page numbers and bookmarks, each item's indstilling and
 * its bilag's pages, "Side N af M") as one PDF, in the reader's browser. A bilag whose bytes it cannot read
 * as a PDF or an image is named in its item with a note instead, and reported in `unreadable`.
 */
export interface PackageRenderer {
  pdf(doc: PackageDocument): Promise<{
    bytes: Uint8Array;
    unreadable: Array<{ itemNumber: number; name: string }>;
  }>;
}
