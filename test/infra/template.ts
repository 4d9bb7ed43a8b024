import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';

/** A resource of a synthesized CloudFormation template. */
export type Resource = { Type: string; Properties?: Record<string, unknown> };

/** A statement of an IAM policy document, as CDK renders it. */
export type Statement = { Effect: string; Action: string | string[]; Resource: unknown };

/** The context the CLI would pass (cdk.json), so the tests see the feature flags that deploy. */
export const cdkJsonContext = (): Record<string, unknown> => {
  const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
    context?: Record<string, unknown>;
  };
  return cdkJson.context ?? {};
};

/**
 * An app as the CLI would make it, without esbuild: for specs that read only the template
 * (stack.test.ts proves every entry bundles).
 */
export const templateOnlyApp = (): App => new App({ context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [] } });

export const refOf = (value: unknown): string => {
  const ref = (value as { Ref?: unknown } | undefined)?.Ref;
  if (typeof ref !== 'string') throw new Error(`expected a Ref, got ${JSON.stringify(value)}`);
  return ref;
};

/** The logical id in `{ "Fn::GetAtt": [id, attribute] }`. */
export const getAttOf = (value: unknown, attribute: string): string => {
  const getAtt = (value as { 'Fn::GetAtt'?: unknown } | undefined)?.['Fn::GetAtt'];
  if (!Array.isArray(getAtt) || getAtt[1] !== attribute || typeof getAtt[0] !== 'string') {
    throw new Error(`expected Fn::GetAtt ${attribute}, got ${JSON.stringify(value)}`);
  }
  return getAtt[0];
};

/** Every IAM statement attached to the role of the function with logical id `functionId`. */
export const statementsOfFunction = (resources: Record<string, Resource>, functionId: string): Statement[] => {
  const role = getAttOf(resources[functionId]?.Properties?.Role, 'Arn');
  return Object.values(resources)
    .filter((resource) => resource.Type === 'AWS::IAM::Policy')
    .map((policy) => policy.Properties ?? {})
    .filter((properties) => (properties.Roles as unknown[]).some((r) => refOf(r) === role))
    .flatMap((properties) => (properties.PolicyDocument as { Statement: Statement[] }).Statement);
};

/** The actions those statements allow on the resource with logical id `resourceId` (or its indexes). */
export const actionsOn = (statements: readonly Statement[], resourceId: string): string[] =>
  statements
    .filter((statement) => statement.Effect === 'Allow' && JSON.stringify(statement.Resource).includes(`"${resourceId}"`))
    .flatMap((statement) => [statement.Action].flat());

/** The properties of the one EventBridge Scheduler schedule that invokes the function with logical id `functionId`. */
export const scheduleOf = (resources: Record<string, Resource>, functionId: string): Record<string, unknown> => {
  const found = Object.values(resources).filter(
    (resource) =>
      resource.Type === 'AWS::Scheduler::Schedule' && getAttOf((resource.Properties?.Target as { Arn: unknown }).Arn, 'Arn') === functionId,
  );
  if (found.length !== 1) throw new Error(`expected one schedule invoking ${functionId}, found ${found.length}`);
  return found[0]!.Properties ?? {};
};
