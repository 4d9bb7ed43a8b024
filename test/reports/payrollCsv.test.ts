import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { MonthPayout, Side, Statement } from '../../domain/incentives/statements.ts';
import { payrollCsv } from '../../functions/reports/payrollCsv.ts';

/*
 * The payroll feed of a closed month: person_id, side, month, amount (major units, exactly the
 * currency's digits), currency; one row per statement, sorted by person then side, CRLF records.
 */

const statement = (personId: string, side: Side, amounts: number[], currency = 'USD'): Statement => ({
  personId,
  side,
  total: { amount: amounts.reduce((sum, amount) => sum + amount, 0), currency },
  lines: amounts.map((amount) => ({
    kind: amount < 0 ? 'clawback' : 'earned',
    month: amount < 0 ? '2026-09' : '2026-10',
    dealIds: ['D-1'],
    amount: { amount, currency },
    rule: amount < 0 ? 'correction' : 'allocation',
    explanation: amount < 0 ? 'D-1 was cancelled after September was closed' : 'share of the pool',
  })),
});

const payoutOf = (statements: Statement[], currency = 'USD'): MonthPayout => {
  const pool = statements.reduce((sum, s) => sum + Math.max(0, s.total.amount), 0);
  return {
    month: '2026-10',
    plan: { planId: 'joint', version: 1 },
    pool: { amount: pool, currency },
    computation: {
      delivered: 5,
      kept: 4,
      promiseKeptRate: 0.8,
      gatePassed: true,
      basePool: { amount: pool, currency },
      npsResponses: 2,
      nps: null,
      multiplierBps: 10000,
      salesPool: { amount: pool, currency },
      opsPool: { amount: 0, currency },
    },
    statements,
  };
};

const rowsOf = (csv: string): string[][] => parse(csv, { record_delimiter: '\r\n' }) as string[][];
const HEADER = ['person_id', 'side', 'month', 'amount', 'currency'];

describe('payrollCsv', () => {
  it('given the worked example in USD, when written, then each person is paid in dollars and cents, sorted by person then side, CRLF after every record', () => {
    const payout = payoutOf([
      statement('S2', 'sales', [7000]),
      statement('O1', 'ops', [15000]),
      statement('S1', 'sales', [11000]),
      statement('O2', 'ops', [3000]),
      statement('P-BOTH', 'sales', [5]),
      statement('P-BOTH', 'ops', [123456789]),
    ]);

    const csv = payrollCsv(payout);

    expect(csv).toBe(
      [
        'person_id,side,month,amount,currency',
        'O1,ops,2026-10,150.00,USD',
        'O2,ops,2026-10,30.00,USD',
        'P-BOTH,ops,2026-10,1234567.89,USD',
        'P-BOTH,sales,2026-10,0.05,USD',
        'S1,sales,2026-10,110.00,USD',
        'S2,sales,2026-10,70.00,USD',
        '',
      ].join('\r\n'),
    );
  });

  it('given JPY, which has no minor digits, when written, then amounts are whole yen', () => {
    const csv = payrollCsv(payoutOf([statement('P-1', 'sales', [1205], 'JPY'), statement('P-2', 'ops', [0], 'JPY')], 'JPY'));

    expect(rowsOf(csv)).toEqual([HEADER, ['P-1', 'sales', '2026-10', '1205', 'JPY'], ['P-2', 'ops', '2026-10', '0', 'JPY']]);
  });

  it('given BHD, which has three minor digits, when written, then amounts have three decimals, small ones zero-padded', () => {
    const csv = payrollCsv(
      payoutOf([statement('P-1', 'sales', [1205], 'BHD'), statement('P-2', 'ops', [7], 'BHD'), statement('P-3', 'ops', [1000], 'BHD')], 'BHD'),
    );

    expect(rowsOf(csv).map((row) => row[3])).toEqual(['amount', '1.205', '0.007', '1.000']);
  });

  it.each([
    ['HUF', '123.45'],
    ['IDR', '123.45'],
    ['IQD', '12.345'],
  ])('given %s, whose ISO 4217 minor units the runtime does not show, when written, then the amount keeps them', (currency, amount) => {
    const csv = payrollCsv(payoutOf([statement('P-1', 'sales', [12345], currency)], currency));

    expect(rowsOf(csv).map((row) => row[3])).toEqual(['amount', amount]);
  });

  it('given a statement whose clawback outweighs what was earned, when written, then the total is negative with a leading minus', () => {
    const csv = payrollCsv(payoutOf([statement('S2', 'sales', [7000, -8205]), statement('S3', 'sales', [-5])]));

    expect(rowsOf(csv)).toEqual([HEADER, ['S2', 'sales', '2026-10', '-12.05', 'USD'], ['S3', 'sales', '2026-10', '-0.05', 'USD']]);
  });

  it('given person ids holding a comma, a quote and a line break, when written, then those fields are quoted and read back unchanged', () => {
    const ids = ['Doe, Jane', 'O"Neil "Ace"', 'multi\nline', 'plain'];
    const csv = payrollCsv(payoutOf(ids.map((id, index) => statement(id, 'ops', [100 * (index + 1)]))));

    expect(csv).toContain('"Doe, Jane",ops,');
    expect(csv).toContain('"O""Neil ""Ace""",ops,');
    expect(rowsOf(csv)).toEqual([
      HEADER,
      ['Doe, Jane', 'ops', '2026-10', '1.00', 'USD'],
      ['O"Neil "Ace"', 'ops', '2026-10', '2.00', 'USD'],
      ['multi\nline', 'ops', '2026-10', '3.00', 'USD'],
      ['plain', 'ops', '2026-10', '4.00', 'USD'],
    ]);
  });

  it('given a month without statements, when written, then the file is the header alone', () => {
    expect(payrollCsv(payoutOf([]))).toBe('person_id,side,month,amount,currency\r\n');
  });

  it('given any payout, when written and parsed back with csv-parse, then every row is its statement', () => {
    const statements = [
      statement('S1', 'sales', [11000]),
      statement('S2', 'sales', [7000, -8205]),
      statement('Doe, "J"', 'ops', [99]),
      statement('O1', 'ops', [15000]),
    ];

    const records = parse(payrollCsv(payoutOf(statements)), { columns: true }) as Record<string, string>[];

    const expected = [
      { person_id: 'Doe, "J"', side: 'ops', month: '2026-10', amount: '0.99', currency: 'USD' },
      { person_id: 'O1', side: 'ops', month: '2026-10', amount: '150.00', currency: 'USD' },
      { person_id: 'S1', side: 'sales', month: '2026-10', amount: '110.00', currency: 'USD' },
      { person_id: 'S2', side: 'sales', month: '2026-10', amount: '-12.05', currency: 'USD' },
    ];
    expect(records).toEqual(expected);
  });
});
