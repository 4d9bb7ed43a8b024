import { composeFromEnvironment, weeklyBriefScheduleHandler } from './composition.ts';

// Built once per Lambda container, outside the handler, so warm invocations reuse the clients.
export const handler = weeklyBriefScheduleHandler(composeFromEnvironment());
