import { describe, expect, it } from 'vitest';
import { record, redo, sealLast, undo } from '../../renderer/features/annotations/history';

describe('annotation undo history', () => {
  it('undoes and redoes steps in order, merges a note typed in one sitting, and forgets redo after a new edit', async () => {
    const log: string[] = [];
    const step = (name: string, mergeKey?: string) => ({
      label: name,
      mergeKey,
      undo: async () => void log.push(`undo ${name}`),
      redo: async () => void log.push(`redo ${name}`),
    });
    record(step('create'));
    record(step('note 1', 'note-1'));
    record(step('note 2', 'note-1'));
    sealLast();
    record(step('note 3', 'note-1'));

    expect(await undo()).toBe('note 3');
    // The two saves of one sitting undo together, back to before the first.
    expect(await undo()).toBe('note 2');
    expect(log).toEqual(['undo note 3', 'undo note 1']);
    expect(await redo()).toBe('note 2');
    expect(log.at(-1)).toBe('redo note 2');

    record(step('delete'));
    expect(await redo()).toBeNull();
    expect(await undo()).toBe('delete');
    expect(await undo()).toBe('note 2');
    expect(await undo()).toBe('create');
    expect(await undo()).toBeNull();
  });

  it('keeps a step that failed to replay out of the stack and says why', async () => {
    record({ label: 'delete', undo: () => Promise.reject(new Error('That item is no longer in the trash.')), redo: async () => undefined });
    await expect(undo()).rejects.toThrow('Could not undo “delete”: That item is no longer in the trash.');
  });
});
