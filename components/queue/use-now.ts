import { useEffect, useState } from 'preact/hooks';

/** The clock, ticking while the component is shown, so "Next try in 3 min" counts down. */
export function useNow(everyMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
