import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { MissingConfiguration, webhookSecretArnEnv, webhookSecretEnv } from '../config.ts';

export type NpsProviderName = 'delighted' | 'typeform';

/** The webhook secret is not configured: a deployment fault, never the caller's. */
export class WebhookSecretMissing extends MissingConfiguration {
  constructor(provider: NpsProviderName) {
    super(
      'webhook-secret-missing',
      `no ${provider} webhook secret is configured (${webhookSecretEnv(provider)} or ${webhookSecretArnEnv(provider)})`,
      'this webhook is not configured on our side',
    );
    this.name = 'WebhookSecretMissing';
  }
}

/**
 * A provider's signing secret: from the environment on the local stack, from Secrets Manager on AWS
 * (by ARN, cached for five minutes by Powertools so a webhook burst costs one lookup).
 */
export const webhookSecret = async (provider: NpsProviderName, env: NodeJS.ProcessEnv = process.env): Promise<string> => {
  const direct = env[webhookSecretEnv(provider)];
  if (direct) return direct;
  const arn = env[webhookSecretArnEnv(provider)];
  if (arn) {
    const secret = await getSecret(arn, { maxAge: 300 });
    if (typeof secret === 'string' && secret.length > 0) return secret;
  }
  throw new WebhookSecretMissing(provider);
};
