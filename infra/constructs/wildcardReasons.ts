import { Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * A CloudFormation value (a string or an intrinsic) written as cdk-nag names it in a finding:
 * `Ref` as `<Id>`, `Fn::GetAtt` as `<Id.Attr>`, `Fn::Join` joined, `${...}` of `Fn::Sub` as `<...>`.
 * The same spelling is used to record a reason and, in test/infra, to look one up.
 */
export const flattenReference = (value: unknown): string => {
  if (value === undefined) return '';
  if (typeof value === 'string') return value.replace(/\$\{/g, '<').replace(/\}/g, '>');
  const node = value as Record<string, unknown>;
  if (node['Fn::Join']) {
    const [delimiter, items] = node['Fn::Join'] as [string, unknown[]];
    return items.map(flattenReference).join(delimiter);
  }
  if (node['Fn::Sub']) return flattenReference(node['Fn::Sub']);
  if (node['Fn::GetAtt']) {
    const [resource, attribute] = node['Fn::GetAtt'] as [unknown, unknown];
    return `<${flattenReference(resource)}.${flattenReference(attribute)}>`;
  }
  if (node['Fn::ImportValue']) return flattenReference(node['Fn::ImportValue']);
  if (node.Ref) return `<${flattenReference(node.Ref)}>`;
  return JSON.stringify(value);
};

/** The id under which a wildcard in an IAM statement is acknowledged (cdk-nag's AwsSolutions-IAM5 finding). */
export const wildcardFindingId = (kind: 'Action' | 'Resource', flattened: string): string => `AwsSolutions-IAM5[${kind}::${flattened}]`;

/**
 * Records why a wildcard in the policies of `principal` (a role, or a construct above it) is
 * needed. The reason travels with the construct: cdk-nag accepts the finding because of it, and
 * the least-privilege test finds it in the template's metadata. `value` may be a token (an ARN).
 */
export const recordWildcardReason = (principal: IConstruct, kind: 'Action' | 'Resource', value: string, reason: string): void => {
  const flattened = flattenReference(Stack.of(principal).resolve(value));
  Validations.of(principal).acknowledge({ id: wildcardFindingId(kind, flattened), reason });
};
