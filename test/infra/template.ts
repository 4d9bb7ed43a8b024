import { readFileSync } from 'node:fs';

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
