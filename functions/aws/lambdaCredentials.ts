import { fromEnv } from '@aws-sdk/credential-provider-env';
import type { defaultProvider as sdkDefaultProvider } from '@aws-sdk/credential-provider-node';

/**
 * The credential chain every bundled function uses in place of the SDK's default one: the Lambda
 * bundle aliases `@aws-sdk/credential-provider-node` to this module (infra/constructs/lambdaBundling.ts).
 *
 * Lambda hands a function its role's credentials in the environment, the default chain's first link,
 * so on Lambda the rest of the chain (profiles, SSO, web identity, process, container and instance
 * metadata) never answers. Those links and the STS and SSO clients they carry are about 135 KB that
 * every cold start would parse for nothing. Outside a bundle (the local stack, the CLI, the tests)
 * the SDK keeps its whole chain.
 */
export const defaultProvider: typeof sdkDefaultProvider = (init = {}) => fromEnv(init);
