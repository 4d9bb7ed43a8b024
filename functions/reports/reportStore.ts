import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';

export interface StoredReport {
  body: string;
  contentType: string;
}

/** Where issued reports are kept: S3 on AWS, a folder on the local stack. */
export interface ReportStore {
  put(key: string, report: StoredReport): Promise<void>;
  get(key: string): Promise<StoredReport | null>;
}

const contentTypes: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

/** The local stack's reports, as files a person can open. */
export class FolderReportStore implements ReportStore {
  constructor(private readonly folder: string) {}

  private pathOf(key: string): string {
    const relative = normalize(key);
    if (relative.startsWith('..') || relative.startsWith('/')) throw new Error(`report key ${key} leaves the reports folder`);
    return join(this.folder, relative);
  }

  async put(key: string, report: StoredReport): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, report.body, 'utf-8');
  }

  async get(key: string): Promise<StoredReport | null> {
    try {
      const body = await readFile(this.pathOf(key), 'utf-8');
      return { body, contentType: contentTypes[key.slice(key.lastIndexOf('.'))] ?? 'application/octet-stream' };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
}
