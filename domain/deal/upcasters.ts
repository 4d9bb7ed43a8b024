import type { Upcaster } from '../upcast.ts';

/**
 * How a deal's stored events are read today, by the schema version they were written in.
 * 1 -> 2: DealClosed records its engagement with the rules (PROMISES.md); a deal closed before the
 * promise desk existed was judged by no rules, so it reads as `engagement: null`.
 */
export const dealUpcasters: Readonly<Record<number, Upcaster>> = {
  1: (event) =>
    event.type === 'DealClosed' ? { ...event, data: { engagement: null, ...(event.data as Record<string, unknown>) } } : event,
};
