import { addMonths, monthEndMs, monthOf, type Month } from '../../domain/calendar.ts';
import { issuedFor, payoutWithCorrections } from '../../domain/incentives/corrections.ts';
import { monthStreamId, PLANS_STREAM_ID } from '../../domain/incentives/events.ts';
import { monthClosingDecider, requireMonthEnded, type MonthClosingCommand } from '../../domain/incentives/monthClosing.ts';
import { planInForce, type IncentivePlan } from '../../domain/incentives/plan.ts';
import { planRegistryDecider } from '../../domain/incentives/planRegistry.ts';
import type { MonthPayout } from '../../domain/incentives/statements.ts';
import type { Actor } from '../../domain/roles.ts';
import { createCommandService, type CommandServiceDeps } from '../commands/commandService.ts';
import type { ReportIssuer } from '../reports/reportIssuer.ts';
import { IncentiveRecords, type ClosedMonth } from './incentiveRecords.ts';
import type { MonthFactsRepository } from './monthFactsRepository.ts';

export interface IncentiveServiceDeps extends CommandServiceDeps {
  facts: MonthFactsRepository;
  issueReports: ReportIssuer;
  timeZone: string;
}

export type PayoutView = MonthPayout & { status: 'open' | 'closed'; closedAt?: string };

/**
 * The incentive pool's use cases: publish plans, preview and close months, issue their reports.
 * Payouts are computed by the domain from the projections; this only gathers the facts and records.
 */
export const createIncentiveService = (deps: IncentiveServiceDeps) => {
  const records = new IncentiveRecords(deps.store);
  const publish = createCommandService(planRegistryDecider, { ...deps, cachedStreams: 0 });
  const runClosing = createCommandService(monthClosingDecider, { ...deps, cachedStreams: 0 });
  const closingCommand = (month: Month, command: MonthClosingCommand, actor: Actor) =>
    runClosing({ streamId: monthStreamId(month), command, actor, fingerprint: `${command.type} ${month}` });

  /** What closing `month` now would issue: its own payout and the corrections of earlier closed months. */
  const preview = async (month: Month): Promise<MonthPayout> => {
    const plans = await records.plans();
    const earliest = plans.map((plan) => plan.effectiveFrom).sort()[0];
    const latest = [month, monthOf(deps.now().getTime(), deps.timeZone)].sort().at(-1)!;
    // Closes after `month` may already carry corrections of the months before it.
    const closes = earliest ? await records.closedBetween(earliest, addMonths(latest, 1)) : new Map<Month, ClosedMonth>();
    const reopenedMonths = [...closes.keys()].filter((closed) => closed < month).sort();
    const closedPayouts = [...closes.values()].map(({ closed }) => closed.payout);
    const [facts, ...reopenedFacts] = await Promise.all([month, ...reopenedMonths].map((m) => deps.facts.monthFacts(m)));
    return payoutWithCorrections({
      month,
      plan: planInForce(plans, month),
      facts: facts!,
      reopened: reopenedMonths.map((reopened, index) => ({
        month: reopened,
        plan: planInForce(plans, reopened),
        facts: reopenedFacts[index]!,
        issued: issuedFor(reopened, closedPayouts),
      })),
    });
  };

  return {
    publishPlan: async (plan: IncentivePlan, actor: Actor) => {
      const result = await publish({
        streamId: PLANS_STREAM_ID,
        command: { type: 'PublishPlan', plan, at: deps.now().toISOString() },
        actor,
        fingerprint: `${plan.planId} v${plan.version}`,
      });
      return { created: !result.replayed, plan };
    },

    plans: () => records.plans(),

    payouts: async (month: Month): Promise<PayoutView> => {
      const { closed } = await records.closing(month);
      if (closed) return { status: 'closed', closedAt: closed.closedAt, ...closed.payout };
      return { status: 'open', ...(await preview(month)) };
    },

    /**
     * Closes a month once: a second close answers with the first. The reports are issued after the
     * close is recorded, and a close retried after a failure in between issues them then.
     */
    close: async (month: Month, actor: Actor): Promise<{ created: boolean; closing: ClosedMonth }> => {
      let closing = await records.closing(month);
      let created = false;
      if (!closing.closed) {
        const at = deps.now().toISOString();
        const monthEndsAt = new Date(monthEndMs(month, deps.timeZone)).toISOString();
        // The decider refuses it too; asking before computing the payout saves the reads.
        requireMonthEnded(month, at, monthEndsAt);
        const result = await closingCommand(month, { type: 'CloseMonth', month, at, monthEndsAt, payout: await preview(month) }, actor);
        created = !result.replayed;
        closing = await records.closing(month);
      }
      const closed = closing.closed!;
      if (!closing.reports) {
        const reports = await deps.issueReports(closed);
        await closingCommand(month, { type: 'RecordReports', month, at: deps.now().toISOString(), reports }, actor);
        closing = { ...closing, reports };
      }
      return { created, closing: { ...closing, closed } };
    },

    closing: (month: Month) => records.closing(month),
  };
};

export type IncentiveService = ReturnType<typeof createIncentiveService>;
