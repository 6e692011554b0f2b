import { Redis } from "ioredis";
import type { Logger } from "../subgraphs/lib/logger";
import { LruMap } from "../subgraphs/lib/lru";

/**
 * Where the gateway keeps cached responses and automatic persisted queries: strings by key, each
 * with a time to live. A store never throws: one that cannot answer (Redis down) misses and drops
 * writes, so a cache outage costs speed, never a request.
 */
export interface CacheStore {
  /** "memory" (this process) or "redis" (shared by every gateway pointed at it). */
  readonly kind: "memory" | "redis";
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
  close(): Promise<void>;
}

/** A bounded in-process LRU of strings; expired entries are dropped when read. */
export class MemoryStore implements CacheStore {
  readonly kind = "memory";
  private readonly entries: LruMap<{ value: string; expiresAt: number }>;

  constructor(maxEntries: number) {
    this.entries = new LruMap(maxEntries);
  }

  async get(key: string): Promise<string | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > Date.now()) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    this.entries.set(key, { value, expiresAt: Date.now() + ttlSeconds * 1000 });
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  /** Entries held now (expired ones included until read). */
  get size(): number {
    return this.entries.size;
  }

  async close(): Promise<void> {
    this.entries.clear();
  }
}

/** How long a Redis command may take before the cache gives up on it and misses. */
const REDIS_COMMAND_TIMEOUT_MS = 500;

/**
 * Redis shared by every gateway pointed at it (ioredis), keys under `prefix`. Commands are never
 * queued while the connection is down (`enableOfflineQueue: false`) and time out after
 * REDIS_COMMAND_TIMEOUT_MS, so a dead or hung Redis makes requests miss at once; ioredis keeps
 * reconnecting in the background. One log line when Redis goes away, one when it is back.
 */
export class RedisStore implements CacheStore {
  readonly kind = "redis";
  private readonly redis: Redis;
  private down = false;

  constructor(
    url: string,
    prefix: string,
    private readonly logger: Logger,
    private readonly onError: () => void = () => undefined,
  ) {
    this.redis = new Redis(url, {
      keyPrefix: prefix,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
      connectTimeout: 2000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
    });
    this.redis.on("error", (error: Error) => this.failed(error));
    this.redis.on("ready", () => {
      if (!this.down) return;
      this.down = false;
      this.logger.info("Redis answers again: the response cache is shared again");
    });
  }

  private failed(error: unknown): void {
    this.onError();
    if (this.down) return;
    this.down = true;
    this.logger.warn(
      { err: error },
      "Redis is unavailable: the response cache misses (every request runs) until it is back; requests are not affected otherwise",
    );
  }

  async get(key: string): Promise<string | undefined> {
    try {
      return (await this.redis.get(key)) ?? undefined;
    } catch (error) {
      this.failed(error);
      return undefined;
    }
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    try {
      await this.redis.set(key, value, "EX", ttlSeconds);
    } catch (error) {
      this.failed(error);
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await this.redis.del(key);
    } catch (error) {
      this.failed(error);
    }
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}

/** The shape of Apollo Server's `KeyValueCache` (from `@apollo/utils.keyvaluecache`), for `persistedQueries.cache`. */
export interface StringKeyValueCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, options?: { ttl?: number | null }): Promise<void>;
  delete(key: string): Promise<boolean | void>;
}

/**
 * A store as Apollo Server's `KeyValueCache`, so automatic persisted queries live in the same store
 * as responses (Apollo Server prefixes their keys with `apq:`). A missing TTL becomes `ttlSeconds`:
 * nothing in Redis lives forever.
 */
export function keyValueCache(store: CacheStore, ttlSeconds: number): StringKeyValueCache {
  return {
    get: (key) => store.get(key),
    set: (key, value, options) => store.set(key, value, options?.ttl ? Math.ceil(options.ttl) : ttlSeconds),
    delete: (key) => store.delete(key),
  };
}
