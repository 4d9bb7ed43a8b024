import { composeFromEnvironment } from './composition.ts';
import { escalationSweepHandler } from './escalationSweepWiring.ts';

// Built once per Lambda container, outside the handler, so warm invocations reuse the clients.
export const handler = escalationSweepHandler(composeFromEnvironment());
