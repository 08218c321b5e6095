import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from '../../shared/api/client';
import { type EventBridge, type EventName, eventNames } from '../../shared/api/contract';
import { SHELL_CHANNELS, type ShellBridge } from '../../shared/api/shell';
import { channelFor, EVENT_CHANNEL } from '../transport/ipc';

/**
 * window.collate: the contract's methods and its events, nothing more. The
 * page never sees ipcRenderer or an IPC event object (whose `sender` is
 * ipcRenderer), so it cannot reach a channel the contract does not name.
 */

type Listener = (payload: unknown) => void;
const listeners = new Map<EventName, Set<Listener>>(eventNames.map((name) => [name, new Set<Listener>()]));

ipcRenderer.on(EVENT_CHANNEL, (_event, name: unknown, payload: unknown) => {
  const set = listeners.get(name as EventName);
  if (!set) return;
  for (const listener of [...set]) {
    try {
      listener(payload);
    } catch (err) {
      // One failing subscriber must not silence the others.
      console.error(err);
    }
  }
});

const events: EventBridge = {
  on(name, listener) {
    const set = listeners.get(name);
    if (!set) throw new TypeError(`Unknown Collate event "${String(name).slice(0, 60)}".`);
    if (typeof listener !== 'function') throw new TypeError('The event listener must be a function.');
    const wrapped: Listener = (payload) => listener(payload as never);
    set.add(wrapped);
    return () => {
      set.delete(wrapped);
    };
  },
};

const bridge = createBridge((method, input) => ipcRenderer.invoke(channelFor(method), input), events);

contextBridge.exposeInMainWorld('collate', bridge);

/** window.collateShell: the Save and Open dialogs. Only what to export or which dialog goes over; paths stay in the main process. */
const shell: ShellBridge = {
  saveExport: (request) => ipcRenderer.invoke(SHELL_CHANNELS.saveExport, request),
  importWithDialog: (pick) => ipcRenderer.invoke(SHELL_CHANNELS.importWithDialog, pick),
};

contextBridge.exposeInMainWorld('collateShell', shell);
