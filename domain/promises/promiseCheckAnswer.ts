import * as z from '../zod.ts';
import { checkPromise, PromiseCheck, type PromiseDesk, type Proposal } from './promiseCheck.ts';
import type { RulesOfEngagement } from './rulesOfEngagement.ts';
import { Verdict, verdictOf } from './verdict.ts';

/** The whole answer of POST /v1/promise-checks: the check and the verdict of the rules in force on it. */
export const PromiseCheckAnswer = z.extend(PromiseCheck, { verdict: Verdict });
export type PromiseCheckAnswer = z.infer<typeof PromiseCheckAnswer>;

/** Checks a proposal and judges it by the rules in force (null: none published, so it is within rules). */
export const answerPromiseCheck = (proposal: Proposal, desk: PromiseDesk, rules: RulesOfEngagement | null): PromiseCheckAnswer => {
  const check = checkPromise(proposal, desk);
  return { ...check, verdict: verdictOf(proposal, check, rules) };
};
