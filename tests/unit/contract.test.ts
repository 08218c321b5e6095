import { describe, expect, it } from 'vitest';
import { createBridge, createClient } from '../../shared/api/client';
import { type CollateBridge, type Handlers, methodNames } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';

describe('what is derived from the contract', () => {
  it('builds the bridge and the client with exactly one function per method, nested by namespace', async () => {
    const calls: string[] = [];
    const bridge = createBridge(async (m) => (calls.push(m), { ok: true, value: m }), { on: () => () => undefined });
    const exposed = Object.entries(bridge)
      .filter(([ns]) => ns !== 'events')
      .flatMap(([ns, fns]) => Object.keys(fns as object).map((f) => `${ns}.${f}`));
    expect(exposed.sort()).toEqual([...methodNames].sort());
    expect(await bridge.sources.list({})).toEqual({ ok: true, value: 'sources.list' });

    const client = createClient(async (m) => (m === 'sources.get' ? { ok: false, error: { code: 'not_found', message: 'gone' } } : { ok: true, value: 1 }));
    expect(await client.library.info({})).toBe(1);
    const err = await client.sources.get({ id: 1 }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'not_found', message: 'gone' });
  });

  it('does not compile when a side misses a method (checked by npm run typecheck)', () => {
    // @ts-expect-error a handler table without every method is a type error
    const partial: Handlers = { 'library.info': () => ({}) };
    // @ts-expect-error a bridge namespace without its methods is a type error
    const bridge: CollateBridge = { sources: {}, events: { on: () => () => undefined } };
    expect(partial && bridge).toBeTruthy();
  });
});
