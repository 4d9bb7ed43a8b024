import { describe, expect, it } from 'vitest';
import { weeklyBriefOf } from '../../domain/cadence/weeklyBrief.ts';
import { briefLines } from '../../functions/cli/briefLines.ts';
import { BRIEF_SECTIONS } from '../../functions/cadence/briefWords.ts';
import { SAMPLE_BRIEF } from '../cadence/briefSample.ts';

describe('the weekly brief in a terminal', () => {
  it('given a full week, when printed, then the headline says each side, then every section in order with its facts on one line each', () => {
    const lines = briefLines(SAMPLE_BRIEF);

    expect(lines.slice(0, 4)).toEqual([
      'Weekly brief 2027-W10, Mon 8 Mar to Sun 14 Mar (Europe/Berlin)',
      '  Sales:      2 closed, 1 forecast call(s) missing for 2027-04',
      '  Operations: 1 kept, 1 missed, 1 handoff(s) returned, 1 team(s) at risk',
      '  Both:       1 escalation(s) overdue, 2 NPS answer(s), 1 detractor(s)',
    ]);
    const headings = lines.filter((line) => BRIEF_SECTIONS.some(([, title]) => title === line));
    expect(headings).toEqual(BRIEF_SECTIONS.map(([, title]) => title));
    expect(lines).toContain(
      '  MISSED D-9 <script>alert(1)</script>, T-OPS, delivered Fri 12 Mar 20:30, due Thu 11 Mar 18:00: late by 1 d 2.5 h (26.5 h); short 2000 SEALCOAT-SQFT (12000 promised, 10000 delivered)',
    );
    expect(lines).toContain('  Within the rules: 1, $12,500.00');
    expect(lines).toContain('  D-5 Oak Street Mall (P-SALES-1), returned Thu 11 Mar 11:00 by T-OPS: scopeDocumented, customerContact ("<b>which lot?</b>")');
    expect(lines).toContain('  NOT CALLED P-SALES-2 (T-SALES)');
    expect(lines).toContain('  called     P-SALES-1 (T-SALES): $50,000.00, Wed 10 Mar 10:00');
    expect(lines).toContain('    at risk: D-1, due Fri 19 Mar, finishes 2027-W12');
    expect(lines.filter((line) => / (detractor|promoter) /.test(line))).toEqual([
      '   2 detractor <script>alert(1)</script> (D-9): ""><img src=x onerror=alert(2)> never again"',
      '  10 promoter  Birch Lane HOA (D-0): "Spotless"',
    ]);
  });

  it('given an empty week, when printed, then each section says there was nothing rather than disappearing', () => {
    const lines = briefLines(
      weeklyBriefOf({ week: '2027-W10', timeZone: 'UTC', preparedAt: '2027-03-15T06:00:00Z', facts: [], escalations: [], opsTeams: [], sellers: [], forecasts: [] }),
    );

    for (const nothing of ['No deal was closed in the week.', 'Nothing was delivered in the week.', 'No handoff was returned in the week.', 'No escalation is waiting past its due time.', 'No ops team has work in the catalogue.', 'No NPS answer in the week.']) {
      expect(lines).toContain(`  ${nothing}`);
    }
  });
});
