import { parseArgs } from 'node:util';
import { Role } from '../../domain/roles.ts';
import { mintDevToken } from '../local/devSigningKey.ts';
import { brief, briefUsage } from './briefCommands.ts';
import { eventsTail, eventsTailUsage } from './eventsTail.ts';
import { incentiveUsage, monthsClose, payoutsShow } from './incentiveCommands.ts';
import { npsImport, npsImportUsage } from './npsImport.ts';
import { projectionsRebuild } from './projectionsRebuild.ts';
import { usageLineOf } from './usageLine.ts';
import { capacityShow, promiseCheck, promiseDeskUsage } from './promiseDeskCommands.ts';

const usage = `Usage: npx handshake <command>

Commands:
  token --role <role> [--role <role>...] --sub <person-id> [--ttl 12h]
      Print a development token for the local stack (roles: admin, leadership, sales, ops).
${eventsTailUsage}
${npsImportUsage}
${incentiveUsage}
${promiseDeskUsage}
${briefUsage}
  projections rebuild [--aws]
      Replay every event from the events table into a fresh generation of the projections,
      switch reads to it, then project what landed meanwhile (local stack unless --aws).
`;

const token = async (args: string[]): Promise<void> => {
  const { values } = parseArgs({
    args,
    options: { role: { type: 'string', multiple: true }, sub: { type: 'string' }, ttl: { type: 'string' } },
  });
  const roles = (values.role ?? []).flatMap((value) => value.split(','));
  const invalid = roles.filter((role) => !Role.safeParse(role).success);
  if (roles.length === 0 || invalid.length > 0 || !values.sub) {
    throw new Error(
      invalid.length ? `unknown role ${invalid.join(', ')}; use admin, leadership, sales or ops` : 'give --role and --sub',
    );
  }
  console.log(await mintDevToken({ sub: values.sub, roles: roles as Role[], ttl: values.ttl }));
};

const events = async ([subcommand, ...args]: string[]): Promise<void> => {
  if (subcommand !== 'tail') throw new Error(subcommand ? `unknown events command "${subcommand}"` : 'say `events tail`');
  await eventsTail(args);
};

const projections = async ([subcommand, ...args]: string[]): Promise<void> => {
  if (subcommand !== 'rebuild') throw new Error(subcommand ? `unknown projections command "${subcommand}"` : 'say `projections rebuild`');
  await projectionsRebuild(args);
};

const nps = async ([subcommand, ...args]: string[]): Promise<void> => {
  if (subcommand !== 'import') throw new Error(subcommand ? `unknown nps command "${subcommand}"` : 'say `nps import FILE.csv`');
  await npsImport(args);
};

const months = async ([subcommand, ...args]: string[]): Promise<void> => {
  if (subcommand !== 'close') throw new Error(subcommand ? `unknown months command "${subcommand}"` : 'say `months close YYYY-MM`');
  await monthsClose(args);
};

const payouts = async ([subcommand, ...args]: string[]): Promise<void> => {
  if (subcommand !== 'show') throw new Error(subcommand ? `unknown payouts command "${subcommand}"` : 'say `payouts show YYYY-MM`');
  await payoutsShow(args);
};

const capacity = async ([subcommand, ...args]: string[]): Promise<void> => {
  if (subcommand !== 'show') throw new Error(subcommand ? `unknown capacity command "${subcommand}"` : 'say `capacity show OPS-TEAM`');
  await capacityShow(args);
};

const promise = async ([subcommand, ...args]: string[]): Promise<void> => {
  if (subcommand !== 'check') throw new Error(subcommand ? `unknown promise command "${subcommand}"` : 'say `promise check DEAL.json`');
  await promiseCheck(args);
};

const commands: Record<string, (args: string[]) => Promise<void>> = { token, events, projections, nps, months, payouts, capacity, promise, brief };

const [name, ...rest] = process.argv.slice(2);
const command = name ? commands[name] : undefined;
if (!command) {
  process.stdout.write(usage);
  process.exit(name && name !== 'help' && name !== '--help' ? 2 : 0);
}
command(rest).catch((error: unknown) => {
  console.error(`handshake ${name}: ${(error as Error).message}\n${usageLineOf(usage, name!, rest[0])}`);
  process.exit(2);
});
