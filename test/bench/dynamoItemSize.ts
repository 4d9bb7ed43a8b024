import type { AttributeValue } from '@aws-sdk/client-dynamodb';

const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');

/** A number's size as DynamoDB counts it: about one byte per two significant digits, plus one. */
const numberBytes = (digits: string) => Math.ceil(digits.replace(/^[-+]?0*|\.|e.*$/gi, '').length / 2) + 1;

const valueBytes = (value: AttributeValue): number => {
  if (value.S !== undefined) return utf8(value.S);
  if (value.N !== undefined) return numberBytes(value.N);
  if (value.B !== undefined) return value.B.length;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS !== undefined) return value.SS.reduce((sum, s) => sum + utf8(s), 0);
  if (value.NS !== undefined) return value.NS.reduce((sum, n) => sum + numberBytes(n), 0);
  // Maps and lists cost 3 bytes, plus one per element, plus their contents.
  if (value.M !== undefined) return 3 + Object.entries(value.M).reduce((sum, [name, inner]) => sum + 1 + utf8(name) + valueBytes(inner), 0);
  if (value.L !== undefined) return 3 + value.L.reduce((sum, inner) => sum + 1 + valueBytes(inner), 0);
  return 0;
};

/** An item's size by DynamoDB's rules (attribute names count): what a write is billed per 1 KB of. */
export const dynamoItemBytes = (item: Record<string, AttributeValue>): number =>
  Object.entries(item).reduce((sum, [name, value]) => sum + utf8(name) + valueBytes(value), 0);
