import { SingleBar } from 'cli-progress';

/**
 * A progress bar on the terminal's stderr, drawn only when stderr is a terminal: piped into a file or
 * another program, a bar's redraws are noise, and the command's own summary says what happened.
 */
export const progressBar = (format: string, stream: NodeJS.WriteStream = process.stderr): SingleBar =>
  new SingleBar({ format, stream, barCompleteChar: '#', barIncompleteChar: '.', noTTYOutput: false, hideCursor: true });

/** What is left, in words; before anything is done there is no rate to judge by. */
export const timeLeft = (done: number, total: number, perSecond: number): string => {
  if (done >= total) return 'done';
  if (done === 0 || !(perSecond > 0)) return 'estimating';
  const seconds = Math.ceil((total - done) / perSecond);
  return seconds >= 60 ? `${Math.floor(seconds / 60)} min ${seconds % 60} s left` : `${seconds} s left`;
};
