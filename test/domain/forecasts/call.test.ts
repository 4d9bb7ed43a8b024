import { describe, expect, it } from 'vitest';
import { callFor } from '../../../domain/forecasts/call.ts';
import { forecastDecider, type Forecast } from '../../../domain/forecasts/forecastDecider.ts';
import { accuracyWindow, forecastSection, sumOfCallers, type MonthCall } from '../../../domain/forecasts/forecastSection.ts';

const usd = (amount: number) => ({ amount, currency: 'USD' });
const forecast = (month: string, at: string, amount: number, recorded: number): Forecast => ({ month, at, commit: usd(amount), recorded });

describe('the call for a month', () => {
  it('given three forecasts for November before it starts, then the latest said is the call', () => {
    const forecasts = [forecast('2026-11', '2026-10-20T09:00:00Z', 100, 1), forecast('2026-11', '2026-10-28T09:00:00Z', 120, 2), forecast('2026-11', '2026-10-25T09:00:00Z', 90, 3)];
    expect(callFor(forecasts, '2026-11', 'UTC')).toEqual(usd(120));
  });

  it('given a forecast said once November has started, then it is kept but is not the call', () => {
    const forecasts = [forecast('2026-11', '2026-10-20T09:00:00Z', 100, 1), forecast('2026-11', '2026-11-01T00:00:00Z', 500, 2)];
    expect(callFor(forecasts, '2026-11', 'UTC')).toEqual(usd(100));
  });

  it('given two forecasts said at the same instant, then the later recorded is the call', () => {
    const forecasts = [forecast('2026-11', '2026-10-20T09:00:00Z', 100, 1), forecast('2026-11', '2026-10-20T09:00:00Z', 80, 2)];
    expect(callFor(forecasts, '2026-11', 'UTC')).toEqual(usd(80));
  });

  it('given a forecast at 23:30 on 31 October in New York, then it is before November there and after November starts in UTC', () => {
    const forecasts = [forecast('2026-11', '2026-10-31T23:30:00-04:00', 100, 1)];
    expect(callFor(forecasts, '2026-11', 'America/New_York')).toEqual(usd(100));
    expect(callFor(forecasts, '2026-11', 'UTC')).toBeNull();
  });

  it('given forecasts for other months only, then no call', () => {
    expect(callFor([forecast('2026-12', '2026-10-20T09:00:00Z', 100, 1)], '2026-11', 'UTC')).toBeNull();
  });
});

describe('forecastDecider', () => {
  const submit = (amount: number, at = '2026-10-20T09:00:00Z') => ({ type: 'SubmitForecast' as const, personId: 'P-1', month: '2026-11', at, commit: usd(amount) });
  const state = forecastDecider.evolve(forecastDecider.initialState(), {
    type: 'ForecastSubmitted',
    occurredAt: '2026-10-20T09:00:00Z',
    data: { personId: 'P-1', month: '2026-11', commit: usd(100) },
  });

  it('given no forecast, when one is submitted, then ForecastSubmitted at `at`', () => {
    expect(forecastDecider.decide(submit(100), forecastDecider.initialState())).toEqual([
      { type: 'ForecastSubmitted', occurredAt: '2026-10-20T09:00:00Z', data: { personId: 'P-1', month: '2026-11', commit: usd(100) } },
    ]);
  });

  it('given the same forecast recorded, when it is submitted again (a retry), then nothing new', () => {
    expect(forecastDecider.decide(submit(100), state)).toEqual([]);
  });

  it('given a forecast recorded, when another commit is said at the same instant, then it is recorded (the later recorded wins the tie)', () => {
    expect(forecastDecider.decide(submit(90), state)).toHaveLength(1);
  });

  it('given a forecast recorded, when the same commit is said later, then it is recorded', () => {
    expect(forecastDecider.decide(submit(100, '2026-10-21T09:00:00Z'), state)).toHaveLength(1);
  });
});

describe('the forecast section', () => {
  it('the window is the 6 months ending at the month, oldest first, across a year end', () => {
    expect(accuracyWindow('2027-02')).toEqual(['2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02']);
  });

  it('a group sums the calls and actuals of the people who called the month only', () => {
    expect(sumOfCallers([{ call: 100, actual: 80 }, { call: null, actual: 500 }, { call: 50, actual: 70 }])).toEqual({ call: 150, actual: 150 });
    expect(sumOfCallers([{ call: null, actual: 500 }])).toEqual({ call: null, actual: 0 });
  });

  it('given calls in March, May and June only, then the June section has June call and bias and the accuracy of those 3 months', () => {
    const byMonth: Record<string, MonthCall> = {
      '2026-12': { call: 999, actual: 0 }, // outside the window (January to June)
      '2027-03': { call: 100, actual: 120 },
      '2027-04': { call: null, actual: 40 },
      '2027-05': { call: 100, actual: 80 },
      '2027-06': { call: 100, actual: 130 },
    };
    const section = forecastSection('2027-06', 'USD', (month) => byMonth[month] ?? { call: null, actual: 0 });
    // errors 20, -20, 30: sum 30, sum|.| 70, sum A 330; n 3 -> TS 3 x 30 / 70 = 1.2857
    expect(section).toEqual({
      call: usd(100),
      actual: usd(130),
      biasPercent: -23, // 100 x -30 / 130 = -23.08
      wape: 0.2121,
      trackingSignal: 1.29,
      persistentBias: null,
      months: 3,
    });
  });

  it('given no call for the month, then call and bias null, the actual still shown', () => {
    const section = forecastSection('2027-06', 'USD', () => ({ call: null, actual: 500 }));
    expect(section).toEqual({ call: null, actual: usd(500), biasPercent: null, wape: null, trackingSignal: null, persistentBias: null, months: 0 });
  });
});
