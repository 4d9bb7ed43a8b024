import { CURRENT_SCHEMA_VERSION } from './envelope.ts';

/** Turns a stored event of schema version n into version n + 1. Pure: old facts are reread, never rewritten. */
export type Upcaster = (event: Record<string, unknown>) => Record<string, unknown>;

/**
 * Upcasters by the schema version they read. Empty while every stored event is version 1;
 * a breaking change to an event's data adds an entry here and bumps CURRENT_SCHEMA_VERSION.
 */
export const dealUpcasters: Readonly<Record<number, Upcaster>> = {};

export const upcastToCurrent = (
  event: Record<string, unknown>,
  upcasters: Readonly<Record<number, Upcaster>> = dealUpcasters,
  currentVersion: number = CURRENT_SCHEMA_VERSION,
): Record<string, unknown> => {
  let upcast = event;
  let version = typeof upcast.schemaVersion === 'number' ? upcast.schemaVersion : 1;
  while (version < currentVersion) {
    const step = upcasters[version];
    if (!step) throw new Error(`no upcaster from schema version ${version}`);
    upcast = { ...step(upcast), schemaVersion: version + 1 };
    version += 1;
  }
  return upcast;
};
