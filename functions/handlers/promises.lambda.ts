import { composeFromEnvironment, promisesHandler } from './composition.ts';

// Built once per Lambda container, outside the handler, so warm invocations reuse the clients and the desk's cache.
export const handler = promisesHandler(composeFromEnvironment());
