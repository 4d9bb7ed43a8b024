import { RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { Role } from '../../domain/roles.ts';

/**
 * Who may call the API. Cognito puts a user's groups in the `cognito:groups` claim; the handlers
 * read that as well as `roles`, so a group per role is all the mapping needed.
 */
export class Identity extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.userPool = new cognito.UserPool(this, 'UserPool', {
      // Staff accounts are issued by an administrator; strangers must not be able to sign up
      // and then ask for a role.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      // These accounts see payouts and statements: let people protect them with an authenticator app.
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      // People and their group memberships are not in the event log, so they cannot be rebuilt.
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // Taken from the domain's role enum so a new role cannot exist in code but not in Cognito.
    for (const role of Role.options) {
      new cognito.UserPoolGroup(this, `Group-${role}`, {
        userPool: this.userPool,
        groupName: role,
      });
    }

    this.client = this.userPool.addClient('ApiClient', {
      // A public client (browser, CLI): a secret could not be kept there.
      generateSecret: false,
      authFlows: { userSrp: true },
      // No hosted sign-in domain exists, so the OAuth flows CDK enables by default (including the
      // implicit grant) would be dead weight and an attack surface.
      disableOAuth: true,
      preventUserExistenceErrors: true,
    });
  }
}
