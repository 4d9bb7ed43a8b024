/** Turns a stored event of schema version n into version n + 1. Pure: old facts are reread, never rewritten. */
export type Upcaster = (event: Record<string, unknown>) => Record<string, unknown>;

/**
 * How one kind of stream's events have changed: the schema version written now, and one upcaster per
 * older version, keyed by the version it reads. A breaking change to an event's data adds an upcaster
 * and bumps the version, for that kind of stream only.
 */
export interface SchemaHistory {
  schemaVersion: number;
  upcasters: Readonly<Record<number, Upcaster>>;
}

/** An event as its kind's current schema reads it; one already current is returned as stored. */
export const upcastToCurrent = (event: Record<string, unknown>, { schemaVersion, upcasters }: SchemaHistory): Record<string, unknown> => {
  let upcast = event;
  let version = typeof upcast.schemaVersion === 'number' ? upcast.schemaVersion : 1;
  while (version < schemaVersion) {
    const step = upcasters[version];
    if (!step) throw new Error(`no upcaster from schema version ${version}`);
    upcast = { ...step(upcast), schemaVersion: version + 1 };
    version += 1;
  }
  return upcast;
};
