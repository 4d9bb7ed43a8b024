import openapiTS, { astToString } from 'openapi-typescript';

/** Where the client types generated from the OpenAPI document are kept (`npm run contract:types` writes them). */
export const API_TYPES_FILE = new URL('./handshakeApi.generated.ts', import.meta.url);

const HEADER = [
  '/*',
  ' * Generated from the OpenAPI document by openapi-typescript: `npm run contract:types`. Do not edit;',
  ' * test/http/typedClient.test.ts fails when this is not what the served document generates.',
  ' */',
  '',
].join('\n');

/** The TypeScript types openapi-typescript generates from an OpenAPI document, as the file keeps them. */
export const apiTypesOf = async (document: unknown): Promise<string> =>
  HEADER + astToString(await openapiTS(document as Parameters<typeof openapiTS>[0]));
