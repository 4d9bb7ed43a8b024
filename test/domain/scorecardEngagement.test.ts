import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../domain/events.ts';
import { PromiseDeskEvent } from '../../domain/promises/events.ts';
import { contributionsOf, type MonthCounts } from '../../domain/scorecard/contributions.ts';
import { openDealOf } from '../../domain/scorecard/openDeal.ts';
import { readScorecard } from '../../domain/scorecard/scorecard.ts';
import { dealProjection, escalationProjection } from '../../domain/scorecard/streamProjections.ts';
import { cancelled, CLOSED_AT, dealAfter, delivered, promiseRevised, scopeChanged, SOLD_SCOPE } from './dealSpec.ts';
import { closedUnder, escalationDecided, escalationOpened, escalationRaised } from './scorecardEngagementSpec.ts';

/**
 * The engagement section of the scorecard (PROMISES.md, "On the scorecard") and the load's open deals,
 * worked out by hand. The sample deal closes 2026-10-02T15:00Z, due 2026-10-20T17:00Z; escalations are
 * of P-SELLER's proposals (T-SALES), with SLAs of 24, 48 and 72 hours.
 */

const escalationAfter = (...events: DomainEvent[]) => {
  for (const event of events) PromiseDeskEvent.parse(event);
  return events.reduce(escalationProjection.evolve, escalationProjection.initialState());
};

const engagementOf = (counts: MonthCounts) => readScorecard({ month: '2026-10', dimension: 'org', counts, ledger: {}, currency: 'USD' }).engagement;

describe('closes by class of engagement', () => {
  it.each([
    ['within-rules', { closedWithinRules: 1 }],
    ['approved', { closedApproved: 1 }],
    ['outside-rules', { closedOutsideRules: 1 }],
  ] as const)('given a deal closed %s in October, when it contributes, then October counts it in that class beside the close', (engagementClass, tally) => {
    const { months } = contributionsOf(dealAfter([closedUnder(engagementClass)]), 'UTC');

    expect(months['2026-10']).toEqual({ closed: 1, revenue: { USD: 1_250_000 }, ...tally });
  });

  it('given a deal closed before the promise desk existed (engagement null, or a view folded before the field), when it contributes, then it counts in no class', () => {
    const deal = dealAfter([closedUnder(null)]);
    const { engagement: _, ...foldedBefore } = deal;

    expect(contributionsOf(deal, 'UTC').months['2026-10']).toEqual({ closed: 1, revenue: { USD: 1_250_000 } });
    expect(contributionsOf(foldedBefore as typeof deal, 'UTC').months['2026-10']).toEqual({ closed: 1, revenue: { USD: 1_250_000 } });
  });

  it('given an approved deal delivered on time in November and a within-rules deal delivered late, when they contribute, then each counts a delivery of its class and only the approved one a kept promise', () => {
    const approved = contributionsOf(dealAfter([closedUnder('approved'), delivered('2026-10-19T16:00:00Z')]), 'UTC');
    const late = contributionsOf(dealAfter([closedUnder('within-rules'), delivered('2026-10-21T09:00:00Z')]), 'UTC');

    expect(approved.months['2026-10']).toMatchObject({ deliveredApproved: 1, keptApproved: 1 });
    expect(late.months['2026-10']).toMatchObject({ deliveredWithinRules: 1 });
    expect(late.months['2026-10']!.keptWithinRules).toBeUndefined();
  });

  it('given an outside-rules deal delivered then refunded, when it contributes, then it is out of the kept rates like every cancelled delivery', () => {
    const { months } = contributionsOf(dealAfter([closedUnder('outside-rules'), delivered('2026-10-19T16:00:00Z'), cancelled('2026-10-25T09:00:00Z')]), 'UTC');

    expect(months['2026-10']).toEqual({ closed: 1, revenue: { USD: 1_250_000 }, closedOutsideRules: 1, cancelled: 1 });
  });

  it('given counts of three classes, when read, then the closes and the kept rate of each class, null for a class with no delivery', () => {
    expect(
      engagementOf({ closedWithinRules: 5, closedApproved: 2, closedOutsideRules: 1, deliveredWithinRules: 4, keptWithinRules: 3, deliveredApproved: 2, keptApproved: 2 }),
    ).toEqual({
      withinRules: 5,
      approved: 2,
      outsideRules: 1,
      promiseKeptRate: { withinRules: 0.75, approved: 1, outsideRules: null },
      escalations: { opened: 0, approved: 0, rejected: 0, raised: 0, decidedByOwner: 0, medianHoursToDecision: null },
    });
  });
});

describe('escalations on the scorecard', () => {
  it('given an escalation opened on 5 October at level 1 and still open, when it contributes, then October counts one opened on the proposal\u2019s organisation, sales team and seller', () => {
    const contributions = escalationProjection.contributions(escalationAfter(escalationOpened('E-1', '2026-10-05T09:00:00Z')), 'UTC');

    expect(contributions).toEqual({
      dimensions: ['org', 'team:T-SALES', 'person:P-SELLER'],
      months: { '2026-10': { escalationsOpened: 1 } },
      ledger: {},
    });
  });

  it('given an open escalation the sweep raised from 1 to 2, when it contributes, then it counts as raised', () => {
    const state = escalationAfter(escalationOpened('E-1', '2026-10-05T09:00:00Z'), escalationRaised('E-1', '2026-10-06T09:00:00Z', 1, 2));

    expect(escalationProjection.contributions(state, 'UTC').months).toEqual({ '2026-10': { escalationsOpened: 1, escalationsRaised: 1 } });
  });

  it('given an escalation opened on 31 October and decided by the owner at level 3 on 4 November, when it contributes, then October counts it opened, approved, raised and decided by the owner, with 87 hours to decision', () => {
    const state = escalationAfter(
      escalationOpened('E-1', '2026-10-31T09:00:00Z'),
      escalationRaised('E-1', '2026-11-01T09:00:00Z', 1, 2),
      escalationRaised('E-1', '2026-11-03T09:00:00Z', 2, 3),
      escalationDecided('E-1', '2026-11-04T00:00:00Z', 'approved', 3),
    );

    expect(escalationProjection.contributions(state, 'UTC').months).toEqual({
      '2026-10': {
        escalationsOpened: 1,
        escalationsApproved: 1,
        escalationsRaised: 1,
        escalationsDecidedByOwner: 1,
        decisionSeconds: { [87 * 3600]: 1 },
      },
    });
  });

  it('given a late decision that records its rise with it (level 2 on a level 1 escalation) and rejects, when it contributes, then it counts as rejected and raised but not decided by the owner', () => {
    const state = escalationAfter(
      escalationOpened('E-1', '2026-10-05T09:00:00Z'),
      escalationRaised('E-1', '2026-10-06T09:00:00Z', 1, 2),
      escalationDecided('E-1', '2026-10-06T10:30:00Z', 'rejected', 2),
    );

    expect(escalationProjection.contributions(state, 'UTC').months).toEqual({
      '2026-10': { escalationsOpened: 1, escalationsRejected: 1, escalationsRaised: 1, decisionSeconds: { [25.5 * 3600]: 1 } },
    });
  });

  it('given an escalation opened at 23:30 on 31 October in New York (03:30Z on 1 November), when it contributes in New York time, then it counts in October', () => {
    const state = escalationAfter(escalationOpened('E-1', '2026-11-01T03:30:00Z'));

    expect(Object.keys(escalationProjection.contributions(state, 'America/New_York').months)).toEqual(['2026-10']);
    expect(Object.keys(escalationProjection.contributions(state, 'UTC').months)).toEqual(['2026-11']);
  });

  it.each([
    ['an odd number: the middle one', { [3600]: 1, [9000]: 1, [108_000]: 1 }, 2.5],
    ['1 h and 1 h 06 min: 1.05 h, rounded half up to 1.1 (a histogram of tenths would say 1.0 and 1.1, then 1.05)', { [3600]: 1, [3960]: 1 }, 1.1],
    ['1 h 02 min and 1 h 03 min: 1.0417 h, rounded to 1.0', { [3720]: 1, [3780]: 1 }, 1],
    ['1,079 s and 1,080 s: 0.2999 h, rounded to 0.3', { [1079]: 1, [1080]: 1 }, 0.3],
    ['none decided: null', {}, null],
  ])('given decision times of %s, when read, then the median hours to decision', (_, decisionSeconds, expected) => {
    expect(engagementOf({ decisionSeconds }).escalations.medianHoursToDecision).toBe(expected);
  });

  it('given escalation counts, when read, then each is shown as counted', () => {
    expect(
      engagementOf({ escalationsOpened: 4, escalationsApproved: 2, escalationsRejected: 1, escalationsRaised: 2, escalationsDecidedByOwner: 1 }).escalations,
    ).toEqual({ opened: 4, approved: 2, rejected: 1, raised: 2, decidedByOwner: 1, medianHoursToDecision: null });
  });

  it('given an escalation opened, then approved, when its documents are read after each, then it is listed under open, then under approved only', () => {
    const opened = escalationAfter(escalationOpened('E-1', '2026-10-05T09:00:00Z'));
    const decided = escalationProjection.evolve(opened, escalationDecided('E-1', '2026-10-05T12:00:00Z', 'approved', 1));

    expect(escalationProjection.documents(opened, 'UTC')).toEqual([{ kind: 'escalation', status: 'open', escalationId: 'E-1', body: opened }]);
    expect(escalationProjection.documents(decided, 'UTC')).toMatchObject([{ kind: 'escalation', status: 'approved', escalationId: 'E-1' }]);
  });
});

describe('open deals (the load)', () => {
  it('given a deal whose customer changed the scope, sales changed it again, and ops revised the date, when read, then the customer\u2019s scope and the ops date', () => {
    const customerScope = [{ sku: 'SEALCOAT-SQFT', quantity: 15_000 }];
    const deal = dealAfter([
      closedUnder('within-rules'),
      scopeChanged('2026-10-05T10:00:00Z', customerScope, 'customer'),
      scopeChanged('2026-10-06T10:00:00Z', [{ sku: 'SEALCOAT-SQFT', quantity: 16_000 }], 'sales'),
      promiseRevised('2026-10-07T10:00:00Z', '2026-10-27T17:00:00Z', 'ops'),
    ]);

    expect(openDealOf(deal)).toEqual({ dealId: 'D-1001', closedAt: CLOSED_AT, deliverBy: '2026-10-27T17:00:00Z', scope: customerScope });
  });

  it.each([
    ['delivered', delivered('2026-10-19T16:00:00Z')],
    ['cancelled', cancelled('2026-10-07T10:00:00Z')],
  ])('given a deal %s, when read, then it is no longer open and its projection lists no open deal', (_, last) => {
    const deal = dealAfter([closedUnder(null), last]);

    expect(openDealOf(deal)).toBeNull();
    expect(dealProjection.documents(deal, 'UTC').filter((document) => document.kind === 'open-deal')).toEqual([]);
  });

  it('given a deal just closed, when its documents are read, then it lists one open deal with the sold scope and date, its close as a fact of its week, its seller, and its sales team under its close month', () => {
    const deal = dealAfter([closedUnder(null)]);

    expect(dealProjection.documents(deal, 'UTC')).toEqual([
      // Every deal is also listed under its seller (which sales team they forecast for).
      { kind: 'seller-close', personId: 'P-SALES-1', dealId: 'D-1001', body: { salesTeam: 'T-SALES', closedAt: '2026-10-02T15:00:00Z' } },
      { kind: 'open-deal', dealId: 'D-1001', body: { dealId: 'D-1001', closedAt: CLOSED_AT, deliverBy: '2026-10-20T17:00:00Z', scope: SOLD_SCOPE } },
      // The close is a fact of its week (the weekly brief), and the deal one of its seller's (who owes a forecast).
      {
        kind: 'week-fact',
        week: '2026-W40',
        factId: 'close|D-1001',
        body: {
          type: 'close',
          dealId: 'D-1001',
          closedAt: CLOSED_AT,
          customer: { id: 'C-7', name: 'Acme Paving' },
          sellerId: 'P-SALES-1',
          salesTeam: 'T-SALES',
          value: { amount: 1250000, currency: 'USD' },
          deliverBy: '2026-10-20T17:00:00Z',
          class: 'unclassified',
        },
      },
      { kind: 'seller', dealId: 'D-1001', body: { sellerId: 'P-SALES-1', salesTeam: 'T-SALES', closedAt: '2026-10-02T15:00:00Z' } },
      { kind: 'deal-teams', month: '2026-10', dealId: 'D-1001', body: { dealId: 'D-1001', salesTeam: 'T-SALES', opsTeam: null } },
    ]);
  });
});
