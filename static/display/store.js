// The last feed this screen had, kept in localStorage so a reload (or a
// reboot while the server is away) still shows praise. One key per screen;
// the version in the key lets a later page ignore an old shape.

const PREFIX = "kiosk.display.";
const VERSION = "v1";

export function createStore(token, storage = globalThis.localStorage) {
  const keyName = `${PREFIX}${VERSION}.${token}`;
  let tidied = false;

  /** Drop other screens' and older versions' copies, so storage stays bounded. */
  function tidy() {
    tidied = true;
    try {
      for (let i = storage.length - 1; i >= 0; i--) {
        const k = storage.key(i);
        if (k && k.startsWith(PREFIX) && k !== keyName) storage.removeItem(k);
      }
    } catch {
      /* storage unavailable: nothing to tidy */
    }
  }

  return {
    /** {channel, items, version, offset, zone, announcement, savedAt} or null. */
    load() {
      try {
        const data = JSON.parse(storage.getItem(keyName) || "null");
        if (!data || typeof data !== "object" || !Array.isArray(data.items)) return null;
        return data;
      } catch {
        return null;
      }
    },
    save(data) {
      if (!tidied) tidy();
      try {
        storage.setItem(keyName, JSON.stringify({ ...data, savedAt: Date.now() }));
      } catch {
        /* quota or private mode: the screen still runs from memory */
      }
    },
  };
}
