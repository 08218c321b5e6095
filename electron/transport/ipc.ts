import { type EventName, methodNames } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/errors';
import type { Library } from '../app/library';
import type { FrameLike } from '../app/shell-policy';

/**
 * Structural slices of Electron's ipcMain and webContents: this module runs
 * under plain Node (tests) and may not import 'electron', not even its types.
 * Electron's own objects satisfy them, which `tsc -p electron` checks at the
 * one call site in electron/main.
 */
export interface IpcInvokeEventLike {
  readonly senderFrame: FrameLike | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface WebContentsLike {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
  readonly mainFrame: FrameLike;
}

export interface WebContentsRegistryLike {
  getAllWebContents(): WebContentsLike[];
}

export const CHANNEL_PREFIX = 'collate:';
export const EVENT_CHANNEL = 'collate:event';

export function channelFor(method: string): string {
  return CHANNEL_PREFIX + method;
}

const FORBIDDEN: Envelope<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This call did not come from a Collate window, so it was refused.' },
};

/**
 * The IPC transport: one `handle` per contract method, each answering with the
 * library's envelope (a thrown error would reach the renderer as a bare
 * message), and library events pushed to every Collate window. Returns a
 * function that removes it all.
 */
export function registerIpc(
  ipcMain: IpcMainLike,
  library: Pick<Library, 'call' | 'events'>,
  isTrustedSender: (frame: FrameLike | null) => boolean,
  webContents: WebContentsRegistryLike,
): () => void {
  for (const method of methodNames) {
    ipcMain.handle(channelFor(method), async (event, input) => {
      if (!isTrustedSender(event.senderFrame)) return FORBIDDEN;
      return library.call(method, input);
    });
  }

  const unsubscribe = library.events.subscribe((name: EventName, payload: unknown) => {
    for (const target of webContents.getAllWebContents()) {
      // DevTools, a page that navigated away: they get no library data.
      if (target.isDestroyed() || !isTrustedSender(target.mainFrame)) continue;
      target.send(EVENT_CHANNEL, name, payload);
    }
  });

  return () => {
    unsubscribe();
    for (const method of methodNames) ipcMain.removeHandler(channelFor(method));
  };
}
