import { App } from 'aws-cdk-lib';
import * as z from '../domain/zod.ts';
import { HandshakeStack } from './handshakeStack.ts';

/** A list in cdk.json, or comma-separated on the command line (`-c alarmEmails=a@x.com,b@x.com`). */
const listOf = (item: z.ZodMiniType<string, string>) =>
  z.pipe(
    z.pipe(
      z.optional(z.union([z.array(z.string()), z.string()])),
      z.transform((value) => (typeof value === 'string' ? value.split(',') : (value ?? [])).map((entry) => entry.trim()).filter(Boolean)),
    ),
    z.array(item),
  );

/** What a deployer sets (cdk.json `context`, or `-c name=value`); see the README's deployment notes. */
const DeployContext = z.object({
  timeZone: z._default(z.string(), 'UTC'),
  currency: z._default(z.string(), 'USD'),
  alarmEmails: listOf(z.email()),
  corsOrigins: listOf(z.url({ protocol: /^https?$/ })),
});

// CDK core announces every asset it bundles ("Bundling asset <path>...") on stderr, which the CLI
// shows as an error line even with -q. That one line is dropped; everything else on stderr passes.
const writeStderr = process.stderr.write.bind(process.stderr);
process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) =>
  /^Bundling asset \S+\.\.\.\n?$/.test(String(chunk)) ? true : writeStderr(chunk, ...rest)) as typeof process.stderr.write;

const app = new App();
const parsed = DeployContext.safeParse({
  timeZone: app.node.tryGetContext('timeZone'),
  currency: app.node.tryGetContext('currency'),
  alarmEmails: app.node.tryGetContext('alarmEmails'),
  corsOrigins: app.node.tryGetContext('corsOrigins'),
});
if (!parsed.success) throw new Error(`invalid context: ${z.prettifyError(parsed.error)}`);

// No `env`: the stack is environment-agnostic, so synth needs no credentials and no lookups,
// and the same template deploys to whichever account and region the CLI is pointed at.
new HandshakeStack(app, 'Handshake', {
  description: 'Handshake: promise-kept accountability for sales and operations',
  ...parsed.data,
});

app.synth();
