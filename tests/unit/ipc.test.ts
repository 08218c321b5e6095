import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { eventNames, methodNames } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/errors';
import { SHELL_CHANNELS } from '../../shared/api/shell';
import { isTrustedSender } from '../../electron/app/shell-policy';
import {
  channelFor,
  EVENT_CHANNEL,
  type WebContentsLike,
  type IpcInvokeEventLike,
  type IpcMainLike,
  registerIpc,
} from '../../electron/transport/ipc';
import { testLibrary } from '../helpers/library';

type Listener = (event: IpcInvokeEventLike, ...args: unknown[]) => unknown;

/** ipcMain as far as registerIpc sees it; like Electron, a second handler on one channel is an error. */
function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
    removeHandler(channel) {
      handlers.delete(channel);
    },
  };
  const invoke = async (channel: string, senderFrame: IpcInvokeEventLike['senderFrame'], input: unknown) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return (await handler({ senderFrame }, input)) as Envelope<unknown>;
  };
  return { ipcMain, handlers, invoke };
}

function fakeWindow(url: string, destroyed = false) {
  const sent: unknown[][] = [];
  const target: WebContentsLike = {
    isDestroyed: () => destroyed,
    send: (...args: unknown[]) => void sent.push(args),
    mainFrame: { url, parent: null },
  };
  return { target, sent };
}

const ourFrame = { url: 'app://collate/index.html', parent: null };

function setup() {
  const { library } = testLibrary();
  const fake = fakeIpcMain();
  const window = fakeWindow('app://collate/index.html');
  const devtools = fakeWindow('devtools://devtools/bundled/devtools_app.html');
  const closed = fakeWindow('app://collate/index.html', true);
  const dispose = registerIpc(fake.ipcMain, library, isTrustedSender, { getAllWebContents: () => [window.target, devtools.target, closed.target] });
  return { library, ...fake, window, devtools, closed, dispose };
}

describe('the IPC transport', () => {
  it('registers exactly one handler per contract method, on channels derived from the contract', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual(methodNames.map(channelFor).sort());
    expect(handlers.size).toBe(methodNames.length);
  });

  it('passes the library envelopes through for calls from our window', async () => {
    const { invoke } = setup();
    const imported = await invoke('collate:sources.importText', ourFrame, { title: 'Minutes', text: 'The council met on Tuesday.' });
    expect(imported).toMatchObject({ ok: true, value: { status: 'imported', title: 'Minutes' } });
    const page = await invoke('collate:sources.list', ourFrame, {});
    expect(page).toMatchObject({ ok: true, value: { total: 1 } });
  });

  it('answers bad input with an error envelope instead of throwing (handle would keep only the message)', async () => {
    const { invoke } = setup();
    const answer = await invoke('collate:sources.importText', ourFrame, { title: '' });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.code).toBe('invalid_input');
    const notAnObject = await invoke('collate:sources.list', ourFrame, 'DROP TABLE sources');
    expect(notAnObject).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses senders that are not the top frame of an app:// page, with a typed error, without calling the library', async () => {
    const { invoke } = setup();
    const untrusted = [
      null,
      { url: 'https://evil.example/', parent: null },
      { url: 'file:///home/user/page.html', parent: null },
      { url: 'devtools://devtools/bundled/devtools_app.html', parent: null },
      { url: 'app://collate.evil/index.html', parent: null },
      { url: 'app://collate/index.html', parent: { url: 'https://evil.example/', parent: null } },
    ];
    for (const frame of untrusted) {
      const answer = await invoke('collate:sources.importText', frame, { title: 'Planted', text: 'Should never be stored.' });
      expect(answer).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
    }
    const page = await invoke('collate:sources.list', ourFrame, {});
    expect(page).toMatchObject({ ok: true, value: { total: 0 } });
  });

  it('forwards library events to our windows only, as (name, payload) on one channel', () => {
    const { library, window, devtools, closed } = setup();
    library.events.emit('menu.command', { command: 'paste-article' });
    expect(window.sent).toEqual([[EVENT_CHANNEL, 'menu.command', { command: 'paste-article' }]]);
    expect(devtools.sent).toEqual([]);
    expect(closed.sent).toEqual([]);
  });

  it('removes its handlers and its event subscription when disposed', () => {
    const { library, handlers, window, dispose } = setup();
    dispose();
    expect(handlers.size).toBe(0);
    library.events.emit('library.changed', { kinds: ['sources'] });
    expect(window.sent).toEqual([]);
  });
});

/** The preload as the build ships it: bundled to CommonJS with only 'electron' left to require. */
async function bundlePreload(): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [fileURLToPath(new URL('../../electron/preload/index.ts', import.meta.url))],
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'chrome130',
    external: ['electron'],
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

type IpcRendererListener = (event: unknown, ...args: unknown[]) => void;

/** Runs the preload in a fresh context with fake contextBridge and ipcRenderer, as Electron's sandbox would. */
async function loadPreload() {
  const code = await bundlePreload();
  const exposed = new Map<string, unknown>();
  const invoked: Array<{ channel: string; args: unknown[] }> = [];
  const listeners = new Map<string, IpcRendererListener[]>();
  const required: string[] = [];
  const ipcRenderer = {
    invoke: (channel: string, ...args: unknown[]) => {
      invoked.push({ channel, args });
      return Promise.resolve({ ok: true, value: { echoed: args[0] } });
    },
    on: (channel: string, listener: IpcRendererListener) => {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      return ipcRenderer;
    },
    send: () => {
      throw new Error('the preload must not use send');
    },
    sendSync: () => {
      throw new Error('the preload must not use sendSync');
    },
  };
  const contextBridge = {
    exposeInMainWorld: (key: string, api: unknown) => {
      if (exposed.has(key)) throw new Error(`exposed twice: ${key}`);
      exposed.set(key, api);
    },
  };
  const module = { exports: {} };
  const sandboxRequire = (name: string) => {
    required.push(name);
    if (name === 'electron') return { contextBridge, ipcRenderer };
    throw new Error(`a sandboxed preload cannot require ${name}`);
  };
  vm.runInNewContext(code, { require: sandboxRequire, module, exports: module.exports, console }, { filename: 'preload.cjs' });
  const emit = (...args: unknown[]) => {
    for (const listener of listeners.get(EVENT_CHANNEL) ?? []) listener({ sender: ipcRenderer, ports: [] }, ...args);
  };
  return { exposed, invoked, listeners, required, ipcRenderer, emit };
}

function expectedShape(): Record<string, string[]> {
  const shape: Record<string, string[]> = { events: ['on'] };
  for (const name of methodNames) {
    const [ns, fn] = name.split('.');
    (shape[ns] ??= []).push(fn);
  }
  for (const fns of Object.values(shape)) fns.sort();
  return shape;
}

describe('the preload', () => {
  it("exposes window.collate with exactly the contract's methods and events.on, all functions, and requires only electron", async () => {
    const { exposed, required } = await loadPreload();
    expect([...exposed.keys()]).toEqual(['collate', 'collateShell']);
    const api = exposed.get('collate') as Record<string, Record<string, unknown>>;
    const shape: Record<string, string[]> = {};
    for (const [ns, fns] of Object.entries(api)) {
      shape[ns] = Object.keys(fns).sort();
      for (const fn of Object.values(fns)) expect(typeof fn).toBe('function');
    }
    expect(shape).toEqual(expectedShape());
    expect([...new Set(required)]).toEqual(['electron']);
  });

  it('never hands ipcRenderer (or anything holding it) to the page', async () => {
    const { exposed, ipcRenderer } = await loadPreload();
    const seen = new Set<unknown>();
    const walk = (value: unknown) => {
      if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value)) return;
      seen.add(value);
      expect(value).not.toBe(ipcRenderer);
      for (const key of Reflect.ownKeys(value as object)) {
        const descriptor = Reflect.getOwnPropertyDescriptor(value as object, key);
        if (descriptor && 'value' in descriptor) walk(descriptor.value);
      }
    };
    walk(exposed.get('collate'));
    walk(exposed.get('collateShell'));
  });

  it('exposes window.collateShell: the Save and Open dialogs, each over its own channel, passing only what the page named', async () => {
    const { exposed, invoked } = await loadPreload();
    const shell = exposed.get('collateShell') as Record<string, (input: unknown) => Promise<unknown>>;
    expect(Object.keys(shell).sort()).toEqual(['importWithDialog', 'saveExport']);
    await expect(shell.saveExport({ kind: 'brief', id: 3 })).resolves.toEqual({ ok: true, value: { echoed: { kind: 'brief', id: 3 } } });
    await expect(shell.importWithDialog('folders')).resolves.toEqual({ ok: true, value: { echoed: 'folders' } });
    expect(invoked).toEqual([
      { channel: SHELL_CHANNELS.saveExport, args: [{ kind: 'brief', id: 3 }] },
      { channel: SHELL_CHANNELS.importWithDialog, args: ['folders'] },
    ]);
    // Not contract channels: registerIpc's handlers never answer them.
    expect(Object.values(SHELL_CHANNELS).some((c) => methodNames.map(channelFor).includes(c))).toBe(false);
  });

  it('calls each method over its own invoke channel and returns the envelope', async () => {
    const { exposed, invoked } = await loadPreload();
    const api = exposed.get('collate') as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
    for (const name of methodNames) {
      const [ns, fn] = name.split('.');
      await expect(api[ns][fn]({ marker: name })).resolves.toEqual({ ok: true, value: { echoed: { marker: name } } });
    }
    expect(invoked.map((call) => call.channel)).toEqual(methodNames.map(channelFor));
  });

  it('delivers contract events to subscribers (payload only) until they unsubscribe', async () => {
    const { exposed, listeners, emit } = await loadPreload();
    expect([...listeners.keys()]).toEqual([EVENT_CHANNEL]);
    const events = (exposed.get('collate') as { events: { on: (name: string, cb: (p: unknown) => void) => () => void } }).events;
    for (const name of eventNames) {
      const received: unknown[][] = [];
      const off = events.on(name, (...args: unknown[]) => void received.push(args));
      expect(typeof off).toBe('function');
      emit(name, { n: 1 });
      emit('some.other', { n: 2 });
      off();
      emit(name, { n: 3 });
      expect(received).toEqual([[{ n: 1 }]]);
    }
  });

  it('rejects event names outside the contract and listeners that are not functions', async () => {
    const { exposed } = await loadPreload();
    const events = (exposed.get('collate') as { events: { on: (name: unknown, cb: unknown) => unknown } }).events;
    expect(() => events.on('ipc.raw', () => undefined)).toThrow(/Unknown Collate event/);
    expect(() => events.on('__proto__', () => undefined)).toThrow(/Unknown Collate event/);
    expect(() => events.on('library.changed', 'alert(1)')).toThrow(/must be a function/);
  });
});
