import type { z } from 'zod';
import type { Envelope } from './errors';
import type { MethodSpec } from './method';
import { anchoringMethods } from './methods/anchoring';
import { annotationMethods } from './methods/annotations';
import { briefMethods } from './methods/briefs';
import { exportMethods } from './methods/export';
import { libraryMethods } from './methods/library';
import { pasteMethods } from './methods/paste';
import { searchMethods } from './methods/search';
import { sourceMethods } from './methods/sources';
import { statementMethods } from './methods/statements';
import { tagMethods } from './methods/tags';
import { settingsMethods } from './methods/settings';
import { trashMethods } from './methods/trash';

/**
 * Every call the UI, the CLI and the browser host can make. Each feature keeps
 * its methods in methods/<feature>.ts; everything else (preload bridge, IPC
 * table, HTTP routes, renderer client, CLI) is derived from this object.
 */
export const contract = {
  ...libraryMethods,
  ...searchMethods,
  ...sourceMethods,
  ...pasteMethods,
  ...annotationMethods,
  ...anchoringMethods,
  ...settingsMethods,
  ...statementMethods,
  ...tagMethods,
  ...trashMethods,
  ...briefMethods,
  ...exportMethods,
} satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract & string;
export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** What a caller sends (defaults not yet applied). */
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives (validated, defaults applied, ids branded). */
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = Contract[M] extends MethodSpec<z.ZodType, infer O> ? O : never;

export type Handler<M extends MethodName> = (input: ParsedInputOf<M>) => OutputOf<M> | Promise<OutputOf<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };
/** The handlers of one namespace, e.g. HandlersIn<'sources'>. */
export type HandlersIn<N extends string> = { [M in MethodName as M extends `${N}.${string}` ? M : never]: Handler<M> };

type Namespace<M extends string> = M extends `${infer N}.${string}` ? N : never;
export type NamespaceName = Namespace<MethodName>;

/** window.collate and the HTTP bridge: one function per method, answering with an envelope. */
export type CollateBridge = {
  [N in NamespaceName]: {
    [M in MethodName as M extends `${N}.${infer F}` ? F : never]: (input: InputOf<M>) => Promise<Envelope<OutputOf<M>>>;
  };
} & { events: EventBridge };

/** The renderer's client: the same shape, answering with values and throwing AppError. */
export type CollateClient = {
  [N in NamespaceName]: {
    [M in MethodName as M extends `${N}.${infer F}` ? F : never]: (input: InputOf<M>) => Promise<OutputOf<M>>;
  };
};

/** Events pushed from the library to every window. */
export interface EventMap {
  'library.changed': { kinds: Array<'sources' | 'annotations' | 'tags' | 'statements' | 'links' | 'briefs' | 'trash'> };
  'import.progress': { jobId: string; done: number; total: number; current: string | null; failed: number; finished: boolean };
  /** The background check of a large library found damage (electron/app/library.ts). */
  'library.damaged': { message: string };
  'menu.command': { command: 'import-files' | 'paste-article' | 'find' | 'search' | 'shortcuts' };
}
export type EventName = keyof EventMap;
export const eventNames: EventName[] = ['library.changed', 'import.progress', 'library.damaged', 'menu.command'];

export interface EventBridge {
  on<E extends EventName>(name: E, listener: (payload: EventMap[E]) => void): () => void;
}

/** Builds the nested { namespace: { fn } } object from one function per method name. */
export function buildNested<T>(make: (name: MethodName) => T): Record<string, Record<string, T>> {
  const out: Record<string, Record<string, T>> = {};
  for (const name of methodNames) {
    const dot = name.indexOf('.');
    const ns = name.slice(0, dot);
    (out[ns] ??= {})[name.slice(dot + 1)] = make(name);
  }
  return out;
}
