import { createBridge } from '../../shared/api/client';
import type { CollateBridge, EventBridge, EventMap, EventName, MethodName } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/errors';

declare global {
  interface Window {
    /** Set by Electron's preload; absent in the browser host. */
    collate?: CollateBridge;
  }
}

const TOKEN_KEY = 'collate.token';

/**
 * The launch token arrives in the URL fragment (never sent to the server in
 * logs or referrers); it is kept for this tab only so a reload still works,
 * and removed from the address bar.
 */
function takeToken(): string {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

type Listener = (payload: unknown) => void;

/** The browser host's bridge: the contract as POST /api/<method>, events as a streamed response. */
function httpBridge(): CollateBridge {
  const token = takeToken();
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const listeners = new Map<EventName, Set<Listener>>();
  let streaming = false;

  async function stream(): Promise<void> {
    for (;;) {
      try {
        const res = await fetch('/api/events', { headers });
        if (!res.ok || !res.body) throw new Error(`events: ${res.status}`);
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const name = /^event: (.+)$/m.exec(frame)?.[1] as EventName | undefined;
            const data = /^data: (.+)$/m.exec(frame)?.[1];
            if (name && data) for (const l of listeners.get(name) ?? []) l(JSON.parse(data));
          }
        }
      } catch {
        // The host restarted or the network blipped: try again shortly.
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }

  const events: EventBridge = {
    on(name, listener) {
      if (!streaming) {
        streaming = true;
        void stream();
      }
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(listener as Listener);
      return () => set.delete(listener as Listener);
    },
  };

  const call = async (method: MethodName, input: unknown): Promise<Envelope<unknown>> => {
    try {
      const res = await fetch(`/api/${method}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}) });
      return (await res.json()) as Envelope<unknown>;
    } catch {
      return { ok: false, error: { code: 'internal', message: 'Collate is not reachable. Is `collate serve` still running?' } };
    }
  };
  return createBridge(call, events);
}

export const bridge: CollateBridge = window.collate ?? httpBridge();

export function onEvent<E extends EventName>(name: E, listener: (payload: EventMap[E]) => void): () => void {
  return bridge.events.on(name, listener);
}
