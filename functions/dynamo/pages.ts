import type { AttributeValue } from '@aws-sdk/client-dynamodb';

type Item = Record<string, AttributeValue>;

/** One page of a Query or Scan: its items and where the next page starts. */
export interface Page {
  Items?: Item[];
  LastEvaluatedKey?: Item;
}

/**
 * Every page of a paginated Query or Scan, in order: `read` is called with the key the previous page
 * stopped at (undefined for the first) until DynamoDB says there is no more.
 */
export async function* pagesOf(read: (startKey: Item | undefined) => Promise<Page>): AsyncGenerator<Item[]> {
  let startKey: Item | undefined;
  do {
    const page = await read(startKey);
    yield page.Items ?? [];
    startKey = page.LastEvaluatedKey;
  } while (startKey);
}

/** Every item of a paginated Query or Scan, all pages read. */
export const allItemsOf = async (read: (startKey: Item | undefined) => Promise<Page>): Promise<Item[]> => {
  const items: Item[] = [];
  for await (const page of pagesOf(read)) items.push(...page);
  return items;
};
