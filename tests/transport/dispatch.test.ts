import { describe, expect, it } from 'vitest';
import { contract, methodNames } from '../../shared/api/contract';
import { dispatch } from '../../shared/api/dispatch';
import { AppError } from '../../shared/api/errors';
import { testLibrary } from '../helpers/library';

describe('the contract and its dispatch loop', () => {
  it('has a handler for every method and no handler that is not in the contract', () => {
    const { library } = testLibrary();
    expect(Object.keys(library.handlers).sort()).toEqual([...methodNames].sort());
    for (const name of methodNames) expect(contract[name].summary.length).toBeGreaterThan(5);
  });

  it('wraps values and errors in the envelope, with codes and readable messages', async () => {
    const { library } = testLibrary();
    expect(await library.call('sources.list', {})).toEqual({ ok: true, value: { items: [], nextCursor: null, total: 0 } });
    expect(await library.call('nope.nothing', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await library.call('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await library.call('sources.get', { id: -1 })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('sources.get') } });
    expect(await library.call('sources.get', { id: 1, extra: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await library.call('sources.get', 'a string')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await library.call('sources.get', { id: 5 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('never lets an unexpected exception escape, and does not leak its details', async () => {
    const boom = { 'library.info': () => { throw new Error('secret path /home/x'); } } as never;
    const env = await dispatch(boom, 'library.info', {});
    expect(env).toEqual({ ok: false, error: { code: 'internal', message: 'Something went wrong inside Collate.' } });
    const typed = { 'library.info': () => { throw new AppError('not_found', 'gone'); } } as never;
    expect(await dispatch(typed, 'library.info', {})).toEqual({ ok: false, error: { code: 'not_found', message: 'gone' } });
  });
});
