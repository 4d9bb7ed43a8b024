import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { recordedEventOf, RecordedEvent } from '../../domain/envelope.ts';
import { dealStreamId, streamKindOf, streamKinds } from '../../domain/streams.ts';
import { recordedEvent } from '../support/recordedEvents.ts';
import { jointPlan } from './incentives/incentiveSpec.ts';

const envelope = (streamId: string) => ({
  eventId: randomUUID(),
  schemaVersion: 1,
  streamId,
  version: 1,
  recordedAt: '2026-10-01T09:00:00Z',
  actor: { id: 'P-ADMIN', roles: ['admin'] },
  tenantId: 'default',
});
const planPublished = (streamId: string) => ({
  ...envelope(streamId),
  type: 'IncentivePlanPublished',
  occurredAt: '2026-10-01T09:00:00Z',
  data: { plan: jointPlan() },
});

describe('the kinds of stream', () => {
  it('given each kind, when its stream id is built, then it is the kind\'s name, "#" and what tells its streams apart', () => {
    expect(dealStreamId('D-1')).toBe('deal#D-1');
    expect(streamKinds.nps.streamId({ provider: 'delighted', responseId: 'r-1' })).toBe('nps#delighted:r-1');
    expect(streamKinds.plans.streamId()).toBe('plans#org');
    expect(streamKinds.closes.streamId()).toBe('closes#org');
  });

  it('given a stream id, when its kind is looked up, then it is the kind its prefix names, or an error naming the id', () => {
    expect(streamKindOf('closes#org').name).toBe('closes');
    expect(streamKindOf('nps#typeform:x#y').name).toBe('nps');
    expect(() => streamKindOf('deals#D-1')).toThrow('stream id deals#D-1 names no kind of stream');
    expect(() => streamKindOf('D-1')).toThrow('names no kind of stream');
  });

  it('given events of several kinds, when a kind is asked which it holds, then it answers by event type', () => {
    expect(streamKinds.plans.holds({ type: 'IncentivePlanPublished' })).toBe(true);
    expect(streamKinds.plans.holds({ type: 'MonthClosed' })).toBe(false);
    expect(streamKinds.closes.holds({ type: 'StatementsIssued' })).toBe(true);
    expect(streamKinds.deal.holds({ type: 'IncentivePlanPublished' })).toBe(false);
  });
});

describe('recorded events, validated per kind of stream', () => {
  it('given a plan published on the plans stream, when validated, then it is a recorded plans event', () => {
    const event = planPublished('plans#org');

    expect(recordedEventOf.plans.parse(event)).toEqual(event);
    expect(RecordedEvent.parse(event)).toEqual(event);
  });

  it('given a plan published on a deal\'s stream, when validated, then neither kind accepts it', () => {
    const event = planPublished('deal#D-1');

    expect(recordedEventOf.deal.safeParse(event).success).toBe(false);
    expect(recordedEventOf.plans.safeParse(event).success).toBe(false);
    expect(RecordedEvent.safeParse(event).success).toBe(false);
  });

  it('given a deal event on the closes stream, when validated, then the closes kind refuses it', () => {
    const event = { ...recordedEvent('D-2', 1), streamId: 'closes#org' };

    expect(recordedEventOf.closes.safeParse(event).success).toBe(false);
    expect(recordedEventOf.deal.safeParse(event).success).toBe(false);
  });

  it('given a stream id that names no kind, when validated, then it is refused', () => {
    expect(RecordedEvent.safeParse({ ...recordedEvent('D-3', 1), streamId: 'invoice#D-3' }).success).toBe(false);
  });
});

describe("each kind's recorded-event schema, built when first read", () => {
  it('given every kind of stream, when its schema is read twice, then there is one for each kind and it is built once', () => {
    expect(Object.keys(recordedEventOf).sort()).toEqual(Object.keys(streamKinds).sort());
    for (const name of Object.keys(streamKinds) as (keyof typeof recordedEventOf)[]) {
      expect(recordedEventOf[name]).toBe(recordedEventOf[name]);
    }
  });
});
