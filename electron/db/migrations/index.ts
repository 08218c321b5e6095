import { sql as core } from './0001-core';
import { sql as statements } from './0002-statements';
import { sql as briefQuotes } from './0003-brief-quotes';
import { sql as search } from './0004-search';
import { sql as libraryFilter } from './0005-library-filter';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** In order; version N brings a database from user_version N-1 to N. A test checks this list against the folder. */
export const migrations: Migration[] = [
  { version: 1, name: '0001-core', sql: core },
  { version: 2, name: '0002-statements', sql: statements },
  { version: 3, name: '0003-brief-quotes', sql: briefQuotes },
  { version: 4, name: '0004-search', sql: search },
  { version: 5, name: '0005-library-filter', sql: libraryFilter },
];
