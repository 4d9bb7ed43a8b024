import { App, Aspects, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { WriteNagSuppressionsToCloudFormationAspect } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { HandshakeStack } from '../../infra/handshakeStack.ts';
import { flattenReference, recordWildcardReason, wildcardFindingId } from '../../infra/constructs/wildcardReasons.ts';
import { type Resource, templateOnlyApp } from './template.ts';

type PolicyStatement = { Effect: string; Action?: string | string[]; NotAction?: unknown; Resource?: unknown; NotResource?: unknown };
type Wildcard = { resource: string; finding: string };

/** The identity policies a resource carries: a policy's own document, or a role's, user's or group's inline ones. */
const documentsOf = (resource: Resource): { Statement: PolicyStatement[] }[] => {
  const properties = resource.Properties ?? {};
  switch (resource.Type) {
    case 'AWS::IAM::Policy':
    case 'AWS::IAM::ManagedPolicy':
      return [properties.PolicyDocument as { Statement: PolicyStatement[] }];
    case 'AWS::IAM::Role':
    case 'AWS::IAM::User':
    case 'AWS::IAM::Group':
      return ((properties.Policies as { PolicyDocument: { Statement: PolicyStatement[] } }[] | undefined) ?? []).map(
        (policy) => policy.PolicyDocument,
      );
    default:
      return [];
  }
};

/**
 * Walks every IAM statement of a synthesised template and lists each wildcard (an action or
 * resource with `*`, or a NotAction/NotResource) whose resource records no reason for it.
 */
const unexplainedWildcards = (template: Record<string, unknown>): Wildcard[] => {
  const resources = (template.Resources ?? {}) as Record<string, Resource & { Metadata?: Record<string, unknown> }>;
  const unexplained: Wildcard[] = [];
  for (const [id, resource] of Object.entries(resources)) {
    const reasons = new Map(
      ((resource.Metadata?.cdk_nag as { rules_to_suppress?: { id: string; reason: string }[] } | undefined)?.rules_to_suppress ?? []).map(
        (rule) => [rule.id, rule.reason],
      ),
    );
    for (const document of documentsOf(resource)) {
      for (const statement of document.Statement) {
        if (statement.Effect !== 'Allow') continue;
        const findings = [
          ...[statement.Action ?? []].flat().filter((action) => action.includes('*')).map((action) => wildcardFindingId('Action', action)),
          ...[statement.Resource ?? []]
            .flat()
            .map(flattenReference)
            .filter((arn) => arn.includes('*'))
            .map((arn) => wildcardFindingId('Resource', arn)),
          ...(statement.NotAction ? ['NotAction'] : []),
          ...(statement.NotResource ? ['NotResource'] : []),
        ];
        for (const finding of findings) {
          if (!reasons.get(finding)?.trim()) unexplained.push({ resource: id, finding });
        }
      }
    }
  }
  return unexplained;
};

/**
 * The template with every recorded reason written into its resources' metadata (cdk-nag's v2
 * format). Only the reasons are written: whether a wildcard is acceptable is this walk's verdict,
 * not cdk-nag's.
 */
const templateWithReasons = (app: App, stack: Stack) => {
  Aspects.of(app).add(new WriteNagSuppressionsToCloudFormationAspect());
  return Template.fromStack(stack).toJSON();
};

describe('given the synthesised Handshake template', () => {
  let template: Record<string, unknown>;

  beforeAll(() => {
    const app = templateOnlyApp();
    const stack = new HandshakeStack(app, 'Handshake', { timeZone: 'UTC' });
    template = templateWithReasons(app, stack);
  }, 120_000);

  it('when every IAM statement is walked, then each wildcard action or resource has a recorded reason', () => {
    expect(unexplainedWildcards(template)).toEqual([]);
  });

  it('when the statements are walked, then the only wildcards are the stream listing, the report objects and the brief objects under briefs/', () => {
    const resources = template.Resources as Record<string, Resource>;
    const wildcards = new Set(
      Object.values(resources)
        .flatMap(documentsOf)
        .flatMap((document) => document.Statement)
        .filter((statement) => statement.Effect === 'Allow')
        .flatMap((statement) => [
          ...[statement.Action ?? []].flat().filter((action) => action.includes('*')),
          ...[statement.Resource ?? []].flat().map(flattenReference).filter((arn) => arn.includes('*')).map((arn) => arn.replace(/<\w+\.Arn>/, '<Arn>')),
        ]),
    );

    expect([...wildcards].sort()).toEqual(['*', '<Arn>/*', '<Arn>/briefs/*']);
  });
});

describe('given a role with a wildcard', () => {
  const synth = (reason?: string) => {
    const app = new App();
    const stack = new Stack(app, 'Probe');
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:Get*'], resources: ['arn:aws:s3:::bucket/*'] }));
    if (reason) {
      recordWildcardReason(role, 'Action', 's3:Get*', reason);
      recordWildcardReason(role, 'Resource', 'arn:aws:s3:::bucket/*', reason);
    }
    return templateWithReasons(app, stack);
  };

  it('when no reason is recorded, then the walk reports the action and the resource', () => {
    expect(unexplainedWildcards(synth()).map(({ finding }) => finding).sort()).toEqual([
      'AwsSolutions-IAM5[Action::s3:Get*]',
      'AwsSolutions-IAM5[Resource::arn:aws:s3:::bucket/*]',
    ]);
  });

  it('when a reason is recorded for both, then the walk reports nothing', () => {
    expect(unexplainedWildcards(synth('A probe: both wildcards are what this test is about.'))).toEqual([]);
  });
});
