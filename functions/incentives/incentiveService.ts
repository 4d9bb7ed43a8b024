import { addMonths, monthEndMs, type Month } from '../../domain/calendar.ts';
import { issuedFor, payoutWithCorrections } from '../../domain/incentives/corrections.ts';
import type { IssuedReports } from '../../domain/incentives/events.ts';
import { IncentiveRuleViolation } from '../../domain/incentives/incentiveRuleViolation.ts';
import { closingOf, monthClosingDecider, requireMonthEnded, type MonthClosingCommand, type MonthClosings } from '../../domain/incentives/monthClosing.ts';
import { planInForce, type IncentivePlan } from '../../domain/incentives/plan.ts';
import { planRegistryDecider } from '../../domain/incentives/planRegistry.ts';
import type { MonthPayout } from '../../domain/incentives/statements.ts';
import type { Actor } from '../../domain/roles.ts';
import { streamKinds } from '../../domain/streams.ts';
import { createCommandService, VersionMismatch, type CommandServiceDeps } from '../commands/commandService.ts';
import type { ReportIssuer } from '../reports/reportIssuer.ts';
import { IncentiveRecords, isClosed, type ClosedMonth } from './incentiveRecords.ts';
import type { MonthFactsRepository } from './monthFactsRepository.ts';

/** How far back a close corrects earlier closed months: three years of payroll. */
export const CORRECTION_LOOKBACK_MONTHS = 36;
/** Closes that raced another close are recomputed this many times at most. */
const MAX_CLOSE_ATTEMPTS = 5;

export interface IncentiveServiceDeps extends CommandServiceDeps {
  facts: MonthFactsRepository;
  issueReports: ReportIssuer;
  timeZone: string;
}

export type PayoutView = MonthPayout & { status: 'open' | 'closed'; closedAt?: string };

const closedMonths = (closings: MonthClosings): ClosedMonth[] => Object.values(closings.months).filter(isClosed);

/** The plan a closed month was computed with: a plan published later never reprices a paid month. */
const planOfClose = (plans: IncentivePlan[], closed: ClosedMonth): IncentivePlan | null => {
  const used = closed.closed.payout.plan;
  return used ? (plans.find((plan) => plan.planId === used.planId && plan.version === used.version) ?? null) : null;
};

/**
 * The incentive pool's use cases: publish plans, preview and close months, issue their reports.
 * Payouts are computed by the domain from the projections; this only gathers the facts and records.
 */
export const createIncentiveService = (deps: IncentiveServiceDeps) => {
  const records = new IncentiveRecords(deps.store);
  const publish = createCommandService(planRegistryDecider, { ...deps, cachedStreams: 0 });
  const runClosing = createCommandService(monthClosingDecider, { ...deps, cachedStreams: 0 });
  const closingCommand = (command: MonthClosingCommand, actor: Actor, expectedVersion?: number) =>
    runClosing({ streamId: streamKinds.closes.streamId(), command, actor, fingerprint: `${command.type} ${command.month}`, expectedVersion });

  /** What closing `month` now would issue: its own payout and the corrections of earlier closed months. */
  const preview = async (month: Month, closings: MonthClosings): Promise<MonthPayout> => {
    const plans = await records.plans();
    const closes = closedMonths(closings);
    const reopened = closes
      .filter(({ closed }) => closed.month < month && closed.month >= addMonths(month, -CORRECTION_LOOKBACK_MONTHS))
      .sort((a, b) => (a.closed.month < b.closed.month ? -1 : 1));
    // Closes after `month` may already carry corrections of the months before it: every close counts.
    const closedPayouts = closes.map(({ closed }) => closed.payout);
    const [facts, ...reopenedFacts] = await Promise.all([month, ...reopened.map(({ closed }) => closed.month)].map((m) => deps.facts.monthFacts(m)));
    return payoutWithCorrections({
      month,
      plan: planInForce(plans, month),
      facts: facts!,
      reopened: reopened.map((close, index) => ({
        month: close.closed.month,
        plan: planOfClose(plans, close),
        facts: reopenedFacts[index]!,
        issued: issuedFor(close.closed.month, closedPayouts),
      })),
    });
  };

  const recordReports = async (closing: ClosedMonth, actor: Actor): Promise<IssuedReports> => {
    const reports = await deps.issueReports({ ...closing.closed, plan: planOfClose(await records.plans(), closing) });
    await closingCommand({ type: 'RecordReports', month: closing.closed.month, at: deps.now().toISOString(), reports }, actor);
    return reports;
  };

  return {
    publishPlan: async (plan: IncentivePlan, actor: Actor) => {
      const { state } = await records.closings();
      const latestClosed = closedMonths(state).map(({ closed }) => closed.month).sort().at(-1);
      const known = (await records.plans()).some((published) => published.version === plan.version);
      if (!known && latestClosed && plan.effectiveFrom <= latestClosed) {
        throw new IncentiveRuleViolation(
          'plan-effective-in-closed-month',
          `${latestClosed} is closed and paid; a new plan can take effect from ${addMonths(latestClosed, 1)} at the earliest`,
          'effectiveFrom',
        );
      }
      const result = await publish({
        streamId: streamKinds.plans.streamId(),
        command: { type: 'PublishPlan', plan, at: deps.now().toISOString() },
        actor,
        fingerprint: `${plan.planId} v${plan.version}`,
      });
      return { created: !result.replayed, plan };
    },

    plans: () => records.plans(),

    payouts: async (month: Month): Promise<PayoutView> => {
      const { state } = await records.closings();
      const { closed } = closingOf(state, month);
      if (closed) return { status: 'closed', closedAt: closed.closedAt, ...closed.payout };
      return { status: 'open', ...(await preview(month, state)) };
    },

    /**
     * Closes a month once: a second close answers with the first. The payout is computed from the
     * closes read, and recorded only if no other close landed meanwhile (else it is computed again),
     * so a correction is never paid twice. The reports follow the close; a close retried after a
     * failure in between issues them then.
     */
    close: async (month: Month, actor: Actor): Promise<{ created: boolean; closing: ClosedMonth }> => {
      let created = false;
      for (let attempt = 1; ; attempt++) {
        const closings = await records.closings();
        if (closingOf(closings.state, month).closed) break;
        const at = deps.now().toISOString();
        const monthEndsAt = new Date(monthEndMs(month, deps.timeZone)).toISOString();
        // The decider refuses it too; asking before computing the payout saves the reads.
        requireMonthEnded(month, at, monthEndsAt);
        const payout = await preview(month, closings.state);
        try {
          const result = await closingCommand({ type: 'CloseMonth', month, at, monthEndsAt, payout }, actor, closings.version);
          created = !result.replayed;
          break;
        } catch (error) {
          if (!(error instanceof VersionMismatch) || attempt >= MAX_CLOSE_ATTEMPTS) throw error;
        }
      }
      const closing = closingOf((await records.closings()).state, month) as ClosedMonth;
      const reports = closing.reports ?? (await recordReports(closing, actor));
      return { created, closing: { ...closing, reports } };
    },

    /** Issues the reports of every closed month that has none yet (a close that failed after recording). */
    issueMissingReports: async (actor: Actor): Promise<Month[]> => {
      const missing = closedMonths((await records.closings()).state).filter((closing) => !closing.reports);
      for (const closing of missing) await recordReports(closing, actor);
      return missing.map(({ closed }) => closed.month);
    },

    closing: async (month: Month) => closingOf((await records.closings()).state, month),
  };
};

export type IncentiveService = ReturnType<typeof createIncentiveService>;
