import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { NpsProviderName } from '../../functions/nps/webhookSecrets.ts';

/** Every survey tool whose webhook the nps function accepts. */
export const npsProviders = ['delighted', 'typeform'] as const satisfies readonly NpsProviderName[];

/**
 * The variable through which the nps function is told where a provider's signing secret lives.
 * functions/nps/webhookSecrets.ts reads `HANDSHAKE_<PROVIDER>_SECRET_ARN` but does not export the
 * name; test/infra checks the two agree by asking that module what it looked for.
 */
export const webhookSecretArnEnv = (provider: NpsProviderName): string => `HANDSHAKE_${provider.toUpperCase()}_SECRET_ARN`;

const providerTitle: Record<NpsProviderName, { name: string; where: string }> = {
  delighted: { name: 'Delighted', where: "Delighted's webhook settings (it signs X-Delighted-Webhook-Signature)" },
  typeform: { name: 'Typeform', where: "the webhook settings of the Typeform form (it signs Typeform-Signature)" },
};

/**
 * The signing secrets of the NPS providers' webhooks, one Secrets Manager secret each. The webhook
 * routes carry no bearer token: the signature made with this secret is their only authentication.
 */
export class WebhookSecrets extends Construct {
  readonly byProvider: Record<NpsProviderName, secretsmanager.Secret>;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.byProvider = Object.fromEntries(
      npsProviders.map((provider) => {
        const { name, where } = providerTitle[provider];
        const secret = new secretsmanager.Secret(this, `${name}Signing`, {
          description:
            `Handshake: the signing secret of ${name}'s NPS webhook. Replace this generated placeholder with ` +
            `the secret from ${where}; until then every ${name} webhook is refused.`,
          // A random placeholder, never a guessable one: until the operator puts the provider's
          // secret here, nobody (the provider included) can produce a valid signature, so the
          // route fails closed. CloudFormation generates it once, on create, and leaves the value
          // alone afterwards as long as these options stay unchanged; changing them would make an
          // update regenerate it and overwrite the operator's secret.
          generateSecretString: { passwordLength: 48, excludePunctuation: true },
          // The value was put there by hand and exists nowhere else: a stray `cdk destroy` must not
          // break the provider's webhook until someone finds and re-enters it.
          removalPolicy: RemovalPolicy.RETAIN,
        });
        Validations.of(secret).acknowledge({
          id: 'AwsSolutions-SMG4',
          reason:
            `The secret is issued by ${name}, not by AWS: a rotation function could change it here but not in ` +
            `${name}, and the webhook would then fail. It is rotated by hand, in ${name} first and then here, as ` +
            'the deployment notes (README) describe.',
        });
        return [provider, secret];
      }),
    ) as Record<NpsProviderName, secretsmanager.Secret>;
  }
}
