import { Logger } from '@aws-lambda-powertools/logger';

/** Structured JSON logs, one logger for the whole service (POWERTOOLS_LOG_LEVEL sets the level). */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'handshake' });
