// The device store's tests run in Node, where fake-indexeddb provides the IndexedDB that Dexie opens.
import 'fake-indexeddb/auto'
