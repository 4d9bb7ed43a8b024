import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { HandshakeStack } from '../../infra/handshakeStack.ts';
import { templateOnlyApp } from './template.ts';

/** The app as deployed, checked by the AwsSolutions pack; synth throws the report on any finding. */
const synthWithAwsSolutions = (props: Partial<ConstructorParameters<typeof HandshakeStack>[2]> = {}) => {
  const app = templateOnlyApp();
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const stack = new HandshakeStack(app, 'Handshake', { timeZone: 'UTC', ...props });
  return { app, stack };
};

/** Every acknowledgment recorded anywhere in the construct tree, with its reason. */
const acknowledgmentsOf = (app: App): { path: string; id: string; reason: string }[] =>
  app.node
    .findAll()
    .flatMap((construct) =>
      construct.node.metadata
        .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
        .flatMap((entry) => Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({ path: construct.node.path, id, reason }))),
    );

describe('given the Handshake app checked by cdk-nag AwsSolutions', () => {
  it('when synthesised, then there is no unacknowledged error or warning', () => {
    const { app } = synthWithAwsSolutions();

    expect(() => app.synth()).not.toThrow();
  }, 120_000);

  it('when synthesised with alarm e-mails and CORS origins, then there is still none', () => {
    const { app } = synthWithAwsSolutions({ alarmEmails: ['ops@example.com'], corsOrigins: ['https://app.example.com'] });

    expect(() => app.synth()).not.toThrow();
  }, 120_000);

  it('when its acknowledgments are read, then each is on a named resource, not the stack or app, with a reason a reviewer can check', () => {
    const { app } = synthWithAwsSolutions();

    const acknowledged = acknowledgmentsOf(app);

    expect(acknowledged.length).toBeGreaterThan(0);
    for (const { path, id, reason } of acknowledged) {
      expect(path.split('/').length, `${id} at ${path}`).toBeGreaterThan(1);
      expect(reason.length, `${id} at ${path}`).toBeGreaterThan(60);
    }
  });

  it('when its acknowledgments are read, then none waives the findings the issue requires fixed', () => {
    const { app } = synthWithAwsSolutions();

    const ids = acknowledgmentsOf(app).map(({ id }) => id.replace(/^annotation::/i, ''));

    // Server access logs, MFA, password policy, managed policies, runtime and default throttling.
    for (const fixed of ['AwsSolutions-S1', 'AwsSolutions-COG1', 'AwsSolutions-COG2', 'AwsSolutions-L1', 'AwsSolutions-APIG3']) {
      expect(ids).not.toContain(fixed);
    }
    expect(ids.filter((id) => id.startsWith('AwsSolutions-IAM4'))).toEqual([]);
    expect(ids.filter((id) => /IAM5\[Action::s3:(List|GetBucket|Abort|GetObject)\*/.test(id))).toEqual([]);
  });
});
