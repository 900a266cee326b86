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
