/** Another writer appended at the version we expected to write: reload and decide again. */
export class VersionConflict extends Error {
  constructor(
    readonly streamId: string,
    readonly attemptedVersion: number,
    /** What is stored at the contested version, so a retried request can be recognised. */
    readonly stored: { idempotencyKey?: string; fingerprint?: string } | null,
  ) {
    super(`stream ${streamId} already has version ${attemptedVersion}`);
    this.name = 'VersionConflict';
  }
}

/** A stored event that no longer reads as a valid event: named precisely, so nobody hunts for it. */
export class CorruptStoredEvent extends Error {
  constructor(
    readonly streamId: string,
    readonly version: number,
    readonly eventId: string | undefined,
    readonly problems: string[],
  ) {
    super(
      `stored event ${streamId} v${version}${eventId ? ` (${eventId})` : ''} is not a valid event: ${problems.join('; ')}`,
    );
    this.name = 'CorruptStoredEvent';
  }
}
