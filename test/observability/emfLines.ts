import { vi } from 'vitest';

/** One Embedded Metric Format line: a single metric, its dimensions and its value. */
export interface EmfLine {
  _aws: { Timestamp: number; CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[] };
  [key: string]: unknown;
}

/** What a line says, flattened for assertions: the metric, its value and its dimensions besides `service`. */
export interface EmittedMetric {
  name: string;
  unit: string;
  value: unknown;
  dimensions: Record<string, unknown>;
}

const emitted = (line: EmfLine): EmittedMetric[] =>
  line._aws.CloudWatchMetrics.flatMap(({ Dimensions, Metrics }) =>
    Metrics.map(({ Name, Unit }) => ({
      name: Name,
      unit: Unit,
      value: line[Name],
      dimensions: Object.fromEntries(Dimensions[0]!.filter((dimension) => dimension !== 'service').map((dimension) => [dimension, line[dimension]])),
    })),
  );

/**
 * Every metric the process writes to stdout as EMF while `act` runs (what CloudWatch would read from
 * a Lambda's log), with what `act` answered. Other stdout output passes through untouched.
 */
export const metricsWrittenDuring = async <T>(act: () => Promise<T>): Promise<{ result: T; metrics: EmittedMetric[] }> => {
  const lines: EmfLine[] = [];
  const write = process.stdout.write.bind(process.stdout);
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: never[]) => {
    const text = String(chunk);
    const emf = text
      .split('\n')
      .filter((line) => line.startsWith('{"_aws"'))
      .map((line) => JSON.parse(line) as EmfLine);
    if (emf.length) lines.push(...emf);
    else return write(chunk, ...rest);
    return true;
  }) as typeof process.stdout.write);
  try {
    const result = await act();
    return { result, metrics: lines.flatMap(emitted) };
  } finally {
    spy.mockRestore();
  }
};

/** The metrics of one name, in the order written. */
export const named = (metrics: EmittedMetric[], name: string): EmittedMetric[] => metrics.filter((metric) => metric.name === name);
