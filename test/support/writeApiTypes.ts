import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { openApiDocument } from '../../functions/contract/openApi.ts';
import { API_TYPES_FILE, apiTypesOf } from './apiTypes.ts';

// `npm run contract:types`: regenerates the typed client's types after a route or schema changed.
await writeFile(API_TYPES_FILE, await apiTypesOf(openApiDocument()));
console.log(`wrote ${fileURLToPath(API_TYPES_FILE)}`);
