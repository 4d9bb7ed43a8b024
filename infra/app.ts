import { App } from 'aws-cdk-lib';
import { HandshakeStack } from './handshakeStack.ts';

const app = new App();

// No `env`: the stack is environment-agnostic, so synth needs no credentials and no lookups,
// and the same template deploys to whichever account and region the CLI is pointed at.
new HandshakeStack(app, 'Handshake', {
  description: 'Handshake: promise-kept accountability for sales and operations',
  timeZone: String(app.node.tryGetContext('timeZone') ?? 'UTC'),
});

app.synth();
