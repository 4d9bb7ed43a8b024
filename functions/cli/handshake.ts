import { parseArgs } from 'node:util';
import { Role } from '../../domain/roles.ts';
import { mintDevToken } from '../local/devSigningKey.ts';

const usage = `Usage: npx handshake <command>

Commands:
  token --role <role> [--role <role>...] --sub <person-id> [--ttl 12h]
      Print a development token for the local stack (roles: admin, leadership, sales, ops).
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

const commands: Record<string, (args: string[]) => Promise<void>> = { token };

const [name, ...rest] = process.argv.slice(2);
const command = name ? commands[name] : undefined;
if (!command) {
  process.stdout.write(usage);
  process.exit(name && name !== 'help' && name !== '--help' ? 2 : 0);
}
command(rest).catch((error: unknown) => {
  console.error(`handshake ${name}: ${(error as Error).message}\n\n${usage}`);
  process.exit(2);
});
