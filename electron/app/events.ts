import type { EventMap, EventName } from '../../shared/api/contract';

export type EventListener = <E extends EventName>(name: E, payload: EventMap[E]) => void;

/** Fan-out of library events to every window (IPC) and browser tab (HTTP stream). */
export class EventHub {
  private listeners = new Set<EventListener>();

  emit<E extends EventName>(name: E, payload: EventMap[E]): void {
    for (const listener of this.listeners) {
      try {
        listener(name, payload);
      } catch {
        // A closed window or tab must not stop the others from hearing.
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
