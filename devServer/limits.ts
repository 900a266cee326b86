import { GraphHttpError } from './errors';

/**
 * The longest request URL (path and query, as sent) the server takes, for Graph and SharePoint REST alike,
 * and for every step of a `$batch` (which runs through the same router): IIS's default `maxUrl` (4,096)
 * in front of both services. Graph documents 2,048 for advanced directory queries; the add-in's longest
 * URL (ten meeting keys in one filter) stays well below either.
 */
export const MAX_URL_LENGTH = 4096;

export const urlTooLong = () =>
  new GraphHttpError(
    414,
    'RequestUriTooLong',
    `The request URL is longer than ${MAX_URL_LENGTH} characters.`,
  );
