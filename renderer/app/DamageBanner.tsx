import { useEffect, useState } from 'react';
import { api } from '../data/client';
import { onEvent } from '../data/bridge';

/**
 * A large library is checked in the background after it opens
 * (electron/app/library.ts); if that check finds damage, the user must hear
 * it now, while what is open still works, not at the next start.
 */
export function DamageBanner() {
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    // The check may have finished before this window subscribed.
    api.library.info({}).then((info) => info.damage && setMessage(info.damage), () => undefined);
    return onEvent('library.damaged', (e) => setMessage(e.message));
  }, []);
  if (!message) return null;
  return (
    <div className="damage-banner" role="alert">
      {message}
    </div>
  );
}
