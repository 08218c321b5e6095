// Types for the parts of node-bundle.mjs that tests read.
export declare const NOT_BUNDLED: string[];
export declare const WORKERS: string[];
export declare function nodeBundle(root: string, options: { target: string; external?: string[] }): Record<string, unknown>;
