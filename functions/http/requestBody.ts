import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from '../../domain/zod.ts';
import { HttpProblem, type FieldError } from './problem.ts';

/** API.md: bodies over 256 KiB are refused with 413. */
export const MAX_BODY_BYTES = 256 * 1024;

/** The request body exactly as the client sent it. */
export const rawBody = (event: APIGatewayProxyEventV2): Buffer => {
  if (!event.body) return Buffer.alloc(0);
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
};

const pathOf = (path: readonly PropertyKey[]): string => path.map(String).join('.') || '(body)';

/** One error per field at fault; an unknown field is named by its own path, not its parent's. */
export const fieldErrors = (error: z.core.$ZodError): FieldError[] =>
  error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: pathOf([...issue.path, key]), message: 'unknown field' }))
      : [{ path: pathOf(issue.path), message: issue.message }],
  );

/** The body as text and its size in bytes; a plain-text body is used as it came, without a copy. */
const bodyText = (event: APIGatewayProxyEventV2): { text: string; bytes: number } => {
  if (!event.body) return { text: '', bytes: 0 };
  if (event.isBase64Encoded) {
    const bytes = Buffer.from(event.body, 'base64');
    return { text: bytes.toString('utf8'), bytes: bytes.length };
  }
  return { text: event.body, bytes: Buffer.byteLength(event.body, 'utf8') };
};

/** Parses and validates a JSON body, or throws the 4xx that names what is wrong with it. */
export const parseJsonBody = <S extends z.core.$ZodType>(event: APIGatewayProxyEventV2, schema: S): z.output<S> => {
  const { text, bytes } = bodyText(event);
  if (bytes > MAX_BODY_BYTES) {
    throw new HttpProblem(413, 'body-too-large', `the body is ${bytes} bytes; the limit is ${MAX_BODY_BYTES}`);
  }
  const contentType = event.headers?.['content-type'] ?? event.headers?.['Content-Type'];
  if (contentType && !/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
    throw new HttpProblem(415, 'unsupported-media-type', `send application/json, not ${contentType}`);
  }
  if (bytes === 0) {
    throw new HttpProblem(400, 'invalid-body', 'a JSON body is required', [{ path: '(body)', message: 'required' }]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new HttpProblem(400, 'malformed-json', `the body is not valid JSON: ${(error as Error).message}`, [
      { path: '(body)', message: 'malformed JSON' },
    ]);
  }
  const parsed = z.safeParse(schema, json);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    const detail = `invalid field${errors.length > 1 ? 's' : ''}: ${errors.map((e) => e.path).join(', ')}`;
    throw new HttpProblem(400, 'validation-failed', detail, errors);
  }
  return parsed.data;
};
