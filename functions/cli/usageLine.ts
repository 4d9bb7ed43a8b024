/**
 * The one line of the usage text that says how to call the command that failed (its subcommand's line
 * when there is one), so an error is followed by the help it needs rather than every command's.
 */
export const usageLineOf = (usage: string, command: string, subcommand?: string): string => {
  const lines = usage.split('\n').map((line) => line.trim());
  const line =
    (subcommand && lines.find((candidate) => candidate.startsWith(`${command} ${subcommand} `) || candidate === `${command} ${subcommand}`)) ||
    lines.find((candidate) => candidate.startsWith(`${command} `) || candidate === command);
  return line ? `usage: npx handshake ${line}   (npx handshake help: every command)` : 'npx handshake help: every command';
};
