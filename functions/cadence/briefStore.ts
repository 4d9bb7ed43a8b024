import type { IssuedBrief } from '../../domain/cadence/events.ts';
import type { IsoWeek } from '../../domain/isoWeek.ts';
import type { ReportStore, StoredReport } from '../reports/reportStore.ts';

/** Where a week's brief is kept, relative to the briefs' own folder (or prefix). */
export const briefKeys = (week: IsoWeek): IssuedBrief => ({
  json: `${week}/brief-${week}.json`,
  html: `${week}/brief-${week}.html`,
});

/** The prefix briefs are kept under in the reports bucket, beside the months' reports. */
export const BRIEFS_PREFIX = 'briefs/';

/** A store whose keys all live under one prefix of another: the briefs in the reports bucket. */
export const prefixedStore = (store: ReportStore, prefix: string): ReportStore => ({
  put: (key: string, report: StoredReport) => store.put(`${prefix}${key}`, report),
  get: (key: string) => store.get(`${prefix}${key}`),
});
