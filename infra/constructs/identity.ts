import { Duration, RemovalPolicy } from 'aws-cdk-lib';
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
      // Admins close months and read the payroll file; everyone sees pay. A password alone is not
      // enough: every account signs in with an authenticator app (TOTP). Not SMS, which SIM
      // swapping defeats and which costs per message.
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      // Stated rather than inherited from Cognito's defaults, so a review reads it here.
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // Plus: compromised-credential checks and adaptive authentication, enforced (not audit-only).
      // A staff pool is a few hundred monthly users at most; the per-user price is small next to a
      // stolen admin account closing a month.
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
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
