import { weeklyBriefOf, type WeeklyBrief } from '../../domain/cadence/weeklyBrief.ts';
import type { WeekFact } from '../../domain/cadence/weekFact.ts';
import { escalationDecider, type Escalation } from '../../domain/promises/escalationDecider.ts';
import { escalationOpened } from '../domain/scorecardEngagementSpec.ts';

/**
 * A full brief of 2027-W10 in Europe/Berlin for the HTML and terminal specs: something in every
 * section, and a customer, a comment and a note that are markup.
 */
export const HOSTILE_CUSTOMER = '<script>alert(1)</script>';
export const HOSTILE_COMMENT = '"><img src=x onerror=alert(2)> never again';

const usd = (amount: number) => ({ amount, currency: 'USD' });
const customer = (name: string) => ({ id: `C-${name.length}`, name });

const facts: WeekFact[] = [
  { type: 'close', dealId: 'D-1', customer: customer('Acme Paving'), sellerId: 'P-SALES-1', salesTeam: 'T-SALES', value: usd(1_250_000), closedAt: '2027-03-08T09:00:00Z', deliverBy: '2027-03-26T17:00:00Z', class: 'within-rules' },
  { type: 'close', dealId: 'D-2', customer: customer(HOSTILE_CUSTOMER), sellerId: 'P-SALES-2', salesTeam: 'T-SALES', value: usd(960_000), closedAt: '2027-03-09T09:00:00Z', deliverBy: '2027-04-02T17:00:00Z', class: 'approved' },
  { type: 'delivery', dealId: 'D-0', customer: customer('Birch Lane HOA'), sellerId: 'P-SALES-1', opsTeam: 'T-OPS', deliveredAt: '2027-03-10T15:00:00Z', deliverBy: '2027-03-10T17:00:00Z', kept: true, onTime: true, asSold: true, lateByHours: 0, scopeDifferences: [] },
  { type: 'delivery', dealId: 'D-9', customer: customer(HOSTILE_CUSTOMER), sellerId: 'P-SALES-2', opsTeam: 'T-OPS', deliveredAt: '2027-03-12T19:30:00Z', deliverBy: '2027-03-11T17:00:00Z', kept: false, onTime: false, asSold: false, lateByHours: 26.5, scopeDifferences: [{ sku: 'SEALCOAT-SQFT', promised: 12_000, delivered: 10_000 }] },
  { type: 'handoff-return', dealId: 'D-5', customer: customer('Oak Street Mall'), sellerId: 'P-SALES-1', salesTeam: 'T-SALES', opsTeam: 'T-OPS', returnedAt: '2027-03-11T10:00:00Z', gaps: ['scopeDocumented', 'customerContact'], note: '<b>which lot?</b>' },
  { type: 'nps', dealId: 'D-0', customer: customer('Birch Lane HOA'), score: 10, comment: 'Spotless', respondedAt: '2027-03-12T09:00:00Z' },
  { type: 'nps', dealId: 'D-9', customer: customer(HOSTILE_CUSTOMER), score: 2, comment: HOSTILE_COMMENT, respondedAt: '2027-03-13T09:00:00Z' },
];

const overdue: Escalation = [escalationOpened('E-7', '2027-03-12T09:00:00Z')].reduce(escalationDecider.evolve, escalationDecider.initialState())!;

export const SAMPLE_BRIEF: WeeklyBrief = weeklyBriefOf({
  week: '2027-W10',
  timeZone: 'Europe/Berlin',
  preparedAt: '2027-03-15T05:00:00Z',
  facts,
  escalations: [overdue],
  opsTeams: [
    {
      opsTeam: 'T-OPS',
      capacity: { weeklyHours: 40, weeks: {}, reservePercent: 10 },
      commitments: [{ dealId: 'D-1', minutes: 3_000, deliverBy: '2027-03-19T17:00:00Z', closedAt: '2027-03-08T09:00:00Z' }],
    },
  ],
  sellers: [
    { sellerId: 'P-SALES-1', salesTeam: 'T-SALES' },
    { sellerId: 'P-SALES-2', salesTeam: 'T-SALES' },
  ],
  forecasts: [{ personId: 'P-SALES-1', month: '2027-04', commit: usd(5_000_000), at: '2027-03-10T09:00:00Z' }],
});
