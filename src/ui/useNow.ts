import { useEffect, useState } from 'react';

/**
 * The time now (milliseconds), renewed every `everyMs`: what a page hands to the domain's rules that depend
 * on the clock (e.g. isMeetingOver), since a render may not read the clock itself.
 */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
