import { describe, expect, it } from 'vitest';
import { PromiseDeskEvent } from '../../../domain/promises/events.ts';
import type { PromiseCheck } from '../../../domain/promises/promiseCheck.ts';
import { answerPromiseCheck, PromiseCheckAnswer } from '../../../domain/promises/promiseCheckAnswer.ts';
import { RulesOfEngagement, type EngagementRule } from '../../../domain/promises/rulesOfEngagement.ts';
import { rulesInForce, rulesOfEngagementDecider } from '../../../domain/promises/rulesOfEngagementDecider.ts';
import { verdictOf } from '../../../domain/promises/verdict.ts';
import { AT, commitment, desk, line, promisesRules, proposal, violationOf } from './promiseDeskSpec.ts';

const issuesOf = (input: unknown) =>
  RulesOfEngagement.safeParse(input).error?.issues.map((issue) => issue.path.join('.')) ?? [];

describe('RulesOfEngagement', () => {
  it('given the rules of PROMISES.md, then they are valid as they are', () => {
    expect(RulesOfEngagement.parse(promisesRules())).toEqual(promisesRules());
  });

  it.each([
    ['no ops signatory', { agreedBy: { sales: 'P-SALES-LEAD' } }, ['agreedBy.ops']],
    ['no sales signatory', { agreedBy: { ops: 'P-OPS-LEAD' } }, ['agreedBy.sales']],
    ['an empty signatory', { agreedBy: { sales: '', ops: 'P-OPS-LEAD' } }, ['agreedBy.sales']],
    ['no SLA for level 3', { slaHours: { 1: 24, 2: 48 } }, ['slaHours.3']],
    ['an SLA of 0 hours', { slaHours: { 1: 0, 2: 48, 3: 72 } }, ['slaHours.1']],
    ['an SLA for a level 4', { slaHours: { 1: 24, 2: 48, 3: 72, 4: 96 } }, ['slaHours']],
    ['version 0', { version: 0 }, ['version']],
    ['a level out of range', { rules: [{ id: 'r', when: { beyondCapacity: true }, level: 4 }] }, ['rules.0.level']],
    ['a level in words other than off-the-table', { rules: [{ id: 'r', when: { beyondCapacity: true }, level: 'owner' }] }, ['rules.0.level']],
    ['a rule with no condition', { rules: [{ id: 'r', when: {}, level: 1 }] }, ['rules.0.when']],
    ['an unknown condition', { rules: [{ id: 'r', when: { weekend: true }, level: 1 }] }, ['rules.0.when']],
    ['a negative lead', { rules: [{ id: 'r', when: { leadDaysBelow: -1 }, level: 1 }] }, ['rules.0.when.leadDaysBelow']],
    ['an unknown currency', { rules: [{ id: 'r', when: { valueAtLeast: { amount: 1, currency: 'XYZ' } }, level: 1 }] }, ['rules.0.when.valueAtLeast.currency']],
    [
      'two rules with one id',
      { rules: [{ id: 'r', when: { beyondCapacity: true }, level: 1 }, { id: 'r', when: { unplannedWork: true }, level: 2 }] },
      ['rules.1.id'],
    ],
  ])('given %s, then the issues are at %j', (_, overrides, paths) => {
    expect(issuesOf({ ...promisesRules(), ...overrides })).toEqual(paths);
  });
});

/** A check with nothing remarkable: it fits, puts nobody at risk, loads 50 %, all planned. */
const aCheck = (overrides: Partial<PromiseCheck> = {}): PromiseCheck => ({
  at: AT,
  fits: true,
  beyondCapacity: false,
  atRisk: [],
  earliestDeliverBy: '2027-03-08T00:00:00Z',
  loadPercent: 50,
  unplanned: { skus: [], opsTeams: [] },
  teams: [],
  ...overrides,
});

const rulesOf = (rules: EngagementRule[]) => promisesRules({ rules });
/** Ten days of lead, a value of 10,000.00 USD. */
const calm = proposal({ promise: { deliverBy: '2027-03-11T09:00:00Z' } });

describe('verdictOf: each condition alone', () => {
  it.each([
    ['beyondCapacity', { beyondCapacity: true }, aCheck({ beyondCapacity: true, fits: false }), calm],
    ['beyondCapacity false', { beyondCapacity: false }, aCheck(), calm],
    ['unplannedWork (a SKU)', { unplannedWork: true }, aCheck({ unplanned: { skus: ['X'], opsTeams: [] } }), calm],
    ['unplannedWork (a team)', { unplannedWork: true }, aCheck({ unplanned: { skus: [], opsTeams: ['T-WELD'] } }), calm],
    ['loadPercentAbove', { loadPercentAbove: 150 }, aCheck({ loadPercent: 151 }), calm],
    ['leadDaysBelow', { leadDaysBelow: 5 }, aCheck(), proposal({ promise: { deliverBy: '2027-03-06T08:59:59Z' } })],
    ['leadDaysBelow with decimals', { leadDaysBelow: 0.5 }, aCheck(), proposal({ promise: { deliverBy: '2027-03-01T20:59:59Z' } })],
    ['valueAtLeast', { valueAtLeast: { amount: 1_000_000, currency: 'USD' } }, aCheck(), calm],
  ])('given a rule on %s, when it holds, then it fires', (_, when, check, proposed) => {
    expect(verdictOf(proposed, check, rulesOf([{ id: 'r', when, level: 2 }]))).toEqual({ level: 2, rules: ['r'], rulesVersion: 1 });
  });

  it.each([
    ['beyondCapacity', { beyondCapacity: true }, aCheck(), calm],
    ['unplannedWork', { unplannedWork: true }, aCheck(), calm],
    ['loadPercentAbove, at exactly p', { loadPercentAbove: 150 }, aCheck({ loadPercent: 150 }), calm],
    ['loadPercentAbove, with no load figure', { loadPercentAbove: 0 }, aCheck({ loadPercent: null }), calm],
    ['leadDaysBelow, at exactly n days', { leadDaysBelow: 5 }, aCheck(), proposal({ promise: { deliverBy: '2027-03-06T09:00:00Z' } })],
    ['valueAtLeast, one cent short', { valueAtLeast: { amount: 1_000_001, currency: 'USD' } }, aCheck(), calm],
    ['valueAtLeast, in another currency', { valueAtLeast: { amount: 1, currency: 'EUR' } }, aCheck(), calm],
  ])('given a rule on %s, when it does not hold, then nothing fires: within rules', (_, when, check, proposed) => {
    expect(verdictOf(proposed, check, rulesOf([{ id: 'r', when, level: 2 }]))).toEqual({ level: 0, rules: [], rulesVersion: 1 });
  });
});

describe('verdictOf: rules together', () => {
  it('given two conditions in one rule, then it fires only when both hold', () => {
    const rules = rulesOf([{ id: 'big-and-late', when: { beyondCapacity: true, valueAtLeast: { amount: 1_000_000, currency: 'USD' } }, level: 3 }]);

    expect(verdictOf(calm, aCheck({ beyondCapacity: true }), rules).rules).toEqual(['big-and-late']);
    expect(verdictOf(calm, aCheck(), rules).rules).toEqual([]);
    expect(verdictOf(proposal({ value: { amount: 999_999, currency: 'USD' } }), aCheck({ beyondCapacity: true }), rules).rules).toEqual([]);
  });

  it('given several rules firing, then every one is named in order and the highest level wins', () => {
    const verdict = verdictOf(
      proposal({ value: { amount: 6_000_000, currency: 'USD' }, promise: { deliverBy: '2027-03-02T09:00:00Z' } }),
      aCheck({ beyondCapacity: true, unplanned: { skus: ['X'], opsTeams: [] } }),
      promisesRules(),
    );

    expect(verdict).toEqual({ level: 2, rules: ['beyond-capacity', 'short-lead', 'big-deal', 'custom-work'], rulesVersion: 1 });
  });

  it('given a level 3 rule and an off-the-table rule firing, then off the table beats level 3', () => {
    const rules = rulesOf([
      { id: 'owner', when: { beyondCapacity: true }, level: 3 },
      { id: 'overload', when: { loadPercentAbove: 150 }, level: 'off-the-table' },
      { id: 'ops', when: { beyondCapacity: true }, level: 1 },
    ]);

    expect(verdictOf(calm, aCheck({ beyondCapacity: true, loadPercent: 200 }), rules)).toEqual({
      level: 'off-the-table',
      rules: ['owner', 'overload', 'ops'],
      rulesVersion: 1,
    });
  });

  it('given a rule of level 0 firing, then it is named and the proposal is still within rules', () => {
    expect(verdictOf(calm, aCheck(), rulesOf([{ id: 'note-it', when: { beyondCapacity: false }, level: 0 }]))).toEqual({
      level: 0,
      rules: ['note-it'],
      rulesVersion: 1,
    });
  });

  it('given no rules published, then every proposal is within rules, under no version', () => {
    expect(verdictOf(calm, aCheck({ beyondCapacity: true, loadPercent: 900 }), null)).toEqual({ level: 0, rules: [], rulesVersion: null });
  });
});

describe('answerPromiseCheck', () => {
  it('given the rules of PROMISES.md and a rushed proposal, then the answer is the check with its verdict', () => {
    // The API's example: D-2 goes first, the proposal finishes in W12, after W10: beyond capacity.
    // Lead 11 days: not short. Load 200 %: above 150, off the table.
    const answer = answerPromiseCheck(
      proposal({ minutes: 1200, scope: [line('OPS-MIN', 1200)] }),
      desk({ commitmentsOf: { 'T-OPS': [commitment('D-2', 1200, '2027-03-10T17:00:00Z')] } }),
      promisesRules(),
    );

    expect(answer).toMatchObject({ fits: false, beyondCapacity: true, loadPercent: 200 });
    expect(answer.verdict).toEqual({ level: 'off-the-table', rules: ['beyond-capacity', 'overload'], rulesVersion: 1 });
    expect(PromiseCheckAnswer.parse(answer)).toEqual(answer);
    expect(Object.keys(answer)).toEqual(['at', 'fits', 'beyondCapacity', 'atRisk', 'earliestDeliverBy', 'loadPercent', 'unplanned', 'teams', 'verdict']);
  });
});

describe('rulesOfEngagementDecider', () => {
  const at = '2026-10-01T09:00:00Z';
  const publish = (rules: RulesOfEngagement) => ({ type: 'PublishRulesOfEngagement' as const, rules, at });
  const afterVersion1 = rulesOfEngagementDecider
    .decide(publish(promisesRules()), rulesOfEngagementDecider.initialState())
    .reduce(rulesOfEngagementDecider.evolve, rulesOfEngagementDecider.initialState());

  it('given nothing published, when version 1 is published, then it is recorded and in force', () => {
    const events = rulesOfEngagementDecider.decide(publish(promisesRules()), rulesOfEngagementDecider.initialState());

    expect(events).toEqual([{ type: 'RulesOfEngagementPublished', occurredAt: at, data: { rules: promisesRules() } }]);
    expect(PromiseDeskEvent.parse(events[0])).toEqual(events[0]);
    expect(rulesInForce(afterVersion1)).toEqual(promisesRules());
  });

  it('given nothing published, then no rules are in force', () => {
    expect(rulesInForce(rulesOfEngagementDecider.initialState())).toBeNull();
  });

  it('given version 1, when version 1 is published again with the same content in another key order, then nothing is recorded', () => {
    const { rules, slaHours, agreedBy, version } = promisesRules();

    expect(rulesOfEngagementDecider.decide(publish({ rules, slaHours, version, agreedBy }), afterVersion1)).toEqual([]);
  });

  it('given version 1, when version 1 is published with other content, then it is refused: versions are immutable', () => {
    const changed = promisesRules({ slaHours: { 1: 12, 2: 48, 3: 72 } });

    expect(violationOf(() => rulesOfEngagementDecider.decide(publish(changed), afterVersion1))).toEqual({ rule: 'rules-version-published', field: 'version' });
  });

  it('given version 1, when version 3 is published, then it is refused: the next version is 2', () => {
    expect(violationOf(() => rulesOfEngagementDecider.decide(publish(promisesRules({ version: 3 })), afterVersion1))).toEqual({
      rule: 'rules-version-not-next',
      field: 'version',
    });
  });

  it('given nothing published, when version 2 is published, then it is refused: the first version is 1', () => {
    expect(
      violationOf(() => rulesOfEngagementDecider.decide(publish(promisesRules({ version: 2 })), rulesOfEngagementDecider.initialState())),
    ).toEqual({ rule: 'rules-version-not-next', field: 'version' });
  });

  it('given version 1, when version 2 is published, then version 2 is in force', () => {
    const version2 = promisesRules({ version: 2, rules: [] });

    const state = rulesOfEngagementDecider.decide(publish(version2), afterVersion1).reduce(rulesOfEngagementDecider.evolve, afterVersion1);

    expect(rulesInForce(state)).toEqual(version2);
  });
});
