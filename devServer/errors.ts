/** Graph's error body: `{"error":{"code","message","innerError":{date, request-id}}}`. */
export class GraphHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function errorBody(code: string, message: string, requestId: string) {
  return {
    error: {
      code,
      message,
      innerError: { date: new Date().toISOString(), 'request-id': requestId, 'client-request-id': requestId },
    },
  };
}

export const notFound = (what = 'The resource could not be found.') =>
  new GraphHttpError(404, 'itemNotFound', what);
export const badRequest = (message: string, code = 'invalidRequest') =>
  new GraphHttpError(400, code, message);
export const forbidden = (
  message = 'Access denied. You do not have permission to perform this action or access this resource.',
) => new GraphHttpError(403, 'accessDenied', message);

// Each Graph workload answers with its own codes ("Microsoft Graph error responses and resource types"):
// Exchange (events, attachments, mail) the Error… codes, the directory (users) Request_… codes.
export const itemNotFound = () =>
  new GraphHttpError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
export const invalidIdMalformed = () =>
  new GraphHttpError(400, 'ErrorInvalidIdMalformed', 'Id is malformed.');
export const exchangeAccessDenied = (message = 'Access is denied. Check credentials and try again.') =>
  new GraphHttpError(403, 'ErrorAccessDenied', message);
export const invalidUser = (user: string) =>
  new GraphHttpError(404, 'ErrorInvalidUser', `The requested user '${user}' is invalid.`);
export const directoryNotFound = (id: string) =>
  new GraphHttpError(
    404,
    'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );
export const timeZoneNotSupported = (zone: string) =>
  new GraphHttpError(
    400,
    'TimeZoneNotSupportedException',
    `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${zone}'.`,
  );

/**
 * What Graph supports and this server does not: 501 with the generic code ("Microsoft Graph error
 * responses and resource types": 501 Not Implemented, notSupported), never a 400 that blames the caller.
 */
export const notImplemented = (what: string) =>
  new GraphHttpError(501, 'notSupported', `${what} is not implemented by the local Graph server.`);
