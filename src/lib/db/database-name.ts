/** The IndexedDB database's name, apart from Dexie: the score's worker opens it by itself. */
export const DATABASE_NAME = 'anyam';
