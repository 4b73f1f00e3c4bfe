import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, DB_VERSION, type FraudSentryDb } from './schema';

export type Db = IDBPDatabase<FraudSentryDb>;

/**
 * Opens the extension's database. Only the background calls this: it runs in the
 * extension's own origin, whereas a content script's IndexedDB would be the web page's.
 */
export function openFraudDb(name = DB_NAME): Promise<Db> {
  return openDB<FraudSentryDb>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('lists', { keyPath: 'id' });
        db.createObjectStore('listData', { keyPath: ['listId', 'version'] });
        db.createObjectStore('listDelta', { keyPath: ['listId', 'seq'] });
        db.createObjectStore('settings');
      }
    },
  });
}
