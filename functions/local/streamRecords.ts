import type { _Record as StreamsRecord, AttributeValue as StreamsAttributeValue } from '@aws-sdk/client-dynamodb-streams';
import type { AttributeValue as LambdaAttributeValue, DynamoDBRecord } from 'aws-lambda';

const toLambdaAttribute = (value: StreamsAttributeValue): LambdaAttributeValue => {
  const v = value as unknown as Record<string, unknown>;
  const base64 = (bytes: unknown) => Buffer.from(bytes as Uint8Array).toString('base64');
  if (v.B !== undefined) return { B: base64(v.B) };
  if (v.BS !== undefined) return { BS: (v.BS as unknown[]).map(base64) };
  if (v.M !== undefined) return { M: toLambdaImage(v.M as Record<string, StreamsAttributeValue>) };
  if (v.L !== undefined) return { L: (v.L as StreamsAttributeValue[]).map(toLambdaAttribute) };
  return value as LambdaAttributeValue; // S, N, BOOL, NULL, SS, NS are JSON already
};

const toLambdaImage = (image: Record<string, StreamsAttributeValue>): Record<string, LambdaAttributeValue> =>
  Object.fromEntries(Object.entries(image).map(([name, value]) => [name, toLambdaAttribute(value)]));

/**
 * A record as Lambda's event source mapping hands it to the function: binary attributes in base64,
 * the creation time in epoch seconds, the stream's ARN and the function's region.
 */
export const toLambdaRecord = (record: StreamsRecord, streamArn: string, region: string): DynamoDBRecord => {
  const stream = record.dynamodb ?? {};
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: region,
    dynamodb: {
      ...(stream.ApproximateCreationDateTime
        ? { ApproximateCreationDateTime: Math.floor(stream.ApproximateCreationDateTime.getTime() / 1000) }
        : {}),
      Keys: toLambdaImage(stream.Keys ?? {}),
      ...(stream.NewImage ? { NewImage: toLambdaImage(stream.NewImage) } : {}),
      ...(stream.OldImage ? { OldImage: toLambdaImage(stream.OldImage) } : {}),
      SequenceNumber: stream.SequenceNumber,
      SizeBytes: stream.SizeBytes,
      StreamViewType: stream.StreamViewType,
    },
    eventSourceARN: streamArn,
  };
};
