import { describe, expect, it } from 'vitest';
import type { Role } from '../../../domain/roles.ts';
import type { EscalationLevel } from '../../../domain/promises/engagementLevel.ts';
import { EscalationDecisionBody, type EscalationCommand } from '../../../domain/promises/escalationCommands.ts';
import { escalationAsItStands, escalationDecider, type EscalationState } from '../../../domain/promises/escalationDecider.ts';
import { standingAt } from '../../../domain/promises/escalationStanding.ts';
import { PromiseDeskEvent } from '../../../domain/promises/events.ts';
import type { PromiseCheckAnswer } from '../../../domain/promises/promiseCheckAnswer.ts';
import { NotEntitledToDecide } from '../../../domain/promises/promiseDeskRuleViolation.ts';
import type { Verdict } from '../../../domain/promises/verdict.ts';
import { promisesRules, proposal, thrownBy, violationOf } from './promiseDeskSpec.ts';

/**
 * Escalations (PROMISES.md): opened Monday 1 March 2027 at 09:00Z, with SLAs of 24, 48 and 72 hours
 * for levels 1, 2 and 3. A level 1 escalation is due Tuesday 09:00; missed, it rises to 2, due 48
 * hours after that (Thursday 09:00); missed again, to 3, due 72 hours later (Sunday 09:00), and stays.
 */

const OPENED_AT = '2027-03-01T09:00:00Z';
const hoursAfterOpening = (hours: number): string => new Date(Date.parse(OPENED_AT) + hours * 3_600_000).toISOString();
const slaHours = promisesRules().slaHours;

const checkWith = (verdict: Verdict): PromiseCheckAnswer => ({
  at: OPENED_AT,
  fits: false,
  beyondCapacity: true,
  atRisk: [],
  earliestDeliverBy: '2027-03-29T00:00:00Z',
  loadPercent: 125,
  unplanned: { skus: [], opsTeams: [] },
  teams: [],
  verdict,
});

const open = (level: 0 | EscalationLevel | 'off-the-table'): EscalationCommand => ({
  type: 'OpenEscalation',
  body: { escalationId: 'E-1', at: OPENED_AT, proposal: proposal() },
  check: checkWith({ level, rules: level === 0 ? [] : ['some-rule'], rulesVersion: 1 }),
  slaHours,
});

const decide = (at: string, roles: Role[], overrides: Partial<EscalationDecisionBody> = {}): EscalationCommand => ({
  type: 'DecideEscalation',
  body: { at, decision: 'approved', note: 'ops can shift a crew', ...overrides },
  by: { id: `P-${roles.join('-') || 'nobody'}`, roles },
});

/** Given these commands already accepted, the state they recorded, and the events. */
const given = (...commands: EscalationCommand[]) => {
  let state: EscalationState = escalationDecider.initialState();
  const events: ReturnType<typeof escalationDecider.decide> = [];
  for (const command of commands) {
    for (const event of escalationDecider.decide(command, state)) {
      expect(PromiseDeskEvent.parse(event)).toEqual(event);
      events.push(event);
      state = escalationDecider.evolve(state, event);
    }
  }
  return {
    state,
    events,
    when: (command: EscalationCommand) => {
      const run = () => escalationDecider.decide(command, state);
      return {
        then: () => {
          const produced = run();
          for (const event of produced) expect(PromiseDeskEvent.safeParse(event).success, `${event.type} is a valid event`).toBe(true);
          return { events: produced, state: produced.reduce(escalationDecider.evolve, state) };
        },
        violation: () => violationOf(run),
        refusal: () => thrownBy(run),
      };
    },
  };
};

describe('opening an escalation', () => {
  it.each([
    [1, '2027-03-02T09:00:00.000Z'],
    [2, '2027-03-03T09:00:00.000Z'],
    [3, '2027-03-04T09:00:00.000Z'],
  ] as const)('given a proposal at level %i, when it is escalated, then it opens at that level, due an SLA later', (level, dueBy) => {
    const { events, state } = given().when(open(level)).then();

    expect(events).toEqual([
      {
        type: 'EscalationOpened',
        occurredAt: OPENED_AT,
        data: {
          escalationId: 'E-1',
          dealId: 'D-NEW',
          proposal: proposal(),
          check: checkWith({ level, rules: ['some-rule'], rulesVersion: 1 }),
          level,
          dueBy,
          slaHours,
        },
      },
    ]);
    expect(state).toMatchObject({ status: 'open', level, dueBy, decision: null });
  });

  it('given a proposal within rules, when it is escalated, then it is refused: there is nothing to escalate', () => {
    expect(given().when(open(0)).violation()).toEqual({ rule: 'nothing-to-escalate' });
  });

  it('given a proposal off the table, when it is escalated, then it is refused: nobody can approve it', () => {
    expect(given().when(open('off-the-table')).violation()).toEqual({ rule: 'off-the-table' });
  });

  it('given an open escalation, when the same id is opened again, then it is refused', () => {
    expect(given(open(1)).when(open(1)).violation()).toEqual({ rule: 'escalation-exists', field: 'escalationId' });
  });
});

describe('who may decide', () => {
  const roles: Role[] = ['sales', 'ops', 'leadership', 'admin'];
  const reaches: Record<EscalationLevel, Role[]> = { 1: ['ops', 'leadership', 'admin'], 2: ['leadership', 'admin'], 3: ['admin'] };
  const cases = ([1, 2, 3] as const).flatMap((level) => roles.map((role) => ({ level, role, allowed: reaches[level].includes(role) })));

  it.each(cases)('given an escalation at level $level, when $role decides it in time, then allowed is $allowed', ({ level, role, allowed }) => {
    const when = given(open(level)).when(decide(hoursAfterOpening(1), [role]));

    if (allowed) {
      expect(when.then().state).toMatchObject({ status: 'approved', level });
    } else {
      const refusal = when.refusal();
      expect(refusal).toBeInstanceOf(NotEntitledToDecide);
      expect(refusal).toMatchObject({ level, rolesThatReach: reaches[level] });
    }
  });

  it('given a level 1 escalation, when a salesperson decides it, then the refusal says who can', () => {
    expect((given(open(1)).when(decide(hoursAfterOpening(1), ['sales'])).refusal() as Error).message).toBe(
      'escalation E-1 stands at level 1: it takes one of ops, leadership, admin to decide it (roles given: sales)',
    );
  });

  it('given a level 2 escalation, when someone with ops and leadership decides it, then one role reaching the level is enough', () => {
    expect(given(open(2)).when(decide(hoursAfterOpening(1), ['ops', 'leadership'])).then().state?.status).toBe('approved');
  });
});

describe('rising past the SLA', () => {
  it('given a level 1 escalation, when ops decides exactly at the due time, then it has not risen yet', () => {
    const { events } = given(open(1)).when(decide(hoursAfterOpening(24), ['ops'])).then();

    expect(events.map((event) => event.type)).toEqual(['EscalationDecided']);
  });

  it('given a level 1 escalation past one SLA, when ops decides, then it has risen to 2 and is no longer theirs', () => {
    const refusal = given(open(1)).when(decide(hoursAfterOpening(25), ['ops'])).refusal();

    expect(refusal).toBeInstanceOf(NotEntitledToDecide);
    expect(refusal).toMatchObject({ level: 2 });
  });

  it('given a level 1 escalation past one SLA, when leadership decides, then the rise is recorded with the decision', () => {
    const { events, state } = given(open(1)).when(decide(hoursAfterOpening(25), ['leadership'])).then();

    expect(events).toEqual([
      {
        type: 'EscalationRaised',
        occurredAt: '2027-03-02T09:00:00.000Z',
        data: { escalationId: 'E-1', fromLevel: 1, level: 2, dueBy: '2027-03-04T09:00:00.000Z' },
      },
      {
        type: 'EscalationDecided',
        occurredAt: hoursAfterOpening(25),
        data: { escalationId: 'E-1', decision: 'approved', note: 'ops can shift a crew', by: { id: 'P-leadership', roles: ['leadership'] }, level: 2 },
      },
    ]);
    expect(state).toMatchObject({ status: 'approved', level: 2, dueBy: '2027-03-04T09:00:00.000Z' });
  });

  it('given a level 1 escalation past two SLAs, then it stands at 3, due 72 hours after the second due time: leadership may not, the owner may', () => {
    // Due Tuesday 09:00 at 1, Thursday 09:00 at 2 (24 + 48), Sunday 09:00 at 3 (72 + 72 hours after opening).
    expect(standingAt({ level: 1, dueBy: '2027-03-02T09:00:00.000Z' }, slaHours, hoursAfterOpening(73))).toEqual({
      level: 3,
      dueBy: '2027-03-07T09:00:00.000Z',
    });
    expect(given(open(1)).when(decide(hoursAfterOpening(73), ['leadership'])).refusal()).toMatchObject({ level: 3 });

    const { events } = given(open(1)).when(decide(hoursAfterOpening(73), ['admin'])).then();
    expect(events.map((event) => [event.type, event.data.level])).toEqual([
      ['EscalationRaised', 2],
      ['EscalationRaised', 3],
      ['EscalationDecided', 3],
    ]);
  });

  it('given a level 2 escalation long past every SLA, then it stops at the owner', () => {
    expect(standingAt({ level: 2, dueBy: '2027-03-03T09:00:00.000Z' }, slaHours, '2028-01-01T00:00:00Z')).toEqual({
      level: 3,
      dueBy: '2027-03-06T09:00:00.000Z',
    });
  });
});

describe('deciding', () => {
  it('given an approved escalation, when it is decided again, then it is refused: a decision is final', () => {
    expect(given(open(1), decide(hoursAfterOpening(1), ['ops'])).when(decide(hoursAfterOpening(2), ['admin'], { decision: 'rejected' })).violation()).toEqual({
      rule: 'escalation-decided',
    });
  });

  it('given an open escalation, when it is rejected, then it is rejected and final', () => {
    const { state } = given(open(1)).when(decide(hoursAfterOpening(2), ['ops'], { decision: 'rejected', note: 'no crew' })).then();

    expect(state).toMatchObject({
      status: 'rejected',
      decision: { by: { id: 'P-ops', roles: ['ops'] }, at: hoursAfterOpening(2), decision: 'rejected', note: 'no crew' },
    });
  });

  it('given an open escalation, when it is approved with a later date, then the date is recorded', () => {
    const { state } = given(open(1)).when(decide(hoursAfterOpening(2), ['ops'], { deliverBy: '2027-03-26T17:00:00Z' })).then();

    expect(state?.decision).toMatchObject({ decision: 'approved', deliverBy: '2027-03-26T17:00:00Z' });
  });

  it('given an open escalation, when it is approved with a date earlier than the proposal, then it is refused', () => {
    expect(given(open(1)).when(decide(hoursAfterOpening(2), ['ops'], { deliverBy: '2027-03-11T17:00:00Z' })).violation()).toEqual({
      rule: 'deliver-by-earlier-than-proposed',
      field: 'deliverBy',
    });
  });

  it('given an open escalation, when a decision is dated before it opened, then it is refused', () => {
    expect(given(open(1)).when(decide('2027-02-28T09:00:00Z', ['admin'])).violation()).toEqual({ rule: 'decision-before-opening', field: 'at' });
  });

  it('given no escalation, when one is decided, then there is nothing to decide', () => {
    expect(given().when(decide(hoursAfterOpening(1), ['admin'])).violation()).toEqual({ rule: 'unknown-escalation' });
  });

  it('given a rejection with a date, then the body is refused at deliverBy', () => {
    const parsed = EscalationDecisionBody.safeParse({ at: OPENED_AT, decision: 'rejected', deliverBy: '2027-03-26T17:00:00Z', note: 'no' });

    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['deliverBy']);
  });
});

describe('the sweep', () => {
  const sweep = (hours: number): EscalationCommand => ({ type: 'SweepEscalation', at: hoursAfterOpening(hours) });

  it('given an open escalation past its SLA, when swept, then the rise is recorded at the moment it was due', () => {
    const { events } = given(open(1)).when(sweep(30)).then();

    expect(events).toEqual([
      {
        type: 'EscalationRaised',
        occurredAt: '2027-03-02T09:00:00.000Z',
        data: { escalationId: 'E-1', fromLevel: 1, level: 2, dueBy: '2027-03-04T09:00:00.000Z' },
      },
    ]);
  });

  it('given an escalation swept at an instant, when swept again at that instant, then nothing new is recorded', () => {
    expect(given(open(1), sweep(80)).when(sweep(80)).then().events).toEqual([]);
  });

  it('given a rise already swept, when the next rise comes and a decision follows, then each rise is recorded once', () => {
    const swept = given(open(1), sweep(30), sweep(80));
    expect(swept.events.map((event) => [event.type, event.data.level])).toEqual([
      ['EscalationOpened', 1],
      ['EscalationRaised', 2],
      ['EscalationRaised', 3],
    ]);

    expect(swept.when(decide(hoursAfterOpening(90), ['admin'])).then().events.map((event) => event.type)).toEqual(['EscalationDecided']);
  });

  it('given an escalation before its due time, when swept, then nothing is recorded', () => {
    expect(given(open(1)).when(sweep(23)).then().events).toEqual([]);
  });

  it('given a decided escalation, when swept long after, then nothing is recorded', () => {
    expect(given(open(1), decide(hoursAfterOpening(1), ['ops'])).when(sweep(500)).then().events).toEqual([]);
  });
});

describe('escalationAsItStands', () => {
  it('given an open escalation no sweep has raised, then at a later instant it stands risen', () => {
    const { state } = given(open(1));

    expect(state && escalationAsItStands(state, hoursAfterOpening(30))).toEqual({ level: 2, dueBy: '2027-03-04T09:00:00.000Z' });
    expect(state && escalationAsItStands(state, hoursAfterOpening(1))).toEqual({ level: 1, dueBy: '2027-03-02T09:00:00.000Z' });
  });

  it('given an escalation decided at level 2, then it stands at 2 however late it is asked', () => {
    const { state } = given(open(1), decide(hoursAfterOpening(25), ['leadership']));

    expect(state && escalationAsItStands(state, '2030-01-01T00:00:00Z')).toEqual({ level: 2, dueBy: '2027-03-04T09:00:00.000Z' });
  });
});
