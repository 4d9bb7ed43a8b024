import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { BriefRuleViolation } from '../../domain/cadence/briefRuleViolation.ts';
import { DealRuleViolation } from '../../domain/deal/ruleViolation.ts';
import { IncentiveRuleViolation } from '../../domain/incentives/incentiveRuleViolation.ts';
import { NotEntitledToDecide, PromiseDeskRuleViolation } from '../../domain/promises/promiseDeskRuleViolation.ts';
import { ConcurrencyExhausted, IdempotencyKeyReused, VersionMismatch } from '../commands/commandService.ts';
import { MissingConfiguration } from '../config.ts';
import { CorruptStoredEvent } from '../eventStore/errors.ts';
import { logger } from '../observability/logger.ts';
import { HttpProblem, problemResponse } from './problem.ts';

/** Translates what went wrong into the API's problem+json; anything unforeseen is logged and is a 500. */
export const toHttpProblem = (error: unknown): HttpProblem => {
  if (error instanceof HttpProblem) return error;
  if (error instanceof DealRuleViolation) {
    return error.rule === 'unknown-deal'
      ? new HttpProblem(404, 'unknown-deal', error.message)
      : new HttpProblem(409, error.rule, error.message);
  }
  if (error instanceof IncentiveRuleViolation) {
    return new HttpProblem(409, error.rule, error.message, error.field ? [{ path: error.field, message: error.message }] : undefined);
  }
  if (error instanceof PromiseDeskRuleViolation) {
    const errors = error.field ? [{ path: error.field, message: error.message }] : undefined;
    return new HttpProblem(error.rule === 'unknown-escalation' ? 404 : 409, error.rule, error.message, errors);
  }
  if (error instanceof BriefRuleViolation) return new HttpProblem(409, error.rule, error.message);
  // Not a conflict with the record but a matter of authority: the level has risen beyond the caller.
  if (error instanceof NotEntitledToDecide) return new HttpProblem(403, 'not-entitled-to-decide', error.message);
  if (error instanceof VersionMismatch) return new HttpProblem(412, 'version-mismatch', error.message);
  if (error instanceof IdempotencyKeyReused) return new HttpProblem(409, 'idempotency-key-reused', error.message);
  if (error instanceof ConcurrencyExhausted) return new HttpProblem(409, 'concurrent-update', error.message);
  if (error instanceof MissingConfiguration) {
    logger.error('configuration missing', { error });
    return new HttpProblem(500, error.slug, error.publicDetail);
  }
  if (error instanceof CorruptStoredEvent) {
    logger.error('corrupt stored event', { error });
    return new HttpProblem(500, 'corrupt-stored-event', error.message);
  }
  logger.error('unhandled error', { error: error as Error });
  return new HttpProblem(500, 'internal-error', 'something went wrong on our side; it has been logged');
};

export const errorResponse = (error: unknown): APIGatewayProxyStructuredResultV2 =>
  problemResponse(toHttpProblem(error));
