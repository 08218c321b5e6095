import { sql as core } from './0001-core';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** In order; version N brings a database from user_version N-1 to N. A test checks this list against the folder. */
export const migrations: Migration[] = [{ version: 1, name: '0001-core', sql: core }];
