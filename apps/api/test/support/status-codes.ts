/** The tRPC code of each HTTP status a file route answers with (the table of src/trpc/refusals.ts, read backwards). */
export const codeOfStatus: Record<number, string> = {
  200: 'OK',
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  500: 'INTERNAL_SERVER_ERROR',
};
