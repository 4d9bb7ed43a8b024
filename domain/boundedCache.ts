/**
 * Answers of a pure function kept by key, at most `limit` of them: when full it starts over, so memory
 * stays bounded whatever is asked. An answer never depends on what was asked before, only how fast it comes.
 */
export class BoundedCache<K, V> {
  private readonly answers = new Map<K, V>();

  constructor(
    private readonly limit: number,
    private readonly compute: (key: K) => V,
  ) {}

  /** How many answers are kept now: never more than the limit. */
  get size(): number {
    return this.answers.size;
  }

  get(key: K): V {
    let answer = this.answers.get(key);
    if (answer === undefined) {
      answer = this.compute(key);
      if (this.answers.size >= this.limit) this.answers.clear();
      this.answers.set(key, answer);
    }
    return answer;
  }
}
