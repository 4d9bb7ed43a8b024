import { computeMonthPayout } from '../../../domain/incentives/monthPayout.ts';
import type { IncentivePlan } from '../../../domain/incentives/plan.ts';
import type { DeliveredDeal, MonthFacts, MonthPayout, Statement } from '../../../domain/incentives/statements.ts';

/** The plan of INCENTIVES.md, word for word. */
export const jointPlan = (overrides: Partial<IncentivePlan> = {}): IncentivePlan => ({
  planId: 'joint',
  version: 1,
  effectiveFrom: '2026-01',
  currency: 'USD',
  poolRateBps: 200,
  graceMinutes: 0,
  gates: { minPromiseKeptRate: 0.8 },
  nps: {
    minResponses: 5,
    bands: [
      { minScore: 50, multiplierBps: 12000 },
      { minScore: 0, multiplierBps: 10000 },
      { minScore: -100, multiplierBps: 8000 },
    ],
  },
  split: { salesBps: 5000, opsBps: 5000 },
  capPerPerson: { amount: 500000, currency: 'USD' },
  ...overrides,
});

export const DEADLINE = '2026-10-20T17:00:00Z';
export const ON_TIME = '2026-10-20T17:00:00Z';
export const LATE = '2026-10-21T09:00:00Z';

export interface DealOptions {
  late?: boolean;
  asSold?: boolean;
  cancelled?: boolean;
  currency?: string;
  deliveredAt?: string;
}

export const delivery = (dealId: string, amount: number, sellerId: string, opsId: string, options: DealOptions = {}): DeliveredDeal => ({
  dealId,
  value: { amount, currency: options.currency ?? 'USD' },
  sellerId,
  opsId,
  deliveredAt: options.deliveredAt ?? (options.late ? LATE : ON_TIME),
  deadline: DEADLINE,
  asSold: options.asSold ?? true,
  cancelled: options.cancelled ?? false,
});

/** Two responses: below the plan's minimum of five, so the multiplier is neutral. */
export const NEUTRAL_NPS = { responses: 2, score: 90 };

export const monthFacts = (month: string, deliveries: DeliveredDeal[], nps: MonthFacts['nps'] = NEUTRAL_NPS): MonthFacts => ({
  month,
  deliveries,
  nps,
});

/** The table of INCENTIVES.md's worked example: D3 is late. */
export const workedExampleDeals = (): DeliveredDeal[] => [
  delivery('D1', 1_000_000, 'S1', 'O1'),
  delivery('D2', 500_001, 'S2', 'O1'),
  delivery('D3', 300_000, 'S1', 'O2', { late: true }),
  delivery('D4', 200_000, 'S2', 'O2'),
  delivery('D5', 100_000, 'S1', 'O2'),
];

export const statementOf = (payout: MonthPayout, side: Statement['side'], personId: string): Statement | undefined =>
  payout.statements.find((statement) => statement.side === side && statement.personId === personId);

/** side/person -> total, the shape payroll reads. */
export const totals = (payout: MonthPayout): Record<string, number> =>
  Object.fromEntries(payout.statements.map((statement) => [`${statement.side}/${statement.personId}`, statement.total.amount]));

/** Each line without its prose: what it pays, for which deals, under which rule. */
export const lineFacts = (statement: Statement | undefined) =>
  statement?.lines.map(({ kind, month, dealIds, amount, rule }) => ({ kind, month, dealIds, amount: amount.amount, rule }));

/** A month of 700 people sharing 6,000 deals: its statements outgrow one DynamoDB item (400 KB). */
export const largeMonthPayout = (): MonthPayout => {
  const deals = Array.from({ length: 6_000 }, (_, index) =>
    delivery(`DEAL-${String(index).padStart(5, '0')}`, 100_000 + index, `SELLER-${index % 400}`, `OPS-${index % 300}`),
  );
  return computeMonthPayout(jointPlan({ capPerPerson: undefined }), monthFacts('2026-10', deals));
};
