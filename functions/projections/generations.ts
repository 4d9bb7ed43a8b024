import { GetItemCommand, UpdateItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { generationPointerKey as POINTER } from './projectionKeys.ts';
import { projectionsTable as T } from './projectionsTable.ts';

/**
 * Which generation of the projections reads and live projection use. A rebuild fills the next
 * generation beside the live one and then moves this pointer; remembered briefly to keep reads cheap.
 */
export class ActiveGeneration {
  private cached: { generation: number; until: number } | undefined;

  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
    readonly ttlMs = 5_000,
    private readonly clock: () => number = Date.now,
  ) {}

  async current(): Promise<number> {
    if (this.cached && this.cached.until > this.clock()) return this.cached.generation;
    const { Item } = await this.client.send(new GetItemCommand({ TableName: this.tableName, Key: POINTER, ConsistentRead: true }));
    const generation = Number(Item?.[T.activeGeneration]?.N ?? 1);
    this.cached = { generation, until: this.clock() + this.ttlMs };
    return generation;
  }

  /**
   * Claims a generation never used before for a rebuild to fill, so a rebuild that died half-way
   * never leaves its partial items where the next one writes.
   */
  async claimNext(): Promise<number> {
    const { Attributes } = await this.client.send(
      new UpdateItemCommand({
        TableName: this.tableName,
        Key: POINTER,
        UpdateExpression: 'SET #h = if_not_exists(#h, if_not_exists(#g, :one)) + :one',
        ExpressionAttributeNames: { '#g': T.activeGeneration, '#h': T.claimedGeneration },
        ExpressionAttributeValues: { ':one': { N: '1' } },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return Number(Attributes![T.claimedGeneration]!.N);
  }

  async switchTo(generation: number): Promise<void> {
    await this.client.send(
      new UpdateItemCommand({
        TableName: this.tableName,
        Key: POINTER,
        UpdateExpression: 'SET #g = :g',
        ExpressionAttributeNames: { '#g': T.activeGeneration },
        ExpressionAttributeValues: { ':g': { N: String(generation) } },
      }),
    );
    this.cached = { generation, until: this.clock() + this.ttlMs };
  }
}
