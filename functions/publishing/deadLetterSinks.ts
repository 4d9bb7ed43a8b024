import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { DeadLetter, DeadLetterSink } from './domainEventPublisher.ts';

/**
 * On AWS: one SQS message per dead letter. SendMessage rather than SendMessageBatch, because a batch
 * can fail part-way like PutEvents does, and this path only runs when something is already wrong.
 */
export const sqsDeadLetterSink = (sqs: SQSClient, queueUrl: string): DeadLetterSink => ({
  async send(letters) {
    for (const letter of letters) {
      await sqs.send(
        new SendMessageCommand({
          QueueUrl: queueUrl,
          MessageBody: JSON.stringify(letter),
          MessageAttributes: {
            eventType: { DataType: 'String', StringValue: letter.type },
            errorCode: { DataType: 'String', StringValue: letter.errorCode },
          },
        }),
      );
    }
  },
});

/** Locally: one JSON line per dead letter, appended to a file. */
export const jsonLinesDeadLetterSink = (file: string): DeadLetterSink => ({
  async send(letters: DeadLetter[]) {
    await mkdir(dirname(file), { recursive: true });
    await appendFile(file, letters.map((letter) => `${JSON.stringify(letter)}\n`).join(''));
  },
});
