import type { Instant } from '../instant.ts';
import type { ScopeLine } from '../deal/scope.ts';

/**
 * A deal operations still owes (closed, neither delivered nor cancelled), as the load projection keeps
 * it: the scope in force and the deliver-by operations works to. Its minutes are not kept: they are
 * worked out with the catalogue in force when the desk checks (PROMISES.md, "Load").
 */
export interface OpenDeal {
  dealId: string;
  closedAt: Instant;
  /** The current deliver-by: the latest revision, whoever asked for it. */
  deliverBy: Instant;
  /** The sold scope, or the last customer-agreed change. */
  scope: readonly ScopeLine[];
}
