import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import { GetObjectCommand, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';

export interface StoredReport {
  body: string;
  contentType: string;
}

/** Where issued reports are kept: S3 on AWS, a folder on the local stack. */
export interface ReportStore {
  put(key: string, report: StoredReport): Promise<void>;
  get(key: string): Promise<StoredReport | null>;
}

export class S3ReportStore implements ReportStore {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async put(key: string, report: StoredReport): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: report.body, ContentType: report.contentType }));
  }

  async get(key: string): Promise<StoredReport | null> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return { body: (await object.Body?.transformToString('utf-8')) ?? '', contentType: object.ContentType ?? 'application/octet-stream' };
    } catch (error) {
      if (error instanceof NoSuchKey) return null;
      throw error;
    }
  }
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
