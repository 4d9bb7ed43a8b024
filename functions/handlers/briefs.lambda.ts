import { briefsHandler, composeFromEnvironment } from './composition.ts';

// Built once per Lambda container, outside the handler, so warm invocations reuse the clients.
export const handler = briefsHandler(composeFromEnvironment());
